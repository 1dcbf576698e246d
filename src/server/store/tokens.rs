//! The tokens of kiosks, window consoles, calling screens and staff. A
//! token is shown once, when made; the database keeps only its SHA-256
//! (a token is 160 random bits, so a fast hash is enough: there is nothing
//! to guess from it, unlike a PIN).

use sha2::{Digest, Sha256};

use super::{
    Store, StoreError,
    codes::crockford,
    engine::{read, violates, write},
};

/// What a token lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Kiosk,
    Window,
    Display,
    Staff,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Kiosk, Role::Window, Role::Display, Role::Staff];

    pub fn name(self) -> &'static str {
        match self {
            Role::Kiosk => "kiosk",
            Role::Window => "window",
            Role::Display => "display",
            Role::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == s)
    }
}

/// A token as listed: never its secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    pub id: String,
    pub role: Role,
    pub hall: String,
    pub name: String,
    pub created: i64,
    pub revoked: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("{role} {name} at {hall} already has a token; revoke it first, or choose another name")]
    Exists { role: &'static str, hall: String, name: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for TokenError {
    fn from(e: sqlx::Error) -> Self {
        TokenError::Store(e.into())
    }
}

/// How a secret is kept.
fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(sqlx::FromRow)]
struct TokenRow {
    id: String,
    role: String,
    hall: String,
    name: String,
    created_utc: i64,
    revoked_utc: Option<i64>,
}

impl TokenRow {
    fn info(self) -> Option<TokenInfo> {
        Some(TokenInfo {
            role: Role::parse(&self.role)?,
            id: self.id,
            hall: self.hall,
            name: self.name,
            created: self.created_utc,
            revoked: self.revoked_utc,
        })
    }
}

const COLUMNS: &str = "id, role, hall, name, created_utc, revoked_utc";

impl Store {
    /// Makes a token for `role` named `name` at `hall`; returns it with its
    /// secret, which is not kept. A revoked token's name can be used again.
    pub async fn create_token(
        &self,
        role: Role,
        hall: &str,
        name: &str,
        now: i64,
    ) -> Result<(TokenInfo, String), TokenError> {
        let secret = format!("onestop_{}", crockford(32));
        let id = crockford(10).to_lowercase();
        let made = write!(self.engine, durable = true, |tx| {
            sqlx::query(
                "DELETE FROM tokens WHERE role = $1 AND hall = $2 AND name = $3 AND revoked_utc IS NOT NULL",
            )
            .bind(role.name())
            .bind(hall)
            .bind(name)
            .execute(&mut *tx)
            .await?;
            let made = sqlx::query(
                "INSERT INTO tokens (id, hash, role, hall, name, created_utc) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&id)
            .bind(digest(&secret))
            .bind(role.name())
            .bind(hall)
            .bind(name)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map(|_| ());
            if made.is_ok() {
                tx.commit().await?;
            }
            made
        });
        match made {
            Err(e) if violates(&e, "tokens_hall_role_name_key", "tokens.hall") => {
                Err(TokenError::Exists { role: role.name(), hall: hall.to_owned(), name: name.to_owned() })
            }
            Err(e) => Err(e.into()),
            Ok(_) => Ok((
                TokenInfo {
                    id,
                    role,
                    hall: hall.to_owned(),
                    name: name.to_owned(),
                    created: now,
                    revoked: None,
                },
                secret,
            )),
        }
    }

    /// Revokes the live token of (role, hall, name), if any, and makes a
    /// new one: what a server's own kiosk does at each start.
    pub async fn renew_token(
        &self,
        role: Role,
        hall: &str,
        name: &str,
        now: i64,
    ) -> Result<(TokenInfo, String), TokenError> {
        write!(self.engine, durable = true, |tx| {
            sqlx::query(
                "UPDATE tokens SET revoked_utc = $4 WHERE role = $1 AND hall = $2 AND name = $3 AND revoked_utc IS NULL",
            )
            .bind(role.name())
            .bind(hall)
            .bind(name)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        self.create_token(role, hall, name, now).await
    }

    /// Every token, newest first.
    pub async fn tokens(&self) -> Result<Vec<TokenInfo>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM tokens ORDER BY created_utc DESC, id");
        let rows: Vec<TokenRow> =
            read!(self.engine, |db| sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(db).await?);
        Ok(rows.into_iter().filter_map(TokenRow::info).collect())
    }

    /// The live token whose secret this is.
    pub async fn token(&self, secret: &str) -> Result<Option<TokenInfo>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM tokens WHERE hash = $1 AND revoked_utc IS NULL");
        let row: Option<TokenRow> = read!(self.engine, |db| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(digest(secret)).fetch_optional(db).await?
        });
        Ok(row.and_then(TokenRow::info))
    }

    /// Revokes the token with this id; false when no live token has it.
    pub async fn revoke_token(&self, id: &str, now: i64) -> Result<bool, StoreError> {
        Ok(write!(self.engine, durable = true, |tx| {
            let n = sqlx::query("UPDATE tokens SET revoked_utc = $2 WHERE id = $1 AND revoked_utc IS NULL")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            n > 0
        }))
    }
}
