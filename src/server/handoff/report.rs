//! 找错 from the phone's guide page (issue 17): "报告错误 Report a mistake"
//! opens `/m/{code}/report`, a small form — what is wrong (materials,
//! fees, time limits, place and hours, other) and the citizen's own words —
//! filed with the guide's service id and the catalogue version by the same
//! store function as `POST /api/v1/reports`. Nothing personal is asked;
//! each request counts in the phone pages' per-address limit, as a report
//! sent without a kiosk's token does.

use std::fmt::Write as _;
use std::net::SocketAddr;

use axum::{
    Form,
    extract::{
        ConnectInfo, Path, State,
        rejection::{FormRejection, PathRejection},
    },
    http::{HeaderMap, StatusCode},
    response::Response,
};
use serde::Deserialize;

use super::{
    errors,
    html::{self, escape, heading, para},
    pages::{self, HandoffPath, Opened},
};
use crate::domain::rating::{TEXT_MAX, Wrong, own_words};
use crate::i18n::{self, Tr};
use crate::server::AppState;

/// The guide page's link to the form (`code` is the handoff's).
pub(super) fn link(tr: &Tr, code: &str) -> String {
    format!("<p><a href=\"{}/report\">{}</a></p>", escape(code), escape(&tr.t("m-report-link")))
}

/// The form as posted: every field optional, so that nothing left out
/// becomes the framework's refusal.
#[derive(Deserialize, utoipa::ToSchema)]
pub(in crate::server) struct ReportForm {
    /// `materials`, `fees`, `time_limits`, `place_and_hours` or `other`.
    #[serde(default)]
    #[schema(max_length = 32, example = "fees")]
    what: Option<String>,
    /// What is wrong, in the citizen's own words: at most 200 characters
    /// (line breaks count as spaces). The whole form is at most 4 KiB: longer is 413.
    #[serde(default)]
    #[schema(max_length = 3072, example = "收费标准已调整")]
    text: Option<String>,
}

/// The form to report a mistake in the page's guide (`/M/{code}/report` too).
#[utoipa::path(
    get,
    path = "/m/{code}/report",
    tag = "phone pages",
    params(HandoffPath),
    responses(
        (status = 200, description = "The form", content_type = "text/html", body = String),
        (status = 400, description = "The address is not UTF-8", content_type = "text/html", body = String),
        (status = 404, description = "No such handoff, or it expired (alike)", content_type = "text/html", body = String),
        (status = 429, description = "Too many page requests from this address", content_type = "text/html", body = String,
         headers(("Retry-After" = u64, description = "Seconds until it may ask again"))),
        (status = 500, description = "The server could not complete the request", content_type = "text/html", body = String),
    )
)]
pub(in crate::server) async fn ask_to_report(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    match pages::open(&state, peer, &headers, path).await {
        Ok(opened) => form_page(&state, &opened, StatusCode::OK, None, "", None),
        Err(page) => page,
    }
}

/// Files the report (`/M/{code}/report` too): thanks, and the way back to
/// the guide; without what is wrong, or with words that break the rules,
/// the form again as it was filled in, the reason above it.
#[utoipa::path(
    post,
    path = "/m/{code}/report",
    tag = "phone pages",
    params(HandoffPath),
    request_body(content = ReportForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Filed: thanks", content_type = "text/html", body = String),
        (status = 400, description = "The address is not UTF-8, or the form names what is wrong with a word not on the list", content_type = "text/html", body = String),
        (status = 404, description = "No such handoff, or it expired (alike)", content_type = "text/html", body = String),
        (status = 413, description = "The form is larger than 4 KiB", content_type = "text/html", body = String),
        (status = 415, description = "Not sent as a form", content_type = "text/html", body = String),
        (status = 422, description = "Nothing chosen, or the words are over 200 characters or not plain text: the form again", content_type = "text/html", body = String),
        (status = 429, description = "Too many page requests (reports among them) from this address", content_type = "text/html", body = String,
         headers(("Retry-After" = u64, description = "Seconds until it may ask again"))),
        (status = 500, description = "The server could not complete the request", content_type = "text/html", body = String),
    )
)]
pub(in crate::server) async fn report(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    form: Result<Form<ReportForm>, FormRejection>,
) -> Response {
    let (opened, form) = match pages::open_with_form(&state, peer, &headers, path, form).await {
        Ok(both) => both,
        Err(page) => return page,
    };
    let tr = &opened.visitor.tr;
    let what = match form.what.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        Some(name) => match Wrong::parse(name) {
            Some(what) => Some(what),
            None => return errors::unreadable(&opened.visitor, StatusCode::BAD_REQUEST),
        },
        None => None,
    };
    let text = html::one_line(form.text.as_deref().unwrap_or(""));
    let refuse = |sentence: String, about_words: bool| {
        let error = Some((sentence.as_str(), about_words));
        form_page(&state, &opened, StatusCode::UNPROCESSABLE_ENTITY, what, &text, error)
    };
    let Some(what) = what else { return refuse(tr.t("m-report-choose"), false) };
    let words = match own_words(&text) {
        Ok(words) => words,
        Err(_) => return refuse(tr.a("m-rate-text-rule", &[("max", i18n::n(TEXT_MAX as u32))]), true),
    };
    let now = state.clock.now().as_second();
    let filed = crate::server::reports::file(&state, opened.handoff.service.clone(), what, words, None, now);
    if let Err(e) = filed.await {
        return pages::store_failed(&opened.visitor, e);
    }
    let title = tr.t("m-report-thanks-title");
    let body = heading(&title) + &para(&tr.t("m-report-thanks")) + &back(&opened);
    html::page(StatusCode::OK, tr.lang, &title, &body)
}

/// The form, posted back to itself, holding what was chosen; `error` is a
/// refusal's sentence and whether it is about the words.
fn form_page(
    state: &AppState,
    opened: &Opened,
    status: StatusCode,
    chosen: Option<Wrong>,
    text: &str,
    error: Option<(&str, bool)>,
) -> Response {
    let tr = &opened.visitor.tr;
    let served = state.served.get();
    let Some(service) = served.catalog.services.iter().find(|s| s.id == opened.handoff.service) else {
        return errors::gone(&opened.visitor);
    };
    let title = tr.t("m-report-title");
    let mut body = heading(&title);
    body += &para(&tr.a("m-report-guide", &[("service", i18n::s(service.name.get(tr.lang)))]));
    body += &para(&tr.t("m-report-intro"));
    if let Some((sentence, _)) = error {
        body += &html::form_error(sentence);
    }
    let about_what = matches!(error, Some((_, false)));
    let described = if about_what { " aria-describedby=\"form-error\"" } else { "" };
    let _ = write!(
        body,
        "<form method=\"post\" action=\"report\"><fieldset{described}><legend>{}</legend>",
        escape(&tr.t("m-report-what"))
    );
    for what in Wrong::ALL {
        let label = tr.t(&format!("m-report-what-{}", what.name().replace('_', "-")));
        body += &html::choice("what", what.name(), &label, chosen == Some(what), true);
    }
    body += "</fieldset>";
    let label = tr.a("m-report-words", &[("max", i18n::n(TEXT_MAX as u32))]);
    body += &html::words_box(&label, text, matches!(error, Some((_, true))));
    let _ = write!(body, "<p><button>{}</button></p></form>", escape(&tr.t("m-report-send")));
    body += &back(opened);
    html::page(status, tr.lang, &title, &body)
}

/// Back to the guide (from `/m/{code}/report`).
fn back(opened: &Opened) -> String {
    format!(
        "<p><a href=\"../{}\">{}</a></p>",
        escape(&opened.code),
        escape(&opened.visitor.tr.t("m-report-back"))
    )
}
