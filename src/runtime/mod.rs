//! Drives the core: one event loop (`run_session`) for every kind of
//! terminal — the local one, each SSH connection, and the tests.

pub mod local;

use std::time::Duration;

use futures_util::{Stream, StreamExt};
use ratatui::{Terminal, backend::Backend};
use tokio::sync::mpsc;

use crate::client::ApiClient;
use crate::domain::{HandoffRequest, HoldRequest};
use crate::kiosk::{self, Effect, Msg, SessionConfig, State};
use crate::ui::{self, Theme, Ui};

/// How often time is reported to the core.
const TICK: Duration = Duration::from_secs(1);

/// Everything a session is started with.
#[derive(Clone)]
pub struct SessionSetup {
    pub config: SessionConfig,
    pub theme: Theme,
    pub client: ApiClient,
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
    let size = terminal.get_frame().area().as_size();
    let (mut state, effects) = State::new(setup.config.clone(), size);
    let (tx, mut results) = mpsc::unbounded_channel();
    let started = tokio::time::Instant::now();
    let mut tick = tokio::time::interval_at(started + TICK, TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut redraw = true;
    if run_effects(effects, &setup.client, &tx) {
        return Ok(());
    }
    loop {
        if redraw {
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
        let is_tick = matches!(msg, Msg::Tick(_));
        let effects = kiosk::update(&mut state, msg);
        // A tick redraws only when the core says the screen changed, so an
        // idle kiosk sends nothing to the terminal (screen readers stay quiet).
        redraw = !is_tick || effects.contains(&Effect::Redraw);
        if run_effects(effects, &setup.client, &tx) {
            return Ok(());
        }
    }
}

/// Runs a request on tokio and sends its answer back as a message.
fn spawn<F, Fut>(client: &ApiClient, tx: &mpsc::UnboundedSender<Msg>, request: F)
where
    F: FnOnce(ApiClient) -> Fut,
    Fut: Future<Output = Msg> + Send + 'static,
{
    let (fut, tx) = (request(client.clone()), tx.clone());
    tokio::spawn(async move {
        // The session may have ended meanwhile; nobody to tell then.
        let _ = tx.send(fut.await);
    });
}

/// Starts each effect; true when the session should end.
fn run_effects(effects: Vec<Effect>, client: &ApiClient, tx: &mpsc::UnboundedSender<Msg>) -> bool {
    for effect in effects {
        match effect {
            Effect::EndSession => return true,
            Effect::Redraw => {}
            Effect::LoadCatalog { etag } => {
                spawn(client, tx, |c| async move { Msg::CatalogLoaded(c.catalog(etag.as_deref()).await) });
            }
            Effect::LoadDays { hall, service } => {
                spawn(client, tx, |c| async move { Msg::DaysLoaded(c.days(&hall, &service).await) });
            }
            Effect::LoadSlots { hall, service, date } => {
                spawn(client, tx, |c| async move { Msg::SlotsLoaded(c.slots(&hall, &service, &date).await) });
            }
            Effect::PlaceHold { hall, service, start } => {
                let req = HoldRequest { hall, service, start };
                spawn(client, tx, |c| async move { Msg::HoldPlaced(c.hold(&req).await) });
            }
            Effect::ReleaseHold { id } => {
                let client = client.clone();
                tokio::spawn(async move {
                    // Best effort: an unreleased hold expires on its own.
                    if let Err(e) = client.release_hold(&id).await {
                        tracing::warn!(?e, "hold not released");
                    }
                });
            }
            Effect::Book { idempotency_key, request } => {
                spawn(client, tx, |c| async move {
                    Msg::BookingConfirmed(c.book(&idempotency_key, &request).await)
                });
            }
            Effect::FindBooking { code, last4 } => {
                spawn(client, tx, |c| async move { Msg::BookingFound(c.find_booking(&code, &last4).await) });
            }
            Effect::CreateHandoff { service, lang, booking } => {
                let req = HandoffRequest { service, lang, booking };
                spawn(
                    client,
                    tx,
                    |c| async move { Msg::HandoffCreated { lang, result: c.handoff(&req).await } },
                );
            }
            Effect::CancelBooking { code, last4 } => {
                spawn(
                    client,
                    tx,
                    |c| async move { Msg::BookingCancelled(c.cancel_booking(&code, &last4).await) },
                );
            }
        }
    }
    false
}
