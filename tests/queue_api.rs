//! The hall visit over the API (issue 16), against a real server on
//! loopback over real SQLite and real PostgreSQL, its clock in the test's
//! hand: numbers per queue per day restarting at the hall's own midnight,
//! the cap and the issuing hours, check-in and each of its refusals, the
//! order of calling, no-shows put back, transfers, windows racing for
//! the same ticket (also across two servers on one database), and the
//! hall's event stream.

use std::{collections::BTreeSet, sync::Arc};

use jiff::{SignedDuration, Timestamp};
use onestop::domain::{Booking, Hold, Slots};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

mod common;

use common::backend::{Backend, id_number, phone, start_on};

/// Monday 30 November 2026 at `hh:mm` in Shanghai.
fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

/// A server's address and the client that talks to it.
#[derive(Clone)]
struct Api {
    url: String,
    http: Client,
}

impl Api {
    fn of(b: &Backend) -> Api {
        Api { url: b.url.clone(), http: b.http.clone() }
    }

    async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let resp = self.http.post(format!("{}{path}", self.url)).json(&body).send().await.unwrap();
        (resp.status(), resp.json().await.unwrap())
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        let resp = self.http.get(format!("{}{path}", self.url)).send().await.unwrap();
        (resp.status(), resp.json().await.unwrap())
    }

    /// Takes a number: the ticket, or the refusal's code.
    async fn take(&self, hall: &str, service: &str, group: Option<&str>) -> Result<Value, String> {
        let mut body = json!({ "service": service });
        if let Some(g) = group {
            body["priority_group"] = json!(g);
        }
        match self.post(&format!("/api/v1/halls/{hall}/tickets"), body).await {
            (StatusCode::CREATED, t) => Ok(t),
            (_, e) => Err(e["code"].as_str().unwrap().to_owned()),
        }
    }

    async fn number(&self, hall: &str, service: &str) -> String {
        let t = self.take(hall, service, None).await.unwrap();
        t["number"].as_str().unwrap().to_owned()
    }

    /// A window's action: what it did, or the refusal's code.
    async fn act(&self, hall: &str, window: u16, body: Value) -> Result<Value, String> {
        match self.post(&format!("/api/v1/halls/{hall}/windows/{window}/actions"), body).await {
            (StatusCode::OK, done) => Ok(done),
            (_, e) => Err(e["code"].as_str().unwrap().to_owned()),
        }
    }

    async fn simple(&self, hall: &str, window: u16, action: &str) -> Result<Value, String> {
        self.act(hall, window, json!({ "action": action })).await
    }

    /// Calls the next ticket: its number, or the refusal's code.
    async fn call_next(&self, hall: &str, window: u16) -> Result<String, String> {
        let done = self.simple(hall, window, "call_next").await?;
        Ok(done["number"].as_str().unwrap().to_owned())
    }

    async fn check_in(&self, hall: &str, code: &str, last4: &str) -> (StatusCode, Value) {
        self.post(&format!("/api/v1/halls/{hall}/checkins"), json!({ "code": code, "phone_last4": last4 }))
            .await
    }

    async fn ticket(&self, hall: &str, number: &str, day: Option<&str>) -> (StatusCode, Value) {
        let query = day.map_or_else(String::new, |d| format!("?day={d}"));
        self.get(&format!("/api/v1/halls/{hall}/tickets/{number}{query}")).await
    }

    /// Books the passport slot that starts at `hh_mm` on Monday at Binjiang for person `n`.
    async fn book(&self, hh_mm: &str, n: u32) -> Booking {
        let url = "/api/v1/halls/binjiang/slots?service=passport-application&date=2026-11-30";
        let slots: Slots =
            self.http.get(format!("{}{url}", self.url)).send().await.unwrap().json().await.unwrap();
        let slot = slots.slots.iter().find(|s| s.local_start == hh_mm).expect("the slot is offered");
        let body = json!({ "hall": "binjiang", "service": "passport-application", "start": slot.start });
        let hold: Hold = self
            .http
            .post(format!("{}/api/v1/holds", self.url))
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let body = json!({ "hold": hold.id, "name": "王秀英", "phone": phone(n), "id_kind": "resident_id", "id_number": id_number(n) });
        let resp = self
            .http
            .post(format!("{}/api/v1/bookings", self.url))
            .header("Idempotency-Key", format!("queue-test-{n:04}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        resp.json().await.unwrap()
    }
}

fn last4(n: u32) -> String {
    let p = phone(n);
    p[p.len() - 4..].to_owned()
}

on_both_stores! {
    async fn numbers_count_per_queue_and_restart_at_each_halls_midnight(kind) {
        let b = start_on(kind, |o| o).await;
        let api = Api::of(&b);
        b.clock.set(monday("09:00"));
        assert_eq!(api.number("binjiang", "passport-application").await, "B001");
        assert_eq!(api.number("binjiang", "id-card-renewal").await, "A001");
        let t = api.take("binjiang", "passport-application", None).await.unwrap();
        assert_eq!((t["number"].as_str(), t["day"].as_str()), (Some("B002"), Some("2026-11-30")));
        assert_eq!(t["windows"], json!([6, 7, 8, 9, 10, 11, 12]));
        assert_eq!((t["ahead"].as_u64(), t["estimate"]["kind"].as_str()), (Some(1), Some("no_window_open")));
        // Tuesday, 09:00 in Shanghai: the count starts again.
        b.clock.advance(SignedDuration::from_hours(24));
        let t = api.take("binjiang", "passport-application", None).await.unwrap();
        assert_eq!((t["number"].as_str(), t["day"].as_str()), (Some("B001"), Some("2026-12-01")));

        // Tianshan keeps Xinjiang time: its Monday ends at 18:00 UTC, two
        // hours after Shanghai's.
        b.clock.set("2026-11-30T04:00:00Z".parse().unwrap());
        assert_eq!(api.number("tianshan", "social-security-card-application").await, "A001");
        b.clock.set("2026-11-30T17:59:59Z".parse().unwrap());
        assert_eq!(api.ticket("tianshan", "A001", None).await.0, StatusCode::OK, "still Monday in Urumqi");
        b.clock.set("2026-11-30T18:00:00Z".parse().unwrap());
        assert_eq!(api.ticket("tianshan", "A001", None).await.0, StatusCode::NOT_FOUND, "Tuesday has no A001 yet");
        let (status, t) = api.ticket("tianshan", "A001", Some("2026-11-30")).await;
        assert_eq!((status, t["state"].as_str()), (StatusCode::OK, Some("waiting")));
    }

    async fn walk_ins_are_refused_outside_hours_and_past_the_cap(kind) {
        let b = start_on(kind, |o| o).await;
        let api = Api::of(&b);
        // Monday 08:00 (the server's start): Binjiang gives numbers from 09:00.
        assert_eq!(api.take("binjiang", "passport-application", None).await.unwrap_err(), "before_hours");
        b.clock.set(monday("16:30"));
        assert_eq!(api.take("binjiang", "passport-application", None).await.unwrap_err(), "after_hours");
        b.clock.set(monday("16:29"));
        assert!(api.take("binjiang", "passport-application", None).await.is_ok());
        // Chengbei is closed on Mondays.
        assert_eq!(api.take("chengbei", "marriage-registration", None).await.unwrap_err(), "closed_today");
        // Tuesday 09:00: Chengbei's marriage registry gives 60 numbers a
        // day; 70 asking at once get exactly 60 numbers, M001 to M060.
        b.clock.set(monday("09:00").checked_add(SignedDuration::from_hours(24)).unwrap());
        let api = Arc::new(api);
        let asks: Vec<_> = (0..70)
            .map(|_| {
                let api = api.clone();
                tokio::spawn(async move { api.take("chengbei", "marriage-registration", None).await })
            })
            .collect();
        let (mut numbers, mut refused) = (BTreeSet::new(), vec![]);
        for ask in asks {
            match ask.await.unwrap() {
                Ok(t) => assert!(numbers.insert(t["number"].as_str().unwrap().to_owned())),
                Err(code) => refused.push(code),
            }
        }
        let expected: BTreeSet<String> = (1..=60).map(|n| format!("M{n:03}")).collect();
        assert_eq!(numbers, expected);
        assert_eq!(refused, vec!["daily_cap_reached"; 10]);
    }

    async fn check_in_gives_a_booked_number_called_before_walk_ins(kind) {
        let b = start_on(kind, |o| o).await;
        let api = Api::of(&b);
        let on_time = api.book("10:00", 1).await;
        let cancelled = api.book("10:00", 2).await;
        let late = api.book("10:00", 3).await;
        let resp = api.post(&format!("/api/v1/bookings/{}/cancel", cancelled.code), json!({ "phone_last4": last4(2) })).await;
        assert_eq!(resp.0, StatusCode::OK);

        b.clock.set(monday("09:00"));
        assert_eq!(api.number("binjiang", "passport-application").await, "B001");
        b.clock.set(monday("09:29"));
        let refusal = |r: (StatusCode, Value)| (r.0, r.1["code"].as_str().unwrap_or_default().to_owned());
        assert_eq!(refusal(api.check_in("binjiang", &on_time.code, &last4(1)).await), (StatusCode::CONFLICT, "too_early".into()));
        assert_eq!(refusal(api.check_in("binjiang", &on_time.code, "0000").await), (StatusCode::NOT_FOUND, "not_found".into()));
        assert_eq!(refusal(api.check_in("binjiang", &cancelled.code, &last4(2)).await), (StatusCode::CONFLICT, "cancelled".into()));
        let (status, elsewhere) = api.check_in("chengbei", &on_time.code, &last4(1)).await;
        assert_eq!((status, elsewhere["code"].as_str(), elsewhere["detail"].as_str()), (StatusCode::CONFLICT, Some("other_hall"), Some("binjiang")));

        b.clock.set(monday("09:30"));
        let (status, t) = api.check_in("binjiang", &on_time.code.to_lowercase(), &last4(1)).await;
        assert_eq!(status, StatusCode::CREATED, "{t}");
        assert_eq!((t["number"].as_str(), t["lane"].as_str()), (Some("B002"), Some("booked")));
        assert!(!t.to_string().contains("王") && !t.to_string().contains(&phone(1)), "nothing personal: {t}");
        let (status, again) = api.check_in("binjiang", &on_time.code, &last4(1)).await;
        assert_eq!((status, again["code"].as_str()), (StatusCode::CONFLICT, Some("already_checked_in")));
        assert_eq!(again["detail"], "B002", "the refusal names the number given: {again}");

        // Window 7 calls the booking first, though B001 came earlier.
        api.simple("binjiang", 7, "open").await.unwrap();
        assert_eq!(api.call_next("binjiang", 7).await.unwrap(), "B002");
        api.simple("binjiang", 7, "finish").await.unwrap();
        assert_eq!(api.call_next("binjiang", 7).await.unwrap(), "B001");

        b.clock.set(monday("10:15"));
        assert_eq!(refusal(api.check_in("binjiang", &late.code, &last4(3)).await), (StatusCode::CONFLICT, "too_late".into()));
    }

    async fn priority_goes_first_but_at_most_twice_in_a_row(kind) {
        let b = start_on(kind, |o| o).await;
        let api = Api::of(&b);
        b.clock.set(monday("09:00"));
        for group in [None, Some("senior-70"), Some("disability"), Some("pregnancy"), None] {
            api.take("binjiang", "id-card-renewal", group).await.unwrap();
            b.clock.advance(SignedDuration::from_mins(1));
        }
        assert_eq!(api.take("binjiang", "id-card-renewal", Some("vip")).await.unwrap_err(), "invalid_field");
        assert_eq!(api.call_next("binjiang", 1).await.unwrap_err(), "window_not_open");
        api.simple("binjiang", 1, "open").await.unwrap();
        let mut order = vec![];
        for _ in 0..5 {
            order.push(api.call_next("binjiang", 1).await.unwrap());
            assert_eq!(api.call_next("binjiang", 1).await.unwrap_err(), "window_busy");
            api.simple("binjiang", 1, "finish").await.unwrap();
        }
        assert_eq!(order, ["A002", "A003", "A001", "A004", "A005"]);
        assert_eq!(api.call_next("binjiang", 1).await.unwrap_err(), "nothing_waiting");
    }

    async fn a_missed_ticket_is_put_back_behind_those_waiting_within_the_return_time(kind) {
        let b = start_on(kind, |o| o).await;
        let api = Api::of(&b);
        b.clock.set(monday("09:00"));
        for _ in 0..3 {
            api.number("binjiang", "id-card-renewal").await;
        }
        api.simple("binjiang", 1, "open").await.unwrap();
        assert_eq!(api.call_next("binjiang", 1).await.unwrap(), "A001");
        let again = api.simple("binjiang", 1, "recall").await.unwrap();
        assert_eq!((again["kind"].as_str(), again["calls"].as_u64()), (Some("called"), Some(2)));
        api.simple("binjiang", 1, "no_show").await.unwrap();
        assert_eq!(api.ticket("binjiang", "A001", None).await.1["state"], "missed");
        b.clock.advance(SignedDuration::from_mins(5));
        let back = api.act("binjiang", 1, json!({ "action": "put_back", "number": "A001" })).await.unwrap();
        assert_eq!(back["kind"], "put_back");
        let (_, t) = api.ticket("binjiang", "A001", None).await;
        assert_eq!((t["state"].as_str(), t["ahead"].as_u64()), (Some("waiting"), Some(2)), "behind A002 and A003");
        assert_eq!(api.call_next("binjiang", 1).await.unwrap(), "A002");
        api.simple("binjiang", 1, "no_show").await.unwrap();
        b.clock.advance(SignedDuration::from_mins(31));
        let late = api.act("binjiang", 1, json!({ "action": "put_back", "number": "A002" })).await;
        assert_eq!(late.unwrap_err(), "too_late_to_put_back");
        let missing = api.act("binjiang", 1, json!({ "action": "put_back" })).await;
        assert_eq!(missing.unwrap_err(), "invalid_field");
    }

    async fn a_transfer_keeps_the_number_and_the_state_shows_numbers_only(kind) {
        let b = start_on(kind, |o| o).await;
        let api = Api::of(&b);
        b.clock.set(monday("09:00"));
        api.number("binjiang", "id-card-renewal").await;
        api.number("binjiang", "passport-application").await;
        api.simple("binjiang", 6, "open").await.unwrap();
        assert_eq!(api.call_next("binjiang", 6).await.unwrap(), "A001");
        api.simple("binjiang", 6, "start").await.unwrap();
        let (_, state) = api.get("/api/v1/halls/binjiang/queues").await;
        assert_eq!(state["calls"], json!([{ "number": "A001", "window": 6, "state": "serving", "at": monday("09:00").to_string() }]));
        let moved = api.act("binjiang", 6, json!({ "action": "transfer", "to": "B" })).await.unwrap();
        assert_eq!((moved["from"].as_str(), moved["to"].as_str()), (Some("A"), Some("B")));
        let (_, t) = api.ticket("binjiang", "A001", None).await;
        assert_eq!((t["queue"].as_str(), t["state"].as_str(), t["ahead"].as_u64()), (Some("B"), Some("waiting"), Some(0)));
        // Window 7 calls only B: it calls A001, which kept its place (issued first).
        api.simple("binjiang", 7, "open").await.unwrap();
        assert_eq!(api.call_next("binjiang", 7).await.unwrap(), "A001");
        let (_, t) = api.ticket("binjiang", "A001", None).await;
        assert_eq!((t["state"].as_str(), t["window"].as_u64()), (Some("called"), Some(7)));
        let (_, state) = api.get("/api/v1/halls/binjiang/queues").await;
        let b_queue = state["queues"].as_array().unwrap().iter().find(|q| q["prefix"] == "B").unwrap().clone();
        assert_eq!((b_queue["waiting"].as_u64(), b_queue["open_windows"].as_u64()), (Some(1), Some(2)));
        assert_eq!(state["numbers_here"], true);
    }

    async fn windows_calling_at_once_never_get_the_same_ticket(kind) {
        let b = start_on(kind, |o| o).await;
        let api = Api::of(&b);
        b.clock.set(monday("09:00"));
        windows_race(std::slice::from_ref(&api), &api).await;
    }

    async fn the_event_stream_delivers_a_call(kind) {
        let b = start_on(kind, |o| o).await;
        let api = Api::of(&b);
        b.clock.set(monday("09:00"));
        sees_a_call(&api, &api).await;
    }
}

/// 30 passport numbers called by windows 7 to 12 racing each other (the
/// windows spread over `servers`): each number is called exactly once.
async fn windows_race(servers: &[Api], taker: &Api) {
    for _ in 0..30 {
        taker.number("binjiang", "passport-application").await;
    }
    let windows: Vec<_> = (7..=12u16)
        .map(|w| {
            let api = servers[usize::from(w) % servers.len()].clone();
            tokio::spawn(async move {
                api.simple("binjiang", w, "open").await.unwrap();
                let mut called = vec![];
                loop {
                    match api.call_next("binjiang", w).await {
                        Ok(n) => called.push(n),
                        Err(code) if code == "nothing_waiting" => return called,
                        Err(code) => panic!("window {w}: {code}"),
                    }
                    api.simple("binjiang", w, "finish").await.unwrap();
                }
            })
        })
        .collect();
    let mut all = vec![];
    for w in windows {
        all.extend(w.await.unwrap());
    }
    all.sort();
    let expected: Vec<String> = (1..=30).map(|n| format!("B{n:03}")).collect();
    assert_eq!(all, expected, "every number called once, none twice");
}

/// Subscribes at `listener`'s server, calls at `caller`'s: the stream says so.
async fn sees_a_call(listener: &Api, caller: &Api) {
    let mut stream =
        listener.http.get(format!("{}/api/v1/halls/binjiang/events", listener.url)).send().await.unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(stream.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    let mut seen = String::new();
    read_until(&mut stream, &mut seen, "event: ready").await;
    caller.number("binjiang", "passport-application").await;
    // Another hall's events are not this stream's.
    caller.simple("chengbei", 1, "open").await.unwrap();
    caller.simple("binjiang", 8, "open").await.unwrap();
    assert_eq!(caller.call_next("binjiang", 8).await.unwrap(), "B001");
    read_until(&mut stream, &mut seen, "event: called").await;
    let called = seen.split("event: called\ndata: ").nth(1).unwrap().lines().next().unwrap();
    let called: Value = serde_json::from_str(called).unwrap();
    assert_eq!(
        called,
        json!({ "hall": "binjiang", "day": "2026-11-30", "kind": "called", "window": 8, "number": "B001", "queue": "B", "calls": 1 })
    );
    assert!(seen.contains("event: issued") && seen.contains("event: opened"), "{seen}");
    assert!(!seen.contains("chengbei"), "{seen}");
}

/// Reads the stream until `what` has arrived. A guard, not a timing
/// assertion: a stream that never delivers fails instead of hanging.
async fn read_until(stream: &mut reqwest::Response, seen: &mut String, what: &str) {
    let read = async {
        while !seen.contains(what) {
            let chunk = stream.chunk().await.unwrap().expect("the stream stays open");
            seen.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(60), read)
        .await
        .unwrap_or_else(|_| panic!("no `{what}` on the stream; it said: {seen}"));
}

/// Two servers in front of one PostgreSQL database.
mod province {
    use super::*;
    use onestop::server::{self, Database, ServerOptions, clock::ManualClock};

    async fn two_servers() -> (Api, Api, Arc<ManualClock>) {
        let database = Database::Postgres(common::postgres::cluster().database());
        let clock = Arc::new(ManualClock::new(monday("09:00")));
        let mut apis = vec![];
        for _ in 0..2 {
            let opts = ServerOptions { clock: clock.clone(), ..ServerOptions::new(database.clone()) };
            let url = server::start(&opts, "127.0.0.1:0").await.unwrap().url();
            apis.push(Api { url, http: Client::new() });
        }
        let second = apis.pop().unwrap();
        (apis.pop().unwrap(), second, clock)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn windows_at_two_servers_never_get_the_same_ticket() {
        let (one, two, _clock) = two_servers().await;
        windows_race(&[one.clone(), two], &one).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn numbers_taken_at_two_servers_are_distinct_and_consecutive() {
        let (one, two, _clock) = two_servers().await;
        let asks: Vec<_> = (0..100)
            .map(|n| {
                let api = if n % 2 == 0 { one.clone() } else { two.clone() };
                tokio::spawn(async move { api.number("binjiang", "id-card-renewal").await })
            })
            .collect();
        let mut numbers = vec![];
        for ask in asks {
            numbers.push(ask.await.unwrap());
        }
        numbers.sort();
        let expected: Vec<String> = (1..=100).map(|n| format!("A{n:03}")).collect();
        assert_eq!(numbers, expected);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_call_at_one_server_reaches_a_stream_at_the_other() {
        let (one, two, _clock) = two_servers().await;
        sees_a_call(&two, &one).await;
    }
}
