//! Keys and shortcuts as the application core sees them: no egui here, so that the command
//! table, its overlap check and the README's key table need no window. The shell converts
//! egui's keys into these (`ui::actions`) and asks [`Shortcut::fires_on`], which decides the way
//! egui's `Modifiers::matches_logically` does, except where a shortcut says otherwise.

use std::fmt;

/// A key, as the analyst reads it on the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// 'A'–'Z', stored in upper case.
    Letter(char),
    /// 0–9 on the main row or the keypad.
    Digit(u8),
    ArrowUp,
    ArrowDown,
    Home,
    End,
    Enter,
    Backspace,
    Delete,
    Tab,
    F1,
    F3,
    Questionmark,
    ArrowLeft,
    ArrowRight,
    OpenBracket,
    CloseBracket,
}

/// Modifiers held with a key. `command` is Ctrl, or ⌘ on a Mac.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Mods {
    pub command: bool,
    pub shift: bool,
    pub alt: bool,
}

impl Mods {
    pub const NONE: Mods = Mods {
        command: false,
        shift: false,
        alt: false,
    };
    pub const COMMAND: Mods = Mods {
        command: true,
        shift: false,
        alt: false,
    };
    pub const SHIFT: Mods = Mods {
        command: false,
        shift: true,
        alt: false,
    };
    pub const ALT: Mods = Mods {
        command: false,
        shift: false,
        alt: true,
    };
    pub const COMMAND_SHIFT: Mods = Mods {
        command: true,
        shift: true,
        alt: false,
    };

    /// Every combination, for checks that try all presses of a key.
    pub fn all() -> impl Iterator<Item = Mods> {
        (0..8u8).map(|b| Mods {
            command: b & 1 != 0,
            shift: b & 2 != 0,
            alt: b & 4 != 0,
        })
    }
}

/// Which modifiers a press may hold beyond the shortcut's own and still fire it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Extra {
    /// Exactly the shortcut's modifiers: "S" splits, "Shift+S" does not.
    None,
    /// Shift may be held too: keys that some layouts type with Shift ("?", digits on AZERTY).
    Shift,
    /// Shift and Alt may be held too: how egui's `matches_logically` decides.
    ShiftAlt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shortcut {
    pub mods: Mods,
    pub key: Key,
    pub extra: Extra,
}

impl Shortcut {
    pub const fn new(mods: Mods, key: Key) -> Self {
        Shortcut {
            mods,
            key,
            extra: Extra::None,
        }
    }

    pub const fn plain(key: Key) -> Self {
        Shortcut::new(Mods::NONE, key)
    }

    pub const fn allowing(self, extra: Extra) -> Self {
        Shortcut { extra, ..self }
    }

    /// Whether pressing `key` with `pressed` held runs this shortcut. Ctrl/⌘ always has to
    /// match; Shift and Alt must be held when the shortcut names them, and may be held beyond
    /// it only as [`Extra`] allows.
    pub fn fires_on(&self, pressed: Mods, key: Key) -> bool {
        let extra_shift = matches!(self.extra, Extra::Shift | Extra::ShiftAlt);
        let extra_alt = self.extra == Extra::ShiftAlt;
        key == self.key
            && pressed.command == self.mods.command
            && (pressed.shift == self.mods.shift || pressed.shift && extra_shift)
            && (pressed.alt == self.mods.alt || pressed.alt && extra_alt)
    }

    /// A press that runs both shortcuts, if there is one.
    pub fn overlap(&self, other: &Shortcut) -> Option<Mods> {
        if self.key != other.key {
            return None;
        }
        Mods::all().find(|&m| self.fires_on(m, self.key) && other.fires_on(m, self.key))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Letter(c) => write!(f, "{c}"),
            Key::Digit(d) => write!(f, "{d}"),
            Key::ArrowUp => f.write_str("↑"),
            Key::ArrowDown => f.write_str("↓"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::Enter => f.write_str("Enter"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Delete => f.write_str("Delete"),
            Key::Tab => f.write_str("Tab"),
            Key::F1 => f.write_str("F1"),
            Key::F3 => f.write_str("F3"),
            Key::Questionmark => f.write_str("?"),
            Key::ArrowLeft => f.write_str("Left"),
            Key::ArrowRight => f.write_str("Right"),
            Key::OpenBracket => f.write_str("["),
            Key::CloseBracket => f.write_str("]"),
        }
    }
}

/// "Ctrl+Shift+S", "Alt+1", "↓": the text the README and the help window show.
impl fmt::Display for Shortcut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.command {
            f.write_str("Ctrl+")?;
        }
        if self.mods.alt {
            f.write_str("Alt+")?;
        }
        if self.mods.shift {
            f.write_str("Shift+")?;
        }
        write!(f, "{}", self.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_matching_ignores_extra_shift_and_alt_only_when_allowed() {
        let s = Shortcut::plain(Key::Letter('S'));
        assert!(s.fires_on(Mods::NONE, Key::Letter('S')));
        assert!(!s.fires_on(Mods::SHIFT, Key::Letter('S')));
        let logical = s.allowing(Extra::ShiftAlt);
        assert!(logical.fires_on(Mods::SHIFT, Key::Letter('S')));
        assert!(logical.fires_on(Mods::ALT, Key::Letter('S')));
        assert!(!logical.fires_on(Mods::COMMAND, Key::Letter('S')));
        let save = Shortcut::new(Mods::COMMAND, Key::Letter('S')).allowing(Extra::ShiftAlt);
        let save_as = Shortcut::new(Mods::COMMAND_SHIFT, Key::Letter('S'));
        assert_eq!(save.overlap(&save_as), Some(Mods::COMMAND_SHIFT));
        let exact_save = Shortcut::new(Mods::COMMAND, Key::Letter('S'));
        assert_eq!(exact_save.overlap(&save_as), None);
    }

    #[test]
    fn shortcuts_read_as_the_keyboard_does() {
        let s = Shortcut::new(Mods::COMMAND_SHIFT, Key::Letter('S'));
        assert_eq!(s.to_string(), "Ctrl+Shift+S");
        assert_eq!(Shortcut::new(Mods::ALT, Key::Digit(1)).to_string(), "Alt+1");
    }
}
