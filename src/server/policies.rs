//! The policy library (政策文件库) as the API serves it: loaded with the
//! catalogue it refers to (the same directory, or the copy built into the
//! binary), with an `ETag` of its own so kiosks cache it for offline use.

use axum::{extract::State, http::HeaderMap, response::Response};

use super::AppState;
use crate::domain::{Catalog, policy};

/// The library as served: serialized once, and as it is (for the phone's
/// policy pages).
pub(crate) struct ServedPolicies {
    pub json: axum::body::Bytes,
    pub etag: String,
    pub library: policy::Library,
}

impl ServedPolicies {
    pub fn new(library: &policy::Library) -> ServedPolicies {
        let json = serde_json::to_vec(library).expect("the library serializes").into();
        ServedPolicies { json, etag: format!("\"{}\"", library.version), library: library.clone() }
    }
}

/// The library being served now.
pub(crate) fn served(state: &AppState) -> std::sync::Arc<ServedPolicies> {
    state.policies.read().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
}

/// The library in `dir/policies/`, or the one built into the binary, checked
/// against `catalog` (every service it names must be there).
pub(crate) fn load(
    dir: Option<&std::path::Path>,
    catalog: &Catalog,
) -> Result<policy::Library, policy::LoadError> {
    match dir {
        Some(dir) => policy::from_dir(dir, catalog),
        None => super::catalog_source::embedded_policies(catalog),
    }
}

/// Every policy document behind the services, in three languages: its
/// header fields, validity and replacement, our summary and interpretations.
/// Send `If-None-Match` with the last `ETag` to get 304 when nothing changed.
#[utoipa::path(
    get,
    path = "/api/v1/policies",
    params(("If-None-Match" = Option<String>, Header, max_length = 1024, example = "\"5d41402abc4b2a76\"",
            description = "ETag of the copy the client holds (or a list of them, or `*`)")),
    responses(
        (status = 200, description = "The library", body = policy::Library,
         headers(("ETag" = String, description = "Library version"))),
        (status = 304, description = "The client's copy is current"),
        (status = 400, description = "`bad_request`: `If-None-Match` longer than 1024 bytes", body = crate::domain::ApiError),
    )
)]
pub(super) async fn policies(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let served = served(&state);
    super::routes::conditional(&headers, &served.etag, &served.json)
}
