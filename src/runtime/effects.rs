//! Carries out what the core asks: each effect runs on tokio (or, if it is
//! slow on purpose, on the blocking pool) and its answer comes back as a
//! `Msg`. Nothing here waits on the session's loop.

use std::{path::Path, time::Instant};

use tokio::sync::mpsc;

use super::SessionSetup;
use crate::client::ApiClient;
use crate::domain::queue::wire::{CheckInRequest, TicketRequest};
use crate::domain::rating::{RatingRequest, ReportRequest};
use crate::domain::{Catalog, HandoffRequest, HoldRequest};
use crate::kiosk::{
    Effect, Msg,
    staff::{Figures, Health, QueueNames, StaffInfo},
};

pub struct Executor<'a> {
    pub setup: &'a SessionSetup,
    pub tx: mpsc::UnboundedSender<Msg>,
}

impl Executor<'_> {
    /// Starts each effect; true when the session should end.
    pub fn run(&self, effects: Vec<Effect>) -> bool {
        for effect in effects {
            if self.start(effect) {
                return true;
            }
        }
        false
    }

    /// Runs a request and sends its answer back as a message.
    fn spawn<F, Fut>(&self, request: F)
    where
        F: FnOnce(ApiClient) -> Fut,
        Fut: Future<Output = Msg> + Send + 'static,
    {
        let (fut, tx) = (request(self.setup.client.clone()), self.tx.clone());
        tokio::spawn(async move {
            // The session may have ended meanwhile; nobody to tell then.
            let _ = tx.send(fut.await);
        });
    }

    fn start(&self, effect: Effect) -> bool {
        match effect {
            Effect::EndSession => return true,
            Effect::Redraw => {}
            Effect::Speech(order) => {
                if let Some(voice) = &self.setup.voice {
                    voice.order(order, &self.tx);
                }
            }
            Effect::LoadCatalog { etag } => {
                let cache = self.setup.catalog_cache.clone();
                let tx = self.tx.clone();
                self.spawn(|c| async move { load_catalog(c, etag, cache, tx).await });
            }
            Effect::LoadDays { hall, service } => {
                self.spawn(|c| async move { Msg::DaysLoaded(c.days(&hall, &service).await) });
            }
            Effect::LoadSlots { hall, service, date } => {
                self.spawn(|c| async move { Msg::SlotsLoaded(c.slots(&hall, &service, &date).await) });
            }
            Effect::PlaceHold { hall, service, start } => {
                let req = HoldRequest { hall, service, start };
                self.spawn(|c| async move { Msg::HoldPlaced(c.hold(&req).await) });
            }
            Effect::ReleaseHold { id } => {
                let client = self.setup.client.clone();
                tokio::spawn(async move {
                    // Best effort: an unreleased hold expires on its own.
                    if let Err(e) = client.release_hold(&id).await {
                        tracing::warn!(?e, "hold not released");
                    }
                });
            }
            Effect::Book { idempotency_key, request } => {
                self.spawn(
                    |c| async move { Msg::BookingConfirmed(c.book(&idempotency_key, &request).await) },
                );
            }
            Effect::ExtendHold { id } => {
                self.spawn(|c| async move { Msg::HoldExtended(c.extend_hold(&id).await) });
            }
            Effect::FindBooking { code, last4 } => {
                self.spawn(|c| async move { Msg::BookingFound(c.find_booking(&code, &last4).await) });
            }
            Effect::CancelBooking { code, last4 } => {
                self.spawn(|c| async move { Msg::BookingCancelled(c.cancel_booking(&code, &last4).await) });
            }
            Effect::CreateHandoff { service, lang, booking, phone_last4, ticket } => {
                let req = HandoffRequest { service, lang, booking, phone_last4, ticket };
                self.spawn(|c| async move { Msg::HandoffCreated { lang, result: c.handoff(&req).await } });
            }
            Effect::LoadQueues { hall } => {
                self.spawn(|c| async move { Msg::QueuesLoaded(c.hall_queues(&hall).await) });
            }
            Effect::TakeTicket { hall, service, priority_group } => {
                let req = TicketRequest { service, priority_group };
                self.spawn(|c| async move { Msg::TicketTaken(c.take_ticket(&hall, &req).await) });
            }
            Effect::CheckIn { hall, code, last4 } => {
                let req = CheckInRequest { code, phone_last4: last4 };
                self.spawn(|c| async move { Msg::CheckedIn(c.check_in(&hall, &req).await) });
            }
            Effect::Rate { hall, number, day, level, reason, text, handoff, service } => {
                let req = RatingRequest {
                    day,
                    level,
                    reason,
                    text,
                    handoff,
                    booking: None,
                    phone_last4: None,
                    service,
                };
                self.spawn(|c| async move { Msg::Rated(c.rate(&hall, &number, &req).await.map(|_| ())) });
            }
            Effect::Report { service, what, text } => {
                let req = ReportRequest { service, what, text };
                self.spawn(|c| async move { Msg::Reported(c.report(&req).await.map(|_| ())) });
            }
            Effect::CheckPin { pin, hash } => {
                let tx = self.tx.clone();
                // Argon2 is slow by design: keep it off the session's thread.
                tokio::task::spawn_blocking(move || {
                    let _ = tx.send(Msg::PinChecked(pin_matches(&pin, &hash)));
                });
            }
            Effect::LoadStaffInfo => {
                let (kiosk, hall) = (self.setup.config.kiosk.clone(), self.setup.config.hall.clone());
                let cache = self.setup.catalog_cache.clone();
                self.spawn(
                    |c| async move { Msg::StaffInfoLoaded(staff_info(&c, &kiosk, &hall, cache).await) },
                );
            }
            Effect::BuildIndex(catalog) => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    let index = crate::search::SearchIndex::build(&catalog);
                    let _ = tx.send(Msg::IndexBuilt(std::sync::Arc::new(index)));
                });
            }
            Effect::LoadPolicies { etag } => {
                let cache = self.setup.catalog_cache.as_deref().map(super::policies::cache_path);
                let tx = self.tx.clone();
                self.spawn(|c| async move { super::policies::load(c, etag, cache, tx).await });
            }
            Effect::BuildPolicyIndex(library) => {
                let tx = self.tx.clone();
                tokio::task::spawn_blocking(move || {
                    let index = crate::search::SearchIndex::for_policies(&library);
                    let _ = tx.send(Msg::PolicyIndexBuilt(std::sync::Arc::new(index)));
                });
            }
            Effect::LoadPolicyLink { id, lang } => {
                self.spawn(|c| async move {
                    let result = c.policy_link(&id, lang).await;
                    Msg::PolicyLinkCreated { id, lang, result }
                });
            }
            Effect::ReloadConfig => {
                if let Some(reload) = self.setup.reload.clone() {
                    let tx = self.tx.clone();
                    tokio::task::spawn_blocking(move || {
                        let _ = tx.send(Msg::ConfigReloaded(reload()));
                    });
                }
            }
            Effect::LoadStaffFigures { hall } => {
                let token = self.setup.staff_token.clone();
                self.spawn(|c| async move { Msg::StaffFiguresLoaded(staff_figures(&c, &hall, token).await) });
            }
        }
        false
    }
}

pub fn pin_matches(pin: &str, hash: &str) -> bool {
    use argon2::{Argon2, PasswordHash, PasswordVerifier};
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(pin.as_bytes(), &h).is_ok())
}

/// The first load offers the copy kept on disk at once, then revalidates it
/// with its ETag; a fresh copy is written back for the next offline start.
async fn load_catalog(
    client: ApiClient,
    mut etag: Option<String>,
    cache: Option<std::path::PathBuf>,
    tx: mpsc::UnboundedSender<Msg>,
) -> Msg {
    if let (None, Some(path)) = (&etag, &cache) {
        let path = path.clone();
        if let Ok(Some(cached)) = tokio::task::spawn_blocking(move || read_cache(&path)).await {
            etag = Some(cached.version.clone());
            let _ = tx.send(Msg::CatalogCached(cached));
        }
    }
    let result = client.catalog(etag.as_deref()).await;
    if let (Ok(Some(fresh)), Some(path)) = (&result, cache) {
        let fresh = fresh.clone();
        tokio::task::spawn_blocking(move || {
            if let Err(e) = write_cache(&path, &fresh) {
                tracing::warn!(path = %path.display(), "catalogue not cached: {e}");
            }
        });
    }
    Msg::CatalogLoaded(result)
}

/// The offline copy, cleaned like an answer from the backend: the file is
/// outside the kiosk's control, so its text is no more trusted than the network's.
fn read_cache(path: &Path) -> Option<Catalog> {
    let bytes = std::fs::read(path).ok()?;
    Catalog::from_untrusted_json(&bytes)
        .map_err(|e| tracing::warn!(path = %path.display(), "cache unreadable: {e}"))
        .ok()
}

/// Written whole to a temporary file, then renamed: never half a cache.
pub(super) fn write_cache(path: &Path, catalog: &impl serde::Serialize) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, serde_json::to_vec(catalog)?)?;
    std::fs::rename(tmp, path)
}

/// The facts the staff screen shows. The copy on disk is described even
/// when the backend does not answer: that is when staff need to know.
async fn staff_info(
    client: &ApiClient,
    kiosk: &str,
    hall: &str,
    cache: Option<std::path::PathBuf>,
) -> StaffInfo {
    let cache_age_minutes = cache
        .and_then(|p| std::fs::metadata(p).ok()?.modified().ok()?.elapsed().ok())
        .map(|age| age.as_secs() / 60);
    let start = Instant::now();
    let backend = match client.health().await {
        Ok(()) => {
            let latency_ms = start.elapsed().as_millis() as u32;
            let bookings_today = client.bookings_today(kiosk, hall).await.ok();
            Ok(Health { latency_ms, bookings_today })
        }
        Err(e) => Err(e),
    };
    StaffInfo { backend, cache_age_minutes, today: Some(jiff::Zoned::now().date()) }
}

/// The hall's day for the staff screen, the three parts asked for at once;
/// each says for itself why it is missing.
async fn staff_figures(client: &ApiClient, hall: &str, token: Option<String>) -> Figures {
    let token = token.as_deref();
    let (ratings, reports, queues) =
        tokio::join!(client.day_ratings(hall, token), client.reports(token), client.hall_queues(hall));
    let queues = queues.ok().map(|q| QueueNames {
        time_zone: q.time_zone,
        names: q.queues.into_iter().map(|v| (v.prefix, v.name)).collect(),
    });
    Figures { ratings, reports, queues }
}
