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

pub struct ChannelWriter {
    frame: Vec<u8>,
    queue: mpsc::Sender<Vec<u8>>,
    dropped: Arc<AtomicBool>,
}

impl ChannelWriter {
    /// A writer for `channel`; `repaint` receives `Msg::Repaint` after drops.
    pub fn start(handle: Handle, channel: ChannelId, repaint: &mpsc::UnboundedSender<Msg>) -> ChannelWriter {
        // Weak: the session's input must end when the client goes, writer or not.
        let repaint = repaint.downgrade();
        let (queue, mut frames) = mpsc::channel::<Vec<u8>>(QUEUE);
        let dropped = Arc::new(AtomicBool::new(false));
        let lost = dropped.clone();
        tokio::spawn(async move {
            while let Some(frame) = frames.recv().await {
                if handle.data(channel, frame).await.is_err() {
                    return;
                }
                if frames.is_empty()
                    && lost.swap(false, Ordering::AcqRel)
                    && let Some(repaint) = repaint.upgrade()
                {
                    let _ = repaint.send(Msg::Repaint);
                }
            }
        });
        ChannelWriter { frame: Vec::with_capacity(4096), queue, dropped }
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
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
