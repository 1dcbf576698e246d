//! Holds counted per minute in the database itself, so every server on one
//! PostgreSQL database counts the same minute together: a limit of 20 a
//! minute stays 20 behind a load balancer with three servers.

use super::{
    Store, StoreError,
    engine::{read, write},
};

impl Store {
    /// Counts one hold in `minute` against each of `limits` (a kiosk
    /// token's counter, then its hall's) in turn, and says whether every one
    /// stayed within its limit. A hold refused by one counter is not counted
    /// by the next: a bot over its own allowance uses up none of its hall's.
    /// Not durable on SQLite: a count lost to a power cut gives a bot
    /// nothing it could use, and its minute is over by the restart.
    pub async fn count_hold(&self, limits: &[(&str, u32)], minute: i64) -> Result<bool, StoreError> {
        Ok(write!(self.engine, durable = false, |tx| {
            let mut within = true;
            for (counter, limit) in limits {
                let n: i64 = sqlx::query_scalar(
                    "INSERT INTO hold_counts (counter, minute, n) VALUES ($1, $2, 1) \
                     ON CONFLICT (counter, minute) DO UPDATE SET n = hold_counts.n + 1 RETURNING n",
                )
                .bind(counter)
                .bind(minute)
                .fetch_one(&mut *tx)
                .await?;
                if n > i64::from(*limit) {
                    within = false;
                    break;
                }
            }
            tx.commit().await?;
            within
        }))
    }

    /// Forgets the counts of minutes before `minute`.
    pub async fn forget_hold_counts(&self, minute: i64) -> Result<u64, StoreError> {
        let any = read!(self.engine, |db| {
            sqlx::query("SELECT counter FROM hold_counts WHERE minute < $1 LIMIT 1")
                .bind(minute)
                .fetch_optional(db)
                .await?
                .is_some()
        });
        if !any {
            return Ok(0);
        }
        Ok(write!(self.engine, durable = false, |tx| {
            let gone = sqlx::query("DELETE FROM hold_counts WHERE minute < $1")
                .bind(minute)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            gone
        }))
    }
}
