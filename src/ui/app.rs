//! The shell around the [`Workspace`]: it turns keys, menus, clicks and dropped files into
//! commands, hands them to the workspace once a frame, carries out the effects it returns
//! (file dialogs, workers, the window) and draws the reviews, the questions and the messages.
//! It keeps only what is about the screen: scroll positions and layout caches, which windows
//! are open, the title last set.

use super::actions::Action;
use super::article_view::ArticleView;
use super::background::{self, Started, Task};
use super::claims_panel::ClaimsPanel;
use super::dialogs::{FileDialogs, Pending};
use super::selection::Selection;
use super::{chrome, help, menu, prompt, status_bar};
use crate::app::{AppCommand, Effect, Question, Workspace};
pub use crate::app::{Intent, Message};
use crate::model::Document;
use crate::model::suggest::Suggestion;
use eframe::egui::{self, Context, Ui, ViewportCommand};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

pub const RECENT_KEY: &str = "recent_files";
/// The analyst's name and whether it was asked for already.
pub const ANALYST_KEY: &str = "analyst";
/// The saved reviews open at quit, where each was: [`OpenAtQuit`].
pub const OPEN_KEY: &str = "open_reviews_at";
/// The same before the scroll position was kept: `(path, selected sentence)` pairs.
pub const OPEN_KEY_V1: &str = "open_reviews";
/// File › Use the built-in file dialog.
pub const BUILT_IN_DIALOG_KEY: &str = "built_in_file_dialog";
/// Go › Move on after labelling.
pub const MOVE_ON_KEY: &str = "move_on_after_label";
/// View › Dark theme, once the analyst has chosen; until then the system's theme.
pub const DARK_THEME_KEY: &str = "dark_theme";
/// The claims panel's width, once the analyst has dragged it.
pub const PANEL_WIDTH_KEY: &str = "claims_panel_width";

/// A saved review open at quit, and where the analyst was in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpenAtQuit {
    pub path: PathBuf,
    /// The selected sentence.
    pub selected: usize,
    /// The first sentence of the paragraph at the top of the article view.
    #[serde(default)]
    pub top: usize,
}

/// One review's article view and claims list.
#[derive(Default)]
struct Views {
    article: ArticleView,
    claims: ClaimsPanel,
    compare: super::compare_panel::ComparePanel,
}

pub struct ClaimlensApp {
    /// The open reviews and everything that changes them (`Workspace::handle`).
    pub(super) workspace: Workspace,
    /// Commands from keys, menus, panels and views, handed to the workspace once a frame.
    pub(super) queue: Vec<AppCommand>,
    /// The threshold shown in "Accept all suggestions above…", while that dialog is open.
    accept_dialog: Option<f32>,
    /// File › Export… is open.
    pub(super) export_window: Option<super::export_window::ExportWindow>,
    /// The name being typed in "Your name".
    name_draft: Option<String>,
    /// Review › Article details… as the analyst is writing them, and whose (a review's key).
    details_draft: Option<(u64, crate::app::Details)>,
    /// The format exported last, which the export window opens on.
    last_export: crate::io::export::Format,
    /// The find bar, while it is open.
    find_bar: Option<super::find_bar::FindBar>,
    /// Each open review's article view and claims list (scroll positions, layout caches), by
    /// review key, so that switching reviews keeps where the analyst was.
    views: HashMap<u64, Views>,
    taxonomy_editor: super::taxonomy_editor::TaxonomyEditor,
    source_summary: super::source_summary::SourceSummaryWindow,
    dialogs: Box<dyn FileDialogs>,
    pub(super) pending_dialog: Option<Pending>,
    pub(super) window_title: String,
    show_help: bool,
    /// A large file being opened or saved on a worker thread.
    pub(super) task: Option<Task>,
    /// Writes a large review's recovery file.
    autosave_worker: Option<background::Autosave>,
    /// The desk's search field and scrolling.
    desk_view: super::desk_view::DeskView,
    /// Reads the desk's folder.
    pub(super) scan_worker: Option<background::Scan>,
    /// Where reopened reviews' article views start, by file, until they are first drawn.
    reopen_tops: HashMap<PathBuf, usize>,
    /// The claims panel's width, automatic until the analyst drags it.
    pub(super) panel_width: super::layout::PanelWidth,
    /// View › Dark theme, once chosen (until then the system's).
    pub(super) dark_theme: Option<bool>,
    /// File › New review from clipboard was asked for at this time (egui's clock, seconds);
    /// the text is on its way.
    pub(super) awaiting_paste: Option<f64>,
    /// Where copied HTML is asked for: the system clipboard in the app, nothing in tests.
    pub(super) copied_html: fn() -> Option<String>,
    /// Returns what a large open freed to the system once the window settles.
    pub(super) give_back: super::memory::GiveBack,
}

impl ClaimlensApp {
    pub fn new(dialogs: Box<dyn FileDialogs>, recent: Vec<PathBuf>) -> Self {
        Self {
            workspace: Workspace::new(recent),
            queue: Vec::new(),
            accept_dialog: None,
            export_window: None,
            name_draft: None,
            details_draft: None,
            last_export: crate::io::export::Format::Csv,
            find_bar: None,
            views: HashMap::new(),
            taxonomy_editor: Default::default(),
            source_summary: Default::default(),
            dialogs,
            pending_dialog: None,
            window_title: String::new(),
            show_help: false,
            task: None,
            autosave_worker: None,
            scan_worker: None,
            desk_view: Default::default(),
            reopen_tops: HashMap::new(),
            panel_width: Default::default(),
            dark_theme: None,
            awaiting_paste: None,
            give_back: Default::default(),
            copied_html: || None,
        }
    }

    /// The analyst's name as kept from an earlier run (asked already, answered or skipped).
    pub fn named(mut self, name: Option<String>) -> Self {
        self.workspace = std::mem::take(&mut self.workspace).with_analyst(name, true);
        self
    }

    /// Asks the system clipboard for copied HTML (egui hands over only text).
    pub fn with_system_clipboard(mut self) -> Self {
        self.copied_html = super::clipboard::copied_html;
        self
    }

    /// Keeps unsaved work in `store`, and offers what a crashed run left there.
    pub fn with_recovery(mut self, store: crate::io::recovery::RecoveryStore) -> Self {
        self.workspace = std::mem::take(&mut self.workspace).with_recovery(store);
        self
    }

    /// Opens what the command line named (on this thread, however large), or the bundled
    /// sample, in the first frame.
    pub fn open_startup(&mut self, file: Option<PathBuf>) {
        self.queue.push(match file {
            Some(path) => AppCommand::OpenWaiting(path),
            None => AppCommand::OpenSample,
        });
    }

    /// Queues a command for the next frame, as a key or a click would.
    pub fn queue(&mut self, command: AppCommand) {
        self.queue.push(command);
    }

    /// Selects sentences and brings the head into view, in the next frame.
    pub fn select(&mut self, selection: Selection) {
        self.queue(AppCommand::Select(selection));
    }

    /// Opens several files, each a review of its own (the command line's list).
    pub fn open_all(&mut self, paths: &[PathBuf], ctx: &Context) {
        if !paths.is_empty() {
            self.dispatch(AppCommand::OpenAll(paths.to_vec()), ctx);
        }
    }

    /// Reopens the reviews open at the last quit, each at its selected sentence and scrolled
    /// where it was; returns whether any could be (or one is being read).
    pub fn reopen(&mut self, reviews: &[OpenAtQuit], ctx: &Context) -> bool {
        let before = self.workspace.reviews().len();
        for r in reviews {
            self.reopen_tops.insert(r.path.clone(), r.top);
        }
        let list = reviews.iter().map(|r| (r.path.clone(), r.selected));
        self.dispatch(AppCommand::Reopen(list.collect()), ctx);
        self.workspace.reviews().len() > before || self.workspace.is_busy()
    }

    /// Writes every unsaved review to its recovery file now.
    pub fn autosave_now(&mut self) {
        // Written on this thread: only messages come back, and the workspace keeps those.
        if let Some(done) = self.collect_autosave(true) {
            self.workspace.handle(done);
        }
        self.workspace.handle(AppCommand::AutosaveNow);
    }

    /// A recovery write that finished (or, with `wait`, any: it must land before the process
    /// ends or its file is removed), as the command that reports it.
    fn collect_autosave(&mut self, wait: bool) -> Option<AppCommand> {
        let worker = self.autosave_worker.take()?;
        if !wait && !worker.is_finished() {
            self.autosave_worker = Some(worker);
            return None;
        }
        Some(AppCommand::AutosaveDone(background::autosave_result(
            worker,
        )))
    }

    /// Hands the commands queued this frame to the workspace, in the order they came, then
    /// the autosave clock's tick.
    fn drain(&mut self, ctx: &Context) {
        let queued = std::mem::take(&mut self.queue);
        let any = !queued.is_empty();
        for command in queued {
            self.dispatch(command, ctx);
        }
        self.dispatch(AppCommand::Tick(Instant::now()), ctx);
        if any {
            // Draw what they changed.
            ctx.request_repaint();
        }
    }

    /// The shown review's views, made on first use.
    fn active_views(&mut self) -> Option<&mut Views> {
        let review = self.workspace.active()?;
        let head = review.selection().map_or(0, |s| s.head);
        // Called every frame: the file's name is looked up only while reopened reviews wait.
        let top = (!self.reopen_tops.is_empty())
            .then(|| review.document().path.as_ref())
            .flatten()
            .and_then(|p| self.reopen_tops.remove(p));
        Some(self.views.entry(review.key()).or_insert_with(|| {
            // A reopened review starts where the analyst left it; any other at its selection.
            let mut views = Views::default();
            match top {
                Some(top) => views.article.scroll_top_to(top),
                None if head > 0 => views.article.reveal(head),
                None => {}
            }
            if head > 0 {
                views.claims.reveal(head);
            }
            views
        }))
    }

    /// Hands a command to the workspace and carries out what it asks of the shell.
    fn dispatch(&mut self, command: AppCommand, ctx: &Context) {
        for effect in self.workspace.handle(command) {
            match effect {
                // The workspace keeps messages; they are drawn from there.
                Effect::Message(_) | Effect::NewReview | Effect::Saved { .. } => {}
                Effect::Reveal(i) => {
                    if let Some(v) = self.active_views() {
                        v.article.reveal(i);
                        v.claims.reveal(i);
                        v.compare.reveal(i);
                    }
                }
                Effect::RevealInList(i) => {
                    if let Some(v) = self.active_views() {
                        v.claims.reveal(i);
                        v.compare.reveal(i);
                    }
                }
                Effect::RevealInArticle(i) => {
                    if let Some(v) = self.active_views() {
                        v.article.reveal(i);
                    }
                }
                Effect::Closed(key) => {
                    self.views.remove(&key);
                }
                Effect::AskPath(kind) => {
                    let rx = self.dialogs.ask(kind, ctx.clone());
                    self.pending_dialog = Some(Pending::new(rx));
                }
                Effect::Start(job) => match background::start(job, ctx) {
                    Started::Task(task) => self.task = Some(task),
                    Started::Autosave(worker) => self.autosave_worker = Some(worker),
                    Started::Scan(scan) => self.scan_worker = Some(scan),
                },
                Effect::WakeIn(after) => ctx.request_repaint_after(after),
                Effect::CloseWindow => {
                    // A recovery copy still being written must land (or be removed) first.
                    if let Some(done) = self.collect_autosave(true) {
                        self.workspace.handle(done);
                    }
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
                Effect::CancelClose => ctx.send_viewport_cmd(ViewportCommand::CancelClose),
                Effect::Shell(Action::DarkTheme) => {
                    let dark = ctx.theme() != egui::Theme::Dark;
                    self.dark_theme = Some(dark);
                    ctx.set_theme(if dark {
                        egui::Theme::Dark
                    } else {
                        egui::Theme::Light
                    });
                }
                Effect::Shell(Action::NewFromClipboard) => {
                    // Copied HTML keeps the paragraphs; egui hands over only text, so it is
                    // asked of the system clipboard directly.
                    if let Some(html) = (self.copied_html)() {
                        self.queue.push(AppCommand::NewFromHtml(html));
                        continue;
                    }
                    // The clipboard's text arrives as a paste event in a later frame.
                    self.awaiting_paste = Some(ctx.input(|i| i.time));
                    ctx.send_viewport_cmd(ViewportCommand::RequestPaste);
                    ctx.request_repaint_after(super::input::PASTE_WAIT);
                }
                Effect::Shell(action) => self.open_window(action),
            }
        }
    }

    /// The shell's own windows.
    fn open_window(&mut self, action: Action) {
        let open = self.workspace.document().is_some();
        match action {
            Action::AcceptAbove if open => self.accept_dialog = Some(0.85),
            Action::Export if open => {
                self.export_window = Some(super::export_window::ExportWindow::new(self.last_export))
            }
            Action::ExportReport if open => {
                let report = crate::io::export::Format::ReportHtml;
                self.export_window = Some(super::export_window::ExportWindow::new(report))
            }
            Action::EditLabels if open => self.taxonomy_editor.open = true,
            Action::SourceSummary if open => self.source_summary.open = !self.source_summary.open,
            Action::ShowHelp => self.show_help = !self.show_help,
            Action::Find if open => match &mut self.find_bar {
                Some(bar) => bar.focus(),
                None => {
                    let find = self.workspace.active().and_then(|r| r.find());
                    self.find_bar = Some(super::find_bar::FindBar::opened(find));
                }
            },
            Action::BuiltInFileDialog => {
                let on = !self.dialogs.built_in();
                self.dialogs.set_built_in(on);
            }
            _ => {}
        }
    }

    // ----- read access, for tests and the status bar -----

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn document(&self) -> Option<&Document> {
        self.workspace.document()
    }

    pub fn selection(&self) -> Option<Selection> {
        self.workspace.selection()
    }

    pub fn message(&self) -> Option<&Message> {
        self.workspace.message()
    }

    pub fn is_confirming(&self) -> bool {
        self.workspace.question().is_some()
    }

    pub fn is_quitting(&self) -> bool {
        self.workspace.is_quitting()
    }

    pub fn recent(&self) -> &[PathBuf] {
        self.workspace.recent()
    }

    /// Unsaved reviews waiting for "Restore" or "Discard".
    pub fn recovery_offers(&self) -> &[crate::io::recovery::Recovered] {
        self.workspace.recovery_offers()
    }

    /// The suggestions, one per sentence, as of the last frame.
    pub fn suggestions(&self) -> &[Suggestion] {
        self.workspace.active().map_or(&[], |r| r.suggestions())
    }

    /// The reviews open now that have a file, with where the analyst is in each: what the
    /// next start reopens. A review never saved lives on only in its recovery copy.
    pub fn open_reviews(&self) -> Vec<OpenAtQuit> {
        self.workspace
            .reviews()
            .iter()
            .filter_map(|r| {
                let path = r.document().path.clone()?;
                let top = match self.views.get(&r.key()) {
                    Some(v) => v.article.top_sentence(r.document().session()),
                    None => self.reopen_tops.get(&path).copied(),
                };
                Some(OpenAtQuit {
                    selected: r.selection().map_or(0, |s| s.head),
                    top: top.unwrap_or(0),
                    path,
                })
            })
            .collect()
    }

    /// "Opening report.txt: splitting into sentences (1.2 s)", while a worker runs.
    pub fn progress(&self) -> Option<String> {
        self.task.as_ref().map(Task::progress)
    }

    /// The window title as last set, e.g. "● report.review.ron — claimlens".
    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    // ----- drawing -----

    /// The desk, when it is shown in place of the review.
    fn desk(&mut self, ui: &mut Ui) -> bool {
        let Some(desk) = self
            .workspace
            .desk()
            .filter(|_| self.workspace.desk_shown())
        else {
            return false;
        };
        let open = open_files(&self.workspace);
        let commands = egui::CentralPanel::default()
            .show(ui, |ui| self.desk_view.show(ui, desk, &open))
            .inner;
        self.queue.extend(commands);
        true
    }

    /// The claims list and the article of the shown review.
    fn review(&mut self, ui: &mut Ui) {
        if self.desk(ui) {
            return;
        }
        // Brought up to date before drawing: boundaries or labels may have just changed.
        self.workspace.suggestions();
        self.workspace.comparison();
        let Some(stats) = self.workspace.stats() else {
            egui::CentralPanel::default().show(ui, chrome::empty_state);
            return;
        };
        if self.active_views().is_none() {
            return;
        }
        let (Some(review), Some(views)) = (
            self.workspace.active(),
            self.workspace
                .active()
                .and_then(|r| self.views.get_mut(&r.key())),
        ) else {
            return;
        };
        let doc = review.document();
        let origin = self.workspace.origin_warning();
        let measure = super::layout::measure(ui);
        let compare = review.comparison();
        let (panel_events, compare_commands) =
            self.panel_width.show(ui, measure, |ui| match compare {
                Some(c) => {
                    let head = review.selection().map(|s| s.head);
                    let adjudicating = review.is_adjudication();
                    let commands = views.compare.show(ui, doc.session(), c, adjudicating, head);
                    (Vec::new(), commands)
                }
                None => {
                    let events = views.claims.show(
                        ui,
                        (doc.session(), review.suggestions()),
                        (&stats, origin.as_deref()),
                        (review.key(), doc.revision()),
                        review.selection(),
                    );
                    (events, Vec::new())
                }
            });
        let marks = compare.map_or(&[][..], |c| c.standing());
        let view_events = egui::CentralPanel::default()
            .show(ui, |ui| {
                chrome::article_details(ui, &doc.session().article().meta);
                views.article.show(
                    ui,
                    (doc.session(), review.suggestions(), review.find(), marks),
                    review.key(),
                    (review.selection(), review.caret()),
                )
            })
            .inner;
        self.handle_panel_events(panel_events);
        self.queue.extend(compare_commands);
        self.handle_view_events(view_events);
    }

    fn windows(&mut self, ctx: &Context) {
        if let Some(window) = &mut self.export_window {
            let (stays, asked) = window.show(ctx);
            self.last_export = window.chosen();
            if !stays || self.workspace.document().is_none() {
                self.export_window = None;
            }
            self.queue.extend(asked);
        }
        if let Some(threshold) = self.accept_dialog {
            let (open, command) = chrome::accept_dialog(ctx, &mut self.workspace, threshold);
            self.accept_dialog = open;
            self.queue.extend(command);
        }
        let Some(doc) = self.workspace.document() else {
            return;
        };
        let (mut edits, file) = self.taxonomy_editor.show(ctx, doc.session());
        edits.extend(self.source_summary.show(ctx, doc.session()));
        self.queue.extend(edits.into_iter().map(AppCommand::Edit));
        match file {
            Some(super::taxonomy_editor::FileRequest::Export) => {
                self.queue.push(AppCommand::AskExportLabels)
            }
            Some(super::taxonomy_editor::FileRequest::Import) => {
                self.queue.push(AppCommand::AskImportLabels)
            }
            None => {}
        }
    }

    /// The question the workspace waits on, or the first recovery offer.
    fn questions(&mut self, ctx: &Context) {
        if let Some(offer) = self.workspace.recovery_offers().first()
            && let Some(restore) = prompt::recover(ctx, offer)
        {
            self.queue.push(AppCommand::Recover(restore));
        }
        self.details(ctx);
        let answer = match self.workspace.question() {
            Some(Question::Unsaved(intent)) => prompt::unsaved_changes(ctx, intent),
            Some(Question::ChangedOnDisk(_)) => prompt::changed_on_disk(ctx),
            Some(Question::ReadOnly { path, .. }) => prompt::read_only(ctx, path),
            Some(Question::AnalystName(held)) => {
                let saving = held.is_some();
                let analyst = self.workspace.analyst().unwrap_or_default().to_string();
                let draft = self.name_draft.get_or_insert(analyst);
                if let Some(named) = prompt::analyst_name(ctx, draft, saving) {
                    self.name_draft = None;
                    // Cancel from the menu keeps the name; skipping before a save saves unnamed.
                    let named = match (named, saving) {
                        (None, false) => self.workspace.analyst().map(str::to_string),
                        (named, _) => named,
                    };
                    self.queue.push(AppCommand::AnalystNamed(named));
                }
                None
            }
            None => None,
        };
        self.queue.extend(answer.map(AppCommand::Answer));
    }
}

impl ClaimlensApp {
    /// Review › Article details…, while the workspace asks it.
    fn details(&mut self, ctx: &Context) {
        let Some(review) = self
            .workspace
            .details_asked()
            .map(|i| &self.workspace.reviews()[i])
        else {
            self.details_draft = None;
            return;
        };
        let article = review.document().session().article();
        let key = review.key();
        if self.details_draft.as_ref().is_none_or(|(k, _)| *k != key) {
            self.details_draft = Some((key, crate::app::Details::of(article)));
        }
        let Some((_, draft)) = self.details_draft.as_mut() else {
            return;
        };
        if let Some(answer) = super::details_dialog::show(ctx, article, draft) {
            self.queue.push(AppCommand::DetailsAnswered(answer));
        }
    }
}

/// The files of the open reviews (a new review's article), each with whether it has unsaved
/// changes: what the desk marks.
fn open_files(workspace: &Workspace) -> super::desk_view::OpenFiles {
    workspace
        .reviews()
        .iter()
        .filter_map(|r| {
            let doc = r.document();
            let file = doc.path.clone().or_else(|| {
                doc.session()
                    .article()
                    .source_path
                    .as_ref()
                    .map(PathBuf::from)
            })?;
            let file = std::fs::canonicalize(&file).unwrap_or(file);
            Some((file, doc.is_dirty()))
        })
        .collect()
}

impl eframe::App for ClaimlensApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_dialog(&ctx);
        self.poll_task(&ctx);
        self.poll_scan(&ctx);
        let _ = self.give_back.tick(&ctx);
        let autosaved = self.collect_autosave(false);
        self.queue.extend(autosaved);
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_paste(&ctx);
        self.handle_keys(&ctx);

        let menu_actions = egui::Panel::top("menu_bar")
            .show(ui, |ui| {
                let state = menu::State {
                    doc: self.workspace.document(),
                    recent: self.workspace.recent(),
                    built_in_dialog: self.dialogs.built_in(),
                    desktop_dialog: self.dialogs.desktop_has_dialog(),
                    move_on: self.workspace.moves_on_after_label(),
                    dark: ui.ctx().theme() == egui::Theme::Dark,
                    comparing: self
                        .workspace
                        .active()
                        .is_some_and(|r| r.comparison().is_some()),
                    desk: self.workspace.desk_shown(),
                };
                menu::menu_bar(ui, &state)
            })
            .inner;
        for choice in menu_actions {
            self.queue.push(match choice {
                menu::Choice::Action(action) => AppCommand::Run(action),
                menu::Choice::OpenRecent(path) => AppCommand::Open(path),
            });
        }
        self.queue
            .extend(chrome::error_banner(&ctx, self.workspace.message()));

        let notice = match self.workspace.message() {
            Some(Message::Notice(n)) => Some(n.clone()),
            _ => None,
        };
        let progress = self.progress();
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            status_bar::show(
                ui,
                self.workspace.document(),
                self.workspace.selection(),
                (notice.as_deref(), progress.as_deref()),
            )
        });

        if let Some(bar) = &mut self.find_bar {
            let find = self.workspace.active().and_then(|r| r.find());
            let (asked, stays) = egui::Panel::bottom("find_bar")
                .show(ui, |ui| bar.show(ui, find))
                .inner;
            self.queue.extend(asked);
            if !stays {
                self.find_bar = None;
            }
        }
        let tabs = chrome::tab_bar(ui, &self.workspace);
        self.queue.extend(tabs);
        self.review(ui);
        self.windows(&ctx);
        self.dialogs.show(&ctx);
        self.questions(&ctx);
        // Everything asked for this frame, from workers and keys to the prompts, in order.
        self.drain(&ctx);
        if self.show_help {
            let labels = self.workspace.document().map(|d| d.session().taxonomy());
            help::window(&ctx, &mut self.show_help, labels);
        }
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.workspace.recent().to_vec());
        eframe::set_value(storage, OPEN_KEY, &self.open_reviews());
        eframe::set_value(storage, BUILT_IN_DIALOG_KEY, &self.dialogs.built_in());
        eframe::set_value(storage, MOVE_ON_KEY, &self.workspace.moves_on_after_label());
        eframe::set_value(storage, PANEL_WIDTH_KEY, &self.panel_width.to_pref());
        eframe::set_value(storage, DARK_THEME_KEY, &self.dark_theme);
        let analyst = (self.workspace.analyst(), self.workspace.analyst_asked());
        eframe::set_value(storage, ANALYST_KEY, &analyst);
    }
}
