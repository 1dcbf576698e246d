//! The phone's pages: `/m/{code}` (the guide, and the booking if any),
//! `/m/{code}/cancel` (asks first, then cancels with the phone's last four
//! digits). Every page speaks the handoff's language; every failure is an
//! error page (`errors.rs`).

use std::net::SocketAddr;

use axum::{
    Form,
    extract::{
        ConnectInfo, Path, RawQuery, State,
        rejection::{FormRejection, PathRejection},
    },
    http::{HeaderMap, StatusCode},
    response::Response,
};
use serde::Deserialize;

use super::{
    errors::{self, Visitor, call_the_hall},
    guide,
    html::{self, escape, heading, para},
    rating, ticket,
};
use crate::domain::{Catalog, Service, limits::is_handoff_code};
use crate::i18n::Tr;
use crate::server::{
    AppState,
    store::{StoredBooking, StoredHandoff, normalize_code},
};

/// A handoff the phone may see, with what its pages need.
pub(super) struct Opened {
    pub handoff: StoredHandoff,
    pub booking: Option<StoredBooking>,
    pub visitor: Visitor,
    /// The handoff's code as stored (normalized): safe in a link.
    pub code: String,
}

/// The page a phone opens from the QR code: the service's guide, and the
/// booking if the handoff has one (`/M/{code}` too); for a ticket, first
/// where it stands now (the page refreshes itself every 20 seconds until
/// the ticket is done, unless `?refresh=off`). HTML, in the handoff's
/// language; every failure is a page too.
#[utoipa::path(
    get,
    path = "/m/{code}",
    tag = "phone pages",
    params(HandoffPath, PageQuery),
    responses(
        (status = 200, description = "The guide (and the booking)", content_type = "text/html", body = String),
        (status = 400, description = "The address is not UTF-8", content_type = "text/html", body = String),
        (status = 404, description = "No such handoff, or it expired (alike)", content_type = "text/html", body = String),
        (status = 429, description = "Too many page requests from this address", content_type = "text/html", body = String,
         headers(("Retry-After" = u64, description = "Seconds until it may ask again"))),
        (status = 500, description = "The server could not complete the request", content_type = "text/html", body = String),
    )
)]
pub(in crate::server) async fn page(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Response {
    let opened = match open(&state, peer, &headers, path).await {
        Ok(opened) => opened,
        Err(page) => return page,
    };
    let served = state.served.get();
    let Some(service) = service_of(&served.catalog, &opened.handoff) else {
        return errors::gone(&opened.visitor);
    };
    let policies = crate::server::policies::served(&state);
    let tr = &opened.visitor.tr;
    let Some(followed) = &opened.handoff.ticket else {
        let body = guide::body(
            &served.catalog,
            &policies.library,
            service,
            tr,
            opened.booking.as_ref(),
            &opened.code,
            1,
        );
        return html::page(StatusCode::OK, tr.lang, service.name.get(tr.lang), &body);
    };
    // A ticket's page: where it stands now first, the guide below it.
    let view = match ticket::now_view(&state, followed).await {
        Ok(view) => view,
        Err(e) => return store_failed(&opened.visitor, e),
    };
    let still = ticket::holds_still(query.as_deref());
    let at = ticket::local_time(&state, &followed.hall);
    let mut body = ticket::section(tr, &followed.number, &opened.code, view.as_ref(), &at, still);
    // Finished: the visit may be rated (好差评), on this very page.
    if view.as_ref().is_some_and(|n| n.view.state == "done") {
        match rating::on_ticket_page(&state, followed, tr, &opened.code).await {
            Ok(part) => body += &part,
            Err(e) => return store_failed(&opened.visitor, e),
        }
    }
    body += &guide::body(
        &served.catalog,
        &policies.library,
        service,
        tr,
        opened.booking.as_ref(),
        &opened.code,
        2,
    );
    let title = tr.a("m-ticket-title", &[("number", crate::i18n::s(&followed.number))]);
    let refresh = ticket::refreshes(view.as_ref(), still).then_some(ticket::REFRESH_SECS);
    html::refreshing_page(StatusCode::OK, tr.lang, &title, &body, refresh)
}

/// Asks whether to cancel the page's booking, and for the phone's last four
/// digits (`/M/{code}/cancel` too).
#[utoipa::path(
    get,
    path = "/m/{code}/cancel",
    tag = "phone pages",
    params(HandoffPath),
    responses(
        (status = 200, description = "The question, or why there is nothing to cancel", content_type = "text/html", body = String),
        (status = 400, description = "The address is not UTF-8", content_type = "text/html", body = String),
        (status = 404, description = "No such handoff, or it expired (alike)", content_type = "text/html", body = String),
        (status = 429, description = "Too many page requests from this address", content_type = "text/html", body = String,
         headers(("Retry-After" = u64, description = "Seconds until it may ask again"))),
        (status = 500, description = "The server could not complete the request", content_type = "text/html", body = String),
    )
)]
pub(in crate::server) async fn ask_to_cancel(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    match open(&state, peer, &headers, path).await {
        Ok(opened) => confirm_or_explain(&state, &opened, StatusCode::OK, None),
        Err(page) => page,
    }
}

/// `{code}` of a phone page: the handoff's code from the QR code.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub(in crate::server) struct HandoffPath {
    /// 16 characters of Crockford's base32, either case.
    #[param(pattern = "^[0-9A-Za-z]{16}$", min_length = 16, max_length = 16, example = "7K3M9QX2ABCD4EF5")]
    code: String,
}

/// `?refresh=off` on a ticket's page: the same page, holding still.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub(in crate::server) struct PageQuery {
    /// `off`: the page does not reload itself. Any other query is ignored.
    #[param(pattern = "^off$", max_length = 3, example = "off")]
    refresh: Option<String>,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub(in crate::server) struct CancelForm {
    /// The last four digits of the phone number given when booking.
    #[schema(max_length = 64, example = "5678")]
    phone_last4: String,
    /// `yes` from the confirm page's button; without it nothing is cancelled.
    /// (The whole form is at most 1 KiB: longer is 413.)
    #[serde(default)]
    #[schema(max_length = 1024, example = "yes")]
    confirm: Option<String>,
}

/// Cancels the page's booking once confirmed (`confirm=yes`), proven by the
/// phone's last four digits (`/M/{code}/cancel` too). Wrong digits count in
/// the booking-proof guard shared with the JSON API.
#[utoipa::path(
    post,
    path = "/m/{code}/cancel",
    tag = "phone pages",
    params(HandoffPath),
    request_body(content = CancelForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Cancelled; or, unconfirmed or with nothing to cancel, the question again", content_type = "text/html", body = String),
        (status = 400, description = "The address is not UTF-8, or the form lacks a field", content_type = "text/html", body = String),
        (status = 404, description = "No such handoff, or it expired (alike); or wrong digits", content_type = "text/html", body = String),
        (status = 413, description = "The form is larger than 1 KiB", content_type = "text/html", body = String),
        (status = 415, description = "Not sent as a form", content_type = "text/html", body = String),
        (status = 422, description = "The digits are not four: asked again (not counted)", content_type = "text/html", body = String),
        (status = 429, description = "Too many page requests from this address, or too many wrong digits for this booking",
         content_type = "text/html", body = String, headers(("Retry-After" = u64, description = "Seconds until it may try again"))),
        (status = 500, description = "The server could not complete the request", content_type = "text/html", body = String),
    )
)]
pub(in crate::server) async fn cancel(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    form: Result<Form<CancelForm>, FormRejection>,
) -> Response {
    let (opened, form) = match open_with_form(&state, peer, &headers, path, form).await {
        Ok(both) => both,
        Err(page) => return page,
    };
    let Some(booking) = opened.booking.as_ref().filter(|b| b.active) else {
        return confirm_or_explain(&state, &opened, StatusCode::OK, None);
    };
    if form.confirm.as_deref() != Some("yes") {
        return confirm_or_explain(&state, &opened, StatusCode::OK, None);
    }
    let digits = form.phone_last4.trim();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        // Not a guess at the proof: asked again, not counted.
        return confirm_or_explain(
            &state,
            &opened,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("m-cancel-digits"),
        );
    }
    let client = super::client_address(&state, peer, &headers);
    if let Err(wait) = state.proof.check(&booking.code, client) {
        return errors::locked(&opened.visitor, wait);
    }
    match state.store.cancel(&booking.code, digits).await {
        Ok(Some(_)) => {
            state.proof.record(&booking.code, client, true);
            cancelled(&opened)
        }
        Ok(None) => {
            state.proof.record(&booking.code, client, false);
            refused(&opened.visitor)
        }
        Err(e) => {
            state.proof.abandon(&booking.code, client);
            tracing::error!("store error: {e}");
            errors::internal(&opened.visitor)
        }
    }
}

/// A form posted to a page: the page opened as [`open`] does, then the form
/// read; or the page to answer instead (a form that cannot be read is
/// refused in the handoff's language).
pub(super) async fn open_with_form<F>(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    path: Result<Path<String>, PathRejection>,
    form: Result<Form<F>, FormRejection>,
) -> Result<(Opened, F), Response> {
    let opened = open(state, peer, headers, path).await?;
    match form {
        Ok(Form(form)) => Ok((opened, form)),
        Err(rejection) => Err(errors::bad_form(&opened.visitor, &rejection)),
    }
}

/// The handoff behind the path, counted against the client's per-minute
/// limit; or the page to answer instead.
pub(super) async fn open(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Result<Opened, Response> {
    let stranger = || Visitor::from_request(state, headers);
    let Path(raw) = path.map_err(|rejection| errors::bad_path(&stranger(), &rejection))?;
    let client = super::client_address(state, peer, headers);
    let now = state.clock.now().as_second();
    if !state.limit.allow(client, now) {
        // In the phone's language, not the handoff's: a 429 must not tell
        // whether the code exists.
        return Err(errors::busy(&stranger()));
    }
    let code = normalize_code(&raw);
    // Only a code of the documented shape is looked up: anything else is
    // "gone", like an unknown code.
    let handoff = match is_handoff_code(&raw) {
        false => None,
        true => state.store.handoff(&code, now).await.map_err(|e| store_failed(&stranger(), e))?,
    };
    // Unknown and expired look exactly alike, so codes cannot be probed.
    let Some(handoff) = handoff else { return Err(errors::gone(&stranger())) };
    let booking = match &handoff.booking {
        Some(booking) => {
            state.store.booking_by_code(booking).await.map_err(|e| store_failed(&stranger(), e))?
        }
        None => None,
    };
    let visitor = visitor_of(state, &handoff, booking.as_ref());
    Ok(Opened { handoff, booking, visitor, code })
}

pub(super) fn store_failed(v: &Visitor, e: impl std::fmt::Display) -> Response {
    tracing::error!("store error: {e}");
    errors::internal(v)
}

/// The handoff's language, and the phone of its booking's hall (else its
/// service's first hall, else the catalogue's first).
fn visitor_of(state: &AppState, handoff: &StoredHandoff, booking: Option<&StoredBooking>) -> Visitor {
    let served = state.served.get();
    let catalog = &served.catalog;
    let hall_id = booking
        .map(|b| b.hall.as_str())
        .or_else(|| service_of(catalog, handoff).and_then(|s| s.halls.first()).map(String::as_str));
    let hall = hall_id.and_then(|id| catalog.halls.iter().find(|h| h.id == id)).or(catalog.halls.first());
    Visitor {
        tr: Tr::new(handoff.lang.parse().unwrap_or_default()),
        hall_phone: hall.map(|h| h.phone.clone()),
    }
}

fn service_of<'a>(catalog: &'a Catalog, handoff: &StoredHandoff) -> Option<&'a Service> {
    catalog.services.iter().find(|s| s.id == handoff.service)
}

/// The confirm page for an active booking (with `error`, a message id, when
/// the digits were not four); otherwise why there is nothing to cancel.
fn confirm_or_explain(
    state: &AppState,
    opened: &Opened,
    status: StatusCode,
    error: Option<&str>,
) -> Response {
    let v = &opened.visitor;
    let Some(booking) = &opened.booking else { return errors::no_such_page(v) };
    let served = state.served.get();
    let Some(service) = service_of(&served.catalog, &opened.handoff) else { return errors::gone(v) };
    let back = back_link(opened);
    let section = guide::booking_section(&served.catalog, service, &v.tr, booking);
    if !booking.active {
        let title = v.tr.t("status-cancelled");
        return html::page(StatusCode::OK, v.tr.lang, &title, &(heading(&title) + &section + &back));
    }
    let title = v.tr.t("m-confirm-title");
    let mut body = heading(&title) + &section + &para(&v.tr.t("m-confirm-body"));
    if let Some(error) = error {
        body += &format!("<p class=\"error\" id=\"digits-error\">{}</p>", escape(&v.tr.t(error)));
    }
    body += &confirm_form(&v.tr, error.is_some());
    body +=
        &format!("<p><a href=\"../{}\">{}</a></p>", escape(&opened.code), escape(&v.tr.t("m-confirm-no")));
    html::page(status, v.tr.lang, &title, &body)
}

/// The digits and the one button that cancels; posted back to this page.
fn confirm_form(tr: &Tr, invalid: bool) -> String {
    let described = if invalid { " aria-invalid=\"true\" aria-describedby=\"digits-error\"" } else { "" };
    format!(
        "<form method=\"post\" action=\"cancel\"><p><label>{}<br>\
         <input name=\"phone_last4\" inputmode=\"numeric\" autocomplete=\"off\" pattern=\"[0-9]{{4}}\" \
         maxlength=\"4\" size=\"4\" required{described}></label></p>\
         <p><button name=\"confirm\" value=\"yes\">{}</button></p></form>",
        escape(&tr.t("m-cancel-prompt")),
        escape(&tr.t("m-confirm-yes")),
    )
}

fn cancelled(opened: &Opened) -> Response {
    let v = &opened.visitor;
    let title = v.tr.t("m-cancelled-title");
    let body = heading(&title) + &para(&v.tr.t("m-cancelled")) + &back_link(opened);
    html::page(StatusCode::OK, v.tr.lang, &title, &body)
}

/// Back to the booking's page (from `/m/{code}/cancel`).
fn back_link(opened: &Opened) -> String {
    format!("<p><a href=\"../{}\">{}</a></p>", escape(&opened.code), escape(&opened.visitor.tr.t("m-back")))
}

/// Wrong digits (or the booking went meanwhile): what to do, and whom to call.
fn refused(v: &Visitor) -> Response {
    let title = v.tr.t("m-refused-title");
    let mut body = heading(&title) + &para(&v.tr.t("m-cancel-refused"));
    body += &format!("<p><a href=\"cancel\">{}</a></p>", escape(&v.tr.t("m-try-again")));
    body += &call_the_hall(v);
    html::page(StatusCode::NOT_FOUND, v.tr.lang, &title, &body)
}
