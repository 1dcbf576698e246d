//! 好差评 on the ticket's phone page (issue 17): once the ticket is finished,
//! and for `rating.open_days` after, the page asks how satisfied the
//! citizen was — the five national levels, for the two lowest a reason
//! from the list and their own words — and posts it to `/m/{code}/rate`.
//! The rules are the JSON route's (`ratings::words`, `ratings::give`), the
//! proof is the page's own handoff; each refusal is a sentence on the page
//! above the form, which keeps what was chosen.

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
use crate::domain::rating::{Level, Reason, TEXT_MAX};
use crate::i18n::{self, Tr};
use crate::server::{
    AppState,
    ratings::{self, Asked, Refused, Service},
    store::{HandoffTicket, StoreError},
};

/// What the citizen chose, kept to fill the form in again.
#[derive(Debug, Default)]
struct Chosen {
    level: Option<Level>,
    reason: Option<Reason>,
    text: String,
}

/// Where the ticket stands as far as rating goes.
enum Standing {
    /// Not finished yet: nothing to rate.
    NotYet,
    Open,
    Rated(Level),
    Closed,
}

async fn standing(state: &AppState, t: &HandoffTicket) -> Result<Standing, StoreError> {
    let Some(ticket) = state.store.ticket_to_rate(&t.hall, &t.day, &t.number).await? else {
        return Ok(Standing::NotYet);
    };
    let Some(finished) = ticket.finished.filter(|_| ticket.window.is_some()) else {
        return Ok(Standing::NotYet);
    };
    let rated = state.store.ratings_of_day(&t.hall, &t.day).await?;
    if let Some(r) = rated.iter().find(|r| r.number == t.number) {
        return Ok(Standing::Rated(r.level));
    }
    let now = state.clock.now().as_second();
    Ok(if ratings::still_open(state, finished, now) { Standing::Open } else { Standing::Closed })
}

/// The rating part of a ticket's page (`/m/{code}`), once the ticket is
/// finished: the form, the level given, or that rating has closed.
pub(super) async fn on_ticket_page(
    state: &AppState,
    t: &HandoffTicket,
    tr: &Tr,
    code: &str,
) -> Result<String, StoreError> {
    let open_days = state.rating_open_days;
    Ok(match standing(state, t).await? {
        Standing::NotYet => String::new(),
        Standing::Open => {
            let mut out = format!("<h2 id=\"rate\">{}</h2>", escape(&tr.t("m-rate-title")));
            out += &form(tr, &format!("{code}/rate"), &Chosen::default(), None);
            out
        }
        Standing::Rated(level) => rated_line(tr, level),
        Standing::Closed => para(&closed(tr, open_days)),
    })
}

fn rated_line(tr: &Tr, level: Level) -> String {
    para(&tr.a("m-rate-given", &[("level", i18n::s(&level_name(tr, level)))]))
}

fn closed(tr: &Tr, open_days: u32) -> String {
    tr.a("m-rate-closed", &[("days", i18n::n(open_days))])
}

/// A level in the page's language.
fn level_name(tr: &Tr, level: Level) -> String {
    tr.t(&format!("m-rate-level-{}", level.name().replace('_', "-")))
}

fn reason_name(tr: &Tr, reason: Reason) -> String {
    tr.t(&format!("m-rate-reason-{}", reason.name().replace('_', "-")))
}

/// The form: the five levels, the reasons (with "none", since a radio
/// button cannot be cleared without a script), the citizen's own words
/// and one button. `error` is a refusal's sentence and the part it is about.
fn form(tr: &Tr, action: &str, chosen: &Chosen, error: Option<(&str, Part)>) -> String {
    let mut out = String::new();
    if let Some((sentence, _)) = error {
        out += &html::form_error(sentence);
    }
    let is_about = |part: Part| matches!(error, Some((_, p)) if p == part);
    let about = |part: Part| if is_about(part) { " aria-describedby=\"form-error\"" } else { "" };
    let _ = write!(out, "<form method=\"post\" action=\"{}\">", escape(action));
    let _ = write!(out, "<fieldset{}><legend>{}</legend>", about(Part::Level), escape(&tr.t("m-rate-how")));
    for level in Level::ALL {
        out +=
            &html::choice("level", level.name(), &level_name(tr, level), chosen.level == Some(level), true);
    }
    out += "</fieldset>";
    let _ = write!(out, "<fieldset{}><legend>{}</legend>", about(Part::Reason), escape(&tr.t("m-rate-why")));
    out += &html::choice("reason", "", &tr.t("m-rate-reason-none"), chosen.reason.is_none(), false);
    for reason in Reason::ALL {
        out += &html::choice(
            "reason",
            reason.name(),
            &reason_name(tr, reason),
            chosen.reason == Some(reason),
            false,
        );
    }
    out += "</fieldset>";
    out += &html::words_box(
        &tr.a("m-rate-words", &[("max", i18n::n(TEXT_MAX as u32))]),
        &chosen.text,
        is_about(Part::Text),
    );
    let _ = write!(out, "<p><button>{}</button></p></form>", escape(&tr.t("m-rate-send")));
    out
}

/// Which part of the form a refusal is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Level,
    Reason,
    Text,
    /// The ticket itself (not finished, rated, closed).
    Ticket,
}

/// The form as posted: every field optional, so that nothing the citizen
/// left out becomes the framework's refusal.
#[derive(Deserialize, utoipa::ToSchema)]
pub(in crate::server) struct RateForm {
    /// One of `very_satisfied`, `satisfied`, `fairly_satisfied`,
    /// `dissatisfied`, `very_dissatisfied`.
    #[serde(default)]
    #[schema(max_length = 32, example = "dissatisfied")]
    level: Option<String>,
    /// For the two lowest: `slow`, `attitude`, `asked_again`, `not_done`,
    /// `unclear` or `other`; empty for none.
    #[serde(default)]
    #[schema(max_length = 32, example = "slow")]
    reason: Option<String>,
    /// The citizen's own words, at most 200 characters (line breaks count
    /// as spaces). The whole form is at most 4 KiB: longer is 413.
    #[serde(default)]
    #[schema(max_length = 3072, example = "等了很久")]
    text: Option<String>,
}

/// The rating form of a ticket's page on a page of its own (`/M/{code}/rate`
/// too): the form once the ticket is finished, else where it stands.
#[utoipa::path(
    get,
    path = "/m/{code}/rate",
    tag = "phone pages",
    params(HandoffPath),
    responses(
        (status = 200, description = "The form, the level given, or why there is nothing to rate yet", content_type = "text/html", body = String),
        (status = 400, description = "The address is not UTF-8", content_type = "text/html", body = String),
        (status = 404, description = "No such handoff, or it expired (alike); or it follows no ticket", content_type = "text/html", body = String),
        (status = 429, description = "Too many page requests from this address", content_type = "text/html", body = String,
         headers(("Retry-After" = u64, description = "Seconds until it may ask again"))),
        (status = 500, description = "The server could not complete the request", content_type = "text/html", body = String),
    )
)]
pub(in crate::server) async fn ask_to_rate(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    let opened = match pages::open(&state, peer, &headers, path).await {
        Ok(opened) => opened,
        Err(page) => return page,
    };
    let Some(t) = &opened.handoff.ticket else { return errors::no_such_page(&opened.visitor) };
    let tr = &opened.visitor.tr;
    let found = match standing(&state, t).await {
        Ok(found) => found,
        Err(e) => return pages::store_failed(&opened.visitor, e),
    };
    match found {
        Standing::Open => form_page(&opened, StatusCode::OK, &Chosen::default(), None),
        Standing::NotYet => refusal_page(&opened, StatusCode::OK, &tr.t("m-rate-not-finished")),
        Standing::Rated(level) => {
            let body = heading(&tr.t("m-rate-title")) + &rated_line(tr, level) + &back(&opened);
            html::page(StatusCode::OK, tr.lang, &tr.t("m-rate-title"), &body)
        }
        Standing::Closed => refusal_page(&opened, StatusCode::OK, &closed(tr, state.rating_open_days)),
    }
}

/// Rates the page's ticket (`/M/{code}/rate` too), by the rules of
/// `POST /api/v1/halls/{hall}/tickets/{number}/rating`, the page's handoff
/// being the proof. A refusal is the form again, as it was filled in, with
/// the reason above it.
#[utoipa::path(
    post,
    path = "/m/{code}/rate",
    tag = "phone pages",
    params(HandoffPath),
    request_body(content = RateForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Rated: thanks, and the level given", content_type = "text/html", body = String),
        (status = 400, description = "The address is not UTF-8, or the form names a level or reason not on the list", content_type = "text/html", body = String),
        (status = 404, description = "No such handoff, or it expired (alike); it follows no ticket, or the ticket is gone", content_type = "text/html", body = String),
        (status = 409, description = "Already rated (one per visit), not finished yet, or rating has closed", content_type = "text/html", body = String),
        (status = 413, description = "The form is larger than 4 KiB", content_type = "text/html", body = String),
        (status = 415, description = "Not sent as a form", content_type = "text/html", body = String),
        (status = 422, description = "No level chosen; a low rating without a reason, or a reason with a good one; words too long, or without a reason: the form again", content_type = "text/html", body = String),
        (status = 429, description = "Too many page requests from this address", content_type = "text/html", body = String,
         headers(("Retry-After" = u64, description = "Seconds until it may ask again"))),
        (status = 500, description = "The server could not complete the request", content_type = "text/html", body = String),
    )
)]
pub(in crate::server) async fn rate_visit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    form: Result<Form<RateForm>, FormRejection>,
) -> Response {
    let (opened, form) = match pages::open_with_form(&state, peer, &headers, path, form).await {
        Ok(both) => both,
        Err(page) => return page,
    };
    let Some(t) = opened.handoff.ticket.clone() else { return errors::no_such_page(&opened.visitor) };
    let v = &opened.visitor;
    let Some(chosen) = read(&form) else { return errors::unreadable(v, StatusCode::BAD_REQUEST) };
    let Some(level) = chosen.level else {
        let sentence = v.tr.t("m-rate-choose-level");
        return form_page(&opened, StatusCode::UNPROCESSABLE_ENTITY, &chosen, Some((&sentence, Part::Level)));
    };
    let text = match ratings::words(level, chosen.reason, Some(&chosen.text)) {
        Ok(text) => text,
        Err(refused) => return refused_page(&state, &opened, &chosen, refused),
    };
    let asked = Asked { hall: t.hall, day: t.day, number: t.number, level, reason: chosen.reason, text };
    match ratings::give(&state, asked, Service::Proven(opened.handoff.service.clone())).await {
        Ok(rating) => thanks(&opened, rating.level),
        Err(refused) => refused_page(&state, &opened, &chosen, refused),
    }
}

/// The form's fields as the rules take them; None when a level or reason
/// is not one of the list (only a hand-made request sends that).
fn read(form: &RateForm) -> Option<Chosen> {
    let level = match form.level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(name) => Some(Level::parse(name)?),
        None => None,
    };
    let reason = match form.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(name) => Some(Reason::parse(name)?),
        None => None,
    };
    Some(Chosen { level, reason, text: html::one_line(form.text.as_deref().unwrap_or("")) })
}

/// A refusal in the page's language: for the words, the form again with
/// the sentence above it; for the ticket, the sentence alone.
fn refused_page(state: &AppState, opened: &Opened, chosen: &Chosen, refused: Refused) -> Response {
    let tr = &opened.visitor.tr;
    let words = |id: &str, part: Part| (tr.t(id), part);
    let (sentence, part) = match refused {
        Refused::NeedsReason => words("m-rate-needs-reason", Part::Reason),
        Refused::ReasonWithGood => words("m-rate-reason-with-good", Part::Reason),
        Refused::Text(_) => (tr.a("m-rate-text-rule", &[("max", i18n::n(TEXT_MAX as u32))]), Part::Text),
        Refused::WordsWithoutReason => words("m-rate-words-without-reason", Part::Text),
        Refused::NotFinished => words("m-rate-not-finished", Part::Ticket),
        Refused::Closed => (closed(tr, state.rating_open_days), Part::Ticket),
        Refused::AlreadyRated => words("m-rate-already", Part::Ticket),
        Refused::NoTicket => return refusal_page(opened, StatusCode::NOT_FOUND, &tr.t("m-ticket-gone")),
        // The handoff names the service: a kiosk's question, never the page's.
        Refused::WhichService => return errors::internal(&opened.visitor),
        Refused::Store(e) => return pages::store_failed(&opened.visitor, e),
    };
    match part {
        Part::Ticket => refusal_page(opened, StatusCode::CONFLICT, &sentence),
        part => form_page(opened, StatusCode::UNPROCESSABLE_ENTITY, chosen, Some((&sentence, part))),
    }
}

/// The rating form on its own page, posted back to itself.
fn form_page(opened: &Opened, status: StatusCode, chosen: &Chosen, error: Option<(&str, Part)>) -> Response {
    let tr = &opened.visitor.tr;
    let title = tr.t("m-rate-title");
    let mut body = heading(&title) + &number_line(opened);
    body += &form(tr, "rate", chosen, error);
    body += &back(opened);
    html::page(status, tr.lang, &title, &body)
}

/// Why the ticket cannot be rated (now), and the way back.
fn refusal_page(opened: &Opened, status: StatusCode, sentence: &str) -> Response {
    let tr = &opened.visitor.tr;
    let title = tr.t("m-rate-title");
    let body = heading(&title) + &number_line(opened) + &para(sentence) + &back(opened);
    html::page(status, tr.lang, &title, &body)
}

fn thanks(opened: &Opened, level: Level) -> Response {
    let tr = &opened.visitor.tr;
    let title = tr.t("m-rate-thanks-title");
    let body = heading(&title) + &number_line(opened) + &rated_line(tr, level) + &back(opened);
    html::page(StatusCode::OK, tr.lang, &title, &body)
}

/// "Your number: B005", so the page says which visit it rates.
fn number_line(opened: &Opened) -> String {
    let number = opened.handoff.ticket.as_ref().map_or("", |t| t.number.as_str());
    para(&opened.visitor.tr.a("m-ticket-title", &[("number", i18n::s(number))]))
}

/// Back to the ticket's page (from `/m/{code}/rate`).
fn back(opened: &Opened) -> String {
    format!(
        "<p><a href=\"../{}\">{}</a></p>",
        escape(&opened.code),
        escape(&opened.visitor.tr.t("m-rate-back"))
    )
}
