//! The shell's side of the command table (`crate::app::command_table`): egui's keys and
//! modifiers in and out of the core's own, so that menus and key handling use the one table.

use crate::app::{Key, Mods, Shortcut};
use eframe::egui::{self, KeyboardShortcut, Modifiers};

pub use crate::app::Action;

/// The core's key for an egui key, if the table can name it.
pub fn key_from_egui(key: egui::Key) -> Option<Key> {
    use egui::Key as E;
    let letters = [
        E::A,
        E::B,
        E::C,
        E::D,
        E::E,
        E::F,
        E::G,
        E::H,
        E::I,
        E::J,
        E::K,
        E::L,
        E::M,
        E::N,
        E::O,
        E::P,
        E::Q,
        E::R,
        E::S,
        E::T,
        E::U,
        E::V,
        E::W,
        E::X,
        E::Y,
        E::Z,
    ];
    let digits = [
        E::Num0,
        E::Num1,
        E::Num2,
        E::Num3,
        E::Num4,
        E::Num5,
        E::Num6,
        E::Num7,
        E::Num8,
        E::Num9,
    ];
    if let Some(i) = letters.iter().position(|&k| k == key) {
        return Some(Key::Letter((b'A' + i as u8) as char));
    }
    if let Some(d) = digits.iter().position(|&k| k == key) {
        return Some(Key::Digit(d as u8));
    }
    Some(match key {
        E::ArrowUp => Key::ArrowUp,
        E::ArrowDown => Key::ArrowDown,
        E::Home => Key::Home,
        E::End => Key::End,
        E::Enter => Key::Enter,
        E::Backspace => Key::Backspace,
        E::Delete => Key::Delete,
        E::Tab => Key::Tab,
        E::F1 => Key::F1,
        E::F3 => Key::F3,
        E::Questionmark => Key::Questionmark,
        E::ArrowLeft => Key::ArrowLeft,
        E::ArrowRight => Key::ArrowRight,
        E::OpenBracket => Key::OpenBracket,
        E::CloseBracket => Key::CloseBracket,
        _ => return None,
    })
}

fn key_to_egui(key: Key) -> Option<egui::Key> {
    use egui::Key as E;
    Some(match key {
        Key::Letter(c) => E::from_name(&c.to_string())?,
        Key::Digit(d) => E::from_name(&d.to_string())?,
        Key::ArrowUp => E::ArrowUp,
        Key::ArrowDown => E::ArrowDown,
        Key::Home => E::Home,
        Key::End => E::End,
        Key::Enter => E::Enter,
        Key::Backspace => E::Backspace,
        Key::Delete => E::Delete,
        Key::Tab => E::Tab,
        Key::F1 => E::F1,
        Key::F3 => E::F3,
        Key::Questionmark => E::Questionmark,
        Key::ArrowLeft => E::ArrowLeft,
        Key::ArrowRight => E::ArrowRight,
        Key::OpenBracket => E::OpenBracket,
        Key::CloseBracket => E::CloseBracket,
    })
}

/// The modifiers held, as the table reads them (Ctrl or ⌘ is `command`).
pub fn mods_from_egui(m: Modifiers) -> Mods {
    Mods {
        command: m.command || m.ctrl,
        shift: m.shift,
        alt: m.alt,
    }
}

/// egui's form of a shortcut, for menus (which print it the platform's way).
pub fn to_egui(s: &Shortcut) -> Option<KeyboardShortcut> {
    let mut m = Modifiers::NONE;
    if s.mods.command {
        m |= Modifiers::COMMAND;
    }
    if s.mods.shift {
        m |= Modifiers::SHIFT;
    }
    if s.mods.alt {
        m |= Modifiers::ALT;
    }
    key_to_egui(s.key).map(|k| KeyboardShortcut::new(m, k))
}

/// The text of a shortcut the way this platform writes it ("Ctrl+S", "⌘S").
pub fn shortcut_text(ctx: &egui::Context, s: &Shortcut) -> String {
    let Some(k) = to_egui(s) else {
        return s.to_string();
    };
    readable(&ctx.format_shortcut(&k), k.logical_key)
}

/// egui writes punctuation keys by name ("Questionmark", "Slash"); people read the mark.
fn readable(text: &str, key: egui::Key) -> String {
    let (name, symbol) = (key.name(), key.symbol_or_name());
    let mark = symbol.len() == 1 && symbol.chars().all(|c| c.is_ascii_punctuation());
    if mark && name != symbol {
        text.replace(name, symbol)
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_keys_are_written_as_marks_and_others_as_before() {
        assert_eq!(
            readable("Shift+Questionmark", egui::Key::Questionmark),
            "Shift+?"
        );
        assert_eq!(readable("Questionmark", egui::Key::Questionmark), "?");
        assert_eq!(readable("Down", egui::Key::ArrowDown), "Down");
        assert_eq!(readable("Ctrl+S", egui::Key::S), "Ctrl+S");
    }

    #[test]
    fn every_key_of_the_table_goes_to_egui_and_back() {
        for entry in crate::app::entries(Some(&crate::model::Taxonomy::default_preset())) {
            for s in &entry.shortcuts {
                let egui = to_egui(s).unwrap_or_else(|| panic!("{s} has no egui key"));
                assert_eq!(key_from_egui(egui.logical_key), Some(s.key), "{s}");
                assert_eq!(mods_from_egui(egui.modifiers), s.mods, "{s}");
            }
        }
    }
}
