//! What comes into the core (`Msg`: keys, taps, ticks, answers) and what
//! it asks of the world (`Effect`), each answer coming back as a `Msg`.

use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Size;

use super::{SessionConfig, rating, speech, staff, visit};

use crate::domain::{
    Booking, BookingFailure, BookingRequest, Catalog, Days, FetchError, Handoff, Hold, Lang, Slots,
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
