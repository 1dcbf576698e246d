//! HTTP routes and their OpenAPI description (generated from these very
//! handlers, so the document cannot drift from the code).

use axum::{
    Json, Router,
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware,
    response::{IntoResponse, Response},
    routing::{delete, get, post},
};
use utoipa::OpenApi;

use super::{
    AppState, auth, booking, handoff, params::ApiAnswers, policies, queue, ratings, ratings::RatingTokens,
    reports,
};
use crate::domain::{self, ApiError};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "onestop API",
        description = "Service catalogue and appointments for one-stop service halls."
    ),
    paths(
        catalog,
        policies::policies,
        healthz,
        openapi_json,
        booking::halls,
        booking::days,
        booking::slots,
        booking::create_hold,
        booking::delete_hold,
        booking::extend_hold,
        booking::create_booking,
        booking::get_booking,
        booking::cancel_booking,
        handoff::create,
        handoff::page,
        handoff::ask_to_cancel,
        handoff::cancel,
        booking::bookings_today,
        queue::take_ticket,
        queue::ticket_state,
        queue::check_in,
        queue::hall_queues,
        queue::window_action,
        queue::hall_events,
        ratings::rate,
        ratings::day_ratings,
        reports::report,
        reports::reports,
        handoff::ask_to_rate,
        handoff::rate_visit,
        handoff::ask_to_report,
        handoff::report,
        handoff::policy_page,
        handoff::policy_link
    ),
    components(schemas(ApiError, domain::Catalog, domain::Booking, domain::policy::Library, domain::PolicyLink)),
    modifiers(&ApiAnswers, &RatingTokens)
)]
pub struct ApiDoc;

pub(super) fn router(state: AppState) -> Router {
    // What a kiosk does: behind its token.
    let kiosk = Router::new()
        .route("/api/v1/holds", post(booking::create_hold))
        .route("/api/v1/holds/{id}", delete(booking::delete_hold))
        .route("/api/v1/holds/{id}/extend", post(booking::extend_hold))
        .route("/api/v1/bookings", post(booking::create_booking))
        .route("/api/v1/bookings/{code}", get(booking::get_booking))
        .route("/api/v1/bookings/{code}/cancel", post(booking::cancel_booking))
        .route("/api/v1/kiosks/{kiosk}/bookings-today", get(booking::bookings_today))
        .route("/api/v1/handoffs", post(handoff::create))
        .route("/api/v1/policies/{id}/link", get(handoff::policy_link))
        .route_layer(middleware::from_fn_with_state(state.clone(), auth::kiosk_only));
    Router::new()
        .route("/api/v1/catalog", get(catalog))
        .route("/api/v1/policies", get(policies::policies))
        .route("/api/v1/halls", get(booking::halls))
        .route("/api/v1/halls/{hall}/days", get(booking::days))
        .route("/api/v1/halls/{hall}/slots", get(booking::slots))
        .merge(kiosk)
        .merge(queue::routes(&state))
        .merge(ratings::routes())
        .merge(reports::routes())
        // The phone pages (/m/… and /M/…): HTML, with their own security
        // headers, error pages and fallbacks.
        .merge(handoff::phone_router())
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi_json))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

/// An error answer: `{code, message}` with its status.
#[derive(Debug)]
pub(crate) struct Fail {
    status: StatusCode,
    body: ApiError,
}

impl Fail {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Fail {
        Fail {
            status,
            body: ApiError { code: code.into(), message: message.into(), field: None, detail: None },
        }
    }

    /// The same refusal, naming what a client words itself (`ApiError::detail`).
    pub fn detail(mut self, detail: impl ToString) -> Fail {
        self.body.detail = Some(detail.to_string());
        self
    }

    /// 500, the cause logged (never sent).
    pub fn internal(e: impl std::fmt::Display) -> Fail {
        tracing::error!("store error: {e}");
        Fail::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "the server could not complete the request")
    }

    /// 422 `invalid_field`, naming the field.
    pub fn invalid(field: &str, message: &str) -> Fail {
        let mut fail = Fail::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_field", message);
        fail.body.field = Some(field.into());
        fail
    }
}

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        // Every 401 says how to authenticate (RFC 9110 §15.5.2), whichever route gave it.
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// So a handler that answers some refusals itself (with headers) can still use `?` on a `Fail`.
impl From<Fail> for Response {
    fn from(fail: Fail) -> Response {
        fail.into_response()
    }
}

pub(crate) fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    Fail::new(status, code, message).into_response()
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "not_found", "no such route")
}

async fn method_not_allowed() -> Response {
    error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this route does not take that method")
}

/// The whole catalogue in every language. Send `If-None-Match` with the last
/// `ETag` to get 304 when nothing changed.
#[utoipa::path(
    get,
    path = "/api/v1/catalog",
    params(("If-None-Match" = Option<String>, Header, max_length = 1024, example = "\"5d41402abc4b2a76\"",
            description = "ETag of the copy the client holds (or a list of them, or `*`)")),
    responses(
        (status = 200, description = "The catalogue", body = domain::Catalog,
         headers(("ETag" = String, description = "Catalogue version"))),
        (status = 304, description = "The client's copy is current"),
        (status = 400, description = "`bad_request`: `If-None-Match` longer than 1024 bytes", body = ApiError),
    )
)]
async fn catalog(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let served = state.served.get();
    conditional(&headers, &served.etag, &served.json)
}

/// A document kiosks cache (the catalogue, the policy library): 304 when
/// the client's copy, named by `If-None-Match`, is `etag`; else the JSON.
pub(super) fn conditional(headers: &HeaderMap, etag: &str, json: &axum::body::Bytes) -> Response {
    // No kiosk sends more than a few tags: the document's bound, held.
    if headers.get_all(header::IF_NONE_MATCH).iter().map(|v| v.len()).sum::<usize>() > 1024 {
        return error(StatusCode::BAD_REQUEST, "bad_request", "If-None-Match is longer than 1024 bytes");
    }
    let fresh = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim();
            tag == "*" || tag.trim_start_matches("W/") == etag
        });
    let etag = [(header::ETAG, etag.to_owned())];
    if fresh {
        return (StatusCode::NOT_MODIFIED, etag).into_response();
    }
    (etag, [(header::CONTENT_TYPE, "application/json")], json.clone()).into_response()
}

/// Liveness and database reachability.
#[utoipa::path(
    get,
    path = "/healthz",
    responses(
        (status = 200, description = "Serving", body = String),
        (status = 503, description = "Database unreachable", body = ApiError),
    )
)]
async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => "ok".into_response(),
        Err(e) => error(StatusCode::SERVICE_UNAVAILABLE, "unavailable", e.to_string()),
    }
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", responses((status = 200, description = "OpenAPI 3 document")))]
async fn openapi_json() -> Response {
    Json(ApiDoc::openapi()).into_response()
}
