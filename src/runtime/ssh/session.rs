//! One kiosk session on an SSH channel: the same `run_session` as the local
//! kiosk, its input from the connection's inbox, its frames out through the
//! channel. A panic ends this session only.

use std::{
    sync::{Arc, atomic::Ordering},
    time::Duration,
};

use crossterm::{
    cursor::Show,
    event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture},
    execute,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen},
};
use futures_util::{FutureExt, StreamExt};
use ratatui::{
    Terminal, TerminalOptions, Viewport,
    layout::{Position, Rect},
};
use russh::{ChannelId, server::Handle};
use tokio::sync::mpsc;

use super::{
    backend::SshBackend,
    inbox::Events,
    output::{ChannelWriter, FrameEnd},
    server::Shared,
    size::ClientSize,
};
use crate::kiosk::Msg;
use crate::runtime::{SessionSetup, run_session};

/// A place among `ssh.max_sessions`, given back when dropped.
pub struct Seat(Arc<Shared>);

impl Seat {
    /// None when the server is full.
    pub fn take(shared: &Arc<Shared>) -> Option<Seat> {
        let taken = shared.sessions.fetch_add(1, Ordering::AcqRel);
        let seat = Seat(shared.clone());
        (taken < shared.opts.max_sessions).then_some(seat)
    }
}

impl Drop for Seat {
    fn drop(&mut self) {
        self.0.sessions.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The channel's ends of a session.
pub struct Ends {
    pub handle: Handle,
    pub channel: ChannelId,
    pub size: ClientSize,
    pub events: Events,
    pub repaint: mpsc::WeakSender<Msg>,
}

/// Runs the session until the citizen leaves, the client goes, the server
/// shuts down or `ssh.max_session_secs` pass.
pub fn spawn(seat: Seat, setup: SessionSetup, ends: Ends) {
    let Ends { handle, channel, size, events, repaint } = ends;
    let end = FrameEnd::default();
    let writer = ChannelWriter::start(handle.clone(), channel, repaint, end.clone());
    let viewport = Viewport::Fixed(Rect::from((Position::ORIGIN, size.get().kiosk)));
    let mut shutdown = seat.0.shutdown.subscribe();
    let max = seat.0.opts.max_session;
    tokio::spawn(async move {
        let ended = async move {
            tokio::select! {
                _ = shutdown.recv() => {},
                _ = tokio::time::sleep(max) => {},
            }
        };
        let input = events.take_until(Box::pin(ended));
        let backend = SshBackend::new(writer, end, size);
        if let Ok(mut terminal) = Terminal::with_options(backend, TerminalOptions { viewport }) {
            let backend = terminal.backend_mut();
            let _ = execute!(backend, EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste);
            let result =
                std::panic::AssertUnwindSafe(run_session(&mut terminal, input, setup)).catch_unwind().await;
            if result.is_err() {
                tracing::error!("an SSH session panicked; it is closed, the others carry on");
            }
            let backend = terminal.backend_mut();
            let _ = execute!(backend, DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
            let _ = std::io::Write::write_all(backend, "Goodbye. / 再见。\r\n".as_bytes());
            let _ = std::io::Write::flush(backend);
        }
        // Let the last frame go out before the channel closes.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let _ = handle.eof(channel).await;
        let _ = handle.close(channel).await;
        drop(seat);
    });
}
