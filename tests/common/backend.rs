//! A real server on loopback over a real SQLite file or a real PostgreSQL
//! database, its clock in the test's hand, and the people the tests book for.

use std::sync::Arc;

use onestop::domain::{Catalog, person};
use onestop::server::{self, Database, ServerOptions, clock::ManualClock};
use reqwest::Client;

/// Which store a test's server keeps its data in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreKind {
    Sqlite,
    Postgres,
}

impl StoreKind {
    /// A new, empty database of this kind (a SQLite file inside `dir`).
    pub fn database(self, dir: &std::path::Path) -> Database {
        match self {
            StoreKind::Sqlite => Database::Sqlite(dir.join("onestop.db")),
            StoreKind::Postgres => Database::Postgres(super::postgres::cluster().database()),
        }
    }
}

/// Writes each test once per store, as `mod NAME { fn sqlite, fn postgres }`:
/// `on_both_stores! { async fn NAME(kind) { … start_on(kind, …) … } }`.
#[macro_export]
macro_rules! on_both_stores {
    ($(async fn $name:ident($kind:ident) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            async fn run($kind: $crate::common::backend::StoreKind) $body
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run($crate::common::backend::StoreKind::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                run($crate::common::backend::StoreKind::Postgres).await
            }
        }
    )*};
}

pub struct Backend {
    pub url: String,
    pub clock: Arc<ManualClock>,
    pub http: Client,
    /// The catalogue as the server serves it.
    pub catalog: Catalog,
    /// Holds the database file.
    pub dir: tempfile::TempDir,
    pub running: server::Running,
    pub database: Database,
}

/// Monday 30 November 2026, 08:00 in Shanghai: the halls open later that morning.
pub const MONDAY_8AM_SHANGHAI: &str = "2026-11-30T00:00:00Z";

/// A server on SQLite at Monday 8:00 in Shanghai, with `options` changed as a test needs.
pub async fn start(options: impl FnOnce(ServerOptions) -> ServerOptions) -> Backend {
    start_on(StoreKind::Sqlite, options).await
}

/// A server on the given store at Monday 8:00 in Shanghai.
pub async fn start_on(kind: StoreKind, options: impl FnOnce(ServerOptions) -> ServerOptions) -> Backend {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(MONDAY_8AM_SHANGHAI.parse().unwrap()));
    let database = kind.database(dir.path());
    let opts = options(ServerOptions { clock: clock.clone(), ..ServerOptions::new(database.clone()) });
    let running = server::start(&opts, "127.0.0.1:0").await.unwrap();
    let url = running.url();
    let http = Client::new();
    let catalog = http.get(format!("{url}/api/v1/catalog")).send().await.unwrap().json().await.unwrap();
    Backend { url, clock, http, catalog, dir, running, database }
}

/// A valid resident ID number, different for each `n`.
pub fn id_number(n: u32) -> String {
    let first17 = format!("110105198001{:02}{:03}", 1 + n % 28, n % 1000);
    format!("{first17}{}", person::check_char(first17.as_bytes()))
}

/// A mobile whose last digits are `n`'s, zero-padded.
pub fn phone(n: u32) -> String {
    format!("138{:08}", n)
}

/// One column of a query, straight from the database of either engine.
pub async fn column<T>(database: &Database, sql: &'static str, binds: &[&str]) -> Vec<T>
where
    T: Send + Unpin,
    T: for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
{
    match database {
        Database::Sqlite(path) => {
            let db = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display())).await.unwrap();
            let mut query = sqlx::query_scalar(sql);
            for bind in binds {
                query = query.bind(*bind);
            }
            query.fetch_all(&db).await.unwrap()
        }
        Database::Postgres(url) => {
            let db = sqlx::PgPool::connect(url).await.unwrap();
            let mut query = sqlx::query_scalar(sql);
            for bind in binds {
                query = query.bind(*bind);
            }
            query.fetch_all(&db).await.unwrap()
        }
    }
}

impl Backend {
    /// One number straight from the database, e.g. `SELECT COUNT(*) … = $1`.
    pub async fn count(&self, sql: &'static str, bind: &str) -> i64 {
        column::<i64>(&self.database, sql, &[bind]).await[0]
    }
}
