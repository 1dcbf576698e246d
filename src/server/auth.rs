//! Who may call what. Kiosk routes need a kiosk's token
//! (`Authorization: Bearer onestop_…`, made by `onestop token create`); the
//! phone pages, the catalogue, halls, days and slots stay public. Holds are
//! limited per token and per hall each minute (counted in the database, so
//! across every server): booking bots (号贩子) hold places by the hundred, a
//! citizen one at a time.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{AppState, routes::Fail, store::Role};

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

/// A refusal (a 401 says how to authenticate: `Fail` adds `WWW-Authenticate`).
fn refused(status: StatusCode, code: &str, message: &str) -> Response {
    Fail::new(status, code, message).into_response()
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    // A token is `onestop_` and 32 letters; anything far longer is not one.
    (scheme.eq_ignore_ascii_case("bearer") && token.len() <= 64).then(|| token.trim())
}

/// The middleware in front of the kiosk routes.
pub(super) async fn kiosk_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    require(Role::Kiosk, state, req, next).await
}

/// The middleware in front of a window's actions: a window token of the
/// hall the path names.
pub(super) async fn window_only(State(state): State<AppState>, req: Request, next: Next) -> Response {
    require(Role::Window, state, req, next).await
}

async fn require(role: Role, state: AppState, mut req: Request, next: Next) -> Response {
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
    if token.role != role {
        let message = match role {
            Role::Kiosk => "this route is for kiosks",
            _ => "this route is for a window's console",
        };
        return refused(StatusCode::FORBIDDEN, "wrong_role", message);
    }
    // `/api/v1/halls/{hall}/…`: a hall's window acts for that hall only.
    let path_hall = req.uri().path().strip_prefix("/api/v1/halls/").and_then(|p| p.split('/').next());
    if role == Role::Window && path_hall != Some(token.hall.as_str()) {
        return refused(StatusCode::FORBIDDEN, "other_hall", "this window's token is for another hall");
    }
    if req.method() == Method::POST && req.uri().path() == "/api/v1/holds" {
        let now = state.clock.now().as_second();
        let (per_token, per_hall) = (format!("token:{}", token.id), format!("hall:{}", token.hall));
        let limits =
            [(per_token.as_str(), state.hold_limits.per_token), (&per_hall, state.hold_limits.per_hall)];
        let within = match state.store.count_hold(&limits, now.div_euclid(60)).await {
            Ok(within) => within,
            Err(e) => return Fail::internal(e).into_response(),
        };
        if !within {
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

/// The routes behind a token, as the API document names them, and whose.
const GUARDED: [(&str, Role); 11] = [
    ("/api/v1/holds", Role::Kiosk),
    ("/api/v1/holds/{id}", Role::Kiosk),
    ("/api/v1/holds/{id}/extend", Role::Kiosk),
    ("/api/v1/bookings", Role::Kiosk),
    ("/api/v1/bookings/{code}", Role::Kiosk),
    ("/api/v1/bookings/{code}/cancel", Role::Kiosk),
    ("/api/v1/kiosks/{kiosk}/bookings-today", Role::Kiosk),
    ("/api/v1/handoffs", Role::Kiosk),
    ("/api/v1/halls/{hall}/tickets", Role::Kiosk),
    ("/api/v1/halls/{hall}/checkins", Role::Kiosk),
    ("/api/v1/halls/{hall}/windows/{window}/actions", Role::Window),
];

/// Describes the tokens in the API document: bearer schemes, required on
/// the routes behind them, with the answers they bring.
pub(super) fn document(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
    let components = doc.components.get_or_insert_with(Default::default);
    for (role, made) in [(Role::Kiosk, "--role kiosk"), (Role::Window, "--role window")] {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(format!("A {}'s token, made by `onestop token create {made}`", role.name())))
            .build();
        components.add_security_scheme(role.name(), SecurityScheme::Http(scheme));
    }
    for (path, role) in GUARDED {
        let Some(item) = doc.paths.paths.get_mut(path) else { continue };
        let holds = path == "/api/v1/holds";
        for op in [&mut item.get, &mut item.post, &mut item.delete].into_iter().flatten() {
            op.security = Some(vec![SecurityRequirement::new(role.name(), Vec::<String>::new())]);
            let answers = &mut op.responses.responses;
            let mut add = |status: &str, text: &str| {
                answers.entry(status.to_owned()).or_insert_with(|| super::params::error_answer(text));
            };
            add("401", "`unregistered_terminal`: no token, or one unknown or revoked");
            add("403", "`wrong_role`: another role's token; or `other_hall`: another hall than the token's");
            if holds && op.request_body.is_some() {
                add(
                    "429",
                    "`too_many_holds`: the kiosk, or its hall, made too many holds this minute; `Retry-After`",
                );
            }
        }
    }
}
