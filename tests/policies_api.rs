//! The policy library over HTTP: served with its own ETag, revalidated with 304.

use onestop::domain::policy::Library;
use reqwest::StatusCode;

mod common;

use common::backend::{StoreKind, start_on};

on_both_stores! {
    async fn the_library_is_served_with_its_own_etag(kind) {
        let b = start_on(kind, |o| o).await;
        let resp = b.http.get(format!("{}/api/v1/policies", b.url)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let etag = resp.headers()["etag"].to_str().unwrap().to_owned();
        let library: Library = resp.json().await.unwrap();
        assert!(library.policies.len() >= 30, "the demo library has at least 30 documents");
        assert_eq!(etag, format!("\"{}\"", library.version));
        let catalog_etag = b.http.get(format!("{}/api/v1/catalog", b.url)).send().await.unwrap().headers()["etag"].clone();
        assert_ne!(catalog_etag.to_str().unwrap(), etag, "apart from the catalogue's");
        // Every service a document governs is in the catalogue served beside it.
        for p in &library.policies {
            for s in &p.services {
                assert!(b.catalog.services.iter().any(|c| &c.id == s), "{s}");
            }
        }
        let again = b.http.get(format!("{}/api/v1/policies", b.url)).header("If-None-Match", &etag).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let stale = b.http.get(format!("{}/api/v1/policies", b.url)).header("If-None-Match", "\"old\"").send().await.unwrap();
        assert_eq!(stale.status(), StatusCode::OK);
        let _: StoreKind = kind;
    }
}
