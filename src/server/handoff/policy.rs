//! A policy document of the library on the phone (issue 18):
//! `/m/policy/{id}?lang=zh-CN|en-US|zh-HK` (`/M/…` too, either case, so a
//! kiosk's QR code may hold it in upper case). Public: the library is, so
//! no code is needed, but each request counts in the phone pages'
//! per-address limit. It shows the header fields of the disclosure page,
//! the validity in words, for a document no longer in force a notice at
//! the top linking what applies now, our plain-language summary, the
//! interpretations, the services it governs and when it was checked.

use std::fmt::Write as _;
use std::net::SocketAddr;

use axum::{
    extract::{ConnectInfo, Path, RawQuery, State, rejection::PathRejection},
    http::{HeaderMap, StatusCode},
    response::Response,
};
use serde::Deserialize;

use super::{
    errors::{self, Visitor},
    html::{self, escape, para, with_link},
    lang,
};
use crate::domain::{
    Catalog, Lang,
    policy::{Library, Policy, Validity},
};
use crate::i18n::{self, Tr};
use crate::server::{AppState, policies};

/// The page's address under the public base, from a page (relative: the
/// phone pages sit one level under `/m/`) or for a kiosk (`link`).
pub(super) fn href(id: &str, lang: Lang) -> String {
    format!("policy/{id}?lang={}", lang.tag())
}

/// The validity in words.
pub(super) fn validity(tr: &Tr, v: Validity) -> String {
    tr.t(match v {
        Validity::InForce => "m-policy-in-force",
        Validity::Amended => "m-policy-amended",
        Validity::Repealed => "m-policy-repealed",
        Validity::Expired => "m-policy-expired",
    })
}

/// `{id}` of a policy page.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub(in crate::server) struct PolicyPath {
    /// The document's id in the library, either case.
    #[param(pattern = "^[A-Za-z0-9-]{1,64}$", min_length = 1, max_length = 64, example = "passport-law")]
    id: String,
}

/// `?lang=` of a policy page.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub(in crate::server) struct PolicyQuery {
    /// `zh-CN`, `en-US` or `zh-HK`, either case; without it, the phone's
    /// own preference (`Accept-Language`).
    #[param(
        pattern = "^([zZ][hH]-[cC][nN]|[eE][nN]-[uU][sS]|[zZ][hH]-[hH][kK])$",
        min_length = 5,
        max_length = 5,
        example = "zh-CN"
    )]
    lang: Option<String>,
}

/// One policy document, in the page's language (HTML; `/M/policy/{id}` and
/// `/M/POLICY/{id}` too). An unknown id is a page saying so; every failure
/// is a page.
#[utoipa::path(
    get,
    path = "/m/policy/{id}",
    tag = "phone pages",
    params(PolicyPath, PolicyQuery),
    responses(
        (status = 200, description = "The document", content_type = "text/html", body = String),
        (status = 400, description = "The address is not UTF-8, or `lang` names no language of ours", content_type = "text/html", body = String),
        (status = 404, description = "No document with this id in the library", content_type = "text/html", body = String),
        (status = 429, description = "Too many page requests from this address", content_type = "text/html", body = String,
         headers(("Retry-After" = u64, description = "Seconds until it may ask again"))),
    )
)]
pub(in crate::server) async fn policy_page(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Response {
    let asked = asked_lang(query.as_deref());
    let lang = asked.ok().flatten().unwrap_or_else(|| lang::preferred(&headers));
    let served = state.served.get();
    let visitor =
        Visitor { tr: Tr::new(lang), hall_phone: served.catalog.halls.first().map(|h| h.phone.clone()) };
    if asked.is_err() {
        return errors::unreadable(&visitor, StatusCode::BAD_REQUEST);
    }
    let Path(id) = match path {
        Ok(path) => path,
        Err(rejection) => return errors::bad_path(&visitor, &rejection),
    };
    let client = super::client_address(&state, peer, &headers);
    if !state.limit.allow(client, state.clock.now().as_second()) {
        return errors::busy(&visitor);
    }
    let library = policies::served(&state);
    let Some(policy) = library.library.get(&id.to_ascii_lowercase()) else {
        return errors::no_such_policy(&visitor);
    };
    let body = page_body(&library.library, &served.catalog, policy, &visitor.tr);
    html::page(StatusCode::OK, lang, policy.title.get(lang), &body)
}

/// `lang=…` in the query, the key and the tag in either case (a QR code's
/// upper-case address has `LANG=ZH-CN`): Ok(None) when there is none, Err
/// when it names no language of ours. Any other key is left alone.
fn asked_lang(query: Option<&str>) -> Result<Option<Lang>, ()> {
    let Some(query) = query else { return Ok(None) };
    let asked = query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        key.eq_ignore_ascii_case("lang").then_some(value)
    });
    asked.map(|tag| tag.parse().map_err(|_| ())).transpose()
}

/// The document's page: the notice, the title, the header fields, the
/// summary, the interpretations, the services, the date it was checked.
fn page_body(library: &Library, catalog: &Catalog, p: &Policy, tr: &Tr) -> String {
    let lang = tr.lang;
    let mut out = notice(library, p, tr);
    let _ = write!(out, "<h1>{}</h1>", escape(p.title.get(lang)));
    out += &fields(p, tr);
    let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("m-policy-summary")));
    out += &para(p.summary.get(lang));
    if !p.interpretations.is_empty() {
        let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("m-policy-interpretations")));
    }
    for i in &p.interpretations {
        let when = tr.a("m-policy-interpretation-of", &[("date", i18n::s(&i18n::full_date(tr, &i.date)))]);
        let _ = write!(out, "<h3>{}</h3><dl class=\"qa\">", escape(&when));
        for q in &i.questions {
            let _ = write!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                escape(&tr.a("m-policy-question", &[("text", i18n::s(q.question.get(lang)))])),
                escape(&tr.a("m-policy-answer", &[("text", i18n::s(q.answer.get(lang)))])),
            );
        }
        out += "</dl>";
        out += &para(&tr.a("m-policy-example", &[("text", i18n::s(i.example.get(lang)))]));
    }
    out += &services(catalog, p, tr);
    out += &para(&tr.a("guide-reviewed", &[("date", i18n::s(&i18n::full_date(tr, &p.reviewed)))]));
    if let Some(source) =
        p.source.as_deref().filter(|s| s.starts_with("https://") || s.starts_with("http://"))
    {
        let _ = write!(out, "<p><a href=\"{}\">{}</a></p>", escape(source), escape(&tr.t("m-policy-source")));
    }
    out
}

/// For a document no longer in force, at the top: so in words, and what
/// applies now (its replacement followed to the end), linked.
fn notice(library: &Library, p: &Policy, tr: &Tr) -> String {
    let id = match p.validity {
        Validity::InForce => return String::new(),
        Validity::Amended => "m-policy-notice-amended",
        Validity::Repealed => "m-policy-notice-repealed",
        Validity::Expired => "m-policy-notice-expired",
    };
    let now = match library.current_replacement(p) {
        Some(r) => {
            let href = format!("{}?lang={}", escape_id(&r.id), tr.lang.tag());
            with_link(tr, "m-policy-now-applies", &href, r.title.get(tr.lang))
        }
        None => escape(&tr.t("m-policy-no-replacement")),
    };
    format!("<p class=\"notice\"><strong>{}</strong> {now}</p>", escape(&tr.t(id)))
}

/// An id as the library checks it (`^[a-z0-9-]{1,64}$`): safe in a path.
fn escape_id(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

/// The disclosure page's header fields, the absent ones left out.
fn fields(p: &Policy, tr: &Tr) -> String {
    let lang = tr.lang;
    let issuers: Vec<&str> = p.issuers.iter().map(|i| i.get(lang)).collect();
    let separator = if lang == Lang::EnUs { "; " } else { "、" };
    let date = |d: &str| i18n::full_date(tr, d);
    let rows: [(&str, Option<String>); 9] = [
        ("m-policy-index-number", p.index_number.clone()),
        ("m-policy-title", Some(p.title.get(lang).to_owned())),
        ("m-policy-issuers", Some(issuers.join(separator))),
        ("m-policy-doc-number", p.doc_number.clone()),
        ("m-policy-written", Some(date(&p.written))),
        ("m-policy-published", Some(date(&p.published))),
        ("m-policy-effective", p.effective.as_deref().map(date)),
        ("m-policy-topic", Some(p.topic.get(lang).to_owned())),
        ("m-policy-validity", Some(validity(tr, p.validity))),
    ];
    let mut out = String::from("<dl class=\"fields\">");
    for (label, value) in rows {
        if let Some(value) = value {
            let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(&tr.t(label)), escape(&value));
        }
    }
    out + "</dl>"
}

/// The services it governs, by name.
fn services(catalog: &Catalog, p: &Policy, tr: &Tr) -> String {
    let names: Vec<&str> = p
        .services
        .iter()
        .filter_map(|id| catalog.services.iter().find(|s| &s.id == id))
        .map(|s| s.name.get(tr.lang))
        .collect();
    if names.is_empty() {
        return String::new();
    }
    let mut out = format!("<h2>{}</h2><ul>", escape(&tr.t("m-policy-services")));
    for name in names {
        let _ = write!(out, "<li>{}</li>", escape(name));
    }
    out + "</ul>"
}

/// The guide's "依据 Based on": each document the service is based on,
/// linked to its page, with its number and validity in words.
pub(super) fn based_on(library: &Library, service: &str, tr: &Tr) -> String {
    let found = library.for_service(service);
    if found.is_empty() {
        return String::new();
    }
    let mut out = format!("<h2>{}</h2><ul>", escape(&tr.t("m-policy-based-on")));
    for p in found {
        let mut facts: Vec<String> = p.doc_number.iter().cloned().collect();
        facts.push(validity(tr, p.validity));
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a><br><span class=\"note\">{}</span></li>",
            escape(&href(&escape_id(&p.id), tr.lang)),
            escape(p.title.get(tr.lang)),
            escape(&facts.join(" · ")),
        );
    }
    out + "</ul>"
}
