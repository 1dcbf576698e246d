//! 找错 over the API (issue 17): anyone may report a mistake in a guide —
//! a kiosk with its token, a phone without one but no more often than the
//! phone pages' per-address limit allows; staff read the counts per guide
//! and the latest. Stored with the guide's service id and the catalogue
//! version being served; nothing personal.

use std::net::SocketAddr;

use axum::{
    Json, Router,
    extract::{ConnectInfo, State, rejection::JsonRejection},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::post,
};

use super::{
    AppState,
    params::json_refused,
    proof::client_address,
    ratings::token,
    routes::Fail,
    store::{Role, StoreError, StoredReport},
};
use crate::domain::{
    ApiError,
    rating::{GuideReports, ReportRequest, ReportView, Reports, Wrong, own_words},
};

/// The latest reports `GET /api/v1/reports` lists.
const LATEST: i64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/reports", post(report).get(reports))
}

fn view(r: &StoredReport) -> ReportView {
    ReportView {
        service: r.service.clone(),
        catalog_version: r.catalog_version.clone(),
        what: r.what,
        text: r.text.clone(),
        at: jiff::Timestamp::from_second(r.at).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_string(),
    }
}

/// Reports a mistake in a guide. With a kiosk's token, as often as
/// citizens at it do; without one, a few a minute per address.
#[utoipa::path(
    post,
    path = "/api/v1/reports",
    request_body = ReportRequest,
    responses(
        (status = 201, description = "The report as stored", body = ReportView),
        (status = 422, description = "`invalid_field` (`service`, `text`): no such guide; text over 200 characters or with control characters", body = ApiError),
        (status = 429, description = "`too_many_requests`: too many from this address this minute; `Retry-After`", body = ApiError),
    )
)]
pub(super) async fn report(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Json<ReportRequest>, JsonRejection>,
) -> Result<Response, Fail> {
    let now = state.clock.now().as_second();
    // A token sent must be a kiosk's; without one, the address is counted
    // before anything else is looked at.
    let hall = if token::sent(&headers) {
        token::require(&state, &headers, Role::Kiosk, None).await?.map(|t| t.hall)
    } else {
        let client = client_address(peer.ip(), &headers, &state.trusted_proxies);
        if !state.limit.allow(client, now) {
            let mut response =
                Fail::new(StatusCode::TOO_MANY_REQUESTS, "too_many_requests", "too many reports this minute")
                    .into_response();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(60 - now.rem_euclid(60)));
            return Ok(response);
        }
        None
    };
    let Json(req) = body.map_err(json_refused)?;
    let served = state.served.get();
    if !served.catalog.services.iter().any(|s| s.id == req.service) {
        return Err(Fail::invalid("service", "no guide has this service id"));
    }
    let text = own_words(req.text.as_deref().unwrap_or("")).map_err(|rule| Fail::invalid("text", rule))?;
    let stored = file(&state, req.service, req.what, text, hall, now).await.map_err(Fail::internal)?;
    Ok((StatusCode::CREATED, Json(view(&stored))).into_response())
}

/// Stores a report of a guide the catalogue serves, its words checked by
/// `own_words`, with the catalogue version being served (the phone's
/// guide page files its reports here too).
pub(super) async fn file(
    state: &AppState,
    service: String,
    what: Wrong,
    text: Option<String>,
    hall: Option<String>,
    at: i64,
) -> Result<StoredReport, StoreError> {
    let catalog_version = state.served.get().catalog.version.clone();
    let stored = StoredReport { service, catalog_version, what, text, hall, at };
    state.store.report(&stored).await?;
    Ok(stored)
}

/// The reports, for staff: how many per guide, most first, and the latest 50.
#[utoipa::path(get, path = "/api/v1/reports", responses((status = 200, body = Reports)))]
pub(super) async fn reports(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Reports>, Fail> {
    token::require(&state, &headers, Role::Staff, None).await?;
    let counts = state.store.report_counts().await.map_err(Fail::internal)?;
    let latest = state.store.latest_reports(LATEST).await.map_err(Fail::internal)?;
    Ok(Json(Reports {
        guides: counts
            .into_iter()
            .map(|(service, n)| GuideReports { service, count: u32::try_from(n).unwrap_or(u32::MAX) })
            .collect(),
        latest: latest.iter().map(view).collect(),
    }))
}
