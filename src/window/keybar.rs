//! The console's key bar: every action a key and a button, laid out on the
//! last two rows. Shared by the view (to draw it) and `update` (to know
//! what a tap or a click hit), so what is drawn is what works.

use unicode_width::UnicodeWidthStr;

use super::{Picker, State};
use crate::i18n::Tr;

/// What a key or a button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    CallNext,
    Recall,
    Start,
    Finish,
    NoShow,
    PutBack,
    Transfer,
    /// Pause an open window, open a paused one.
    PauseOrOpen,
    Language,
    Quit,
    /// In a list: move, take the one chosen, or leave it.
    Up,
    Down,
    Choose,
    Cancel,
}

/// One button: its key, its words, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub command: Command,
    pub key: &'static str,
    pub label: String,
    pub x: u16,
    pub y: u16,
    pub width: u16,
}

impl Button {
    /// `N 叫号` as drawn, between brackets so that it reads as a button
    /// without colour.
    pub fn text(&self) -> String {
        format!("[{} {}]", self.key, self.label)
    }

    pub fn hit(&self, column: u16, row: u16) -> bool {
        row == self.y && (self.x..self.x + self.width).contains(&column)
    }
}

/// The buttons for what the console shows now, on its last two rows.
pub fn buttons(state: &State) -> Vec<Button> {
    let tr = Tr::new(state.lang);
    let open = state.window().is_some_and(|w| w.open);
    let keys: Vec<(Command, &'static str, &str)> = match state.picker {
        _ if state.token_refused.is_some() => vec![(Command::Quit, "Q", "window-key-quit")],
        Some(Picker::Missed { .. } | Picker::Queue { .. }) => vec![
            (Command::Up, "↑", "window-key-up"),
            (Command::Down, "↓", "window-key-down"),
            (Command::Choose, "Enter", "window-key-choose"),
            (Command::Cancel, "Esc", "window-key-cancel"),
        ],
        None => vec![
            (Command::CallNext, "N", "window-key-call-next"),
            (Command::Recall, "R", "window-key-recall"),
            (Command::Start, "S", "window-key-start"),
            (Command::Finish, "F", "window-key-finish"),
            (Command::NoShow, "X", "window-key-no-show"),
            (Command::PutBack, "B", "window-key-put-back"),
            (Command::Transfer, "T", "window-key-transfer"),
            (Command::PauseOrOpen, "P", if open { "window-key-pause" } else { "window-key-open" }),
            (Command::Language, "F2", "window-key-language"),
            (Command::Quit, "Q", "window-key-quit"),
        ],
    };
    let (width, bottom) = (state.size.width, state.size.height.saturating_sub(1));
    let mut out = Vec::new();
    let (mut x, mut y) = (0u16, bottom.saturating_sub(1));
    for (command, key, id) in keys {
        let mut b = Button { command, key, label: tr.t(id), x: 0, y: 0, width: 0 };
        b.width = u16::try_from(b.text().width()).unwrap_or(u16::MAX);
        if x > 0 && x + b.width > width {
            (x, y) = (0, y + 1);
        }
        if y > bottom {
            break;
        }
        (b.x, b.y) = (x, y);
        x += b.width + 1;
        out.push(b);
    }
    out
}
