//! The sample report bundled into the binary, so `cargo run` always has something to open.

pub const SAMPLE_PATH: &str = "assets/samples/hyesan-rice-prices.txt";
pub const SAMPLE_TEXT: &str = include_str!("../assets/samples/hyesan-rice-prices.txt");

/// The sample as a fresh article.
pub fn sample_article() -> crate::model::Article {
    use crate::model::Article;
    Article::new(
        Article::title_from_text(SAMPLE_TEXT, "Sample report"),
        Some(SAMPLE_PATH.to_string()),
        SAMPLE_TEXT,
    )
}
