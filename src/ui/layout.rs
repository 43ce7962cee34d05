//! How the window is shared: the article column takes the width it has up to a readable measure,
//! the claims panel gets the rest, until the analyst drags the divider to a width of their own.

use eframe::egui::{self, FontId, Id, PanelState, Rect, Ui, vec2};

const PANEL_ID: &str = "claims_panel";
/// Narrower, and the claims list's chips and grades no longer fit beside the text.
pub const MIN_PANEL_WIDTH: f32 = 320.0;
/// The article never gets less than this share of the window from the automatic width.
const ARTICLE_SHARE: f32 = 0.45;
/// Room for the article's margins and its scroll bar beside the measure.
const ARTICLE_CHROME: f32 = 2.0 * super::article_view::MARGIN + 16.0;

/// The readable measure of the article column, in average characters of its font.
const MEASURE_CHARS: f32 = 90.0;

/// The width of [`MEASURE_CHARS`] characters of article text: the widest the text column gets,
/// whatever the window (lines much longer than this are hard to follow back to their start).
pub fn measure(ui: &Ui) -> f32 {
    // Running English prose, so that the average includes spaces and the common letters.
    const SAMPLE: &str = "The source said that prices at the market rose again this week, ";
    let font = FontId::proportional(super::article_view::FONT_SIZE);
    let galley = ui
        .painter()
        .layout_no_wrap(SAMPLE.into(), font, egui::Color32::PLACEHOLDER);
    let per_char = galley.size().x / SAMPLE.chars().count() as f32;
    (per_char * MEASURE_CHARS).max(120.0)
}

/// The claims panel's width: automatic, or what the analyst chose by dragging.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct PanelWidth {
    chosen: Option<f32>,
}

impl PanelWidth {
    /// A width the analyst chose earlier (kept in the preferences).
    pub fn chosen(width: Option<f32>) -> Self {
        Self {
            chosen: width.filter(|w| w.is_finite() && *w >= MIN_PANEL_WIDTH),
        }
    }

    /// What to keep in the preferences.
    pub fn to_pref(self) -> Option<f32> {
        self.chosen
    }

    /// The automatic width: what the article column leaves at its readable measure.
    pub fn automatic(window_width: f32, measure: f32) -> f32 {
        let rest = window_width - measure - ARTICLE_CHROME;
        rest.min(window_width * (1.0 - ARTICLE_SHARE))
            .max(MIN_PANEL_WIDTH)
    }

    /// Shows the claims panel at the right of `ui`.
    pub fn show<R>(
        &mut self,
        ui: &mut Ui,
        measure: f32,
        add_contents: impl FnOnce(&mut Ui) -> R,
    ) -> R {
        // egui keys a panel's stored size by its parent's id and the panel's salt.
        let panel_id = ui.scope_id().with(PANEL_ID);
        let resize_id = panel_id.with("__resize");
        let ctx = ui.ctx().clone();
        let divider = ctx.read_response(resize_id);
        if divider.as_ref().is_some_and(|r| r.double_clicked()) {
            self.chosen = None;
        } else if ctx.is_being_dragged(resize_id) {
            self.chosen =
                Some(PanelState::load(&ctx, panel_id).map_or(MIN_PANEL_WIDTH, |s| s.size().x));
        }
        let full = ui.available_rect_before_wrap();
        let width = match self.chosen {
            Some(w) if ctx.is_being_dragged(resize_id) => w,
            Some(w) => w
                .min(full.width() * (1.0 - ARTICLE_SHARE))
                .max(MIN_PANEL_WIDTH),
            None => Self::automatic(full.width(), measure),
        };
        if !ctx.is_being_dragged(resize_id) {
            store_width(&ctx, panel_id, full, width);
        }
        let inner = egui::Panel::right(PANEL_ID)
            .resizable(true)
            .default_size(width)
            .min_size(MIN_PANEL_WIDTH)
            .show(ui, |ui| {
                ui.set_min_width(ui.available_width());
                add_contents(ui)
            });
        if self.chosen.is_some() && !ctx.is_being_dragged(resize_id) {
            self.chosen = Some(inner.response.rect.width());
        }
        divider.map(|d| d.on_hover_text("Drag to resize; double-click for the automatic width"));
        inner.inner
    }
}

/// Sets the panel's size for this frame, as egui would have stored it after a drag.
fn store_width(ctx: &egui::Context, panel_id: Id, full: Rect, width: f32) {
    let known = PanelState::load(ctx, panel_id).map(|s| s.size().x);
    if known.is_some_and(|w| (w - width).abs() < 0.5) {
        return;
    }
    let outer_rect = Rect::from_min_size(
        full.right_top() - vec2(width, 0.0),
        vec2(width, full.height()),
    );
    ctx.data_mut(|d| d.insert_persisted(panel_id, PanelState { outer_rect }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_gets_what_the_article_leaves() {
        let measure = 700.0;
        // Wide: the article keeps its measure, the panel takes the rest.
        let wide = PanelWidth::automatic(1400.0, measure);
        assert!(
            (wide - (1400.0 - measure - ARTICLE_CHROME)).abs() < 0.01,
            "{wide}"
        );
        // Small: the panel never falls below its minimum.
        assert_eq!(PanelWidth::automatic(900.0, measure), MIN_PANEL_WIDTH);
        assert_eq!(PanelWidth::automatic(1024.0, measure), MIN_PANEL_WIDTH);
        // Very wide: the panel takes no more than its share; the article keeps the rest.
        let huge = PanelWidth::automatic(4000.0, 200.0);
        assert!(
            (huge - 4000.0 * (1.0 - ARTICLE_SHARE)).abs() < 0.01,
            "{huge}"
        );
    }

    #[test]
    fn a_chosen_width_must_be_one_the_panel_can_take() {
        assert_eq!(PanelWidth::chosen(Some(f32::NAN)).to_pref(), None);
        assert_eq!(PanelWidth::chosen(Some(10.0)).to_pref(), None);
        assert_eq!(PanelWidth::chosen(Some(420.0)).to_pref(), Some(420.0));
    }
}
