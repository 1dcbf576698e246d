//! 好差评: one rating per finished ticket, kept with the window and service
//! the ticket came from. Nothing personal: the ticket's hall, day and
//! number; the citizen's own words are erased after `booking.retain_days`
//! (`retention.rs`).

use super::{
    Store, StoreError,
    engine::{read, violates, write},
};
use crate::domain::rating::{Level, Reason};

/// A finished ticket, as far as a rating needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatedTicket {
    pub queue: String,
    /// `done`, or another state (not yet ratable).
    pub state: String,
    pub window: Option<u16>,
    /// When it was finished (seconds), for a done ticket.
    pub finished: Option<i64>,
    /// A booked ticket's confirmation code.
    pub booking: Option<String>,
}

/// A rating as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRating {
    pub hall: String,
    pub day: String,
    pub number: String,
    pub queue: String,
    pub service: String,
    pub window: u16,
    pub level: Level,
    pub reason: Option<Reason>,
    pub text: Option<String>,
    pub at: i64,
}

type RatingRow = (String, String, String, String, String, i64, String, Option<String>, Option<String>, i64);

/// queue, state, window, at, booking.
type TicketRow = (String, String, Option<i64>, Option<i64>, Option<String>);
/// service, and the ticket's hall, day and number.
type HandoffRow = (String, Option<String>, Option<String>, Option<String>);

const RATING_COLUMNS: &str = "hall, day, number, queue, service, window_no, level, reason, text, at_utc";

fn rating(row: RatingRow) -> Option<StoredRating> {
    let (hall, day, number, queue, service, window, level, reason, text, at) = row;
    Some(StoredRating {
        hall,
        day,
        number,
        queue,
        service,
        window: u16::try_from(window).ok()?,
        level: Level::parse(&level)?,
        reason: reason.as_deref().and_then(Reason::parse),
        text,
        at,
    })
}

impl Store {
    /// The ticket `number` of `hall` on `day`, as a rating reads it.
    pub async fn ticket_to_rate(
        &self,
        hall: &str,
        day: &str,
        number: &str,
    ) -> Result<Option<RatedTicket>, StoreError> {
        let row: Option<TicketRow> = read!(self.engine, |db| {
            sqlx::query_as(
                "SELECT queue, state, window_no, at_utc, booking FROM tickets \
                 WHERE hall = $1 AND day = $2 AND number = $3",
            )
            .bind(hall)
            .bind(day)
            .bind(number)
            .fetch_optional(db)
            .await?
        });
        Ok(row.map(|(queue, state, window, at, booking)| {
            let finished = if state == "done" { at } else { None };
            RatedTicket {
                queue,
                state,
                window: window.and_then(|w| u16::try_from(w).ok()),
                finished,
                booking,
            }
        }))
    }

    /// The handoff `code`'s ticket (hall, day, number) and service, whether
    /// or not its link has expired: the code still proves whose it was.
    pub async fn handoff_ticket(
        &self,
        code: &str,
    ) -> Result<Option<(String, String, String, String)>, StoreError> {
        let row: Option<HandoffRow> = read!(self.engine, |db| {
            sqlx::query_as(
                "SELECT service, ticket_hall, ticket_day, ticket_number FROM handoffs WHERE code = $1",
            )
            .bind(code)
            .fetch_optional(db)
            .await?
        });
        Ok(row.and_then(|(service, hall, day, number)| Some((hall?, day?, number?, service))))
    }

    /// Stores a rating; false when the ticket has one already (一次一评).
    pub async fn rate(&self, r: &StoredRating) -> Result<bool, StoreError> {
        let sql = format!(
            "INSERT INTO ratings ({RATING_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        );
        let inserted = write!(self.engine, durable = true, |tx| {
            let done = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(&r.hall)
                .bind(&r.day)
                .bind(&r.number)
                .bind(&r.queue)
                .bind(&r.service)
                .bind(i64::from(r.window))
                .bind(r.level.name())
                .bind(r.reason.map(Reason::name))
                .bind(&r.text)
                .bind(r.at)
                .execute(&mut *tx)
                .await;
            match done {
                Ok(_) => {
                    tx.commit().await?;
                    true
                }
                Err(e) if violates(&e, "ratings_pkey", "ratings.hall") => false,
                Err(e) => return Err(e.into()),
            }
        });
        Ok(inserted)
    }

    /// One hall's ratings of tickets of `day`, in the order given.
    pub async fn ratings_of_day(&self, hall: &str, day: &str) -> Result<Vec<StoredRating>, StoreError> {
        let sql = format!(
            "SELECT {RATING_COLUMNS} FROM ratings WHERE hall = $1 AND day = $2 ORDER BY at_utc, number"
        );
        let rows: Vec<RatingRow> = read!(self.engine, |db| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(hall).bind(day).fetch_all(db).await?
        });
        Ok(rows.into_iter().filter_map(rating).collect())
    }

    /// Every rating of tickets from `day` on (`hall`'s only, if given), by
    /// hall, day and number: what `onestop ratings export` writes.
    pub async fn ratings_since(
        &self,
        day: &str,
        hall: Option<&str>,
    ) -> Result<Vec<StoredRating>, StoreError> {
        let sql = format!(
            "SELECT {RATING_COLUMNS} FROM ratings WHERE day >= $1 AND ($2 = '' OR hall = $2) \
             ORDER BY hall, day, number"
        );
        let rows: Vec<RatingRow> = read!(self.engine, |db| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(day).bind(hall.unwrap_or("")).fetch_all(db).await?
        });
        Ok(rows.into_iter().filter_map(rating).collect())
    }
}
