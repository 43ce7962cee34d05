//! A folder of reports as a desk (File › Open folder…, `claimlens DIR`): every review and
//! article in it listed with its title, outlet, date, size, analysts and progress; a search over
//! all of them as keyword-in-context lines; opening a report (at a match's sentence) in a tab of
//! its own; "next report to review". The folder is read on a worker and looked at again every
//! few seconds, so that another analyst's changes show up; only files that changed are read again.

mod commands;
mod echo;
mod scan;
mod sources;
mod stats;

use crate::io::corpus::{Content, Counter, Item, Listing, Progress};
use crate::model::corpus::{Filters, Hit, Report, search};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

pub use echo::Echo;
pub use scan::{CHECK_EVERY, ScanJob, Scanned};
pub use sources::SourceRow;
pub use stats::{Figures, Tally};

/// What one listed file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RowKind {
    Review,
    /// An article no review in the folder is of: it opens as a new review.
    Article,
    /// A review that cannot be read: listed with its problem, never rewritten.
    Damaged,
    Unreadable,
}

/// One report as the desk lists it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    pub path: PathBuf,
    /// The path inside the folder.
    pub name: String,
    pub kind: RowKind,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub bytes: u64,
    pub analysts: Vec<String>,
    pub progress: Progress,
    pub problem: Option<String>,
}

impl Row {
    fn of(item: &Item) -> Row {
        Row {
            path: item.path.clone(),
            name: item.name.clone(),
            kind: match item.content {
                Content::Review(_) => RowKind::Review,
                Content::Unreviewed(_) => RowKind::Article,
                Content::Damaged(_) => RowKind::Damaged,
                Content::Unreadable(_) => RowKind::Unreadable,
            },
            title: item.title(),
            outlet: item.outlet().map(str::to_string),
            published: item.published().map(str::to_string),
            bytes: item.bytes,
            analysts: item.analysts().into_iter().map(str::to_string).collect(),
            progress: item.progress(),
            problem: item.problem().map(str::to_string),
        }
    }

    /// Whether the report still has sentences no analyst confirmed.
    pub fn to_review(&self) -> bool {
        matches!(self.kind, RowKind::Review | RowKind::Article)
            && self.progress.reviewed < self.progress.sentences
    }
}

/// The column the desk's list is ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// The file's path in the folder.
    #[default]
    File,
    Title,
    Outlet,
    Date,
    Size,
    /// The share of sentences reviewed.
    Progress,
}

/// What the analyst can do on the desk.
#[derive(Debug, Clone, PartialEq)]
pub enum DeskCommand {
    /// Shows the desk in place of the review (it stays open behind it).
    Show,
    /// Searches every report for these words (empty: the list of reports again).
    Search(String),
    /// Keeps only matches in sentences with this label (name or id), or all.
    FilterLabel(Option<String>),
    /// Keeps only reports of this outlet, or all.
    FilterOutlet(Option<String>),
    /// Keeps only reports published in this range of days (each end a year, month or day;
    /// `None`: open).
    FilterDates(Option<String>, Option<String>),
    /// Keeps only sentences whose label is confirmed, or only suggested ones, or all.
    FilterStatus(Option<crate::model::Status>),
    /// Keeps only sentences whose label is of this kind, or all.
    FilterKind(Option<crate::model::SourceKind>),
    /// Keeps only claims whose source is graded so, or all.
    FilterReliability(Option<crate::model::Reliability>),
    /// Keeps only claims whose information is graded so, or all.
    FilterCredibility(Option<crate::model::Credibility>),
    /// Keeps only claims linked to a source whose name holds these words, or all.
    FilterSource(Option<String>),
    /// Moves the highlighted line (of the reports, or of the matches while searching).
    Point(usize),
    /// Opens the highlighted line's report.
    OpenPointed,
    /// Shows the Statistics (charts per outlet and month) instead of the list, or the list.
    Statistics(bool),
    /// Shows the recurring sources instead of the list, or the list.
    Sources(bool),
    /// Recurring source `n` of the Sources view is one source (`Same`), is not (`Split`), or
    /// is proposed again (`None`).
    Decide(usize, Option<crate::io::corpus_file::Verdict>),
    /// Orders the list by this column (again: the other way round).
    Sort(SortBy),
    /// Reads the folder again now.
    Rescan,
    /// Puts the folder away (the reviews opened from it stay open).
    Close,
}

/// The folder open as a desk.
#[derive(Debug)]
pub struct Desk {
    pub(super) folder: PathBuf,
    pub(super) items: Arc<Vec<Item>>,
    /// The files as last read: when a new listing equals it, nothing changed.
    pub(super) listing: Arc<Listing>,
    /// In the order shown.
    rows: Vec<Row>,
    /// Item `i` is shown as row `row_of[i]`.
    row_of: Vec<usize>,
    sort: (SortBy, bool),
    /// The scan running, with how far it got.
    pub(super) scanning: Option<Arc<Counter>>,
    /// When the folder was last looked at.
    pub(super) checked: Option<Instant>,
    query: String,
    filters: Filters,
    hits: Vec<Hit>,
    /// `hits[i].report` is the report of item `reported[..][hits[i].report]`.
    reported: Vec<usize>,
    /// The highlighted line: a row, or a hit while searching.
    pointed: usize,
    /// The report opened last from the desk: "next report to review" goes on after it.
    last_opened: Option<PathBuf>,
    /// The Statistics, while they are shown (made when asked for, again after each scan).
    figures: Option<Figures>,
    /// Claims sharing an origin with other reports', by review file.
    echoes: echo::Echoes,
    /// The folder's cross-report decisions (its corpus file).
    decisions: crate::io::corpus_file::CorpusFile,
    /// The recurring sources, while they are shown.
    sources: Option<Vec<SourceRow>>,
    /// The corpus file's stamp when it was last read.
    pub(super) decided: Option<crate::io::corpus::Stamp>,
    /// The rows shown are the last run's, until the folder is read.
    from_cache: bool,
    /// Details set in open tabs and not saved yet, by file: filters and figures read them in
    /// place of the file's, as the list shows them.
    unsaved: std::collections::HashMap<PathBuf, crate::model::article::ArticleMeta>,
}

/// A desk's list as kept between runs.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct CachedDesk<R> {
    pub(super) format: u32,
    pub(super) folder: PathBuf,
    /// `Vec<Row>` read, `&[Row]` written.
    pub(super) rows: R,
}

/// The shape of [`CachedDesk`]; another is no cache.
pub(super) const CACHE_FORMAT: u32 = 1;

impl Desk {
    fn new(folder: PathBuf) -> Desk {
        Desk {
            folder,
            items: Arc::default(),
            listing: Arc::default(),
            rows: Vec::new(),
            row_of: Vec::new(),
            sort: (SortBy::File, false),
            scanning: None,
            checked: None,
            query: String::new(),
            filters: Filters::default(),
            hits: Vec::new(),
            reported: Vec::new(),
            pointed: 0,
            last_opened: None,
            figures: None,
            echoes: Default::default(),
            decisions: Default::default(),
            sources: None,
            decided: None,
            from_cache: false,
            unsaved: Default::default(),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// The matches of the query, each with the row of its report.
    pub fn hits(&self) -> impl ExactSizeIterator<Item = (&Hit, &Row)> {
        self.hits
            .iter()
            .map(|h| (h, &self.rows[self.row_of[self.reported[h.report]]]))
    }

    /// The Statistics, when they are shown.
    pub fn figures(&self) -> Option<&Figures> {
        self.figures.as_ref()
    }

    fn count(&mut self) {
        self.figures = Some(Figures::of(crate::model::corpus::statistics(
            &self.reports().0,
        )));
    }

    /// The column the list is ordered by, and whether the other way round.
    pub fn sort(&self) -> (SortBy, bool) {
        self.sort
    }

    /// Whether the rows shown are the last run's, while the folder is being read again.
    pub fn from_cache(&self) -> bool {
        self.from_cache
    }

    pub fn searching(&self) -> bool {
        !self.query.trim().is_empty()
    }

    pub fn pointed(&self) -> usize {
        self.pointed
    }

    /// Files read of files found, while the folder is being read.
    pub fn scan_progress(&self) -> Option<(usize, usize)> {
        self.scanning.as_ref().map(|c| {
            use std::sync::atomic::Ordering::Relaxed;
            (c.read.load(Relaxed), c.files.load(Relaxed))
        })
    }

    /// The outlets of the listed reports, for the outlet filter.
    pub fn outlets(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .rows
            .iter()
            .filter_map(|r| r.outlet.as_deref())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The label names used in the listed reviews, for the label filter.
    pub fn labels(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .items
            .iter()
            .filter_map(Item::session)
            .flat_map(|s| s.taxonomy().labels.iter().map(|l| l.name.as_str()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn lines(&self) -> usize {
        if self.searching() {
            self.hits.len()
        } else {
            self.rows.len()
        }
    }

    /// The new corpus a scan read: rows, and the search run again on it.
    pub(super) fn replace(
        &mut self,
        items: Vec<Item>,
        rows: Vec<Row>,
        listing: Listing,
        (echoes, decisions): (echo::Echoes, crate::io::corpus_file::CorpusFile),
    ) {
        self.echoes = echoes;
        self.decisions = decisions;
        self.from_cache = false;
        // The files as saved now; the open tabs' unsaved details are restated after this.
        self.unsaved.clear();
        let pointed = self.rows.get(self.pointed).map(|r| r.path.clone());
        self.rows = rows;
        self.items = Arc::new(items);
        self.order();
        if let Some(i) = pointed.and_then(|p| self.rows.iter().position(|r| r.path == p))
            && !self.searching()
        {
            // The line the analyst was on stays pointed at when another file comes or goes.
            self.pointed = i;
        }
        self.listing = Arc::new(listing);
        self.refigure();
        self.pointed = self.pointed.min(self.lines().saturating_sub(1));
    }

    /// The matches, and the Statistics and sources while shown, made again from the reports.
    fn refigure(&mut self) {
        self.research();
        if self.figures.is_some() {
            self.count();
        }
        if self.sources.is_some() {
            self.list_sources();
        }
    }

    /// Changes the query or a filter, and searches again from the first match.
    fn sift(&mut self, change: impl FnOnce(&mut Desk)) {
        change(self);
        self.research();
        self.pointed = 0;
    }

    /// Puts the rows in the order chosen (stable: ties stay in path order).
    fn order(&mut self) {
        let (by, reverse) = self.sort;
        let share = |r: &Row| match r.progress.sentences {
            0 => 0.0,
            n => r.progress.reviewed as f64 / n as f64,
        };
        self.rows.sort_by(|a, b| {
            let o = match by {
                SortBy::File => a.path.cmp(&b.path),
                SortBy::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
                SortBy::Outlet => a.outlet.cmp(&b.outlet),
                SortBy::Date => a.published.cmp(&b.published),
                SortBy::Size => a.bytes.cmp(&b.bytes),
                SortBy::Progress => share(a).total_cmp(&share(b)),
            };
            let o = o.then_with(|| a.path.cmp(&b.path));
            if reverse { o.reverse() } else { o }
        });
        self.row_of = vec![0; self.items.len()];
        for (shown, row) in self.rows.iter().enumerate() {
            if let Ok(i) = self.items.binary_search_by(|it| it.path.cmp(&row.path)) {
                self.row_of[i] = shown;
            }
        }
    }

    fn research(&mut self) {
        let (reports, reported) = self.reports();
        self.hits = search(&reports, &self.query, &self.filters);
        self.reported = reported;
    }

    fn reports(&self) -> (Vec<Report<'_>>, Vec<usize>) {
        let (mut reports, reported) = reports_of(&self.items);
        if !self.unsaved.is_empty() {
            for (report, &i) in reports.iter_mut().zip(&reported) {
                if let Some(meta) = self.unsaved.get(&self.items[i].path) {
                    report.meta = meta;
                }
            }
        }
        (reports, reported)
    }

    /// The file of the line pointed at.
    pub(in crate::app) fn pointed_file(&self) -> Option<PathBuf> {
        self.target(self.pointed).map(|(path, _)| path)
    }

    /// The report of the line pointed at.
    pub(in crate::app) fn pointed_row(&self) -> Option<&Row> {
        let path = self.pointed_file()?;
        self.rows.iter().find(|r| r.path == path)
    }

    /// The line of `file` shows `article`'s title, outlet and date: what its open tab holds,
    /// saved or not. Its place in the list stays, so that it does not jump from under the
    /// pointer.
    /// The outlet filter, the search's dates and the Statistics read the same details.
    pub(in crate::app) fn restate(&mut self, file: &Path, article: &crate::model::Article) {
        if let Some(row) = self.rows.iter_mut().find(|r| r.path == file) {
            row.title.clone_from(&article.title);
            row.outlet.clone_from(&article.meta.site_name);
            row.published.clone_from(&article.meta.published);
        }
        let saved = self
            .item(file)
            .and_then(Item::article_text)
            .map(|a| &a.meta);
        let changed = match saved {
            Some(meta) if *meta != article.meta => {
                let new = self.unsaved.get(file) != Some(&article.meta);
                if new {
                    self.unsaved
                        .insert(file.to_path_buf(), article.meta.clone());
                }
                new
            }
            _ => self.unsaved.remove(file).is_some(),
        };
        if changed {
            self.refigure();
        }
    }

    /// The line of `file` shows the file's details again: its tab was closed without saving.
    pub(in crate::app) fn forget(&mut self, file: &Path) {
        let Some(item) = self.item(file) else {
            return;
        };
        let saved = Row::of(item);
        if let Some(row) = self.rows.iter_mut().find(|r| r.path == file) {
            row.title = saved.title;
            row.outlet = saved.outlet;
            row.published = saved.published;
        }
        if self.unsaved.remove(file).is_some() {
            self.refigure();
        }
    }

    fn item(&self, file: &Path) -> Option<&Item> {
        let i = self
            .items
            .binary_search_by(|it| it.path.as_path().cmp(file));
        i.ok().map(|i| &self.items[i])
    }

    /// The file to open for line `i`, and the sentence to select in it.
    fn target(&self, i: usize) -> Option<(PathBuf, Option<usize>)> {
        if !self.searching() {
            return self.rows.get(i).map(|r| (r.path.clone(), None));
        }
        let hit = self.hits.get(i)?;
        let item = &self.items[self.reported[hit.report]];
        let sentence = hit.sentence.or_else(|| match (&item.content, hit.offset) {
            // An article no one reviewed yet is split as opening it will split it.
            (Content::Unreviewed(a), Some(at)) => {
                let spans = crate::model::segment::segment(&a.text).sentences;
                Some(spans.partition_point(|s| s.end <= at))
            }
            _ => None,
        });
        Some((item.path.clone(), sentence))
    }
}

/// The reports of `items` with a text to read, and the item each is.
fn reports_of(items: &[Item]) -> (Vec<Report<'_>>, Vec<usize>) {
    let mut reported = Vec::new();
    let reports: Vec<Report> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let article = item.article_text()?;
            reported.push(i);
            Some(Report::of(&item.name, article, item.session()))
        })
        .collect();
    (reports, reported)
}
