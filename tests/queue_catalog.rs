//! A hall's queues come with its catalogue: `queues.toml` in the catalogue
//! directory a server is given (none there: numbers at the desk), checked
//! against that catalogue before anything is served, and carried by
//! `catalog publish` to every server on one PostgreSQL database.

use std::path::Path;

use onestop::domain::queue::wire::HallQueues;
use onestop::server::{self, ServerOptions};
use reqwest::StatusCode;
use serde_json::json;

mod common;

use common::backend::start_on;
use common::catalog_dir::demo_copy;

/// Renames binjiang's queue A in the copy's `queues.toml`.
fn rename_queue_a(dir: &Path, english: &str) {
    let path = dir.join("queues.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let old = "en-US = \"Household registration and ID cards\"";
    assert!(text.contains(old), "the demo's queue A is named as this test expects");
    std::fs::write(&path, text.replacen(old, &format!("en-US = \"{english}\""), 1)).unwrap();
}

async fn queues(http: &reqwest::Client, url: &str) -> HallQueues {
    let resp = http.get(format!("{url}/api/v1/halls/binjiang/queues")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.unwrap()
}

fn queue_a_name(q: &HallQueues) -> String {
    let a = q.queues.iter().find(|q| q.prefix == "A").expect("queue A");
    a.name.get(onestop::domain::Lang::EnUs).to_owned()
}

on_both_stores! {
    async fn a_catalogue_directory_brings_its_own_queues(kind) {
        let dir = demo_copy();
        rename_queue_a(dir.path(), "Counter A (ID cards)");
        let b = start_on(kind, |o| ServerOptions { catalog_dir: Some(dir.path().to_owned()), ..o }).await;
        let q = queues(&b.http, &b.url).await;
        assert!(q.numbers_here);
        assert_eq!(queue_a_name(&q), "Counter A (ID cards)");
    }

    async fn a_catalogue_directory_without_queues_gives_numbers_at_the_desk(kind) {
        let dir = demo_copy();
        std::fs::remove_file(dir.path().join("queues.toml")).unwrap();
        let b = start_on(kind, |o| ServerOptions { catalog_dir: Some(dir.path().to_owned()), ..o }).await;
        let q = queues(&b.http, &b.url).await;
        assert!(!q.numbers_here && q.queues.is_empty(), "{:?}", q.queues.len());
        let resp = b
            .http
            .post(format!("{}/api/v1/halls/binjiang/tickets", b.url))
            .json(&json!({ "service": "id-card-renewal" }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CONFLICT);
        assert_eq!(resp.json::<onestop::domain::ApiError>().await.unwrap().code, "numbers_at_desk");
    }

    async fn queues_that_do_not_fit_the_catalogue_refuse_the_start(kind) {
        let dir = demo_copy();
        let path = dir.path().join("queues.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("\"id-card-renewal\",", "\"id-card-renewed\",", 1)).unwrap();
        let data = tempfile::tempdir().unwrap();
        let opts = ServerOptions {
            catalog_dir: Some(dir.path().to_owned()),
            ..ServerOptions::new(kind.database(data.path()))
        };
        let Err(e) = server::start(&opts, "127.0.0.1:0").await else {
            panic!("queues for a service the catalogue lacks were served");
        };
        let chain = format!("{:#}", anyhow::Error::from(e));
        assert!(chain.contains("queues.toml") && chain.contains("id-card-renewed"), "{chain}");
    }
}

/// A queue's `typical_minutes` gives the day's first number an estimate;
/// without one it is honestly unknown until a service has finished.
async fn first_estimate(b: &common::backend::Backend) -> serde_json::Value {
    // Monday 10:00 in Shanghai, window 1 (queue A only) open.
    b.clock.set("2026-11-30T02:00:00Z".parse().unwrap());
    let post =
        |path: String, body: serde_json::Value| b.http.post(format!("{}{path}", b.url)).json(&body).send();
    let opened =
        post("/api/v1/halls/binjiang/windows/1/actions".into(), json!({ "action": "open" })).await.unwrap();
    assert!(opened.status().is_success(), "{}", opened.status());
    let ticket =
        post("/api/v1/halls/binjiang/tickets".into(), json!({ "service": "id-card-renewal" })).await.unwrap();
    assert_eq!(ticket.status(), StatusCode::CREATED);
    ticket.json::<serde_json::Value>().await.unwrap()["estimate"].clone()
}

on_both_stores! {
    async fn a_typical_service_time_gives_the_first_number_an_estimate(kind) {
        let b = start_on(kind, |o| o).await;
        // Nobody ahead, half of an 8-minute service at the one window: 4
        // minutes, shown as 3 to 6.
        assert_eq!(first_estimate(&b).await, json!({ "kind": "minutes", "low": 3, "high": 6 }));

        let dir = demo_copy();
        common::catalog_dir::edit(dir.path(), "queues.toml", "typical_minutes = 8\n", "");
        let b = start_on(kind, |o| ServerOptions { catalog_dir: Some(dir.path().to_owned()), ..o }).await;
        assert_eq!(first_estimate(&b).await, json!({ "kind": "unknown" }));
    }
}

/// `catalog publish DIR` with changed queues: every server on the database
/// serves them without a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_queues_reach_every_server() {
    let b = start_on(common::backend::StoreKind::Postgres, |o| o).await;
    let other = server::start(
        &ServerOptions { clock: b.clock.clone(), ..ServerOptions::new(b.database.clone()) },
        "127.0.0.1:0",
    )
    .await
    .unwrap();
    assert_eq!(queue_a_name(&queues(&b.http, &other.url()).await), "Household registration and ID cards");
    let dir = demo_copy();
    rename_queue_a(dir.path(), "Published counter A");
    server::publish_catalog(&b.database, dir.path()).await.unwrap();
    for url in [b.url.clone(), other.url()] {
        let mut name = String::new();
        for _ in 0..100 {
            name = queue_a_name(&queues(&b.http, &url).await);
            if name == "Published counter A" {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(name, "Published counter A", "{url} serves the published queues");
    }
}
