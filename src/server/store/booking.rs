//! Bookings: a hold made a booking once per idempotency key, read back and
//! cancelled. A booking keeps its hold's place in `slots.taken` (see
//! `holds.rs`), so no interleaving of requests overbooks a slot.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::oneshot;

use super::{
    Store, StoreError,
    codes::crockford,
    engine::{Engine, read, violates, write},
    holds::{FREE_PLACE, SlotKey},
};
use crate::domain::IdKind;

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
