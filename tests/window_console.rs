//! The clerk's console through the real runtime loop against a real server
//! on loopback, on SQLite and on PostgreSQL: keys in, frames out, the
//! window's token on every action, the hall's event stream followed. What
//! the console shows after each action is what the server then holds.

mod common;

use std::time::Duration;

use common::backend::{Backend, start_on};
use common::vt::Screen;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use futures_util::stream;
use jiff::{SignedDuration, Timestamp};
use onestop::client::ApiClient;
use onestop::domain::Lang;
use onestop::runtime::{run_session, window::WindowSetup};
use onestop::server::{ServerOptions, store::Role};
use onestop::ui::Theme;
use onestop::window::{Msg, WindowConfig};
use serde_json::{Value, json};
use tokio::sync::mpsc;

/// Monday 30 November 2026 at `hh:mm` in Shanghai.
fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

struct Console {
    screen: Screen,
    keys: mpsc::UnboundedSender<Msg>,
}

impl Console {
    fn start(url: &str, token: &str, window: u16, lang: Lang) -> Console {
        Console::at("binjiang", url, token, window, lang)
    }

    fn at(hall: &str, url: &str, token: &str, window: u16, lang: Lang) -> Console {
        let config = WindowConfig {
            hall: hall.into(),
            window,
            lang,
            token_name: format!("window-{window:02}"),
            screen_reader: false,
        };
        let client = ApiClient::with_token(url, Duration::from_secs(5), Some(token));
        let (screen, mut terminal) = Screen::new(80, 24);
        let (keys, rx) = mpsc::unbounded_channel();
        let input = Box::pin(stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
        let setup = WindowSetup::new(config, Theme::monochrome(), client);
        tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
        Console { screen, keys }
    }

    async fn wait_for(&self, text: &str) -> String {
        for _ in 0..3000 {
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

    fn press(&self, c: char) {
        self.key(KeyCode::Char(c));
    }
}

/// A server that requires tokens, at 09:00 on Monday, and a window token
/// for window 6 (which calls queues A and B) and a kiosk token.
async fn hall(kind: common::backend::StoreKind) -> (Backend, String, String) {
    let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
    b.clock.set(monday("09:00"));
    let window = b.running.create_token(Role::Window, "binjiang", "window-06").await.unwrap();
    let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
    (b, window, kiosk)
}

/// Takes a number at the kiosk: its number.
async fn take(b: &Backend, kiosk: &str, service: &str, group: Option<&str>) -> String {
    let mut body = json!({ "service": service });
    if let Some(g) = group {
        body["priority_group"] = json!(g);
    }
    let resp = b
        .http
        .post(format!("{}/api/v1/halls/binjiang/tickets", b.url))
        .bearer_auth(kiosk)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    resp.json::<Value>().await.unwrap()["number"].as_str().unwrap().to_owned()
}

/// Window 6 as the server holds it now.
async fn window_six(b: &Backend) -> Value {
    let q: Value = b
        .http
        .get(format!("{}/api/v1/halls/binjiang/queues", b.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    q["windows"].as_array().unwrap().iter().find(|w| w["number"] == 6).unwrap().clone()
}

on_both_stores! {
    async fn a_clerk_calls_misses_puts_back_serves_and_transfers(kind) {
        let (b, window, kiosk) = hall(kind).await;
        let a = take(&b, &kiosk, "id-card-renewal", None).await;
        let p = take(&b, &kiosk, "passport-application", Some("senior-70")).await;
        assert_eq!((a.as_str(), p.as_str()), ("A001", "B001"));
        let c = Console::start(&b.url, &window, 6, Lang::EnUs);
        c.wait_for("Connected to the backend").await;
        c.wait_for("Binjiang Citizen Service Centre · window 6").await;
        // Calling order: the priority ticket first, across both queues.
        c.wait_for("B001 A001").await;
        c.wait_for("A: 1  B: 1").await;
        c.press('n');
        c.wait_for("The window is paused: press P to open it").await;
        c.press('p');
        c.wait_for("The window is open").await;
        c.wait_for("[P Pause]").await;
        c.press('n');
        c.wait_for("Called B001.").await;
        let screen = c.wait_for("Priority (People aged 70 and over: please check)").await;
        assert!(screen.contains("called once, on the way"), "{screen}");
        assert_eq!(window_six(&b).await["ticket"]["number"], "B001");
        c.press('r');
        c.wait_for("Called B001 again (call 2).").await;
        c.wait_for("called 2 times").await;
        // Not come: missed, and listed with the minutes left to put it back.
        c.press('x');
        c.wait_for("B001 is missed").await;
        c.wait_for("B001 (30 min left)").await;
        assert_eq!(window_six(&b).await["missed"], json!([{ "number": "B001", "seconds_left": 1800 }]));
        // The citizen comes back: chosen from the list, it waits again.
        c.press('b');
        c.wait_for("Which missed ticket to put back").await;
        c.press('1');
        c.wait_for("B001 is waiting again.").await;
        c.press('n');
        c.wait_for("Called B001.").await;
        c.press('n');
        c.wait_for("A ticket is still in hand").await;
        c.press('s');
        c.wait_for("Serving B001.").await;
        c.wait_for("being served").await;
        b.clock.advance(SignedDuration::from_mins(5));
        c.press('f');
        c.wait_for("B001 is finished.").await;
        c.wait_for("Today at this window: 1 served, 5 min 0 s each on average").await;
        let six = window_six(&b).await;
        assert_eq!((six["served_today"].as_u64(), six["mean_service_seconds"].as_u64()), (Some(1), Some(300)));
        // A ticket taken at the kiosk meanwhile arrives through the event stream.
        let a2 = take(&b, &kiosk, "id-card-renewal", None).await;
        c.wait_for(&format!("A001 {a2}")).await;
        // Transferred to queue B (the first other queue of the hall).
        // T at once after N, as a quick clerk does: the list waits for the
        // call and the read after it, and opens with the ticket in hand.
        c.press('n');
        c.press('t');
        c.wait_for("Which queue to transfer to").await;
        c.wait_for("1. B Exit and entry").await;
        c.key(KeyCode::Enter);
        c.wait_for("A001 transferred to queue B.").await;
        let t: Value = b.http.get(format!("{}/api/v1/halls/binjiang/tickets/A001", b.url)).send().await.unwrap().json().await.unwrap();
        assert_eq!((t["queue"].as_str(), t["state"].as_str()), (Some("B"), Some("waiting")));
        // Paused: nothing new is called.
        c.press('p');
        c.wait_for("The window is paused: no new numbers").await;
        c.press('n');
        c.wait_for("The window is paused: press P to open it").await;
        assert_eq!(window_six(&b).await["open"], false);
    }

    async fn nothing_to_call_is_a_sentence_in_chinese(kind) {
        let (b, window, _) = hall(kind).await;
        let c = Console::start(&b.url, &window, 6, Lang::ZhCn);
        c.wait_for("已连接后台").await;
        c.press('p');
        c.wait_for("窗口已开放").await;
        c.press('n');
        c.wait_for("没有可叫的号码：本窗口的队列无人等候。").await;
        c.press('f');
        c.wait_for("手上没有号码：先按 N 叫号。").await;
    }

    async fn a_kiosk_token_is_refused_and_the_console_says_how_to_make_one(kind) {
        let (b, _, kiosk) = hall(kind).await;
        let c = Console::start(&b.url, &kiosk, 6, Lang::EnUs);
        c.wait_for("This token is not a window token of this hall").await;
        c.wait_for("onestop token create --role window --hall binjiang --name window-06").await;
        let unknown = Console::start(&b.url, "onestop_notarealtokenatallxxxxxxxxxxxx", 6, Lang::ZhCn);
        unknown.wait_for("后台不认识此窗口的令牌").await;
        unknown.wait_for("backend.token").await;
        // A hall the backend lacks is named, with the halls it has.
        let elsewhere = Console::at("nowhere", &b.url, &kiosk, 6, Lang::EnUs);
        elsewhere.wait_for("The backend has no hall nowhere: name this hall with --hall or window.hall").await;
        elsewhere.wait_for("binjiang, chengbei, tianshan").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_document_describes_what_a_window_is_told() {
    let b = common::backend::start(|o| o).await;
    let doc: Value =
        b.http.get(format!("{}/openapi.json", b.url)).send().await.unwrap().json().await.unwrap();
    let schemas = &doc["components"]["schemas"];
    let window = &schemas["WindowView"]["properties"];
    for field in ["ticket", "waiting", "missed", "served_today", "mean_service_seconds"] {
        assert!(window.get(field).is_some(), "WindowView.{field} is documented: {window}");
    }
    let in_hand = &schemas["InHandView"]["properties"];
    for field in ["number", "queue", "lane", "priority_group", "state", "calls", "since"] {
        assert!(in_hand.get(field).is_some(), "InHandView.{field} is documented: {in_hand}");
    }
    assert_eq!(schemas["MissedView"]["required"], json!(["number", "seconds_left"]));
    // And the server answers as documented: every window carries them.
    let q: Value = b
        .http
        .get(format!("{}/api/v1/halls/binjiang/queues", b.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let w = &q["windows"][0];
    assert_eq!((&w["waiting"], &w["missed"], &w["served_today"]), (&json!([]), &json!([]), &json!(0)));
}
