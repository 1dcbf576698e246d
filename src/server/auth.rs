//! Who may call what. Kiosk routes need a kiosk's token
//! (`Authorization: Bearer onestop_…`, made by `onestop token create`); the
//! phone pages, the catalogue, halls, days and slots stay public. Holds are
//! limited per token and per hall each minute: booking bots (号贩子) hold
//! places by the hundred, a citizen one at a time.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{AppState, routes::Fail, store::Role};
use crate::limit::PerMinute;

/// How many holds a minute one kiosk, and one hall's kiosks together, may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoldLimits {
    pub per_token: u32,
    pub per_hall: u32,
}

impl Default for HoldLimits {
    fn default() -> Self {
        HoldLimits { per_token: 20, per_hall: 200 }
    }
}

/// The counts behind `HoldLimits` (one server's: with several, each counts its own).
pub(crate) struct HoldCounts {
    per_token: PerMinute<String>,
    per_hall: PerMinute<String>,
}

impl HoldCounts {
    pub fn new(limits: HoldLimits) -> HoldCounts {
        HoldCounts { per_token: PerMinute::new(limits.per_token), per_hall: PerMinute::new(limits.per_hall) }
    }
}

fn refused(status: StatusCode, code: &str, message: &str) -> Response {
    let mut response = Fail::new(status, code, message).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    // A token is `onestop_` and 32 letters; anything far longer is not one.
    (scheme.eq_ignore_ascii_case("bearer") && token.len() <= 64).then(|| token.trim())
}

/// The middleware in front of the kiosk routes.
pub(super) async fn kiosk_only(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if !state.tokens_required {
        return next.run(req).await;
    }
    let Some(secret) = bearer(req.headers()) else {
        return refused(
            StatusCode::UNAUTHORIZED,
            "unregistered_terminal",
            "this terminal has no token: staff register it with `onestop token create --role kiosk`",
        );
    };
    let token = match state.store.token(secret).await {
        Ok(Some(token)) => token,
        Ok(None) => {
            return refused(
                StatusCode::UNAUTHORIZED,
                "unregistered_terminal",
                "this terminal's token is unknown or revoked: staff register it again",
            );
        }
        Err(e) => return Fail::internal(e).into_response(),
    };
    if token.role != Role::Kiosk {
        return refused(StatusCode::FORBIDDEN, "wrong_role", "this route is for kiosks");
    }
    if req.method() == Method::POST && req.uri().path() == "/api/v1/holds" {
        let now = state.clock.now().as_second();
        let key = format!("{}:{}", token.hall, token.id);
        if !state.hold_counts.per_token.allow(key, now)
            || !state.hold_counts.per_hall.allow(token.hall.clone(), now)
        {
            tracing::warn!(
                "holds refused for {} {} at {}: too many this minute",
                token.role.name(),
                token.name,
                token.hall
            );
            let mut response =
                refused(StatusCode::TOO_MANY_REQUESTS, "too_many_holds", "too many places held this minute");
            let wait = 60 - now.rem_euclid(60);
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
            return response;
        }
    }
    req.extensions_mut().insert(Arc::new(token));
    next.run(req).await
}

/// The routes behind a kiosk's token, as the API document names them.
const KIOSK_PATHS: [&str; 8] = [
    "/api/v1/holds",
    "/api/v1/holds/{id}",
    "/api/v1/holds/{id}/extend",
    "/api/v1/bookings",
    "/api/v1/bookings/{code}",
    "/api/v1/bookings/{code}/cancel",
    "/api/v1/kiosks/{kiosk}/bookings-today",
    "/api/v1/handoffs",
];

/// Describes the token in the API document: a bearer scheme, required on
/// the kiosk routes, with the answers it brings.
pub(super) fn document(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
    let scheme = HttpBuilder::new()
        .scheme(HttpAuthScheme::Bearer)
        .description(Some("A kiosk's token, made by `onestop token create --role kiosk`"))
        .build();
    doc.components
        .get_or_insert_with(Default::default)
        .add_security_scheme("kiosk", SecurityScheme::Http(scheme));
    for path in KIOSK_PATHS {
        let Some(item) = doc.paths.paths.get_mut(path) else { continue };
        let holds = path == "/api/v1/holds";
        for op in [&mut item.get, &mut item.post, &mut item.delete].into_iter().flatten() {
            op.security = Some(vec![SecurityRequirement::new("kiosk", Vec::<String>::new())]);
            let answers = &mut op.responses.responses;
            let mut add = |status: &str, text: &str| {
                answers.entry(status.to_owned()).or_insert_with(|| super::params::error_answer(text));
            };
            add("401", "`unregistered_terminal`: no token, or one unknown or revoked");
            add(
                "403",
                "`wrong_role`: not a kiosk's token; or `other_hall`: a hold at another hall than the kiosk's",
            );
            if holds && op.request_body.is_some() {
                add(
                    "429",
                    "`too_many_holds`: the kiosk, or its hall, made too many holds this minute; `Retry-After`",
                );
            }
        }
    }
}
