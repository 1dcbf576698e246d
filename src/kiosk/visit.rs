//! The hall visit at the kiosk (issue 16): what the citizen came to the
//! terminal for — take a number (取号, [`super::ticket`]) or check a booking
//! in (预约签到, [`super::checkin`]) — and what both share: why the service
//! is being chosen (a guide, or a number), the hall's queues, and every
//! refusal in words the view can say.
//!
//! The kiosk never pretends to issue a number: offline, in a hall that
//! gives its numbers at the desk, or for a service with no queue, it says
//! where numbers are given instead.

use super::screen::{Menu, Screen};
use super::{Effect, Remote, State};
use crate::domain::queue::wire::{HallQueues, TicketView};
use crate::domain::{Audience, FetchError};

/// Why a service is being chosen on the category, service and search
/// screens: the same screens lead to a guide or to a number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Purpose {
    #[default]
    Guide,
    /// 取号: the chosen service's queue gives a number.
    Ticket,
    /// 预约签到: the "My appointment" form checks the booking in instead.
    CheckIn,
}

/// The visit's side of a session; wiped with everything else at Home and
/// at the idle reset.
#[derive(Debug, Clone, Default)]
pub struct VisitState {
    pub purpose: Purpose,
    /// The hall's queues, asked for when the citizen comes to take a number
    /// (or to check in: the ticket's phone link names one of its services).
    pub queues: Option<Remote<HallQueues>>,
    /// The ticket screen's content.
    pub ticket: Option<TicketStage>,
}

/// Where the ticket on screen stands.
#[derive(Debug, Clone)]
pub enum TicketStage {
    /// Asked for; the answer has not come.
    Taking { service: String },
    /// Given: the number, and the service it was taken for (a checked-in
    /// booking's service is its queue's, when the queues are known).
    Ready { view: Box<TicketView>, service: Option<String> },
    /// Not given, and why.
    Refused(VisitRefusal),
}

/// Why no number was given, or a booking was not checked in: each its own
/// sentence on screen, never a code. Times are as the server sent them
/// (`HH:MM` at the hall for hours, an instant for a booking's times).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VisitRefusal {
    /// The backend could not be asked: numbers are given at the desk.
    Fetch(FetchError),
    /// The hall gives its numbers at the desk, not through onestop.
    AtDesk,
    /// No queue here gives this service's numbers: the desk does.
    ServiceAtDesk,
    ClosedToday,
    /// Numbers are given from this time today.
    BeforeHours(String),
    /// Numbers were given until this time today.
    AfterHours(String),
    DailyCapReached,
    NumbersExhausted,
    /// The server did not take the request as asked (a service or group it
    /// does not know here).
    Invalid,
    /// Check-in: no booking has this code and these digits.
    NotFound,
    /// Check-in opens at this instant.
    TooEarly(String),
    /// The slot ended at this instant.
    TooLate(String),
    Cancelled,
    /// Booked at another hall (its id).
    OtherHall(String),
    /// Checked in already: the number the booking was given then.
    AlreadyCheckedIn(String),
    TooManyTries {
        retry_after_secs: u64,
    },
}

/// What the take-a-number screen offers where the hall gives numbers here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartItem {
    Browse(Audience),
    Search,
}

/// The hall's queues, once they have arrived.
pub fn queues(state: &State) -> Option<&HallQueues> {
    match &state.visit.queues {
        Some(Remote::Ready(q)) => Some(q),
        _ => None,
    }
}

/// Whether this kiosk can give a number now: it reached the backend and
/// the hall gives numbers through onestop.
pub fn numbers_here(state: &State) -> bool {
    state.online != Some(false) && queues(state).is_some_and(|q| q.numbers_here)
}

pub fn start_items(state: &State) -> Vec<StartItem> {
    if !numbers_here(state) {
        return vec![];
    }
    vec![StartItem::Browse(Audience::Personal), StartItem::Browse(Audience::Business), StartItem::Search]
}

/// Asks for the hall's queues (not when the backend is known unreachable:
/// the kiosk says at once that numbers are given at the desk).
pub(crate) fn load_queues(state: &mut State) -> Vec<Effect> {
    if state.online == Some(false) {
        state.visit.queues = Some(Remote::Failed(FetchError::Offline));
        return vec![];
    }
    state.visit.queues = Some(Remote::Loading);
    vec![Effect::LoadQueues { hall: state.config.hall.clone() }]
}

/// "取号 Take a number" on Welcome.
pub fn open_take_number(state: &mut State) -> Vec<Effect> {
    state.visit = VisitState { purpose: Purpose::Ticket, ..VisitState::default() };
    state.screens.push(Screen::TakeNumber(Menu::default()));
    load_queues(state)
}

/// "预约签到 Check in" on Welcome: the "My appointment" form, for a check-in.
pub fn open_check_in(state: &mut State) -> Vec<Effect> {
    state.visit = VisitState { purpose: Purpose::CheckIn, ..VisitState::default() };
    state.lookup = super::lookup::LookupForm::default();
    state.screens.push(Screen::Lookup {
        focus: super::lookup::LookupField::Code,
        errors: vec![],
        searching: false,
    });
    load_queues(state)
}

pub fn queues_loaded(state: &mut State, result: Result<HallQueues, FetchError>) {
    if matches!(state.visit.queues, Some(Remote::Loading)) {
        state.visit.queues = Some(match result {
            Ok(q) => Remote::Ready(q),
            Err(e) => Remote::Failed(e),
        });
    }
}

/// An item of the take-a-number screen: the categories or the search, for a number.
pub fn choose_start(state: &mut State, index: usize) -> Vec<Effect> {
    match start_items(state).get(index) {
        Some(StartItem::Browse(audience)) if state.catalog().is_some() => {
            state.screens.push(Screen::Categories { audience: *audience, menu: Menu::default() });
        }
        // No catalogue to browse yet: say why, as Welcome does.
        Some(StartItem::Browse(_)) => {
            state.notice = Some(match state.catalog {
                super::CatalogState::Failed(e) => super::Notice::NothingToOpen(e),
                _ => super::Notice::StillLoading,
            });
        }
        Some(StartItem::Search) => super::search::open(state),
        _ => {}
    }
    vec![]
}

/// The queue that gives numbers for `service` here, if the queues say so.
pub fn queue_of<'a>(state: &'a State, service: &str) -> Option<&'a crate::domain::queue::wire::QueueView> {
    queues(state)?.queues.iter().find(|q| q.services.iter().any(|s| s == service))
}

/// The hall's local date and time of an instant the server sent, for
/// sentences such as "check-in opens at 09:30 on 2026-12-02".
pub fn local(instant: &str, zone: &str) -> Option<(String, String)> {
    let at: jiff::Timestamp = instant.parse().ok()?;
    let zoned = at.to_zoned(jiff::tz::TimeZone::get(zone).ok()?);
    Some((zoned.date().to_string(), zoned.strftime("%H:%M").to_string()))
}

/// The ticket's number spelled out for a screen reader: "A 0 2 3".
pub fn spelled(number: &str) -> String {
    number.chars().map(String::from).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_in_the_halls_zone_and_numbers_are_spelled_out() {
        let got = local("2026-12-01T01:30:00Z", "Asia/Shanghai");
        assert_eq!(got, Some(("2026-12-01".into(), "09:30".into())));
        assert_eq!(local("2026-12-01T20:00:00Z", "Asia/Urumqi").unwrap().0, "2026-12-02");
        assert_eq!(local("soon", "Asia/Shanghai"), None);
        assert_eq!(spelled("A023"), "A 0 2 3");
    }
}
