//! The hall visit's requests (issue 16): the hall's queues (which the
//! window console and the calling screen read too), taking a number,
//! checking a booking in. Each refusal becomes its own `VisitRefusal`, with
//! the time, hall or number it names (`ApiError::detail`).

use reqwest::StatusCode;

use super::{ApiClient, classify, decode, retry_after_secs};
use crate::domain::queue::wire::{CheckInRequest, HallQueues, TicketRequest, TicketView};
use crate::domain::{ApiError, FetchError};
use crate::kiosk::visit::VisitRefusal;

impl ApiClient {
    /// The hall's queues now (public: numbers and windows only), for the
    /// kiosk, the window console and the calling screen alike.
    pub async fn hall_queues(&self, hall: &str) -> Result<HallQueues, FetchError> {
        self.get(self.http.get(format!("{}/api/v1/halls/{hall}/queues", self.base))).await
    }

    /// Takes a number (取号) for a service; needs this kiosk's token.
    pub async fn take_ticket(&self, hall: &str, req: &TicketRequest) -> Result<TicketView, VisitRefusal> {
        self.visit(self.http.post(format!("{}/api/v1/halls/{hall}/tickets", self.base)).json(req)).await
    }

    /// Checks a booking in (签到) at the hall; needs this kiosk's token.
    pub async fn check_in(&self, hall: &str, req: &CheckInRequest) -> Result<TicketView, VisitRefusal> {
        self.visit(self.http.post(format!("{}/api/v1/halls/{hall}/checkins", self.base)).json(req)).await
    }

    /// One ticket's state now.
    pub async fn ticket(&self, hall: &str, number: &str) -> Result<TicketView, FetchError> {
        self.get(self.http.get(format!("{}/api/v1/halls/{hall}/tickets/{number}", self.base))).await
    }

    async fn visit(&self, req: reqwest::RequestBuilder) -> Result<TicketView, VisitRefusal> {
        let resp = req.send().await.map_err(|e| VisitRefusal::Fetch(classify(e)))?;
        let status = resp.status();
        let retry_after = retry_after_secs(resp.headers());
        let body = resp.bytes().await.map_err(|e| VisitRefusal::Fetch(classify(e)))?;
        if status.is_success() {
            return decode(&body).map_err(VisitRefusal::Fetch);
        }
        if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
            tracing::warn!("the backend does not take this terminal's token for the hall");
            return Err(VisitRefusal::Fetch(FetchError::Unregistered));
        }
        let err: ApiError = decode(&body).map_err(VisitRefusal::Fetch)?;
        Err(refusal(status, &err, retry_after))
    }
}

/// The refusal a code means; the times and the hall a refusal names come
/// at the end of its message (`numbers are given from 09:00`, `check-in
/// opens at 2026-12-01T01:30:00Z`, `… another hall, \`tianshan\``).
fn refusal(status: StatusCode, err: &ApiError, retry_after_secs: u64) -> VisitRefusal {
    // The time, hall or number a refusal names (never read from its message).
    let last = || err.detail.clone().unwrap_or_default();
    match err.code.as_str() {
        "numbers_at_desk" => VisitRefusal::AtDesk,
        "closed_today" => VisitRefusal::ClosedToday,
        "before_hours" => VisitRefusal::BeforeHours(last()),
        "after_hours" => VisitRefusal::AfterHours(last()),
        "daily_cap_reached" => VisitRefusal::DailyCapReached,
        "numbers_exhausted" => VisitRefusal::NumbersExhausted,
        "invalid_field" => VisitRefusal::Invalid,
        "not_found" => VisitRefusal::NotFound,
        "too_early" => VisitRefusal::TooEarly(last()),
        "too_late" => VisitRefusal::TooLate(last()),
        "cancelled" => VisitRefusal::Cancelled,
        "other_hall" => VisitRefusal::OtherHall(last()),
        "already_checked_in" => VisitRefusal::AlreadyCheckedIn(last()),
        "too_many_tries" => VisitRefusal::TooManyTries { retry_after_secs },
        _ if status.is_server_error() => VisitRefusal::Fetch(FetchError::Server),
        code => {
            tracing::warn!(%code, "visit request refused");
            VisitRefusal::Fetch(FetchError::Server)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(code: &str, detail: &str) -> VisitRefusal {
        let detail = Some(detail.to_owned());
        let err = ApiError { code: code.into(), message: "(for logs)".into(), field: None, detail };
        refusal(StatusCode::CONFLICT, &err, 60)
    }

    #[test]
    fn the_time_or_hall_a_refusal_names_is_kept() {
        assert_eq!(said("before_hours", "09:00"), VisitRefusal::BeforeHours("09:00".into()));
        assert_eq!(
            said("too_early", "2026-12-01T01:30:00Z"),
            VisitRefusal::TooEarly("2026-12-01T01:30:00Z".into())
        );
        assert_eq!(said("other_hall", "tianshan"), VisitRefusal::OtherHall("tianshan".into()));
        assert_eq!(said("already_checked_in", "B001"), VisitRefusal::AlreadyCheckedIn("B001".into()));
        assert_eq!(said("something_new", "?"), VisitRefusal::Fetch(FetchError::Server));
    }
}
