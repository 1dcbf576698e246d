//! Taking a number (取号): the service chosen as for a guide, then — where
//! the hall lists priority groups (绿色通道) — one question, "no" first, then
//! the ticket screen. Nothing personal is asked; staff check a priority at
//! the window.

use super::handoff::HandoffState;
use super::screen::{Menu, Screen};
use super::visit::{self, Purpose, TicketStage, VisitRefusal};
use super::{Effect, Remote, State};
use crate::domain::TicketRef;
use crate::domain::queue::wire::TicketView;

/// A service was chosen on the services or search screen: true when the
/// choice is for a number (and so handled here), false for a guide.
pub fn service_chosen(state: &mut State, service: &str) -> Option<Vec<Effect>> {
    if state.visit.purpose != Purpose::Ticket {
        return None;
    }
    if !visit::numbers_here(state) || visit::queue_of(state, service).is_none() {
        // No queue gives this service's numbers: where they are given instead.
        let refusal = match (&state.visit.queues, state.online) {
            (_, Some(false)) => VisitRefusal::Fetch(crate::domain::FetchError::Offline),
            (Some(Remote::Failed(e)), _) => VisitRefusal::Fetch(*e),
            // Still asking (a search opened before the answer): not known, so not promised.
            (Some(Remote::Loading) | None, _) => VisitRefusal::Fetch(crate::domain::FetchError::Timeout),
            _ if !visit::numbers_here(state) => VisitRefusal::AtDesk,
            _ => VisitRefusal::ServiceAtDesk,
        };
        state.visit.ticket = Some(TicketStage::Refused(refusal));
        state.screens.push(Screen::Ticket { qr: false });
        return Some(vec![]);
    }
    if groups(state).is_empty() {
        return Some(take(state, service, None));
    }
    state.screens.push(Screen::Priority { service: service.to_owned(), menu: Menu::default() });
    Some(vec![])
}

/// The hall's priority groups, in its order (ids and names).
pub fn groups(state: &State) -> &[crate::domain::queue::wire::GroupView] {
    visit::queues(state).map_or(&[][..], |q| &q.priority_groups)
}

/// The priority question's items: "no" (0), then each group.
pub fn priority_len(state: &State) -> usize {
    1 + groups(state).len()
}

pub fn choose_priority(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(Screen::Priority { service, .. }) = state.screens.last() else { return vec![] };
    let service = service.clone();
    let group = match index {
        0 => None,
        i => match groups(state).get(i - 1) {
            Some(g) => Some(g.id.clone()),
            None => return vec![],
        },
    };
    take(state, &service, group)
}

fn take(state: &mut State, service: &str, priority_group: Option<String>) -> Vec<Effect> {
    state.visit.ticket = Some(TicketStage::Taking { service: service.to_owned() });
    state.screens.push(Screen::Ticket { qr: false });
    vec![Effect::TakeTicket { hall: state.config.hall.clone(), service: service.to_owned(), priority_group }]
}

/// The answer to `TakeTicket`, if the ticket screen still waits for it.
pub fn taken(state: &mut State, result: Result<TicketView, VisitRefusal>) -> Vec<Effect> {
    let Some(TicketStage::Taking { service }) = &state.visit.ticket else { return vec![] };
    if !matches!(state.screen(), Screen::Ticket { .. }) {
        return vec![];
    }
    let service = service.clone();
    match result {
        Ok(view) => issued(state, view, Some(service)),
        Err(refusal) => {
            state.visit.ticket = Some(TicketStage::Refused(refusal));
            vec![]
        }
    }
}

/// A number was given (taken or checked in): the ticket screen, and "back"
/// goes to the start — never into the choice that gave it, to take another.
pub fn issued(state: &mut State, view: TicketView, service: Option<String>) -> Vec<Effect> {
    state.visit.ticket = Some(TicketStage::Ready { view: Box::new(view), service });
    state.screens.truncate(1);
    state.screens.push(Screen::Ticket { qr: false });
    request_handoff(state)
}

/// The ticket on screen, if one was given.
pub fn current(state: &State) -> Option<&TicketView> {
    match (&state.visit.ticket, state.screen()) {
        (Some(TicketStage::Ready { view, .. }), Screen::Ticket { .. }) => Some(view),
        _ => None,
    }
}

/// A link to follow the ticket on the phone, in the session's language.
/// The page needs one of the queue's services for its guide: the one chosen,
/// or for a checked-in booking the first of its queue's.
pub fn request_handoff(state: &mut State) -> Vec<Effect> {
    let Some(TicketStage::Ready { view, service }) = &state.visit.ticket else { return vec![] };
    let service = service.clone().or_else(|| {
        let queues = visit::queues(state)?;
        queues.queues.iter().find(|q| q.prefix == view.queue)?.services.first().cloned()
    });
    let Some(service) = service else { return vec![] };
    let ticket = TicketRef { day: view.day.clone(), number: view.number.clone() };
    let lang = state.lang;
    state.handoff = Some(HandoffState {
        service: service.clone(),
        booking: None,
        phone_last4: None,
        lang,
        link: Remote::Loading,
    });
    vec![Effect::CreateHandoff { service, lang, booking: None, phone_last4: None, ticket: Some(ticket) }]
}
