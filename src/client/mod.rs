//! The backend's client: one shared `reqwest::Client` per process, every
//! request bounded by a timeout, every answer cleaned of control characters
//! before the kiosk sees it.

mod policies;
mod queue;
mod staff;

pub use policies::library_from_untrusted_json;
mod rating;

use std::time::Duration;

mod window;
pub use window::{EventStream, SseLines};

use reqwest::{StatusCode, header};

use serde::de::DeserializeOwned;

use crate::domain::{
    ApiError, Booking, BookingFailure, BookingRequest, Catalog, Days, FetchError, Hold, HoldRequest,
    PhoneProof, Slots, sanitize,
};
use crate::domain::{Handoff, HandoffRequest};

#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    base: String,
}

impl ApiClient {
    pub fn new(base: &str, timeout: Duration) -> ApiClient {
        ApiClient::with_token(base, timeout, None)
    }

    /// A client that shows the backend this kiosk's token on every request.
    pub fn with_token(base: &str, timeout: Duration, token: Option<&str>) -> ApiClient {
        let mut headers = header::HeaderMap::new();
        if let Some(value) = token.and_then(|t| header::HeaderValue::from_str(&format!("Bearer {t}")).ok()) {
            let mut value = value;
            value.set_sensitive(true);
            headers.insert(header::AUTHORIZATION, value);
        }
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(timeout)
            .connect_timeout(timeout)
            .user_agent(concat!("onestop-kiosk/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("TLS backend initializes");
        ApiClient { http, base: base.trim_end_matches('/').to_owned() }
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// The catalogue; `None` when the copy with version `etag` is still current.
    pub async fn catalog(&self, etag: Option<&str>) -> Result<Option<Catalog>, FetchError> {
        let mut req = self.http.get(format!("{}/api/v1/catalog", self.base));
        if let Some(etag) = etag {
            req = req.header(header::IF_NONE_MATCH, format!("\"{etag}\""));
        }
        let resp = req.send().await.map_err(classify)?;
        match resp.status() {
            StatusCode::NOT_MODIFIED => Ok(None),
            s if s.is_success() => {
                let body = resp.bytes().await.map_err(classify)?;
                decode(&body).map(Some)
            }
            s => {
                tracing::warn!(status = %s, "catalogue request refused");
                Err(FetchError::Server)
            }
        }
    }
}

impl ApiClient {
    pub async fn days(&self, hall: &str, service: &str) -> Result<Days, FetchError> {
        let url = format!("{}/api/v1/halls/{hall}/days", self.base);
        self.get(self.http.get(url).query(&[("service", service)])).await
    }

    pub async fn slots(&self, hall: &str, service: &str, date: &str) -> Result<Slots, FetchError> {
        let url = format!("{}/api/v1/halls/{hall}/slots", self.base);
        self.get(self.http.get(url).query(&[("service", service), ("date", date)])).await
    }

    pub async fn hold(&self, req: &HoldRequest) -> Result<Hold, BookingFailure> {
        self.send(self.http.post(format!("{}/api/v1/holds", self.base)).json(req)).await
    }

    /// Keeps a held place for another full hold time.
    pub async fn extend_hold(&self, id: &str) -> Result<Hold, BookingFailure> {
        self.send(self.http.post(format!("{}/api/v1/holds/{id}/extend", self.base))).await
    }

    pub async fn release_hold(&self, id: &str) -> Result<(), FetchError> {
        let resp =
            self.http.delete(format!("{}/api/v1/holds/{id}", self.base)).send().await.map_err(classify)?;
        match resp.status() {
            s if s.is_success() || s == StatusCode::NOT_FOUND => Ok(()),
            StatusCode::UNAUTHORIZED => Err(FetchError::Unregistered),
            _ => Err(FetchError::Server),
        }
    }

    pub async fn book(&self, idempotency_key: &str, req: &BookingRequest) -> Result<Booking, BookingFailure> {
        let req = self
            .http
            .post(format!("{}/api/v1/bookings", self.base))
            .header("Idempotency-Key", idempotency_key)
            .json(req);
        self.send(req).await
    }

    pub async fn find_booking(&self, code: &str, last4: &str) -> Result<Booking, BookingFailure> {
        let code = code.trim();
        let req = self
            .http
            .get(format!("{}/api/v1/bookings/{code}", self.base))
            .header("X-Phone-Last4", last4.trim());
        self.send(req).await
    }

    pub async fn health(&self) -> Result<(), FetchError> {
        let resp = self.http.get(format!("{}/healthz", self.base)).send().await.map_err(classify)?;
        if resp.status().is_success() { Ok(()) } else { Err(FetchError::Server) }
    }

    /// Bookings made from `kiosk` today, in `hall`'s time zone.
    pub async fn bookings_today(&self, kiosk: &str, hall: &str) -> Result<u32, FetchError> {
        let url = format!("{}/api/v1/kiosks/{kiosk}/bookings-today", self.base);
        let count: crate::domain::Count = self.get(self.http.get(url).query(&[("hall", hall)])).await?;
        Ok(count.count)
    }

    pub async fn handoff(&self, req: &HandoffRequest) -> Result<Handoff, FetchError> {
        self.get(self.http.post(format!("{}/api/v1/handoffs", self.base)).json(req)).await
    }

    pub async fn cancel_booking(&self, code: &str, last4: &str) -> Result<Booking, BookingFailure> {
        let body = PhoneProof { phone_last4: last4.trim().to_owned() };
        self.send(self.http.post(format!("{}/api/v1/bookings/{}/cancel", self.base, code.trim())).json(&body))
            .await
    }

    async fn get<T: DeserializeOwned>(&self, req: reqwest::RequestBuilder) -> Result<T, FetchError> {
        let resp = req.send().await.map_err(classify)?;
        if resp.status() == StatusCode::UNAUTHORIZED {
            tracing::warn!("the backend does not know this terminal's token");
            return Err(FetchError::Unregistered);
        }
        if !resp.status().is_success() {
            tracing::warn!(status = %resp.status(), "request refused");
            return Err(FetchError::Server);
        }
        decode(&resp.bytes().await.map_err(classify)?)
    }

    /// A request whose refusals mean something to the citizen.
    async fn send<T: DeserializeOwned>(&self, req: reqwest::RequestBuilder) -> Result<T, BookingFailure> {
        let resp = req.send().await.map_err(|e| BookingFailure::Fetch(classify(e)))?;
        let status = resp.status();
        let retry_after = retry_after_secs(resp.headers());
        let body = resp.bytes().await.map_err(|e| BookingFailure::Fetch(classify(e)))?;
        if status.is_success() {
            return decode(&body).map_err(BookingFailure::Fetch);
        }
        if status == StatusCode::UNAUTHORIZED {
            tracing::warn!("the backend does not know this terminal's token");
            return Err(BookingFailure::Fetch(FetchError::Unregistered));
        }
        let err: ApiError = decode(&body).map_err(BookingFailure::Fetch)?;
        Err(match err.code.as_str() {
            "slot_full" => BookingFailure::SlotFull,
            "hold_expired" => BookingFailure::HoldExpired,
            "extend_refused" => BookingFailure::NotExtended,
            "already_booked" => BookingFailure::AlreadyBooked,
            "too_many_bookings" => BookingFailure::TooManyBookings,
            "not_found" => BookingFailure::NotFound,
            "too_many_tries" => BookingFailure::TooManyTries { retry_after_secs: retry_after },
            "invalid_field" => BookingFailure::Invalid(err.field.unwrap_or_default()),
            _ if status.is_server_error() => BookingFailure::Fetch(FetchError::Server),
            _ => {
                tracing::warn!(code = %err.code, "request refused");
                BookingFailure::Refused
            }
        })
    }
}

/// `Retry-After` in seconds (the server sends seconds, never a date);
/// a missing or unreadable one reads as the server's usual lock, 15 minutes.
fn retry_after_secs(headers: &reqwest::header::HeaderMap) -> u64 {
    headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(15 * 60)
}

fn classify(e: reqwest::Error) -> FetchError {
    tracing::warn!(error = %e, "backend request failed");
    if e.is_timeout() {
        FetchError::Timeout
    } else if e.is_connect() || e.is_request() {
        FetchError::Offline
    } else {
        FetchError::BadData
    }
}

/// Parses a JSON body, stripping control characters from every string in it.
fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, FetchError> {
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(|_| FetchError::BadData)?;
    clean(&mut value);
    serde_json::from_value(value).map_err(|e| {
        tracing::warn!(error = %e, "unexpected answer from backend");
        FetchError::BadData
    })
}

fn clean(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => *s = sanitize(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean),
        serde_json::Value::Object(map) => map.values_mut().for_each(clean),
        _ => {}
    }
}
