//! Drives the core: one event loop (`run_session`) for every kind of
//! terminal — the local one, each SSH connection, and the tests.

mod effects;
pub mod local;
pub mod ssh;
mod whole_lines;

use std::{path::PathBuf, sync::Arc, time::Duration};

use crossterm::event::{KeyCode, KeyEvent};
use futures_util::{Stream, StreamExt};
use ratatui::{Terminal, TerminalOptions, Viewport, backend::Backend, layout::Rect};
use tokio::sync::mpsc;

use crate::client::ApiClient;
use crate::kiosk::{self, Effect, Msg, SessionConfig, State};
use crate::ui::{self, Theme, Ui};

/// How often time is reported to the core.
const TICK: Duration = Duration::from_secs(1);

/// Reads the configuration files again (staff screen, SIGHUP): the new
/// session settings, or every problem found.
pub type Reload = Arc<dyn Fn() -> Result<SessionConfig, String> + Send + Sync>;

/// Everything a session is started with.
#[derive(Clone)]
pub struct SessionSetup {
    pub config: SessionConfig,
    pub theme: Theme,
    pub client: ApiClient,
    /// Where the catalogue is kept for offline starts.
    pub catalog_cache: Option<PathBuf>,
    pub reload: Option<Reload>,
    /// Test builds only: this key panics, to prove recovery.
    pub panic_key: Option<char>,
}

impl SessionSetup {
    pub fn new(config: SessionConfig, theme: Theme, client: ApiClient) -> SessionSetup {
        SessionSetup { config, theme, client, catalog_cache: None, reload: None, panic_key: None }
    }
}

/// Runs one kiosk session until the citizen leaves or the input ends.
///
/// Input and effect results arrive as messages; effects run on tokio and never
/// hold up a frame or a key.
pub async fn run_session<B, I>(
    terminal: &mut Terminal<B>,
    mut input: I,
    setup: SessionSetup,
) -> Result<(), B::Error>
where
    B: Backend,
    I: Stream<Item = Msg> + Unpin,
{
    // The viewport, not the backend: an SSH channel or a test has no tty to ask.
    let area = terminal.get_frame().area();
    let size = area.as_size();
    // Every frame goes through `WholeLines`, which sends changed lines whole
    // while the session is in screen-reader mode.
    let viewport = Viewport::Fixed(area);
    let mut terminal = Terminal::with_options(
        whole_lines::WholeLines::new(terminal.backend_mut()),
        TerminalOptions { viewport },
    )?;
    let (mut state, effects) = State::new(setup.config.clone(), size);
    let (tx, mut results) = mpsc::unbounded_channel();
    let executor = effects::Executor { setup: &setup, tx };
    let started = tokio::time::Instant::now();
    let mut tick = tokio::time::interval_at(started + TICK, TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut redraw = true;
    if executor.run(effects) {
        return Ok(());
    }
    loop {
        if redraw {
            terminal.backend_mut().enabled = state.screen_reader;
            let ui = Ui::new(&state, setup.theme);
            terminal.draw(|frame| ui::view(&state, &ui, frame))?;
        }
        let msg = tokio::select! {
            msg = input.next() => match msg {
                Some(msg) => msg,
                None => return Ok(()),
            },
            Some(msg) = results.recv() => msg,
            _ = tick.tick() => Msg::Tick(started.elapsed().as_millis() as u64),
        };
        if let (Some(c), Msg::Key(KeyEvent { code: KeyCode::Char(k), .. })) = (setup.panic_key, &msg)
            && c == *k
        {
            panic!("panic injected by key {c:?} (test builds only)");
        }
        // A new size, or frames lost on the way: the next frame is drawn whole.
        match &msg {
            Msg::Resize(size) => terminal.resize(Rect::new(0, 0, size.width, size.height))?,
            Msg::Repaint => {
                let area = terminal.get_frame().area();
                terminal.resize(area)?;
            }
            _ => {}
        }
        let quiet = matches!(msg, Msg::Tick(_) | Msg::CatalogLoaded(_));
        let effects = kiosk::update(&mut state, msg);
        // A tick or a catalogue check redraws only when the core says the
        // screen changed, so an idle kiosk sends nothing to the terminal
        // (screen readers stay quiet).
        redraw = !quiet || effects.contains(&Effect::Redraw);
        if executor.run(effects) {
            return Ok(());
        }
    }
}

/// Whether `ONESTOP_A11Y` (from the kiosk's environment, or sent over SSH)
/// asks for screen-reader mode: 1, true, yes or on, in any case.
pub fn screen_reader_asked(value: &str) -> bool {
    ["1", "true", "yes", "on"].iter().any(|yes| value.trim().eq_ignore_ascii_case(yes))
}

/// A channel the runtime's own events (signals) can feed into a session.
pub fn channel() -> (mpsc::UnboundedSender<Msg>, impl Stream<Item = Msg> + Unpin) {
    let (tx, rx) = mpsc::unbounded_channel();
    (tx, Box::pin(futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) })))
}

#[cfg(test)]
mod tests {
    #[test]
    fn screen_reader_mode_is_asked_for_in_words_or_digits() {
        for yes in ["1", "true", "TRUE", "Yes", "yes", "on", " yes "] {
            assert!(super::screen_reader_asked(yes), "{yes:?}");
        }
        for no in ["", "0", "false", "no", "off", "2", "yess"] {
            assert!(!super::screen_reader_asked(no), "{no:?}");
        }
    }
}
