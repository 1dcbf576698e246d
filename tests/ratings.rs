//! 好差评 over the API (issue 17), against a real server on loopback over
//! real SQLite and real PostgreSQL, its clock in the test's hand: the two
//! lowest levels need a reason, a ticket is rated once and only once it is
//! finished, within `rating.open_days`; the proofs (a kiosk's token, the
//! phone page's handoff code); the staff route's figures and its token.

use jiff::{SignedDuration, Timestamp};
use onestop::server::{ServerOptions, store::Role};
use reqwest::StatusCode;
use serde_json::{Value, json};

mod common;

use common::backend::{Backend, column, id_number, phone, start_on};

/// Monday 30 November 2026 at `hh:mm` in Shanghai.
fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

async fn send(
    b: &Backend,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let url = format!("{}{path}", b.url);
    let mut req = if method == "GET" { b.http.get(url) } else { b.http.post(url) };
    if let Some(body) = body {
        req = req.json(&body);
    }
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let resp = req.send().await.unwrap();
    (resp.status(), resp.json().await.unwrap())
}

/// Takes a number for `service` at Binjiang: the number.
async fn take(b: &Backend, kiosk: Option<&str>, service: &str) -> String {
    let (status, t) =
        send(b, kiosk, "POST", "/api/v1/halls/binjiang/tickets", Some(json!({ "service": service }))).await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    t["number"].as_str().unwrap().to_owned()
}

async fn act(b: &Backend, window_token: Option<&str>, window: u16, action: &str) -> Value {
    let path = format!("/api/v1/halls/binjiang/windows/{window}/actions");
    let (status, done) = send(b, window_token, "POST", &path, Some(json!({ "action": action }))).await;
    assert_eq!(status, StatusCode::OK, "{action} at {window}: {done}");
    done
}

async fn rate(b: &Backend, token: Option<&str>, number: &str, body: Value) -> (StatusCode, Value) {
    send(b, token, "POST", &format!("/api/v1/halls/binjiang/tickets/{number}/rating"), Some(body)).await
}

/// The refusal's status, code and field.
fn refusal((status, e): (StatusCode, Value)) -> (StatusCode, String, Option<String>) {
    (status, e["code"].as_str().unwrap_or_default().to_owned(), e["field"].as_str().map(str::to_owned))
}

fn invalid(field: &str) -> (StatusCode, String, Option<String>) {
    (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field".into(), Some(field.into()))
}

/// The rating's and the report's own words, as stored.
async fn texts(db: &onestop::server::Database) -> (Vec<Option<String>>, Vec<Option<String>>) {
    let rated =
        column::<Option<String>>(db, "SELECT text FROM ratings WHERE level = $1", &["dissatisfied"]).await;
    let reported = column::<Option<String>>(db, "SELECT text FROM reports WHERE what = $1", &["fees"]).await;
    (rated, reported)
}

/// Books the passport slot at 10:00 on Monday at Binjiang for person `n`: its code.
async fn book(b: &Backend, n: u32) -> String {
    let path = "/api/v1/halls/binjiang/slots?service=passport-application&date=2026-11-30";
    let slots: onestop::domain::Slots =
        b.http.get(format!("{}{path}", b.url)).send().await.unwrap().json().await.unwrap();
    let slot = slots.slots.iter().find(|s| s.local_start == "10:00").expect("the slot is offered");
    let body = json!({ "hall": "binjiang", "service": "passport-application", "start": slot.start });
    let (_, hold) = send(b, None, "POST", "/api/v1/holds", Some(body)).await;
    let body = json!({ "hold": hold["id"], "name": "王秀英", "phone": phone(n), "id_kind": "resident_id", "id_number": id_number(n) });
    let resp = b
        .http
        .post(format!("{}/api/v1/bookings", b.url))
        .header("Idempotency-Key", format!("rating-test-{n:04}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    resp.json::<Value>().await.unwrap()["code"].as_str().unwrap().to_owned()
}

on_both_stores! {
    async fn the_rules_of_a_rating(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        let a001 = take(&b, None, "id-card-renewal").await;
        act(&b, None, 1, "open").await;
        act(&b, None, 1, "call_next").await;
        let good = json!({ "day": "2026-11-30", "level": "satisfied", "service": "id-card-renewal" });
        assert_eq!(refusal(rate(&b, None, &a001, good.clone()).await).1, "not_finished", "called, not finished");
        b.clock.set(monday("09:12"));
        act(&b, None, 1, "finish").await;

        // Queue A serves several services: a kiosk's rating names which.
        let unnamed = json!({ "day": "2026-11-30", "level": "satisfied" });
        assert_eq!(refusal(rate(&b, None, &a001, unnamed).await), invalid("service"));
        let elsewhere = json!({ "day": "2026-11-30", "level": "satisfied", "service": "passport-application" });
        assert_eq!(refusal(rate(&b, None, &a001, elsewhere).await), invalid("service"), "not a service of queue A");
        // The two lowest need a reason; the others take none.
        for level in ["dissatisfied", "very_dissatisfied"] {
            let body = json!({ "day": "2026-11-30", "level": level, "service": "id-card-renewal" });
            assert_eq!(refusal(rate(&b, None, &a001, body).await), invalid("reason"), "{level}");
        }
        let reasoned = json!({ "day": "2026-11-30", "level": "satisfied", "reason": "slow", "service": "id-card-renewal" });
        assert_eq!(refusal(rate(&b, None, &a001, reasoned).await), invalid("reason"));
        let unknown = json!({ "day": "2026-11-30", "level": "dissatisfied", "reason": "weather", "service": "id-card-renewal" });
        assert_eq!(rate(&b, None, &a001, unknown).await.0, StatusCode::BAD_REQUEST, "a reason not on the list");
        // Text: 200 characters at most, no control characters, only with a reason.
        let words = |text: String| json!({ "day": "2026-11-30", "level": "very_dissatisfied", "reason": "other", "text": text, "service": "id-card-renewal" });
        assert_eq!(refusal(rate(&b, None, &a001, words("慢".repeat(201))).await), invalid("text"));
        assert_eq!(rate(&b, None, &a001, words("慢".repeat(5000))).await.0, StatusCode::BAD_REQUEST, "far too long is refused as it is read");
        assert_eq!(refusal(rate(&b, None, &a001, words("ok\u{1b}[2J".into())).await), invalid("text"));
        assert_eq!(refusal(rate(&b, None, &a001, words("第一行\n第二行".into())).await), invalid("text"));
        let chatty = json!({ "day": "2026-11-30", "level": "very_satisfied", "text": "很好", "service": "id-card-renewal" });
        assert_eq!(refusal(rate(&b, None, &a001, chatty).await), invalid("text"));
        // A day that is no date, a ticket that is not there.
        let bad_day = json!({ "day": "2026-02-30", "level": "satisfied", "service": "id-card-renewal" });
        assert_eq!(refusal(rate(&b, None, &a001, bad_day).await), invalid("day"));
        assert_eq!(refusal(rate(&b, None, "A099", good.clone()).await).1, "not_found");
        let other_day = json!({ "day": "2026-11-29", "level": "satisfied", "service": "id-card-renewal" });
        assert_eq!(refusal(rate(&b, None, &a001, other_day).await).1, "not_found");

        // Once, with exactly 200 characters.
        let (status, r) = rate(&b, None, &a001, words("慢".repeat(200))).await;
        assert_eq!(status, StatusCode::CREATED, "{r}");
        assert_eq!((r["window"].as_u64(), r["service"].as_str(), r["number"].as_str()), (Some(1), Some("id-card-renewal"), Some("A001")));
        assert_eq!((r["level"].as_str(), r["reason"].as_str()), (Some("very_dissatisfied"), Some("other")));
        let again = rate(&b, None, &a001, good.clone()).await;
        assert_eq!(again.0, StatusCode::CONFLICT);
        assert_eq!(again.1["code"], "already_rated");
        assert!(again.1["message"].as_str().unwrap().contains("thank you"), "refused politely: {}", again.1);
    }

    async fn a_rating_stays_open_for_open_days(kind) {
        let b = start_on(kind, |o| ServerOptions { rating_open_days: 2, ..o }).await;
        b.clock.set(monday("09:00"));
        let (b001, b002) = (take(&b, None, "passport-application").await, take(&b, None, "passport-application").await);
        act(&b, None, 7, "open").await;
        for _ in 0..2 {
            act(&b, None, 7, "call_next").await;
            act(&b, None, 7, "finish").await;
        }
        let body = json!({ "day": "2026-11-30", "level": "very_satisfied", "service": "passport-application" });
        // Two days to the second after it was finished: still open.
        b.clock.set(monday("09:00").checked_add(SignedDuration::from_hours(48)).unwrap());
        let (status, r) = rate(&b, None, &b001, body.clone()).await;
        assert_eq!(status, StatusCode::CREATED, "{r}");
        assert_eq!((r["window"].as_u64(), r["day"].as_str()), (Some(7), Some("2026-11-30")));
        b.clock.advance(SignedDuration::from_secs(1));
        assert_eq!(refusal(rate(&b, None, &b002, body).await).1, "rating_closed");
    }

    async fn the_phone_page_proves_its_own_ticket_only(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
        let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let window = b.running.create_token(Role::Window, "binjiang", "window-7").await.unwrap();
        b.clock.set(monday("09:00"));
        let (b001, b002) = (take(&b, Some(&kiosk), "passport-application").await, take(&b, Some(&kiosk), "passport-application").await);
        let made = json!({ "service": "passport-application", "lang": "zh-CN", "ticket": { "day": "2026-11-30", "number": b001 } });
        let (status, handoff) = send(&b, Some(&kiosk), "POST", "/api/v1/handoffs", Some(made)).await;
        assert_eq!(status, StatusCode::CREATED, "{handoff}");
        let code = handoff["code"].as_str().unwrap().to_owned();
        act(&b, Some(&window), 7, "open").await;
        for _ in 0..2 {
            act(&b, Some(&window), 7, "call_next").await;
            act(&b, Some(&window), 7, "finish").await;
        }
        // Without a token, a proof is needed; the handoff proves B001, not B002.
        let bare = json!({ "day": "2026-11-30", "level": "satisfied" });
        assert_eq!(refusal(rate(&b, None, &b001, bare.clone()).await).0, StatusCode::UNAUTHORIZED);
        // As every 401, it says how to authenticate.
        let url = format!("{}/api/v1/halls/binjiang/tickets/{b001}/rating", b.url);
        let answer = b.http.post(url).json(&bare).send().await.unwrap();
        assert_eq!(answer.headers().get("www-authenticate").map(|v| v.as_bytes()), Some(&b"Bearer"[..]));
        let proven = json!({ "day": "2026-11-30", "level": "satisfied", "handoff": code });
        assert_eq!(refusal(rate(&b, None, &b002, proven.clone()).await).1, "not_found");
        // An hour later the link has expired; the code still proves whose ticket it was.
        b.clock.advance(SignedDuration::from_hours(1));
        let (status, r) = rate(&b, None, &b001, proven).await;
        assert_eq!(status, StatusCode::CREATED, "{r}");
        assert_eq!(r["service"], "passport-application");
        // Wrong codes are guesses: after enough of them the address waits.
        let mut last = StatusCode::OK;
        for i in 0..30 {
            let guess = json!({ "day": "2026-11-30", "level": "satisfied", "handoff": format!("GUESS{i:011}") });
            last = rate(&b, None, &b002, guess).await.0;
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
        // A kiosk of another hall cannot rate Binjiang's tickets; Binjiang's can.
        let chengbei = b.running.create_token(Role::Kiosk, "chengbei", "kiosk-01").await.unwrap();
        assert_eq!(refusal(rate(&b, Some(&chengbei), &b002, bare.clone()).await).1, "other_hall");
        assert_eq!(refusal(rate(&b, Some(&window), &b002, bare.clone()).await).1, "wrong_role");
        let named = json!({ "day": "2026-11-30", "level": "satisfied", "service": "passport-application" });
        assert_eq!(rate(&b, Some(&kiosk), &b002, named).await.0, StatusCode::CREATED);
    }

    async fn own_words_are_erased_after_retain_days_and_the_rating_stays(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        let a001 = take(&b, None, "id-card-renewal").await;
        act(&b, None, 1, "open").await;
        act(&b, None, 1, "call_next").await;
        act(&b, None, 1, "finish").await;
        let words = json!({ "day": "2026-11-30", "level": "dissatisfied", "reason": "attitude", "text": "态度差", "service": "id-card-renewal" });
        assert_eq!(rate(&b, None, &a001, words).await.0, StatusCode::CREATED);
        let report = json!({ "service": "id-card-renewal", "what": "fees", "text": "收费不对" });
        assert_eq!(send(&b, None, "POST", "/api/v1/reports", Some(report)).await.0, StatusCode::CREATED);
        // A server starting 29 days on keeps them; one 31 days on erases the words alone.
        for (days, kept) in [(29, true), (31, false)] {
            let at = monday("09:00").checked_add(SignedDuration::from_hours(days * 24)).unwrap();
            let clock = std::sync::Arc::new(onestop::server::clock::ManualClock::new(at));
            let opts = ServerOptions { clock, ..ServerOptions::new(b.database.clone()) };
            onestop::server::start(&opts, "127.0.0.1:0").await.unwrap();
            let (rated, reported) = texts(&b.database).await;
            let expect = |t: &str| if kept { vec![Some(t.to_owned())] } else { vec![None] };
            assert_eq!((rated, reported), (expect("态度差"), expect("收费不对")), "{days} days on");
        }
        let reasons = column::<String>(&b.database, "SELECT reason FROM ratings WHERE number = $1", &["A001"]).await;
        assert_eq!(reasons, ["attitude"], "the rating itself stays for the statistics");
    }

    async fn a_booking_proves_its_own_ticket(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: false, ..o }).await;
        let code = book(&b, 7).await;
        b.clock.set(monday("09:40"));
        let body = json!({ "code": code, "phone_last4": "0007" });
        let (status, t) = send(&b, None, "POST", "/api/v1/halls/binjiang/checkins", Some(body)).await;
        assert_eq!(status, StatusCode::CREATED, "{t}");
        let number = t["number"].as_str().unwrap().to_owned();
        let walk_in = take(&b, None, "passport-application").await;
        act(&b, None, 7, "open").await;
        for _ in 0..2 {
            act(&b, None, 7, "call_next").await;
            act(&b, None, 7, "finish").await;
        }
        let proof = |digits: &str| json!({ "day": "2026-11-30", "level": "fairly_satisfied", "booking": code, "phone_last4": digits });
        assert_eq!(refusal(rate(&b, None, &number, proof("1234")).await).1, "not_found", "wrong digits");
        assert_eq!(refusal(rate(&b, None, &walk_in, proof("0007")).await).1, "not_found", "another ticket than the booking's");
        let digitless = json!({ "day": "2026-11-30", "level": "satisfied", "booking": code });
        assert_eq!(refusal(rate(&b, None, &number, digitless).await), invalid("phone_last4"));
        // The service is the booking's: no need to name it.
        let (status, r) = rate(&b, None, &number, proof("0007")).await;
        assert_eq!(status, StatusCode::CREATED, "{r}");
        assert_eq!((r["service"].as_str(), r["window"].as_u64()), (Some("passport-application"), Some(7)));
    }
}
