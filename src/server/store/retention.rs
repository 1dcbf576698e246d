//! Personal data kept no longer than needed (PIPL): a booking's name, phone,
//! ID number (its hash and mask) and company are erased `booking.retain_days`
//! after the appointment ends. The record stays, anonymized — hall, service,
//! time, status, kiosk — for the hall's statistics.

use super::{
    Store, StoreError,
    engine::{read, write},
};

impl Store {
    /// Erases the personal data of every booking whose appointment ended
    /// before `before` (seconds); returns how many were erased. `now` is
    /// recorded as the time of erasure.
    pub async fn erase_personal_data(&self, before: i64, now: i64) -> Result<u64, StoreError> {
        let any = read!(self.engine, |db| {
            // Ratings' and reports' own words are kept no longer (issue 17).
            sqlx::query(
                "SELECT code FROM bookings WHERE end_utc < $1 AND erased_utc IS NULL UNION ALL \
                 SELECT number FROM ratings WHERE at_utc < $1 AND text IS NOT NULL UNION ALL \
                 SELECT service FROM reports WHERE at_utc < $1 AND text IS NOT NULL LIMIT 1",
            )
            .bind(before)
            .fetch_optional(db)
            .await?
            .is_some()
        });
        if !any {
            return Ok(0);
        }
        Ok(write!(self.engine, durable = true, |tx| {
            // The ID hash becomes unique per booking, so erased bookings
            // neither count as the person's nor collide with each other.
            let erased = sqlx::query(
                "UPDATE bookings SET name = '', phone = '', phone_last4 = '', id_hash = 'erased:' || code, \
                 id_masked = '', company = NULL, request_hash = 'erased', erased_utc = $2 \
                 WHERE end_utc < $1 AND erased_utc IS NULL",
            )
            .bind(before)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            for table in ["ratings", "reports"] {
                let sql = format!("UPDATE {table} SET text = NULL WHERE at_utc < $1 AND text IS NOT NULL");
                sqlx::query(sqlx::AssertSqlSafe(sql)).bind(before).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            erased
        }))
    }
}
