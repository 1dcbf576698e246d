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
    rating::{Level, RatingRequest, RatingView, Reason, own_words},
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
    let open_days = state.rating_open_days;
    let text = words(req.level, req.reason, req.text.as_deref()).map_err(|r| r.fail(open_days))?;
    let service = match prove(&state, peer, &headers, &req, (&hall, &day, &number)).await? {
        Some(proven) => Service::Proven(proven),
        None => Service::Named(req.service.clone()),
    };
    let asked = Asked { hall, day, number, level: req.level, reason: req.reason, text };
    let rating = give(&state, asked, service).await.map_err(|r| r.fail(open_days))?;
    Ok((StatusCode::CREATED, Json(super::staff::view(&rating))).into_response())
}

/// Why a rating is not taken: the one list of rules, which the JSON route
/// and the ticket's phone page each word in their own way.
#[derive(Debug)]
pub(in crate::server) enum Refused {
    /// A low rating without a reason from the list.
    NeedsReason,
    /// A reason with one of the three good levels.
    ReasonWithGood,
    /// The citizen's own words break a rule of `own_words` (the rule).
    Text(&'static str),
    /// Own words without a low rating's reason.
    WordsWithoutReason,
    /// No such ticket that day at the hall.
    NoTicket,
    NotFinished,
    /// Finished longer ago than `rating.open_days`.
    Closed,
    /// The ticket has its rating (一次一评).
    AlreadyRated,
    /// A kiosk's rating of a queue of several services names none of them.
    WhichService,
    /// The store failed (logged when it is answered).
    Store(crate::server::store::StoreError),
}

impl Refused {
    /// The JSON API's answer.
    pub(in crate::server) fn fail(self, open_days: u32) -> Fail {
        let conflict = |code: &str, message: String| Fail::new(StatusCode::CONFLICT, code, message);
        match self {
            Refused::NeedsReason => Fail::invalid("reason", "a low rating needs a reason from the list"),
            Refused::ReasonWithGood => Fail::invalid("reason", "only the two lowest ratings take a reason"),
            Refused::Text(rule) => Fail::invalid("text", rule),
            Refused::WordsWithoutReason => Fail::invalid("text", "words go with a low rating's reason"),
            Refused::NoTicket => Fail::new(StatusCode::NOT_FOUND, "not_found", "no such ticket"),
            Refused::NotFinished => {
                conflict("not_finished", "a ticket is rated once it is finished".to_owned())
            }
            Refused::Closed => {
                conflict("rating_closed", format!("ratings stay open {open_days} days after the service"))
            }
            Refused::AlreadyRated => {
                conflict("already_rated", "this ticket has been rated already: thank you".to_owned())
            }
            Refused::WhichService => {
                Fail::invalid("service", "name which of the ticket's queue's services it was")
            }
            Refused::Store(e) => Fail::internal(e),
        }
    }
}

/// The level's own rules for its reason and words: a low rating needs a
/// reason, a good one takes none; words (bounded, plain) go with a reason.
/// The words as kept.
pub(in crate::server) fn words(
    level: Level,
    reason: Option<Reason>,
    text: Option<&str>,
) -> Result<Option<String>, Refused> {
    match (level.is_bad(), reason) {
        (true, None) => return Err(Refused::NeedsReason),
        (false, Some(_)) => return Err(Refused::ReasonWithGood),
        _ => {}
    }
    let text = own_words(text.unwrap_or("")).map_err(Refused::Text)?;
    if text.is_some() && reason.is_none() {
        return Err(Refused::WordsWithoutReason);
    }
    Ok(text)
}

/// A rating whose words passed `words`, for a ticket whose proof was checked.
pub(in crate::server) struct Asked {
    pub hall: String,
    /// `YYYY-MM-DD`.
    pub day: String,
    pub number: String,
    pub level: Level,
    pub reason: Option<Reason>,
    pub text: Option<String>,
}

/// Which service was rated: the one the proof names (a handoff's, a
/// booking's), or, proven by a kiosk's token, the one the request names.
pub(in crate::server) enum Service {
    Proven(String),
    Named(Option<String>),
}

/// Whether a ticket finished at `finished` may still be rated at `now`.
pub(in crate::server) fn still_open(state: &AppState, finished: i64, now: i64) -> bool {
    now - finished <= i64::from(state.rating_open_days) * 86_400
}

/// Stores the rating once the ticket is finished, within `rating.open_days`
/// of that, if it has none yet. The window is the ticket's.
pub(in crate::server) async fn give(
    state: &AppState,
    asked: Asked,
    service: Service,
) -> Result<StoredRating, Refused> {
    let Asked { hall, day, number, level, reason, text } = asked;
    let ticket = state
        .store
        .ticket_to_rate(&hall, &day, &number)
        .await
        .map_err(Refused::Store)?
        .ok_or(Refused::NoTicket)?;
    let (Some(finished), Some(window)) = (ticket.finished, ticket.window) else {
        return Err(Refused::NotFinished);
    };
    let now = state.clock.now().as_second();
    if !still_open(state, finished, now) {
        return Err(Refused::Closed);
    }
    let service = match service {
        Service::Proven(service) => service,
        Service::Named(named) => service_of(state, &hall, &ticket, named.as_deref()).await?,
    };
    let rating = StoredRating {
        hall,
        day,
        number,
        queue: ticket.queue,
        service,
        window,
        level,
        reason,
        text,
        at: now,
    };
    match state.store.rate(&rating).await.map_err(Refused::Store)? {
        true => Ok(rating),
        false => Err(Refused::AlreadyRated),
    }
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
) -> Result<String, Refused> {
    if let Some(code) = &ticket.booking
        && let Some(b) = state.store.booking_by_code(code).await.map_err(Refused::Store)?
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
        _ => Err(Refused::WhichService),
    }
}
