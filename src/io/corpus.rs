//! A folder of reports as a corpus: every review and every article in it, however deep, read
//! on all cores. A review pairs with its article by name (`<article>.review.ron`,
//! `<article>.<analyst>.review.ron`) or by the SHA-256 of the article's text it stores, so one
//! article can have several analysts' reviews; an article without a review is listed as
//! untouched; a review that cannot be read is listed with its problem, never skipped.

use super::article_file::{ARTICLE_EXTENSIONS, read_article};
use super::error::{FileError, read_problem};
use crate::model::article::sha256_hex;
use crate::model::{Session, Status};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Folders deeper than this are not a report archive but a loop or a mistake.
const MAX_DEPTH: usize = 32;

/// What one file of the corpus is.
#[derive(Debug)]
pub enum Content {
    /// A review, read and checked.
    Review(Box<Session>),
    /// A review that could not be read, and why.
    Damaged(String),
    /// An article no review in the folder is of: its text, for search.
    Unreviewed(Box<crate::model::Article>),
    /// An article that could not be read, and why.
    Unreadable(String),
}

/// How far a report's review has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    pub sentences: usize,
    /// Labelled and confirmed by the analyst.
    pub reviewed: usize,
    /// Carrying an unconfirmed suggestion.
    pub suggested: usize,
    pub untouched: usize,
}

/// One file of the corpus.
#[derive(Debug)]
pub struct Item {
    pub path: PathBuf,
    /// The path inside the folder, as lists show it.
    pub name: String,
    /// For a review: the article file it is of, when that is in the folder.
    pub article: Option<PathBuf>,
    pub content: Content,
    pub bytes: u64,
}

impl Item {
    pub fn session(&self) -> Option<&Session> {
        match &self.content {
            Content::Review(s) => Some(s),
            _ => None,
        }
    }

    fn article_text(&self) -> Option<&crate::model::Article> {
        match &self.content {
            Content::Review(s) => Some(s.article()),
            Content::Unreviewed(a) => Some(a),
            _ => None,
        }
    }

    pub fn title(&self) -> String {
        self.article_text()
            .map_or_else(|| self.name.clone(), |a| a.title.clone())
    }

    pub fn outlet(&self) -> Option<&str> {
        self.article_text()?.meta.site_name.as_deref()
    }

    /// As the article's metadata gives it (usually ISO 8601).
    pub fn published(&self) -> Option<&str> {
        self.article_text()?.meta.published.as_deref()
    }

    /// Everyone the review names, creator first.
    pub fn analysts(&self) -> Vec<&str> {
        self.session()
            .map(|s| s.provenance().analysts())
            .unwrap_or_default()
    }

    pub fn problem(&self) -> Option<&str> {
        match &self.content {
            Content::Damaged(p) | Content::Unreadable(p) => Some(p),
            _ => None,
        }
    }

    pub fn progress(&self) -> Progress {
        match &self.content {
            Content::Review(s) => {
                let mut p = Progress {
                    sentences: s.len(),
                    ..Progress::default()
                };
                for a in s.annotations() {
                    match (a.label.is_some(), a.status) {
                        (true, Status::Confirmed) => p.reviewed += 1,
                        (true, Status::Suggested) => p.suggested += 1,
                        _ => p.untouched += 1,
                    }
                }
                p
            }
            Content::Unreviewed(a) => {
                let n = crate::model::segment::segment(&a.text).sentences.len();
                Progress {
                    sentences: n,
                    untouched: n,
                    ..Progress::default()
                }
            }
            _ => Progress::default(),
        }
    }
}

/// Every review and article under `dir`, reviews first paired with their articles, in path
/// order. Hidden files and folders (`.claimlens`, `.git`) are left out.
pub fn scan(dir: &Path) -> Result<Vec<Item>, FileError> {
    let mut files = Vec::new();
    walk(dir, 0, &mut files).map_err(|e| FileError::open(dir, read_problem(&e)))?;
    files.sort();
    let (reviews, articles): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|p| p.to_string_lossy().ends_with(".ron"));
    let name = |p: &Path| {
        p.strip_prefix(dir)
            .unwrap_or(p)
            .to_string_lossy()
            .into_owned()
    };
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let mut items: Vec<Item> = reviews
        .par_iter()
        .map(|p| Item {
            path: p.clone(),
            name: name(p),
            article: None,
            content: match super::load_session(p) {
                Ok(s) => Content::Review(Box::new(s)),
                Err(e) => Content::Damaged(e.to_string()),
            },
            bytes: size(p),
        })
        .collect();
    // By name first; articles still unpaired are read, and paired by their text's checksum.
    let mut unpaired = Vec::new();
    // An article paired by name has its review's checksum: another review of the same text,
    // named otherwise, pairs with it too, without reading it.
    let mut known: Vec<(PathBuf, String)> = Vec::new();
    for article in articles {
        let mut paired = false;
        for item in items.iter_mut().filter(|i| named_for(&i.path, &article)) {
            item.article = Some(article.clone());
            if let Some(s) = item.session() {
                known.push((article.clone(), s.article().sha256.clone()));
            }
            paired = true;
        }
        if !paired {
            unpaired.push(article);
        }
    }
    for item in items.iter_mut().filter(|i| i.article.is_none()) {
        let sha = item.session().map(|s| s.article().sha256.clone());
        item.article = known
            .iter()
            .find(|(_, k)| Some(k) == sha.as_ref())
            .map(|(p, _)| p.clone());
    }
    let read: Vec<(PathBuf, Result<crate::model::Article, FileError>)> = unpaired
        .into_par_iter()
        .map(|p| {
            let article = read_article(&p);
            (p, article)
        })
        .collect();
    for (path, article) in read {
        let sha = article.as_ref().ok().map(|a| sha256_hex(&a.text));
        let mut paired = false;
        for item in items.iter_mut().filter(|i| i.article.is_none()) {
            if item
                .session()
                .is_some_and(|s| Some(&s.article().sha256) == sha.as_ref())
            {
                item.article = Some(path.clone());
                paired = true;
            }
        }
        if !paired {
            items.push(Item {
                name: name(&path),
                bytes: size(&path),
                content: match article {
                    Ok(a) => Content::Unreviewed(Box::new(a)),
                    Err(e) => Content::Unreadable(e.to_string()),
                },
                path,
                article: None,
            });
        }
    }
    items.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(items)
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        // Linked folders are not followed: a link back up would never end.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            // A sub-folder that cannot be read leaves the rest of the corpus readable.
            let _ = walk(&path, depth + 1, out);
        } else if path.is_file() && wanted(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn wanted(path: &Path) -> bool {
    let name = path.to_string_lossy();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // A file named as a review is one, damaged or not; another .ron file (a label preset) is
    // only when it reads like a session.
    name.ends_with(".review.ron")
        || ext == "ron" && super::session_file::looks_like_session(path)
        || ARTICLE_EXTENSIONS.contains(&ext.as_str())
}

/// `hyesan.review.ron` and `hyesan.kim.review.ron` are reviews of `hyesan.txt` beside them.
fn named_for(review: &Path, article: &Path) -> bool {
    let (Some(review_name), Some(stem)) = (review.file_name(), article.file_stem()) else {
        return false;
    };
    let (review_name, stem) = (review_name.to_string_lossy(), stem.to_string_lossy());
    review.parent() == article.parent()
        && review_name
            .strip_prefix(stem.as_ref())
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|rest| {
                rest == "review.ron"
                    || rest
                        .strip_suffix(".review.ron")
                        .is_some_and(|a| !a.contains('.'))
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviews_are_named_for_their_article_with_or_without_an_analyst() {
        let a = Path::new("/c/hyesan.txt");
        assert!(named_for(Path::new("/c/hyesan.review.ron"), a));
        assert!(named_for(Path::new("/c/hyesan.kim.review.ron"), a));
        assert!(!named_for(Path::new("/c/hyesan2.review.ron"), a));
        assert!(!named_for(Path::new("/c/hyesan.a.b.review.ron"), a));
        assert!(!named_for(Path::new("/d/hyesan.review.ron"), a));
    }
}
