//! Turning taxonomy colours into things that read well on the current theme.

use crate::model::Rgb;
use eframe::egui::{Color32, Visuals};

pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// A label colour mixed into the page background, light enough to read text on.
pub fn tint(rgb: Rgb, visuals: &Visuals) -> Color32 {
    let strength = if visuals.dark_mode { 0.45 } else { 0.38 };
    mix(visuals.extreme_bg_color, color(rgb), strength)
}

/// The tint of a sentence in the article; neighbours alternate slightly in strength so that the
/// boundary between two sentences with the same label stays visible.
pub fn sentence_tint(rgb: Rgb, visuals: &Visuals, index: usize) -> Color32 {
    let base = if visuals.dark_mode { 0.45 } else { 0.38 };
    let strength = if index.is_multiple_of(2) {
        base
    } else {
        base - 0.1
    };
    mix(visuals.extreme_bg_color, color(rgb), strength)
}

/// Black or white, whichever reads better on `background`.
pub fn text_on(background: Color32) -> Color32 {
    let [r, g, b, _] = background.to_array();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    if luma > 150.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let lerp = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(lerp(a.r(), b.r()), lerp(a.g(), b.g()), lerp(a.b(), b.b()))
}

/// The outline of the selected sentences: strong and visible on any label colour.
pub fn selection_stroke(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::WHITE
    } else {
        Color32::BLACK
    }
}
