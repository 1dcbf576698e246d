//! Following a hall's event stream, for the window console and the calling
//! screen alike: each event as a message to the core, and once, when the
//! stream ends or falls silent, that it did.

use std::time::Duration;

use tokio::sync::mpsc;

use crate::client::ApiClient;

/// The stream sends a keep-alive every 15 s: past this, it is gone.
const SILENCE: Duration = Duration::from_secs(20);

/// How a core hears of its stream.
pub(super) struct Messages<M> {
    /// The stream is open (its `ready` event).
    pub opened: fn() -> M,
    /// An event, by its name.
    pub event: fn(String) -> M,
    /// The stream ended, or was never opened.
    pub closed: fn() -> M,
}

/// Follows `hall`'s events until the stream ends, then says so once.
pub(super) async fn follow<M>(
    client: ApiClient,
    hall: String,
    tx: mpsc::UnboundedSender<M>,
    say: Messages<M>,
) {
    if let Ok(mut events) = client.hall_events(&hall, SILENCE).await {
        while let Some(name) = events.next().await {
            let msg = if name == "ready" { (say.opened)() } else { (say.event)(name) };
            if tx.send(msg).is_err() {
                return;
            }
        }
    }
    let _ = tx.send((say.closed)());
}
