//! 好差评 and 找错 from the kiosk (issue 17): rating a finished ticket and
//! reporting a mistake in a guide. Each refusal becomes its own
//! `rating::Refusal`, never the server's words.

use reqwest::StatusCode;

use super::{ApiClient, classify, decode, retry_after_secs};
use crate::domain::rating::{RatingRequest, RatingView, ReportRequest, ReportView};
use crate::domain::{ApiError, FetchError};
use crate::kiosk::rating::Refusal;

impl ApiClient {
    /// Rates ticket `number` of `hall`, proven by the request's handoff
    /// code or, without one, by this kiosk's token.
    pub async fn rate(&self, hall: &str, number: &str, req: &RatingRequest) -> Result<RatingView, Refusal> {
        let url = format!("{}/api/v1/halls/{hall}/tickets/{number}/rating", self.base);
        self.refusable(self.http.post(url).json(req)).await
    }

    /// Reports a mistake in a guide.
    pub async fn report(&self, req: &ReportRequest) -> Result<ReportView, Refusal> {
        self.refusable(self.http.post(format!("{}/api/v1/reports", self.base)).json(req)).await
    }

    async fn refusable<T: serde::de::DeserializeOwned>(
        &self,
        req: reqwest::RequestBuilder,
    ) -> Result<T, Refusal> {
        let resp = req.send().await.map_err(|e| Refusal::Fetch(classify(e)))?;
        let status = resp.status();
        let retry_after_secs = retry_after_secs(resp.headers());
        let body = resp.bytes().await.map_err(|e| Refusal::Fetch(classify(e)))?;
        if status.is_success() {
            return decode(&body).map_err(Refusal::Fetch);
        }
        if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
            tracing::warn!("the backend does not take this terminal's token for the hall");
            return Err(Refusal::Fetch(FetchError::Unregistered));
        }
        let err: ApiError = decode(&body).map_err(Refusal::Fetch)?;
        Err(refusal(status, &err, retry_after_secs))
    }
}

fn refusal(status: StatusCode, err: &ApiError, retry_after_secs: u64) -> Refusal {
    match err.code.as_str() {
        "already_rated" => Refusal::AlreadyRated,
        "not_finished" => Refusal::NotFinished,
        "rating_closed" => Refusal::Closed,
        "not_found" => Refusal::NotFound,
        "too_many_tries" | "too_many_requests" => Refusal::TooManyTries { retry_after_secs },
        "invalid_field" => {
            tracing::warn!(field = ?err.field, detail = ?err.detail, "rating or report refused");
            Refusal::Invalid
        }
        _ if status.is_server_error() => Refusal::Fetch(FetchError::Server),
        code => {
            tracing::warn!(%code, "rating or report refused");
            Refusal::Fetch(FetchError::Server)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_its_own_refusal() {
        let said = |code: &str, status| {
            let err = ApiError { code: code.into(), message: "(for logs)".into(), field: None, detail: None };
            refusal(status, &err, 60)
        };
        assert_eq!(said("already_rated", StatusCode::CONFLICT), Refusal::AlreadyRated);
        assert_eq!(said("rating_closed", StatusCode::CONFLICT), Refusal::Closed);
        assert_eq!(
            said("too_many_requests", StatusCode::TOO_MANY_REQUESTS),
            Refusal::TooManyTries { retry_after_secs: 60 }
        );
        assert_eq!(said("new_code", StatusCode::CONFLICT), Refusal::Fetch(FetchError::Server));
    }
}
