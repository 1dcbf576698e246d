//! A booking looked up and cancelled with its code and the phone's last
//! four digits. Every try goes through the server's one `ProofGuard` first:
//! wrong tries lock the booking (and a guessing address), and an unknown
//! code is counted and answered exactly like wrong digits.

use std::net::SocketAddr;

use axum::{
    Json,
    extract::{ConnectInfo, State, rejection::JsonRejection},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};

use super::{ApiResult, json, not_found, view};
use crate::domain::{ApiError, Booking, PhoneProof};
use crate::server::{
    AppState,
    params::{ApiPath, BookingPath, PhoneLast4},
    proof::{client_address, too_many_tries},
    routes::Fail,
    store::{StoreError, StoredBooking, normalize_code},
};

/// Four digits, or nothing: malformed digits can never be right.
fn last4(s: &str) -> Option<&str> {
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// Runs `attempt` (the store's check of the proof) only while `code` and the
/// client may still try, and counts what it came to.
async fn guarded<F>(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    code: &str,
    attempt: F,
) -> Response
where
    F: Future<Output = Result<Option<StoredBooking>, StoreError>>,
{
    let client = client_address(peer.ip(), headers, &state.trusted_proxies);
    if let Err(wait) = state.proof.check(code, client) {
        return too_many_tries(wait);
    }
    match attempt.await {
        Ok(found) => {
            state.proof.record(code, client, found.is_some());
            match found {
                Some(b) => Json(view(state, &b)).into_response(),
                None => not_found().into_response(),
            }
        }
        Err(e) => {
            state.proof.abandon(code, client);
            Fail::internal(e).into_response()
        }
    }
}

/// A booking, proven by the phone's last four digits in `X-Phone-Last4`.
/// A wrong code and wrong digits get the same answer; 5 wrong tries lock
/// the booking for 15 minutes, and many from one address lock the address.
#[utoipa::path(
    get,
    path = "/api/v1/bookings/{code}",
    params(BookingPath, PhoneLast4),
    responses(
        (status = 200, body = Booking),
        (status = 400, description = "`missing_proof`: no `X-Phone-Last4` header", body = ApiError),
        (status = 404, description = "`not_found`: no booking with this code and these digits", body = ApiError),
        (status = 429, description = "`too_many_tries`: this booking or this address is locked for a while",
         body = ApiError, headers(("Retry-After" = u64, description = "Seconds until it may try again"))),
    )
)]
pub(in crate::server) async fn get_booking(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiPath(BookingPath { code }): ApiPath<BookingPath>,
    headers: HeaderMap,
) -> Response {
    // No header at all is a client that forgot the proof, not a guess:
    // told so, and not counted. Anything sent is a try.
    let Some(sent) = headers.get("x-phone-last4") else {
        let message = "send the phone's last four digits in X-Phone-Last4";
        return Fail::new(StatusCode::BAD_REQUEST, "missing_proof", message).into_response();
    };
    let code = normalize_code(&code);
    let proof = sent.to_str().ok().and_then(last4);
    let attempt = async {
        match proof {
            Some(digits) => state.store.booking(&code, digits).await,
            None => Ok(None),
        }
    };
    guarded(&state, peer, &headers, &code, attempt).await
}

/// Cancels a booking, freeing its place; proven by the phone's last four
/// digits, and locked after wrong tries like the lookup (one count for both).
#[utoipa::path(
    post,
    path = "/api/v1/bookings/{code}/cancel",
    params(BookingPath),
    request_body = PhoneProof,
    responses(
        (status = 200, body = Booking),
        (status = 400, description = "`bad_request`: the body is not a proof", body = ApiError),
        (status = 404, description = "`not_found`: no booking with this code and these digits", body = ApiError),
        (status = 429, description = "`too_many_tries`: this booking or this address is locked for a while",
         body = ApiError, headers(("Retry-After" = u64, description = "Seconds until it may try again"))),
    )
)]
pub(in crate::server) async fn cancel_booking(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiPath(BookingPath { code }): ApiPath<BookingPath>,
    headers: HeaderMap,
    body: Result<Json<PhoneProof>, JsonRejection>,
) -> ApiResult<Response> {
    let proof = json(body)?;
    let code = normalize_code(&code);
    let attempt = async {
        match last4(&proof.phone_last4) {
            Some(digits) => state.store.cancel(&code, digits).await,
            None => Ok(None),
        }
    };
    Ok(guarded(&state, peer, &headers, &code, attempt).await)
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, SocketAddr};

    use axum::{
        extract::{ConnectInfo, State},
        http::{HeaderMap, HeaderValue, StatusCode},
    };

    use super::get_booking;
    use crate::server::{
        AppState, ServerOptions,
        params::{ApiPath, BookingPath},
        prepare,
    };

    async fn lookup(state: &AppState, peer: SocketAddr, code: &str) -> StatusCode {
        let mut headers = HeaderMap::new();
        headers.insert("x-phone-last4", HeaderValue::from_static("1234"));
        let answer = get_booking(
            State(state.clone()),
            ConnectInfo(peer),
            ApiPath(BookingPath { code: code.to_owned() }),
            headers,
        )
        .await;
        answer.status()
    }

    /// The phone page's cancel form uses `state.proof` directly: its wrong
    /// tries and the JSON lookup's must add up to one count.
    #[tokio::test]
    async fn the_json_lookup_and_the_guard_itself_share_one_count() {
        let dir = tempfile::tempdir().unwrap();
        let opts = ServerOptions::new(dir.path().join("onestop.db"));
        let peer: SocketAddr = "192.0.2.7:40000".parse().unwrap();
        let state = prepare(&opts, "127.0.0.1:8080".parse().unwrap()).await.unwrap();
        let client: IpAddr = peer.ip();
        // Three wrong on the phone page, then two over JSON: locked.
        for _ in 0..3 {
            state.proof.check("PAGE0001", client).unwrap();
            state.proof.record("PAGE0001", client, false);
        }
        assert_eq!(lookup(&state, peer, "PAGE0001").await, StatusCode::NOT_FOUND);
        assert_eq!(lookup(&state, peer, "page-0001").await, StatusCode::NOT_FOUND);
        assert_eq!(lookup(&state, peer, "PAGE0001").await, StatusCode::TOO_MANY_REQUESTS);
        // Five wrong over JSON: the phone page's next check is refused.
        for _ in 0..5 {
            assert_eq!(lookup(&state, peer, "JSON0001").await, StatusCode::NOT_FOUND);
        }
        assert_eq!(state.proof.check("JSON0001", client), Err(900));
    }
}
