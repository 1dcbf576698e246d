//! Every way a phone page can fail, as a page: a heading, what to do next,
//! and the hall's phone to call, in the visitor's language. Never the
//! framework's English text, never JSON.

use axum::{
    extract::{
        State,
        rejection::{FormRejection, PathRejection},
    },
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::Response,
};

use super::{
    html::{self, heading, para},
    lang,
};
use crate::domain::Catalog;
use crate::i18n::{self, Tr};
use crate::server::AppState;

/// Who a page speaks to: their language, and the hall they can call.
pub(super) struct Visitor {
    pub tr: Tr,
    /// The hall's help phone: the handoff's hall, else the catalogue's first.
    pub hall_phone: Option<String>,
}

impl Visitor {
    /// A visitor with no handoff to go by: the phone's Accept-Language and
    /// the catalogue's first hall.
    pub fn from_request(state: &AppState, headers: &HeaderMap) -> Visitor {
        let served = state.served.get();
        Visitor { tr: Tr::new(lang::preferred(headers)), hall_phone: first_hall_phone(&served.catalog) }
    }
}

fn first_hall_phone(catalog: &Catalog) -> Option<String> {
    catalog.halls.first().map(|h| h.phone.clone())
}

/// An error page: heading, what to do, the hall's phone.
fn error_page(status: StatusCode, v: &Visitor, title: &str, advice: &str) -> Response {
    let title = v.tr.t(title);
    let mut body = heading(&title) + &para(&v.tr.t(advice));
    body += &call_the_hall(v);
    html::page(status, v.tr.lang, &title, &body)
}

/// "Questions? Call the hall: <a href=tel:…>", or nothing with no hall.
pub(super) fn call_the_hall(v: &Visitor) -> String {
    match &v.hall_phone {
        Some(phone) => format!("<p>{}</p>", html::with_phone(&v.tr, "m-call", phone)),
        None => String::new(),
    }
}

/// Unknown and expired codes alike, so codes cannot be probed.
pub(super) fn gone(v: &Visitor) -> Response {
    error_page(StatusCode::NOT_FOUND, v, "m-gone-title", "m-gone-body")
}

/// No page at this address under `/m/`.
pub(super) fn no_such_page(v: &Visitor) -> Response {
    error_page(StatusCode::NOT_FOUND, v, "m-missing-title", "m-missing-body")
}

/// No document with this id in the policy library.
pub(super) fn no_such_policy(v: &Visitor) -> Response {
    error_page(StatusCode::NOT_FOUND, v, "m-policy-missing-title", "m-policy-missing-body")
}

/// Over the per-address limit on page requests.
pub(super) fn busy(v: &Visitor) -> Response {
    with_retry_after(error_page(StatusCode::TOO_MANY_REQUESTS, v, "m-busy-title", "m-busy-body"), 60)
}

/// Too many wrong digits for this booking, or from this address.
pub(super) fn locked(v: &Visitor, wait_secs: u64) -> Response {
    let wait = wait_secs.max(1);
    let title = v.tr.t("m-locked-title");
    let minutes = wait.div_ceil(60) as u32;
    let mut body = heading(&title) + &para(&v.tr.a("m-locked-body", &[("minutes", i18n::n(minutes))]));
    body += &call_the_hall(v);
    with_retry_after(html::page(StatusCode::TOO_MANY_REQUESTS, v.tr.lang, &title, &body), wait)
}

pub(super) fn internal(v: &Visitor) -> Response {
    error_page(StatusCode::INTERNAL_SERVER_ERROR, v, "m-error-title", "m-error-body")
}

/// A request that cannot be read (an address that is not UTF-8, a form
/// that is not one): the status says why, the page what to do.
pub(super) fn unreadable(v: &Visitor, status: StatusCode) -> Response {
    error_page(status, v, "m-unreadable-title", "m-unreadable-body")
}

/// The page for a path the framework could not take apart (bad UTF-8).
pub(super) fn bad_path(v: &Visitor, rejection: &PathRejection) -> Response {
    tracing::debug!(%rejection, "phone page: unreadable path");
    unreadable(v, StatusCode::BAD_REQUEST)
}

/// The page for a form the framework refused, with its status (400 missing
/// field, 415 not a form, 413 too large).
pub(super) fn bad_form(v: &Visitor, rejection: &FormRejection) -> Response {
    tracing::debug!(%rejection, "phone page: unreadable form");
    unreadable(v, rejection.status())
}

fn with_retry_after(mut response: Response, secs: u64) -> Response {
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    response
}

/// The fallback for paths under `/m/` that name no page.
pub(super) async fn not_found(State(state): State<AppState>, headers: HeaderMap) -> Response {
    no_such_page(&Visitor::from_request(&state, &headers))
}

/// The fallback for a page asked with a method it does not take.
pub(super) async fn method_not_allowed(State(state): State<AppState>, headers: HeaderMap) -> Response {
    unreadable(&Visitor::from_request(&state, &headers), StatusCode::METHOD_NOT_ALLOWED)
}
