//! The commands of the binary, wired from their parts. `main` parses the
//! command line and calls one of these.

use std::{
    fs::OpenOptions,
    path::PathBuf,
    sync::{Arc, Mutex},
    time::Duration,
};

use anyhow::Context;

mod admin;
pub use admin::{catalog_lint, catalog_publish, token_create, token_list, token_revoke};

use crate::client::ApiClient;
use crate::config::{CatalogToCheck, CheckReport, KioskConfig};
use crate::kiosk::SessionConfig;
use crate::runtime::{self, SessionSetup};
use crate::server::{self, ServerOptions};
use crate::ui::Theme;

/// `onestop`: the kiosk on this terminal, on the configured backend or an
/// embedded one.
pub async fn kiosk(
    cfg: KioskConfig,
    reload: impl Fn() -> Result<KioskConfig, crate::config::ConfigError> + Send + Sync + 'static,
) -> anyhow::Result<()> {
    log_to_file(&cfg)?;
    let backend = backend(&cfg).await?;
    let url = backend.url.clone();
    let mut setup = session_setup(&cfg, &backend, theme(&cfg));
    // As over SSH: the environment can ask for screen-reader mode, which
    // every session starts in then, after a reload too.
    let a11y = std::env::var("ONESTOP_A11Y").is_ok_and(|v| runtime::screen_reader_asked(&v));
    setup.config.screen_reader |= a11y;
    setup.reload = Some(Arc::new(move || {
        let config = reload().map(|c| session_config(&c, &url)).map_err(|e| e.to_string());
        config.map(|c| SessionConfig { screen_reader: c.screen_reader || a11y, ..c })
    }));
    if cfg.speech.enabled {
        setup.voice = Some(Arc::new(runtime::speech::Voice::new(cfg.speech.settings())));
    }
    // Test builds only: a key that panics, so tests can prove crash recovery.
    if cfg!(debug_assertions) {
        setup.panic_key = std::env::var("ONESTOP_TEST_PANIC_KEY").ok().and_then(|k| k.chars().next());
    }
    runtime::local::run(setup).await.context("terminal error")
}

/// `onestop window`: the clerk's console at one window, on the configured
/// backend with the window's token. What is missing is said in the
/// clerk's language, with the command that fixes it.
pub async fn window(cfg: KioskConfig) -> anyhow::Result<()> {
    use crate::i18n::{Tr, s};
    let tr = Tr::new(cfg.kiosk.language);
    let hall = cfg.window_hall().to_owned();
    let Some(number) = cfg.window.number else { anyhow::bail!(tr.t("window-no-number")) };
    let token_name = format!("window-{number:02}");
    let Some(url) = cfg.backend.url.clone() else { anyhow::bail!(tr.t("window-no-backend")) };
    let Some(token) = cfg.backend.token.clone() else {
        anyhow::bail!(tr.a("window-no-token", &[("hall", s(&hall)), ("name", s(&token_name))]))
    };
    log_to_file(&cfg)?;
    let a11y = std::env::var("ONESTOP_A11Y").is_ok_and(|v| runtime::screen_reader_asked(&v));
    let config = crate::window::WindowConfig {
        hall,
        window: number,
        lang: cfg.kiosk.language,
        token_name,
        screen_reader: cfg.session.screen_reader || a11y,
    };
    let client = ApiClient::with_token(&url, Duration::from_secs(cfg.backend.timeout_secs), Some(&token));
    let setup = runtime::window::WindowSetup::new(config, theme(&cfg), client);
    runtime::local::run_with(setup, futures_util::stream::pending()).await.context("terminal error")
}

/// `onestop display`: the hall's calling screen, on the configured
/// backend. The routes it reads are public: a display token is sent when
/// `backend.token` is set, and none is needed otherwise.
pub async fn display(cfg: KioskConfig) -> anyhow::Result<()> {
    let tr = crate::i18n::Tr::new(cfg.kiosk.language);
    let Some(url) = cfg.backend.url.clone() else { anyhow::bail!(tr.t("display-no-backend")) };
    log_to_file(&cfg)?;
    let a11y = std::env::var("ONESTOP_A11Y").is_ok_and(|v| runtime::screen_reader_asked(&v));
    let config = crate::display::DisplayConfig {
        hall: cfg.display_hall().to_owned(),
        lang: cfg.kiosk.language,
        speak: cfg.display.speak,
        recent: cfg.display.recent,
        screen_reader: cfg.session.screen_reader || a11y,
    };
    let timeout = Duration::from_secs(cfg.backend.timeout_secs);
    let client = ApiClient::with_token(&url, timeout, cfg.backend.token.as_deref());
    let setup = runtime::display::DisplaySetup::new(config, theme(&cfg), client);
    runtime::local::run_with(setup, futures_util::stream::pending()).await.context("terminal error")
}

/// `onestop ssh`: a kiosk session for every SSH connection, until SIGTERM
/// or Ctrl-C, when each session says goodbye and gets its terminal back.
pub async fn ssh(cfg: KioskConfig) -> anyhow::Result<()> {
    log_to_stderr(&cfg);
    let backend = backend(&cfg).await?;
    // Each connection chooses its own language and colours; these are defaults.
    let mut setup =
        session_setup(&cfg, &backend, Theme::named(&cfg.session.theme).unwrap_or_else(Theme::standard));
    // The hall's headphone jack is not the SSH client's: no speech there.
    setup.config.speech.enabled = false;
    let auth = match cfg.ssh.auth.as_str() {
        "keys" => runtime::ssh::SshAuth::Keys(cfg.ssh.authorized_keys.clone().unwrap_or_default()),
        _ => runtime::ssh::SshAuth::Open,
    };
    let opts = runtime::ssh::SshOptions {
        listen: cfg.ssh.listen.clone(),
        host_key: cfg.data_dir().join("ssh_host_ed25519_key"),
        auth,
        max_sessions: cfg.ssh.max_sessions,
        connections_per_minute: cfg.ssh.connections_per_minute,
        idle_timeout: Duration::from_secs(cfg.ssh.idle_timeout_secs),
        max_session: Duration::from_secs(cfg.ssh.max_session_secs),
    };
    let running = runtime::ssh::start(opts, setup).await.context("the SSH server could not start")?;
    // Scripts and tests wait for these lines.
    println!("onestop ssh listening on {}", running.addr);
    println!("host key fingerprint: {}", running.fingerprint);
    stopped().await;
    running.shutdown().await;
    Ok(())
}

/// SIGTERM or Ctrl-C.
async fn stopped() {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {},
            _ = async { match term.as_mut() { Some(t) => { t.recv().await; } None => std::future::pending().await } } => {},
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// The backend a kiosk talks to, and the token it shows.
struct Backend {
    url: String,
    token: Option<String>,
}

/// The configured backend, or an embedded one started on loopback, which
/// makes a token for its own kiosk.
async fn backend(cfg: &KioskConfig) -> anyhow::Result<Backend> {
    if let Some(url) = &cfg.backend.url {
        return Ok(Backend { url: url.clone(), token: cfg.backend.token.clone() });
    }
    let running = server::start(&server_options(cfg), "127.0.0.1:0")
        .await
        .context("the embedded backend could not start")?;
    let token = running
        .own_kiosk_token(&cfg.kiosk.hall, &format!("embedded-{}", cfg.kiosk.id))
        .await
        .context("the embedded backend could not make its kiosk's token")?;
    tracing::info!(url = %running.url(), "embedded backend started");
    Ok(Backend { url: running.url(), token: Some(token) })
}

fn session_setup(cfg: &KioskConfig, backend: &Backend, theme: Theme) -> SessionSetup {
    let timeout = Duration::from_secs(cfg.backend.timeout_secs);
    let client = ApiClient::with_token(&backend.url, timeout, backend.token.as_deref());
    let url = backend.url.as_str();
    let mut setup = SessionSetup::new(session_config(cfg, url), theme, client);
    setup.catalog_cache = Some(cfg.data_dir().join("catalog-cache.json"));
    setup.staff_token = cfg.backend.staff_token.clone();
    setup
}

/// What a kiosk session needs of the configuration.
fn session_config(cfg: &KioskConfig, backend_url: &str) -> SessionConfig {
    SessionConfig {
        kiosk: cfg.kiosk.id.clone(),
        hall: cfg.kiosk.hall.clone(),
        lang: cfg.kiosk.language,
        lockdown: cfg.kiosk.lockdown,
        touch: cfg.kiosk.touch,
        idle_timeout_ms: cfg.session.idle_timeout_secs * 1000,
        catalog_refresh_ms: cfg.backend.catalog_refresh_secs * 1000,
        idle_warning_ms: cfg.session.idle_warning_secs * 1000,
        staff_key: crate::kiosk::parse_chord(&cfg.staff.key),
        pin_hash: cfg.staff.pin_hash.clone(),
        screen_reader: cfg.session.screen_reader,
        elderly: cfg.session.elderly,
        backend_url: backend_url.to_owned(),
        log_file: cfg.log_file().display().to_string(),
        // Files are outside the kiosk's control: cleaned like catalogue text.
        hall_name: cfg.kiosk.hall_name.as_ref().map(|name| {
            crate::domain::Text(name.0.iter().map(|(l, t)| (*l, crate::domain::sanitize(t))).collect())
        }),
        help_phone: cfg.kiosk.help_phone.as_deref().map(crate::domain::sanitize),
        review_months: cfg.catalog.review_months,
        phone_link_warning: cfg.phone_link_warning(),
        speech: crate::kiosk::speech::SpeechConfig {
            enabled: cfg.speech.enabled,
            always: cfg.speech.always,
            volume: cfg.speech.volume,
            rate: cfg.speech.rate,
        },
    }
}

/// `onestop serve`: the backend, until interrupted.
pub async fn serve(cfg: KioskConfig) -> anyhow::Result<()> {
    log_to_stderr(&cfg);
    let running = server::start(&server_options(&cfg), &cfg.server.listen).await?;
    // Scripts and tests wait for this line to know the port.
    println!("onestop backend listening on {}", running.url());
    let stop = stopped();
    tokio::pin!(stop);
    let mut reloads = reload_requests();
    loop {
        tokio::select! {
            _ = &mut stop => return Ok(()),
            Some(()) = reloads.recv() => match running.reload_catalog().await {
                Ok(version) => tracing::info!("catalogue reloaded: version {version}"),
                Err(e) => tracing::error!("catalogue not reloaded, the old one stays: {:#}", anyhow::Error::from(e)),
            },
        }
    }
}

/// SIGHUP (`systemctl reload`), one message each.
fn reload_requests() -> tokio::sync::mpsc::UnboundedReceiver<()> {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    #[cfg(unix)]
    if let Ok(mut hup) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
        tokio::spawn(async move { while hup.recv().await.is_some() && tx.send(()).is_ok() {} });
    }
    rx
}

/// `onestop config check [--catalog DIR] [FILE…]`: each FILE on its own
/// over the defaults, or with none the layers as the kiosk reads them
/// (`configs`, the environment, `overrides`). `kiosk.hall` is held against
/// the catalogue in `catalog`, or else the one the kiosk would serve itself
/// (`server.catalog_dir`, or the built-in one). Prints every problem and
/// warning, and "ok" when there is no problem (warnings alone still pass).
pub fn config_check_against(
    files: &[PathBuf],
    configs: &[PathBuf],
    overrides: &[(&str, String)],
    catalog: Option<&std::path::Path>,
) -> bool {
    let which = || catalog.map_or(CatalogToCheck::Configured, CatalogToCheck::Dir);
    let reports: Vec<CheckReport> = if files.is_empty() {
        vec![KioskConfig::check(configs, overrides, which())]
    } else {
        files.iter().map(|f| KioskConfig::check_file(f, which())).collect()
    };
    print_report(&reports)
}

/// Problems and warnings on standard error, "ok" on standard output when
/// there is no problem; true then.
fn print_report(reports: &[CheckReport]) -> bool {
    for report in reports {
        for p in &report.problems {
            eprintln!("{p}");
        }
        for w in &report.warnings {
            eprintln!("warning: {w}");
        }
    }
    let ok = reports.iter().all(|r| r.problems.is_empty());
    if ok {
        println!("ok");
    }
    ok
}

/// `onestop config hash-pin`: asks for a PIN twice (no echo on a terminal;
/// from standard input otherwise) and returns the `pin_hash = "…"` line.
pub fn hash_pin() -> anyhow::Result<String> {
    use argon2::{Argon2, PasswordHasher, password_hash::SaltString};
    use std::io::{BufRead, IsTerminal};
    let read = |prompt: &str| -> anyhow::Result<String> {
        eprint!("{prompt}");
        let line = if std::io::stdin().is_terminal() {
            rpassword::read_password()?
        } else {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line
        };
        Ok(line.trim().to_owned())
    };
    let pin = read("Staff PIN (4 to 12 digits): ")?;
    if !(4..=12).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        anyhow::bail!("a PIN is 4 to 12 digits");
    }
    if read("Again: ")? != pin {
        anyhow::bail!("the two PINs differ");
    }
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let salt = SaltString::encode_b64(&bytes).map_err(|e| anyhow::anyhow!("{e}"))?;
    let hash = Argon2::default().hash_password(pin.as_bytes(), &salt).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(format!("pin_hash = \"{hash}\""))
}

/// `onestop ratings export --since DATE [--hall H]`: CSV on stdout; how
/// many ratings on stderr, so a redirected file holds the CSV alone.
pub async fn ratings_export(
    cfg: &KioskConfig,
    since: jiff::civil::Date,
    hall: Option<&str>,
) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let n = server::ratings::export::export(&cfg.database(), since, hall, &mut out)
        .await
        .context("the ratings were not exported")?;
    std::io::Write::flush(&mut out)?;
    eprintln!("{n} ratings since {since}");
    Ok(())
}

fn server_options(cfg: &KioskConfig) -> ServerOptions {
    ServerOptions {
        catalog_dir: cfg.server.catalog_dir.clone(),
        hold_minutes: cfg.booking.hold_minutes,
        retain_days: cfg.booking.retain_days,
        bookings_per_person: cfg.booking.bookings_per_person,
        tokens_required: true,
        hold_limits: server::auth::HoldLimits {
            per_token: cfg.booking.holds_per_kiosk_per_minute,
            per_hall: cfg.booking.holds_per_hall_per_minute,
        },
        checkin_early_minutes: cfg.booking.checkin_early_minutes,
        review_months: cfg.catalog.review_months,
        rating_open_days: cfg.rating.open_days,
        call_rules: crate::domain::queue::CallRules {
            max_priority_in_a_row: cfg.queue.max_priority_in_a_row,
            return_minutes: cfg.queue.return_minutes,
        },
        handoff_minutes: cfg.handoff.ttl_minutes,
        public_url: cfg.handoff.public_url.clone(),
        lookups_per_minute: cfg.handoff.lookups_per_minute,
        trusted_proxies: cfg.handoff.trusted_proxies.clone(),
        clock: test_clock().unwrap_or_else(|| ServerOptions::new(cfg.database()).clock),
        ..ServerOptions::new(cfg.database())
    }
}

/// Test builds only: `ONESTOP_TEST_NOW` (an instant) stops the server's
/// clock there, so a test of the real binary takes numbers inside a hall's
/// hours whenever it runs.
fn test_clock() -> Option<Arc<dyn crate::server::clock::Clock>> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let at: jiff::Timestamp = std::env::var("ONESTOP_TEST_NOW").ok()?.parse().ok()?;
    Some(Arc::new(crate::server::clock::ManualClock::new(at)))
}

/// The configured theme; `NO_COLOR` (any value) means none: https://no-color.org
fn theme(cfg: &KioskConfig) -> Theme {
    match std::env::var_os("NO_COLOR") {
        Some(v) if !v.is_empty() => Theme::monochrome(),
        _ => Theme::named(&cfg.session.theme).unwrap_or_else(Theme::standard),
    }
}

/// Servers log to standard error (the journal, under systemd).
fn log_to_stderr(cfg: &KioskConfig) {
    let filter = tracing_subscriber::EnvFilter::try_new(&cfg.log.level).unwrap_or_default();
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}

/// The kiosk logs to a file: nothing may be printed over its screen.
fn log_to_file(cfg: &KioskConfig) -> anyhow::Result<()> {
    let path = cfg.log_file();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .with_context(|| format!("cannot open the log file {}", path.display()))?;
    let filter = tracing_subscriber::EnvFilter::try_new(&cfg.log.level).unwrap_or_default();
    tracing_subscriber::fmt().with_env_filter(filter).with_ansi(false).with_writer(Mutex::new(file)).init();
    Ok(())
}
