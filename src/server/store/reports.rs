//! 找错: reports of a mistake in a guide, kept with the guide's service id
//! and the catalogue version it was read in. Nothing personal; the free
//! text is erased after `booking.retain_days` (`retention.rs`).

use super::{
    Store, StoreError,
    engine::{read, write},
};
use crate::domain::rating::Wrong;

/// A report as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReport {
    pub service: String,
    pub catalog_version: String,
    pub what: Wrong,
    pub text: Option<String>,
    /// The kiosk's hall, when a kiosk sent it.
    pub hall: Option<String>,
    pub at: i64,
}

type ReportRow = (String, String, String, Option<String>, Option<String>, i64);

impl Store {
    pub async fn report(&self, r: &StoredReport) -> Result<(), StoreError> {
        write!(self.engine, durable = true, |tx| {
            sqlx::query(
                "INSERT INTO reports (service, catalog_version, what, text, hall, at_utc) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&r.service)
            .bind(&r.catalog_version)
            .bind(r.what.name())
            .bind(&r.text)
            .bind(&r.hall)
            .bind(r.at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Reports per guide (service id), most reported first.
    pub async fn report_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(read!(self.engine, |db| {
            sqlx::query_as(
                "SELECT service, COUNT(*) AS n FROM reports GROUP BY service ORDER BY n DESC, service",
            )
            .fetch_all(db)
            .await?
        }))
    }

    /// The latest `limit` reports, newest first.
    pub async fn latest_reports(&self, limit: i64) -> Result<Vec<StoredReport>, StoreError> {
        let rows: Vec<ReportRow> = read!(self.engine, |db| {
            sqlx::query_as(
                "SELECT service, catalog_version, what, text, hall, at_utc FROM reports \
                 ORDER BY at_utc DESC, id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(db)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(service, catalog_version, what, text, hall, at)| {
                Some(StoredReport { service, catalog_version, what: Wrong::parse(&what)?, text, hall, at })
            })
            .collect())
    }
}
