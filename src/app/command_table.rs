//! Everything the analyst can ask for from the keyboard or a menu, each with its menu text,
//! tooltip (both in `command_text`), shortcuts and where the shortcuts work, defined once. The menu bar, key handling,
//! the help window and the README's key table all read this table, and a test refuses two
//! commands that one key press would both run.

use super::keys::{Extra, Key, Mods, Shortcut};
use crate::model::{Credibility, Reliability, Taxonomy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Open,
    OpenFolder,
    /// The folder's reports in place of the review shown (or back to the review).
    ShowDesk,
    /// Opens the next report of the desk's folder that still has sentences to review.
    NextReport,
    /// A new review of the text on the clipboard.
    NewFromClipboard,
    Reimport,
    Save,
    SaveAs,
    /// Export the review for other tools (a window to choose the format).
    Export,
    /// The analyst's name, as saves record it.
    AnalystName,
    /// The report's title, outlet, date, byline and address, set by hand.
    ArticleDetails,
    /// The sourcing report for a reader (the export window, on the report).
    ExportReport,
    /// Another tool's annotations as a new review of the shown article.
    ImportAnnotations,
    /// Use claimlens' own file dialog instead of the desktop's (a preference).
    BuiltInFileDialog,
    Quit,
    Undo,
    Redo,
    NextSentence,
    PreviousSentence,
    FirstSentence,
    LastSentence,
    ExtendDown,
    ExtendUp,
    NextUnlabelled,
    /// Open the find bar (or go to its field).
    Find,
    FindNext,
    FindPrevious,
    /// A preference: a label key or Enter selects the next sentence to review.
    MoveOnAfterLabel,
    /// A preference: light text on a dark page, or dark on light.
    DarkTheme,
    ClearLabel,
    AcceptSuggestion,
    RerunSuggestions,
    AcceptAbove,
    SplitAtCaret,
    MergeWithNext,
    EditLabels,
    SourceSummary,
    ShowHelp,
    NextReview,
    PreviousReview,
    CloseReview,
    /// The label whose hotkey is this digit.
    Label(char),
    /// Grade the reliability of the selected claim's source.
    Reliability(Reliability),
    /// Grade the credibility of the selected claim.
    Credibility(Credibility),
    /// Keep the note being typed and close its editor.
    FinishNote,
    /// Another analyst's review of the same article beside this one.
    CompareWith,
    StopComparing,
    NextDisagreement,
    PreviousDisagreement,
    /// Adjudicate: the open review's judgement on the selected disagreement.
    TakeA,
    /// Adjudicate: the other review's judgement.
    TakeB,
    /// Adjudicate: A's label wherever B has none.
    TakeAllA,
}

/// Where a command's shortcuts work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Everywhere, even while a text field has the keyboard (Ctrl/⌘ shortcuts).
    Anywhere,
    /// While no text field has the keyboard: plain keys belong to a field that has it.
    Review,
    /// In the note editor only.
    NoteField,
}

impl Scope {
    /// Whether the shortcuts of both scopes can be live at the same moment.
    pub fn meets(self, other: Scope) -> bool {
        self == Scope::Anywhere || other == Scope::Anywhere || self == other
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub action: Action,
    pub title: String,
    pub tooltip: &'static str,
    /// The first is the one menus show.
    pub shortcuts: Vec<Shortcut>,
    pub scope: Scope,
}

/// The mouse gestures, named once for the article view's menus and the lists below.
pub const EXTEND_GESTURE: &str = "Shift+click";
pub const SPLIT_GESTURE: &str = "Alt+click";
pub const MENU_GESTURE: &str = "Right-click";

/// Mouse gestures, listed with the keys so that the help window and README show them.
pub const GESTURES: &[(&str, &str)] = &[
    (EXTEND_GESTURE, "Extend the selection to a sentence"),
    (SPLIT_GESTURE, "Split the sentence at the clicked point"),
    (MENU_GESTURE, "Labels and a note for a sentence"),
];

/// An entry of the menu bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    Command(Action),
    Separator,
    /// The recently opened files.
    Recent,
}

/// The menu bar: each menu's title and items, from this table so that menus and keys agree.
pub const MENUS: &[(&str, &[MenuItem])] = {
    use Action::*;
    use MenuItem::{Command as C, Recent, Separator};
    &[
        (
            "File",
            &[
                C(Open),
                C(OpenFolder),
                C(NewFromClipboard),
                C(Reimport),
                Recent,
                Separator,
                C(Save),
                C(SaveAs),
                C(Export),
                C(ExportReport),
                C(ImportAnnotations),
                Separator,
                C(BuiltInFileDialog),
                Separator,
                C(CloseReview),
                C(Quit),
            ],
        ),
        (
            "Edit",
            &[
                C(Undo),
                C(Redo),
                Separator,
                C(ClearLabel),
                Separator,
                C(Find),
                C(FindNext),
                C(FindPrevious),
                Separator,
                C(SplitAtCaret),
                C(MergeWithNext),
            ],
        ),
        (
            "Suggestions",
            &[C(AcceptSuggestion), C(AcceptAbove), C(RerunSuggestions)],
        ),
        (
            "Review",
            &[
                C(ArticleDetails),
                C(SourceSummary),
                C(EditLabels),
                Separator,
                C(CompareWith),
                C(NextDisagreement),
                C(PreviousDisagreement),
                C(TakeA),
                C(TakeB),
                C(TakeAllA),
                C(StopComparing),
                Separator,
                C(AnalystName),
            ],
        ),
        ("View", &[C(ShowDesk), Separator, C(DarkTheme)]),
        (
            "Go",
            &[
                C(NextSentence),
                C(PreviousSentence),
                C(FirstSentence),
                C(LastSentence),
                C(ExtendDown),
                C(ExtendUp),
                C(NextUnlabelled),
                C(MoveOnAfterLabel),
                Separator,
                C(NextReview),
                C(PreviousReview),
                C(NextReport),
            ],
        ),
        ("Help", &[C(ShowHelp)]),
    ]
};

/// The commands with fixed text, in the order the help window lists them.
pub const FIXED: [Action; 49] = [
    Action::Open,
    Action::OpenFolder,
    Action::ShowDesk,
    Action::NextReport,
    Action::NewFromClipboard,
    Action::Reimport,
    Action::Save,
    Action::SaveAs,
    Action::Export,
    Action::ExportReport,
    Action::ImportAnnotations,
    Action::BuiltInFileDialog,
    Action::CloseReview,
    Action::Quit,
    Action::NextReview,
    Action::PreviousReview,
    Action::Undo,
    Action::Redo,
    Action::NextSentence,
    Action::PreviousSentence,
    Action::FirstSentence,
    Action::LastSentence,
    Action::ExtendDown,
    Action::ExtendUp,
    Action::NextUnlabelled,
    Action::MoveOnAfterLabel,
    Action::DarkTheme,
    Action::Find,
    Action::FindNext,
    Action::FindPrevious,
    Action::ClearLabel,
    Action::AcceptSuggestion,
    Action::AcceptAbove,
    Action::RerunSuggestions,
    Action::SplitAtCaret,
    Action::MergeWithNext,
    Action::ArticleDetails,
    Action::EditLabels,
    Action::SourceSummary,
    Action::AnalystName,
    Action::CompareWith,
    Action::NextDisagreement,
    Action::PreviousDisagreement,
    Action::TakeA,
    Action::TakeB,
    Action::TakeAllA,
    Action::StopComparing,
    Action::FinishNote,
    Action::ShowHelp,
];

const fn key(mods: Mods, key: Key) -> Shortcut {
    Shortcut::new(mods, key)
}

const fn letter(c: char) -> Key {
    Key::Letter(c)
}

impl Action {
    /// The shortcuts, the first being the one menus show.
    pub fn shortcuts(self) -> Vec<Shortcut> {
        use Key::*;
        let none = Mods::NONE;
        match self {
            Action::Open => vec![key(Mods::COMMAND, letter('O'))],
            Action::OpenFolder => vec![key(Mods::COMMAND_SHIFT, letter('O'))],
            Action::ShowDesk => vec![key(Mods::COMMAND_SHIFT, letter('D'))],
            Action::NextReport => vec![key(Mods::COMMAND_SHIFT, letter('N'))],
            Action::NewFromClipboard => vec![key(Mods::COMMAND_SHIFT, letter('V'))],
            Action::Find => vec![key(Mods::COMMAND, letter('F'))],
            Action::FindNext => vec![key(none, F3)],
            Action::FindPrevious => vec![key(Mods::SHIFT, F3)],
            Action::Save => vec![key(Mods::COMMAND, letter('S'))],
            Action::SaveAs => vec![key(Mods::COMMAND_SHIFT, letter('S'))],
            Action::Export => vec![key(Mods::COMMAND, letter('E'))],
            Action::Quit => vec![key(Mods::COMMAND, letter('Q'))],
            Action::Undo => vec![key(Mods::COMMAND, letter('Z'))],
            Action::Redo => vec![
                key(Mods::COMMAND_SHIFT, letter('Z')),
                key(Mods::COMMAND, letter('Y')),
            ],
            Action::NextSentence => vec![key(none, ArrowDown), key(none, letter('J'))],
            Action::PreviousSentence => vec![key(none, ArrowUp), key(none, letter('K'))],
            Action::ExtendDown => vec![key(Mods::SHIFT, ArrowDown), key(Mods::SHIFT, letter('J'))],
            Action::ExtendUp => vec![key(Mods::SHIFT, ArrowUp), key(Mods::SHIFT, letter('K'))],
            Action::FirstSentence => vec![key(none, Home)],
            Action::LastSentence => vec![key(none, End)],
            Action::NextUnlabelled => vec![key(none, letter('N'))],
            Action::ClearLabel => vec![key(none, Backspace), key(none, Delete)],
            Action::AcceptSuggestion => vec![key(none, Enter)],
            Action::SourceSummary => vec![key(Mods::COMMAND_SHIFT, letter('U'))],
            Action::SplitAtCaret => vec![key(none, letter('S'))],
            Action::MergeWithNext => vec![key(none, letter('M'))],
            // "?" is typed with Shift on many layouts.
            Action::ShowHelp => vec![
                key(none, F1),
                key(none, Questionmark).allowing(Extra::Shift),
            ],
            Action::FinishNote => vec![key(Mods::COMMAND, Enter)],
            Action::NextDisagreement => vec![key(none, CloseBracket)],
            Action::PreviousDisagreement => vec![key(none, OpenBracket)],
            // Left and right, as the compare list shows A beside B; Alt, as nothing else
            // uses the arrows with it, and the grades' Shift+letter and Alt+digit stay apart.
            Action::TakeA => vec![key(Mods::ALT, ArrowLeft)],
            Action::TakeB => vec![key(Mods::ALT, ArrowRight)],
            Action::NextReview => vec![key(Mods::COMMAND, Tab)],
            Action::PreviousReview => vec![key(Mods::COMMAND_SHIFT, Tab)],
            Action::CloseReview => vec![key(Mods::COMMAND, letter('W'))],
            // Digits are typed with Shift on some layouts (AZERTY); Alt+digit grades.
            Action::Label(c) => c
                .to_digit(10)
                .map(|d| vec![key(none, Digit(d as u8)).allowing(Extra::Shift)])
                .unwrap_or_default(),
            Action::Reliability(r) => vec![key(Mods::SHIFT, letter(r.letter()))],
            Action::Credibility(c) => {
                vec![key(Mods::ALT, Digit(c.digit())).allowing(Extra::Shift)]
            }
            Action::RerunSuggestions
            | Action::AcceptAbove
            | Action::EditLabels
            | Action::ArticleDetails
            | Action::AnalystName
            | Action::ImportAnnotations
            | Action::ExportReport
            | Action::BuiltInFileDialog
            | Action::MoveOnAfterLabel
            | Action::DarkTheme
            | Action::CompareWith
            | Action::StopComparing
            | Action::TakeAllA
            | Action::Reimport => Vec::new(),
        }
    }

    /// Whether the command has anything to act on with no review open.
    pub fn needs_review(self) -> bool {
        !matches!(
            self,
            Action::Open
                | Action::OpenFolder
                | Action::ShowDesk
                | Action::NextReport
                | Action::NewFromClipboard
                | Action::BuiltInFileDialog
                | Action::MoveOnAfterLabel
                | Action::DarkTheme
                | Action::Quit
                | Action::ShowHelp
                | Action::AnalystName
                | Action::ImportAnnotations
        )
    }

    pub fn scope(self) -> Scope {
        match self {
            Action::Open
            | Action::OpenFolder
            | Action::ShowDesk
            | Action::NextReport
            | Action::Find
            | Action::FindNext
            | Action::FindPrevious
            | Action::Save
            | Action::SaveAs
            | Action::Quit
            | Action::NextReview
            | Action::PreviousReview
            | Action::CloseReview
            | Action::AnalystName
            | Action::ImportAnnotations => Scope::Anywhere,
            Action::FinishNote => Scope::NoteField,
            _ => Scope::Review,
        }
    }

    /// Whether the command reads or changes the review shown (and so, while the desk is
    /// shown instead, is the desk's to take or to refuse).
    pub fn acts_on_shown_review(self) -> bool {
        self.needs_review() && self.scope() == Scope::Review
            || matches!(self, Action::Undo | Action::Redo | Action::Find)
    }

    pub fn entry(self) -> Entry {
        Entry {
            action: self,
            title: self.title(),
            tooltip: self.tooltip(),
            shortcuts: self.shortcuts(),
            scope: self.scope(),
        }
    }
}

/// The whole table: the fixed commands, the grades, and the label hotkeys of `taxonomy`.
pub fn entries(taxonomy: Option<&Taxonomy>) -> Vec<Entry> {
    let mut out: Vec<Entry> = FIXED.iter().map(|a| a.entry()).collect();
    out.extend(Reliability::ALL.map(|r| Action::Reliability(r).entry()));
    out.extend(Credibility::ALL.map(|c| Action::Credibility(c).entry()));
    if let Some(taxonomy) = taxonomy {
        for label in &taxonomy.labels {
            if let Some(c) = label.key {
                let mut entry = Action::Label(c).entry();
                entry.title = format!("Label: {}", label.name);
                out.push(entry);
            }
        }
    }
    out
}

/// The command a key press runs where the analyst is, if any. `typing` says a text field has
/// the keyboard; `in_note` that it is the note editor.
pub fn lookup(
    entries: &[Entry],
    pressed: Mods,
    key: Key,
    typing: bool,
    in_note: bool,
) -> Option<Action> {
    let live = |scope: Scope| match scope {
        Scope::Anywhere => true,
        Scope::Review => !typing,
        Scope::NoteField => in_note,
    };
    entries
        .iter()
        .filter(|e| live(e.scope))
        .find(|e| e.shortcuts.iter().any(|s| s.fires_on(pressed, key)))
        .map(|e| e.action)
}

/// Pairs of commands one key press would both run, with that press.
pub fn overlaps(entries: &[Entry]) -> Vec<(Action, Action, Mods, Key)> {
    let mut out = Vec::new();
    for (i, a) in entries.iter().enumerate() {
        for b in &entries[i + 1..] {
            if !a.scope.meets(b.scope) {
                continue;
            }
            for sa in &a.shortcuts {
                for sb in &b.shortcuts {
                    if let Some(m) = sa.overlap(sb) {
                        out.push((a.action, b.action, m, sa.key));
                    }
                }
            }
        }
    }
    out
}

/// The README's key table, generated from this table (a test keeps the two the same).
pub fn markdown() -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    let row = |out: &mut String, keys: &str, what: &str| {
        out.push_str(&format!("| {keys} | {what} |\n"));
    };
    for action in FIXED {
        let keys: Vec<String> = action.shortcuts().iter().map(|s| s.to_string()).collect();
        let keys = if keys.is_empty() {
            "(menu)".to_string()
        } else {
            keys.join(" or ")
        };
        row(&mut out, &keys, &action.title());
    }
    row(
        &mut out,
        "1–9, 0",
        "Apply the label with that hotkey (see the default labels below)",
    );
    row(
        &mut out,
        "Shift+A … Shift+F",
        "Grade the reliability of the selected claim's source",
    );
    row(
        &mut out,
        "Alt+1 … Alt+6",
        "Grade the credibility of the selected claim",
    );
    for (gesture, what) in GESTURES {
        row(&mut out, gesture, what);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_and_labels_reach_their_commands() {
        let taxonomy = Taxonomy::default_preset();
        let table = entries(Some(&taxonomy));
        let press = |m, k| lookup(&table, m, k, false, false);
        assert_eq!(
            press(Mods::SHIFT, Key::Letter('B')),
            Some(Action::Reliability(Reliability::B))
        );
        assert_eq!(
            press(Mods::ALT, Key::Digit(2)),
            Some(Action::Credibility(Credibility::Probable))
        );
        let first = taxonomy.labels.iter().find_map(|l| l.key).unwrap_or('1');
        assert_eq!(
            press(
                Mods::NONE,
                Key::Digit(first.to_digit(10).unwrap_or(1) as u8)
            ),
            Some(Action::Label(first))
        );
        assert_eq!(
            press(Mods::COMMAND_SHIFT, Key::Letter('S')),
            Some(Action::SaveAs)
        );
        assert_eq!(press(Mods::COMMAND, Key::Letter('S')), Some(Action::Save));
        assert_eq!(press(Mods::SHIFT, Key::Letter('S')), None);
        // While typing, plain keys belong to the field; Ctrl+S still saves.
        assert_eq!(
            lookup(&table, Mods::NONE, Key::Letter('J'), true, false),
            None
        );
        assert_eq!(
            lookup(&table, Mods::COMMAND, Key::Letter('S'), true, false),
            Some(Action::Save)
        );
        assert_eq!(
            lookup(&table, Mods::COMMAND, Key::Enter, true, true),
            Some(Action::FinishNote)
        );
    }
}

#[cfg(test)]
mod table_checks {
    use super::*;

    #[test]
    fn no_key_press_runs_two_commands_whatever_the_label_hotkeys() {
        let mut taxonomy = Taxonomy::default_preset();
        assert_eq!(overlaps(&entries(Some(&taxonomy))), []);
        // The analyst can give the first label any free digit: still one command per press.
        for d in '0'..='9' {
            if taxonomy.labels.iter().skip(1).any(|l| l.key == Some(d)) {
                continue;
            }
            taxonomy.labels[0].key = Some(d);
            assert_eq!(overlaps(&entries(Some(&taxonomy))), [], "label key {d}");
        }
    }

    #[test]
    fn the_check_sees_a_logical_overlap() {
        // A digit matched as egui does by default would also fire on Alt+digit, the grade.
        let mut table = entries(None);
        let mut label = Action::Label('1').entry();
        label.shortcuts = vec![Shortcut::plain(Key::Digit(1)).allowing(Extra::ShiftAlt)];
        table.push(label);
        let found = overlaps(&table);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Action::Label('1'));
        assert_eq!(found[0].2, Mods::ALT);
    }

    #[test]
    fn every_command_is_in_a_menu_or_has_a_key() {
        let in_menu = |a: Action| {
            MENUS
                .iter()
                .flat_map(|(_, items)| items.iter())
                .any(|i| *i == MenuItem::Command(a))
        };
        for action in FIXED {
            assert!(
                in_menu(action) || !action.shortcuts().is_empty(),
                "{action:?} cannot be reached"
            );
            if action.shortcuts().is_empty() {
                assert!(
                    in_menu(action),
                    "{action:?} has no key, so it needs a menu entry"
                );
            }
        }
    }

    #[test]
    fn the_readme_key_table_is_the_table_in_code() {
        let readme = include_str!("../../README.md");
        let begin = "<!-- keys:begin (generated: claimlens keys) -->\n";
        let end = "<!-- keys:end -->";
        let start = readme.find(begin).map(|i| i + begin.len());
        let stop = readme.find(end);
        let (Some(start), Some(stop)) = (start, stop) else {
            panic!("README.md has no generated key table");
        };
        assert_eq!(
            &readme[start..stop],
            markdown(),
            "README key table is stale: run `cargo run -- keys` and paste its output"
        );
    }
}
