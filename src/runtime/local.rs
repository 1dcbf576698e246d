//! The kiosk on this process's own terminal: raw mode, the alternate screen,
//! mouse and bracketed paste, always restored — on exit, on error, on panic.
//! A panic inside a session is logged and a fresh session starts at Welcome:
//! a kiosk in a hall never drops to a shell because of a bug.

use std::{
    io::{self, Write},
    panic::AssertUnwindSafe,
};

use crossterm::{
    event::{
        DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
        EventStream,
    },
    execute,
    terminal::{
        Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
    },
};
use futures_util::{FutureExt, Stream, StreamExt, stream};
use ratatui::{Terminal, backend::CrosstermBackend, layout::Size};

use super::{Session, SessionSetup, run_session};
use crate::kiosk::Msg;

/// Turns a terminal event into a message for the core.
pub fn to_msg(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => Some(Msg::Key(key)),
        Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(width, height) => Some(Msg::Resize(Size { width, height })),
        Event::FocusGained | Event::FocusLost => None,
    }
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)
}

/// Puts the terminal back as the shell expects it. Safe to call twice.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), crossterm::cursor::Show);
    let _ = io::stdout().flush();
}

/// Restores the terminal when dropped, whatever path leaves the kiosk.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Runs kiosk sessions on the local terminal until one ends normally.
pub async fn run(setup: SessionSetup) -> io::Result<()> {
    // Terminal events and SIGHUP (reload the configuration) share one stream.
    let (signals, signal_rx) = super::channel();
    watch_sighup(signals, &setup);
    run_with(setup, signal_rx).await
}

/// Runs sessions of any core on the local terminal until one ends
/// normally; `extra` feeds the runtime's own messages (signals) in.
pub async fn run_with<S>(setup: S, extra: impl Stream<Item = S::Msg> + Unpin) -> io::Result<()>
where
    S: Session + Clone,
{
    // Panics go to the log with a backtrace, never over the screen.
    std::panic::set_hook(Box::new(|info| {
        let backtrace = std::backtrace::Backtrace::force_capture();
        tracing::error!("panic: {info}\n{backtrace}");
    }));
    enter()?;
    let _guard = Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    // One reader for the whole process, handed from session to session.
    // A read error means the terminal is gone: end the stream, and the session.
    let keys = EventStream::new()
        .take_while(|e| std::future::ready(e.is_ok()))
        .filter_map(|e| std::future::ready(e.ok().and_then(S::from_event)));
    let mut input = stream::select(keys, extra);
    loop {
        let session = run_session(&mut terminal, &mut input, setup.clone());
        match AssertUnwindSafe(session).catch_unwind().await {
            Ok(result) => return result,
            Err(_) => {
                tracing::error!("the session panicked; starting a fresh one at {}", S::FIRST_SCREEN);
                // A new terminal (empty buffers) on a cleared screen: the next
                // frame is drawn whole, whatever the panic left half-drawn.
                execute!(io::stdout(), Clear(ClearType::All))?;
                terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
            }
        }
    }
}

#[cfg(unix)]
fn watch_sighup(tx: tokio::sync::mpsc::UnboundedSender<Msg>, setup: &SessionSetup) {
    use tokio::signal::unix::{SignalKind, signal};
    let Some(reload) = setup.reload.clone() else { return };
    let Ok(mut hup) = signal(SignalKind::hangup()) else { return };
    tokio::spawn(async move {
        while hup.recv().await.is_some() {
            let reload = reload.clone();
            let result =
                tokio::task::spawn_blocking(move || reload()).await.unwrap_or(Err("reload failed".into()));
            if tx.send(Msg::ConfigReloaded(result)).is_err() {
                return;
            }
        }
    });
}

#[cfg(not(unix))]
fn watch_sighup(_: tokio::sync::mpsc::UnboundedSender<Msg>, _: &SessionSetup) {}
