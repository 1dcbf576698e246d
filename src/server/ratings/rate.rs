//! Rating a finished ticket (好差评, 一次一评). What proves the ticket is the
//! citizen's, never an ID: its phone page's handoff code, a booked ticket's
//! code and the phone's last four digits (both guessed at no faster than
//! `ProofGuard` allows), or a kiosk's token of the ticket's hall (the
//! citizen stands at it with the ticket in hand).

use std::net::SocketAddr;

use axum::{
    Json,
    extract::{ConnectInfo, State, rejection::JsonRejection},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use jiff::civil::Date;

use crate::domain::{
    ApiError,
    rating::{RatingRequest, RatingView, own_words},
};
use crate::server::{
    AppState,
    params::{ApiPath, json_refused},
    proof::{client_address, too_many_tries},
    queue::TicketPath,
    routes::Fail,
    store::{Role, StoredRating, normalize_code},
};

/// Rates a ticket once it is finished at its window (or its booking
/// served), within `rating.open_days` of that. The window and the service
/// are the ticket's.
#[utoipa::path(
    post,
    path = "/api/v1/halls/{hall}/tickets/{number}/rating",
    params(TicketPath),
    request_body = RatingRequest,
    responses(
        (status = 201, description = "The rating as stored", body = RatingView),
        (status = 404, description = "`not_found`: no such hall, no such ticket that day, or the proof is not this ticket's", body = ApiError),
        (status = 409, description = "`already_rated`: this ticket has its rating (one per ticket); \
         `not_finished`: the ticket is not finished yet; `rating_closed`: finished longer ago than ratings stay open", body = ApiError),
        (status = 422, description = "`invalid_field` (`day`, `reason`, `text`, `phone_last4`, `service`): \
         not a real date; a low rating without a reason, or a reason with a good one; text over 200 characters, \
         with control characters, or without a reason; a booking code without its digits; a service the ticket's queue does not serve", body = ApiError),
        (status = 429, description = "`too_many_tries`: too many wrong proofs for this ticket or from this address; `Retry-After`", body = ApiError),
    )
)]
pub(in crate::server) async fn rate(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiPath(TicketPath { hall, number }): ApiPath<TicketPath>,
    body: Result<Json<RatingRequest>, JsonRejection>,
) -> Result<Response, Response> {
    let Json(req) = body.map_err(json_refused)?;
    let served = state.served.get();
    if !served.catalog.halls.iter().any(|h| h.id == hall) {
        return Err(Fail::new(StatusCode::NOT_FOUND, "not_found", "no such hall").into());
    }
    let day: Date = req.day.parse().map_err(|_| Fail::invalid("day", "write the day as YYYY-MM-DD"))?;
    let (day, number) = (day.to_string(), number.to_string());
    match (req.level.is_bad(), req.reason) {
        (true, None) => {
            return Err(Fail::invalid("reason", "a low rating needs a reason from the list").into());
        }
        (false, Some(_)) => {
            return Err(Fail::invalid("reason", "only the two lowest ratings take a reason").into());
        }
        _ => {}
    }
    let text = own_words(req.text.as_deref().unwrap_or("")).map_err(|rule| Fail::invalid("text", rule))?;
    if text.is_some() && req.reason.is_none() {
        return Err(Fail::invalid("text", "words go with a low rating's reason").into());
    }
    let proven_service = prove(&state, peer, &headers, &req, (&hall, &day, &number)).await?;

    let none = || Fail::new(StatusCode::NOT_FOUND, "not_found", "no such ticket");
    let ticket =
        state.store.ticket_to_rate(&hall, &day, &number).await.map_err(Fail::internal)?.ok_or_else(none)?;
    let (Some(finished), Some(window)) = (ticket.finished, ticket.window) else {
        return Err(
            Fail::new(StatusCode::CONFLICT, "not_finished", "a ticket is rated once it is finished").into()
        );
    };
    let now = state.clock.now().as_second();
    if now - finished > i64::from(state.rating_open_days) * 86_400 {
        let message = format!("ratings stay open {} days after the service", state.rating_open_days);
        return Err(Fail::new(StatusCode::CONFLICT, "rating_closed", message).into());
    }
    let service = match proven_service {
        Some(service) => service,
        None => service_of(&state, &hall, &ticket, req.service.as_deref()).await?,
    };
    let rating = StoredRating {
        hall,
        day,
        number,
        queue: ticket.queue,
        service,
        window,
        level: req.level,
        reason: req.reason,
        text,
        at: now,
    };
    if !state.store.rate(&rating).await.map_err(Fail::internal)? {
        return Err(Fail::new(
            StatusCode::CONFLICT,
            "already_rated",
            "this ticket has been rated already: thank you",
        )
        .into());
    }
    Ok((StatusCode::CREATED, Json(super::staff::view(&rating))).into_response())
}

/// Checks the proof; the service it names (a handoff's, a booking's), if any.
async fn prove(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    req: &RatingRequest,
    (hall, day, number): (&str, &str, &str),
) -> Result<Option<String>, Response> {
    let not_its = || Fail::new(StatusCode::NOT_FOUND, "not_found", "no such ticket with this proof");
    let (code, digits) = match (&req.handoff, &req.booking) {
        (None, None) => {
            super::token::require(state, headers, Role::Kiosk, Some(hall)).await?;
            return Ok(None);
        }
        (Some(code), _) => (normalize_code(code), None),
        (None, Some(code)) => match req.phone_last4.as_deref().filter(|d| crate::domain::limits::is_last4(d))
        {
            Some(d) => (normalize_code(code), Some(d)),
            None => {
                return Err(Fail::invalid(
                    "phone_last4",
                    "a booking code goes with the phone's last four digits",
                )
                .into());
            }
        },
    };
    let client = client_address(peer.ip(), headers, &state.trusted_proxies);
    if let Err(wait) = state.proof.check(&code, client) {
        return Err(too_many_tries(wait));
    }
    let found = match digits {
        None => state.store.handoff_ticket(&code).await.map(|t| {
            t.filter(|(h, d, n, _)| (h.as_str(), d.as_str(), n.as_str()) == (hall, day, number)).map(|t| t.3)
        }),
        Some(digits) => booked_service(state, &code, digits, (hall, day, number)).await,
    };
    match found {
        Ok(found) => {
            state.proof.record(&code, client, found.is_some());
            Ok(Some(found.ok_or_else(not_its)?))
        }
        Err(e) => {
            state.proof.abandon(&code, client);
            Err(Fail::internal(e).into())
        }
    }
}

/// The booking's service, when `code` and `digits` prove it and it was
/// checked in as this very ticket.
async fn booked_service(
    state: &AppState,
    code: &str,
    digits: &str,
    (hall, day, number): (&str, &str, &str),
) -> Result<Option<String>, crate::server::store::StoreError> {
    let Some(booking) = state.store.booking(code, digits).await? else { return Ok(None) };
    let ticket = state.store.booking_ticket(code).await?;
    let ours =
        ticket.is_some_and(|(h, d, n, _)| h == hall && d.to_string() == day && n.to_string() == number);
    Ok(ours.then_some(booking.service))
}

/// The service of a ticket proven by a kiosk's token: its booking's, or its
/// queue's only one, or the one the request names among the queue's.
async fn service_of(
    state: &AppState,
    hall: &str,
    ticket: &crate::server::store::RatedTicket,
    named: Option<&str>,
) -> Result<String, Fail> {
    if let Some(code) = &ticket.booking
        && let Some(b) = state.store.booking_by_code(code).await.map_err(Fail::internal)?
    {
        return Ok(b.service);
    }
    let served = state.served.get();
    let services = served
        .queues
        .hall(hall)
        .and_then(|l| l.queues.iter().find(|q| q.prefix.to_string() == ticket.queue))
        .map(|q| q.services.clone())
        .unwrap_or_default();
    match (services.as_slice(), named) {
        ([only], _) => Ok(only.clone()),
        (_, Some(s)) if services.iter().any(|x| x == s) => Ok(s.to_owned()),
        _ => Err(Fail::invalid("service", "name which of the ticket's queue's services it was")),
    }
}
