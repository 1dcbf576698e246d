//! Frames out to one SSH channel through a bounded queue. A client that
//! stops reading cannot stall the server or anyone else: once its queue is
//! full, frames are dropped, and when it drains the session is asked to draw
//! everything again.

use std::{
    io::{self, Write},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use russh::{ChannelId, server::Handle};
use tokio::sync::mpsc;

use crate::kiosk::Msg;

/// Frames waiting for a slow client before later ones are dropped.
const QUEUE: usize = 8;

/// Collects what the terminal writes and hands it on as one frame when the
/// frame is complete (`FrameEnd`), so a drawn frame is one packet, never a
/// part of one.
pub struct ChannelWriter {
    frame: Vec<u8>,
    queue: mpsc::Sender<Vec<u8>>,
    dropped: Arc<AtomicBool>,
    end: FrameEnd,
}

/// Set by the backend around its own flush: crossterm flushes the writer
/// after every command, and only this flush ends a frame.
#[derive(Clone, Default)]
pub struct FrameEnd(Arc<AtomicBool>);

impl FrameEnd {
    /// Runs `flush` as the end of a frame.
    pub fn flushing<T>(&self, flush: impl FnOnce() -> T) -> T {
        self.0.store(true, Ordering::Relaxed);
        let done = flush();
        self.0.store(false, Ordering::Relaxed);
        done
    }
}

impl ChannelWriter {
    /// A writer for `channel`; `repaint` is the session's input, for
    /// `Msg::Repaint` after drops (weak: the input must still end when the
    /// client goes, writer or not).
    pub fn start(
        handle: Handle,
        channel: ChannelId,
        repaint: mpsc::WeakSender<Msg>,
        end: FrameEnd,
    ) -> ChannelWriter {
        let (queue, mut frames) = mpsc::channel::<Vec<u8>>(QUEUE);
        let dropped = Arc::new(AtomicBool::new(false));
        let lost = dropped.clone();
        tokio::spawn(async move {
            while let Some(frame) = frames.recv().await {
                if handle.data(channel, frame).await.is_err() {
                    return;
                }
                if frames.is_empty() && lost.swap(false, Ordering::AcqRel) {
                    ask_repaint(&repaint, &lost);
                }
            }
        });
        ChannelWriter { frame: Vec::with_capacity(4096), queue, dropped, end }
    }

    /// Sends what was written since the last frame; dropped if the client is
    /// too far behind.
    fn send(&mut self) -> io::Result<()> {
        if self.frame.is_empty() {
            return Ok(());
        }
        match self.queue.try_send(std::mem::take(&mut self.frame)) {
            Ok(()) => Ok(()),
            Err(mpsc::error::TrySendError::Full(_)) => {
                self.dropped.store(true, Ordering::Release);
                Ok(())
            }
            Err(mpsc::error::TrySendError::Closed(_)) => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }
}

/// Frames were lost: the session draws everything again. Its input may be
/// full (a flood): then the next frame that gets through asks again.
fn ask_repaint(repaint: &mpsc::WeakSender<Msg>, lost: &AtomicBool) {
    let Some(repaint) = repaint.upgrade() else { return };
    if let Err(mpsc::error::TrySendError::Full(_)) = repaint.try_send(Msg::Repaint) {
        lost.store(true, Ordering::Release);
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    /// Only at the end of a frame: crossterm flushes after every command.
    fn flush(&mut self) -> io::Result<()> {
        if self.end.0.load(Ordering::Relaxed) { self.send() } else { Ok(()) }
    }
}
