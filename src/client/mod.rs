//! The backend's client: one shared `reqwest::Client` per process, every
//! request bounded by a timeout, every answer cleaned of control characters
//! before the kiosk sees it.

use std::time::Duration;

use reqwest::{StatusCode, header};

use crate::domain::{Catalog, FetchError, sanitize};

#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    base: String,
}

impl ApiClient {
    pub fn new(base: &str, timeout: Duration) -> ApiClient {
        let http = reqwest::Client::builder()
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
fn decode<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, FetchError> {
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
