//! The application core, in The Elm Architecture: `State`, `Msg`, `update`,
//! `Effect`. Pure: no I/O, no clock, no terminal. The runtime feeds it
//! messages and carries out its effects; the UI draws its state.

pub mod booking;
pub mod checkin;
pub mod form;
pub mod handoff;
pub mod hold;
mod idle;
pub mod input;
pub mod keybar;
mod keymap;
pub mod layout;
pub mod lookup;
mod msg;
pub mod policies;
pub mod rating;
pub mod report;
pub mod screen;
mod search;
mod session_config;
pub mod speech;
pub mod staff;
pub mod ticket;
pub mod typing;
mod update;
pub mod visit;

use std::sync::Arc;

pub use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};
use ratatui::layout::Size;

pub use idle::seconds_left as idle_seconds_left;
pub use keymap::parse_chord;
pub use msg::{Effect, Msg};
pub use screen::{GuidePart, Menu, Screen};
pub use search::{SearchItem, items as search_items};
pub use session_config::SessionConfig;
pub use update::update;

use crate::domain::{BookingFailure, Catalog, FetchError, Hall, Lang, Service};

/// Where the catalogue stands.
#[derive(Debug, Clone)]
pub enum CatalogState {
    Loading,
    Failed(FetchError),
    Ready(Arc<Catalog>),
}

/// First wait before trying an unreachable backend again; it doubles up to a minute.
pub const FIRST_BACKOFF_MS: u64 = 2_000;
pub const MAX_BACKOFF_MS: u64 = 60_000;

/// Something fetched for a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remote<T> {
    Loading,
    Failed(FetchError),
    Ready(T),
}

/// A message shown in the one fixed place above the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    StillLoading,
    Unavailable(FetchError),
    /// A category was asked for, but there is no catalogue at all (none
    /// came from the backend and none is saved on this kiosk): says why
    /// nothing opens. After the next key, `Unavailable` again.
    NothingToOpen(FetchError),
    /// That day is closed or full.
    DayUnavailable,
    SlotFull,
    Booking(BookingFailure),
    Cancelled,
    /// Booking needs the backend, which cannot be reached.
    BookingOffline,
    ConfigReloaded,
    /// The held place has a minute left (said once, to a screen reader).
    HoldEnding,
    /// The held place is kept for another full time.
    HoldKept,
    /// A new configuration was refused (its problems, for staff); the old one stays.
    ConfigRejected(String),
    /// No number given, or a booking not checked in: why, in its own sentence.
    Visit(visit::VisitRefusal),
    /// Speech on or off, its rate or volume now, or why it cannot run.
    Speech(speech::SpeechNotice),
    /// Rating a service or reporting a mistake: a typed number's problem,
    /// the link read, a refusal.
    Rating(rating::RatingNotice),
}

impl Notice {
    /// What stays once the citizen presses on: a lost connection stays
    /// until it comes back (in its short form); every other message goes.
    pub fn lasting(self) -> Option<Notice> {
        match self {
            Notice::Unavailable(e) | Notice::NothingToOpen(e) => Some(Notice::Unavailable(e)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct State {
    pub config: SessionConfig,
    pub lang: Lang,
    pub catalog: CatalogState,
    /// The way back: the first entry is always Welcome, the last is on screen.
    pub screens: Vec<Screen>,
    pub notice: Option<Notice>,
    pub size: Size,
    /// The session's clock, from the last `Tick`.
    pub now_ms: u64,
    /// The booking being made, if any.
    pub draft: Option<booking::Draft>,
    pub lookup: lookup::LookupForm,
    /// The phone link for the guide or confirmation on screen.
    pub handoff: Option<handoff::HandoffState>,
    /// When the citizen last pressed, clicked or pasted (session clock).
    pub last_input_ms: u64,
    /// The "are you still there?" warning is up.
    pub idle_warning: bool,
    /// None until the backend first answers or fails; false while unreachable.
    pub online: Option<bool>,
    /// When to ask the backend for the catalogue next: soon (with growing
    /// pauses) while it is unreachable, every `catalog_refresh_ms` while it answers.
    pub catalog_check_at_ms: Option<u64>,
    pub backoff_ms: u64,
    pub staff: staff::StaffState,
    /// What is typed on the search screen.
    pub search: form::TextField,
    /// Built off the loop for each catalogue version.
    pub search_index: Option<Arc<crate::search::SearchIndex>>,
    pub screen_reader: bool,
    /// 长者模式: fewer choices per screen, more space.
    pub elderly: bool,
    /// Input waits until then (session clock): the screen just changed by
    /// itself, and a key meant for the old one must not act on the new.
    pub input_guard_until_ms: u64,
    /// The on-screen keyboard and what is composed on it.
    pub keyboard: typing::KeyboardState,
    /// A message just appeared: in screen-reader mode the cursor goes to it
    /// (the reader says it) until the next key.
    pub announce: bool,
    /// The hall visit: taking a number or checking in, and the ticket.
    pub visit: visit::VisitState,
    /// Spoken guidance: on or off, rate and volume.
    pub speech: speech::SpeechState,
    /// The policy library, and the Policies screen's query and filters.
    pub policies: policies::PolicyState,
    /// 评价: the number typed, the level and reason chosen, the words.
    pub rating: rating::RatingState,
    /// 找错: the report being made from a guide.
    pub report: report::ReportState,
}

impl State {
    /// A fresh session at Welcome, and what it needs first.
    pub fn new(config: SessionConfig, size: Size) -> (State, Vec<Effect>) {
        let (screen_reader, elderly) = (config.screen_reader, config.elderly);
        let speech = speech::SpeechState::new(&config.speech);
        let state = State {
            lang: config.lang,
            config,
            catalog: CatalogState::Loading,
            screens: vec![Screen::Welcome(Menu::default())],
            notice: None,
            size,
            now_ms: 0,
            draft: None,
            lookup: lookup::LookupForm::default(),
            handoff: None,
            last_input_ms: 0,
            idle_warning: false,
            online: None,
            catalog_check_at_ms: None,
            backoff_ms: FIRST_BACKOFF_MS,
            staff: staff::StaffState::default(),
            search: form::TextField::new(40),
            search_index: None,
            screen_reader,
            elderly,
            input_guard_until_ms: 0,
            keyboard: typing::KeyboardState::default(),
            announce: false,
            visit: visit::VisitState::default(),
            speech,
            policies: policies::PolicyState::default(),
            rating: rating::RatingState::default(),
            report: report::ReportState::default(),
        };
        let mut effects = vec![Effect::LoadCatalog { etag: None }, Effect::LoadPolicies { etag: None }];
        effects.extend(speech::start(&state.config.speech));
        (state, effects)
    }

    /// Back to Welcome in the default language, everything personal dropped
    /// (and wiped: text fields zero their memory when dropped), the held
    /// place given back. The catalogue and the connection state stay.
    pub fn reset(&mut self) -> Vec<Effect> {
        let effects = booking::release_hold(self);
        let (fresh, _) = State::new(self.config.clone(), self.size);
        let kept = std::mem::replace(self, fresh);
        self.catalog = kept.catalog;
        self.now_ms = kept.now_ms;
        self.last_input_ms = kept.now_ms;
        self.online = kept.online;
        self.catalog_check_at_ms = kept.catalog_check_at_ms;
        self.backoff_ms = kept.backoff_ms;
        // A PIN lockout outlives a reset: it guards the kiosk, not the citizen.
        self.staff.locked_until_ms = kept.staff.locked_until_ms;
        self.staff.failures = kept.staff.failures;
        self.search_index = kept.search_index;
        self.policies = kept.policies.kept();
        // The screen stays a touch screen for the next citizen.
        self.keyboard.touched = kept.keyboard.touched;
        self.notice = kept.notice.and_then(Notice::lasting);
        // Speech goes off for the next citizen; what the speaker found stays.
        self.speech.ready = kept.speech.ready;
        self.speech.voices = kept.speech.voices;
        self.speech.failed = kept.speech.failed;
        let mut effects = effects;
        if kept.speech.on {
            effects.push(Effect::Speech(speech::SpeechOrder::Stop));
        }
        effects
    }

    pub fn screen(&self) -> &Screen {
        self.screens.last().expect("Welcome is never popped")
    }

    pub fn catalog(&self) -> Option<&Catalog> {
        match &self.catalog {
            CatalogState::Ready(c) => Some(c),
            _ => None,
        }
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.catalog().and_then(|c| screen::service(c, id))
    }

    pub fn hall_by_id(&self, id: &str) -> Option<&Hall> {
        self.catalog()?.halls.iter().find(|h| h.id == id)
    }

    /// The hall this kiosk stands in, once the catalogue is here.
    pub fn hall(&self) -> Option<&Hall> {
        let catalog = self.catalog()?;
        catalog.halls.iter().find(|h| h.id == self.config.hall).or(catalog.halls.first())
    }

    /// The help phone on every screen: the hall's from the catalogue, or
    /// else the configuration's (`kiosk.help_phone`).
    pub fn help_phone(&self) -> Option<&str> {
        self.hall().map(|h| h.phone.as_str()).or(self.config.help_phone.as_deref()).filter(|p| !p.is_empty())
    }

    /// Items per menu page: a digit picks any of them; fewer for the elderly.
    pub fn page_limit(&self) -> usize {
        if self.elderly { 6 } else { 9 }
    }

    /// Without input this long, the session resets; screen-reader and speech users get twice as long.
    pub fn idle_timeout_ms(&self) -> u64 {
        self.config.idle_timeout_ms * if self.screen_reader || self.speech.on { 2 } else { 1 }
    }

    /// Whether the terminal is big enough to use.
    pub fn fits(&self) -> bool {
        self.size.width >= layout::MIN_WIDTH && self.size.height >= layout::MIN_HEIGHT
    }
}
