//! The policy library's requests (issue 18): the library itself, revalidated
//! with its own ETag and kept on disk for offline use like the catalogue,
//! and a document's page for the phone.

use reqwest::{StatusCode, header};
use serde::Deserialize;

use super::{ApiClient, classify, decode};
use crate::domain::policy::Library;
use crate::domain::{FetchError, Lang};

/// `GET /api/v1/policies/{id}/link`: where the phone reads the document.
#[derive(Deserialize)]
struct Link {
    url: String,
}

impl ApiClient {
    /// The library; `None` when the copy with version `etag` is still current.
    pub async fn policies(&self, etag: Option<&str>) -> Result<Option<Library>, FetchError> {
        let mut req = self.http.get(format!("{}/api/v1/policies", self.base));
        if let Some(etag) = etag {
            req = req.header(header::IF_NONE_MATCH, format!("\"{etag}\""));
        }
        let resp = req.send().await.map_err(classify)?;
        match resp.status() {
            StatusCode::NOT_MODIFIED => Ok(None),
            StatusCode::UNAUTHORIZED => Err(FetchError::Unregistered),
            s if s.is_success() => decode(&resp.bytes().await.map_err(classify)?).map(Some),
            s => {
                tracing::warn!(status = %s, "policy library request refused");
                Err(FetchError::Server)
            }
        }
    }

    /// The address of a document's page for the phone, in `lang`.
    pub async fn policy_link(&self, id: &str, lang: Lang) -> Result<String, FetchError> {
        let url = format!("{}/api/v1/policies/{id}/link", self.base);
        let link: Link = self.get(self.http.get(url).query(&[("lang", lang.tag())])).await?;
        Ok(link.url)
    }
}

/// A library kept on disk, cleaned like an answer from the backend (the
/// file is no more trusted than the network).
pub fn library_from_untrusted_json(bytes: &[u8]) -> Result<Library, FetchError> {
    decode(bytes)
}
