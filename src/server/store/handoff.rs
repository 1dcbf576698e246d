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
        write!(self.engine, durable = false, |tx| {
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
        });
        Ok(())
    }

    /// The handoff with `code`, unless it expired by `now`.
    pub async fn handoff(&self, code: &str, now: i64) -> Result<Option<StoredHandoff>, StoreError> {
        let row: Option<(String, String, Option<String>)> = read!(self.engine, |db| {
            sqlx::query_as("SELECT service, lang, booking FROM handoffs WHERE code = $1 AND expires_utc > $2")
                .bind(code)
                .bind(now)
                .fetch_optional(db)
                .await?
        });
        Ok(row.map(|(service, lang, booking)| StoredHandoff { service, lang, booking }))
    }
}
