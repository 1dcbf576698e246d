//! SQLite's group commit: bookings that arrive together are confirmed by
//! one durable commit (one disk flush for many), each inside its own
//! savepoint so that a refusal undoes only its own statements. PostgreSQL
//! needs none of this: its servers commit side by side.

use sqlx::Connection;
use tokio::sync::mpsc;

use super::{
    Store, StoreError,
    booking::{
        BookError, CODE_TRIES, NewBooking, Pending, StoredBooking, code_taken, no_free_code, try_book,
    },
    codes::crockford,
    engine::Engine,
};

/// Most bookings one disk flush confirms.
const GROUP: usize = 64;

impl Store {
    /// The committer: takes what is waiting, books each, commits once, then
    /// answers everyone.
    pub(super) async fn commit_loop(self, mut queue: mpsc::Receiver<Pending>) {
        while let Some(first) = queue.recv().await {
            let mut batch = vec![first];
            while batch.len() < GROUP {
                match queue.try_recv() {
                    Ok(next) => batch.push(next),
                    Err(_) => break,
                }
            }
            let results = self.commit_group(&batch).await;
            for ((_, reply), result) in batch.into_iter().zip(results) {
                let _ = reply.send(result);
            }
        }
    }

    async fn commit_group(&self, batch: &[Pending]) -> Vec<Result<StoredBooking, BookError>> {
        let failed = |e: &sqlx::Error| {
            (0..batch.len())
                .map(|_| Err(BookError::Store(StoreError::Db(sqlx::Error::Protocol(e.to_string())))))
                .collect()
        };
        let Engine::Sqlite(engine) = &*self.engine else { unreachable!("only SQLite groups its commits") };
        let mut conn = match engine.write(true).await {
            Ok(c) => c,
            Err(e) => return failed(&e),
        };
        let mut tx = match conn.begin().await {
            Ok(t) => t,
            Err(e) => return failed(&e),
        };
        let mut results = Vec::with_capacity(batch.len());
        for (new, _) in batch {
            results.push(self.book_one(&mut tx, new).await);
        }
        match tx.commit().await {
            Ok(()) => results,
            Err(e) => failed(&e),
        }
    }

    /// One booking inside the group's transaction, in a savepoint.
    async fn book_one(
        &self,
        tx: &mut sqlx::SqliteConnection,
        new: &NewBooking,
    ) -> Result<StoredBooking, BookError> {
        for _ in 0..CODE_TRIES {
            sqlx::query("SAVEPOINT booking").execute(&mut *tx).await?;
            let result = try_book!(self, tx, new, &crockford(8)).await;
            let end = if result.is_ok() { "RELEASE booking" } else { "ROLLBACK TO booking" };
            sqlx::query(end).execute(&mut *tx).await?;
            if result.is_err() {
                sqlx::query("RELEASE booking").execute(&mut *tx).await?;
            }
            if !code_taken(&result) {
                return result;
            }
        }
        Err(no_free_code())
    }
}
