//! The calling screen through the real runtime loop against a real server
//! on loopback, on SQLite and on PostgreSQL: a clerk's "call next" at a
//! window (window token, `POST …/windows/6/actions`) appears on the screen
//! in big letters and both sentences, a call again appears again, and the
//! waiting counts follow the kiosks' numbers.

mod common;

use std::time::Duration;

use common::backend::{Backend, start_on};
use common::vt::Screen;
use futures_util::stream;
use jiff::Timestamp;
use onestop::client::ApiClient;
use onestop::display::{DisplayConfig, Msg};
use onestop::domain::Lang;
use onestop::runtime::{display::DisplaySetup, run_session};
use onestop::server::{ServerOptions, store::Role};
use onestop::speech::{self, Settings};
use onestop::ui::Theme;
use serde_json::{Value, json};
use tokio::sync::mpsc;

/// Monday 30 November 2026 at `hh_mm` in Shanghai.
fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

struct Display {
    screen: Screen,
    _keys: mpsc::UnboundedSender<Msg>,
}

impl Display {
    /// The screen at 80×24 with no token: the routes it reads are public.
    fn start(url: &str, lang: Lang) -> Display {
        Display::with_speech(url, lang, None)
    }

    /// With `speech`, calls are spoken through it.
    fn with_speech(url: &str, lang: Lang, speech: Option<Settings>) -> Display {
        let speak = speech.is_some();
        let config = DisplayConfig { hall: "binjiang".into(), lang, speak, recent: 5, screen_reader: false };
        let client = ApiClient::with_token(url, Duration::from_secs(5), None);
        let (screen, mut terminal) = Screen::new(80, 24);
        let (keys, rx) = mpsc::unbounded_channel();
        let input = Box::pin(stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
        let mut setup = DisplaySetup::new(config, Theme::monochrome(), client);
        if let Some(settings) = speech {
            setup.speech = settings;
        }
        tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
        Display { screen, _keys: keys }
    }

    async fn wait_for(&self, text: &str) -> String {
        for _ in 0..1000 {
            let screen = self.screen.text();
            if screen.contains(text) {
                return screen;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen.text());
    }
}

async fn hall(kind: common::backend::StoreKind) -> (Backend, String, String) {
    let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
    b.clock.set(monday("09:00"));
    let window = b.running.create_token(Role::Window, "binjiang", "window-06").await.unwrap();
    let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
    (b, window, kiosk)
}

async fn take(b: &Backend, kiosk: &str, service: &str) -> String {
    let resp = b
        .http
        .post(format!("{}/api/v1/halls/binjiang/tickets", b.url))
        .bearer_auth(kiosk)
        .json(&json!({ "service": service }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    resp.json::<Value>().await.unwrap()["number"].as_str().unwrap().to_owned()
}

async fn act(b: &Backend, token: &str, action: &str) -> Value {
    let resp = b
        .http
        .post(format!("{}/api/v1/halls/binjiang/windows/6/actions", b.url))
        .bearer_auth(token)
        .json(&json!({ "action": action }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{action}");
    resp.json().await.unwrap()
}

on_both_stores! {
    async fn a_call_at_a_window_appears_on_the_calling_screen(kind) {
        let (b, window, kiosk) = hall(kind).await;
        assert_eq!(take(&b, &kiosk, "id-card-renewal").await, "A001");
        assert_eq!(take(&b, &kiosk, "id-card-renewal").await, "A002");
        let d = Display::start(&b.url, Lang::ZhCn);
        d.wait_for("已连接后台").await;
        d.wait_for("尚未叫号").await;
        d.wait_for("A 队列 2 人").await;
        act(&b, &window, "open").await;
        assert_eq!(act(&b, &window, "call_next").await["number"], "A001");
        let screen = d.wait_for("请 A001 号到 6 号窗口").await;
        assert!(screen.contains("A001 → Window 6"), "{screen}");
        // The big letters: a ▄/▀ block above the sentence.
        assert!(screen.contains('▀') && screen.contains('▄'), "{screen}");
        d.wait_for("A 队列 1 人").await;
        // The next call: A001 moves to the list of calls before.
        act(&b, &window, "no_show").await;
        assert_eq!(act(&b, &window, "call_next").await["number"], "A002");
        d.wait_for("请 A002 号到 6 号窗口").await;
        d.wait_for("A001 → 6 号窗口").await;
        // A call again shows again, counted.
        assert_eq!(act(&b, &window, "recall").await["calls"], 2);
        d.wait_for("重呼（第 2 次）").await;
    }
}

/// The call spoken through the real loop, espeak-ng and a "player" that
/// keeps the WAV stream it is fed: Mandarin and English, one stream of
/// speech, several seconds long.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_is_spoken_through_the_loop_into_the_player() {
    let (b, window, kiosk) = hall(common::backend::StoreKind::Sqlite).await;
    take(&b, &kiosk, "id-card-renewal").await;
    let espeak = speech::find_on_path("espeak-ng").expect("espeak-ng is missing: apt-get install espeak-ng");
    let out = b.dir.path().join("played.wav");
    let player = vec!["sh".into(), "-c".into(), format!("cat > '{}'", out.display())];
    let settings =
        Settings { espeak: espeak.display().to_string(), command: Some(player), ..Settings::default() };
    let d = Display::with_speech(&b.url, Lang::EnUs, Some(settings));
    d.wait_for("Connected to the backend").await;
    act(&b, &window, "open").await;
    act(&b, &window, "call_next").await;
    d.wait_for("A001 → Window 6").await;
    assert!(!d.screen.text().contains("Speech is off"), "{}", d.screen.text());
    // The player has the whole call once its file stops growing.
    let mut last = 0;
    for _ in 0..200 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let len = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        if len > 0 && len == last {
            break;
        }
        last = len;
    }
    let reader = hound::WavReader::open(&out).expect("the player was fed a WAV stream");
    let rate = f64::from(reader.spec().sample_rate);
    let samples: Vec<i16> = reader.into_samples::<i16>().map_while(Result::ok).collect();
    let secs = samples.len() as f64 / rate;
    // 请 A 0 2 3 号到 6 号窗口, then "Number A, 0 2 3, please go to window 6".
    assert!(secs > 3.0, "only {secs:.1} s spoken");
    let loud = samples.iter().filter(|s| s.unsigned_abs() > 1000).count();
    assert!(loud * 10 > samples.len(), "mostly silence");
}
