//! What an action does, wherever it came from: a key, a tap, a key bar hint.

use super::*;

pub(super) fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let deeper = state.screens.len() > 1;
    let mut effects = act_on(state, action);
    if deeper && state.screens.len() == 1 {
        effects.extend(forget_citizen(state));
    }
    effects
}

/// Arriving back at the start (Home, or Back all the way), nothing of the last
/// citizen's stays for the next: what they typed is wiped (text fields zero
/// their memory when dropped) and a held place goes back.
pub(super) fn forget_citizen(state: &mut State) -> Vec<Effect> {
    let effects = booking::release_hold(state);
    state.draft = None;
    state.lookup = lookup::LookupForm::default();
    state.search.clear();
    // The ticket screen goes, and the check-in digits with the form.
    state.visit = visit::VisitState::default();
    state.policies = state.policies.kept();
    state.rating = super::super::rating::RatingState::default();
    state.report = super::super::report::ReportState::default();
    effects
}

pub(super) fn act_on(state: &mut State, action: Action) -> Vec<Effect> {
    // A message stays until the next key; a lost connection stays until it comes back.
    state.notice = state.notice.take().and_then(Notice::lasting);
    // On the search screen, a text key while a result is chosen first brings
    // the focus back to the query, the caret at its end; a key that only
    // moves the caret does no more than that.
    let edits = matches!(action, Action::Type(_) | Action::Erase | Action::Delete);
    let moves = matches!(action, Action::Left | Action::Right | Action::Start | Action::End);
    let refocused = (edits || moves) && back_to_query(state);
    if refocused && moves {
        return vec![];
    }
    if let Some(effects) = staff::pages::act(state, action) {
        return effects;
    }
    if let Some(effects) = super::rating::act(state, action) {
        return effects;
    }
    match action {
        Action::Quit if !state.config.lockdown => vec![Effect::EndSession],
        Action::Quit => vec![],
        Action::SwitchLanguage => {
            state.lang = state.lang.next();
            // The phone page speaks the language chosen.
            if matches!(state.screen(), Screen::Ticket { .. }) {
                return ticket::request_handoff(state);
            }
            if matches!(state.screen(), Screen::Policy { .. }) {
                return policies::request_link(state);
            }
            handoff::request(state)
        }
        Action::Search => {
            search::open(state);
            vec![]
        }
        Action::Keyboard => {
            typing::toggle(state);
            vec![]
        }
        Action::KeepPlace => hold::keep_longer(state),
        Action::Speech(key) => speech::key(state, key),
        Action::Phone => {
            if let Some(Screen::Guide { qr, .. } | Screen::BookDone { qr, .. } | Screen::Policy { qr, .. }) =
                state.screens.last_mut()
            {
                *qr = !*qr;
            }
            // A ticket's code only once there is a ticket to follow.
            if ticket::current(state).is_some()
                && let Some(Screen::Ticket { qr }) = state.screens.last_mut()
            {
                *qr = !*qr;
            }
            vec![]
        }
        Action::Home => {
            state.screens.truncate(1);
            vec![]
        }
        Action::Back => back(state),
        Action::Retry => retry(state),
        // After a search that found nothing, a digit picks from the list offered.
        Action::Type(c) if let Some(effects) = search::type_picks(state, c) => effects,
        Action::Type(c) => {
            type_text(state, c.encode_utf8(&mut [0; 4]));
            vec![]
        }
        Action::Erase => {
            edit_focused(state, |f| f.erase());
            vec![]
        }
        Action::Delete => {
            edit_focused(state, |f| f.delete());
            vec![]
        }
        Action::Left | Action::Right => {
            let right = action == Action::Right;
            if !cycle_id_kind(state, right) {
                edit_field(state, false, |f| f.step(if right { 1 } else { -1 }));
            }
            vec![]
        }
        Action::Start | Action::End => {
            edit_field(state, false, |f| f.jump(action == Action::End));
            vec![]
        }
        _ if state.screen().takes_text() => form_action(state, action),
        Action::Up => move_focus(state, -1),
        Action::Down => move_focus(state, 1),
        Action::PageUp => move_focus(state, -page(state)),
        Action::PageDown => move_focus(state, page(state)),
        Action::Pick(n) => {
            let (len, menu) = menu_of(state);
            if let Some(menu) = menu {
                let layout = MenuLayout::new(
                    layout::menu_area(state.screen(), layout::bands(state).body),
                    len,
                    state.page_limit(),
                );
                let index = layout.page_start(menu.selected) + n;
                if n < layout.page_size && index < len {
                    return choose(state, index);
                }
            }
            vec![]
        }
        Action::Activate if let Some(effects) = policies::activate(state) => effects,
        Action::Activate => match (state.screen(), menu_of(state)) {
            (Screen::Guide { .. }, _) if state.online == Some(false) => {
                state.notice = Some(Notice::BookingOffline);
                vec![]
            }
            (Screen::Guide { service, .. }, _) => {
                let service = service.clone();
                booking::start(state, &service)
            }
            (_, (_, Some(menu))) => choose(state, menu.selected),
            _ => vec![],
        },
    }
}

/// One step back; leaving the details page gives the held place back. A
/// QR code shown over its guide or confirmation is a step of its own.
pub(super) fn back(state: &mut State) -> Vec<Effect> {
    if let Some(
        Screen::Guide { qr, .. }
        | Screen::BookDone { qr, .. }
        | Screen::Ticket { qr }
        | Screen::Policy { qr, .. },
    ) = state.screens.last_mut()
        && *qr
    {
        *qr = false;
        return vec![];
    }
    if state.screens.len() <= 1 {
        return vec![];
    }
    // Back from a change asked for on the check page returns there (the
    // answers checked again), keeping the held place.
    if let Some(Screen::BookDetails { back_to_check: true, .. }) = state.screens.last() {
        return booking::submit_details(state);
    }
    let left = state.screens.pop();
    let mut effects = vec![];
    match left {
        Some(Screen::BookDetails { .. }) => {
            effects = booking::release_hold(state);
            effects.extend(booking::load_slots(state));
            if let Some(Screen::BookSlot { slots, .. }) = state.screens.last_mut() {
                *slots = Remote::Loading;
            }
        }
        Some(Screen::BookDate { .. } | Screen::BookHall(_)) if !in_booking(state) => state.draft = None,
        // A late answer for a ticket left behind is not shown later for another.
        Some(Screen::Ticket { .. }) => state.visit.ticket = None,
        _ => {}
    }
    effects
}

pub(super) fn in_booking(state: &State) -> bool {
    state.screens.iter().any(|s| matches!(s, Screen::BookHall(_) | Screen::BookDate { .. }))
}

pub(super) fn retry(state: &mut State) -> Vec<Effect> {
    if let CatalogState::Failed(_) = state.catalog {
        state.catalog = CatalogState::Loading;
        state.notice = None;
        return vec![Effect::LoadCatalog { etag: None }];
    }
    if matches!(state.screen(), Screen::Staff { .. }) {
        return staff::refresh(state);
    }
    match state.screens.last_mut() {
        Some(Screen::BookDate { days, .. }) if matches!(days, Remote::Failed(_)) => {
            *days = Remote::Loading;
            booking::load_days(state)
        }
        Some(Screen::BookSlot { slots, .. }) if matches!(slots, Remote::Failed(_)) => {
            *slots = Remote::Loading;
            booking::load_slots(state)
        }
        _ => vec![],
    }
}

/// What the keyboard's keys do to the field, done as the same keys typed would.
pub(super) fn carry_out(state: &mut State, outcomes: Vec<Outcome>) -> Vec<Effect> {
    let mut effects = vec![];
    for outcome in outcomes {
        match outcome {
            Outcome::Type(text) => text.chars().for_each(|c| effects.extend(act(state, Action::Type(c)))),
            Outcome::Act(action) => effects.extend(act(state, action)),
            Outcome::ClearField => edit_focused(state, |f| f.clear()),
        }
    }
    effects
}
