//! The staff screen against a real server on loopback, on SQLite and on
//! PostgreSQL, through the real runtime loop (issue 17): a finished ticket
//! rated 非常不满意 with its reason and a mistake reported in a guide are
//! what staff see on the Ratings, Reports and Charts pages, read with the
//! kiosk's `backend.staff_token`; a kiosk without one is told to set it.

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
use serde_json::{Value, json};
use tokio::sync::mpsc;

fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

async fn ok(b: &Backend, token: &str, path: &str, body: Value) -> Value {
    let resp = b.http.post(format!("{}{path}", b.url)).bearer_auth(token).json(&body).send().await.unwrap();
    let status = resp.status();
    let answer: Value = resp.json().await.unwrap();
    assert!(status.is_success(), "{path}: {answer}");
    answer
}

/// The argon2 hash of the PIN 2468, as `onestop config hash-pin` makes it.
fn pin_hash() -> String {
    use argon2::{Argon2, PasswordHasher, password_hash::SaltString};
    let salt = SaltString::encode_b64(b"staff-screen-tst").unwrap();
    Argon2::default().hash_password(b"2468", &salt).unwrap().to_string()
}

/// One kiosk session on the server, in English, at 80×24.
struct Kiosk {
    screen: Screen,
    keys: mpsc::UnboundedSender<Msg>,
}

impl Kiosk {
    fn start(url: &str, kiosk_token: &str, staff_token: Option<String>) -> Kiosk {
        let config = SessionConfig {
            kiosk: "staff-test".into(),
            hall: "binjiang".into(),
            lang: Lang::EnUs,
            pin_hash: Some(pin_hash()),
            ..SessionConfig::default()
        };
        let (screen, mut terminal) = Screen::new(80, 24);
        let (keys, rx) = mpsc::unbounded_channel();
        let input = Box::pin(stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
        let client = ApiClient::with_token(url, Duration::from_secs(5), Some(kiosk_token));
        let mut setup = SessionSetup::new(config, Theme::standard(), client);
        setup.staff_token = staff_token;
        tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
        Kiosk { screen, keys }
    }

    /// The screen's words, wrapped lines joined.
    fn words(&self) -> String {
        self.screen.text().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    async fn wait_for(&self, text: &str) -> String {
        for _ in 0..1000 {
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

    /// The chord, the PIN, and the staff screen's facts.
    async fn open_staff_screen(&self) {
        self.wait_for("Household registration and ID").await;
        let chord = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL | KeyModifiers::ALT);
        self.keys.send(Msg::Key(chord)).unwrap();
        self.wait_for("Staff: enter the PIN").await;
        self.keys.send(Msg::Paste("2468".into())).unwrap();
        self.key(KeyCode::Enter);
        self.wait_for("Reload configuration").await;
    }
}

on_both_stores! {
    async fn a_rating_and_a_report_made_today_are_on_the_staff_screen(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
        let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let window = b.running.create_token(Role::Window, "binjiang", "window-1").await.unwrap();
        let staff = b.running.create_token(Role::Staff, "binjiang", "desk").await.unwrap();
        // A001 taken at 09:00, served at window 2 from 09:30 to 09:40, then rated.
        b.clock.set(monday("09:00"));
        ok(&b, &kiosk, "/api/v1/halls/binjiang/tickets", json!({ "service": "id-card-renewal" })).await;
        b.clock.set(monday("09:30"));
        let at = "/api/v1/halls/binjiang/windows/2/actions";
        for action in ["open", "call_next", "start"] {
            ok(&b, &window, at, json!({ "action": action })).await;
        }
        b.clock.set(monday("09:40"));
        ok(&b, &window, at, json!({ "action": "finish" })).await;
        let rating = json!({ "day": "2026-11-30", "level": "very_dissatisfied", "reason": "asked_again", "text": "户口簿交了两次", "service": "id-card-renewal" });
        ok(&b, &kiosk, "/api/v1/halls/binjiang/tickets/A001/rating", rating).await;
        let report = json!({ "service": "passport-application", "what": "fees", "text": "费用写错了" });
        ok(&b, &kiosk, "/api/v1/reports", report).await;

        let k = Kiosk::start(&b.url, &kiosk, Some(staff.clone()));
        k.open_staff_screen().await;
        k.key(KeyCode::Right);
        let words = k.wait_for("1 rating, 1 of them bad").await;
        for said in [
            "30 Nov 2026",
            "09:40 number A001 · window 2 · Resident ID card renewal · very dissatisfied · reason: asked for materials again",
            "in their words: \"户口簿交了两次\"",
            "Window 2: 1 rating, 1 bad (100.0%)",
        ] {
            assert!(words.contains(said), "{said:?} in {words}");
        }
        k.key(KeyCode::Right);
        let words = k.wait_for("1 report of a mistake, about 1 service guide").await;
        assert!(words.contains("Passport application or renewal · fees are wrong · in their words: \"费用写错了\""), "{words}");
        k.key(KeyCode::Right);
        let words = k.wait_for("09:00 1 ticket").await;
        assert!(words.contains("Tickets issued per hour"), "{words}");
        // Further down the charts: the wait, from the number to the window (30 minutes).
        let wait = "mean wait 30 min (1 issued, 1 served)";
        for _ in 0..30 {
            if k.words().contains(wait) {
                break;
            }
            k.key(KeyCode::Down);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        k.wait_for(wait).await;
        // Leaving the staff screen, none of it stays on the kiosk's screen.
        k.key(KeyCode::Home);
        let words = k.wait_for("What would you like to do?").await;
        assert!(!words.contains("户口簿交了两次") && !words.contains("A001"), "{words}");

        // A kiosk with no staff token set is told what to do instead.
        let bare = Kiosk::start(&b.url, &kiosk, None);
        bare.open_staff_screen().await;
        bare.key(KeyCode::Right);
        let words = bare.wait_for("this kiosk has none").await;
        assert!(words.contains("backend.staff_token") && !words.contains("A001"), "{words}");
    }
}
