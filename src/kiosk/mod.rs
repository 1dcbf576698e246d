//! The application core, in The Elm Architecture: `State`, `Msg`, `update`,
//! `Effect`. Pure: no I/O, no clock, no terminal. The runtime feeds it
//! messages and carries out its effects; the UI draws its state.

pub mod booking;
pub mod form;
pub mod handoff;
mod keymap;
pub mod layout;
pub mod lookup;
pub mod screen;
mod update;

use std::sync::Arc;

pub use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};
use ratatui::layout::Size;

pub use screen::{GuidePart, Menu, Screen};
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
    BookingConfirmed(Result<Booking, BookingFailure>),
    BookingFound(Result<Booking, BookingFailure>),
    BookingCancelled(Result<Booking, BookingFailure>),
    /// A handoff link, for the language it was asked in.
    HandoffCreated {
        lang: Lang,
        result: Result<Handoff, FetchError>,
    },
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
    /// A link for the phone: the service's guide, and the booking if any.
    CreateHandoff {
        service: String,
        lang: Lang,
        booking: Option<String>,
    },
    /// Redraw although no input arrived (e.g. after a tick changed the screen).
    Redraw,
    /// The session is over: restore the terminal and leave.
    EndSession,
}

/// Settings a session starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionConfig {
    /// This kiosk's id, sent with bookings.
    pub kiosk: String,
    pub hall: String,
    pub lang: Lang,
    /// Quit keys work only when this is false.
    pub lockdown: bool,
}

/// Where the catalogue stands.
#[derive(Debug, Clone)]
pub enum CatalogState {
    Loading,
    Failed(FetchError),
    Ready(Arc<Catalog>),
}

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
    /// That day is closed or full.
    DayUnavailable,
    SlotFull,
    Booking(BookingFailure),
    Cancelled,
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
}

impl State {
    /// A fresh session at Welcome, and what it needs first.
    pub fn new(config: SessionConfig, size: Size) -> (State, Vec<Effect>) {
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
        };
        (state, vec![Effect::LoadCatalog { etag: None }])
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

    /// Whether the terminal is big enough to use.
    pub fn fits(&self) -> bool {
        self.size.width >= layout::MIN_WIDTH && self.size.height >= layout::MIN_HEIGHT
    }
}
