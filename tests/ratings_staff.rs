//! The hall's day of ratings for staff (issue 17), on both stores: only a
//! staff token of that hall reads it; per window and service, the share of
//! 差评, each 差评 with its reason, tickets issued per hour and the mean wait
//! per queue, the share of each level per window.

use jiff::Timestamp;
use onestop::server::{ServerOptions, store::Role};
use reqwest::StatusCode;
use serde_json::{Value, json};

mod common;

use common::backend::{Backend, start_on};

fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

async fn send(b: &Backend, token: &str, path: &str, body: Option<Value>) -> (StatusCode, Value) {
    let url = format!("{}{path}", b.url);
    let req = match body {
        Some(body) => b.http.post(url).json(&body),
        None => b.http.get(url),
    };
    let resp = req.bearer_auth(token).send().await.unwrap();
    (resp.status(), resp.json().await.unwrap())
}

async fn ok(b: &Backend, token: &str, path: &str, body: Value) -> Value {
    let (status, answer) = send(b, token, path, Some(body)).await;
    assert!(status.is_success(), "{path}: {answer}");
    answer
}

on_both_stores! {
    async fn staff_read_the_day_per_window_and_service(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
        let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let window = b.running.create_token(Role::Window, "binjiang", "window-1").await.unwrap();
        let staff = b.running.create_token(Role::Staff, "binjiang", "desk").await.unwrap();
        let tickets = "/api/v1/halls/binjiang/tickets";
        let at = |w: u16| format!("/api/v1/halls/binjiang/windows/{w}/actions");
        b.clock.set(monday("09:00"));
        ok(&b, &kiosk, tickets, json!({ "service": "id-card-renewal" })).await;
        b.clock.set(monday("09:20"));
        ok(&b, &kiosk, tickets, json!({ "service": "hukou-move-in" })).await;
        // A001 waits 30 minutes, A002 20 (from issue to the start of service).
        b.clock.set(monday("09:30"));
        for action in ["open", "call_next", "start"] {
            ok(&b, &window, &at(1), json!({ "action": action })).await;
        }
        b.clock.set(monday("09:40"));
        ok(&b, &window, &at(1), json!({ "action": "finish" })).await;
        for action in ["call_next", "start"] {
            ok(&b, &window, &at(1), json!({ "action": action })).await;
        }
        b.clock.set(monday("09:50"));
        ok(&b, &window, &at(1), json!({ "action": "finish" })).await;
        b.clock.set(monday("10:05"));
        ok(&b, &kiosk, tickets, json!({ "service": "passport-application" })).await;

        let rate = |n: &str| format!("/api/v1/halls/binjiang/tickets/{n}/rating");
        ok(&b, &kiosk, &rate("A001"), json!({ "day": "2026-11-30", "level": "very_satisfied", "service": "id-card-renewal" })).await;
        let bad = json!({ "day": "2026-11-30", "level": "very_dissatisfied", "reason": "slow", "text": "等了很久", "service": "hukou-move-in" });
        ok(&b, &kiosk, &rate("A002"), bad).await;

        // Only staff of this hall.
        let day = "/api/v1/halls/binjiang/ratings?day=2026-11-30";
        let none = b.http.get(format!("{}{day}", b.url)).send().await.unwrap();
        assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(send(&b, &kiosk, day, None).await.1["code"], "wrong_role");
        let chengbei = b.running.create_token(Role::Staff, "chengbei", "desk").await.unwrap();
        assert_eq!(send(&b, &chengbei, day, None).await.1["code"], "other_hall");

        let (status, d) = send(&b, &staff, day, None).await;
        assert_eq!(status, StatusCode::OK, "{d}");
        assert_eq!((d["count"].as_u64(), d["bad"].as_u64(), d["bad_permille"].as_u64()), (Some(2), Some(1), Some(500)));
        let w = &d["windows"][0];
        assert_eq!((w["window"].as_u64(), w["count"].as_u64(), d["windows"].as_array().unwrap().len()), (Some(1), Some(2), 1));
        let shares: Vec<(String, u64)> = w["levels"].as_array().unwrap().iter()
            .map(|l| (l["level"].as_str().unwrap().to_owned(), l["permille"].as_u64().unwrap())).collect();
        assert_eq!(shares, [("very_satisfied".into(), 500), ("satisfied".into(), 0), ("fairly_satisfied".into(), 0),
            ("dissatisfied".into(), 0), ("very_dissatisfied".into(), 500)]);
        assert_eq!(d["services"], json!([
            { "service": "hukou-move-in", "count": 1, "bad": 1, "bad_permille": 1000 },
            { "service": "id-card-renewal", "count": 1, "bad": 0, "bad_permille": 0 },
        ]));
        let follow_up = &d["bad_ratings"];
        assert_eq!(follow_up.as_array().unwrap().len(), 1);
        assert_eq!((follow_up[0]["number"].as_str(), follow_up[0]["reason"].as_str(), follow_up[0]["text"].as_str()),
            (Some("A002"), Some("slow"), Some("等了很久")));
        assert_eq!(d["issued_per_hour"], json!([{ "hour": 9, "count": 2 }, { "hour": 10, "count": 1 }]));
        assert_eq!(d["queues"], json!([
            { "queue": "A", "issued": 2, "started": 2, "mean_wait_seconds": 1500 },
            { "queue": "B", "issued": 1, "started": 0 },
        ]));
        // Today is the default day; another day has none.
        assert_eq!(send(&b, &staff, "/api/v1/halls/binjiang/ratings", None).await.1["count"], 2);
        let (_, other) = send(&b, &staff, "/api/v1/halls/binjiang/ratings?day=2026-12-01", None).await;
        assert_eq!((other["count"].as_u64(), other["issued_per_hour"].as_array().map(Vec::len)), (Some(0), Some(0)));
        assert_eq!(send(&b, &staff, "/api/v1/halls/binjiang/ratings?day=2026-13-01", None).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    }
}
