//! Copied HTML from the system clipboard, which egui's paste event does not carry: a browser
//! puts the selection there as HTML too, with its paragraphs and lists, where the text form
//! has lost them.

/// The clipboard's HTML, if it holds some with markup in it.
pub fn copied_html() -> Option<String> {
    let html = arboard::Clipboard::new().ok()?.get().html().ok()?;
    (html.contains('<') && !html.trim().is_empty()).then_some(html)
}
