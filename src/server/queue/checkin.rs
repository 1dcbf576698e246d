//! Checking a booking in at the hall (预约签到): its code, proven by the
//! phone's last four digits through the server's one `ProofGuard` (the
//! same count as the booking lookup and cancel), then the domain's rules,
//! then a number from its service's queue in the booked lane.

use std::net::SocketAddr;

use axum::{
    Json,
    extract::{ConnectInfo, State, rejection::JsonRejection},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use jiff::Timestamp;

use super::{CheckInRequest, TicketView, at_desk, hall_layout, now};
use crate::domain::queue::{BookingToCheck, CheckInRefusal, TicketNumber};
use crate::domain::{ApiError, BookingStatus};
use crate::server::{
    AppState,
    params::{ApiPath, HallPath, json_refused},
    proof::{client_address, too_many_tries},
    routes::Fail,
    store::{NewTicket, normalize_code},
};

/// 409 `already_checked_in`, naming the number the booking was given.
pub(super) fn already(at: Timestamp, number: TicketNumber) -> Fail {
    let refusal = CheckInRefusal::AlreadyCheckedIn(at);
    Fail::new(StatusCode::CONFLICT, "already_checked_in", format!("{refusal}, as {number}")).detail(number)
}

/// A check-in refusal; `ticket` is the booking's, when it has one.
fn refused(refusal: CheckInRefusal, ticket: Option<TicketNumber>) -> Fail {
    let (code, detail) = match &refusal {
        CheckInRefusal::Cancelled => ("cancelled", None),
        CheckInRefusal::OtherHall(hall) => ("other_hall", Some(hall.clone())),
        CheckInRefusal::AlreadyCheckedIn(at) => match ticket {
            Some(number) => return already(*at, number),
            None => ("already_checked_in", None),
        },
        CheckInRefusal::TooEarly(at) => ("too_early", Some(at.to_string())),
        CheckInRefusal::TooLate(at) => ("too_late", Some(at.to_string())),
    };
    let fail = Fail::new(StatusCode::CONFLICT, code, refusal.to_string());
    match detail {
        Some(detail) => fail.detail(detail),
        None => fail,
    }
}

fn instant(secs: i64) -> Timestamp {
    Timestamp::from_second(secs).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Checks a booking in and gives it a number, called before walk-ins.
/// Accepted from 30 minutes before its slot until the slot ends. A wrong
/// code and wrong digits get the same answer, and count as the lookup's do.
#[utoipa::path(
    post,
    path = "/api/v1/halls/{hall}/checkins",
    params(HallPath),
    request_body = CheckInRequest,
    responses(
        (status = 201, description = "Checked in: the booking's ticket", body = TicketView),
        (status = 404, description = "`not_found`: no such hall, or no booking with this code and these digits", body = ApiError),
        (status = 409, description = "`cancelled`, `other_hall` (the message names it), `already_checked_in`, \
         `too_early` (the message says when check-in opens), `too_late` (when the slot ended); \
         `numbers_at_desk`: the hall gives no numbers through onestop", body = ApiError),
        (status = 429, description = "`too_many_tries`: this booking or this address is locked for a while",
         body = ApiError, headers(("Retry-After" = u64, description = "Seconds until it may try again"))),
    )
)]
pub(in crate::server) async fn check_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiPath(HallPath { hall }): ApiPath<HallPath>,
    headers: HeaderMap,
    body: Result<Json<CheckInRequest>, JsonRejection>,
) -> Result<Response, Fail> {
    let Json(req) = body.map_err(json_refused)?;
    let layout = hall_layout(&state, &hall)?;
    let code = normalize_code(&req.code);
    let client = client_address(peer.ip(), &headers, &state.trusted_proxies);
    if let Err(wait) = state.proof.check(&code, client) {
        return Ok(too_many_tries(wait));
    }
    let digits = req.phone_last4.trim();
    let found = if crate::domain::limits::is_last4(digits) {
        state.store.booking(&code, digits).await
    } else {
        Ok(None)
    };
    let booking = match found {
        Ok(found) => {
            state.proof.record(&code, client, found.is_some());
            found.ok_or_else(|| Fail::new(StatusCode::NOT_FOUND, "not_found", "nothing matches"))?
        }
        Err(e) => {
            state.proof.abandon(&code, client);
            return Err(Fail::internal(e));
        }
    };
    let ticket = state.store.booking_ticket(&booking.code).await.map_err(Fail::internal)?;
    let check = BookingToCheck {
        hall: &booking.hall,
        status: if booking.active { BookingStatus::Active } else { BookingStatus::Cancelled },
        slot_start: instant(booking.start),
        slot_end: instant(booking.end),
        checked_in_at: ticket.as_ref().map(|(.., at)| *at),
    };
    let accepted = crate::domain::queue::check_in(&check, &hall, now(&state), state.checkin_early_minutes)
        .map_err(|r| refused(r, ticket.as_ref().map(|(_, _, number, _)| *number)))?;
    let layout = layout.ok_or_else(at_desk)?;
    let queue = layout.queue_for_service(&booking.service).ok_or_else(at_desk)?.prefix;
    let who = NewTicket::Booked { code: &booking.code, slot_start: accepted.slot_start };
    let view = super::tickets::issue_ticket(&state, &layout, queue, who).await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}
