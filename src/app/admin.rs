//! The commands a hall's or a province's staff run against the backend's
//! database: kiosks' tokens, and publishing a catalogue to every server.

use std::path::Path;

use anyhow::{Context, bail};
use jiff::Timestamp;

use crate::config::KioskConfig;
use crate::server::{
    self, catalog_source,
    store::{Role, Store, TokenInfo},
};

async fn store(cfg: &KioskConfig) -> anyhow::Result<Store> {
    let database = cfg.database();
    if let server::Database::Sqlite(path) = &database
        && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    Store::open(&database).await.with_context(|| format!("cannot open the database {}", database.display()))
}

/// A token's name: what a kiosk id may be, `^[A-Za-z0-9._-]{1,64}$`.
fn check_name(name: &str) -> anyhow::Result<()> {
    let ok = (1..=64).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if !ok {
        bail!("a token's name is 1 to 64 letters, digits, '.', '_' or '-' (e.g. kiosk-01), not {name:?}");
    }
    Ok(())
}

/// The hall must be one the backend serves: the stored catalogue's, or
/// (before any is stored) the one the server would serve.
async fn check_hall(cfg: &KioskConfig, store: &Store, hall: &str) -> anyhow::Result<()> {
    let mut catalog = store.catalog().await?;
    if catalog.halls.is_empty() {
        catalog = match &cfg.server.catalog_dir {
            Some(dir) => catalog_source::from_dir(dir)?,
            None => catalog_source::embedded()?,
        };
    }
    if catalog.halls.iter().any(|h| h.id == hall) {
        return Ok(());
    }
    let known: Vec<_> = catalog.halls.iter().map(|h| h.id.as_str()).collect();
    bail!("no hall {hall:?} in the catalogue; its halls are: {}", known.join(", "))
}

/// `onestop token create`: prints the new token alone on standard output
/// (for scripts), and what to do with it on standard error.
pub async fn token_create(cfg: &KioskConfig, role: Role, hall: &str, name: &str) -> anyhow::Result<()> {
    check_name(name)?;
    let store = store(cfg).await?;
    check_hall(cfg, &store, hall).await?;
    let (info, secret) = store.create_token(role, hall, name, Timestamp::now().as_second()).await?;
    println!("{secret}");
    eprintln!(
        "Token {} for {} {} at {}. It is shown only now: give it to the {} as backend.token \
         (or ONESTOP__BACKEND__TOKEN).",
        info.id,
        role.name(),
        info.name,
        info.hall,
        role.name()
    );
    Ok(())
}

fn when(secs: i64) -> String {
    Timestamp::from_second(secs)
        .map_or_else(|_| secs.to_string(), |t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
}

/// `onestop token list`: every token, never a secret.
pub async fn token_list(cfg: &KioskConfig) -> anyhow::Result<()> {
    let tokens = store(cfg).await?.tokens().await?;
    println!("{:<12} {:<8} {:<16} {:<24} {:<22} revoked", "id", "role", "hall", "name", "created");
    for TokenInfo { id, role, hall, name, created, revoked } in tokens {
        let revoked = revoked.map_or_else(|| "-".to_owned(), when);
        println!("{id:<12} {:<8} {hall:<16} {name:<24} {:<22} {revoked}", role.name(), when(created));
    }
    Ok(())
}

/// `onestop token revoke ID`.
pub async fn token_revoke(cfg: &KioskConfig, id: &str) -> anyhow::Result<()> {
    if !store(cfg).await?.revoke_token(id, Timestamp::now().as_second()).await? {
        bail!("no live token has the id {id:?} (see `onestop token list`)");
    }
    eprintln!("Token {id} revoked: its holder is refused from now on.");
    Ok(())
}

/// `onestop catalog publish DIR`.
pub async fn catalog_publish(cfg: &KioskConfig, dir: &Path) -> anyhow::Result<()> {
    let database = cfg.database();
    let version = server::publish_catalog(&database, dir)
        .await
        .with_context(|| format!("the catalogue in {} was not published", dir.display()))?;
    let reach = match database {
        server::Database::Postgres(_) => "every server on this database serves it now",
        server::Database::Sqlite(_) => {
            "the server on this file serves it at its next reload (SIGHUP) or start"
        }
    };
    println!("published catalogue {version}: {reach}");
    Ok(())
}

/// `onestop catalog lint DIR`: every error that would stop a server loading
/// the catalogue in `dir`, and every warning, one per line on stdout; fails
/// when there is an error.
pub fn catalog_lint(cfg: &KioskConfig, dir: &Path, as_of: Option<jiff::civil::Date>) -> anyhow::Result<()> {
    let today = as_of.unwrap_or_else(|| jiff::Zoned::now().date());
    let report = server::lint::lint_dir(dir, today, cfg.catalog.review_months);
    // One problem a line; a syntax error's quoted lines follow, indented.
    for (tag, line) in
        report.errors.iter().map(|e| ("error", e)).chain(report.warnings.iter().map(|w| ("warning", w)))
    {
        let mut lines = line.lines();
        println!("{tag}: {}", lines.next().unwrap_or_default());
        for more in lines {
            println!("    {more}");
        }
    }
    let (errors, warnings) = (report.errors.len(), report.warnings.len());
    println!("{}: {errors} errors, {warnings} warnings (as of {today})", dir.display());
    if errors > 0 {
        anyhow::bail!("the catalogue in {} would not load", dir.display());
    }
    Ok(())
}
