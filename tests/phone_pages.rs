//! The phone pages (`/m/…`) against the real server on loopback, as a
//! phone's browser meets them: security headers on every answer, the
//! handoff's (or the phone's) language, error pages that say what to do and
//! whom to call, a cancel that asks first, and the handoff's booking proof.

use std::sync::Arc;

mod common;

use common::backend::StoreKind;

use jiff::SignedDuration;
use onestop::client::ApiClient;
use onestop::domain::{Booking, BookingRequest, HoldRequest, IdKind, grouped_code};
use onestop::server::{self, ServerOptions, clock::ManualClock};
use reqwest::{StatusCode, header::HeaderMap};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

struct Backend {
    url: String,
    clock: Arc<ManualClock>,
    client: ApiClient,
    http: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn backend(kind: StoreKind, lookups_per_minute: u32) -> Backend {
    let dir = tempfile::tempdir().unwrap();
    // Monday 30 November 2026, 08:00 in the halls.
    let clock = Arc::new(ManualClock::new("2026-11-30T00:00:00Z".parse().unwrap()));
    let opts = ServerOptions {
        clock: clock.clone(),
        lookups_per_minute,
        ..ServerOptions::new(kind.database(dir.path()))
    };
    let url = server::start(&opts, "127.0.0.1:0").await.unwrap().url();
    let client = ApiClient::new(&url, std::time::Duration::from_secs(5));
    Backend { url, clock, client, http: reqwest::Client::new(), _dir: dir }
}

/// An answer as a browser sees it.
struct Page {
    status: StatusCode,
    headers: HeaderMap,
    html: String,
}

impl Page {
    async fn from(resp: reqwest::Response) -> Page {
        let (status, headers) = (resp.status(), resp.headers().clone());
        Page { status, headers, html: resp.text().await.unwrap() }
    }

    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", |v| v.to_str().unwrap())
    }
}

/// The first service that `hall` offers.
const SERVICE_AT: [(&str, &str); 2] = [("binjiang", "id-card-renewal"), ("chengbei", "birth-registration")];

impl Backend {
    /// Books the first slot of `date` at `hall` for mobile 13700001234.
    async fn book(&self, hall: &str, date: &str) -> Booking {
        let service = SERVICE_AT.iter().find(|(h, _)| *h == hall).unwrap().1;
        let slots = self.client.slots(hall, service, date).await.unwrap();
        let hold =
            HoldRequest { hall: hall.into(), service: service.into(), start: slots.slots[0].start.clone() };
        let request = BookingRequest {
            hold: self.client.hold(&hold).await.unwrap().id,
            name: "王小明".into(),
            phone: "13700001234".into(),
            id_kind: IdKind::Passport,
            id_number: "E98765432".into(),
            company: None,
            kiosk: None,
        };
        self.client.book(&format!("{hall}-{date}-key"), &request).await.unwrap()
    }

    async fn create_handoff(&self, body: Value) -> (StatusCode, Value) {
        let resp = self.http.post(format!("{}/api/v1/handoffs", self.url)).json(&body).send().await.unwrap();
        (resp.status(), resp.json().await.unwrap_or(Value::Null))
    }

    /// The page's URL for a service in `lang`, with `booking`'s proof when given.
    async fn page_for(&self, service: &str, lang: &str, booking: Option<&Booking>) -> String {
        let mut body = json!({ "service": service, "lang": lang });
        if let Some(b) = booking {
            body["booking"] = json!(b.code);
            body["phone_last4"] = json!("1234");
        }
        let (status, handoff) = self.create_handoff(body).await;
        assert_eq!(status, StatusCode::CREATED, "{handoff}");
        handoff["url"].as_str().unwrap().to_owned()
    }

    async fn get(&self, url: &str, accept_language: Option<&str>) -> Page {
        let mut req = self.http.get(url);
        if let Some(langs) = accept_language {
            req = req.header("accept-language", langs);
        }
        Page::from(req.send().await.unwrap()).await
    }

    async fn post(&self, url: &str, content_type: &str, body: impl Into<reqwest::Body>) -> Page {
        let req = self.http.post(url).header("content-type", content_type).body(body);
        Page::from(req.send().await.unwrap()).await
    }

    async fn cancel(&self, page_url: &str, form: &str) -> Page {
        self.post(&format!("{page_url}/cancel"), "application/x-www-form-urlencoded", form.to_owned()).await
    }

    fn still_active(&self, booking: &Booking) -> impl Future<Output = bool> + '_ {
        let code = booking.code.clone();
        async move {
            let found = self.client.find_booking(&code, "1234").await.unwrap();
            found.status == onestop::domain::BookingStatus::Active
        }
    }
}

/// Standard base64, to compare the style's hash with the policy's.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bits: String = bytes.iter().map(|b| format!("{b:08b}")).collect();
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|c| {
            let six = format!("{:0<6}", std::str::from_utf8(c).unwrap());
            ALPHABET[usize::from_str_radix(&six, 2).unwrap()] as char
        })
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}

/// The headers every answer under `/m/` must carry, whatever it is.
fn assert_secured(page: &Page, what: &str) {
    let csp = page.header("content-security-policy");
    for directive in ["default-src 'none'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"]
    {
        assert!(csp.contains(directive), "{what}: {directive} missing from {csp:?}");
    }
    assert!(csp.contains("style-src 'sha256-"), "{what}: the style by its hash: {csp:?}");
    assert!(!csp.contains("unsafe") && !csp.contains("script-src"), "{what}: {csp:?}");
    assert_eq!(page.header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(page.header("referrer-policy"), "no-referrer", "{what}");
}

/// Heading, advice and the hall's phone as a link a tap dials.
fn assert_error_page(page: &Page, what: &str, phone: &str) {
    assert!(page.header("content-type").starts_with("text/html"), "{what}: {}", page.header("content-type"));
    let html = &page.html;
    let h1 = html.find("<h1>").unwrap_or_else(|| panic!("{what}: no heading in {html}"));
    assert!(html[h1..].contains("</h1><p>"), "{what}: what to do follows the heading: {html}");
    assert!(html.contains(&format!("href=\"tel:{phone}\"")), "{what}: the hall's phone {phone}: {html}");
}

fn lang_of(page: &Page) -> &str {
    let start = page.html.find("<html lang=\"").expect("a lang attribute") + "<html lang=\"".len();
    &page.html[start..start + 5]
}

on_both_stores! {
    async fn every_answer_under_m_carries_the_security_headers(kind) {
    let b = backend(kind, 100).await;
    let booking = b.book("binjiang", "2026-11-30").await;
    let url = b.page_for("id-card-renewal", "en-US", Some(&booking)).await;
    let answers = [
        ("page", b.get(&url, None).await, StatusCode::OK),
        ("upper-case page", b.get(&url.replace("/M/", "/m/"), None).await, StatusCode::OK),
        ("confirm page", b.get(&format!("{url}/cancel"), None).await, StatusCode::OK),
        ("unknown code", b.get(&format!("{}/m/ZZZZZZZZZZZZZZZZ", b.url), None).await, StatusCode::NOT_FOUND),
        ("no such page", b.get(&format!("{}/m/A/B/C", b.url), None).await, StatusCode::NOT_FOUND),
        ("bare prefix", b.get(&format!("{}/M/", b.url), None).await, StatusCode::NOT_FOUND),
        ("bad UTF-8", b.get(&format!("{}/m/%FF", b.url), None).await, StatusCode::BAD_REQUEST),
        (
            "form as JSON",
            b.post(&format!("{url}/cancel"), "application/json", "{}").await,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "wrong method",
            Page::from(b.http.delete(&url).send().await.unwrap()).await,
            StatusCode::METHOD_NOT_ALLOWED,
        ),
    ];
    for (what, page, status) in &answers {
        assert_eq!(page.status, *status, "{what}: {}", page.html);
        assert_secured(page, what);
    }
    let limited = backend(kind, 1).await;
    let url = limited.page_for("id-card-renewal", "zh-CN", None).await;
    limited.get(&url, None).await;
    let busy = limited.get(&url, None).await;
    assert_eq!(busy.status, StatusCode::TOO_MANY_REQUESTS);
    assert_secured(&busy, "429");
}
}

on_both_stores! {
    async fn the_policy_allows_exactly_the_pages_own_style(kind) {
    let b = backend(kind, 30).await;
    let page = b.get(&b.page_for("passport-application", "zh-CN", None).await, None).await;
    let style = page.html.split("<style>").nth(1).and_then(|s| s.split("</style>").next()).expect("a style");
    let hash = format!("'sha256-{}'", base64(&Sha256::digest(style.as_bytes())));
    assert!(page.header("content-security-policy").contains(&hash), "{hash} not in the policy");
    assert!(!page.html.contains(" style=") && !page.html.contains("<script"), "nothing else to allow");
    let gone = b.get(&format!("{}/m/ZZZZZZZZZZZZZZZZ", b.url), None).await;
    assert!(gone.html.contains(style), "error pages share the one style");
}
}

on_both_stores! {
    async fn a_page_speaks_its_handoffs_language_whatever_the_phone_prefers(kind) {
    let b = backend(kind, 30).await;
    let booking = b.book("chengbei", "2026-12-01").await;
    let url = b.page_for("birth-registration", "zh-HK", Some(&booking)).await;
    let page = b.get(&url, Some("en-US,en;q=0.9")).await;
    assert_eq!(lang_of(&page), "zh-HK");
    assert!(page.html.contains("您的預約"), "{}", page.html);
    let confirm = b.get(&format!("{url}/cancel"), Some("en-US")).await;
    assert!(confirm.html.contains("確定要取消這個預約嗎"), "{}", confirm.html);
    let refused = b.cancel(&url, "phone_last4=9999&confirm=yes").await;
    assert_eq!((refused.status, lang_of(&refused)), (StatusCode::NOT_FOUND, "zh-HK"));
    assert_error_page(&refused, "wrong digits", "0571-88000000");
}
}

on_both_stores! {
    async fn unknown_and_expired_codes_speak_the_phones_language(kind) {
    let b = backend(kind, 30).await;
    let expired = b.page_for("passport-application", "zh-CN", None).await;
    b.clock.advance(SignedDuration::from_mins(31));
    let unknown = format!("{}/m/ZZZZZZZZZZZZZZZZ", b.url);
    for (accept, lang, title) in [
        (Some("en-GB,en;q=0.9"), "en-US", "Link no longer valid"),
        (Some("zh-TW,zh;q=0.9,en;q=0.5"), "zh-HK", "連結已失效"),
        (Some("zh-Hant"), "zh-HK", "連結已失效"),
        (Some("zh"), "zh-CN", "链接已失效"),
        (Some("fr-FR,de;q=0.5"), "zh-CN", "链接已失效"),
        (None, "zh-CN", "链接已失效"),
    ] {
        let (a, e) = (b.get(&unknown, accept).await, b.get(&expired, accept).await);
        assert_eq!((a.status, lang_of(&a)), (StatusCode::NOT_FOUND, lang), "{accept:?}");
        assert!(a.html.contains(title), "{accept:?}: {}", a.html);
        assert_eq!(a.html, e.html, "unknown and expired alike ({accept:?})");
    }
    let limited = backend(kind, 0).await;
    let busy = limited.get(&format!("{}/m/ZZZZZZZZZZZZZZZZ", limited.url), Some("en-US")).await;
    assert_eq!((busy.status, lang_of(&busy)), (StatusCode::TOO_MANY_REQUESTS, "en-US"));
    assert!(busy.html.contains("Please try again later"), "{}", busy.html);
}
}

on_both_stores! {
    async fn error_pages_have_a_heading_say_what_to_do_and_give_the_halls_phone(kind) {
    let b = backend(kind, 30).await;
    let url = b.page_for("id-card-renewal", "en-US", None).await;
    let first_hall = "0571-87000000";
    let pages = [
        ("unknown code", b.get(&format!("{}/m/ZZZZZZZZZZZZZZZZ", b.url), Some("en")).await),
        ("no such page", b.get(&format!("{}/m/A/B", b.url), Some("en")).await),
        ("bad UTF-8", b.get(&format!("{}/M/%FF%FE", b.url), Some("en")).await),
        ("wrong method", Page::from(b.http.put(&url).send().await.unwrap()).await),
        ("form as text", b.post(&format!("{url}/cancel"), "text/plain", "phone_last4=1234").await),
    ];
    for (what, page) in &pages {
        assert_error_page(page, what, first_hall);
    }
    let limited = backend(kind, 0).await;
    let busy = limited.get(&format!("{}/m/ZZZZZZZZZZZZZZZZ", limited.url), None).await;
    assert_error_page(&busy, "429", first_hall);
    assert_eq!(busy.header("retry-after"), "60");
}
}

on_both_stores! {
    async fn every_phone_number_on_a_page_is_a_tel_link(kind) {
    let b = backend(kind, 30).await;
    let booking = b.book("binjiang", "2026-11-30").await;
    let page = b.get(&b.page_for("id-card-renewal", "zh-CN", Some(&booking)).await, None).await;
    let catalog = b.client.catalog(None).await.unwrap().unwrap();
    let service = catalog.services.iter().find(|s| s.id == "id-card-renewal").unwrap();
    let halls = catalog.halls.iter().filter(|h| service.halls.contains(&h.id)).map(|h| h.phone.as_str());
    for phone in [service.enquiry_phone.as_str(), &service.complaint_phone].into_iter().chain(halls) {
        let linked = format!("<a href=\"tel:{phone}\">{phone}</a>");
        assert!(page.html.contains(&linked), "{phone} as a link: {}", page.html);
        assert_eq!(
            page.html.matches(phone).count(),
            2 * page.html.matches(&linked).count(),
            "{phone} only in links"
        );
    }
}
}

on_both_stores! {
    async fn cancelling_from_the_phone_asks_first(kind) {
    let b = backend(kind, 30).await;
    let booking = b.book("binjiang", "2026-11-30").await;
    let url = b.page_for("id-card-renewal", "en-US", Some(&booking)).await;
    let page = b.get(&url, None).await;
    assert!(!page.html.contains("<form"), "the booking page itself cancels nothing: {}", page.html);
    let code = url.rsplit('/').next().unwrap();
    assert!(page.html.contains(&format!("<a href=\"{code}/cancel\">")), "{}", page.html);

    let ask = b.get(&format!("{url}/cancel"), None).await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(
        ask.html.contains("Cancel this booking?") && ask.html.contains(&grouped_code(&booking.code)),
        "{}",
        ask.html
    );
    assert!(ask.html.contains("name=\"confirm\" value=\"yes\"") && ask.html.contains("No, keep it"));
    assert!(ask.html.contains(&format!("<a href=\"../{code}\">")), "a way back: {}", ask.html);

    // The digits alone, as a form from an older page sent them: asked first.
    let unconfirmed = b.cancel(&url, "phone_last4=1234").await;
    assert_eq!(unconfirmed.status, StatusCode::OK);
    assert!(unconfirmed.html.contains("Cancel this booking?"), "{}", unconfirmed.html);
    assert!(b.still_active(&booking).await, "nothing cancelled without the confirm button");

    let three = b.cancel(&url, "phone_last4=123&confirm=yes").await;
    assert_eq!(three.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(three.html.contains("exactly 4 digits") && three.html.contains("aria-invalid"), "{}", three.html);

    let done = b.cancel(&url, "phone_last4=1234&confirm=yes").await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(done.html.contains("<h1>Booking cancelled</h1>"), "{}", done.html);
    assert!(!b.still_active(&booking).await);
    assert!(b.get(&url, None).await.html.contains("This booking is cancelled"));
}
}

on_both_stores! {
    async fn unreadable_paths_and_forms_are_localized_pages(kind) {
    let b = backend(kind, 30).await;
    let booking = b.book("binjiang", "2026-11-30").await;
    let url = b.page_for("id-card-renewal", "zh-HK", Some(&booking)).await;
    let bad_path = b.get(&format!("{}/m/%FF", b.url), Some("en-US")).await;
    assert_eq!((bad_path.status, lang_of(&bad_path)), (StatusCode::BAD_REQUEST, "en-US"));
    assert!(bad_path.html.contains("This request could not be read"), "{}", bad_path.html);
    let cancel = format!("{url}/cancel");
    let form = "application/x-www-form-urlencoded";
    for (what, page, status) in [
        (
            "JSON",
            b.post(&cancel, "application/json", r#"{"phone_last4":"1234"}"#).await,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        ("no field", b.post(&cancel, form, "confirm=yes").await, StatusCode::UNPROCESSABLE_ENTITY),
        (
            "too large",
            b.post(&cancel, form, format!("phone_last4={}", "1".repeat(4096))).await,
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
    ] {
        assert_eq!(page.status, status, "{what}: {}", page.html);
        assert_eq!(lang_of(&page), "zh-HK", "{what}: the handoff's language");
        assert!(page.html.contains("無法讀取此請求"), "{what}: {}", page.html);
        for framework in ["Failed to", "Expected request", "Invalid URL", "length limit"] {
            assert!(!page.html.contains(framework), "{what}: framework text: {}", page.html);
        }
    }
    assert!(b.still_active(&booking).await);
}
}

on_both_stores! {
    async fn wrong_digits_on_the_phone_lock_the_booking_with_a_localized_429(kind) {
    let b = backend(kind, 100).await;
    let booking = b.book("chengbei", "2026-12-01").await;
    let url = b.page_for("birth-registration", "en-US", Some(&booking)).await;
    for digits in ["0000", "0001", "0002", "0003", "0004"] {
        let refused = b.cancel(&url, &format!("phone_last4={digits}&confirm=yes")).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.html);
    }
    let locked = b.cancel(&url, "phone_last4=1234&confirm=yes").await;
    assert_eq!((locked.status, lang_of(&locked)), (StatusCode::TOO_MANY_REQUESTS, "en-US"));
    assert!(locked.header("retry-after").parse::<u64>().unwrap() > 60, "{:?}", locked.header("retry-after"));
    assert!(
        locked.html.contains("Too many wrong tries") && locked.html.contains("15 minutes"),
        "{}",
        locked.html
    );
    assert_error_page(&locked, "locked", "0571-88000000");
    assert_secured(&locked, "locked");
    // One guard for the page and the JSON API.
    assert!(b.client.find_booking(&booking.code, "1234").await.is_err(), "the lookup is locked too");
    b.clock.advance(SignedDuration::from_mins(16));
    assert!(b.still_active(&booking).await, "locked, not cancelled");
}
}

// Chromium, as the ticket page's checks run it.
#[path = "ticket_page/chromium.rs"]
mod chromium;

on_both_stores! {
    async fn headless_chromium_shows_the_pages_with_no_policy_violation(kind) {
    let b = backend(kind, 30).await;
    let booking = b.book("binjiang", "2026-11-30").await;
    let url = b.page_for("id-card-renewal", "en-US", Some(&booking)).await;
    let html = b.get(&url, None).await.html;
    // Chromium asks for en-US: the error pages answer in it.
    let pages = [
        (url.clone(), "Your appointment"),
        (format!("{url}/cancel"), "Cancel this booking?"),
        (format!("{url}/report"), "What is wrong?"),
        (format!("{}/m/ZZZZZZZZZZZZZZZZ", b.url), "Link no longer valid"),
        (format!("{}/m/%FF", b.url), "This request could not be read"),
    ];
    let control = chromium::serve_forbidding_style(html);
    tokio::task::spawn_blocking(move || {
        let (_, console) = chromium::load(&control);
        assert!(
            console.contains("Content Security Policy"),
            "the control's violation is reported: {console}"
        );
        for (page, expected) in pages {
            let (dom, console) = chromium::load(&page);
            assert!(dom.contains(expected), "{page} shows {expected:?}: {dom}");
            assert_eq!(dom.matches("<main>").count(), 1, "{page}: its content is its main landmark");
            assert!(!console.contains("Content Security Policy"), "{page}: {console}");
        }
    })
    .await
    .unwrap();
}
}

on_both_stores! {
    async fn a_mistake_is_reported_from_the_guide_page(kind) {
    let b = backend(kind, 30).await;
    let url = b.page_for("passport-application", "en-US", None).await;
    let code = url.rsplit('/').next().unwrap().to_owned();
    let guide = b.get(&url, None).await;
    assert!(guide.html.contains(&format!("<a href=\"{code}/report\">Report a mistake in this guide</a>")), "{}", guide.html);
    let asked = b.get(&format!("{url}/report"), None).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_secured(&asked, "report form");
    for (value, label) in [("materials", "The required materials"), ("fees", "The fees"), ("time_limits", "The time limits"),
        ("place_and_hours", "The place or opening hours"), ("other", "Something else")] {
        let radio = format!("<input type=\"radio\" name=\"what\" value=\"{value}\" required> {label}</label>");
        assert!(asked.html.contains(&radio), "{radio}: {}", asked.html);
    }
    assert!(asked.html.contains("<p>Guide: Passport application or renewal</p>"), "{}", asked.html);
    assert!(asked.html.contains("Please do not write your name"), "nothing personal is asked");
    let report = format!("{url}/report");
    let form = "application/x-www-form-urlencoded";
    // Nothing chosen: said in words, the words kept.
    let refused = b.post(&report, form, "text=%E8%B4%B9%E7%94%A8").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("Please choose what is wrong.") && refused.html.contains(">费用</textarea>"), "{}", refused.html);
    let long = format!("what=fees&text={}", "%E9%94%99".repeat(201));
    let over = b.post(&report, form, long).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(over.html.contains("value=\"fees\" checked"), "{}", over.html);
    assert_eq!(b.post(&report, form, "what=spelling").await.status, StatusCode::BAD_REQUEST);
    // Filed as the API files it: the guide, the catalogue version, the words.
    let done = b.post(&report, form, "what=fees&text=%E6%94%B6%E8%B4%B9%E6%A0%87%E5%87%86%E5%B7%B2%E8%B0%83%E6%95%B4").await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.html);
    assert!(done.html.contains("<h1>Thank you</h1>") && done.html.contains(&format!("<a href=\"../{code}\">Back to the guide</a>")), "{}", done.html);
    let listed: Value = b.http.get(format!("{}/api/v1/reports", b.url)).send().await.unwrap().json().await.unwrap();
    let latest = &listed["latest"][0];
    assert_eq!((latest["service"].as_str(), latest["what"].as_str(), latest["text"].as_str()),
        (Some("passport-application"), Some("fees"), Some("收费标准已调整")), "{listed}");
    let catalog: Value = b.http.get(format!("{}/api/v1/catalog", b.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!(latest["catalog_version"], catalog["version"]);
    assert_eq!(listed["guides"], json!([{ "service": "passport-application", "count": 1 }]));
}
}

on_both_stores! {
    async fn reports_from_the_phone_count_in_the_per_address_limit(kind) {
    let b = backend(kind, 3).await;
    let url = b.page_for("passport-application", "zh-CN", None).await;
    let report = format!("{url}/report");
    let form = "application/x-www-form-urlencoded";
    assert_eq!(b.get(&report, None).await.status, StatusCode::OK);
    assert_eq!(b.post(&report, form, "what=materials").await.status, StatusCode::OK);
    assert_eq!(b.post(&report, form, "what=other").await.status, StatusCode::OK);
    let busy = b.post(&report, form, "what=fees").await;
    assert_eq!(busy.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(busy.html.contains("请稍后再试"), "{}", busy.html);
    // The JSON route without a token counts against the same address.
    let json = b.http.post(format!("{}/api/v1/reports", b.url))
        .json(&json!({ "service": "passport-application", "what": "fees" })).send().await.unwrap();
    assert_eq!(json.status(), StatusCode::TOO_MANY_REQUESTS);
    b.clock.advance(SignedDuration::from_mins(1));
    assert_eq!(b.post(&report, form, "what=fees").await.status, StatusCode::OK);
    let listed: Value = b.http.get(format!("{}/api/v1/reports", b.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed["guides"], json!([{ "service": "passport-application", "count": 3 }]));
}
}
