//! The files of a folder that claimlens opens as reviews: every saved review, and every article
//! that has none beside it yet (an article with a review opens through its review).

use super::error::{FileError, read_problem};
use std::path::{Path, PathBuf};

use super::article_file::ARTICLE_EXTENSIONS;
/// Folders of thousands of files are a corpus, not a handful of tabs.
pub const MAX_FILES: usize = 50;

/// The reviews (`.ron`) and unreviewed articles directly in `dir`, sorted by name, at most
/// [`MAX_FILES`]. Hidden files, sub-folders and other files are left out.
pub fn reviewable(dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let entries = std::fs::read_dir(dir).map_err(|e| FileError::open(dir, read_problem(&e)))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| e.path())
        .filter(|p| p.is_file() && !is_hidden(p))
        .collect();
    files.sort();
    let reviewed: Vec<PathBuf> = files.iter().filter_map(|p| reviewed_article(p)).collect();
    let mut out: Vec<PathBuf> = files
        .into_iter()
        .filter(|p| {
            let ext = extension(p);
            ext == "ron" && p.to_string_lossy().ends_with(".review.ron")
                || ARTICLE_EXTENSIONS.contains(&ext.as_str())
                    && !reviewed.iter().any(|r| same_stem(r, p))
        })
        .collect();
    out.truncate(MAX_FILES);
    Ok(out)
}

fn extension(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// `report.review.ron` stands for the article `report.*` beside it (the stem it was named by).
fn reviewed_article(review: &Path) -> Option<PathBuf> {
    let name = review.file_name()?.to_string_lossy().into_owned();
    let stem = name.strip_suffix(".review.ron")?;
    Some(review.with_file_name(stem))
}

fn same_stem(stem_path: &Path, article: &Path) -> bool {
    article.with_extension("") == *stem_path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reviewed_article_opens_through_its_review_and_other_files_stay_closed() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "a.txt",
            "a.review.ron",
            "b.md",
            "c.TXT",
            "labels.ron",
            "notes.pdf",
            "sheet.xlsx",
            ".hidden.txt",
        ] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        std::fs::create_dir(dir.path().join("sub.txt")).expect("dir");
        let names: Vec<String> = reviewable(dir.path())
            .expect("readable")
            .iter()
            .map(|p| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.review.ron", "b.md", "c.TXT", "notes.pdf"]);
    }

    #[test]
    fn a_missing_folder_is_named_in_the_message() {
        let e = reviewable(Path::new("/no/such/folder")).expect_err("missing");
        assert!(e.to_string().contains("/no/such/folder"), "{e}");
    }
}
