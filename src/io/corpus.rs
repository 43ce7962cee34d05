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
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

/// Folders deeper than this are not a report archive but a loop or a mistake.
const MAX_DEPTH: usize = 32;

/// What one file of the corpus is.
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    pub sentences: usize,
    /// Labelled and confirmed by the analyst.
    pub reviewed: usize,
    /// Carrying an unconfirmed suggestion.
    pub suggested: usize,
    pub untouched: usize,
}

/// A file's length and modification time: while both are as they were, what was read of the
/// file still holds, and a new scan does not read it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
        })
    }
}

/// The files of a corpus with their stamps, in path order: when two listings are equal, nothing
/// in the folder changed.
pub type Listing = Vec<(PathBuf, Stamp)>;

/// How far a scan has got: files found, and files read (or taken from the last scan).
#[derive(Debug, Default)]
pub struct Counter {
    pub files: AtomicUsize,
    pub read: AtomicUsize,
}

impl Counter {
    fn one_read(&self) {
        self.read.fetch_add(1, Ordering::Relaxed);
    }
}

/// One file of the corpus.
#[derive(Debug, Clone)]
pub struct Item {
    pub path: PathBuf,
    /// The path inside the folder, as lists show it.
    pub name: String,
    /// For a review: the article file it is of, when that is in the folder.
    pub article: Option<PathBuf>,
    pub content: Content,
    pub bytes: u64,
    pub stamp: Option<Stamp>,
}

impl Item {
    pub fn session(&self) -> Option<&Session> {
        match &self.content {
            Content::Review(s) => Some(s),
            _ => None,
        }
    }

    /// The article read, from its review or its own file.
    pub fn article_text(&self) -> Option<&crate::model::Article> {
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
    scan_again(dir, &list(dir)?, &[], &Counter::default())
}

/// The files a scan of `dir` reads, with their stamps.
pub fn list(dir: &Path) -> Result<Listing, FileError> {
    let mut files = Vec::new();
    walk(dir, 0, &mut files).map_err(|e| FileError::open(dir, read_problem(&e)))?;
    files.sort();
    Ok(files
        .into_iter()
        .filter_map(|p| Stamp::of(&p).map(|s| (p, s)))
        .collect())
}

/// The corpus of the files in `listing` (of `dir`): a file whose stamp is as in `earlier` is
/// taken from there, not read again, so a folder where one report changed is rescanned in the
/// time it takes to read that one. `counter` follows the work, for a progress bar.
pub fn scan_again(
    dir: &Path,
    listing: &Listing,
    earlier: &[Item],
    counter: &Counter,
) -> Result<Vec<Item>, FileError> {
    counter.files.store(listing.len(), Ordering::Relaxed);
    counter.read.store(0, Ordering::Relaxed);
    type Files<'a> = Vec<&'a (PathBuf, Stamp)>;
    let (reviews, articles): (Files, Files) = listing
        .iter()
        .partition(|(p, _)| p.to_string_lossy().ends_with(".ron"));
    let name = |p: &Path| {
        p.strip_prefix(dir)
            .unwrap_or(p)
            .to_string_lossy()
            .into_owned()
    };
    let kept = |path: &Path, stamp: Stamp| {
        earlier
            .binary_search_by(|i| i.path.as_path().cmp(path))
            .ok()
            .map(|k| &earlier[k])
            .filter(|i| i.stamp == Some(stamp))
            .map(|i| i.content.clone())
    };
    let mut items: Vec<Item> = reviews
        .par_iter()
        .map(|(p, stamp)| {
            let content = kept(p, *stamp).unwrap_or_else(|| match super::load_session(p) {
                Ok(s) => Content::Review(Box::new(s)),
                Err(e) => Content::Damaged(e.to_string()),
            });
            counter.one_read();
            Item {
                path: p.clone(),
                name: name(p),
                article: None,
                content,
                bytes: stamp.len,
                stamp: Some(*stamp),
            }
        })
        .collect();
    // By name first; articles still unpaired are read, and paired by their text's checksum.
    let mut unpaired = Vec::new();
    // An article paired by name has its review's checksum: another review of the same text,
    // named otherwise, pairs with it too, without reading it.
    let mut known: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    // The reviews by the folder and the article name they can be named for: one look-up per
    // article, not a comparison with every review.
    let mut by_name: std::collections::HashMap<(&Path, String), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let (Some(parent), Some(name)) = (item.path.parent(), item.path.file_name()) else {
            continue;
        };
        let name = name.to_string_lossy();
        let Some(base) = name.strip_suffix(".review.ron") else {
            continue;
        };
        let mut stems = vec![base.to_string()];
        stems.extend(base.rsplit_once('.').map(|(stem, _)| stem.to_string()));
        for stem in stems {
            by_name.entry((parent, stem)).or_default().push(i);
        }
    }
    let mut named: Vec<(usize, PathBuf)> = Vec::new();
    for (article, stamp) in articles {
        let stem = article
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        let candidates = article
            .parent()
            .zip(stem)
            .and_then(|(parent, stem)| by_name.get(&(parent, stem)));
        let mut paired = false;
        for &i in candidates.into_iter().flatten() {
            if named_for(&items[i].path, article) {
                named.push((i, article.clone()));
                paired = true;
            }
        }
        if paired {
            counter.one_read();
        } else {
            unpaired.push((article, *stamp));
        }
    }
    drop(by_name);
    for (i, article) in named {
        let item = &mut items[i];
        if let Some(s) = item.session() {
            known
                .entry(s.article().sha256.clone())
                .or_insert_with(|| article.clone());
        }
        item.article = Some(article);
    }
    for item in items.iter_mut().filter(|i| i.article.is_none()) {
        let sha = item.session().map(|s| s.article().sha256.as_str());
        item.article = sha.and_then(|k| known.get(k)).cloned();
    }
    // The reviews still without an article, by the checksum of the text they review.
    let mut waiting: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, item) in items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.article.is_none())
    {
        if let Some(s) = item.session() {
            waiting
                .entry(s.article().sha256.clone())
                .or_default()
                .push(i);
        }
    }
    let read: Vec<(PathBuf, Stamp, Content)> = unpaired
        .into_par_iter()
        .map(|(p, stamp)| {
            let content = kept(p, stamp).unwrap_or_else(|| match read_article(p) {
                Ok(a) => Content::Unreviewed(Box::new(a)),
                Err(e) => Content::Unreadable(e.to_string()),
            });
            counter.one_read();
            (p.clone(), stamp, content)
        })
        .collect();
    for (path, stamp, content) in read {
        let sha = match &content {
            Content::Unreviewed(a) => Some(sha256_hex(&a.text)),
            _ => None,
        };
        let mut paired = false;
        // Once paired, a review is not waiting any more: another copy of the text is listed.
        for i in sha.and_then(|k| waiting.remove(&k)).into_iter().flatten() {
            items[i].article = Some(path.clone());
            paired = true;
        }
        if !paired {
            items.push(Item {
                name: name(&path),
                bytes: stamp.len,
                stamp: Some(stamp),
                content,
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

    /// A rescan reads only what changed: a file whose length and time are as before is taken
    /// from the last scan (here it was overwritten in place with the same length and time, so
    /// reading it would have found it damaged), and a file that changed is read again.
    #[test]
    fn a_rescan_reads_only_the_files_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "Title A\n\nThe first report.").unwrap();
        std::fs::write(&b, "Title B\n\nThe second report.").unwrap();
        let first = scan(dir.path()).unwrap();
        assert_eq!(first.len(), 2);

        let when = std::fs::metadata(&a).unwrap().modified().unwrap();
        std::fs::write(&a, "Title Z\n\nThe first rep0rt.").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(when)
            .unwrap();
        std::fs::write(&b, "Title C\n\nThe second report, longer now.").unwrap();
        let counter = Counter::default();
        let again = scan_again(dir.path(), &list(dir.path()).unwrap(), &first, &counter).unwrap();
        let titles: Vec<String> = again.iter().map(Item::title).collect();
        assert_eq!(titles, ["Title A", "Title C"]);
        assert_eq!(counter.read.load(Ordering::Relaxed), 2);
        assert_eq!(counter.files.load(Ordering::Relaxed), 2);
        // Read afresh, the overwritten file shows what it holds now.
        let fresh: Vec<String> = scan(dir.path()).unwrap().iter().map(Item::title).collect();
        assert_eq!(fresh, ["Title Z", "Title C"]);
    }
}
