//! 评价 and 报告错误 through the real runtime loop and a real server on
//! loopback, on SQLite and on PostgreSQL, tokens required: a ticket is
//! taken, called and finished at a window; the kiosk (with its own token:
//! the citizen stands at it with the ticket in hand) rates it — a low level
//! goes on only with a reason — and the staff's ratings show it; a second
//! try is refused politely; a report sent from a guide is in the staff's list.

mod common;

use std::time::Duration;

use common::backend::{Backend, start_on};
use common::vt::Screen;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use futures_util::stream;
use jiff::Timestamp;
use onestop::client::ApiClient;
use onestop::domain::Lang;
use onestop::kiosk::{Msg, SessionConfig};
use onestop::runtime::{SessionSetup, run_session};
use onestop::server::{ServerOptions, store::Role};
use onestop::ui::Theme;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::sync::mpsc;

/// Monday 30 November 2026 at `hh_mm` in Shanghai.
fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

/// One kiosk session at Binjiang with its token, in English, at 80×24.
struct Kiosk {
    screen: Screen,
    keys: mpsc::UnboundedSender<Msg>,
}

impl Kiosk {
    fn start(url: &str, token: &str) -> Kiosk {
        let config = SessionConfig {
            kiosk: "kiosk-01".into(),
            hall: "binjiang".into(),
            lang: Lang::EnUs,
            ..SessionConfig::default()
        };
        let (screen, mut terminal) = Screen::new(80, 24);
        let (keys, rx) = mpsc::unbounded_channel();
        let input = Box::pin(stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
        let client = ApiClient::with_token(url, Duration::from_secs(5), Some(token));
        let setup = SessionSetup::new(config, Theme::standard(), client);
        tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
        Kiosk { screen, keys }
    }

    fn words(&self) -> String {
        self.screen.text().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    async fn wait_for(&self, text: &str) -> String {
        for _ in 0..500 {
            let words = self.words();
            if words.contains(text) {
                return words;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen.text());
    }

    fn key(&self, code: KeyCode) {
        self.keys.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))).unwrap();
    }

    fn chars(&self, s: &str) {
        s.chars().for_each(|c| self.key(KeyCode::Char(c)));
    }

    fn paste(&self, s: &str) {
        self.keys.send(Msg::Paste(s.into())).unwrap();
    }

    /// Welcome → 评价, the number typed, the first of queue A's services.
    async fn to_levels(&self, number: &str) {
        // The catalogue is here (the categories are named).
        self.wait_for("Household registration and ID").await;
        self.chars("3");
        self.wait_for("type the number printed on your ticket").await;
        self.paste(number);
        self.key(KeyCode::Enter);
        self.wait_for("which service did you come for?").await;
        self.chars("1"); // Resident ID card renewal
        self.wait_for("how satisfied are you with the service?").await;
    }
}

async fn send(
    b: &Backend,
    token: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let url = format!("{}{path}", b.url);
    let mut req = if method == "GET" { b.http.get(url) } else { b.http.post(url) };
    if let Some(body) = body {
        req = req.json(&body);
    }
    let resp = req.bearer_auth(token).send().await.unwrap();
    (resp.status(), resp.json().await.unwrap())
}

async fn at_window(b: &Backend, token: &str, action: &str) {
    let path = "/api/v1/halls/binjiang/windows/1/actions";
    let (status, done) = send(b, token, "POST", path, Some(json!({ "action": action }))).await;
    assert_eq!(status, StatusCode::OK, "{action}: {done}");
}

on_both_stores! {
    async fn a_finished_ticket_is_rated_once_at_the_kiosk(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
        let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let window = b.running.create_token(Role::Window, "binjiang", "window-1").await.unwrap();
        let staff = b.running.create_token(Role::Staff, "binjiang", "desk").await.unwrap();
        b.clock.set(monday("09:00"));
        let path = "/api/v1/halls/binjiang/tickets";
        let (status, t) = send(&b, &kiosk, "POST", path, Some(json!({ "service": "id-card-renewal" }))).await;
        assert_eq!(status, StatusCode::CREATED, "{t}");
        assert_eq!(t["number"], "A001");
        let k = Kiosk::start(&b.url, &kiosk);

        // Called, not finished: said so.
        at_window(&b, &window, "open").await;
        at_window(&b, &window, "call_next").await;
        k.to_levels("A001").await;
        k.chars("1");
        k.wait_for("This number is not finished at its window yet.").await;
        k.key(KeyCode::Enter);
        b.clock.set(monday("09:12"));
        at_window(&b, &window, "finish").await;

        // A low level asks the reason; there is no way on without one.
        k.to_levels("a001").await;
        k.chars("4");
        k.wait_for("What was the main problem? (choose one)").await;
        k.key(KeyCode::Enter); // the first reason
        k.wait_for("Anything else to tell us?").await;
        k.paste("waited long at the window");
        k.key(KeyCode::Enter);
        k.wait_for("The hall will follow up what you told us.").await;
        let ratings = "/api/v1/halls/binjiang/ratings?day=2026-11-30";
        let (status, day) = send(&b, &staff, "GET", ratings, None).await;
        assert_eq!(status, StatusCode::OK, "{day}");
        assert_eq!((day["count"].as_u64(), day["bad"].as_u64()), (Some(1), Some(1)), "{day}");
        let bad = &day["bad_ratings"][0];
        assert_eq!(
            (bad["number"].as_str(), bad["service"].as_str(), bad["window"].as_u64()),
            (Some("A001"), Some("id-card-renewal"), Some(1))
        );
        assert_eq!(
            (bad["level"].as_str(), bad["reason"].as_str(), bad["text"].as_str()),
            (Some("dissatisfied"), Some("slow"), Some("waited long at the window"))
        );

        // Once per visit: a second try is refused politely.
        k.key(KeyCode::Enter);
        k.to_levels("A001").await;
        k.chars("1");
        let words = k.wait_for("This visit has been rated already").await;
        assert!(!words.contains("already_rated"), "{words}");
        let (_, day) = send(&b, &staff, "GET", ratings, None).await;
        assert_eq!(day["count"].as_u64(), Some(1), "still one rating");
    }

    async fn a_report_from_a_guide_reaches_the_staff(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
        let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let staff = b.running.create_token(Role::Staff, "binjiang", "desk").await.unwrap();
        let k = Kiosk::start(&b.url, &kiosk);
        k.wait_for("Household registration and ID").await;
        k.chars("4"); // For individuals
        k.wait_for("Choose a category").await;
        k.chars("1");
        k.wait_for("Resident ID card renewal").await;
        k.key(KeyCode::Enter);
        k.wait_for("Report a mistake").await;
        k.chars("r");
        k.wait_for("what is wrong in the guide to").await;
        k.chars("2"); // fees
        k.wait_for("Tell us what is wrong").await;
        k.paste("the fee was changed last month");
        k.key(KeyCode::Enter);
        k.wait_for("The staff will check this guide and correct it.").await;
        k.key(KeyCode::Enter);
        k.wait_for("Report a mistake").await;
        let (status, reports) = send(&b, &staff, "GET", "/api/v1/reports", None).await;
        assert_eq!(status, StatusCode::OK, "{reports}");
        assert_eq!(reports["guides"], json!([{ "service": "id-card-renewal", "count": 1 }]));
        let latest = &reports["latest"][0];
        assert_eq!(
            (latest["what"].as_str(), latest["text"].as_str()),
            (Some("fees"), Some("the fee was changed last month"))
        );
    }
}
