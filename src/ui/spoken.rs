//! What a frame shows that speech reads out: its title, the focused item
//! or field, the message line, and the few lines that matter on a screen
//! without a focus (a ticket number, a confirmation code). The views note
//! them as they draw, through [`Ui`](super::Ui), so speech says exactly
//! what the screen shows; `speech::Follower` decides what is news.

use std::cell::RefCell;

use crate::speech::FieldKind;

/// One frame's spoken parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spoken {
    /// Where the citizen is: the breadcrumb's last step.
    pub title: String,
    pub focus: Option<Focus>,
    /// The on-screen keyboard's key the arrows are on.
    pub key: Option<String>,
    /// The message line, when it says something.
    pub notice: Option<String>,
    /// What a screen shows besides its focus that must be heard.
    pub lines: Vec<Line>,
}

/// What the cursor is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// A menu item, with the digit that picks it and its detail.
    Item { number: Option<u32>, label: String, detail: String },
    /// A form field and what it holds.
    Field { label: String, value: String, kind: FieldKind, error: Option<String> },
    /// A part of a page (a guide's), all its lines.
    Part(Vec<String>),
}

/// A line heard on arrival at a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// Spelled: a confirmation code.
    Code {
        label: String,
        code: String,
    },
    /// Spelled: a ticket number.
    Ticket {
        label: String,
        number: String,
    },
}

/// The views' notebook, kept in `Ui` (views borrow it shared). It notes
/// nothing unless speech is on: what a citizen types is not copied for
/// nobody to hear.
#[derive(Debug, Default)]
pub struct Notes {
    on: bool,
    spoken: RefCell<Spoken>,
}

impl Notes {
    pub fn new(on: bool) -> Notes {
        Notes { on, spoken: RefCell::default() }
    }

    fn note(&self, f: impl FnOnce(&mut Spoken)) {
        if self.on {
            f(&mut self.spoken.borrow_mut());
        }
    }

    pub fn title(&self, title: &str) {
        self.note(|s| s.title = title.to_owned());
    }

    pub fn focus(&self, focus: Focus) {
        self.note(|s| s.focus = Some(focus));
    }

    pub fn key(&self, label: &str) {
        self.note(|s| s.key = Some(label.to_owned()));
    }

    pub fn notice(&self, text: &str) {
        self.note(|s| s.notice = Some(text.to_owned()));
    }

    pub fn line(&self, line: Line) {
        self.note(|s| s.lines.push(line));
    }

    /// What the frame drawn so far shows.
    pub fn take(&self) -> Spoken {
        self.spoken.take()
    }
}
