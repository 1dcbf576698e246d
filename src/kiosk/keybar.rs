//! The key bar at the bottom of every screen: the keys that work here, each
//! hint also a touch target that does what its key does (a terminal with no
//! keyboard still books from a guide, turns to the QR code, goes back).
//! Shared by the view (to draw) and `update` (to know what a tap hit).

use unicode_width::UnicodeWidthStr;

use super::keymap::Action;
use super::screen::Screen;
use super::speech::SpeechKey;
use super::{CatalogState, State, booking::Field, layout};
use crate::i18n::Tr;

/// One hint: its key, its words, what a tap on it does, and its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub key: String,
    pub label: String,
    /// None for hints a tap cannot mean (↑↓, the digits).
    pub action: Option<Action>,
    pub x: u16,
    pub width: u16,
}

/// The hints for the screen shown, as many as fit the row.
pub fn hints(state: &State) -> Vec<Hint> {
    let tr = Tr::new(state.lang);
    let digits = format!("1–{}", state.page_limit());
    let mut keys: Vec<(String, String, Option<Action>)> = Vec::new();
    let mut push =
        |key: &str, id: &str, action: Option<Action>| keys.push((key.to_owned(), tr.t(id), action));
    // Speech, where it can start: found first on every screen (F1 is
    // what Welcome's hint names), and its repeat key while it is on.
    if super::speech::offered(state) {
        let toggle = Some(Action::Speech(SpeechKey::Toggle));
        push("F1", if state.speech.on { "key-speech-off" } else { "key-speech" }, toggle);
        if state.speech.on {
            push("F5", "key-speech-repeat", Some(Action::Speech(SpeechKey::Repeat)));
        }
    }
    // In the held place's last minute, keeping it longer comes first.
    if super::hold::can_keep_longer(state) {
        push("F4", "key-keep-place", Some(Action::KeepPlace));
    }
    match state.screen() {
        Screen::Guide { .. } | Screen::Policy { .. } if super::policies::focus_opens(state) => {
            push("↑↓", "key-scroll", None);
            push("Enter", "key-open-item", Some(Action::Activate));
            push("P", "key-phone", Some(Action::Phone));
        }
        Screen::Guide { .. } => {
            push("↑↓", "key-scroll", None);
            push("Enter", "key-book", Some(Action::Activate));
            push("P", "key-phone", Some(Action::Phone));
            push("R", "key-report", Some(Action::Retry));
        }
        Screen::Rating(_) | Screen::Report(_) => {
            for (key, id, action) in super::rating::hints(state) {
                push(&key, id, action);
            }
        }
        Screen::Policy { .. } => {
            push("↑↓", "key-scroll", None);
            push("P", "key-phone", Some(Action::Phone));
        }
        Screen::BookDetails { focus, .. } => {
            push("Tab", "key-next-field", Some(Action::Down));
            if *focus == Field::IdKind {
                push("←→", "key-change", Some(Action::Right));
            }
            push("Enter", "key-continue", Some(Action::Activate));
        }
        Screen::Lookup { .. } => {
            push("Tab", "key-next-field", Some(Action::Down));
            push("Enter", "key-continue", Some(Action::Activate));
        }
        Screen::StaffPin { .. } => push("Enter", "key-continue", Some(Action::Activate)),
        Screen::Staff { tab, .. } => {
            push("←→", "key-staff-pages", None);
            if *tab == super::staff::Tab::Facts {
                push("↑↓", "key-select", None);
                push(&digits, "key-pick", None);
                push("Enter", "key-open", Some(Action::Activate));
            } else {
                push("↑↓", "key-scroll", None);
                push("PgDn", "key-staff-next", Some(Action::PageDown));
            }
            if super::staff::retries(state) {
                push("R", "key-staff-refresh", Some(Action::Retry));
            }
        }
        // A cancelled booking: nothing left to choose.
        Screen::LookupResult { booking, confirming, .. }
            if super::lookup::result_items(booking, *confirming).is_empty() => {}
        Screen::Search { .. } | Screen::Policies { .. } => {
            push("↑↓", "key-select", None);
            push("Enter", "key-open", Some(Action::Activate));
        }
        Screen::BookDone { .. } => push("P", "key-phone", Some(Action::Phone)),
        // The ticket's phone link, once there is a ticket to follow.
        Screen::Ticket { .. } if super::ticket::current(state).is_some() => {
            push("P", "key-phone", Some(Action::Phone))
        }
        Screen::Ticket { .. } => {}
        // Where no number can be given here, nothing to choose.
        Screen::TakeNumber(_) if super::visit::start_items(state).is_empty() => {}
        _ => {
            push("↑↓", "key-select", None);
            push(&digits, "key-pick", None);
            push("Enter", "key-open", Some(Action::Activate));
        }
    }
    let typing = state.screen().takes_text();
    if state.screens.len() > 1 {
        push("Esc", "key-back", Some(Action::Back));
        // Where the citizen types, Home moves in the field; the ⌂ button stays.
        if !typing {
            push("Home", "key-home", Some(Action::Home));
        }
    }
    if matches!(state.catalog, CatalogState::Failed(_)) {
        push("R", "key-retry", Some(Action::Retry));
    }
    let next = Tr::new(state.lang.next()).t("lang-name");
    keys.push(("F2".into(), next, Some(Action::SwitchLanguage)));
    let mut push =
        |key: &str, id: &str, action: Option<Action>| keys.push((key.to_owned(), tr.t(id), action));
    if typing {
        push("F3", "key-keyboard", Some(Action::Keyboard));
    }
    if !state.config.lockdown {
        push(if typing { "Ctrl-C" } else { "Q" }, "key-quit", Some(Action::Quit));
    }
    // Too many for one row (a long language's labels): the keys with another
    // way to them give way first — Home (the ⌂ button), the keyboard, quit,
    // the digits.
    let width = |keys: &[(String, String, Option<Action>)]| -> usize {
        1 + keys.iter().map(|(k, label, _)| hint_width(k, label) as usize + 2).sum::<usize>()
    };
    for spare in ["Home", "F3", "Q", "Ctrl-C", digits.as_str()] {
        // The last key's label may end one column before the edge.
        if width(&keys) <= state.size.width as usize + 1 {
            break;
        }
        keys.retain(|(k, _, _)| k != spare);
    }
    let mut x = 1;
    keys.into_iter()
        .map(|(key, label, action)| {
            let w = hint_width(&key, &label);
            let hint = Hint { key, label, action, x, width: w };
            x += w + 2;
            hint
        })
        .collect()
}

/// "Enter 预约办理": the key, a space, the words.
fn hint_width(key: &str, label: &str) -> u16 {
    (key.width() + 1 + label.width()) as u16
}

/// What a tap on the key bar does, if it hit a hint that means something.
pub fn at(state: &State, column: u16, row: u16) -> Option<Action> {
    if row != layout::bands(state).status.y {
        return None;
    }
    hints(state).into_iter().find(|h| (h.x..h.x + h.width).contains(&column)).and_then(|h| h.action)
}
