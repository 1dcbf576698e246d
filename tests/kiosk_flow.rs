//! A whole booking through the real runtime loop and the real server: keys
//! in, frames out (TestBackend), HTTP on loopback, on SQLite and on PostgreSQL.

mod common;

use std::time::Duration;

use common::backend::{Backend, StoreKind};
use common::vt::Screen;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use futures_util::stream;
use onestop::client::ApiClient;
use onestop::domain::Lang;
use onestop::kiosk::{Msg, SessionConfig};
use onestop::runtime::{SessionSetup, run_session};
use onestop::ui::Theme;
use tokio::sync::mpsc;

struct Session {
    screen: Screen,
    keys: mpsc::UnboundedSender<Msg>,
    url: String,
    _backend: Backend,
}

impl Session {
    async fn start(kind: StoreKind, lang: Lang) -> Session {
        let config = SessionConfig { kiosk: "flow-test".into(), lang, ..SessionConfig::default() };
        Session::start_with(kind, config).await
    }

    /// A session on a server whose clock says Monday 30 November 2026,
    /// 08:00 in the hall: the whole day is bookable.
    async fn start_with(kind: StoreKind, config: SessionConfig) -> Session {
        let backend = common::backend::start_on(kind, |o| o).await;
        let url = backend.url.clone();
        let (screen, mut terminal) = Screen::new(80, 24);
        let (keys, rx) = mpsc::unbounded_channel();
        let input = Box::pin(stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
        let setup =
            SessionSetup::new(config, Theme::standard(), ApiClient::new(&url, Duration::from_secs(5)));
        tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
        Session { screen, keys, url, _backend: backend }
    }

    async fn wait_for(&self, text: &str) -> String {
        for _ in 0..500 {
            let screen = self.screen.text();
            if screen.contains(text) {
                return screen;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen.text());
    }

    fn key(&self, code: KeyCode) {
        self.keys.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))).unwrap();
    }

    /// From the start screen (English) to the details page of the first
    /// service's booking, holding time slot `slot` on Monday 30 November.
    async fn to_details_in_english(&self, slot: char) {
        self.wait_for("Household registration and ID").await;
        self.chars(&format!("{}1", common::personal_key()));
        self.key(KeyCode::Enter);
        self.wait_for("Required materials").await;
        self.key(KeyCode::Enter);
        self.chars("1");
        self.wait_for("Mon 30 Nov").await;
        self.chars("1");
        self.wait_for("09:00").await;
        self.key(KeyCode::Char(slot));
        self.wait_for("Your place is kept").await;
    }

    fn chars(&self, s: &str) {
        s.chars().for_each(|c| self.key(KeyCode::Char(c)));
    }
}

on_both_stores! {
    async fn a_citizen_books_an_appointment_and_gets_a_code(kind) {
        let k = Session::start(kind, Lang::ZhCn).await;
        k.wait_for("户籍与身份证").await;
        k.chars(&format!("{}1", common::personal_key())); // 个人办事 › 户籍与身份证
        k.wait_for("居民身份证换领").await;
        k.key(KeyCode::Enter); // open the guide
        k.wait_for("申请材料").await;
        k.key(KeyCode::Enter); // book
        k.wait_for("您想在哪个大厅办理").await;
        k.chars("1");
        k.wait_for("11月30日（星期一）").await;
        k.chars("1");
        k.wait_for("09:00").await;
        k.chars("1"); // the first slot: held on the server
        k.wait_for("名额已为您保留").await;
        k.chars("张三"); // IME text arrives as characters
        k.key(KeyCode::Tab);
        k.chars("13812345678");
        k.key(KeyCode::Tab);
        k.key(KeyCode::Tab);
        k.chars("11010519491231002x");
        k.key(KeyCode::Enter);
        k.wait_for("请核对预约信息").await;
        k.key(KeyCode::Enter);
        let screen = k.wait_for("预约成功").await;
        let code: String = screen
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("预约码："))
            .expect("the code is shown")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        assert_eq!(code.len(), 8, "{screen}");
        assert!(screen.contains("居民户口簿"), "the checklist to bring is shown");
        // The booking is real: the server finds it with the phone's last digits.
        let found = ApiClient::new(&k.url, Duration::from_secs(5)).find_booking(&code, "5678").await.unwrap();
        assert_eq!((found.local_start.as_str(), found.date.as_str()), ("09:00", "2026-11-30"));
        k.key(KeyCode::Char('q'));
    }

    async fn my_appointment_finds_and_cancels_a_booking_in_english(kind) {
        let k = Session::start(kind, Lang::EnUs).await;
        // Book first, through the same screens, in English this time.
        k.to_details_in_english('2').await;
        k.chars("Li Lei");
        k.key(KeyCode::Tab);
        k.chars("13900001111");
        k.key(KeyCode::Tab);
        k.key(KeyCode::Left); // passport: the last kind, ← wraps round to it
        k.key(KeyCode::Tab);
        k.chars("E12345678");
        k.key(KeyCode::Enter);
        k.wait_for("Check your answers").await;
        k.key(KeyCode::Enter);
        let screen = k.wait_for("You are booked").await;
        let code: String = screen
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("Confirmation code: "))
            .unwrap()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        k.key(KeyCode::Home);
        k.chars(&common::welcome_char(onestop::kiosk::screen::WelcomeItem::MyBooking).to_string()); // My appointment
        k.wait_for("Enter your confirmation code").await;
        k.chars(&code.to_lowercase());
        k.key(KeyCode::Tab);
        k.chars("1111");
        k.key(KeyCode::Enter);
        k.wait_for("This booking is active").await;
        k.key(KeyCode::Enter);
        k.wait_for("Cancel it?").await;
        k.chars("2");
        k.wait_for("This booking is cancelled").await;
        k.wait_for("its place is free for others").await;
    }

    async fn a_session_left_alone_resets_and_gives_its_held_place_back(kind) {
        // Short timings for the test; real kiosks wait minutes.
        let config = SessionConfig {
            lang: Lang::EnUs,
            idle_timeout_ms: 3_000,
            idle_warning_ms: 1_500,
            ..SessionConfig::default()
        };
        let k = Session::start_with(kind, config).await;
        k.to_details_in_english('1').await;
        k.chars("Li Lei");
        let client = ApiClient::new(&k.url, Duration::from_secs(5));
        let taken = || async {
            let slot = client.slots("binjiang", "id-card-renewal", "2026-11-30").await.unwrap().slots[0].clone();
            slot.capacity - slot.remaining
        };
        assert_eq!(taken().await, 1, "one place held");
        k.wait_for("To protect your privacy").await;
        k.wait_for("What would you like to do?").await;
        assert!(!k.screen.text().contains("Li Lei"));
        for _ in 0..100 {
            if taken().await == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("the hold was not released");
    }

    async fn a_whole_booking_in_screen_reader_mode_with_the_keyboard_alone(kind) {
        let config = SessionConfig { lang: Lang::EnUs, screen_reader: true, ..SessionConfig::default() };
        let k = Session::start_with(kind, config).await;
        k.wait_for("Household registration and ID").await;
        for (keys, expect) in [(common::personal_key().as_str(), "Choose a category"), ("1", "Resident ID card renewal")] {
            k.chars(keys);
            k.wait_for(expect).await;
        }
        k.key(KeyCode::Enter);
        k.wait_for("Required materials").await;
        k.key(KeyCode::Enter);
        k.wait_for("Which hall").await;
        k.key(KeyCode::Enter);
        k.wait_for("Mon 30 Nov").await;
        k.key(KeyCode::Enter);
        k.wait_for("09:00").await;
        k.key(KeyCode::Enter);
        k.wait_for("Your place is kept").await;
        // Continue with nothing typed: the errors are said in words.
        for _ in 0..4 {
            k.key(KeyCode::Enter);
        }
        k.wait_for("Error: enter your name").await;
        k.chars("Li Lei");
        k.key(KeyCode::Tab);
        k.chars("13900001111");
        k.key(KeyCode::Tab);
        k.key(KeyCode::Tab);
        k.chars("11010519491231002X");
        k.key(KeyCode::Enter);
        k.wait_for("Check your answers").await;
        k.key(KeyCode::Enter);
        let screen = k.wait_for("You are booked").await;
        assert!(screen.contains("Confirmation code: "));
    }
}
