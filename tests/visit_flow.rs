//! The hall visit through the real runtime loop and a real server on
//! loopback, on SQLite and on PostgreSQL, the server's clock in the test's
//! hand: taking a number (and following it on the phone page), checking a
//! booking in, and each refusal the server gives, as the sentence the
//! citizen reads.

mod common;

use std::time::Duration;

use common::backend::{Backend, id_number, phone, start_on};
use common::vt::Screen;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use futures_util::stream;
use jiff::Timestamp;
use onestop::client::ApiClient;
use onestop::domain::{Booking, Hold, Lang, Slots};
use onestop::kiosk::{Msg, SessionConfig};
use onestop::runtime::{SessionSetup, run_session};
use onestop::ui::Theme;
use reqwest::StatusCode;
use serde_json::json;
use tokio::sync::mpsc;

/// Monday 30 November 2026 at `hh_mm` in Shanghai.
fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

/// One kiosk session on the server, in English, at 80×24.
struct Kiosk {
    screen: Screen,
    keys: mpsc::UnboundedSender<Msg>,
}

impl Kiosk {
    fn start(url: &str, hall: &str) -> Kiosk {
        let config = SessionConfig {
            kiosk: "visit-test".into(),
            hall: hall.into(),
            lang: Lang::EnUs,
            ..SessionConfig::default()
        };
        let (screen, mut terminal) = Screen::new(80, 24);
        let (keys, rx) = mpsc::unbounded_channel();
        let input = Box::pin(stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
        let setup = SessionSetup::new(config, Theme::standard(), ApiClient::new(url, Duration::from_secs(5)));
        tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
        Kiosk { screen, keys }
    }

    /// The screen's words, wrapped sentences joined: the QR code and the
    /// big letters beside them (block characters alone) left out.
    fn words(&self) -> String {
        let text = self.screen.text();
        let words = text.split_whitespace().filter(|w| !w.chars().all(|c| matches!(c, '▀' | '▄' | '█')));
        words.collect::<Vec<_>>().join(" ")
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

    /// Welcome → 取号 → 个人办事 › 户籍与身份证 › the first service (ID card renewal).
    async fn to_priority_question(&self) {
        self.wait_for("Household registration and ID").await;
        self.chars("1");
        self.wait_for("how would you like to find the service?").await;
        self.chars("1");
        self.wait_for("Choose a category").await;
        self.chars("1");
        self.wait_for("Resident ID card renewal").await;
        self.key(KeyCode::Enter);
        self.wait_for("Are you in one of these groups? Staff check at the window.").await;
    }

    /// Welcome → 预约签到, the code and the digits typed, Enter.
    async fn check_in(&self, code: &str, last4: &str) {
        self.wait_for("Household registration and ID").await;
        self.chars("2");
        self.wait_for("Check in: enter your confirmation code").await;
        self.keys.send(Msg::Paste(code.into())).unwrap();
        self.key(KeyCode::Tab);
        self.keys.send(Msg::Paste(last4.into())).unwrap();
        self.key(KeyCode::Enter);
    }

    /// Back to the start (the form's Esc, or the ticket's).
    async fn leave(&self) {
        self.key(KeyCode::Esc);
        self.wait_for("What would you like to do?").await;
    }
}

/// Books the passport slot at `hh_mm` on Monday at Binjiang for person `n`.
async fn book(b: &Backend, hh_mm: &str, n: u32) -> Booking {
    let url = format!("{}/api/v1/halls/binjiang/slots?service=passport-application&date=2026-11-30", b.url);
    let slots: Slots = b.http.get(url).send().await.unwrap().json().await.unwrap();
    let slot = slots.slots.iter().find(|s| s.local_start == hh_mm).expect("the slot is offered");
    let body = json!({ "hall": "binjiang", "service": "passport-application", "start": slot.start });
    let hold: Hold = b
        .http
        .post(format!("{}/api/v1/holds", b.url))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let body = json!({ "hold": hold.id, "name": "王秀英", "phone": phone(n), "id_kind": "resident_id", "id_number": id_number(n) });
    let resp = b
        .http
        .post(format!("{}/api/v1/bookings", b.url))
        .header("Idempotency-Key", format!("visit-flow-{n:04}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    resp.json().await.unwrap()
}

fn last4(n: u32) -> String {
    let p = phone(n);
    p[p.len() - 4..].to_owned()
}

on_both_stores! {
    async fn a_number_is_taken_shown_and_followed_on_the_phone(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("10:00"));
        let k = Kiosk::start(&b.url, "binjiang");
        k.to_priority_question().await;
        k.key(KeyCode::Enter); // no
        let words = k.wait_for("Your number: A001, Household registration and ID cards").await;
        for said in [
            "Here is your number. Please watch for it to be called.",
            "No one is ahead of you",
            // No window has opened yet today: honestly, nobody can say.
            "Estimated wait: cannot say now (no window open)",
            "Called at windows 1, 2, 3, 4, 5, 6",
        ] {
            assert!(words.contains(said), "{said} in {words}");
        }
        // The phone page follows this ticket.
        k.chars("p");
        k.wait_for("Scan to follow A001 on your phone").await;
        let words = k.wait_for("http://").await;
        let link = words.split(' ').find(|w| w.starts_with("http://")).expect("the link printed").to_owned();
        let page = b.http.get(&link).send().await.unwrap();
        let status = page.status();
        let page = page.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{link}: {page}");
        assert!(page.contains("A001"), "the page shows the ticket: {page}");
        let stored: Vec<String> =
            common::backend::column(&b.database, "SELECT ticket_number FROM handoffs WHERE ticket_number = $1", &["A001"]).await;
        assert_eq!(stored, vec!["A001".to_owned()]);

        // The next citizen, in a priority group: a number behind no one ordinary.
        k.key(KeyCode::Esc);
        k.leave().await;
        k.to_priority_question().await;
        k.chars("2"); // People aged 70 and over
        let words = k.wait_for("Your number: A002").await;
        assert!(words.contains("Priority: show your proof to the staff at the window"), "{words}");
        let (status, t) = {
            let resp = b.http.get(format!("{}/api/v1/halls/binjiang/tickets/A002", b.url)).send().await.unwrap();
            (resp.status(), resp.json::<serde_json::Value>().await.unwrap())
        };
        assert_eq!((status, t["lane"].as_str(), t["priority_group"].as_str()), (StatusCode::OK, Some("priority"), Some("senior-70")));
    }

    async fn each_refusal_to_give_a_number_is_said_in_its_own_sentence(kind) {
        let b = start_on(kind, |o| o).await;
        let k = Kiosk::start(&b.url, "binjiang");
        for (at, said) in [
            (monday("08:00"), "Numbers are not given yet: today they are given from 09:00."),
            (monday("16:30"), "Today's numbers are no longer given (they were given until 16:30)."),
            // Saturday 5 December: the hall is closed.
            ("2026-12-05T02:00:00Z".parse().unwrap(), "The hall is closed today: no numbers are given."),
        ] {
            b.clock.set(at);
            k.to_priority_question().await;
            k.key(KeyCode::Enter);
            let words = k.wait_for(said).await;
            assert!(words.contains("No number was given") && !words.contains("before_hours"), "{words}");
            k.key(KeyCode::Home);
            k.wait_for("What would you like to do?").await;
        }
        let issued: Vec<i64> = common::backend::column(&b.database, "SELECT COUNT(*) FROM tickets WHERE hall = $1", &["binjiang"]).await;
        assert_eq!(issued, vec![0], "no number was given");
    }

    async fn a_booking_is_checked_in_at_the_kiosk_and_each_refusal_is_its_own_sentence(kind) {
        let b = start_on(kind, |o| o).await;
        let on_time = book(&b, "10:00", 1).await;
        let cancelled = book(&b, "10:00", 2).await;
        let resp = b
            .http
            .post(format!("{}/api/v1/bookings/{}/cancel", b.url, cancelled.code))
            .json(&json!({ "phone_last4": last4(2) }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let k = Kiosk::start(&b.url, "binjiang");

        b.clock.set(monday("09:00"));
        k.check_in(&on_time.code, &last4(1)).await;
        k.wait_for("It is too early to check in: check-in opens at 09:30 on 2026-11-30.").await;
        k.leave().await;
        k.check_in(&on_time.code, "0000").await;
        k.wait_for("The confirmation code or the last 4 digits are wrong.").await;
        k.leave().await;
        k.check_in(&cancelled.code, &last4(2)).await;
        k.wait_for("This booking was cancelled and cannot be checked in.").await;
        k.leave().await;
        // At another hall's kiosk: which hall it is booked at.
        let elsewhere = Kiosk::start(&b.url, "chengbei");
        elsewhere.check_in(&on_time.code, &last4(1)).await;
        elsewhere.wait_for("This booking is at another hall: Binjiang Citizen Service Centre").await;

        b.clock.set(monday("09:45"));
        k.check_in(&on_time.code.to_lowercase(), &last4(1)).await;
        let words = k.wait_for("Checked in: you are called before walk-in numbers").await;
        assert!(words.contains("Your number: B001, Exit and entry"), "{words}");
        k.leave().await;
        k.chars("2");
        k.wait_for("Check in: enter your confirmation code").await;
        assert!(!k.words().contains(&on_time.code), "the digits and the code were forgotten");
        k.leave().await;
        k.check_in(&on_time.code, &last4(1)).await;
        k.wait_for("This booking was checked in already: its number is B001.").await;
        k.leave().await;

        // Five wrong tries at one booking lock it: the kiosk says for how long.
        let guessed = book(&b, "10:30", 4).await;
        for _ in 0..5 {
            k.check_in(&guessed.code, "0000").await;
            k.wait_for("The confirmation code or the last 4 digits are wrong.").await;
            k.leave().await;
        }
        k.check_in(&guessed.code, &last4(4)).await;
        k.wait_for("Too many wrong tries for this booking. For your safety, please try again in 15 minutes").await;
        k.leave().await;

        let late = book(&b, "10:30", 3).await;
        b.clock.set(monday("10:50"));
        k.check_in(&late.code, &last4(3)).await;
        k.wait_for("It is too late to check in: the time slot ended at 10:45 on 2026-11-30.").await;
    }
}
