//! The clerk's console at one window (`onestop window`): its core. State,
//! Msg, update and Effect as the kiosk has them, and as pure: no I/O, no
//! clock (time arrives in `Msg::Tick`), no terminal. The runtime carries
//! out each `Effect` (`runtime::window`) and sends the answer back.
//!
//! What the clerk sees comes from the server: `GET …/queues` read again on
//! every event of the hall's stream, so two consoles, the calling screen
//! and the phone pages never disagree for long.

mod keybar;
mod link;
mod update;

#[cfg(test)]
mod tests;

use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Size;

use crate::domain::queue::wire::{ActionDone, ActionName, HallQueues, WindowView};
use crate::domain::queue::{QueuePrefix, TicketNumber};
use crate::domain::{FetchError, Lang};

pub use keybar::{Button, Command, buttons};
pub use link::{Heard, Link, News, backoff_ms};
pub use update::update;

/// What a console is started with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowConfig {
    pub hall: String,
    pub window: u16,
    pub lang: Lang,
    /// For the sentence that says how to make a token.
    pub token_name: String,
    pub screen_reader: bool,
}

/// Everything that can happen to a console.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(Size),
    /// Frames were lost on the way: draw the next one whole.
    Repaint,
    /// Milliseconds since the console started.
    Tick(u64),
    /// The answer to the token check made at the start.
    TokenChecked(Result<(), ActFailure>),
    /// The backend's halls: the name of this one, or that it has none such.
    HallsLoaded(Result<Vec<crate::domain::Hall>, FetchError>),
    QueuesLoaded(Result<HallQueues, FetchError>),
    Acted(Result<ActionDone, ActFailure>),
    /// The hall's event stream is listening (its `ready`).
    StreamOpened,
    /// One event of the stream, by its name (`called`, `lagged`, …).
    StreamEvent(String),
    /// The stream ended or failed: the server went away, or fell silent.
    StreamClosed,
}

/// What the core asks of the world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Redraw,
    End,
    /// Shows the server the token without acting (see `runtime::window`).
    CheckToken,
    LoadHalls,
    LoadQueues,
    Act {
        action: ActionName,
        number: Option<TicketNumber>,
        to: Option<QueuePrefix>,
    },
    /// Opens the hall's event stream, ending any open before.
    Subscribe,
}

/// Why an action changed nothing, as the clerk is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActFailure {
    /// 409: one of the window route's codes (`nothing_waiting`, …).
    Refused(String),
    /// 401: no token, or one unknown or revoked.
    Unregistered,
    /// 403: a token of another role, or of another hall.
    WrongToken,
    /// 404: the hall has no such window.
    NoSuchWindow,
    /// 422: no such ticket or queue today.
    Invalid(String),
    Fetch(FetchError),
}

/// What the message line says after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Done(ActionDone),
    Failed(ActFailure),
    /// Put back with no missed ticket, or a transfer with none in hand.
    NoneMissed,
    NothingInHand,
}

/// A list the clerk picks from before acting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picker {
    /// A missed ticket to put back.
    Missed { selected: usize },
    /// The queue to send the ticket in hand to.
    Queue { selected: usize },
}

#[derive(Debug, Clone)]
pub struct State {
    pub config: WindowConfig,
    pub lang: Lang,
    pub size: Size,
    pub screen_reader: bool,
    pub now_ms: u64,
    /// The hall's queues as last read, and when (`now_ms`).
    pub queues: Option<HallQueues>,
    pub loaded_ms: u64,
    /// When the last read was asked for: a server that is down is asked
    /// again every half minute, not at every tick.
    pub asked_ms: u64,
    /// The last read failed: what is shown may be old.
    pub stale: bool,
    /// A read is on its way; `reload` asks for another once it is back
    /// (events coalesce: one read covers many).
    pub loading: bool,
    pub reload: bool,
    pub link: Link,
    /// The hall's name, once the backend's halls are read.
    pub hall_name: Option<crate::domain::Text>,
    /// The backend has no such hall: its halls' ids, to say which there are.
    pub no_such_hall: Option<Vec<String>>,
    /// The server refused the token: the console can only say so.
    pub token_refused: Option<ActFailure>,
    pub picker: Option<Picker>,
    pub notice: Option<Notice>,
    /// An action is on its way: keys wait, so one press is one action.
    pub acting: bool,
    /// A list (put back, transfer) asked for while an action or a read was
    /// on its way: opened from what the read brings, so a ticket called a
    /// moment ago is already in hand.
    pub deferred: Option<Command>,
}

/// Re-reads the queues at least this often, so the minutes left to put a
/// missed ticket back stay right even in a quiet hall.
pub const REFRESH_MS: u64 = 30_000;

impl State {
    pub fn new(config: WindowConfig, size: Size) -> (State, Vec<Effect>) {
        let state = State {
            lang: config.lang,
            screen_reader: config.screen_reader,
            config,
            size,
            now_ms: 0,
            queues: None,
            loaded_ms: 0,
            asked_ms: 0,
            stale: false,
            loading: true,
            reload: false,
            link: Link::Connecting { attempt: 0 },
            hall_name: None,
            no_such_hall: None,
            token_refused: None,
            picker: None,
            notice: None,
            acting: false,
            deferred: None,
        };
        (state, vec![Effect::CheckToken, Effect::LoadHalls, Effect::LoadQueues, Effect::Subscribe])
    }

    /// This window as the server last described it.
    pub fn window(&self) -> Option<&WindowView> {
        self.queues.as_ref()?.windows.iter().find(|w| w.number == self.config.window)
    }

    /// The missed tickets that may still be put back, each with the
    /// seconds left now (counted down since the read).
    pub fn missed(&self) -> Vec<(String, u32)> {
        let gone = self.seconds_since_read();
        let Some(w) = self.window() else { return vec![] };
        w.missed
            .iter()
            .filter(|m| m.seconds_left > gone)
            .map(|m| (m.number.clone(), m.seconds_left - gone))
            .collect()
    }

    /// Whole minutes since the ticket in hand was called (or its service
    /// started), counted on since the read.
    pub fn in_hand_minutes(&self) -> Option<u32> {
        let t = self.window()?.ticket.as_ref()?;
        Some((t.seconds_since + self.seconds_since_read()) / 60)
    }

    fn seconds_since_read(&self) -> u32 {
        u32::try_from(self.now_ms.saturating_sub(self.loaded_ms) / 1000).unwrap_or(u32::MAX)
    }

    /// The hall as the clerk reads it: its name, or its id until known.
    pub fn hall_label(&self) -> &str {
        self.hall_name.as_ref().map_or(&self.config.hall, |n| n.get(self.lang))
    }

    /// The queues a ticket in hand may be sent to: the hall's others.
    pub fn transfer_targets(&self) -> Vec<String> {
        let from = self.window().and_then(|w| w.ticket.as_ref()).map(|t| t.queue.clone());
        let Some(q) = &self.queues else { return vec![] };
        q.queues.iter().map(|q| q.prefix.clone()).filter(|p| Some(p) != from.as_ref()).collect()
    }

    /// Whether the connection to the server is down (or the last read failed).
    pub fn offline(&self) -> bool {
        !matches!(self.link, Link::Live) || self.stale
    }

    /// The console needs 80×24, as the kiosk does.
    pub fn fits(&self) -> bool {
        self.size.width >= 80 && self.size.height >= 24
    }
}
