//! Holds and bookings. Every place is counted in `slots.taken`, changed only
//! by single-row conditional updates inside transactions, so no interleaving
//! of requests can push a slot past its capacity — on SQLite (one writer at a
//! time) and on PostgreSQL (row locks) alike.
//!
//! All writes go through the store's one writer connection, in turn; reads
//! run beside it on their own connections (WAL).

use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::{Connection, Row};
use tokio::sync::{mpsc, oneshot};

use super::{Store, StoreError};
use crate::domain::{IdKind, person};

/// Crockford's base32: no I, L, O or U, so a code read aloud is unambiguous.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("the hold expired or does not exist")]
    HoldExpired,
    #[error("this person already has a booking for this service that day")]
    AlreadyBooked,
    #[error("the idempotency key was used for a different request")]
    IdempotencyConflict,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for BookError {
    fn from(e: sqlx::Error) -> Self {
        BookError::Store(e.into())
    }
}

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

pub struct NewBooking {
    pub idempotency_key: String,
    /// Hash of the request body: a key reused with another body is refused.
    pub request_hash: String,
    pub hold: String,
    pub name: String,
    pub phone: String,
    pub id_kind: IdKind,
    /// Normalized (trimmed, upper case).
    pub id_number: String,
    pub id_masked: String,
    pub kiosk: Option<String>,
    pub now: i64,
}

/// A booking waiting for the next group commit, and who to tell.
pub(super) type Pending = (NewBooking, oneshot::Sender<Result<StoredBooking, BookError>>);

/// Most bookings one disk flush confirms.
const GROUP: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBooking {
    pub code: String,
    pub active: bool,
    pub hall: String,
    pub service: String,
    pub start: i64,
    pub end: i64,
    pub local_date: String,
    pub name: String,
    pub phone: String,
    pub id_masked: String,
}

pub(super) const BOOKING_COLUMNS: &str =
    "code, status, hall, service, start_utc, end_utc, local_date, name, phone, id_masked";

pub(super) fn stored(row: &sqlx::sqlite::SqliteRow) -> Result<StoredBooking, sqlx::Error> {
    Ok(StoredBooking {
        code: row.try_get("code")?,
        active: row.try_get::<&str, _>("status")? == "active",
        hall: row.try_get("hall")?,
        service: row.try_get("service")?,
        start: row.try_get("start_utc")?,
        end: row.try_get("end_utc")?,
        local_date: row.try_get("local_date")?,
        name: row.try_get("name")?,
        phone: row.try_get("phone")?,
        id_masked: row.try_get("id_masked")?,
    })
}

/// `len` random characters of Crockford's base32: 5 random bits each.
pub fn crockford(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).expect("the OS has randomness");
    bytes.iter().map(|b| CROCKFORD[(b & 31) as usize] as char).collect()
}

/// A random id with 128 bits, hex.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the OS has randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a code as people type it: case, spaces and look-alike letters forgiven.
pub fn normalize_code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

impl Store {
    /// Frees the places of holds that expired by `now`; at most once a second.
    pub async fn release_expired(&self, now: i64) -> Result<(), StoreError> {
        if self.last_sweep.swap(now, std::sync::atomic::Ordering::AcqRel) == now {
            return Ok(());
        }
        let any: Option<i64> = sqlx::query_scalar("SELECT 1 FROM holds WHERE expires_utc <= $1 LIMIT 1")
            .bind(now)
            .fetch_optional(&self.reader)
            .await?;
        if any.is_none() {
            return Ok(());
        }
        let mut conn = self.write(false).await?;
        let mut tx = conn.begin().await?;
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
        let rows = sqlx::query(
            "SELECT start_utc, taken FROM slots WHERE hall = $1 AND service = $2 AND start_utc >= $3 AND start_utc < $4",
        )
        .bind(hall)
        .bind(service)
        .bind(from)
        .bind(to)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("start_utc")?, r.try_get::<i64, _>("taken")?.max(0) as u32)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// Takes one place in the slot for a new hold; `None` when the slot is full.
    pub async fn hold(&self, slot: &HoldSlot<'_>, expires: i64) -> Result<Option<String>, StoreError> {
        let mut conn = self.write(false).await?;
        let mut tx = conn.begin().await?;
        // Creates the slot's row with this place taken, or takes a place in
        // it while one is left: one statement, one row.
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
        if took == 0 {
            return Ok(None);
        }
        let id = random_id();
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
        Ok(Some(id))
    }

    /// Keeps a hold until `expires`, if it is still live, was kept longer
    /// fewer than `MAX_EXTENSIONS` times, and its slot still has a place
    /// left for others (a hold may not outlast demand for the last place).
    pub async fn extend(&self, hold: &str, now: i64, expires: i64) -> Result<Extend, StoreError> {
        let mut conn = self.write(false).await?;
        let mut tx = conn.begin().await?;
        let row = sqlx::query(
            "SELECT s.taken < s.capacity AS room, COALESCE(e.times, 0) AS times FROM holds h \
             JOIN slots s ON s.hall = h.hall AND s.service = h.service AND s.start_utc = h.start_utc \
             LEFT JOIN hold_extensions e ON e.hold = h.id WHERE h.id = $1 AND h.expires_utc > $2",
        )
        .bind(hold)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else { return Ok(Extend::Gone) };
        if row.try_get::<i64, _>("times")? >= MAX_EXTENSIONS {
            return Ok(Extend::TooOften);
        }
        if !row.try_get::<bool, _>("room")? {
            return Ok(Extend::NoRoom);
        }
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
        Ok(Extend::Kept)
    }

    /// Gives a hold's place back; false when there was no such hold.
    pub async fn release(&self, hold: &str) -> Result<bool, StoreError> {
        let mut conn = self.write(false).await?;
        let mut tx = conn.begin().await?;
        let row = sqlx::query("DELETE FROM holds WHERE id = $1 RETURNING hall, service, start_utc")
            .bind(hold)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else { return Ok(false) };
        free_place(&mut tx, row.try_get("hall")?, row.try_get("service")?, row.try_get("start_utc")?).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Turns a hold into a booking, once per idempotency key. Bookings that
    /// arrive together share one durable commit (group commit): one disk
    /// flush for many, each still all-or-nothing on its own.
    pub async fn book(&self, new: NewBooking) -> Result<StoredBooking, BookError> {
        let (reply, answer) = oneshot::channel();
        let closed = || BookError::Store(StoreError::Db(sqlx::Error::PoolClosed));
        let committer = self.committer.as_ref().ok_or_else(closed)?;
        committer.send((new, reply)).await.map_err(|_| closed())?;
        answer.await.map_err(|_| closed())?
    }

    /// The committer: takes what is waiting, books each inside its own
    /// savepoint, commits once, then answers everyone.
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
        let mut conn = match self.write(true).await {
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

    /// One booking inside the group's transaction, in a savepoint: a refusal
    /// undoes only its own statements.
    async fn book_one(
        &self,
        tx: &mut sqlx::SqliteConnection,
        new: &NewBooking,
    ) -> Result<StoredBooking, BookError> {
        for _ in 0..4 {
            sqlx::query("SAVEPOINT booking").execute(&mut *tx).await?;
            let result = self.try_book(tx, new, &crockford(8)).await;
            let end = if result.is_ok() { "RELEASE booking" } else { "ROLLBACK TO booking" };
            sqlx::query(end).execute(&mut *tx).await?;
            if result.is_err() {
                sqlx::query("RELEASE booking").execute(&mut *tx).await?;
            }
            match result {
                // A code already in use (1 in 2^40 per booking): draw another.
                Err(BookError::Store(StoreError::Db(sqlx::Error::Database(e))))
                    if e.is_unique_violation() && e.message().contains("bookings.code") => {}
                other => return other,
            }
        }
        Err(BookError::Store(StoreError::Db(sqlx::Error::Protocol("no free confirmation code".into()))))
    }

    async fn try_book(
        &self,
        tx: &mut sqlx::SqliteConnection,
        new: &NewBooking,
        code: &str,
    ) -> Result<StoredBooking, BookError> {
        // A retry of a request already answered: the same booking again.
        let sql = format!("SELECT request_hash, {BOOKING_COLUMNS} FROM bookings WHERE idempotency_key = $1");
        let done =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&new.idempotency_key).fetch_optional(&mut *tx).await?;
        if let Some(row) = done {
            if row.try_get::<&str, _>("request_hash")? != new.request_hash {
                return Err(BookError::IdempotencyConflict);
            }
            return Ok(stored(&row)?);
        }
        let hold = sqlx::query(
            "DELETE FROM holds WHERE id = $1 AND expires_utc > $2 \
             RETURNING hall, service, start_utc, end_utc, local_date",
        )
        .bind(&new.hold)
        .bind(new.now)
        .fetch_optional(&mut *tx)
        .await?;
        // The hold's place becomes the booking's: `slots.taken` stays as it is.
        let Some(hold) = hold else { return Err(BookError::HoldExpired) };
        let (hall, service, start): (String, String, i64) =
            (hold.try_get("hall")?, hold.try_get("service")?, hold.try_get("start_utc")?);
        let (end, local_date): (i64, String) = (hold.try_get("end_utc")?, hold.try_get("local_date")?);
        // The proof of a lookup; the same digits for E.164 and the old 11-digit form.
        let phone_last4 = person::phone_last4(&new.phone);
        let inserted = sqlx::query(
            "INSERT INTO bookings (code, status, hall, service, start_utc, end_utc, local_date, name, phone, \
             phone_last4, id_hash, id_masked, kiosk, created_utc, idempotency_key, request_hash) \
             VALUES ($1, 'active', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(code)
        .bind(&hall)
        .bind(&service)
        .bind(start)
        .bind(end)
        .bind(&local_date)
        .bind(&new.name)
        .bind(&new.phone)
        .bind(&phone_last4)
        .bind(self.id_hash(new.id_kind, &new.id_number))
        .bind(&new.id_masked)
        .bind(&new.kiosk)
        .bind(new.now)
        .bind(&new.idempotency_key)
        .bind(&new.request_hash)
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() && e.message().contains("id_hash") => {
                return Err(BookError::AlreadyBooked);
            }
            other => {
                other?;
            }
        }
        Ok(StoredBooking {
            code: code.to_owned(),
            active: true,
            hall,
            service,
            start,
            end,
            local_date,
            name: new.name.clone(),
            phone: new.phone.clone(),
            id_masked: new.id_masked.clone(),
        })
    }

    /// The booking with `code`, if the phone's last four digits match.
    pub async fn booking(&self, code: &str, phone_last4: &str) -> Result<Option<StoredBooking>, StoreError> {
        let sql = format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE code = $1 AND phone_last4 = $2");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(code)
            .bind(phone_last4)
            .fetch_optional(&self.reader)
            .await?;
        Ok(row.as_ref().map(stored).transpose()?)
    }

    /// The active booking that a request with this hash made. The hash
    /// covers the hold's id and every detail of the person (name, phone,
    /// ID number), so only the same request, sent again, finds it.
    pub async fn booking_made_by(&self, request_hash: &str) -> Result<Option<StoredBooking>, StoreError> {
        let sql =
            format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE request_hash = $1 AND status = 'active'");
        let row =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(request_hash).fetch_optional(&self.reader).await?;
        Ok(row.as_ref().map(stored).transpose()?)
    }

    /// Cancels a booking and frees its place. Cancelling twice is harmless.
    pub async fn cancel(&self, code: &str, phone_last4: &str) -> Result<Option<StoredBooking>, StoreError> {
        let mut conn = self.write(true).await?;
        let mut tx = conn.begin().await?;
        let row = sqlx::query(
            "UPDATE bookings SET status = 'cancelled' WHERE code = $1 AND phone_last4 = $2 AND status = 'active' \
             RETURNING hall, service, start_utc",
        )
        .bind(code)
        .bind(phone_last4)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = row {
            free_place(&mut tx, row.try_get("hall")?, row.try_get("service")?, row.try_get("start_utc")?)
                .await?;
        }
        tx.commit().await?;
        self.booking(code, phone_last4).await
    }

    /// Bookings made from `kiosk` since `since` (seconds).
    pub async fn bookings_since(&self, kiosk: &str, since: i64) -> Result<u32, StoreError> {
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE kiosk = $1 AND created_utc >= $2")
                .bind(kiosk)
                .bind(since)
                .fetch_one(&self.reader)
                .await?;
        Ok(n as u32)
    }

    fn id_hash(&self, kind: IdKind, id: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.id_key[..]).expect("any key length");
        mac.update(format!("{}:{id}", number_space(kind)).as_bytes());
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Which numbers an ID number is unique among, as the hash names them.
/// A residence permit's number is a GB 11643 number like a resident ID's
/// (81–83 are reserved for the permits, and the resident ID check takes
/// them too), so one person is one person whichever of the two was chosen.
/// The names are the ones hashed before there were six kinds
/// (`ResidentId`, `Passport`), so stored bookings still count.
fn number_space(kind: IdKind) -> &'static str {
    match kind {
        IdKind::ResidentId | IdKind::ResidencePermit => "ResidentId",
        IdKind::HkMacaoPermit => "HkMacaoPermit",
        IdKind::TaiwanPermit => "TaiwanPermit",
        IdKind::ForeignPermanentResident => "ForeignPermanentResident",
        IdKind::Passport => "Passport",
    }
}

async fn free_place(
    tx: &mut sqlx::SqliteConnection,
    hall: String,
    service: String,
    start: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE slots SET taken = taken - 1 WHERE hall = $1 AND service = $2 AND start_utc = $3 AND taken > 0")
        .bind(hall)
        .bind(service)
        .bind(start)
        .execute(tx)
        .await?;
    Ok(())
}
