//! Holds and bookings. Every place is counted in `slots.taken`, changed only
//! by single-row conditional updates inside transactions, so no interleaving
//! of requests can push a slot past its capacity — on SQLite (one writer at a
//! time) and on PostgreSQL (the row's lock, taken by the update) alike.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::oneshot;

use super::{
    Store, StoreError,
    engine::{Engine, read, violates, write},
};
use crate::domain::IdKind;

/// Crockford's base32: no I, L, O or U, so a code read aloud is unambiguous.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("the hold expired or does not exist")]
    HoldExpired,
    #[error("this person already has a booking for this service that day")]
    AlreadyBooked,
    #[error("this person already has as many upcoming bookings as one may")]
    TooManyBookings,
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
    /// The company's name, where the service asks for it.
    pub company: Option<String>,
    /// Most upcoming bookings one person may hold, over every service
    /// (`booking.bookings_per_person`): booking bots book in someone's name.
    pub max_upcoming: u32,
    pub now: i64,
}

/// A booking waiting for SQLite's next group commit, and who to tell.
pub(super) type Pending = (NewBooking, oneshot::Sender<Result<StoredBooking, BookError>>);

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
    pub company: Option<String>,
}

pub(super) const BOOKING_COLUMNS: &str =
    "code, status, hall, service, start_utc, end_utc, local_date, name, phone, id_masked, company";

/// A booking's row as `BOOKING_COLUMNS` selects it, from either engine.
#[derive(sqlx::FromRow)]
pub(super) struct BookingRow {
    code: String,
    status: String,
    hall: String,
    service: String,
    start_utc: i64,
    end_utc: i64,
    local_date: String,
    name: String,
    phone: String,
    id_masked: String,
    company: Option<String>,
}

/// The booking a request with this idempotency key made, and that
/// request's hash: what a retry under the key is answered with.
#[derive(sqlx::FromRow)]
pub(super) struct Answered {
    request_hash: String,
    #[sqlx(flatten)]
    booking: BookingRow,
}

pub(super) fn answered_sql() -> String {
    format!("SELECT request_hash, {BOOKING_COLUMNS} FROM bookings WHERE idempotency_key = $1")
}

impl Answered {
    /// The same request gets its booking again; another under the same key is refused.
    pub(super) fn answer(self, new: &NewBooking) -> Result<StoredBooking, BookError> {
        match self.request_hash == new.request_hash {
            true => Ok(self.booking.into()),
            false => Err(BookError::IdempotencyConflict),
        }
    }
}

impl From<BookingRow> for StoredBooking {
    fn from(r: BookingRow) -> StoredBooking {
        StoredBooking {
            active: r.status == "active",
            code: r.code,
            hall: r.hall,
            service: r.service,
            start: r.start_utc,
            end: r.end_utc,
            local_date: r.local_date,
            name: r.name,
            phone: r.phone,
            id_masked: r.id_masked,
            company: r.company,
        }
    }
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

/// Frees one place of a slot (a hold given back, a booking cancelled).
const FREE_PLACE: &str =
    "UPDATE slots SET taken = taken - 1 WHERE hall = $1 AND service = $2 AND start_utc = $3 AND taken > 0";

#[derive(sqlx::FromRow)]
struct SlotKey {
    hall: String,
    service: String,
    start_utc: i64,
}

/// The statements of one booking, on transaction `$tx` of either engine:
/// the retry of an answered request gets its booking again; otherwise the
/// hold becomes a booking with confirmation code `$code`.
macro_rules! try_book {
    ($store:expr, $tx:expr, $new:expr, $code:expr) => {
        async {
            let (new, code): (&NewBooking, &str) = ($new, $code);
            // A retry of a request already answered: the same booking again.
            let done: Option<$crate::server::store::booking::Answered> =
                sqlx::query_as(sqlx::AssertSqlSafe($crate::server::store::booking::answered_sql()))
                    .bind(&new.idempotency_key)
                    .fetch_optional(&mut *$tx)
                    .await?;
            if let Some(done) = done {
                return done.answer(new);
            }
            #[derive(sqlx::FromRow)]
            struct HeldRow {
                hall: String,
                service: String,
                start_utc: i64,
                end_utc: i64,
                local_date: String,
            }
            let hold: Option<HeldRow> = sqlx::query_as(
                "DELETE FROM holds WHERE id = $1 AND expires_utc > $2 \
                 RETURNING hall, service, start_utc, end_utc, local_date",
            )
            .bind(&new.hold)
            .bind(new.now)
            .fetch_optional(&mut *$tx)
            .await?;
            // The hold's place becomes the booking's: `slots.taken` stays as it is.
            let Some(hold) = hold else { return Err(BookError::HoldExpired) };
            let id_hash = $store.id_hash(new.id_kind, &new.id_number);
            let upcoming: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM bookings WHERE id_hash = $1 AND status = 'active' AND end_utc > $2",
            )
            .bind(&id_hash)
            .bind(new.now)
            .fetch_one(&mut *$tx)
            .await?;
            if upcoming >= i64::from(new.max_upcoming) {
                return Err(BookError::TooManyBookings);
            }
            // The proof of a lookup; the same digits for E.164 and the old 11-digit form.
            let phone_last4 = $crate::domain::person::phone_last4(&new.phone);
            let inserted = sqlx::query(
                "INSERT INTO bookings (code, status, hall, service, start_utc, end_utc, local_date, name, phone, \
                 phone_last4, id_hash, id_masked, kiosk, created_utc, idempotency_key, request_hash, company) \
                 VALUES ($1, 'active', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
            )
            .bind(code)
            .bind(&hold.hall)
            .bind(&hold.service)
            .bind(hold.start_utc)
            .bind(hold.end_utc)
            .bind(&hold.local_date)
            .bind(&new.name)
            .bind(&new.phone)
            .bind(&phone_last4)
            .bind(&id_hash)
            .bind(&new.id_masked)
            .bind(&new.kiosk)
            .bind(new.now)
            .bind(&new.idempotency_key)
            .bind(&new.request_hash)
            .bind(&new.company)
            .execute(&mut *$tx)
            .await;
            match inserted {
                Err(e) if $crate::server::store::engine::violates(&e, "one_per_person", "id_hash") => return Err(BookError::AlreadyBooked),
                other => other?,
            };
            Ok(StoredBooking {
                code: code.to_owned(),
                active: true,
                hall: hold.hall,
                service: hold.service,
                start: hold.start_utc,
                end: hold.end_utc,
                local_date: hold.local_date,
                name: new.name.clone(),
                phone: new.phone.clone(),
                id_masked: new.id_masked.clone(),
                company: new.company.clone(),
            })
        }
    };
}
pub(super) use try_book;

/// Tries of a fresh confirmation code when one drawn is in use (1 in 2^40 per booking).
pub(super) const CODE_TRIES: usize = 4;

/// Whether a refused booking only drew a code already in use.
pub(super) fn code_taken(result: &Result<StoredBooking, BookError>) -> bool {
    matches!(result, Err(BookError::Store(StoreError::Db(e))) if violates(e, "bookings_pkey", "bookings.code"))
}

pub(super) fn no_free_code() -> BookError {
    BookError::Store(StoreError::Db(sqlx::Error::Protocol("no free confirmation code".into())))
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

    /// Turns a hold into a booking, once per idempotency key. On SQLite
    /// bookings that arrive together share one durable commit (group
    /// commit: one disk flush for many, each still all-or-nothing); on
    /// PostgreSQL each is its own transaction, beside other servers'.
    pub async fn book(&self, new: NewBooking) -> Result<StoredBooking, BookError> {
        let closed = || BookError::Store(StoreError::Db(sqlx::Error::PoolClosed));
        match &*self.engine {
            Engine::Sqlite(e) => {
                let (reply, answer) = oneshot::channel();
                let committer = e.committer.get().ok_or_else(closed)?;
                committer.send((new, reply)).await.map_err(|_| closed())?;
                answer.await.map_err(|_| closed())?
            }
            Engine::Postgres(pool) => {
                for _ in 0..CODE_TRIES {
                    let mut tx = pool.begin().await?;
                    let result = try_book!(self, tx, &new, &crockford(8)).await;
                    if result.is_ok() {
                        tx.commit().await?;
                        return result;
                    }
                    tx.rollback().await?;
                    if code_taken(&result) {
                        continue;
                    }
                    // The same request sent to another server at the same
                    // moment: its hold was gone, or its key just taken, because
                    // that server was booking it. Now committed, its answer is ours.
                    if let Err(BookError::HoldExpired) | Err(BookError::Store(StoreError::Db(_))) = &result
                        && let Some(done) = self.answered(&new).await?
                    {
                        return done;
                    }
                    return result;
                }
                Err(no_free_code())
            }
        }
    }

    /// The answer already given to a request with this idempotency key, if any.
    async fn answered(
        &self,
        new: &NewBooking,
    ) -> Result<Option<Result<StoredBooking, BookError>>, StoreError> {
        let done: Option<Answered> = read!(self.engine, |db| {
            sqlx::query_as(sqlx::AssertSqlSafe(answered_sql()))
                .bind(&new.idempotency_key)
                .fetch_optional(db)
                .await?
        });
        Ok(done.map(|done| done.answer(new)))
    }

    async fn one_booking(&self, filter: &str, binds: &[&str]) -> Result<Option<StoredBooking>, StoreError> {
        let sql = format!("SELECT {BOOKING_COLUMNS} FROM bookings WHERE {filter}");
        let row: Option<BookingRow> = read!(self.engine, |db| {
            let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
            for bind in binds {
                query = query.bind(*bind);
            }
            query.fetch_optional(db).await?
        });
        Ok(row.map(Into::into))
    }

    /// The booking with `code`, if the phone's last four digits match.
    pub async fn booking(&self, code: &str, phone_last4: &str) -> Result<Option<StoredBooking>, StoreError> {
        if phone_last4.is_empty() {
            return Ok(None);
        }
        self.one_booking("code = $1 AND phone_last4 = $2", &[code, phone_last4]).await
    }

    /// A booking by code alone, for the phone page that the handoff proves.
    pub async fn booking_by_code(&self, code: &str) -> Result<Option<StoredBooking>, StoreError> {
        self.one_booking("code = $1", &[code]).await
    }

    /// The active booking that a request with this hash made. The hash
    /// covers the hold's id and every detail of the person (name, phone,
    /// ID number), so only the same request, sent again, finds it.
    pub async fn booking_made_by(&self, request_hash: &str) -> Result<Option<StoredBooking>, StoreError> {
        self.one_booking("request_hash = $1 AND status = 'active'", &[request_hash]).await
    }

    /// Cancels a booking and frees its place. Cancelling twice is harmless.
    pub async fn cancel(&self, code: &str, phone_last4: &str) -> Result<Option<StoredBooking>, StoreError> {
        write!(self.engine, durable = true, |tx| {
            let slot: Option<SlotKey> = sqlx::query_as(
                "UPDATE bookings SET status = 'cancelled' WHERE code = $1 AND phone_last4 = $2 AND status = 'active' \
                 RETURNING hall, service, start_utc",
            )
            .bind(code)
            .bind(phone_last4)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(slot) = slot {
                sqlx::query(FREE_PLACE)
                    .bind(&slot.hall)
                    .bind(&slot.service)
                    .bind(slot.start_utc)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        self.booking(code, phone_last4).await
    }

    /// Bookings made from `kiosk` since `since` (seconds).
    pub async fn bookings_since(&self, kiosk: &str, since: i64) -> Result<u32, StoreError> {
        let n: i64 = read!(self.engine, |db| {
            sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE kiosk = $1 AND created_utc >= $2")
                .bind(kiosk)
                .bind(since)
                .fetch_one(db)
                .await?
        });
        Ok(n as u32)
    }

    pub(super) fn id_hash(&self, kind: IdKind, id: &str) -> String {
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
