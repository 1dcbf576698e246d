//! The hall visit's routes (issue 16): take a number, check a booking in,
//! a window's actions, the queues' state, one ticket's state, and the
//! hall's event stream. The rules are `domain::queue`'s; the store keeps
//! the day's tickets and desks (`store::tickets`).

use std::sync::{Arc, Mutex, PoisonError};

use axum::{
    Router,
    http::StatusCode,
    routing::{get, post},
};
use jiff::Timestamp;

use super::{AppState, routes::Fail};
use crate::domain::{
    Catalog,
    queue::{HallLayout, QueueCatalog, load},
};

mod checkin;
mod dto;
mod events;
mod tickets;
mod windows;

pub(super) use checkin::{__path_check_in, check_in};
pub(super) use dto::*;
pub(super) use events::{__path_hall_events, hall_events};
pub(super) use tickets::{
    __path_hall_queues, __path_take_ticket, __path_ticket_state, hall_queues, take_ticket, ticket_state,
};
pub(super) use windows::{__path_window_action, window_action};

/// The routes, for `routes.rs` to merge: what a kiosk does (take a number,
/// check a booking in), what a window does, and what anyone may read
/// (numbers only, never names).
pub(super) fn routes(state: &AppState) -> Router<AppState> {
    use axum::middleware::from_fn_with_state;
    let kiosk = Router::new()
        .route("/api/v1/halls/{hall}/tickets", post(take_ticket))
        .route("/api/v1/halls/{hall}/checkins", post(check_in))
        .route_layer(from_fn_with_state(state.clone(), super::auth::kiosk_only));
    let window = Router::new()
        .route("/api/v1/halls/{hall}/windows/{window}/actions", post(window_action))
        .route_layer(from_fn_with_state(state.clone(), super::auth::window_only));
    Router::new()
        .route("/api/v1/halls/{hall}/tickets/{number}", get(ticket_state))
        .route("/api/v1/halls/{hall}/queues", get(hall_queues))
        .route("/api/v1/halls/{hall}/events", get(hall_events))
        .merge(kiosk)
        .merge(window)
}

/// The demo queues' text, beside the demo catalogue built into the binary
/// (`catalog_source::embedded` leaves this file to us).
const QUEUES_TOML: (&str, &str) = ("data/queues.toml", include_str!("../../data/queues.toml"));

/// The queues of every hall, checked against the catalogue being served;
/// read once per catalogue version. A catalogue they do not fit leaves
/// every hall without queues (logged): the kiosk then says numbers are
/// given at the desk, rather than give numbers for services it lacks.
pub(crate) fn queue_layouts(catalog: &Catalog) -> Arc<QueueCatalog> {
    static CACHE: Mutex<Option<(String, Arc<QueueCatalog>)>> = Mutex::new(None);
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((version, layouts)) = cache.as_ref()
        && *version == catalog.version
    {
        return layouts.clone();
    }
    let (file, text) = QUEUES_TOML;
    let layouts = Arc::new(load(file, text, catalog).unwrap_or_else(|e| {
        tracing::error!("queues do not fit catalogue {}: {e}", catalog.version);
        QueueCatalog::default()
    }));
    *cache = Some((catalog.version.clone(), layouts.clone()));
    layouts
}

/// The hall the path names (404 if the catalogue has none), and its queue
/// layout if it gives numbers here.
fn hall_layout(state: &AppState, hall: &str) -> Result<Option<HallLayout>, Fail> {
    let served = state.served.get();
    if !served.catalog.halls.iter().any(|h| h.id == hall) {
        return Err(Fail::new(StatusCode::NOT_FOUND, "not_found", "no such hall"));
    }
    Ok(queue_layouts(&served.catalog).hall(hall).cloned())
}

/// The hall's layout, or 409 `numbers_at_desk` when it gives no numbers
/// through onestop.
fn numbering_hall(state: &AppState, hall: &str) -> Result<HallLayout, Fail> {
    hall_layout(state, hall)?.ok_or_else(at_desk)
}

fn at_desk() -> Fail {
    Fail::new(StatusCode::CONFLICT, "numbers_at_desk", "this hall gives its numbers at the desk")
}

/// Now, to the second, as the store keeps instants: what is written and
/// what is compared stay the same.
fn now(state: &AppState) -> Timestamp {
    Timestamp::from_second(state.clock.now().as_second()).unwrap_or(Timestamp::UNIX_EPOCH)
}
