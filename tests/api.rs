//! The backend over real HTTP on loopback, with a real SQLite file or a
//! real PostgreSQL database.

use std::path::Path;

use onestop::domain::{ApiError, Catalog};
use onestop::server::{self, Database, ServerOptions};
use reqwest::StatusCode;

mod common;

async fn start(dir: &Path, catalog_dir: Option<&Path>) -> Result<String, server::ServerError> {
    start_on(&Database::Sqlite(dir.join("onestop.db")), catalog_dir).await
}

async fn start_on(database: &Database, catalog_dir: Option<&Path>) -> Result<String, server::ServerError> {
    let opts = ServerOptions {
        catalog_dir: catalog_dir.map(Path::to_owned),
        ..ServerOptions::new(database.clone())
    };
    Ok(server::start(&opts, "127.0.0.1:0").await?.url())
}

on_both_stores! {
async fn the_catalogue_is_served_with_an_etag_and_revalidates_with_304(kind) {
    let dir = tempfile::tempdir().unwrap();
    let url = start_on(&kind.database(dir.path()), None).await.unwrap();
    let http = reqwest::Client::new();
    let resp = http.get(format!("{url}/api/v1/catalog")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let etag = resp.headers()["etag"].to_str().unwrap().to_owned();
    let catalog: Catalog = resp.json().await.unwrap();
    assert!(catalog.categories.len() >= 10 && catalog.services.len() >= 60 && catalog.halls.len() >= 2);
    assert_eq!(etag, format!("\"{}\"", catalog.version));
    let again =
        http.get(format!("{url}/api/v1/catalog")).header("If-None-Match", &etag).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert!(again.bytes().await.unwrap().is_empty());
    let stale =
        http.get(format!("{url}/api/v1/catalog")).header("If-None-Match", "\"old\"").send().await.unwrap();
    assert_eq!(stale.status(), StatusCode::OK);
}

async fn the_store_survives_a_restart_and_keeps_its_version(kind) {
    let dir = tempfile::tempdir().unwrap();
    let database = kind.database(dir.path());
    let first: Catalog = reqwest::get(format!("{}/api/v1/catalog", start_on(&database, None).await.unwrap()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    if let Database::Sqlite(path) = &database {
        assert!(path.exists(), "a real SQLite file");
    }
    let second: Catalog = reqwest::get(format!("{}/api/v1/catalog", start_on(&database, None).await.unwrap()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(first, second);
}
}

// Routing, the API document and a catalogue directory: the same on either store.
on_both_stores! {
    async fn unknown_routes_and_methods_answer_json_errors(kind) {
        let dir = tempfile::tempdir().unwrap();
        let url = start_on(&kind.database(dir.path()), None).await.unwrap();
        let resp = reqwest::get(format!("{url}/api/v1/nothing-here")).await.unwrap();
        assert_eq!(resp.status(), StatusCode::NOT_FOUND);
        let body: ApiError = resp.json().await.unwrap();
        assert_eq!(body.code, "not_found");
        let resp = reqwest::Client::new().delete(format!("{url}/api/v1/catalog")).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(resp.json::<ApiError>().await.unwrap().code, "method_not_allowed");
    }

    async fn health_and_openapi_describe_the_server(kind) {
        let dir = tempfile::tempdir().unwrap();
        let url = start_on(&kind.database(dir.path()), None).await.unwrap();
        let health = reqwest::get(format!("{url}/healthz")).await.unwrap();
        assert_eq!(health.status(), StatusCode::OK);
        let doc: serde_json::Value =
            reqwest::get(format!("{url}/openapi.json")).await.unwrap().json().await.unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        for path in ["/api/v1/catalog", "/healthz", "/openapi.json"] {
            assert!(doc["paths"][path].is_object(), "{path} documented");
        }
        assert!(doc["components"]["schemas"]["Catalog"].is_object());
        assert!(doc["components"]["schemas"]["ApiError"].is_object());
    }

    async fn a_catalogue_directory_is_served_when_intact(kind) {
        let dir = tempfile::tempdir().unwrap();
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let url = start_on(&kind.database(dir.path()), Some(&data)).await.unwrap();
        let catalog: Catalog = reqwest::get(format!("{url}/api/v1/catalog")).await.unwrap().json().await.unwrap();
        assert!(catalog.services.iter().any(|s| s.id == "id-card-renewal"));
    }
}

/// Copies the demo catalogue to a temp dir, applies `edit` to one file, and
/// returns the error the server gives when asked to start on it.
async fn broken(file: &str, edit: impl Fn(String) -> String) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalog");
    std::fs::create_dir_all(cat.join("services")).unwrap();
    for rel in ["halls.toml", "categories.toml"] {
        std::fs::copy(src.join(rel), cat.join(rel)).unwrap();
    }
    for entry in std::fs::read_dir(src.join("services")).unwrap().flatten() {
        std::fs::copy(entry.path(), cat.join("services").join(entry.file_name())).unwrap();
    }
    let path = cat.join(file);
    std::fs::write(&path, edit(std::fs::read_to_string(&path).unwrap())).unwrap();
    match start(dir.path(), Some(&cat)).await {
        Ok(_) => panic!("a broken catalogue must not be served"),
        Err(e) => {
            assert!(!dir.path().join("onestop.db").exists(), "nothing is stored from a refused catalogue");
            // The whole chain, as the command line prints it.
            let mut msg = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                msg = format!("{msg}: {s}");
                source = s.source();
            }
            msg
        }
    }
}

#[tokio::test]
async fn a_broken_catalogue_is_refused_naming_file_entry_and_field() {
    let msg = broken("services/household.toml", |t| {
        t.replacen("visits_reason = {", "old_visits_reason_removed = {", 1).replacen(
            "old_visits_reason_removed",
            "# removed",
            1,
        )
    })
    .await;
    // The first service of the file needs a visit but no longer says why.
    assert!(msg.contains("services/household.toml"), "{msg}");
    assert!(msg.contains("service `id-card-renewal`"), "{msg}");
    assert!(msg.contains("visits_reason"), "{msg}");

    let msg = broken("services/tax.toml", |t| {
        t.replacen("complaint_phone = \"12345\"", "complaint_phone = \"12366\"", 1)
    })
    .await;
    assert!(msg.contains("services/tax.toml") && msg.contains("complaint_phone"), "{msg}");

    let msg = broken("services/marriage.toml", |t| t.replacen("en-US = \"", "en-GB = \"", 1)).await;
    assert!(msg.contains("services/marriage.toml"), "{msg}");

    let msg =
        broken("categories.toml", |t| t.replacen("audience = \"personal\"", "audience = \"people\"", 1))
            .await;
    assert!(msg.contains("categories.toml") && msg.contains("people"), "{msg}");

    let msg = broken("services/vehicles.toml", |t| t.replacen("[[service]]", "[[service]\n", 1)).await;
    assert!(msg.contains("services/vehicles.toml"), "{msg}");
}
