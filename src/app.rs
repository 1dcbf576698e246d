//! The commands of the binary, wired from their parts. `main` parses the
//! command line and calls one of these.

use std::{fs::OpenOptions, path::PathBuf, sync::Mutex, time::Duration};

use anyhow::Context;

use crate::client::ApiClient;
use crate::config::KioskConfig;
use crate::kiosk::SessionConfig;
use crate::runtime::{self, SessionSetup};
use crate::server::{self, ServerOptions};
use crate::ui::Theme;

/// `onestop`: the kiosk on this terminal, on the configured backend or an
/// embedded one.
pub async fn kiosk(cfg: KioskConfig) -> anyhow::Result<()> {
    log_to_file(&cfg)?;
    let url = match &cfg.backend.url {
        Some(url) => url.clone(),
        None => {
            let running = server::start(&server_options(&cfg), "127.0.0.1:0")
                .await
                .context("the embedded backend could not start")?;
            tracing::info!(url = %running.url(), "embedded backend started");
            running.url()
        }
    };
    let setup = SessionSetup {
        config: SessionConfig {
            kiosk: cfg.kiosk.id.clone(),
            hall: cfg.kiosk.hall.clone(),
            lang: cfg.kiosk.language,
            lockdown: cfg.kiosk.lockdown,
        },
        theme: theme_from_env(),
        client: ApiClient::new(&url, Duration::from_secs(cfg.backend.timeout_secs)),
    };
    runtime::local::run(setup).await.context("terminal error")
}

/// `onestop serve`: the backend, until interrupted.
pub async fn serve(cfg: KioskConfig) -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_new(&cfg.log.level).unwrap_or_default();
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    let running = server::start(&server_options(&cfg), &cfg.server.listen).await?;
    // Scripts and tests wait for this line to know the port.
    println!("onestop backend listening on {}", running.url());
    tokio::signal::ctrl_c().await.context("waiting for Ctrl-C")?;
    Ok(())
}

/// `onestop config check [FILE…]`: prints each problem, or "ok".
pub fn config_check(files: &[PathBuf], layered: Result<KioskConfig, crate::config::ConfigError>) -> bool {
    let problems: Vec<_> = if files.is_empty() {
        layered.err().map(|e| e.0).unwrap_or_default()
    } else {
        files.iter().flat_map(|f| KioskConfig::check_file(f)).collect()
    };
    for p in &problems {
        eprintln!("{p}");
    }
    if problems.is_empty() {
        println!("ok");
    }
    problems.is_empty()
}

fn server_options(cfg: &KioskConfig) -> ServerOptions {
    ServerOptions {
        catalog_dir: cfg.server.catalog_dir.clone(),
        hold_minutes: cfg.booking.hold_minutes,
        handoff_minutes: cfg.handoff.ttl_minutes,
        public_url: cfg.handoff.public_url.clone(),
        lookups_per_minute: cfg.handoff.lookups_per_minute,
        ..ServerOptions::new(cfg.database())
    }
}

/// `NO_COLOR` (any value) means no colour: https://no-color.org
fn theme_from_env() -> Theme {
    match std::env::var_os("NO_COLOR") {
        Some(v) if !v.is_empty() => Theme::monochrome(),
        _ => Theme::standard(),
    }
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
