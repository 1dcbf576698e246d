//! Holds: a place in a slot kept for a few minutes while a citizen books.
//! Every place is counted in `slots.taken`, changed only by single-row
//! conditional updates inside transactions, so no interleaving of requests
//! can push a slot past its capacity — on SQLite (one writer at a time) and
//! on PostgreSQL (the row's lock, taken by the update) alike.

use super::{
    Store, StoreError,
    codes::random_id,
    engine::{read, write},
};

/// A hold is kept longer at most this many times.
pub const MAX_EXTENSIONS: i64 = 2;

/// What asking to keep a hold longer came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extend {
    Kept,
    /// Expired, given back, or never there.
    Gone,
    /// Already kept longer `MAX_EXTENSIONS` times.
    TooOften,
    /// The slot has no place left for anyone else.
    NoRoom,
}

/// The slot a hold is for, as the route layer computed it from the catalogue.
pub struct HoldSlot<'a> {
    pub hall: &'a str,
    pub service: &'a str,
    pub start: i64,
    pub end: i64,
    /// The slot's date in the hall's zone (one booking per person per day).
    pub local_date: &'a str,
    pub capacity: u32,
}
/// Frees one place of a slot (a hold given back, a booking cancelled).
pub(super) const FREE_PLACE: &str =
    "UPDATE slots SET taken = taken - 1 WHERE hall = $1 AND service = $2 AND start_utc = $3 AND taken > 0";

#[derive(sqlx::FromRow)]
pub(super) struct SlotKey {
    pub hall: String,
    pub service: String,
    pub start_utc: i64,
}

impl Store {
    /// Frees the places of holds that expired by `now`; at most once a second.
    pub async fn release_expired(&self, now: i64) -> Result<(), StoreError> {
        if self.last_sweep.swap(now, std::sync::atomic::Ordering::AcqRel) == now {
            return Ok(());
        }
        let any = read!(self.engine, |db| {
            sqlx::query("SELECT hall FROM holds WHERE expires_utc <= $1 LIMIT 1")
                .bind(now)
                .fetch_optional(db)
                .await?
                .is_some()
        });
        if !any {
            return Ok(());
        }
        write!(self.engine, durable = false, |tx| {
            sqlx::query(
                "UPDATE slots SET taken = taken - (SELECT COUNT(*) FROM holds h WHERE h.hall = slots.hall \
                 AND h.service = slots.service AND h.start_utc = slots.start_utc AND h.expires_utc <= $1) \
                 WHERE EXISTS (SELECT 1 FROM holds h WHERE h.hall = slots.hall AND h.service = slots.service \
                 AND h.start_utc = slots.start_utc AND h.expires_utc <= $1)",
            )
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM holds WHERE expires_utc <= $1").bind(now).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM hold_extensions WHERE hold NOT IN (SELECT id FROM holds)")
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Places taken per slot start, for the slots of one service at one hall in `[from, to)`.
    pub async fn taken(
        &self,
        hall: &str,
        service: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<(i64, u32)>, StoreError> {
        let rows: Vec<(i64, i64)> = read!(self.engine, |db| {
            sqlx::query_as(
                "SELECT start_utc, taken FROM slots WHERE hall = $1 AND service = $2 AND start_utc >= $3 AND start_utc < $4",
            )
            .bind(hall)
            .bind(service)
            .bind(from)
            .bind(to)
            .fetch_all(db)
            .await?
        });
        Ok(rows.into_iter().map(|(start, taken)| (start, taken.max(0) as u32)).collect())
    }

    /// Takes one place in the slot for a new hold; `None` when the slot is full.
    pub async fn hold(&self, slot: &HoldSlot<'_>, expires: i64) -> Result<Option<String>, StoreError> {
        let id = random_id();
        let took = write!(self.engine, durable = false, |tx| {
            // Creates the slot's row with this place taken, or takes a place in
            // it while one is left: one statement, one row (on PostgreSQL the
            // condition is checked on the row locked by the update).
            let took = sqlx::query(
                "INSERT INTO slots (hall, service, start_utc, capacity, taken) VALUES ($1, $2, $3, $4, 1) \
                 ON CONFLICT (hall, service, start_utc) DO UPDATE SET taken = slots.taken + 1, \
                 capacity = excluded.capacity WHERE slots.taken < excluded.capacity",
            )
            .bind(slot.hall)
            .bind(slot.service)
            .bind(slot.start)
            .bind(i64::from(slot.capacity))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if took > 0 {
                sqlx::query(
                    "INSERT INTO holds (id, hall, service, start_utc, end_utc, local_date, expires_utc) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&id)
                .bind(slot.hall)
                .bind(slot.service)
                .bind(slot.start)
                .bind(slot.end)
                .bind(slot.local_date)
                .bind(expires)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
            }
            took > 0
        });
        Ok(took.then_some(id))
    }

    /// Keeps a hold until `expires`, if it is still live, was kept longer
    /// fewer than `MAX_EXTENSIONS` times, and its slot still has a place
    /// left for others (a hold may not outlast demand for the last place).
    pub async fn extend(&self, hold: &str, now: i64, expires: i64) -> Result<Extend, StoreError> {
        Ok(write!(self.engine, durable = false, |tx| {
            let row: Option<(bool, i64)> = sqlx::query_as(
                "SELECT s.taken < s.capacity AS room, COALESCE(e.times, 0) AS times FROM holds h \
                 JOIN slots s ON s.hall = h.hall AND s.service = h.service AND s.start_utc = h.start_utc \
                 LEFT JOIN hold_extensions e ON e.hold = h.id WHERE h.id = $1 AND h.expires_utc > $2",
            )
            .bind(hold)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                None => Extend::Gone,
                Some((_, times)) if times >= MAX_EXTENSIONS => Extend::TooOften,
                Some((false, _)) => Extend::NoRoom,
                Some((true, _)) => {
                    sqlx::query("UPDATE holds SET expires_utc = $2 WHERE id = $1")
                        .bind(hold)
                        .bind(expires)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query(
                        "INSERT INTO hold_extensions (hold, times) VALUES ($1, 1) \
                         ON CONFLICT (hold) DO UPDATE SET times = hold_extensions.times + 1",
                    )
                    .bind(hold)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Extend::Kept
                }
            }
        }))
    }

    /// The service a live or expired hold is for; None when there is no such hold.
    pub async fn hold_service(&self, hold: &str) -> Result<Option<String>, StoreError> {
        Ok(read!(self.engine, |db| {
            sqlx::query_scalar("SELECT service FROM holds WHERE id = $1")
                .bind(hold)
                .fetch_optional(db)
                .await?
        }))
    }

    /// Gives a hold's place back; false when there was no such hold.
    pub async fn release(&self, hold: &str) -> Result<bool, StoreError> {
        Ok(write!(self.engine, durable = false, |tx| {
            let slot: Option<SlotKey> =
                sqlx::query_as("DELETE FROM holds WHERE id = $1 RETURNING hall, service, start_utc")
                    .bind(hold)
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some(slot) = &slot {
                sqlx::query(FREE_PLACE)
                    .bind(&slot.hall)
                    .bind(&slot.service)
                    .bind(slot.start_utc)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
            slot.is_some()
        }))
    }
}
