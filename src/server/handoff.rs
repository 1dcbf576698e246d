//! Continue on the phone: the kiosk asks for a handoff code; the QR code it
//! shows opens `/m/{code}`, a plain page (no JavaScript) with the materials
//! checklist and, for a booking, its date, time, hall and code — never a
//! name, phone or ID number. Page requests are rate-limited per client
//! address; the booking's proof (the phone's last four digits) is needed to
//! make a page for a booking and to cancel it there, and wrong tries count
//! in the server's one `ProofGuard`.

mod errors;
mod guide;
mod headers;
mod html;
mod lang;
mod pages;
mod policy;
mod policy_link;
mod rating;
mod report;
mod ticket;

use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
};

use axum::{
    Extension, Json, Router,
    extract::{ConnectInfo, DefaultBodyLimit, State, rejection::JsonRejection},
    http::{HeaderMap, StatusCode},
    middleware,
    response::{IntoResponse, Response},
    routing::{any, get},
};
use jiff::Timestamp;

use super::{
    AppState,
    proof::{self, too_many_tries},
    routes::Fail,
    store::{HandoffTicket, StoredHandoff, TokenInfo, crockford, normalize_code},
};
use crate::domain::{ApiError, Handoff, HandoffRequest};

// The pages' routes and their OpenAPI descriptions, where `routes.rs` names them.
pub(super) use pages::{__path_ask_to_cancel, __path_cancel, __path_page};
pub(super) use policy::__path_policy_page;
pub(super) use policy_link::{__path_policy_link, policy_link};
pub(super) use rating::{__path_ask_to_rate, __path_rate_visit};
pub(super) use report::{__path_ask_to_report, __path_report};

/// The largest form with a citizen's own words (the rating and report
/// forms) takes: 200 Chinese characters are 1,800 bytes once url-encoded,
/// with room for the rest.
const WORDS_FORM_LIMIT: usize = 4096;

/// The phone's routes, upper case too (a QR code stores an upper-case URL
/// more compactly), each answer with the pages' security headers: pages,
/// error pages, and the framework's own rejections and fallbacks.
pub(super) fn phone_router() -> Router<AppState> {
    let pages = Router::new()
        .route("/{code}", get(pages::page))
        .route("/policy/{id}", get(policy::policy_page))
        // The kiosk's QR code holds the address in upper case (`policy_link`).
        .route("/POLICY/{id}", get(policy::policy_page))
        .route("/{code}/cancel", get(pages::ask_to_cancel).post(pages::cancel))
        // The rating form takes up to 200 Chinese characters of the citizen's own words.
        .route(
            "/{code}/rate",
            get(rating::ask_to_rate).post(rating::rate_visit).layer(DefaultBodyLimit::max(WORDS_FORM_LIMIT)),
        )
        .route(
            "/{code}/report",
            get(report::ask_to_report).post(report::report).layer(DefaultBodyLimit::max(WORDS_FORM_LIMIT)),
        )
        .method_not_allowed_fallback(errors::method_not_allowed)
        // Any other path under the prefix (and the prefix itself).
        .fallback(errors::not_found);
    let mut router = Router::new();
    for root in ["/m", "/M"] {
        // A nested fallback does not catch the prefix with a slash alone.
        router = router.nest(root, pages.clone()).route(&format!("{root}/"), any(errors::not_found));
    }
    router
        // The cancel form is four digits and a button (the rating form has its own limit).
        .layer(DefaultBodyLimit::max(1024))
        .layer(middleware::map_response(headers::secure))
}

/// Makes a handoff code for a service, and optionally a booking, in a
/// language. A booking needs its proof, the phone's last four digits: an
/// unknown code, missing digits and wrong digits all get the same 422, so
/// the answer tells nothing about which codes exist; wrong digits count in
/// the booking-proof guard like a wrong lookup. A ticket (its day and
/// number) must exist at the kiosk's hall: its token's, or where tokens are
/// not required, one of the service's halls.
#[utoipa::path(
    post,
    path = "/api/v1/handoffs",
    request_body = HandoffRequest,
    responses(
        (status = 201, body = Handoff),
        (status = 400, description = "`bad_request`: not a JSON handoff request", body = ApiError),
        (status = 422, description = "`invalid_field`: no such service; or (`booking`) no booking with this code and these digits; \
         or (`ticket`) no such ticket that day at the kiosk's hall", body = ApiError),
        (status = 429, description = "`too_many_tries`: this booking or this address is locked for a while",
         body = ApiError, headers(("Retry-After" = u64, description = "Seconds until it may try again"))),
    )
)]
pub(super) async fn create(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    token: Option<Extension<Arc<TokenInfo>>>,
    headers: HeaderMap,
    body: Result<Json<HandoffRequest>, JsonRejection>,
) -> Response {
    let Json(req) = match body {
        Ok(body) => body,
        Err(e) => return super::params::json_refused(e).into_response(),
    };
    if !state.served.get().catalog.services.iter().any(|s| s.id == req.service) {
        return Fail::invalid("service", "no such service").into_response();
    }
    let booking = match (&req.booking, &req.phone_last4) {
        (None, None) => None,
        (None, Some(_)) => return Fail::invalid("phone_last4", "only with a booking").into_response(),
        (Some(code), proof) => {
            let client = client_address(&state, peer, &headers);
            match proven_booking(&state, client, code, proof.as_deref(), &req.service).await {
                Ok(code) => Some(code),
                Err(answer) => return answer,
            }
        }
    };
    let ticket = match &req.ticket {
        Some(wanted) => {
            match ticket::known(&state, token.as_ref().map(|t| &***t), &req.service, wanted).await {
                Ok(ticket) => Some(ticket),
                Err(answer) => return answer,
            }
        }
        None => None,
    };
    let now = state.clock.now().as_second();
    let expires = expiry(&state, now, ticket.as_ref());
    let code = crockford(16);
    let stored = StoredHandoff { service: req.service, lang: req.lang.tag().to_owned(), booking, ticket };
    if let Err(e) = state.store.create_handoff(&code, &stored, expires, now).await {
        return Fail::internal(e).into_response();
    }
    let handoff = Handoff {
        url: link(&state.public_url, &code),
        code,
        expires_at: Timestamp::from_second(expires).map(|t| t.to_string()).unwrap_or_default(),
    };
    (StatusCode::CREATED, Json(handoff)).into_response()
}

/// When a link stops working: after `handoff.ttl_minutes`, except that a
/// ticket's page lives through its service day and `rating.open_days`
/// after it — a wait can outlast half an hour, and the page is where the
/// citizen rates the service once it is done. It shows numbers only.
fn expiry(state: &AppState, now: i64, ticket: Option<&HandoffTicket>) -> i64 {
    let short = now + state.handoff_secs;
    let Some(ticket) = ticket else { return short };
    let served = state.served.get();
    let zone = served.catalog.halls.iter().find(|h| h.id == ticket.hall).map(|h| h.time_zone.as_str());
    let day_ends = (|| {
        let zone = jiff::tz::TimeZone::get(zone?).ok()?;
        let next = ticket.day.parse::<jiff::civil::Date>().ok()?.tomorrow().ok()?;
        Some(next.to_zoned(zone).ok()?.timestamp().as_second())
    })();
    day_ends.map_or(short, |end| short.max(end + i64::from(state.rating_open_days) * 86_400))
}

/// The booking's code once `digits` prove it; else the one answer for an
/// unknown code, missing digits and wrong digits alike.
async fn proven_booking(
    state: &AppState,
    client: IpAddr,
    code: &str,
    digits: Option<&str>,
    service: &str,
) -> Result<String, Response> {
    let unproven = || Fail::invalid("booking", "no booking with this code and these digits").into_response();
    let code = normalize_code(code);
    // No digits is no guess (a kiosk too old to send them): not counted.
    let Some(digits) = digits.map(str::trim) else { return Err(unproven()) };
    state.proof.check(&code, client).map_err(too_many_tries)?;
    // Malformed digits can never be right: counted like wrong ones, as the lookup does.
    let four = digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit());
    let found = if four { state.store.booking(&code, digits).await } else { Ok(None) };
    match found {
        Ok(found) => {
            state.proof.record(&code, client, found.is_some());
            match found {
                Some(b) if b.service == service => Ok(b.code),
                Some(_) => Err(Fail::invalid("service", "not the booking's service").into_response()),
                None => Err(unproven()),
            }
        }
        Err(e) => {
            state.proof.abandon(&code, client);
            Err(Fail::internal(e).into_response())
        }
    }
}

/// The address a request counts against, for the page limit and the proof guard.
fn client_address(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    proof::client_address(peer.ip(), headers, &state.trusted_proxies)
}

/// The phone page's address. A QR code stores upper-case letters, digits and
/// `:/.` in alphanumeric mode, far denser than bytes: when the public address
/// has no path (scheme and host ignore case), the whole link is upper case.
fn link(base: &str, code: &str) -> String {
    let base = if all_upper(base) { base.to_ascii_uppercase() } else { base.to_owned() };
    format!("{base}/M/{code}")
}

/// Whether a link under the public address may be written all in upper
/// case: when it has no path (scheme and host ignore case).
fn all_upper(base: &str) -> bool {
    !base.split_once("://").is_some_and(|(_, rest)| rest.contains('/'))
}
