//! A session's input, bounded. Bytes from the channel are parsed and the
//! events queued for the session; when `QUEUE` events wait, the
//! connection's handler waits too. While it waits, russh reads nothing more
//! from that connection, so it grants the client no more SSH window: a
//! client that types or pastes faster than its session can take it is held
//! back by SSH flow control (and TCP's), and the server holds no more than
//! the queue, one packet and the parser's bounded leftovers for it.
//! Each connection has its own handler task: the others never wait.

use std::sync::Arc;

use futures_util::Stream;
use tokio::sync::{Mutex, mpsc};

use super::input::{ESC_WAIT, InputParser};
use crate::kiosk::Msg;

/// Events waiting for the session before the connection stops reading.
pub const QUEUE: usize = 64;

/// Bytes parsed at a time, so one 32 KiB packet never becomes 32 K events
/// held at once: each piece's events are queued before the next is parsed.
const PIECE: usize = 256;

/// The connection's end of a session's input. Clones share one parser and
/// one queue; the session's input ends once every clone is closed or gone.
#[derive(Clone)]
pub struct Inbox(Arc<Mutex<Inner>>);

struct Inner {
    parser: InputParser,
    queue: Option<mpsc::Sender<Msg>>,
}

/// The session's end: the events, in order.
pub type Events = std::pin::Pin<Box<dyn Stream<Item = Msg> + Send>>;

impl Inbox {
    /// An inbox, a handle for the output's `Msg::Repaint` (weak, so the input
    /// still ends when the client goes) and the session's stream of events.
    pub fn open() -> (Inbox, mpsc::WeakSender<Msg>, Events) {
        let (tx, rx) = mpsc::channel(QUEUE);
        let repaint = tx.downgrade();
        let events =
            futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) });
        let inner = Inner { parser: InputParser::default(), queue: Some(tx) };
        (Inbox(Arc::new(Mutex::new(inner))), repaint, Box::pin(events))
    }

    /// Bytes from the client: returns once all their events are queued
    /// (waiting for room as long as it takes), or the session is gone.
    pub async fn bytes(&self, data: &[u8]) {
        // The lock is held while waiting so that events keep their order,
        // the Esc timer's included.
        let mut inner = self.0.lock().await;
        for piece in data.chunks(PIECE) {
            let events = inner.parser.feed(piece);
            if !inner.queue(events).await {
                return;
            }
        }
        if let Some(mark) = inner.parser.lone_esc() {
            let inbox = self.clone();
            tokio::spawn(async move {
                tokio::time::sleep(ESC_WAIT).await;
                let mut inner = inbox.0.lock().await;
                if let Some(esc) = inner.parser.esc_timeout(mark) {
                    inner.queue(vec![esc]).await;
                }
            });
        }
    }

    /// An event from the connection itself (a window change).
    pub async fn send(&self, msg: Msg) {
        self.0.lock().await.queue(vec![msg]).await;
    }

    /// The client is gone: the session's input ends after what is queued.
    pub async fn close(&self) {
        self.0.lock().await.queue = None;
    }
}

impl Inner {
    /// False once the session has ended.
    async fn queue(&mut self, events: Vec<Msg>) -> bool {
        let Some(queue) = self.queue.clone() else { return false };
        for event in events {
            if queue.send(event).await.is_err() {
                self.queue = None;
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use futures_util::StreamExt;

    use super::*;

    #[tokio::test]
    async fn a_full_queue_makes_the_sender_wait_until_the_session_takes_its_events() {
        let (inbox, _, mut events) = Inbox::open();
        let typing = tokio::spawn({
            let inbox = inbox.clone();
            async move { inbox.bytes(&[b'z'; QUEUE * 4]).await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!typing.is_finished(), "no room: the bytes wait");
        for _ in 0..QUEUE * 4 {
            assert!(matches!(events.next().await, Some(Msg::Key(_))));
        }
        typing.await.unwrap();
        inbox.close().await;
        drop(inbox);
        assert!(events.next().await.is_none(), "closed: the input ends");
    }

    #[tokio::test]
    async fn a_session_that_ended_releases_a_waiting_sender() {
        let (inbox, _, events) = Inbox::open();
        let typing = tokio::spawn({
            let inbox = inbox.clone();
            async move { inbox.bytes(&[b'z'; QUEUE * 4]).await }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        drop(events);
        tokio::time::timeout(Duration::from_secs(5), typing).await.expect("released").unwrap();
    }

    #[tokio::test]
    async fn a_lone_esc_arrives_after_the_wait_and_in_order() {
        let (inbox, _, mut events) = Inbox::open();
        inbox.bytes(b"a\x1b").await;
        assert!(
            matches!(events.next().await, Some(Msg::Key(k)) if k.code == crossterm::event::KeyCode::Char('a'))
        );
        let esc = tokio::time::timeout(Duration::from_secs(5), events.next()).await.unwrap();
        assert!(matches!(esc, Some(Msg::Key(k)) if k.code == crossterm::event::KeyCode::Esc), "{esc:?}");
    }
}
