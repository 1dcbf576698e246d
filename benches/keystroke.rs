//! One navigation keystroke at 120×40: `update` + `view` + ratatui's diff,
//! written to a terminal backend that counts bytes. Goals: ≤0.5 ms, ≤300 bytes.
//! Measured as usual, then in elderly mode (big letters drawn every frame),
//! then with the on-screen keyboard shown: pinyin typed and erased on the
//! search screen (the candidates change on every key), and the arrows walking
//! its keys.
//!
//! Run: cargo bench --bench keystroke

use std::{
    io::{self, Write},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Instant,
};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::domain::Lang;
use onestop::kiosk::input::keyboard::Touch;
use onestop::kiosk::{Msg, SessionConfig, State, update};
use onestop::ui::{Theme, Ui, view};
use ratatui::{Terminal, backend::CrosstermBackend, layout::Size};

/// A terminal that only counts what it is sent.
#[derive(Default, Clone)]
struct Counter(Arc<AtomicUsize>);

impl Counter {
    fn total(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn main() {
    let navigate = |i: usize| if (i / 8).is_multiple_of(2) { KeyCode::Down } else { KeyCode::Up };
    measure("", false, false, KeyCode::Char('1'), navigate);
    measure("elderly mode, ", true, false, KeyCode::Char('1'), navigate);
    // "wang" typed and erased, then the arrows over the keys.
    let typing = |i: usize| match i % 16 {
        0 => KeyCode::Char('w'),
        1 => KeyCode::Char('a'),
        2 => KeyCode::Char('n'),
        3 => KeyCode::Char('g'),
        4..=7 => KeyCode::Backspace,
        8..=11 => KeyCode::Right,
        _ => KeyCode::Left,
    };
    measure("keyboard shown (search, pinyin), ", false, true, KeyCode::Char('/'), typing);
}

fn measure(mode: &str, elderly: bool, keyboard: bool, open: KeyCode, keys: impl Fn(usize) -> KeyCode) {
    let catalog = onestop::server::catalog_source::embedded().unwrap();
    let size = Size { width: 120, height: 40 };
    let touch = if keyboard { Touch::On } else { Touch::Auto };
    let config = SessionConfig { lang: Lang::ZhCn, elderly, touch, ..SessionConfig::default() };
    let (mut state, _) = State::new(config, size);
    update(&mut state, Msg::CatalogLoaded(Ok(Some(catalog.clone()))));
    update(&mut state, Msg::IndexBuilt(std::sync::Arc::new(onestop::search::SearchIndex::build(&catalog))));
    update(&mut state, key(open));
    let counter = Counter::default();
    let backend = CrosstermBackend::new(counter.clone());
    let mut terminal = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 120, 40)),
        },
    )
    .unwrap();
    let draw = |terminal: &mut Terminal<CrosstermBackend<Counter>>, state: &State| {
        let ui = Ui::new(state, Theme::standard());
        terminal.draw(|f| view(state, &ui, f)).unwrap();
    };
    draw(&mut terminal, &state);
    let full = counter.total();

    let rounds = 2000;
    let mut times = Vec::with_capacity(rounds);
    let mut bytes = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let code = keys(i);
        let before = counter.total();
        let start = Instant::now();
        update(&mut state, key(code));
        draw(&mut terminal, &state);
        times.push(start.elapsed().as_secs_f64() * 1e3);
        bytes.push(counter.total() - before);
    }
    times.sort_by(f64::total_cmp);
    bytes.sort_unstable();
    let pct = |v: &[f64], p: f64| v[((v.len() - 1) as f64 * p) as usize];
    println!("{mode}first full frame at 120×40: {full} bytes");
    println!(
        "{mode}keystroke (update+view+diff), {rounds} rounds: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        pct(&times, 0.5),
        pct(&times, 0.99),
        times[rounds - 1]
    );
    println!("{mode}bytes written per keystroke: median {}, max {}", bytes[rounds / 2], bytes[rounds - 1]);
}
