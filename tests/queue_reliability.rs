//! The hall visit's numbers under load and over midnight (issue 16), at the
//! API of a real server on loopback over SQLite and PostgreSQL, its clock
//! in the test's hand:
//!
//! - 500 kiosks asking at once on one queue get 500 distinct, consecutive
//!   numbers, and the database holds exactly those (the demo caps every
//!   queue below 500, so the test serves a copy of the demo catalogue whose
//!   Binjiang queue A gives up to 999);
//! - the service day rolls over at the hall's own local midnight: 16:00 UTC
//!   in Asia/Shanghai, 18:00 UTC in Asia/Urumqi — the day's board (waiting,
//!   calls, open windows) starts empty, yesterday's tickets stay readable by
//!   their day, and numbering starts again at 001.

use std::{path::Path, sync::Arc};

use jiff::Timestamp;
use onestop::server::ServerOptions;
use reqwest::StatusCode;
use serde_json::{Value, json};

mod common;

use common::backend::{Backend, column, start_on};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The demo catalogue, with Binjiang's queue A (the first `daily_cap` in
/// queues.toml) giving up to 999 numbers a day.
fn catalogue_with_a_big_queue() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), dir.path());
    let queues = dir.path().join("queues.toml");
    let text = std::fs::read_to_string(&queues).unwrap();
    assert!(text.contains("prefix = \"A\"") && text.contains("daily_cap = 400"), "the demo's queues changed");
    std::fs::write(&queues, text.replacen("daily_cap = 400", "daily_cap = 999", 1)).unwrap();
    dir
}

fn at(t: &str) -> Timestamp {
    t.parse().unwrap()
}

async fn take(b: &Backend, hall: &str, service: &str) -> Result<Value, (StatusCode, Value)> {
    let url = format!("{}/api/v1/halls/{hall}/tickets", b.url);
    let resp = b.http.post(url).json(&json!({ "service": service })).send().await.unwrap();
    match resp.status() {
        StatusCode::CREATED => Ok(resp.json().await.unwrap()),
        status => Err((status, resp.json().await.unwrap_or(Value::Null))),
    }
}

async fn get(b: &Backend, path: &str) -> (StatusCode, Value) {
    let resp = b.http.get(format!("{}{path}", b.url)).send().await.unwrap();
    (resp.status(), resp.json().await.unwrap_or(Value::Null))
}

async fn act(b: &Backend, hall: &str, window: u16, action: &str) -> Value {
    let url = format!("{}/api/v1/halls/{hall}/windows/{window}/actions", b.url);
    let resp = b.http.post(url).json(&json!({ "action": action })).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK, "{action} at {hall} {window}");
    resp.json().await.unwrap()
}

/// The hall's day now, and how many wait in queue `prefix`.
async fn day_and_waiting(b: &Backend, hall: &str, prefix: &str) -> (String, u64, Value) {
    let (status, state) = get(b, &format!("/api/v1/halls/{hall}/queues")).await;
    assert_eq!(status, StatusCode::OK, "{state}");
    let queue = state["queues"].as_array().unwrap().iter().find(|q| q["prefix"] == prefix).unwrap().clone();
    (state["day"].as_str().unwrap().to_owned(), queue["waiting"].as_u64().unwrap(), state)
}

on_both_stores! {
    async fn five_hundred_asking_at_once_get_five_hundred_consecutive_numbers(kind) {
        let catalogue = catalogue_with_a_big_queue();
        let b = start_on(kind, |o| ServerOptions { catalog_dir: Some(catalogue.path().to_owned()), ..o }).await;
        // Monday 09:00 in Shanghai.
        b.clock.set(at("2026-11-30T01:00:00Z"));
        let b = Arc::new(b);
        let asks: Vec<_> = (0..500)
            .map(|_| {
                let b = b.clone();
                tokio::spawn(async move { take(&b, "binjiang", "id-card-renewal").await })
            })
            .collect();
        let mut numbers = vec![];
        for ask in asks {
            let t = ask.await.unwrap().unwrap_or_else(|(status, e)| panic!("refused: {status} {e}"));
            numbers.push(t["number"].as_str().unwrap().to_owned());
        }
        numbers.sort();
        let expected: Vec<String> = (1..=500).map(|n| format!("A{n:03}")).collect();
        assert_eq!(numbers, expected, "distinct and consecutive, from A001");
        let stored: Vec<String> = column(
            &b.database,
            "SELECT number FROM tickets WHERE hall = $1 AND day = $2 AND queue = 'A' ORDER BY number",
            &["binjiang", "2026-11-30"],
        )
        .await;
        assert_eq!(stored, expected, "the database holds exactly the numbers given");
        let counter: Vec<i64> = column(
            &b.database,
            "SELECT n FROM ticket_counters WHERE hall = $1 AND day = $2 AND queue = 'A'",
            &["binjiang", "2026-11-30"],
        )
        .await;
        assert_eq!(counter, [500]);
        // The next one follows on.
        assert_eq!(take(&b, "binjiang", "id-card-renewal").await.unwrap()["number"], "A501");
    }

    async fn the_day_rolls_over_at_midnight_in_shanghai(kind) {
        let b = start_on(kind, |o| o).await;
        // Monday 16:00 in Shanghai (08:00 UTC): three passport numbers, B001 called.
        b.clock.set(at("2026-11-30T08:00:00Z"));
        for _ in 0..3 {
            take(&b, "binjiang", "passport-application").await.unwrap();
        }
        act(&b, "binjiang", 7, "open").await;
        assert_eq!(act(&b, "binjiang", 7, "call_next").await["number"], "B001");

        // 23:59:59 in Shanghai: still Monday, two waiting, B001 at window 7.
        b.clock.set(at("2026-11-30T15:59:59Z"));
        let (day, waiting, state) = day_and_waiting(&b, "binjiang", "B").await;
        assert_eq!((day.as_str(), waiting), ("2026-11-30", 2));
        assert_eq!(state["calls"][0]["number"], "B001");
        assert_eq!(get(&b, "/api/v1/halls/binjiang/tickets/B002").await.0, StatusCode::OK);

        // Midnight: Tuesday's board is empty and every window starts closed.
        b.clock.set(at("2026-11-30T16:00:00Z"));
        let (day, waiting, state) = day_and_waiting(&b, "binjiang", "B").await;
        assert_eq!((day.as_str(), waiting), ("2026-12-01", 0));
        assert_eq!(state["calls"], json!([]));
        let seven = state["windows"].as_array().unwrap().iter().find(|w| w["number"] == 7).unwrap().clone();
        assert_eq!(seven["open"], false, "{seven}");
        assert_eq!(get(&b, "/api/v1/halls/binjiang/tickets/B002").await.0, StatusCode::NOT_FOUND);
        let (status, monday) = get(&b, "/api/v1/halls/binjiang/tickets/B002?day=2026-11-30").await;
        assert_eq!((status, monday["state"].as_str()), (StatusCode::OK, Some("waiting")), "{monday}");
        // Before 09:00 no walk-in number; at 09:00 the count starts again.
        assert_eq!(take(&b, "binjiang", "passport-application").await.unwrap_err().1["code"], "before_hours");
        b.clock.set(at("2026-12-01T01:00:00Z"));
        let t = take(&b, "binjiang", "passport-application").await.unwrap();
        assert_eq!((t["number"].as_str(), t["day"].as_str()), (Some("B001"), Some("2026-12-01")));
        assert_eq!(t["ahead"], 0, "Monday's waiting are not ahead of Tuesday's: {t}");
    }

    async fn the_day_rolls_over_at_midnight_in_urumqi_two_hours_after_shanghai(kind) {
        let b = start_on(kind, |o| o).await;
        // Monday 17:00 in Urumqi (11:00 UTC): Tianshan gives numbers until 17:30.
        b.clock.set(at("2026-11-30T11:00:00Z"));
        for _ in 0..2 {
            take(&b, "tianshan", "social-security-card-application").await.unwrap();
        }
        act(&b, "tianshan", 1, "open").await;

        // 17:00 UTC: Tuesday 01:00 in Shanghai, Monday 23:00 in Urumqi.
        b.clock.set(at("2026-11-30T17:00:00Z"));
        assert_eq!(day_and_waiting(&b, "binjiang", "A").await.0, "2026-12-01");
        let (day, waiting, _) = day_and_waiting(&b, "tianshan", "A").await;
        assert_eq!((day.as_str(), waiting), ("2026-11-30", 2));

        b.clock.set(at("2026-11-30T17:59:59Z"));
        let (day, waiting, state) = day_and_waiting(&b, "tianshan", "A").await;
        assert_eq!((day.as_str(), waiting), ("2026-11-30", 2));
        assert_eq!(state["windows"][0]["open"], true, "{state}");

        b.clock.set(at("2026-11-30T18:00:00Z"));
        let (day, waiting, state) = day_and_waiting(&b, "tianshan", "A").await;
        assert_eq!((day.as_str(), waiting), ("2026-12-01", 0));
        assert_eq!(state["windows"][0]["open"], false, "a new day's windows start closed: {state}");
        assert_eq!(get(&b, "/api/v1/halls/tianshan/tickets/A001").await.0, StatusCode::NOT_FOUND);
        assert_eq!(get(&b, "/api/v1/halls/tianshan/tickets/A002?day=2026-11-30").await.0, StatusCode::OK);
        // Tuesday 10:00 in Urumqi: A001 again, of Tuesday.
        b.clock.set(at("2026-12-01T04:00:00Z"));
        let t = take(&b, "tianshan", "social-security-card-application").await.unwrap();
        assert_eq!((t["number"].as_str(), t["day"].as_str()), (Some("A001"), Some("2026-12-01")));
    }
}
