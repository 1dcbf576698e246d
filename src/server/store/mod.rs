//! The backend's database: one `Store` over SQLite or PostgreSQL
//! (`engine.rs` says how one SQL text serves both).

use std::sync::{Arc, atomic::AtomicI64};

use sqlx::{AssertSqlSafe, Row};

mod booking;
mod codes;
mod engine;
mod group;
mod handoff;
mod hold_counts;
mod holds;
mod ratings;
mod reports;
mod retention;
mod tickets;
mod tokens;

pub use booking::{BookError, NewBooking, StoredBooking};
pub use codes::{crockford, normalize_code};
pub use engine::Database;
pub use handoff::{HandoffTicket, StoredHandoff};
pub use holds::{Extend, HoldSlot};
pub use ratings::{RatedTicket, StoredRating};
pub use reports::StoredReport;
pub use tickets::{HallEvent, NewTicket, Subscription, TakeRefusal, TakenTicket};
pub use tokens::{Role, TokenError, TokenInfo};

use engine::{Engine, read, write};

use crate::domain::{Catalog, Category, Hall, Service};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error")]
    Db(#[from] sqlx::Error),
    #[error("database schema could not be brought up to date")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored catalogue is unreadable")]
    Doc(#[from] serde_json::Error),
}

/// A handle on the database; clones share it.
#[derive(Clone)]
pub struct Store {
    engine: Arc<Engine>,
    /// When expired holds were last swept (seconds).
    last_sweep: Arc<AtomicI64>,
    /// Key for hashing ID numbers; made on first start, kept in the database.
    id_key: Arc<[u8; 32]>,
}

/// The PostgreSQL channel a published catalogue is announced on.
const CATALOG_CHANNEL: &str = "onestop_catalog";

impl Store {
    /// Opens the database (creating a SQLite file if needed) and brings its
    /// schema up to date.
    pub async fn open(database: &Database) -> Result<Store, StoreError> {
        let engine = Arc::new(Engine::open(database).await?);
        let id_key = Arc::new(id_key(&engine).await?);
        let store = Store { engine, id_key, last_sweep: Arc::new(AtomicI64::new(i64::MIN)) };
        if let Engine::Sqlite(e) = &*store.engine {
            let (committer, queue) = tokio::sync::mpsc::channel(1024);
            let _ = e.committer.set(committer);
            tokio::spawn(store.clone().commit_loop(queue));
        }
        Ok(store)
    }

    /// Whether this store is shared by several servers (PostgreSQL).
    pub fn is_shared(&self) -> bool {
        matches!(*self.engine, Engine::Postgres(_))
    }

    /// Stores `catalog` as the one to serve, unless that version is stored
    /// already; true when it was new. `published` marks it as chosen by staff
    /// (`catalog publish DIR`, or `serve --catalog DIR`): a server started
    /// without a catalogue of its own then serves it rather than the demo
    /// built into it. On PostgreSQL every other server is told at once.
    pub async fn store_catalog(
        &self,
        catalog: &Catalog,
        queues: &str,
        published: bool,
    ) -> Result<bool, StoreError> {
        let stored = self.meta("catalog_version").await?;
        if stored.as_deref() == Some(catalog.version.as_str())
            && self.catalog_queues().await? == queues
            && (!published || self.catalog_published().await?)
        {
            return Ok(false);
        }
        // (table, id, category, document), in the catalogue's order.
        let mut rows = vec![];
        for h in &catalog.halls {
            rows.push(("halls", &h.id, None, serde_json::to_string(h)?));
        }
        for c in &catalog.categories {
            rows.push(("categories", &c.id, None, serde_json::to_string(c)?));
        }
        for s in &catalog.services {
            rows.push(("services", &s.id, Some(&s.category), serde_json::to_string(s)?));
        }
        write!(self.engine, durable = true, |tx| {
            for table in ["services", "categories", "halls"] {
                // `table` is one of three constants, never input.
                sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *tx).await?;
            }
            for (position, (table, id, category, doc)) in rows.iter().enumerate() {
                let sql = match category {
                    None => format!("INSERT INTO {table} (id, position, doc) VALUES ($1, $2, $3)"),
                    Some(_) => format!(
                        "INSERT INTO {table} (id, position, doc, category_id) VALUES ($1, $2, $3, $4)"
                    ),
                };
                let mut insert = sqlx::query(AssertSqlSafe(sql)).bind(*id).bind(position as i64).bind(doc);
                if let Some(category) = category {
                    insert = insert.bind(*category);
                }
                insert.execute(&mut *tx).await?;
            }
            for (key, value) in [
                ("catalog_version", catalog.version.as_str()),
                ("catalog_queues", queues),
                ("catalog_published", if published { "1" } else { "0" }),
            ] {
                sqlx::query(
                    "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                )
                .bind(key)
                .bind(value)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        if let Engine::Postgres(pool) = &*self.engine {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CATALOG_CHANNEL)
                .bind(&catalog.version)
                .execute(pool)
                .await?;
        }
        Ok(true)
    }

    /// The `queues.toml` stored with the catalogue; empty for none.
    pub async fn catalog_queues(&self) -> Result<String, StoreError> {
        Ok(self.meta("catalog_queues").await?.unwrap_or_default())
    }

    /// Whether staff published the stored catalogue (see `store_catalog`).
    pub async fn catalog_published(&self) -> Result<bool, StoreError> {
        Ok(self.meta("catalog_published").await?.as_deref() == Some("1"))
    }

    /// Told of every catalogue published to a shared store; None on SQLite
    /// (one server, which publishes itself).
    pub async fn catalog_changes(&self) -> Result<Option<sqlx::postgres::PgListener>, StoreError> {
        let Engine::Postgres(pool) = &*self.engine else { return Ok(None) };
        let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
        listener.listen(CATALOG_CHANNEL).await?;
        Ok(Some(listener))
    }

    async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(read!(self.engine, |db| {
            sqlx::query_scalar("SELECT value FROM meta WHERE key = $1").bind(key).fetch_optional(db).await?
        }))
    }

    /// The catalogue as stored.
    pub async fn catalog(&self) -> Result<Catalog, StoreError> {
        Ok(Catalog {
            version: self.meta("catalog_version").await?.unwrap_or_default(),
            halls: self.docs::<Hall>("halls").await?,
            categories: self.docs::<Category>("categories").await?,
            services: self.docs::<Service>("services").await?,
        })
    }

    async fn docs<T: serde::de::DeserializeOwned>(&self, table: &'static str) -> Result<Vec<T>, StoreError> {
        let sql = format!("SELECT doc FROM {table} ORDER BY position");
        read!(self.engine, |db| {
            let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(db).await?;
            rows.iter().map(|r| Ok(serde_json::from_str(r.try_get::<&str, _>("doc")?)?)).collect()
        })
    }

    pub async fn ping(&self) -> Result<(), StoreError> {
        read!(self.engine, |db| sqlx::query("SELECT 1").execute(db).await.map(|_| ())?);
        Ok(())
    }
}

/// The secret for ID hashes: read, or made and stored on first start (the
/// first of several servers to start makes it; the others read it).
async fn id_key(engine: &Arc<Engine>) -> Result<[u8; 32], StoreError> {
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).expect("the OS has randomness");
    let hex: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
    let stored: String = write!(*engine, durable = true, |tx| {
        sqlx::query("INSERT INTO meta (key, value) VALUES ('id_key', $1) ON CONFLICT (key) DO NOTHING")
            .bind(&hex)
            .execute(&mut *tx)
            .await?;
        let stored =
            sqlx::query_scalar("SELECT value FROM meta WHERE key = 'id_key'").fetch_one(&mut *tx).await?;
        tx.commit().await?;
        stored
    });
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = stored.get(i * 2..i * 2 + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
    }
    Ok(key)
}
