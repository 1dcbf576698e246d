//! The two engines behind one `Store`: SQLite (a hall: one file, one writer
//! connection, group commit) and PostgreSQL (a province: one database shared
//! by several servers). Not sqlx's `Any` driver: it knows few types and its
//! `?` placeholders break on PostgreSQL. Instead each query is written once
//! in SQL both accept (`$1` placeholders, `ON CONFLICT`, `RETURNING`) and
//! compiled for each engine by the macros below.

use std::{
    path::PathBuf,
    str::FromStr,
    sync::atomic::{AtomicBool, Ordering},
    time::Duration,
};

use sqlx::{
    PgPool, Sqlite,
    pool::PoolConnection,
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous},
};

use super::{StoreError, booking::Pending};

/// Where the store keeps its data: `server.database`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file (created if missing).
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL, `postgres://user:password@host:port/db`.
    Postgres(String),
}

impl Database {
    /// Reads `sqlite:///path`, `sqlite:relative/path`, `postgres://…`
    /// (or `postgresql://…`), or a plain file path.
    pub fn parse(s: &str) -> Database {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Database::Postgres(s.to_owned())
        } else if let Some(path) = s.strip_prefix("sqlite://") {
            Database::Sqlite(PathBuf::from(path))
        } else if let Some(path) = s.strip_prefix("sqlite:") {
            Database::Sqlite(PathBuf::from(path))
        } else {
            Database::Sqlite(PathBuf::from(s))
        }
    }

    /// How it can be named in a log or an error: a PostgreSQL URL without its password.
    pub fn display(&self) -> String {
        match self {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => match PgConnectOptions::from_str(url) {
                Ok(o) => format!(
                    "postgres://{}@{}:{}/{}",
                    o.get_username(),
                    o.get_host(),
                    o.get_port(),
                    o.get_database().unwrap_or_default()
                ),
                Err(_) => "postgres://(unreadable URL)".to_owned(),
            },
        }
    }
}

impl From<PathBuf> for Database {
    fn from(path: PathBuf) -> Database {
        Database::Sqlite(path)
    }
}

pub(super) enum Engine {
    Sqlite(SqliteEngine),
    Postgres(PgPool),
}

/// One writer connection, so writes queue in the pool (first come, first
/// served) instead of spinning on SQLite's lock; readers run beside it (WAL).
pub(super) struct SqliteEngine {
    writer: SqlitePool,
    pub(super) reader: SqlitePool,
    /// Whether the writer's commits are durable now (`PRAGMA synchronous`),
    /// so the pragma is sent only when it changes.
    writer_durable: AtomicBool,
    /// Bookings go to the group committer.
    pub(super) committer: std::sync::OnceLock<tokio::sync::mpsc::Sender<Pending>>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Engine {
    pub(super) async fn open(database: &Database) -> Result<Engine, StoreError> {
        match database {
            Database::Sqlite(path) => {
                let options = SqliteConnectOptions::from_str("sqlite:")?
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5));
                // Never replaced behind our back: `writer_durable` tracks its one connection.
                let writer = SqlitePoolOptions::new()
                    .max_connections(1)
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .connect_with(options.clone())
                    .await?;
                SQLITE_MIGRATIONS.run(&writer).await?;
                let reader =
                    SqlitePoolOptions::new().max_connections(4).connect_with(options.read_only(true)).await?;
                Ok(Engine::Sqlite(SqliteEngine {
                    writer,
                    reader,
                    writer_durable: AtomicBool::new(true),
                    committer: std::sync::OnceLock::new(),
                }))
            }
            Database::Postgres(url) => {
                let options = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                // Several servers may start at once: the migrator takes an
                // advisory lock, so one of them migrates and the others wait.
                POSTGRES_MIGRATIONS.run(&pool).await?;
                Ok(Engine::Postgres(pool))
            }
        }
    }
}

impl SqliteEngine {
    /// The writer, set to make its next commits `durable` (reach the disk
    /// before returning) or not: holds expire in minutes anyway, so losing
    /// one to a power cut is harmless, and the next durable commit carries
    /// it to disk too (one write-ahead log).
    pub(super) async fn write(&self, durable: bool) -> Result<PoolConnection<Sqlite>, sqlx::Error> {
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
}

/// Runs `$body` with `$db` bound to a pool to read from, compiled once per engine.
macro_rules! read {
    ($engine:expr, |$db:ident| $body:expr) => {
        match &*$engine {
            $crate::server::store::engine::Engine::Sqlite(e) => {
                let $db = &e.reader;
                $body
            }
            $crate::server::store::engine::Engine::Postgres(pool) => {
                let $db = pool;
                $body
            }
        }
    };
}

/// Runs `$body` inside a transaction `$tx`, compiled once per engine; the
/// body commits. On SQLite the transaction is on the one writer, made
/// `$durable` or not; PostgreSQL's commits are always durable.
macro_rules! write {
    ($engine:expr, durable = $durable:expr, |$tx:ident| $body:expr) => {
        match &*$engine {
            $crate::server::store::engine::Engine::Sqlite(e) => {
                let mut conn = e.write($durable).await?;
                let mut $tx = sqlx::Connection::begin(&mut *conn).await?;
                $body
            }
            $crate::server::store::engine::Engine::Postgres(pool) => {
                let mut $tx = pool.begin().await?;
                $body
            }
        }
    };
}

pub(super) use {read, write};

/// Whether `e` broke the unique constraint PostgreSQL names `constraint`
/// (SQLite names the columns instead: `columns`, as in its message).
pub(super) fn violates(e: &sqlx::Error, constraint: &str, columns: &str) -> bool {
    match e {
        sqlx::Error::Database(e) if e.is_unique_violation() => {
            e.constraint() == Some(constraint) || e.message().contains(columns)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls() {
        assert_eq!(
            Database::parse("sqlite:///var/lib/onestop/a.db"),
            Database::Sqlite("/var/lib/onestop/a.db".into())
        );
        assert_eq!(Database::parse("sqlite:data/a.db"), Database::Sqlite("data/a.db".into()));
        assert_eq!(Database::parse("/tmp/a.db"), Database::Sqlite("/tmp/a.db".into()));
        let pg = Database::parse("postgres://onestop:secret@db.example:5433/onestop");
        assert_eq!(pg, Database::Postgres("postgres://onestop:secret@db.example:5433/onestop".into()));
        assert_eq!(pg.display(), "postgres://onestop@db.example:5433/onestop");
        assert!(!pg.display().contains("secret"));
    }
}
