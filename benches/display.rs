//! From "call next" at a window to the calling screen's frame that shows
//! the call: a server started in-process on SQLite over real HTTP on
//! loopback, the display on the real runtime loop (`run_session`) with its
//! real executor (queues read, the hall's event stream followed), drawing
//! into an in-memory terminal (a vt100 parser). The clock stops when the
//! frame holding "请 A023 号到 6 号窗口" has been written: the window's
//! request, the event, the display's read of the queues and its redraw.
//!
//! Run: cargo bench --bench display
//!
//! Measured 2026-12-02 on the shared 2-core machine with other builds
//! running (read the shape, not the absolute numbers), one run of 200
//! calls: p50 4.9 ms, p99 40.6 ms, max 65.4 ms. The p99 is a citizen's
//! blink: the call is on the screen long before the clerk looks up.

use std::{
    io::{self, Write},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use futures_util::stream;
use onestop::client::ApiClient;
use onestop::display::DisplayConfig;
use onestop::domain::Lang;
use onestop::runtime::{display::DisplaySetup, run_session};
use onestop::server::{self, Database, ServerOptions, clock::ManualClock};
use onestop::ui::Theme;
use ratatui::{Terminal, TerminalOptions, Viewport, backend::CrosstermBackend, layout::Rect};
use serde_json::{Value, json};

const CALLS: usize = 200;
/// Monday 30 November 2026, 10:00 in Shanghai: Binjiang gives numbers.
const NOW: &str = "2026-11-30T02:00:00Z";

/// The screen in memory, and when it first showed the text awaited.
#[derive(Clone, Default)]
struct Watched(Arc<Mutex<Inner>>);

struct Inner {
    parser: vt100::Parser,
    awaited: Option<String>,
    seen: Option<Instant>,
}

impl Default for Inner {
    fn default() -> Inner {
        Inner { parser: vt100::Parser::new(24, 80, 0), awaited: None, seen: None }
    }
}

impl Write for Watched {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().parser.process(buf);
        Ok(buf.len())
    }
    /// A frame ends with a flush: only then is it on the screen.
    fn flush(&mut self) -> io::Result<()> {
        let mut inner = self.0.lock().unwrap();
        if inner.seen.is_none()
            && let Some(text) = &inner.awaited
            && inner.parser.screen().contents().contains(text.as_str())
        {
            inner.seen = Some(Instant::now());
        }
        Ok(())
    }
}

impl Watched {
    fn await_text(&self, text: String) {
        let mut inner = self.0.lock().unwrap();
        inner.awaited = Some(text);
        inner.seen = None;
    }

    fn seen(&self) -> Option<Instant> {
        self.0.lock().unwrap().seen
    }
}

async fn post(http: &reqwest::Client, url: &str, body: Value) -> Value {
    let resp = http.post(url).json(&body).send().await.unwrap();
    assert!(resp.status().is_success(), "{url}: {}", resp.status());
    resp.json().await.unwrap()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1).min(sorted.len() - 1)]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(NOW.parse().unwrap()));
    let database = Database::Sqlite(dir.path().join("onestop.db"));
    let opts = ServerOptions { clock, ..ServerOptions::new(database) };
    let running = server::start(&opts, "127.0.0.1:0").await.unwrap();
    let url = running.url();
    let http = reqwest::Client::new();
    for _ in 0..CALLS {
        post(&http, &format!("{url}/api/v1/halls/binjiang/tickets"), json!({ "service": "id-card-renewal" }))
            .await;
    }
    let actions = format!("{url}/api/v1/halls/binjiang/windows/6/actions");
    post(&http, &actions, json!({ "action": "open" })).await;

    let screen = Watched::default();
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(screen.clone()), TerminalOptions { viewport }).unwrap();
    let config = DisplayConfig {
        hall: "binjiang".into(),
        lang: Lang::ZhCn,
        speak: false,
        recent: 5,
        screen_reader: false,
    };
    let setup = DisplaySetup::new(config, Theme::monochrome(), ApiClient::new(&url, Duration::from_secs(5)));
    tokio::spawn(async move { run_session(&mut terminal, stream::pending(), setup).await.unwrap() });
    // Until the screen is live (its first reads done).
    screen.await_text("已连接后台".into());
    while screen.seen().is_none() {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;

    let mut took = Vec::with_capacity(CALLS);
    for i in 1..=CALLS {
        if i > 1 {
            post(&http, &actions, json!({ "action": "no_show" })).await;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        screen.await_text(format!("请 A{i:03} 号到 6 号窗口"));
        let start = Instant::now();
        post(&http, &actions, json!({ "action": "call_next" })).await;
        let seen = loop {
            if let Some(at) = screen.seen() {
                break at;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "call {i} never shown");
            tokio::time::sleep(Duration::from_micros(200)).await;
        };
        took.push(seen - start);
    }
    took.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "call next → the display's frame, {CALLS} calls: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(percentile(&took, 0.50)),
        ms(percentile(&took, 0.99)),
        ms(*took.last().unwrap())
    );
}
