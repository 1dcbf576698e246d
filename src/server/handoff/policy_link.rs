//! The kiosk's way to a policy document's phone page (issue 18):
//! `GET /api/v1/policies/{id}/link?lang=` answers the page's public
//! address, built from the same base as the handoff links, for the QR
//! code on the kiosk's document screen.

use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

use crate::domain::{ApiError, Lang, PolicyLink, limits::de};
use crate::server::{
    AppState,
    params::{ApiPath, ApiQuery},
    policies,
    routes::Fail,
};

/// `{id}`: a document of the policy library.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub(in crate::server) struct PolicyIdPath {
    /// The document's id, from `GET /api/v1/policies`.
    #[param(pattern = "^[a-z0-9-]{1,64}$", min_length = 1, max_length = 64, example = "passport-law")]
    #[serde(deserialize_with = "de::id")]
    id: String,
}

/// `?lang=`: the language the page speaks.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(in crate::server) struct LinkQuery {
    /// `zh-CN`, `en-US` or `zh-HK`.
    #[param(
        required = true,
        pattern = "^(zh-CN|en-US|zh-HK)$",
        min_length = 5,
        max_length = 5,
        example = "zh-CN"
    )]
    #[serde(default)]
    lang: Option<String>,
}

/// The public address of a policy document's phone page in a language, for
/// the kiosk's QR code. Like the handoff links, it is all upper case when
/// the public address has no path (a QR code stores that more densely; the
/// page reads its address in either case).
#[utoipa::path(
    get,
    path = "/api/v1/policies/{id}/link",
    params(PolicyIdPath, LinkQuery),
    security(("kiosk" = [])),
    responses(
        (status = 200, description = "The page's address", body = PolicyLink),
        (status = 401, description = "`unregistered_terminal`: no token, or one unknown or revoked", body = ApiError),
        (status = 403, description = "`wrong_role`: another role's token", body = ApiError),
        (status = 404, description = "`not_found`: no document with this id", body = ApiError),
        (status = 422, description = "`invalid_field` (`lang`): not one of zh-CN, en-US, zh-HK", body = ApiError),
    )
)]
pub(in crate::server) async fn policy_link(
    State(state): State<AppState>,
    ApiPath(PolicyIdPath { id }): ApiPath<PolicyIdPath>,
    ApiQuery(query): ApiQuery<LinkQuery>,
) -> Result<Json<PolicyLink>, Fail> {
    let lang: Lang = query
        .lang
        .as_deref()
        .and_then(|l| l.parse().ok())
        .ok_or_else(|| Fail::invalid("lang", "one of zh-CN, en-US, zh-HK"))?;
    if policies::served(&state).library.get(&id).is_none() {
        return Err(Fail::new(StatusCode::NOT_FOUND, "not_found", "no such policy document"));
    }
    Ok(Json(PolicyLink { url: url(&state.public_url, &id, lang) }))
}

/// `{base}/M/policy/{id}?lang={lang}`, all upper case where a handoff's
/// link is (`super::all_upper`).
fn url(base: &str, id: &str, lang: Lang) -> String {
    let link = format!("{base}/M/{}", super::policy::href(id, lang));
    if super::all_upper(base) { link.to_ascii_uppercase() } else { link }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_is_upper_case_where_the_base_has_no_path() {
        assert_eq!(
            url("http://192.0.2.10:8080", "passport-law", Lang::ZhHk),
            "HTTP://192.0.2.10:8080/M/POLICY/PASSPORT-LAW?LANG=ZH-HK"
        );
        assert_eq!(
            url("https://gov.example/hall", "passport-law", Lang::EnUs),
            "https://gov.example/hall/M/policy/passport-law?lang=en-US"
        );
    }
}
