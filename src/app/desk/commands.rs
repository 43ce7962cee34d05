//! What the analyst does on the desk, through the workspace: opening a folder as the desk,
//! its commands (search, filters, order, views, decisions), the keys while it is shown, opening
//! a line's report at its match, and "next report to review".

use super::super::workspace::{Effect, Workspace, notice};
use super::{CACHE_FORMAT, CachedDesk, Desk, DeskCommand, Row};
use std::path::PathBuf;

impl Workspace {
    pub fn desk(&self) -> Option<&Desk> {
        self.desk.as_ref()
    }

    /// Whether the desk is shown in place of the review.
    pub fn desk_shown(&self) -> bool {
        self.desk_shown && self.desk.is_some()
    }

    /// Opens `dir` as the desk (replacing the folder open before) and starts reading it.
    pub(in crate::app) fn open_desk(&mut self, dir: PathBuf) -> Vec<Effect> {
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        let mut desk = Desk::new(dir);
        // The last run's list, shown at once while the folder is read again.
        let cached = self
            .desk_cache
            .as_ref()
            .map(|c| crate::io::cache::desk_file(c, &desk.folder))
            .and_then(|f| crate::io::cache::read::<CachedDesk<Vec<Row>>>(&f))
            .filter(|c| c.format == CACHE_FORMAT && c.folder == desk.folder);
        if let Some(cached) = cached {
            desk.rows = cached.rows;
            desk.from_cache = true;
            desk.order();
        }
        self.desk = Some(desk);
        self.desk_shown = true;
        self.start_scan(true).into_iter().collect()
    }

    pub(in crate::app) fn on_desk(&mut self, command: DeskCommand) -> Vec<Effect> {
        let Some(desk) = self.desk.as_mut() else {
            return Vec::new();
        };
        match command {
            DeskCommand::Show => self.desk_shown = true,
            DeskCommand::Search(query) => desk.sift(|d| d.query = query),
            DeskCommand::FilterLabel(label) => desk.sift(|d| d.filters.label = label),
            DeskCommand::FilterOutlet(outlet) => desk.sift(|d| d.filters.outlet = outlet),
            DeskCommand::FilterDates(from, to) => desk.sift(|d| {
                d.filters.from = from;
                d.filters.to = to;
            }),
            DeskCommand::FilterStatus(status) => desk.sift(|d| d.filters.status = status),
            DeskCommand::FilterKind(kind) => desk.sift(|d| d.filters.kind = kind),
            DeskCommand::FilterReliability(r) => desk.sift(|d| d.filters.reliability = r),
            DeskCommand::FilterCredibility(c) => desk.sift(|d| d.filters.credibility = c),
            DeskCommand::FilterSource(words) => {
                let words = words.filter(|w| !w.trim().is_empty());
                desk.sift(|d| d.filters.source = words)
            }
            DeskCommand::Point(i) => desk.pointed = i.min(desk.lines().saturating_sub(1)),
            DeskCommand::OpenPointed => {
                let pointed = desk.pointed;
                return self.open_from_desk(pointed);
            }
            DeskCommand::Statistics(true) => {
                desk.sources = None;
                desk.count();
            }
            DeskCommand::Statistics(false) => desk.figures = None,
            DeskCommand::Sources(true) => {
                desk.figures = None;
                desk.list_sources();
            }
            DeskCommand::Sources(false) => desk.sources = None,
            DeskCommand::Decide(i, verdict) => return self.decide_source(i, verdict),
            DeskCommand::Sort(by) => {
                desk.sort = match desk.sort {
                    (was, reverse) if was == by => (by, !reverse),
                    _ => (by, false),
                };
                desk.order();
                desk.pointed = 0;
            }
            DeskCommand::Rescan => return self.start_scan(true).into_iter().collect(),
            DeskCommand::Close => {
                self.desk = None;
                self.desk_shown = false;
            }
        }
        Vec::new()
    }

    /// Moves the highlighted line by `by` (the arrow keys while the desk is shown).
    pub(in crate::app) fn desk_step(&mut self, by: isize) {
        if let Some(desk) = self.desk.as_mut() {
            let last = desk.lines().saturating_sub(1);
            desk.pointed = match by {
                isize::MIN => 0,
                isize::MAX => last,
                _ => desk.pointed.saturating_add_signed(by).min(last),
            };
        }
    }

    /// Opens line `i` of the desk in a tab (or shows the tab it is open in), at its match.
    fn open_from_desk(&mut self, i: usize) -> Vec<Effect> {
        let Some((path, sentence)) = self.desk.as_ref().and_then(|d| d.target(i)) else {
            return Vec::new();
        };
        if let Some(desk) = self.desk.as_mut() {
            desk.pointed = i;
            desk.last_opened = Some(path.clone());
        }
        self.desk_shown = false;
        if let Some(open) = self.find_open(&path) {
            self.active = Some(open);
            let head = sentence.filter(|&h| h < self.reviews[open].doc.session().len());
            return match head {
                Some(head) => {
                    self.reviews[open].selection =
                        Some(crate::app::selection::Selection::single(head));
                    vec![Effect::Reveal(head)]
                }
                None => Vec::new(),
            };
        }
        self.open_at(path, false, sentence)
    }

    /// Go › Next report to review: the first report after the one opened last (in the desk's
    /// order, round to the start) that still has sentences no analyst confirmed.
    pub(in crate::app) fn next_report(&mut self) -> Vec<Effect> {
        let Some(desk) = self.desk.as_mut() else {
            return vec![notice(
                "Open a folder of reports first (File › Open folder…)",
            )];
        };
        let n = desk.rows.len();
        let after = desk
            .last_opened
            .as_ref()
            .and_then(|p| desk.rows.iter().position(|r| &r.path == p))
            .map_or(0, |i| i + 1);
        let next = (0..n)
            .map(|k| (after + k) % n.max(1))
            .find(|&i| desk.rows[i].to_review());
        match next {
            Some(i) => {
                // The desk lists its reports while it opens one of them.
                desk.query.clear();
                desk.research();
                self.open_from_desk(i)
            }
            None => vec![notice(format!(
                "Every report in {} is reviewed",
                desk.folder.display()
            ))],
        }
    }
}
