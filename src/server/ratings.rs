//! 好差评 over the API (issue 17): a citizen rates a finished ticket once
//! (`rate`), staff read the hall's day (`staff`), `onestop ratings export`
//! writes CSV for the provincial system (`export`). The reports of a
//! mistake in a guide (找错) are `reports.rs`'s; both share `token`.

use axum::{
    Router,
    routing::{get, post},
};

use super::AppState;

pub mod export;
mod rate;
mod staff;
pub(super) mod token;

pub(super) use rate::{__path_rate, rate};
// The rules, for the ticket's phone page to rate through as well.
pub(super) use rate::{Asked, Refused, Service, give, still_open, words};
pub(super) use staff::{__path_day_ratings, day_ratings};

/// The routes, for `routes.rs` to merge. Each checks its own proof or
/// token: a rating takes a phone page's or a booking's proof as well as a
/// kiosk's token.
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/halls/{hall}/tickets/{number}/rating", post(rate))
        .route("/api/v1/halls/{hall}/ratings", get(day_ratings))
}

/// Adds these routes' tokens to the API document (after `ApiAnswers`).
pub(super) struct RatingTokens;

impl utoipa::Modify for RatingTokens {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        token::document(doc);
    }
}
