//! The backend's database. SQLite through sqlx; the SQL is kept to what
//! PostgreSQL accepts too, so a province-wide deployment can swap the pool.

use std::{
    path::Path,
    str::FromStr,
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicI64, Ordering},
    },
};

use sqlx::{
    AssertSqlSafe, Connection, Row, Sqlite,
    pool::PoolConnection,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous},
};

mod booking;
mod handoff;

pub use booking::{BookError, Extend, HoldSlot, NewBooking, StoredBooking, crockford, normalize_code};
pub use handoff::StoredHandoff;

use crate::domain::{Catalog, Category, Hall, Service};

const SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS halls (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS categories (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS services (id TEXT PRIMARY KEY, position INTEGER NOT NULL, \
     category_id TEXT NOT NULL REFERENCES categories(id), doc TEXT NOT NULL)",
    // One row per slot that anyone has held: places taken by holds and bookings together.
    "CREATE TABLE IF NOT EXISTS slots (hall TEXT NOT NULL, service TEXT NOT NULL, start_utc BIGINT NOT NULL, \
     capacity INTEGER NOT NULL, taken INTEGER NOT NULL, PRIMARY KEY (hall, service, start_utc))",
    "CREATE TABLE IF NOT EXISTS holds (id TEXT PRIMARY KEY, hall TEXT NOT NULL, service TEXT NOT NULL, \
     start_utc BIGINT NOT NULL, end_utc BIGINT NOT NULL, local_date TEXT NOT NULL, \
     expires_utc BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS holds_expiry ON holds (expires_utc)",
    // How often each hold was kept longer (at most twice); a row goes with its hold.
    "CREATE TABLE IF NOT EXISTS hold_extensions (hold TEXT PRIMARY KEY, times INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bookings (code TEXT PRIMARY KEY, status TEXT NOT NULL, hall TEXT NOT NULL, \
     service TEXT NOT NULL, start_utc BIGINT NOT NULL, end_utc BIGINT NOT NULL, local_date TEXT NOT NULL, \
     name TEXT NOT NULL, phone TEXT NOT NULL, phone_last4 TEXT NOT NULL, id_hash TEXT NOT NULL, \
     id_masked TEXT NOT NULL, kiosk TEXT, created_utc BIGINT NOT NULL, \
     idempotency_key TEXT NOT NULL UNIQUE, request_hash TEXT NOT NULL)",
    // A confirm sent again under a new key finds the booking its hold became.
    "CREATE INDEX IF NOT EXISTS bookings_request ON bookings (request_hash)",
    // One person, one active booking per service per day: enforced by the database itself.
    "CREATE UNIQUE INDEX IF NOT EXISTS one_per_person ON bookings (id_hash, service, local_date) \
     WHERE status = 'active'",
    "CREATE TABLE IF NOT EXISTS handoffs (code TEXT PRIMARY KEY, service TEXT NOT NULL, lang TEXT NOT NULL, \
     booking TEXT, expires_utc BIGINT NOT NULL)",
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error")]
    Db(#[from] sqlx::Error),
    #[error("stored catalogue is unreadable")]
    Doc(#[from] serde_json::Error),
}

/// One writer connection, so writes queue in the pool (first come, first
/// served) instead of spinning on SQLite's lock; readers run beside it (WAL).
#[derive(Clone)]
pub struct Store {
    writer: SqlitePool,
    reader: SqlitePool,
    /// Whether the writer's commits are durable now (`PRAGMA synchronous`),
    /// so the pragma is sent only when it changes.
    writer_durable: Arc<AtomicBool>,
    /// When expired holds were last swept (seconds).
    last_sweep: Arc<AtomicI64>,
    /// Bookings go to the group committer (None inside the committer itself).
    committer: Option<tokio::sync::mpsc::Sender<booking::Pending>>,
    /// Key for hashing ID numbers; made on first start, kept in the database.
    id_key: std::sync::Arc<[u8; 32]>,
}

impl Store {
    /// Opens (creating if needed) the SQLite file at `path`.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        // The writer is never replaced behind our back: `writer_durable` tracks its one connection.
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options.clone())
            .await?;
        for stmt in SCHEMA {
            sqlx::query(*stmt).execute(&writer).await?;
        }
        let id_key = Arc::new(id_key(&writer).await?);
        let reader =
            SqlitePoolOptions::new().max_connections(4).connect_with(options.read_only(true)).await?;
        let writer_durable = Arc::new(AtomicBool::new(true));
        let mut store = Store {
            writer,
            reader,
            id_key,
            writer_durable,
            last_sweep: Arc::new(AtomicI64::new(i64::MIN)),
            committer: None,
        };
        let (committer, queue) = tokio::sync::mpsc::channel(1024);
        tokio::spawn(store.clone().commit_loop(queue));
        store.committer = Some(committer);
        Ok(store)
    }

    /// The writer, set to make its next commits `durable` (reach the disk
    /// before returning) or not: holds expire in minutes anyway, so losing
    /// one to a power cut is harmless, and the next durable commit carries
    /// it to disk too (one write-ahead log).
    async fn write(&self, durable: bool) -> Result<PoolConnection<Sqlite>, sqlx::Error> {
        let mut conn = self.writer.acquire().await?;
        // Holding the only writer, nobody else changes the mode meanwhile.
        // Marked non-durable before the switch, so a failed switch errs on
        // the side of sending the pragma again.
        if self.writer_durable.load(Ordering::Acquire) != durable {
            self.writer_durable.store(false, Ordering::Release);
            let pragma = if durable { "PRAGMA synchronous = FULL" } else { "PRAGMA synchronous = NORMAL" };
            sqlx::query(pragma).execute(&mut *conn).await?;
            self.writer_durable.store(durable, Ordering::Release);
        }
        Ok(conn)
    }

    /// Replaces the stored catalogue with `catalog` unless it already holds that version.
    pub async fn seed(&self, catalog: &Catalog) -> Result<(), StoreError> {
        let stored: Option<String> =
            sqlx::query_scalar("SELECT value FROM meta WHERE key = 'catalog_version'")
                .fetch_optional(&self.reader)
                .await?;
        if stored.as_deref() == Some(catalog.version.as_str()) {
            return Ok(());
        }
        let mut conn = self.write(true).await?;
        let mut tx = conn.begin().await?;
        for table in ["services", "categories", "halls"] {
            // `table` is one of three constants above, never input.
            sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *tx).await?;
        }
        for (i, h) in catalog.halls.iter().enumerate() {
            sqlx::query("INSERT INTO halls (id, position, doc) VALUES ($1, $2, $3)")
                .bind(&h.id)
                .bind(i as i64)
                .bind(serde_json::to_string(h)?)
                .execute(&mut *tx)
                .await?;
        }
        for (i, c) in catalog.categories.iter().enumerate() {
            sqlx::query("INSERT INTO categories (id, position, doc) VALUES ($1, $2, $3)")
                .bind(&c.id)
                .bind(i as i64)
                .bind(serde_json::to_string(c)?)
                .execute(&mut *tx)
                .await?;
        }
        for (i, s) in catalog.services.iter().enumerate() {
            sqlx::query("INSERT INTO services (id, position, category_id, doc) VALUES ($1, $2, $3, $4)")
                .bind(&s.id)
                .bind(i as i64)
                .bind(&s.category)
                .bind(serde_json::to_string(s)?)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO meta (key, value) VALUES ('catalog_version', $1) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(&catalog.version)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The catalogue as stored.
    pub async fn catalog(&self) -> Result<Catalog, StoreError> {
        let version: String = sqlx::query_scalar("SELECT value FROM meta WHERE key = 'catalog_version'")
            .fetch_optional(&self.reader)
            .await?
            .unwrap_or_default();
        Ok(Catalog {
            version,
            halls: self.docs::<Hall>("halls").await?,
            categories: self.docs::<Category>("categories").await?,
            services: self.docs::<Service>("services").await?,
        })
    }

    async fn docs<T: serde::de::DeserializeOwned>(&self, table: &'static str) -> Result<Vec<T>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!("SELECT doc FROM {table} ORDER BY position")))
            .fetch_all(&self.reader)
            .await?;
        rows.iter().map(|r| Ok(serde_json::from_str(r.try_get::<&str, _>("doc")?)?)).collect()
    }

    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.reader).await?;
        Ok(())
    }
}

/// The secret for ID hashes: read, or made and stored on first start.
async fn id_key(pool: &SqlitePool) -> Result<[u8; 32], StoreError> {
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).expect("the OS has randomness");
    let hex: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query("INSERT INTO meta (key, value) VALUES ('id_key', $1) ON CONFLICT (key) DO NOTHING")
        .bind(&hex)
        .execute(pool)
        .await?;
    let stored: String =
        sqlx::query_scalar("SELECT value FROM meta WHERE key = 'id_key'").fetch_one(pool).await?;
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = stored.get(i * 2..i * 2 + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
    }
    Ok(key)
}
