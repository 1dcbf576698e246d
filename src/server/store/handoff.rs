//! Handoff codes: short-lived links from a kiosk to a citizen's phone.

use sqlx::{Connection, Row};

use super::{Store, StoreError};

/// A handoff as stored: what the phone page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredHandoff {
    pub service: String,
    pub lang: String,
    pub booking: Option<String>,
}

impl Store {
    pub async fn create_handoff(
        &self,
        code: &str,
        handoff: &StoredHandoff,
        expires: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        // Ephemeral like holds: losing one to a power cut costs a new scan.
        let mut conn = self.write(false).await?;
        let mut tx = conn.begin().await?;
        sqlx::query("DELETE FROM handoffs WHERE expires_utc <= $1").bind(now).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO handoffs (code, service, lang, booking, expires_utc) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(code)
        .bind(&handoff.service)
        .bind(&handoff.lang)
        .bind(&handoff.booking)
        .bind(expires)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The handoff with `code`, unless it expired by `now`.
    pub async fn handoff(&self, code: &str, now: i64) -> Result<Option<StoredHandoff>, StoreError> {
        let row =
            sqlx::query("SELECT service, lang, booking FROM handoffs WHERE code = $1 AND expires_utc > $2")
                .bind(code)
                .bind(now)
                .fetch_optional(&self.reader)
                .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(StoredHandoff {
            service: row.try_get("service")?,
            lang: row.try_get("lang")?,
            booking: row.try_get("booking")?,
        }))
    }

    /// A booking by code alone, for the phone page that the handoff proves.
    pub async fn booking_by_code(&self, code: &str) -> Result<Option<super::StoredBooking>, StoreError> {
        let sql = format!("SELECT {} FROM bookings WHERE code = $1", super::booking::BOOKING_COLUMNS);
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(code).fetch_optional(&self.reader).await?;
        Ok(row.as_ref().map(super::booking::stored).transpose()?)
    }
}
