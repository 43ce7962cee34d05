//! Taxonomy colours on the current theme; the colour science and its checks live in
//! `model::colour`.

use crate::model::Rgb;
use crate::model::colour::{self, NEIGHBOUR_SHARE, Page};
use eframe::egui::{Color32, Visuals};

pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

fn rgb(c: Color32) -> Rgb {
    Rgb(c.r(), c.g(), c.b())
}

/// The page the article is drawn on, for this theme.
fn page(visuals: &Visuals) -> Page {
    let base = if visuals.dark_mode {
        colour::DARK
    } else {
        colour::LIGHT
    };
    // A theme with another background still gets readable tints: computed on its own page.
    Page {
        background: rgb(visuals.extreme_bg_color),
        ..base
    }
}

/// The colour of article text: the one the tints were made readable for.
pub fn article_text(visuals: &Visuals) -> Color32 {
    color(page(visuals).text)
}

/// A label colour behind text, as strong as the text allows.
pub fn tint(rgb: Rgb, visuals: &Visuals) -> Color32 {
    cached_tint(rgb, visuals, false)
}

/// Finding the strongest readable tint takes a search; a frame asks for the same few hundreds
/// of times.
fn cached_tint(label: Rgb, visuals: &Visuals, neighbour: bool) -> Color32 {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static TINTS: RefCell<HashMap<(Rgb, Rgb, bool, bool), Color32>> = RefCell::default();
    }
    let page = page(visuals);
    let key = (label, page.background, visuals.dark_mode, neighbour);
    TINTS.with_borrow_mut(|tints| {
        *tints.entry(key).or_insert_with(|| {
            let share = if neighbour { NEIGHBOUR_SHARE } else { 1.0 };
            color(page.tint(label, share))
        })
    })
}

/// The tint of a sentence in the article; every other one is lighter so that the boundary
/// between two sentences with the same label stays visible.
pub fn sentence_tint(rgb: Rgb, visuals: &Visuals, index: usize) -> Color32 {
    cached_tint(rgb, visuals, !index.is_multiple_of(2))
}

/// Black or white, whichever has the higher contrast on `background`.
pub fn text_on(background: Color32) -> Color32 {
    let bg = rgb(background);
    if colour::contrast(Rgb(0, 0, 0), bg) >= colour::contrast(Rgb(255, 255, 255), bg) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// The outline of the selected sentences: strong and visible on any label colour.
pub fn selection_stroke(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::WHITE
    } else {
        Color32::BLACK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The palette is checked on `model::colour`'s pages; these must be the pages egui draws.
    #[test]
    fn the_checked_pages_are_the_ones_egui_draws() {
        assert_eq!(page(&Visuals::light()), colour::LIGHT);
        assert_eq!(page(&Visuals::dark()), colour::DARK);
    }
}
