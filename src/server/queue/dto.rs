//! The queue routes' paths and queries, and the event stream's framing;
//! their bodies and answers are `domain::queue::wire`'s.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::limits::de;
pub(crate) use crate::domain::queue::wire::*;

/// `{hall}` and `{number}`: one ticket of a hall.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub(crate) struct TicketPath {
    /// Hall id, from `GET /api/v1/halls`.
    #[param(pattern = "^[a-z0-9-]{1,64}$", min_length = 1, max_length = 64, example = "binjiang")]
    #[serde(deserialize_with = "de::id")]
    pub hall: String,
    /// The ticket's number: its queue's letter and three digits.
    #[param(value_type = String, pattern = "^[A-Z][0-9]{3}$", min_length = 4, max_length = 4, example = "A023")]
    pub number: crate::domain::queue::TicketNumber,
}

/// `{hall}` and `{window}`: one window of a hall.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub(crate) struct WindowPath {
    /// Hall id, from `GET /api/v1/halls`.
    #[param(pattern = "^[a-z0-9-]{1,64}$", min_length = 1, max_length = 64, example = "binjiang")]
    #[serde(deserialize_with = "de::id")]
    pub hall: String,
    /// The window's number, as painted above the counter.
    #[param(minimum = 1, maximum = 999, example = 7)]
    pub window: u16,
}

/// `?day=`: which service day; today at the hall when left out.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct DayQuery {
    /// Local date at the hall, `YYYY-MM-DD`.
    #[param(
        pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        min_length = 10,
        max_length = 10,
        example = "2026-12-01"
    )]
    #[serde(default, deserialize_with = "optional_date")]
    pub day: Option<String>,
}

fn optional_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de::date(d).map(Some)
}

/// One event of the hall's stream, as Server-Sent Events frame it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StreamEvent {
    /// `ready`, then the kind: `issued`, `opened`, `paused`, `called`,
    /// `started`, `missed`, `put_back`, `finished`, `transferred`; or
    /// `lagged` (read the queues again).
    pub event: String,
    /// JSON: `{hall, day, kind, window?, number?, queue?, calls?, to?}`
    /// (for `ready` only `{hall}`; for `lagged`, `{missed}` or an empty hall).
    pub data: String,
}
