//! The hall's events, fanned out to every subscriber of this server: on
//! SQLite (one server) straight from the commit that made them; on
//! PostgreSQL from one LISTEN connection per server, so an event committed
//! at any server reaches the subscribers of all of them, and 500 phone
//! pages cost this server one database connection, not 500.

use super::*;

/// Subscribers one server keeps at once; more are refused (503) rather
/// than let memory grow with every connection a client opens.
pub const MAX_SUBSCRIBERS: usize = 10_000;

/// What happened at a hall, as its event stream carries it: numbers and
/// windows only, never who holds a ticket.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HallEvent {
    pub hall: String,
    /// The service day it belongs to, `YYYY-MM-DD` at the hall.
    pub day: String,
    /// `issued`, `opened`, `paused`, `called`, `started`, `missed`,
    /// `put_back`, `finished` or `transferred`.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<TicketNumber>,
    /// The ticket's queue (for a transfer, the one it left).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<QueuePrefix>,
    /// For `called`: 1, then more for each call again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls: Option<u8>,
    /// For `transferred`: the queue it now waits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<QueuePrefix>,
}

impl HallEvent {
    pub(super) fn new(hall: &str, day: Date, kind: &str) -> HallEvent {
        HallEvent {
            hall: hall.to_owned(),
            day: day.to_string(),
            kind: kind.to_owned(),
            window: None,
            number: None,
            queue: None,
            calls: None,
            to: None,
        }
    }

    pub(super) fn of(hall: &str, day: Date, event: &Event, board: &Board) -> HallEvent {
        let (kind, window, number) = match *event {
            Event::Opened { window } => ("opened", window, None),
            Event::Paused { window } => ("paused", window, None),
            Event::Called { window, number, .. } => ("called", window, Some(number)),
            Event::Started { window, number } => ("started", window, Some(number)),
            Event::Missed { window, number } => ("missed", window, Some(number)),
            Event::PutBack { window, number } => ("put_back", window, Some(number)),
            Event::Finished { window, number, .. } => ("finished", window, Some(number)),
            Event::Transferred { window, number, .. } => ("transferred", window, Some(number)),
        };
        let mut e = HallEvent::new(hall, day, kind);
        e.window = Some(window);
        e.number = number;
        e.queue = number.and_then(|n| board.ticket(n)).map(|t| t.queue);
        match *event {
            Event::Called { calls, .. } => e.calls = Some(calls),
            Event::Transferred { from, to, .. } => (e.queue, e.to) = (Some(from), Some(to)),
            _ => {}
        }
        e
    }
}

/// One server's fan-out for one store.
struct Hub {
    sender: broadcast::Sender<Arc<HallEvent>>,
    /// Set once the PostgreSQL listener runs.
    listening: tokio::sync::OnceCell<()>,
}

/// Every store's hub in this process, found by the store's engine. Kept
/// here because `Store`'s fields are not this module's to add to; a dead
/// engine's entry goes at the next look-up.
static HUBS: Mutex<Vec<(Weak<Engine>, Arc<Hub>)>> = Mutex::new(Vec::new());

/// A hall event subscription; `recv` gives the next event of any hall.
pub struct Subscription(broadcast::Receiver<Arc<HallEvent>>);

impl Subscription {
    /// The next event; `Err(missed)` when this subscriber fell more than
    /// the backlog behind and should read the state again.
    pub async fn recv(&mut self) -> Option<Result<Arc<HallEvent>, u64>> {
        match self.0.recv().await {
            Ok(event) => Some(Ok(event)),
            Err(broadcast::error::RecvError::Lagged(missed)) => Some(Err(missed)),
            Err(broadcast::error::RecvError::Closed) => None,
        }
    }
}

impl Store {
    fn hub(&self) -> Arc<Hub> {
        let mut hubs = HUBS.lock().unwrap_or_else(PoisonError::into_inner);
        hubs.retain(|(engine, _)| engine.strong_count() > 0);
        if let Some((_, hub)) =
            hubs.iter().find(|(engine, _)| std::ptr::eq(engine.as_ptr(), Arc::as_ptr(&self.engine)))
        {
            return hub.clone();
        }
        let hub =
            Arc::new(Hub { sender: broadcast::channel(BACKLOG).0, listening: tokio::sync::OnceCell::new() });
        hubs.push((Arc::downgrade(&self.engine), hub.clone()));
        hub
    }

    /// Hands a committed event to this server's subscribers (SQLite; on
    /// PostgreSQL the listener does, for every server alike).
    pub(super) fn announce(&self, event: HallEvent) {
        if !self.is_shared() {
            // No subscriber is not a failure.
            let _ = self.hub().sender.send(Arc::new(event));
        }
    }

    /// Every hall's events from now on; None when this server has
    /// `MAX_SUBSCRIBERS` already. On PostgreSQL the first subscription
    /// starts the server's listener and returns once it listens, so no
    /// event committed after this returns is missed.
    pub async fn hall_events(&self) -> Result<Option<Subscription>, StoreError> {
        let hub = self.hub();
        if hub.sender.receiver_count() >= MAX_SUBSCRIBERS {
            return Ok(None);
        }
        if let Engine::Postgres(pool) = &*self.engine {
            hub.listening
                .get_or_try_init(|| async {
                    let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
                    listener.listen(QUEUE_CHANNEL).await?;
                    tokio::spawn(forward(listener, hub.sender.clone()));
                    Ok::<(), StoreError>(())
                })
                .await?;
        }
        Ok(Some(Subscription(hub.sender.subscribe())))
    }
}

/// Passes each notification on to the subscribers, for the server's life.
async fn forward(mut listener: sqlx::postgres::PgListener, sender: broadcast::Sender<Arc<HallEvent>>) {
    loop {
        match listener.try_recv().await {
            Ok(Some(note)) => match serde_json::from_str::<HallEvent>(note.payload()) {
                Ok(event) => {
                    let _ = sender.send(Arc::new(event));
                }
                Err(e) => tracing::error!("an unreadable hall event was left out: {e}"),
            },
            // The connection was lost and is made again: whatever was sent
            // meanwhile is gone, so every subscriber reads the state again.
            Ok(None) => {
                tracing::warn!("hall events lost with the database connection; listening again");
                let _ = sender.send(Arc::new(lagged()));
            }
            Err(e) => {
                tracing::warn!("hall events: {e}; listening again");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

/// For every hall (an empty `hall`): events were missed, read the state again.
pub fn lagged() -> HallEvent {
    HallEvent {
        hall: String::new(),
        day: String::new(),
        kind: "lagged".into(),
        window: None,
        number: None,
        queue: None,
        calls: None,
        to: None,
    }
}
