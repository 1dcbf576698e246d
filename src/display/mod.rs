//! The hall's calling screen (`onestop display`, 叫号屏): its core. State,
//! Msg, update and Effect as the kiosk and the window console have them,
//! and as pure: no I/O, no clock (time arrives in `Msg::Tick`), no
//! terminal. The runtime carries out each `Effect` (`runtime::display`).
//!
//! What is called comes from the server's `GET …/queues` (its `calls`:
//! tickets called and not yet done, with how often each was called), read
//! again on every event of the hall's stream. A call is one the last read
//! did not hold — a new ticket at a window, or the same one called again
//! (重呼: its count went up) — so a missed event or a reconnect never loses
//! a call, and never announces one twice.

mod calls;
mod spoken;
mod update;

use crossterm::event::KeyEvent;
use ratatui::layout::Size;

use crate::domain::queue::wire::HallQueues;
use crate::domain::{FetchError, Lang};
use crate::speech::{SpeechError, Utterance};
pub use crate::window::{Link, News};

pub use calls::{Call, CallKey};
pub use spoken::utterances;
pub use update::update;

/// What a calling screen is started with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayConfig {
    pub hall: String,
    pub lang: Lang,
    /// `display.speak`: read each call out.
    pub speak: bool,
    /// `display.recent`: earlier calls listed below the newest.
    pub recent: u8,
    pub screen_reader: bool,
}

/// Everything that can happen to a calling screen.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Resize(Size),
    /// Frames were lost on the way: draw the next one whole.
    Repaint,
    /// Milliseconds since the screen started.
    Tick(u64),
    HallsLoaded(Result<Vec<crate::domain::Hall>, FetchError>),
    QueuesLoaded(Result<HallQueues, FetchError>),
    /// The hall's event stream is listening (its `ready`).
    StreamOpened,
    /// One event of the stream, by its name (`called`, `lagged`, …).
    StreamEvent(String),
    /// The stream ended or failed: the server went away, or fell silent.
    StreamClosed,
    /// Speech is off for good (espeak-ng or a player missing), and why.
    SpeechOff(SpeechError),
}

/// What the core asks of the world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Redraw,
    End,
    LoadHalls,
    LoadQueues,
    /// Opens the hall's event stream, ending any open before.
    Subscribe,
    /// Finds espeak-ng and a player (speech is on): a failure comes back
    /// as `Msg::SpeechOff`, once.
    StartSpeech,
    /// Says one call, after any call still being said.
    Speak(Vec<Utterance>),
}

/// How long a new call stands out (reverse video), in milliseconds.
pub const HIGHLIGHT_MS: u64 = 10_000;

/// Re-reads the queues at least this often: the waiting counts stay right
/// even while the stream is down.
pub const REFRESH_MS: u64 = 30_000;

/// The most calls kept (the server sends at most 20 in hand).
pub const HISTORY: usize = 20;

#[derive(Debug, Clone)]
pub struct State {
    pub config: DisplayConfig,
    pub lang: Lang,
    pub size: Size,
    pub screen_reader: bool,
    pub now_ms: u64,
    /// The calls, the newest first (at most `HISTORY`).
    pub history: Vec<Call>,
    /// The calls of the last read: a call not among them is new.
    pub seen: Vec<CallKey>,
    /// The first read is in: what it held was called before this screen
    /// started, so it is shown but neither highlighted nor spoken.
    pub seeded: bool,
    /// The newest call stands out until then (`now_ms`).
    pub highlight_until: Option<u64>,
    /// The service day of the last read: a new day starts with no calls.
    pub day: Option<String>,
    /// How many wait in each queue, by its letter.
    pub waiting: Vec<(String, u32)>,
    pub hall_name: Option<crate::domain::Text>,
    /// The backend has no such hall: its halls' ids.
    pub no_such_hall: Option<Vec<String>>,
    pub link: Link,
    /// The last read failed: what is shown may be old.
    pub stale: bool,
    pub loading: bool,
    pub reload: bool,
    pub asked_ms: u64,
    pub speech_off: Option<SpeechError>,
}

impl State {
    pub fn new(config: DisplayConfig, size: Size) -> (State, Vec<Effect>) {
        let mut effects = vec![Effect::LoadHalls, Effect::LoadQueues, Effect::Subscribe];
        if config.speak {
            effects.push(Effect::StartSpeech);
        }
        let state = State {
            lang: config.lang,
            screen_reader: config.screen_reader,
            config,
            size,
            now_ms: 0,
            history: vec![],
            seen: vec![],
            seeded: false,
            highlight_until: None,
            day: None,
            waiting: vec![],
            hall_name: None,
            no_such_hall: None,
            link: Link::Connecting { attempt: 0 },
            stale: false,
            loading: true,
            reload: false,
            asked_ms: 0,
            speech_off: None,
        };
        (state, effects)
    }

    /// The newest call, shown in large letters.
    pub fn newest(&self) -> Option<&Call> {
        self.history.first()
    }

    /// The calls before it, as many as `display.recent` asks.
    pub fn recent(&self) -> &[Call] {
        let end = self.history.len().min(usize::from(self.config.recent) + 1);
        self.history.get(1..end).unwrap_or(&[])
    }

    /// Whether the newest call stands out now.
    pub fn highlighted(&self) -> bool {
        self.highlight_until.is_some_and(|until| self.now_ms < until)
    }

    /// Whether the connection to the server is down (or the last read failed).
    pub fn offline(&self) -> bool {
        !matches!(self.link, Link::Live) || self.stale
    }

    /// The hall as shown: its name, or its id until known.
    pub fn hall_label(&self) -> &str {
        self.hall_name.as_ref().map_or(&self.config.hall, |n| n.get(self.lang))
    }
}
