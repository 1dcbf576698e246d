//! `update`: the only place the state changes. Synchronous and deterministic.
//! Each kind of input has its own file: `act` (what an action does),
//! `fields` (typing in forms), `menu` (lists), `click` (taps).

mod act;
mod click;
mod fields;
mod menu;
mod policies;
mod rating;

use std::sync::Arc;

use act::*;
use click::*;
use fields::*;
use menu::*;

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::keymap::{self, Action};
use super::layout::{self, MenuLayout};
use super::screen::{self, Menu, Screen, WelcomeItem};
use super::typing::{self, Outcome};
use super::{
    CatalogState, Effect, Msg, Notice, State, booking, checkin, handoff, hold, idle, keybar, lookup, search,
    speech, staff, ticket, visit,
};
use super::{Remote, form::TextField};
use crate::domain::IdKind;

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    if matches!(msg, Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_)) {
        state.announce = false;
    }
    let before = state.notice.clone();
    let effects = apply(state, msg);
    typing::follow_focus(state);
    // A new message is announced: in screen-reader mode the cursor moves to it.
    if state.notice.is_some() && state.notice != before {
        state.announce = true;
    }
    effects
}

fn apply(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) if state.idle_warning => {
            // Any input means "still here": it only dismisses the warning.
            state.idle_warning = false;
            state.last_input_ms = state.now_ms;
            vec![]
        }
        Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) if state.now_ms < state.input_guard_until_ms => {
            state.last_input_ms = state.now_ms;
            vec![]
        }
        Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) if !state.fits() => {
            // The screen only asks for a bigger window: nothing may happen
            // unseen, but the quit keys still quit.
            state.last_input_ms = state.now_ms;
            match msg {
                Msg::Key(key) if key_action(state, &key) == Some(Action::Quit) => act(state, Action::Quit),
                _ => vec![],
            }
        }
        Msg::Key(key) => {
            state.last_input_ms = state.now_ms;
            if state.config.staff_key.is_some_and(|chord| keymap::is_chord(&key, chord)) {
                staff::open_prompt(state);
                return vec![];
            }
            if typing::visible(state)
                && let Some(outcomes) = typing::key(state, &key)
            {
                return carry_out(state, outcomes);
            }
            key_action(state, &key).map_or_else(Vec::new, |a| act(state, a))
        }
        Msg::Mouse(mouse) => {
            state.last_input_ms = state.now_ms;
            let effects = click(state, mouse);
            // A tap means a touch screen: with `kiosk.touch = "auto"` the
            // keyboard shows from now on (after the tap, which was aimed at
            // the screen as it was).
            if matches!(mouse.kind, MouseEventKind::Down(_)) {
                state.keyboard.touched = true;
            }
            effects
        }
        Msg::Paste(text) => {
            state.last_input_ms = state.now_ms;
            type_text(state, &text);
            vec![]
        }
        Msg::Resize(size) => {
            state.size = size;
            vec![]
        }
        Msg::Repaint => vec![Effect::Redraw],
        Msg::Tick(now) => {
            let before = std::mem::replace(&mut state.now_ms, now);
            let mut effects = hold::tick(state, before);
            effects.extend(idle::tick(state));
            effects.extend(speech::tick(state));
            effects.extend(check_catalog_when_due(state));
            effects.extend(rating::tick(state));
            let lock_changed =
                staff::locked_minutes(&state.staff, before) != staff::locked_minutes(&state.staff, now);
            if lock_changed && matches!(state.screen(), Screen::StaffPin { .. }) {
                effects.push(Effect::Redraw);
            }
            effects
        }
        Msg::CatalogCached(catalog) => {
            if !matches!(state.catalog, CatalogState::Ready(_)) {
                state.catalog = CatalogState::Ready(Arc::new(catalog));
                if matches!(state.notice, Some(Notice::StillLoading)) {
                    state.notice = None;
                }
            }
            index_if_new(state)
        }
        Msg::IndexBuilt(index) => {
            state.search_index = Some(index);
            search::refresh(state);
            vec![Effect::Redraw]
        }
        Msg::CatalogLoaded(Ok(fresh)) => {
            // A check that finds nothing new changes nothing on screen.
            let mut changed = fresh.is_some() || state.online != Some(true);
            if let Some(catalog) = fresh {
                state.catalog = CatalogState::Ready(Arc::new(catalog));
                forget_vanished(state);
            }
            state.online = Some(true);
            state.catalog_check_at_ms = Some(state.now_ms + state.config.catalog_refresh_ms);
            state.backoff_ms = super::FIRST_BACKOFF_MS;
            if matches!(
                state.notice,
                Some(
                    Notice::Unavailable(_)
                        | Notice::NothingToOpen(_)
                        | Notice::StillLoading
                        | Notice::BookingOffline
                )
            ) {
                state.notice = None;
                changed = true;
            }
            let mut effects = index_if_new(state);
            if changed {
                effects.push(Effect::Redraw);
            }
            effects
        }
        Msg::CatalogLoaded(Err(e)) => {
            // A copy already on screen (even from the disk cache) stays
            // usable; the kiosk says it is offline and tries again later.
            if !matches!(state.catalog, CatalogState::Ready(_)) {
                state.catalog = CatalogState::Failed(e);
            }
            state.online = Some(false);
            state.catalog_check_at_ms = Some(state.now_ms + state.backoff_ms);
            state.backoff_ms = (state.backoff_ms * 2).min(super::MAX_BACKOFF_MS);
            state.notice = Some(Notice::Unavailable(e));
            vec![Effect::Redraw]
        }
        Msg::PinChecked(ok) => staff::checked(state, ok),
        Msg::StaffInfoLoaded(info) => {
            staff::info_loaded(state, info);
            vec![]
        }
        Msg::ConfigReloaded(result) => {
            staff::reloaded(state, result);
            vec![Effect::Redraw]
        }
        Msg::DaysLoaded(result) => {
            booking::days_loaded(state, result);
            vec![]
        }
        Msg::SlotsLoaded(result) => {
            booking::slots_loaded(state, result);
            vec![]
        }
        Msg::HoldPlaced(result) => booking::hold_placed(state, result),
        Msg::HoldExtended(result) => hold::hold_extended(state, result),
        Msg::BookingConfirmed(result) => booking::confirmed(state, result),
        Msg::BookingFound(result) => {
            lookup::found(state, result);
            vec![]
        }
        Msg::BookingCancelled(result) => {
            lookup::cancelled(state, result);
            vec![]
        }
        Msg::HandoffCreated { lang, result } => {
            handoff::created(state, lang, result);
            vec![]
        }
        Msg::QueuesLoaded(result) => {
            visit::queues_loaded(state, result);
            let mut effects = super::rating::queues_arrived(state);
            effects.push(Effect::Redraw);
            effects
        }
        Msg::TicketTaken(result) => ticket::taken(state, result),
        Msg::CheckedIn(result) => checkin::checked_in(state, result),
        Msg::SpeechHeard(result) => speech::heard(state, result),
        Msg::StaffFiguresLoaded(figures) => {
            staff::figures_loaded(state, figures);
            vec![Effect::Redraw]
        }
        Msg::PoliciesLoaded(result) => policies::loaded(state, result),
        Msg::PoliciesCached(library) => policies::cached(state, library),
        Msg::PolicyIndexBuilt(index) => policies::index_built(state, index),
        Msg::PolicyLinkCreated { id, lang, result } => {
            policies::link_created(state, &id, lang, result);
            vec![Effect::Redraw]
        }
        Msg::Rated(result) => super::rating::rated(state, result),
        Msg::Reported(result) => super::report::reported(state, result),
    }
}

/// What a key means on the screen shown: where the citizen types, letters are text.
fn key_action(state: &State, key: &crossterm::event::KeyEvent) -> Option<Action> {
    if let Some(turn) = staff::pages::key_action(state, key) {
        return Some(turn);
    }
    if state.screen().takes_text() { keymap::text_action(key) } else { keymap::action(key) }
}

/// A new catalogue (version) needs a new search index.
fn index_if_new(state: &State) -> Vec<Effect> {
    match &state.catalog {
        CatalogState::Ready(c) if state.search_index.as_ref().is_none_or(|i| i.version != c.version) => {
            vec![Effect::BuildIndex(Arc::clone(c))]
        }
        _ => vec![],
    }
}

/// Asks for the catalogue again when due: after a back-off while the
/// backend is unreachable, or to look for a newer one.
fn check_catalog_when_due(state: &mut State) -> Vec<Effect> {
    match state.catalog_check_at_ms {
        Some(at) if state.now_ms >= at => {
            state.catalog_check_at_ms = None;
            let etag = state.catalog().map(|c| c.version.clone());
            // The policy library is refreshed on the catalogue's schedule.
            vec![Effect::LoadCatalog { etag }, policies::load(state)]
        }
        _ => vec![],
    }
}

/// After a catalogue update, drops screens whose category or service is gone.
fn forget_vanished(state: &mut State) {
    let CatalogState::Ready(catalog) = &state.catalog else { return };
    let catalog = Arc::clone(catalog);
    let keep = state
        .screens
        .iter()
        .take_while(|s| match s {
            Screen::Services { category, .. } => screen::category(&catalog, category).is_some(),
            Screen::Guide { service, .. } => screen::service(&catalog, service).is_some(),
            _ => true,
        })
        .count();
    state.screens.truncate(keep.max(1));
}
