//! The one place where keys become actions (the key bar's hints, tapped, act as their keys). Clicks are resolved in `update`,
//! against the same layout the view draws.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Activate,
    /// Digit key: the n-th item (from 0) on the current page.
    Pick(usize),
    Back,
    Home,
    SwitchLanguage,
    Retry,
    Quit,
    /// Show or hide the QR code for the phone.
    Phone,
    /// Open the search screen.
    Search,
    /// Show or hide the on-screen keyboard.
    Keyboard,
    /// Keep the held place longer.
    KeepPlace,
    /// Text entry: a character typed (IME text arrives this way too).
    Type(char),
    Erase,
    /// Text entry: the character at the caret.
    Delete,
    /// Text entry: move the caret, or change a choice field.
    Left,
    Right,
    /// Text entry: the caret to the start or the end of the field.
    Start,
    End,
    /// Spoken guidance: F1 on/off, F5 repeat, F6/F7 slower/faster, F8/F9 quieter/louder.
    Speech(super::speech::SpeechKey),
}

/// Keys on a screen where the citizen types: letters and digits are text.
pub fn text_action(key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char(c) if plain => Action::Type(c),
        KeyCode::Backspace => Action::Erase,
        KeyCode::Delete => Action::Delete,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        // Home and End move in the field, as in every text box; the ⌂
        // button and Esc still leave.
        KeyCode::Home => Action::Start,
        KeyCode::End => Action::End,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Esc => Action::Back,
        KeyCode::Enter => Action::Activate,
        KeyCode::Down | KeyCode::Tab => Action::Down,
        KeyCode::Up | KeyCode::BackTab => Action::Up,
        KeyCode::Char(_) | KeyCode::F(_) => return action(key),
        _ => return None,
    })
}

pub fn action(key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Quit,
        _ if ctrl => return None,
        KeyCode::Up => Action::Up,
        KeyCode::Down | KeyCode::Tab => Action::Down,
        KeyCode::BackTab => Action::Up,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::Enter | KeyCode::Right => Action::Activate,
        KeyCode::Char(c @ '1'..='9') => Action::Pick(c as usize - '1' as usize),
        KeyCode::Esc | KeyCode::Backspace | KeyCode::Left => Action::Back,
        KeyCode::Home => Action::Home,
        KeyCode::F(2) => Action::SwitchLanguage,
        KeyCode::F(3) => Action::Keyboard,
        KeyCode::F(4) => Action::KeepPlace,
        KeyCode::F(n @ (1 | 5..=9)) => Action::Speech(speech_key(n)),
        KeyCode::Char('r' | 'R') => Action::Retry,
        KeyCode::Char('p' | 'P') => Action::Phone,
        KeyCode::Char('/') => Action::Search,
        KeyCode::Char('q' | 'Q') => Action::Quit,
        _ => return None,
    })
}

fn speech_key(n: u8) -> super::speech::SpeechKey {
    use super::speech::SpeechKey::*;
    match n {
        1 => Toggle,
        5 => Repeat,
        6 => Slower,
        7 => Faster,
        8 => Quieter,
        _ => Louder,
    }
}

/// Reads a key chord from configuration: `ctrl+alt+k`, `f12`, `shift+f1`.
pub fn parse_chord(s: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut code = None;
    for part in s.split('+').map(|p| p.trim().to_ascii_lowercase()) {
        match part.as_str() {
            "ctrl" | "control" => mods |= KeyModifiers::CONTROL,
            "alt" => mods |= KeyModifiers::ALT,
            "shift" => mods |= KeyModifiers::SHIFT,
            _ if code.is_some() => return None,
            p if p.len() == 1 => code = p.chars().next().map(KeyCode::Char),
            p => code = Some(KeyCode::F(p.strip_prefix('f')?.parse().ok().filter(|n| (1..=24).contains(n))?)),
        }
    }
    code.map(|c| (c, mods))
}

/// Whether `key` is the chord (letters compared without case).
pub fn is_chord(key: &KeyEvent, chord: (KeyCode, KeyModifiers)) -> bool {
    let code = match key.code {
        KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    key.kind != KeyEventKind::Release
        && code == chord.0
        && key.modifiers - KeyModifiers::SHIFT == chord.1 - KeyModifiers::SHIFT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords() {
        assert_eq!(
            parse_chord("ctrl+alt+k"),
            Some((KeyCode::Char('k'), KeyModifiers::CONTROL | KeyModifiers::ALT))
        );
        assert_eq!(parse_chord("F12"), Some((KeyCode::F(12), KeyModifiers::NONE)));
        assert_eq!(parse_chord("ctrl+"), None);
        assert_eq!(parse_chord("f99"), None);
        assert_eq!(parse_chord("a+b"), None);
        let key = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::CONTROL | KeyModifiers::ALT);
        assert!(is_chord(&key, parse_chord("ctrl+alt+k").unwrap()));
    }
}
