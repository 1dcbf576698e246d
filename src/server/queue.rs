//! The hall visit's routes (issue 16): take a number, check a booking in,
//! a window's actions, the queues' state, one ticket's state, and the
//! hall's event stream. The rules are `domain::queue`'s; the store keeps
//! the day's tickets and desks (`store::tickets`).

use axum::{
    Router,
    http::StatusCode,
    routing::{get, post},
};
use jiff::Timestamp;

use super::{AppState, routes::Fail};
use crate::domain::queue::HallLayout;

mod checkin;
mod dto;
mod events;
pub(crate) mod source;
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

/// The hall the path names (404 if the catalogue has none), and its queue
/// layout if it gives numbers here.
fn hall_layout(state: &AppState, hall: &str) -> Result<Option<HallLayout>, Fail> {
    let served = state.served.get();
    if !served.catalog.halls.iter().any(|h| h.id == hall) {
        return Err(Fail::new(StatusCode::NOT_FOUND, "not_found", "no such hall"));
    }
    Ok(served.queues.hall(hall).cloned())
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
