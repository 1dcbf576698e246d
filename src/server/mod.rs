//! The backend: the JSON API that kiosks use, and later the phone pages.
//! Knows nothing of the kiosk.

pub mod auth;
mod booking;
mod calendar;
pub mod catalog_source;
pub mod clock;
mod handoff;
pub mod lint;
mod params;
mod policies;
pub mod proof;
mod queue;
pub mod ratings;
mod reports;
mod routes;
pub mod store;

use std::{
    net::{IpAddr, SocketAddr},
    path::{Path, PathBuf},
    sync::{Arc, PoisonError, RwLock},
};

use tokio::net::TcpListener;

use clock::Clock;
pub use routes::ApiDoc;
pub use store::Database;
use store::Store;

use crate::domain::Catalog;

/// What the server needs to start.
#[derive(Clone)]
pub struct ServerOptions {
    /// The SQLite file or the PostgreSQL database.
    pub database: Database,
    /// A catalogue directory to load instead of the embedded demo catalogue.
    pub catalog_dir: Option<PathBuf>,
    /// How long a hold keeps its place.
    pub hold_minutes: u32,
    /// How long a handoff link (QR code) works.
    pub handoff_minutes: u32,
    /// The address phones reach this server by; default: its own listen address.
    pub public_url: Option<String>,
    /// Phone page requests allowed per client address per minute.
    pub lookups_per_minute: u32,
    /// Reverse proxies whose X-Forwarded-For is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// Wrong tries at a booking's proof allowed per booking and per address.
    pub proof_limits: proof::ProofLimits,
    /// Days a booking's personal data is kept after its appointment.
    pub retain_days: u32,
    /// Whether kiosk routes need a kiosk's token.
    pub tokens_required: bool,
    /// Most upcoming bookings one person may hold.
    pub bookings_per_person: u32,
    /// Holds a minute per kiosk token and per hall.
    pub hold_limits: auth::HoldLimits,
    /// How long before its slot a booking may be checked in.
    pub checkin_early_minutes: u16,
    /// The order of calling at a window.
    pub call_rules: crate::domain::queue::CallRules,
    /// Months after which a guide or policy counts as overdue for review.
    pub review_months: u32,
    /// Days after its service a ticket may still be rated (好差评).
    pub rating_open_days: u32,
    pub clock: Arc<dyn Clock>,
}

impl ServerOptions {
    /// Options with the defaults of `kiosk-config/default.toml` and the system clock.
    pub fn new(database: impl Into<Database>) -> ServerOptions {
        ServerOptions {
            database: database.into(),
            catalog_dir: None,
            hold_minutes: 5,
            handoff_minutes: 30,
            public_url: None,
            lookups_per_minute: 30,
            trusted_proxies: vec![],
            proof_limits: proof::ProofLimits::default(),
            retain_days: 30,
            tokens_required: false,
            bookings_per_person: 3,
            hold_limits: auth::HoldLimits::default(),
            checkin_early_minutes: 30,
            call_rules: crate::domain::queue::CallRules::default(),
            review_months: 6,
            rating_open_days: 7,
            clock: Arc::new(clock::SystemClock),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("catalogue refused")]
    Catalog(#[from] catalog_source::SourceError),
    #[error("queues refused")]
    Queues(#[from] queue::source::QueuesError),
    #[error("policy library refused")]
    Policies(#[from] crate::domain::policy::LoadError),
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error("cannot create {path}")]
    Dir { path: PathBuf, source: std::io::Error },
    #[error("cannot listen on {addr}")]
    Listen { addr: String, source: std::io::Error },
}

/// The catalogue as served: parsed once, serialized once.
pub(crate) struct Served {
    pub catalog: Catalog,
    pub json: axum::body::Bytes,
    pub etag: String,
    /// Each hall's queues, from the `queues.toml` stored with the catalogue.
    pub queues: crate::domain::queue::QueueCatalog,
}

impl Served {
    async fn from_store(store: &Store) -> Result<Served, ServerError> {
        let catalog = store.catalog().await?;
        let json = serde_json::to_vec(&catalog).expect("catalogue serializes").into();
        let etag = format!("\"{}\"", catalog.version);
        let queues = queue::source::layouts(&store.catalog_queues().await?, &catalog);
        Ok(Served { catalog, json, etag, queues })
    }
}

/// The catalogue being served, swapped whole when it is reloaded: a request
/// that takes it once sees one version throughout.
#[derive(Clone)]
pub(crate) struct ServedCatalog(Arc<RwLock<Arc<Served>>>);

impl ServedCatalog {
    pub fn get(&self) -> Arc<Served> {
        Arc::clone(&self.0.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Serves the catalogue as stored now; returns its version.
    async fn reload(&self, store: &Store) -> Result<String, ServerError> {
        let served = Served::from_store(store).await?;
        let version = served.catalog.version.clone();
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(served);
        Ok(version)
    }

    /// Follows the catalogues published to a shared store (PostgreSQL
    /// `LISTEN`): each is served as soon as it is announced. A lost
    /// connection is made again, and what was stored meanwhile read then.
    async fn follow(self, store: Store) -> Result<(), ServerError> {
        let Some(mut listener) = store.catalog_changes().await? else { return Ok(()) };
        tokio::spawn(async move {
            loop {
                match listener.try_recv().await {
                    Ok(_) => match self.reload(&store).await {
                        Ok(version) => tracing::info!("serving the catalogue published as {version}"),
                        Err(e) => tracing::error!("a published catalogue could not be read: {e}"),
                    },
                    Err(e) => {
                        tracing::warn!("catalogue announcements lost ({e}); listening again");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(())
    }
}

#[derive(Clone)]
pub(crate) struct AppState {
    pub store: Store,
    pub served: ServedCatalog,
    pub clock: Arc<dyn Clock>,
    pub hold_secs: i64,
    pub handoff_secs: i64,
    /// Base of the phone pages' links, without a trailing slash.
    pub public_url: String,
    pub limit: Arc<crate::limit::PerMinute>,
    pub trusted_proxies: Arc<[IpAddr]>,
    /// The one count of guesses at booking proofs, for every route that checks one.
    pub proof: Arc<proof::ProofGuard>,
    pub tokens_required: bool,
    pub bookings_per_person: u32,
    pub hold_limits: auth::HoldLimits,
    pub checkin_early_minutes: u16,
    pub call_rules: crate::domain::queue::CallRules,
    /// The policy library being served, swapped whole when reloaded.
    pub policies: Arc<RwLock<Arc<policies::ServedPolicies>>>,
    pub rating_open_days: u32,
}

/// A running server; dropping it does not stop it (it lives as long as the runtime).
pub struct Running {
    pub addr: SocketAddr,
    state: AppState,
    catalog_dir: Option<PathBuf>,
    review_months: u32,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Makes a token (as `onestop token create` does); returns the secret.
    pub async fn create_token(
        &self,
        role: store::Role,
        hall: &str,
        name: &str,
    ) -> Result<String, store::TokenError> {
        let now = self.state.clock.now().as_second();
        Ok(self.state.store.create_token(role, hall, name, now).await?.1)
    }

    /// The token of this process's own kiosk (the embedded backend's),
    /// made anew at each start: the last one's secret is not kept.
    pub async fn own_kiosk_token(&self, hall: &str, name: &str) -> Result<String, store::TokenError> {
        let now = self.state.clock.now().as_second();
        Ok(self.state.store.renew_token(store::Role::Kiosk, hall, name, now).await?.1)
    }

    /// Reads the catalogue again, stores it and serves it (kiosks find it
    /// at their next check; other servers on the same PostgreSQL database
    /// at once); returns its version. On any problem the old one stays.
    pub async fn reload_catalog(&self) -> Result<String, ServerError> {
        let dir = self.catalog_dir.as_deref();
        let library = policies::ServedPolicies::new(&policies::load(dir, &load_catalog(dir)?)?);
        adopt_catalog(&self.state.store, dir).await?;
        log_lint(dir, &*self.state.clock, self.review_months);
        *self.state.policies.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(library);
        self.state.served.reload(&self.state.store).await
    }
}

/// Stores the catalogue this server was given (`--catalog DIR`), published.
/// Given none, a published catalogue (`catalog publish`, or another
/// server's) is kept rather than the demo built into the binary.
async fn adopt_catalog(store: &Store, dir: Option<&Path>) -> Result<(), ServerError> {
    let source = load_catalog(dir)?;
    let queues = queue::source::load(dir, &source)?;
    let published = dir.is_some();
    if published || !store.catalog_published().await? {
        store.store_catalog(&source, &queues, published).await?;
    }
    Ok(())
}

/// The warnings `catalog lint` would list for the catalogue directory being
/// served (the demo built in is linted by the tests), in the log.
fn log_lint(dir: Option<&Path>, clock: &dyn Clock, review_months: u32) {
    let Some(dir) = dir else { return };
    let today = clock.now().to_zoned(jiff::tz::TimeZone::UTC).date();
    for warning in lint::lint_dir(dir, today, review_months).warnings {
        tracing::warn!("catalogue: {warning}");
    }
}

/// Erases the personal data of bookings whose appointment ended more than
/// `retain_days` ago, and past minutes' hold counts: when a server starts,
/// then every hour.
async fn erase_when_due(store: &Store, clock: &dyn Clock, retain_days: u32) -> Result<(), ServerError> {
    let now = clock.now().as_second();
    let erased = store.erase_personal_data(now - i64::from(retain_days) * 86_400, now).await?;
    if erased > 0 {
        tracing::info!("erased the personal data of {erased} bookings past their {retain_days} days");
    }
    // Hold counts matter for their minute only.
    store.forget_hold_counts(now.div_euclid(60) - 1).await?;
    Ok(())
}

/// `onestop catalog publish DIR`: checks the catalogue in `dir` and stores
/// it as the one served by every server on `database`; returns its version.
/// Servers on PostgreSQL serve it at once; a server on a SQLite file, at its
/// next reload (SIGHUP) or start.
pub async fn publish_catalog(database: &Database, dir: &Path) -> Result<String, ServerError> {
    let catalog = catalog_source::from_dir(dir)?;
    let queues = queue::source::load(Some(dir), &catalog)?;
    let store = Store::open(database).await?;
    store.store_catalog(&catalog, &queues, true).await?;
    Ok(catalog.version)
}

/// The catalogue directory's, or the demo catalogue built into the binary.
fn load_catalog(dir: Option<&Path>) -> Result<Catalog, catalog_source::SourceError> {
    match dir {
        Some(dir) => catalog_source::from_dir(dir),
        None => catalog_source::embedded(),
    }
}

/// Loads and checks the catalogue, opens the store and seeds it: everything
/// that can fail before the first request.
pub(crate) async fn prepare(opts: &ServerOptions, addr: SocketAddr) -> Result<AppState, ServerError> {
    // Refused before the database is touched.
    let dir = opts.catalog_dir.as_deref();
    let catalog = load_catalog(dir)?;
    let library = policies::load(dir, &catalog)?;
    queue::source::load(dir, &catalog)?;
    if let Database::Sqlite(path) = &opts.database
        && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .map_err(|source| ServerError::Dir { path: parent.to_owned(), source })?;
    }
    let store = Store::open(&opts.database).await?;
    adopt_catalog(&store, opts.catalog_dir.as_deref()).await?;
    log_lint(opts.catalog_dir.as_deref(), &*opts.clock, opts.review_months);
    erase_when_due(&store, &*opts.clock, opts.retain_days).await?;
    tokio::spawn({
        let (store, clock, days) = (store.clone(), opts.clock.clone(), opts.retain_days);
        async move {
            let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                hourly.tick().await;
                if let Err(e) = erase_when_due(&store, &*clock, days).await {
                    tracing::error!("personal data could not be erased: {e}");
                }
            }
        }
    });
    let served = ServedCatalog(Arc::new(RwLock::new(Arc::new(Served::from_store(&store).await?))));
    served.clone().follow(store.clone()).await?;
    let public_url = match &opts.public_url {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => format!("http://{addr}"),
    };
    Ok(AppState {
        store,
        served,
        clock: opts.clock.clone(),
        hold_secs: i64::from(opts.hold_minutes.max(1)) * 60,
        handoff_secs: i64::from(opts.handoff_minutes.max(1)) * 60,
        public_url,
        limit: Arc::new(crate::limit::PerMinute::new(opts.lookups_per_minute)),
        trusted_proxies: opts.trusted_proxies.clone().into(),
        proof: Arc::new(proof::ProofGuard::new(opts.proof_limits, opts.clock.clone())),
        tokens_required: opts.tokens_required,
        bookings_per_person: opts.bookings_per_person.max(1),
        hold_limits: opts.hold_limits,
        checkin_early_minutes: opts.checkin_early_minutes,
        call_rules: opts.call_rules,
        policies: Arc::new(RwLock::new(Arc::new(policies::ServedPolicies::new(&library)))),
        rating_open_days: opts.rating_open_days,
    })
}

/// Starts serving on `listen` (use port 0 for any free port) in the background.
pub async fn start(opts: &ServerOptions, listen: &str) -> Result<Running, ServerError> {
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|source| ServerError::Listen { addr: listen.to_owned(), source })?;
    let addr =
        listener.local_addr().map_err(|source| ServerError::Listen { addr: listen.to_owned(), source })?;
    let state = prepare(opts, addr).await?;
    // Client addresses are needed for the phone pages' rate limit.
    let running = Running {
        addr,
        state: state.clone(),
        catalog_dir: opts.catalog_dir.clone(),
        review_months: opts.review_months,
    };
    let app = routes::router(state).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!("server stopped: {e}");
        }
    });
    Ok(running)
}
