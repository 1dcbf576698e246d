//! Continue on the phone: the kiosk asks for a handoff code; the QR code it
//! shows opens `/m/{code}`, a plain page (no JavaScript) with the materials
//! checklist and, for a booking, its date, time, hall and code — never a
//! name, phone or ID number. Lookups are rate-limited per client address.

use std::{
    fmt::Write as _,
    net::{IpAddr, SocketAddr},
};

use axum::{
    Form, Json,
    extract::{ConnectInfo, Path, State, rejection::JsonRejection},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use jiff::Timestamp;
use serde::Deserialize;

use super::{
    AppState,
    routes::Fail,
    store::{StoredBooking, StoredHandoff, crockford, normalize_code},
};
use crate::domain::{ApiError, Catalog, Handoff, HandoffRequest, Lang, Service};
use crate::i18n::{self, Tr};

/// Makes a handoff code for a service (and optionally a booking) in a language.
#[utoipa::path(
    post,
    path = "/api/v1/handoffs",
    request_body = HandoffRequest,
    responses((status = 201, body = Handoff), (status = 422, description = "`invalid_field`", body = ApiError))
)]
pub(super) async fn create(
    State(state): State<AppState>,
    body: Result<Json<HandoffRequest>, JsonRejection>,
) -> Result<Response, Fail> {
    let Json(req) = body.map_err(|e| Fail::new(StatusCode::BAD_REQUEST, "bad_request", e.body_text()))?;
    if !state.served.get().catalog.services.iter().any(|s| s.id == req.service) {
        return Err(Fail::invalid("service", "no such service"));
    }
    let booking = req.booking.as_deref().map(normalize_code);
    if let Some(code) = &booking {
        let found = state.store.booking_by_code(code).await.map_err(Fail::internal)?;
        if found.is_none() {
            return Err(Fail::invalid("booking", "no such booking"));
        }
    }
    let now = state.clock.now().as_second();
    let expires = now + state.handoff_secs;
    let code = crockford(16);
    let stored = StoredHandoff { service: req.service, lang: req.lang.tag().to_owned(), booking };
    state.store.create_handoff(&code, &stored, expires, now).await.map_err(Fail::internal)?;
    let handoff = Handoff {
        url: link(&state.public_url, &code),
        code,
        expires_at: Timestamp::from_second(expires).map(|t| t.to_string()).unwrap_or_default(),
    };
    Ok((StatusCode::CREATED, Json(handoff)).into_response())
}

/// The phone page's address. A QR code stores upper-case letters, digits and
/// `:/.` in alphanumeric mode, far denser than bytes: when the public address
/// has no path (scheme and host ignore case), the whole link is upper case.
fn link(base: &str, code: &str) -> String {
    let has_path = base.split_once("://").is_some_and(|(_, rest)| rest.contains('/'));
    let base = if has_path { base.to_owned() } else { base.to_ascii_uppercase() };
    format!("{base}/M/{code}")
}

/// `/m/{code}`: the page a phone opens from the QR code.
pub(super) async fn page(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    let client = client_ip(peer.ip(), &headers, &state.trusted_proxies);
    match found(&state, client, &code).await {
        Err(response) => response,
        Ok((handoff, tr, booking)) => {
            let served = state.served.get();
            let catalog = &served.catalog;
            let Some(service) = catalog.services.iter().find(|s| s.id == handoff.service) else {
                return gone(Lang::FALLBACK);
            };
            html(
                StatusCode::OK,
                tr.lang,
                service.name.get(tr.lang),
                &body(catalog, service, &tr, booking.as_ref(), &code),
            )
        }
    }
}

/// The address a request counts against: the peer's, unless the peer is a
/// trusted proxy; then the last X-Forwarded-For address that is not itself
/// a trusted proxy (each proxy appends the address it saw).
fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let chain: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in chain.into_iter().rev() {
        // Anything unreadable was written before a trusted proxy: stop there.
        let Ok(ip) = hop.parse::<IpAddr>() else { break };
        client = ip;
        if !trusted.contains(&ip) {
            break;
        }
    }
    client
}

/// The handoff and its booking, or the page to answer instead.
async fn found(
    state: &AppState,
    client: IpAddr,
    code: &str,
) -> Result<(StoredHandoff, Tr, Option<StoredBooking>), Response> {
    let now = state.clock.now().as_second();
    if !state.limit.allow(client, now) {
        let tr = Tr::new(Lang::FALLBACK);
        let mut page =
            html(StatusCode::TOO_MANY_REQUESTS, tr.lang, &tr.t("m-busy-title"), &para(&tr.t("m-busy-body")));
        page.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("60"));
        return Err(page);
    }
    let handoff = state.store.handoff(&normalize_code(code), now).await.map_err(|e| {
        tracing::error!("store error: {e}");
        html(StatusCode::INTERNAL_SERVER_ERROR, Lang::FALLBACK, "onestop", "")
    })?;
    // Unknown and expired look exactly alike, so codes cannot be probed.
    let Some(handoff) = handoff else { return Err(gone(Lang::FALLBACK)) };
    let tr = Tr::new(handoff.lang.parse().unwrap_or_default());
    let booking = match &handoff.booking {
        Some(code) => state.store.booking_by_code(code).await.ok().flatten(),
        None => None,
    };
    Ok((handoff, tr, booking))
}

#[derive(Deserialize)]
pub(super) struct CancelForm {
    phone_last4: String,
}

/// `/m/{code}/cancel`: cancels the page's booking, proven by the phone's last four digits.
pub(super) async fn cancel(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Form(form): Form<CancelForm>,
) -> Response {
    let client = client_ip(peer.ip(), &headers, &state.trusted_proxies);
    let (_, tr, booking) = match found(&state, client, &code).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(booking) = booking else { return gone(tr.lang) };
    let result = state.store.cancel(&booking.code, form.phone_last4.trim()).await;
    let (status, key) = match result {
        Ok(Some(b)) if !b.active => (StatusCode::OK, "m-cancelled"),
        Ok(_) => (StatusCode::NOT_FOUND, "m-cancel-refused"),
        Err(e) => {
            tracing::error!("store error: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "m-cancel-refused")
        }
    };
    let back = format!("<p><a href=\"../{}\">{}</a></p>", escape(&code), escape(&tr.t("m-back")));
    html(status, tr.lang, &tr.t(key), &(para(&tr.t(key)) + &back))
}

fn gone(lang: Lang) -> Response {
    let tr = Tr::new(lang);
    html(StatusCode::NOT_FOUND, lang, &tr.t("m-gone-title"), &para(&tr.t("m-gone-body")))
}

fn para(text: &str) -> String {
    format!("<p>{}</p>", escape(text))
}

/// Escapes text for HTML, dropping control characters on the way.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::domain::sanitize(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page: fits a 360-pixel screen, no fixed widths, no scripts.
fn html(status: StatusCode, lang: Lang, title: &str, body: &str) -> Response {
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n\
         body{{font-family:system-ui,sans-serif;font-size:1.1rem;line-height:1.6;margin:0 auto;max-width:40rem;padding:1rem;color:#111;background:#fff}}\n\
         h1{{font-size:1.5rem}} h2{{font-size:1.2rem;margin-top:1.5rem;border-bottom:thin solid #ccc}}\n\
         ul{{list-style:none;padding:0}} li{{margin:.6rem 0}} .note{{color:#444;font-size:.95rem}}\n\
         .code{{font-size:1.4rem;font-weight:bold;letter-spacing:.1em}} input,button{{font-size:1.1rem}}\n\
         </style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        title = escape(title),
    );
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], page)
        .into_response()
}

fn body(catalog: &Catalog, s: &Service, tr: &Tr, booking: Option<&StoredBooking>, code: &str) -> String {
    let lang = tr.lang;
    let mut out = String::new();
    let _ = write!(out, "<h1>{}</h1>", escape(s.name.get(lang)));
    out += &para(&tr.a("guide-department", &[("department", i18n::s(s.department.get(lang)))]));
    if let Some(b) = booking {
        out += &booking_section(catalog, s, tr, b, code);
    }
    let _ = write!(
        out,
        "<h2>{}</h2><ul>",
        escape(&tr.a("guide-materials", &[("count", i18n::n(s.materials.len() as u32))]))
    );
    for (i, m) in s.materials.iter().enumerate() {
        let facts = i18n::material_facts(tr, m);
        let _ = write!(
            out,
            "<li><label><input type=\"checkbox\"> {}</label><br><span class=\"note\">{}<br>{}</span>",
            escape(&format!("{}. {}", i + 1, m.name.get(lang))),
            escape(&facts.join(" · ")),
            escape(&tr.a("material-source", &[("source", i18n::s(m.source.get(lang)))])),
        );
        if let Some(notes) = &m.notes {
            let _ = write!(
                out,
                "<br><span class=\"note\">{}</span>",
                escape(&tr.a("material-notes", &[("notes", i18n::s(notes.get(lang)))]))
            );
        }
        out += "</li>";
    }
    out += "</ul>";
    let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("guide-fees")));
    if s.fees.is_empty() {
        out += &para(&tr.t("fees-none"));
    }
    for fee in &s.fees {
        out += &para(
            &tr.a("fee-item", &[("item", i18n::s(fee.item.get(lang))), ("amount", i18n::s(&fee.amount))]),
        );
    }
    let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("guide-time-limits")));
    out += &para(&tr.a("statutory-days", &[("days", i18n::n(s.statutory_days))]));
    out += &para(&match s.promised_days {
        0 => tr.t("promised-on-the-spot"),
        d => tr.a("promised-days", &[("days", i18n::n(d))]),
    });
    let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("guide-where")));
    for hall in catalog.halls.iter().filter(|h| s.halls.contains(&h.id)) {
        let _ = write!(
            out,
            "<p><strong>{}</strong><br>{}<br>{}<br>{}</p>",
            escape(hall.name.get(lang)),
            escape(hall.address.get(lang)),
            escape(hall.hours.get(lang)),
            escape(&tr.a("help-phone", &[("phone", i18n::s(&hall.phone))])),
        );
    }
    let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("guide-phones")));
    out += &para(&tr.a("enquiry-phone", &[("phone", i18n::s(&s.enquiry_phone))]));
    out += &para(&tr.a("complaint-phone", &[("phone", i18n::s(&s.complaint_phone))]));
    out
}

fn booking_section(catalog: &Catalog, s: &Service, tr: &Tr, b: &StoredBooking, code: &str) -> String {
    let lang = tr.lang;
    let hall = catalog.halls.iter().find(|h| h.id == b.hall);
    let tz = hall.map_or(jiff::tz::TimeZone::UTC, super::calendar::zone);
    let local = |t: i64| {
        Timestamp::from_second(t).map(|t| super::calendar::hh_mm(&t.to_zoned(tz.clone()))).unwrap_or_default()
    };
    let mut out =
        format!("<h2>{}</h2>", escape(&tr.t(if b.active { "m-booking" } else { "status-cancelled" })));
    let _ =
        write!(out, "<p class=\"code\">{}</p>", escape(&tr.a("booking-code", &[("code", i18n::s(&b.code))])));
    let day = b
        .local_date
        .parse::<jiff::civil::Date>()
        .map(|d| i18n::day_label(tr, &b.local_date, d.weekday().to_monday_one_offset() as u8));
    let when = tr.a(
        "booking-when",
        &[
            ("day", i18n::s(&day.unwrap_or_default())),
            ("start", i18n::s(&local(b.start))),
            ("end", i18n::s(&local(b.end))),
            ("zone", i18n::s(&i18n::zone(tr, hall.map_or("", |h| h.time_zone.as_str())))),
        ],
    );
    out += &para(&when);
    if let Some(h) = hall {
        let place = match s.location_at(&h.id) {
            Some(windows) => format!("{} · {}", h.name.get(lang), windows.get(lang)),
            None => h.name.get(lang).to_owned(),
        };
        out += &para(
            &tr.a("booking-where", &[("place", i18n::s(&place)), ("address", i18n::s(h.address.get(lang)))]),
        );
    }
    if b.active {
        let _ = write!(
            out,
            "<form method=\"post\" action=\"{}/cancel\"><p><label>{}<br><input name=\"phone_last4\" inputmode=\"numeric\" \
             pattern=\"[0-9]{{4}}\" maxlength=\"4\" size=\"4\" required></label> <button>{}</button></p></form>",
            escape(code),
            escape(&tr.t("m-cancel-prompt")),
            escape(&tr.t("lookup-cancel")),
        );
    }
    out
}
