//! What the staff screen reads (issue 17): the hall's day of ratings and the
//! reports of mistakes in guides, both behind a staff token of the hall
//! (`backend.staff_token`, sent instead of the kiosk's own token). A kiosk
//! without one is told so in its own words, never "401".

use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use super::{ApiClient, classify, decode};
use crate::domain::rating::{DayRatings, Reports};
use crate::domain::{ApiError, FetchError};
use crate::kiosk::staff::StaffRefusal;

impl ApiClient {
    /// Today's ratings at `hall`, with the figures the staff screen draws.
    pub async fn day_ratings(
        &self,
        hall: &str,
        staff_token: Option<&str>,
    ) -> Result<DayRatings, StaffRefusal> {
        let url = format!("{}/api/v1/halls/{hall}/ratings", self.base);
        self.staff_get(self.http.get(url), staff_token).await
    }

    /// The reports of mistakes: how many per guide, and the newest.
    pub async fn reports(&self, staff_token: Option<&str>) -> Result<Reports, StaffRefusal> {
        self.staff_get(self.http.get(format!("{}/api/v1/reports", self.base)), staff_token).await
    }

    async fn staff_get<T: DeserializeOwned>(
        &self,
        req: reqwest::RequestBuilder,
        staff_token: Option<&str>,
    ) -> Result<T, StaffRefusal> {
        // A request's own Authorization wins over the kiosk's default one.
        let req = match staff_token {
            Some(token) => req.bearer_auth(token),
            None => req,
        };
        let resp = req.send().await.map_err(|e| StaffRefusal::Fetch(classify(e)))?;
        let status = resp.status();
        let body = resp.bytes().await.map_err(|e| StaffRefusal::Fetch(classify(e)))?;
        if status.is_success() {
            return decode(&body).map_err(StaffRefusal::Fetch);
        }
        let code = decode::<ApiError>(&body).map(|e| e.code).unwrap_or_default();
        Err(refusal(status, &code, staff_token.is_some()))
    }
}

/// The refusal a status and code mean. Without a staff token set, the
/// kiosk's own token (or none) was sent: whatever the backend says of it,
/// what staff must do is set one.
fn refusal(status: StatusCode, code: &str, token_set: bool) -> StaffRefusal {
    match (status, code) {
        (StatusCode::UNAUTHORIZED, _) | (StatusCode::FORBIDDEN, "wrong_role") if !token_set => {
            StaffRefusal::NoToken
        }
        (StatusCode::UNAUTHORIZED, _) => StaffRefusal::TokenRefused,
        (StatusCode::FORBIDDEN, "wrong_role") => StaffRefusal::NotStaff,
        (StatusCode::FORBIDDEN, "other_hall") => StaffRefusal::OtherHall,
        (StatusCode::NOT_FOUND, "not_found") => StaffRefusal::NoSuchHall,
        _ => {
            tracing::warn!(%status, code, "staff figures refused");
            StaffRefusal::Fetch(FetchError::Server)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_staff_token_the_answer_is_to_set_one() {
        assert_eq!(refusal(StatusCode::UNAUTHORIZED, "unregistered_terminal", false), StaffRefusal::NoToken);
        assert_eq!(refusal(StatusCode::FORBIDDEN, "wrong_role", false), StaffRefusal::NoToken);
        assert_eq!(
            refusal(StatusCode::UNAUTHORIZED, "unregistered_terminal", true),
            StaffRefusal::TokenRefused
        );
        assert_eq!(refusal(StatusCode::FORBIDDEN, "wrong_role", true), StaffRefusal::NotStaff);
        assert_eq!(refusal(StatusCode::FORBIDDEN, "other_hall", true), StaffRefusal::OtherHall);
        assert_eq!(refusal(StatusCode::NOT_FOUND, "not_found", true), StaffRefusal::NoSuchHall);
        assert_eq!(refusal(StatusCode::BAD_GATEWAY, "", true), StaffRefusal::Fetch(FetchError::Server));
    }
}
