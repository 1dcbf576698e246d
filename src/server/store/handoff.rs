//! Handoff codes: short-lived links from a kiosk to a citizen's phone.

use super::{
    Store, StoreError,
    engine::{read, write},
};

/// A handoff as stored: what the phone page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredHandoff {
    pub service: String,
    pub lang: String,
    pub booking: Option<String>,
    /// A ticket to follow, read live each time the page is opened.
    pub ticket: Option<HandoffTicket>,
}

/// Which ticket a handoff follows: numbers only, nothing personal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffTicket {
    pub hall: String,
    /// The service day, `YYYY-MM-DD` at the hall.
    pub day: String,
    /// `A023`.
    pub number: String,
}

type Row = (String, String, Option<String>, Option<String>, Option<String>, Option<String>);

impl Store {
    pub async fn create_handoff(
        &self,
        code: &str,
        handoff: &StoredHandoff,
        expires: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        let ticket = handoff.ticket.as_ref();
        // Ephemeral like holds: losing one to a power cut costs a new scan.
        write!(self.engine, durable = false, |tx| {
            sqlx::query("DELETE FROM handoffs WHERE expires_utc <= $1").bind(now).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO handoffs (code, service, lang, booking, expires_utc, ticket_hall, ticket_day, \
                 ticket_number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(code)
            .bind(&handoff.service)
            .bind(&handoff.lang)
            .bind(&handoff.booking)
            .bind(expires)
            .bind(ticket.map(|t| t.hall.as_str()))
            .bind(ticket.map(|t| t.day.as_str()))
            .bind(ticket.map(|t| t.number.as_str()))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The handoff with `code`, unless it expired by `now`.
    pub async fn handoff(&self, code: &str, now: i64) -> Result<Option<StoredHandoff>, StoreError> {
        let row: Option<Row> = read!(self.engine, |db| {
            sqlx::query_as(
                "SELECT service, lang, booking, ticket_hall, ticket_day, ticket_number FROM handoffs \
                 WHERE code = $1 AND expires_utc > $2",
            )
            .bind(code)
            .bind(now)
            .fetch_optional(db)
            .await?
        });
        Ok(row.map(|(service, lang, booking, hall, day, number)| {
            let ticket = match (hall, day, number) {
                (Some(hall), Some(day), Some(number)) => Some(HandoffTicket { hall, day, number }),
                _ => None,
            };
            StoredHandoff { service, lang, booking, ticket }
        }))
    }
}
