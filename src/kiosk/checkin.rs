//! Checking a booking in (预约签到): the "My appointment" form — its code
//! and the phone's last four digits, the same fields, keypads and checks —
//! sends a check-in instead of a lookup, and a booked number is shown on
//! the ticket screen. The digits are forgotten once checked in.

use super::screen::Screen;
use super::visit::{Purpose, VisitRefusal};
use super::{Effect, Notice, State, lookup::LookupForm};
use crate::domain::FetchError;
use crate::domain::queue::wire::TicketView;

/// Whether the form on screen checks a booking in (rather than looks it up).
pub fn checking_in(state: &State) -> bool {
    state.visit.purpose == Purpose::CheckIn && matches!(state.screen(), Screen::Lookup { .. })
}

/// Enter on the form's last field.
pub fn submit(state: &mut State) -> Vec<Effect> {
    let problems = state.lookup.problems();
    let offline = state.online == Some(false);
    let Some(Screen::Lookup { focus, errors, searching }) = state.screens.last_mut() else { return vec![] };
    if let Some((first, _)) = problems.first() {
        *focus = *first;
        *errors = problems;
        state.announce = true;
        return vec![];
    }
    errors.clear();
    if *searching {
        return vec![];
    }
    if offline {
        state.notice = Some(Notice::Visit(VisitRefusal::Fetch(FetchError::Offline)));
        return vec![];
    }
    *searching = true;
    // The code as the server reads it: its 8 letters and digits.
    let code: String = state.lookup.code.text.chars().filter(char::is_ascii_alphanumeric).collect();
    vec![Effect::CheckIn {
        hall: state.config.hall.clone(),
        code: code.to_ascii_uppercase(),
        last4: state.lookup.last4.text.trim().to_owned(),
    }]
}

/// The answer to `CheckIn`, if the form still waits for it.
pub fn checked_in(state: &mut State, result: Result<TicketView, VisitRefusal>) -> Vec<Effect> {
    if !checking_in(state) {
        return vec![];
    }
    let Some(Screen::Lookup { searching, .. }) = state.screens.last_mut() else { return vec![] };
    if !std::mem::take(searching) {
        return vec![];
    }
    match result {
        Ok(view) => {
            // Checked in: the digits have done their work.
            state.lookup = LookupForm::default();
            super::ticket::issued(state, view, None)
        }
        Err(refusal) => {
            state.notice = Some(Notice::Visit(refusal));
            vec![]
        }
    }
}
