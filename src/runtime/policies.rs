//! The policy library fetched and kept on disk, as the catalogue is: the
//! copy kept is offered at once on the first load, then revalidated with
//! its ETag; a fresh copy is written back for the next offline start.

use std::path::{Path, PathBuf};

use tokio::sync::mpsc;

use crate::client::ApiClient;
use crate::domain::policy::Library;
use crate::kiosk::Msg;

/// The library's file, beside the catalogue's (same directory, own name).
pub fn cache_path(catalog_cache: &Path) -> PathBuf {
    catalog_cache.with_file_name("policies-cache.json")
}

pub(super) async fn load(
    client: ApiClient,
    mut etag: Option<String>,
    cache: Option<PathBuf>,
    tx: mpsc::UnboundedSender<Msg>,
) -> Msg {
    if let (None, Some(path)) = (&etag, &cache) {
        let path = path.clone();
        if let Ok(Some(cached)) = tokio::task::spawn_blocking(move || read(&path)).await {
            etag = Some(cached.version.clone());
            let _ = tx.send(Msg::PoliciesCached(cached));
        }
    }
    let result = client.policies(etag.as_deref()).await;
    if let (Ok(Some(fresh)), Some(path)) = (&result, cache) {
        let fresh = fresh.clone();
        tokio::task::spawn_blocking(move || {
            if let Err(e) = super::effects::write_cache(&path, &fresh) {
                tracing::warn!(path = %path.display(), "policy library not cached: {e}");
            }
        });
    }
    Msg::PoliciesLoaded(result)
}

fn read(path: &Path) -> Option<Library> {
    let bytes = std::fs::read(path).ok()?;
    crate::client::library_from_untrusted_json(&bytes)
        .map_err(|e| tracing::warn!(path = %path.display(), "policy cache unreadable: {e:?}"))
        .ok()
}
