//! Everything the analyst can do from the keyboard or a menu, with its name and shortcuts in one
//! table, so that menus, the shortcut help and key handling cannot disagree.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Open,
    Reimport,
    Save,
    SaveAs,
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
    ClearLabel,
    AcceptSuggestion,
    RerunSuggestions,
    AcceptAbove,
    SplitAtCaret,
    MergeWithNext,
    EditLabels,
    SourceSummary,
    ShowHelp,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Action {
    /// In the order key handling must test them: a shortcut with more modifiers first, since
    /// egui ignores extra Shift when matching ("Ctrl+Shift+S" also matches "Ctrl+S").
    pub const ALL: [Action; 23] = [
        Action::SaveAs,
        Action::Save,
        Action::Open,
        Action::Quit,
        Action::Redo,
        Action::Undo,
        Action::ExtendDown,
        Action::ExtendUp,
        Action::NextSentence,
        Action::PreviousSentence,
        Action::FirstSentence,
        Action::LastSentence,
        Action::NextUnlabelled,
        Action::ClearLabel,
        Action::SplitAtCaret,
        Action::MergeWithNext,
        Action::AcceptSuggestion,
        Action::RerunSuggestions,
        Action::AcceptAbove,
        Action::EditLabels,
        Action::SourceSummary,
        Action::Reimport,
        Action::ShowHelp,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Action::Open => "Open…",
            Action::Reimport => "Re-import article…",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::NextSentence => "Next sentence",
            Action::PreviousSentence => "Previous sentence",
            Action::FirstSentence => "First sentence",
            Action::LastSentence => "Last sentence",
            Action::ExtendDown => "Extend selection down",
            Action::ExtendUp => "Extend selection up",
            Action::NextUnlabelled => "Next sentence to review",
            Action::ClearLabel => "Clear label",
            Action::AcceptSuggestion => "Accept suggestion",
            Action::RerunSuggestions => "Re-run suggestions",
            Action::AcceptAbove => "Accept all suggestions above…",
            Action::SplitAtCaret => "Split sentence at the clicked point",
            Action::MergeWithNext => "Merge with next sentence",
            Action::EditLabels => "Edit labels…",
            Action::SourceSummary => "Source summary",
            Action::ShowHelp => "Keyboard shortcuts",
        }
    }

    /// The first shortcut is the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: &[KeyboardShortcut] = &[key(CMD, Key::O)];
        const SAVE: &[KeyboardShortcut] = &[key(CMD, Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::S)];
        const QUIT: &[KeyboardShortcut] = &[key(CMD, Key::Q)];
        const UNDO: &[KeyboardShortcut] = &[key(CMD, Key::Z)];
        const REDO: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)];
        const NEXT: &[KeyboardShortcut] = &[key(NONE, Key::ArrowDown), key(NONE, Key::J)];
        const PREVIOUS: &[KeyboardShortcut] = &[key(NONE, Key::ArrowUp), key(NONE, Key::K)];
        const EXTEND_DOWN: &[KeyboardShortcut] = &[key(SHIFT, Key::ArrowDown), key(SHIFT, Key::J)];
        const EXTEND_UP: &[KeyboardShortcut] = &[key(SHIFT, Key::ArrowUp), key(SHIFT, Key::K)];
        const FIRST: &[KeyboardShortcut] = &[key(NONE, Key::Home)];
        const LAST: &[KeyboardShortcut] = &[key(NONE, Key::End)];
        const NEXT_UNLABELLED: &[KeyboardShortcut] = &[key(NONE, Key::N)];
        const CLEAR: &[KeyboardShortcut] = &[key(NONE, Key::Backspace), key(NONE, Key::Delete)];
        const ACCEPT: &[KeyboardShortcut] = &[key(NONE, Key::Enter)];
        const SUMMARY: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::U)];
        const SPLIT: &[KeyboardShortcut] = &[key(NONE, Key::S)];
        const MERGE: &[KeyboardShortcut] = &[key(NONE, Key::M)];
        const HELP: &[KeyboardShortcut] = &[key(NONE, Key::F1), key(NONE, Key::Questionmark)];
        match self {
            Action::Open => OPEN,
            Action::Save => SAVE,
            Action::SaveAs => SAVE_AS,
            Action::Quit => QUIT,
            Action::Undo => UNDO,
            Action::Redo => REDO,
            Action::NextSentence => NEXT,
            Action::PreviousSentence => PREVIOUS,
            Action::FirstSentence => FIRST,
            Action::LastSentence => LAST,
            Action::ExtendDown => EXTEND_DOWN,
            Action::ExtendUp => EXTEND_UP,
            Action::NextUnlabelled => NEXT_UNLABELLED,
            Action::ClearLabel => CLEAR,
            Action::AcceptSuggestion => ACCEPT,
            Action::RerunSuggestions
            | Action::AcceptAbove
            | Action::EditLabels
            | Action::Reimport => &[],
            Action::SourceSummary => SUMMARY,
            Action::SplitAtCaret => SPLIT,
            Action::MergeWithNext => MERGE,
            Action::ShowHelp => HELP,
        }
    }

    /// Shortcuts with Ctrl/Cmd work even while a text field has focus; plain keys then belong
    /// to the text field.
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            Action::Open | Action::Save | Action::SaveAs | Action::Quit
        )
    }
}

/// The digit key for a label hotkey character.
pub fn digit_key(c: char) -> Option<Key> {
    Some(match c {
        '0' => Key::Num0,
        '1' => Key::Num1,
        '2' => Key::Num2,
        '3' => Key::Num3,
        '4' => Key::Num4,
        '5' => Key::Num5,
        '6' => Key::Num6,
        '7' => Key::Num7,
        '8' => Key::Num8,
        '9' => Key::Num9,
        _ => return None,
    })
}
