//! Drives the core: one event loop (`run_session`) for every kind of
//! terminal — the local one, each SSH connection, and the tests.

pub mod display;
mod effects;
mod hall_stream;
pub mod local;
pub mod policies;
pub mod speech;
pub mod ssh;
mod whole_lines;
pub mod window;

use std::{path::PathBuf, sync::Arc, time::Duration};

use crossterm::event::{KeyCode, KeyEvent};
use futures_util::{Stream, StreamExt};
use ratatui::{
    Frame, Terminal, TerminalOptions, Viewport,
    backend::Backend,
    layout::{Rect, Size},
};
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
    /// Spoken guidance, where the terminal has audio (`speech.enabled`).
    pub voice: Option<std::sync::Arc<speech::Voice>>,
    /// `backend.staff_token`: shown to the backend for the staff screen's figures.
    pub staff_token: Option<String>,
}

impl SessionSetup {
    pub fn new(config: SessionConfig, theme: Theme, client: ApiClient) -> SessionSetup {
        SessionSetup {
            config,
            theme,
            client,
            catalog_cache: None,
            reload: None,
            panic_key: None,
            voice: None,
            staff_token: None,
        }
    }
}

/// A core the runtime loop drives: the kiosk, or a window's console. The
/// setup a session starts with implements it, so `run_session(terminal,
/// input, setup)` reads the same for either.
pub trait Session: Sized {
    type State;
    type Msg: Send + 'static;
    type Effect;

    /// The first state at `size`, and what it asks for at once.
    fn start(&self, size: Size) -> (Self::State, Vec<Self::Effect>);
    fn update(state: &mut Self::State, msg: Self::Msg) -> Vec<Self::Effect>;
    fn view(&self, state: &Self::State, frame: &mut Frame);
    /// Whether changed lines go out whole (screen-reader mode).
    fn screen_reader(state: &Self::State) -> bool;
    /// Time, in milliseconds since the session started.
    fn tick(elapsed_ms: u64) -> Self::Msg;
    /// A message that redraws only when the core asks (ticks, checks in
    /// the background), so an idle screen sends nothing to the terminal.
    fn quiet(msg: &Self::Msg) -> bool;
    fn asks_redraw(effect: &Self::Effect) -> bool;
    /// A new size, or a frame to draw whole (lost frames).
    fn frame_change(msg: &Self::Msg) -> Option<FrameChange>;
    /// A terminal event as a message.
    fn from_event(event: crossterm::event::Event) -> Option<Self::Msg>;
    /// Starts each effect, its answers sent on `tx`; true when the session ends.
    fn run(&self, effects: Vec<Self::Effect>, tx: &mpsc::UnboundedSender<Self::Msg>) -> bool;
    /// Test builds only: the key of a message that panics, to prove recovery.
    fn panics_on(&self, _msg: &Self::Msg) -> Option<char> {
        None
    }
    /// Where a fresh session starts after a panic, for the log.
    const FIRST_SCREEN: &'static str;
}

/// How the next frame must be drawn.
pub enum FrameChange {
    Resize(Size),
    Repaint,
}

/// Runs one session until it ends or the input does.
///
/// Input and effect results arrive as messages; effects run on tokio and never
/// hold up a frame or a key.
pub async fn run_session<S, B, I>(terminal: &mut Terminal<B>, mut input: I, setup: S) -> Result<(), B::Error>
where
    S: Session,
    B: Backend,
    I: Stream<Item = S::Msg> + Unpin,
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
    let (mut state, effects) = setup.start(size);
    let (tx, mut results) = mpsc::unbounded_channel();
    let started = tokio::time::Instant::now();
    let mut tick = tokio::time::interval_at(started + TICK, TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut redraw = true;
    if setup.run(effects, &tx) {
        return Ok(());
    }
    loop {
        if redraw {
            terminal.backend_mut().enabled = S::screen_reader(&state);
            terminal.draw(|frame| setup.view(&state, frame))?;
        }
        let msg = tokio::select! {
            msg = input.next() => match msg {
                Some(msg) => msg,
                None => return Ok(()),
            },
            Some(msg) = results.recv() => msg,
            _ = tick.tick() => S::tick(started.elapsed().as_millis() as u64),
        };
        if let Some(c) = setup.panics_on(&msg) {
            panic!("panic injected by key {c:?} (test builds only)");
        }
        // A new size, or frames lost on the way: the next frame is drawn whole.
        match S::frame_change(&msg) {
            Some(FrameChange::Resize(size)) => terminal.resize(Rect::new(0, 0, size.width, size.height))?,
            Some(FrameChange::Repaint) => {
                let area = terminal.get_frame().area();
                terminal.resize(area)?;
            }
            None => {}
        }
        let quiet = S::quiet(&msg);
        let effects = S::update(&mut state, msg);
        // A quiet message redraws only when the core says the screen changed
        // (screen readers stay quiet).
        redraw = !quiet || effects.iter().any(S::asks_redraw);
        if setup.run(effects, &tx) {
            return Ok(());
        }
    }
}

/// The kiosk: its core, its views and its executor (`effects`).
impl Session for SessionSetup {
    type State = State;
    type Msg = Msg;
    type Effect = Effect;

    fn start(&self, size: Size) -> (State, Vec<Effect>) {
        State::new(self.config.clone(), size)
    }

    fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
        kiosk::update(state, msg)
    }

    fn view(&self, state: &State, frame: &mut Frame) {
        let ui = Ui::new(state, self.theme);
        ui::view(state, &ui, frame);
        if let Some(voice) = &self.voice {
            voice.frame(state, ui.spoken.take());
        }
    }

    fn screen_reader(state: &State) -> bool {
        state.screen_reader
    }

    fn tick(elapsed_ms: u64) -> Msg {
        Msg::Tick(elapsed_ms)
    }

    fn quiet(msg: &Msg) -> bool {
        matches!(msg, Msg::Tick(_) | Msg::CatalogLoaded(_))
    }

    fn asks_redraw(effect: &Effect) -> bool {
        *effect == Effect::Redraw
    }

    fn frame_change(msg: &Msg) -> Option<FrameChange> {
        match msg {
            Msg::Resize(size) => Some(FrameChange::Resize(*size)),
            Msg::Repaint => Some(FrameChange::Repaint),
            _ => None,
        }
    }

    fn from_event(event: crossterm::event::Event) -> Option<Msg> {
        local::to_msg(event)
    }

    fn run(&self, effects: Vec<Effect>, tx: &mpsc::UnboundedSender<Msg>) -> bool {
        effects::Executor { setup: self, tx: tx.clone() }.run(effects)
    }

    fn panics_on(&self, msg: &Msg) -> Option<char> {
        match (self.panic_key, msg) {
            (Some(c), Msg::Key(KeyEvent { code: KeyCode::Char(k), .. })) if c == *k => Some(c),
            _ => None,
        }
    }

    const FIRST_SCREEN: &'static str = "Welcome";
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
