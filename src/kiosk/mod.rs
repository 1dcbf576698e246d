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
pub use screen::{GuidePart, Menu, Screen};
pub use search::{SearchItem, items as search_items};
pub use session_config::SessionConfig;
pub use update::update;

use crate::domain::{
    Booking, BookingFailure, BookingRequest, Catalog, Days, FetchError, Hall, Handoff, Hold, Lang, Service,
    Slots,
};

/// Everything that can happen to a session.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(Size),
    /// Time passes; carries the session's clock in milliseconds since it began.
    Tick(u64),
    CatalogLoaded(Result<Option<Catalog>, FetchError>),
    DaysLoaded(Result<Days, FetchError>),
    SlotsLoaded(Result<Slots, FetchError>),
    HoldPlaced(Result<Hold, BookingFailure>),
    HoldExtended(Result<Hold, BookingFailure>),
    BookingConfirmed(Result<Booking, BookingFailure>),
    BookingFound(Result<Booking, BookingFailure>),
    BookingCancelled(Result<Booking, BookingFailure>),
    /// A handoff link, for the language it was asked in.
    HandoffCreated {
        lang: Lang,
        result: Result<Handoff, FetchError>,
    },
    /// The catalogue kept on disk from an earlier run.
    CatalogCached(Catalog),
    /// The terminal lost frames (a slow SSH client): draw everything again.
    Repaint,
    /// The search index for a catalogue version.
    IndexBuilt(Arc<crate::search::SearchIndex>),
    PinChecked(bool),
    StaffInfoLoaded(staff::StaffInfo),
    ConfigReloaded(Result<SessionConfig, String>),
    /// The hall's queues now (whether it gives numbers here, its priority groups).
    QueuesLoaded(Result<crate::domain::queue::wire::HallQueues, FetchError>),
    /// A number taken (取号), or why not.
    TicketTaken(Result<crate::domain::queue::wire::TicketView, visit::VisitRefusal>),
    /// A booking checked in (签到): its number, or why not.
    CheckedIn(Result<crate::domain::queue::wire::TicketView, visit::VisitRefusal>),
    /// The speaker found espeak-ng and a player (with these voices), or cannot speak.
    SpeechHeard(Result<crate::speech::Voices, crate::speech::SpeechError>),
    /// The hall's day for the staff screen: ratings, reports, queues.
    StaffFiguresLoaded(staff::Figures),
    /// The policy library; `Ok(None)` when the copy held is current.
    PoliciesLoaded(Result<Option<crate::domain::policy::Library>, FetchError>),
    /// The policy library kept on disk from an earlier run.
    PoliciesCached(crate::domain::policy::Library),
    /// The search index for a library version.
    PolicyIndexBuilt(Arc<crate::search::SearchIndex>),
    /// A document's phone link (its address), for the document and language asked.
    PolicyLinkCreated {
        id: String,
        lang: Lang,
        result: Result<String, FetchError>,
    },
    /// A rating taken (好差评), or why not.
    Rated(Result<(), rating::Refusal>),
    /// A mistake in a guide reported (找错), or why not.
    Reported(Result<(), rating::Refusal>),
}

/// What the core asks of the world. Each result comes back as a `Msg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Fetch the catalogue, revalidating the copy with this ETag if any;
    /// answers `CatalogLoaded(Ok(None))` when that copy is current.
    LoadCatalog {
        etag: Option<String>,
    },
    LoadDays {
        hall: String,
        service: String,
    },
    LoadSlots {
        hall: String,
        service: String,
        date: String,
    },
    PlaceHold {
        hall: String,
        service: String,
        start: String,
    },
    /// Keep the held place longer (the citizen asked, in its last minute).
    ExtendHold {
        id: String,
    },
    /// Give a held place back; nobody waits for the answer.
    ReleaseHold {
        id: String,
    },
    /// Confirm a hold. Retried with the same key, it never books twice.
    Book {
        idempotency_key: String,
        request: BookingRequest,
    },
    FindBooking {
        code: String,
        last4: String,
    },
    CancelBooking {
        code: String,
        last4: String,
    },
    /// Check a staff PIN against its hash (slow on purpose: off the UI thread).
    CheckPin {
        pin: String,
        hash: String,
    },
    /// Backend health, latency and today's bookings, for the staff screen.
    LoadStaffInfo,
    /// Read the configuration files again.
    ReloadConfig,
    /// Build the search index for this catalogue (off the loop).
    BuildIndex(Arc<Catalog>),
    /// A link for the phone: the service's guide, and the booking if any.
    CreateHandoff {
        service: String,
        lang: Lang,
        booking: Option<String>,
        /// With `booking`: the last four digits of the phone it was booked
        /// with, the proof the server asks for a booking's page.
        phone_last4: Option<String>,
        /// A ticket to follow on the phone (the number just taken).
        ticket: Option<crate::domain::TicketRef>,
    },
    /// The hall's queues, for taking a number.
    LoadQueues {
        hall: String,
    },
    /// Take a number for a service (with the priority group the citizen said).
    TakeTicket {
        hall: String,
        service: String,
        priority_group: Option<String>,
    },
    /// Check a booking in at this hall, proven by the phone's last four digits.
    CheckIn {
        hall: String,
        code: String,
        last4: String,
    },
    /// Spoken guidance: start, say, repeat, stop, or speak slower or louder.
    Speech(speech::SpeechOrder),
    /// Redraw although no input arrived (e.g. after a tick changed the screen).
    Redraw,
    /// The session is over: restore the terminal and leave.
    EndSession,
    /// The hall's day of ratings, the reports of mistakes and the hall's
    /// queues, for the staff screen (with `backend.staff_token`).
    LoadStaffFigures {
        hall: String,
    },
    /// Fetch the policy library, revalidating the copy with this ETag if
    /// any; answers `PoliciesLoaded(Ok(None))` when that copy is current.
    LoadPolicies {
        etag: Option<String>,
    },
    /// Build the search index for this library (off the loop).
    BuildPolicyIndex(Arc<crate::domain::policy::Library>),
    /// The address of a document's page for the phone.
    LoadPolicyLink {
        id: String,
        lang: Lang,
    },
    /// Rate a finished ticket of this hall: its number, its service day,
    /// the level (and for the two lowest a reason and optional words), and
    /// the proof — the phone link's handoff code, or none (the kiosk's own
    /// token: the citizen stands at it with the ticket in hand).
    Rate {
        hall: String,
        number: String,
        day: String,
        level: crate::domain::rating::Level,
        reason: Option<crate::domain::rating::Reason>,
        text: Option<String>,
        handoff: Option<String>,
        /// Which of the queue's services it was, where the queue serves several.
        service: Option<String>,
    },
    /// Report a mistake in a service's guide.
    Report {
        service: String,
        what: crate::domain::rating::Wrong,
        text: Option<String>,
    },
}

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
