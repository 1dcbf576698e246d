//! The token a rating's, a report's or a staff route's caller holds, read
//! by the handler itself: these routes take a token *or* another proof, so
//! they cannot sit behind `auth`'s middleware, which refuses without one.

use axum::http::{HeaderMap, StatusCode, header};
use utoipa::openapi::{
    OpenApi,
    security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme},
};

use crate::server::{
    AppState,
    routes::Fail,
    store::{Role, TokenInfo},
};

/// The bearer token sent, if any (a token is `onestop_` and 32 letters;
/// anything far longer is not one).
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && token.len() <= 64).then(|| token.trim())
}

/// Whether the request carries an `Authorization` header at all.
pub(crate) fn sent(headers: &HeaderMap) -> bool {
    headers.contains_key(header::AUTHORIZATION)
}

/// The caller's token of `role` (of `hall`, when given). Ok(None) where the
/// server needs no tokens (the embedded backend, for its own kiosk).
pub(crate) async fn require(
    state: &AppState,
    headers: &HeaderMap,
    role: Role,
    hall: Option<&str>,
) -> Result<Option<TokenInfo>, Fail> {
    if !state.tokens_required {
        return Ok(None);
    }
    let made = format!("`onestop token create --role {}`", role.name());
    let Some(secret) = bearer(headers) else {
        return Err(Fail::new(
            StatusCode::UNAUTHORIZED,
            "unregistered_terminal",
            format!("no token: staff make one with {made}"),
        ));
    };
    let Some(token) = state.store.token(secret).await.map_err(Fail::internal)? else {
        return Err(Fail::new(
            StatusCode::UNAUTHORIZED,
            "unregistered_terminal",
            format!("this token is unknown or revoked: staff make one with {made}"),
        ));
    };
    if token.role != role {
        return Err(Fail::new(
            StatusCode::FORBIDDEN,
            "wrong_role",
            format!("this route is for {} tokens", role.name()),
        ));
    }
    if hall.is_some_and(|h| h != token.hall) {
        return Err(Fail::new(StatusCode::FORBIDDEN, "other_hall", "this token is for another hall"));
    }
    Ok(Some(token))
}

/// These routes, as the API document names them, and the token each takes
/// (optional where another proof may stand in for it).
const ROUTES: [(&str, &str, Role, bool); 4] = [
    ("/api/v1/halls/{hall}/tickets/{number}/rating", "post", Role::Kiosk, true),
    ("/api/v1/halls/{hall}/ratings", "get", Role::Staff, false),
    ("/api/v1/reports", "post", Role::Kiosk, true),
    ("/api/v1/reports", "get", Role::Staff, false),
];

/// Describes the staff scheme and these routes' tokens in the API document.
pub(crate) fn document(doc: &mut OpenApi) {
    let components = doc.components.get_or_insert_with(Default::default);
    let scheme = HttpBuilder::new()
        .scheme(HttpAuthScheme::Bearer)
        .description(Some("A staff token, made by `onestop token create --role staff`".to_owned()))
        .build();
    components.add_security_scheme(Role::Staff.name(), SecurityScheme::Http(scheme));
    for (path, method, role, optional) in ROUTES {
        let Some(item) = doc.paths.paths.get_mut(path) else { continue };
        let Some(op) = (if method == "get" { item.get.as_mut() } else { item.post.as_mut() }) else {
            continue;
        };
        let mut security = vec![SecurityRequirement::new(role.name(), Vec::<String>::new())];
        if optional {
            // `{}`: no token at all, with the proof the route describes.
            security.push(SecurityRequirement::default());
        }
        op.security = Some(security);
        let answers = &mut op.responses.responses;
        let mut add = |status: &str, text: &str| {
            answers.entry(status.to_owned()).or_insert_with(|| crate::server::params::error_answer(text));
        };
        add("401", "`unregistered_terminal`: a token unknown or revoked, or none where one is needed");
        add("403", "`wrong_role`: another role's token; or `other_hall`: another hall than the token's");
    }
}
