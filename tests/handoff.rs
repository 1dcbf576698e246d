//! Continue on the phone: the QR code on the kiosk's screen decodes to a
//! link that the real server answers with the service's checklist.

mod common;

use std::sync::Arc;

use common::*;
use jiff::SignedDuration;
use onestop::client::ApiClient;
use onestop::domain::{Handoff, HandoffRequest, Lang};
use onestop::kiosk::{Msg, Screen, State};
use onestop::server::{self, ServerOptions, clock::ManualClock};
use onestop::ui::Theme;
use ratatui::style::Color;
use reqwest::StatusCode;

struct Backend {
    url: String,
    clock: Arc<ManualClock>,
    client: ApiClient,
    _dir: tempfile::TempDir,
}

async fn backend(lookups_per_minute: u32) -> Backend {
    backend_behind(lookups_per_minute, vec![]).await
}

/// A backend that believes X-Forwarded-For from `trusted_proxies`.
async fn backend_behind(lookups_per_minute: u32, trusted_proxies: Vec<std::net::IpAddr>) -> Backend {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new("2026-11-30T00:00:00Z".parse().unwrap()));
    let opts = ServerOptions {
        clock: clock.clone(),
        lookups_per_minute,
        trusted_proxies,
        ..ServerOptions::new(dir.path().join("db"))
    };
    let url = server::start(&opts, "127.0.0.1:0").await.unwrap().url();
    let client = ApiClient::new(&url, std::time::Duration::from_secs(5));
    Backend { url, clock, client, _dir: dir }
}

impl Backend {
    /// Books the first slot of `date` through the API, as the kiosk does,
    /// for 王小明 (mobile 13700001234, passport E98765432).
    async fn book_first_slot(&self, hall: &str, service: &str, date: &str) -> onestop::domain::Booking {
        let slots = self.client.slots(hall, service, date).await.unwrap();
        let hold = onestop::domain::HoldRequest {
            hall: hall.into(),
            service: service.into(),
            start: slots.slots[0].start.clone(),
        };
        let request = onestop::domain::BookingRequest {
            hold: self.client.hold(&hold).await.unwrap().id,
            name: "王小明".into(),
            phone: "13700001234".into(),
            id_kind: onestop::domain::IdKind::Passport,
            id_number: "E98765432".into(),
            kiosk: None,
        };
        self.client.book(&format!("{hall}-{service}-{date}"), &request).await.unwrap()
    }

    async fn handoff(&self, service: &str, lang: Lang, booking: Option<String>) -> Handoff {
        let req = HandoffRequest { service: service.into(), lang, booking };
        self.client.handoff(&req).await.unwrap()
    }
}

/// Reads the QR code back from the screen: every ▀ cell is two modules,
/// black or white, and rqrr decodes the picture they make.
fn decode_screen(state: &State) -> String {
    let terminal = render(state, Theme::standard());
    let buf = terminal.backend().buffer();
    let cells: Vec<(u16, u16)> = buf
        .content()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.symbol() == "▀")
        .map(|(i, _)| ((i % buf.area.width as usize) as u16, (i / buf.area.width as usize) as u16))
        .collect();
    assert!(!cells.is_empty(), "no QR code on screen:\n{}", terminal.backend());
    let (x0, y0) = (cells.iter().map(|c| c.0).min().unwrap(), cells.iter().map(|c| c.1).min().unwrap());
    let (x1, y1) = (cells.iter().map(|c| c.0).max().unwrap(), cells.iter().map(|c| c.1).max().unwrap());
    let (w, h) = ((x1 - x0 + 1) as usize, ((y1 - y0 + 1) * 2) as usize);
    let dark = |x: usize, y: usize| {
        let cell = &buf[(x0 + x as u16, y0 + (y / 2) as u16)];
        let color = if y.is_multiple_of(2) { cell.fg } else { cell.bg };
        assert!(matches!(color, Color::Black | Color::White), "colours are set explicitly");
        color == Color::Black
    };
    const SCALE: usize = 4;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w * SCALE, h * SCALE, |x, y| {
        if dark(x / SCALE, y / SCALE) { 0 } else { 255 }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code found");
    grids[0].decode().expect("the code decodes").1
}

fn guide_with(lang: Lang, handoff: Handoff) -> State {
    let mut s = ready(lang);
    send(&mut s, [ch('1'), ch('1'), key(crossterm::event::KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Guide { .. }));
    send(&mut s, [Msg::HandoffCreated { lang, result: Ok(handoff) }]);
    s
}

#[tokio::test]
async fn the_qr_code_on_screen_opens_the_services_checklist() {
    let b = backend(30).await;
    let handoff = b.handoff("id-card-renewal", Lang::ZhCn, None).await;
    assert_eq!(handoff.code.len(), 16, "80 random bits in base32");
    let mut s = guide_with(Lang::ZhCn, handoff.clone());
    send(&mut s, [ch('p')]);
    let url = decode_screen(&s);
    assert_eq!(url, handoff.url);
    let page = reqwest::get(&url).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    for material in ["居民户口簿", "原居民身份证"] {
        assert!(html.contains(material), "{material} on the page");
    }
    // The URL is shown as text too.
    assert!(screen_text(&s).contains(&handoff.url));
}

#[tokio::test]
async fn a_wide_terminal_shows_the_code_beside_the_guide() {
    let b = backend(30).await;
    let handoff = b.handoff("id-card-renewal", Lang::EnUs, None).await;
    let mut s = guide_with(Lang::EnUs, handoff.clone());
    s.size = ratatui::layout::Size { width: 120, height: 40 };
    let text = screen_text(&s);
    assert!(text.contains("Required materials") || text.contains("Resident ID card renewal"), "{text}");
    assert_eq!(decode_screen(&s), handoff.url);
    // For a phone that cannot scan, the whole link is printed, wrapped to the panel.
    for width in [100, 120, 130, 200] {
        s.size = ratatui::layout::Size { width, height: 40 };
        assert_eq!(printed_link(&screen_text(&s)), handoff.url, "at {width} columns");
    }
}

/// The link as printed below or beside the code: its first line starts
/// with HTTP, the next lines continue in the same columns.
fn printed_link(text: &str) -> String {
    // English screens: one column a character.
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.trim_matches('"').chars().collect()).collect();
    let starts = |l: &[char], i: usize| l[i..].starts_with(&['H', 'T', 'T', 'P']);
    let (first, column) = lines
        .iter()
        .enumerate()
        .find_map(|(n, l)| (0..l.len()).find(|&i| starts(l, i)).map(|i| (n, i)))
        .expect("a printed link");
    lines[first..]
        .iter()
        .map(|l| l.iter().skip(column).take_while(|c| !c.is_whitespace()).collect::<String>())
        .take_while(|part| !part.is_empty())
        .collect()
}

#[test]
fn a_terminal_too_small_for_a_scannable_code_shows_the_link_instead() {
    let long = Handoff {
        code: "ABCDEFGHJKMNPQRS".into(),
        url: "https://zwfw.example.gov.cn/some/long/public/path/for/phones/M/ABCDEFGHJKMNPQRS".into(),
        expires_at: String::new(),
    };
    let mut s = guide_with(Lang::EnUs, long.clone());
    send(&mut s, [ch('p')]);
    let text = screen_text(&s);
    assert!(text.contains("too small to show a QR code"), "{text}");
    assert!(text.contains(&long.url[..40]));
    assert!(!text.contains('▀'), "no cut code");
}

#[tokio::test]
async fn expired_and_unknown_codes_get_the_same_page() {
    let b = backend(30).await;
    let handoff = b.handoff("passport-application", Lang::ZhCn, None).await;
    b.clock.advance(SignedDuration::from_mins(31));
    let expired = reqwest::get(&handoff.url).await.unwrap();
    let unknown = reqwest::get(format!("{}/m/ZZZZZZZZZZZZZZZZ", b.url)).await.unwrap();
    assert_eq!(expired.status(), StatusCode::NOT_FOUND);
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(expired.text().await.unwrap(), unknown.text().await.unwrap());
}

#[tokio::test]
async fn lookups_are_rate_limited_per_client_address() {
    let b = backend(5).await;
    let handoff = b.handoff("passport-application", Lang::ZhCn, None).await;
    for _ in 0..5 {
        assert_eq!(reqwest::get(&handoff.url).await.unwrap().status(), StatusCode::OK);
    }
    let resp = reqwest::get(&handoff.url).await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(resp.headers().contains_key("retry-after"));
    b.clock.advance(SignedDuration::from_mins(1));
    assert_eq!(
        reqwest::get(&handoff.url).await.unwrap().status(),
        StatusCode::OK,
        "a new minute, a new allowance"
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_phone_is_limited_by_its_own_address() {
    let b = backend_behind(2, vec!["127.0.0.1".parse().unwrap()]).await;
    let handoff = b.handoff("passport-application", Lang::ZhCn, None).await;
    let http = reqwest::Client::new();
    let get = |chain: &'static str| {
        let request = http.get(&handoff.url).header("X-Forwarded-For", chain);
        async move { request.send().await.unwrap().status() }
    };
    // The proxy appends the phone's address to whatever the phone sent.
    assert_eq!(get("203.0.113.7").await, StatusCode::OK);
    assert_eq!(get("10.9.9.9, 203.0.113.7").await, StatusCode::OK, "a forged first entry changes nothing");
    assert_eq!(get("203.0.113.7").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(get("203.0.113.8").await, StatusCode::OK, "another phone has its own allowance");

    // Without a trusted proxy the header is ignored: forging it does not help.
    let direct = backend(2).await;
    let handoff = direct.handoff("passport-application", Lang::ZhCn, None).await;
    for (i, forged) in ["198.51.100.1", "198.51.100.2", "198.51.100.3"].into_iter().enumerate() {
        let status = http.get(&handoff.url).header("X-Forwarded-For", forged).send().await.unwrap().status();
        let expected = if i < 2 { StatusCode::OK } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(status, expected, "request {i}");
    }
}

/// Tags open and close in order (void elements aside): the page is well formed.
fn well_formed(html: &str) -> Result<(), String> {
    let mut stack: Vec<String> = vec![];
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String =
            tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if ["meta", "br", "input", "link"].contains(&name.as_str()) {
            continue;
        }
        if tag.starts_with('/') {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            stack.push(name);
        }
    }
    if stack.is_empty() { Ok(()) } else { Err(format!("left open: {stack:?}")) }
}

#[tokio::test]
async fn the_page_speaks_the_chosen_language_fits_a_phone_and_is_well_formed() {
    let b = backend(30).await;
    for (lang, heading, materials) in
        [(Lang::EnUs, "Required materials", "Marriage"), (Lang::ZhCn, "申请材料", "结婚")]
    {
        let handoff = b.handoff("marriage-registration", lang, None).await;
        let html = reqwest::get(&handoff.url).await.unwrap().text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(html.contains(heading) && html.contains(materials), "{html}");
        assert!(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assert!(!html.contains("px") && !html.contains("<script"), "no fixed widths, no scripts");
        well_formed(&html).unwrap();
    }
}

#[tokio::test]
async fn a_booking_page_shows_the_booking_without_personal_data_and_can_cancel_it() {
    let b = backend(30).await;
    // Book through the API, as the kiosk does.
    let catalog = b.client.catalog(None).await.unwrap().unwrap();
    let service = catalog.services.iter().find(|s| s.halls.iter().any(|h| h == "binjiang")).unwrap();
    let booking = b.book_first_slot("binjiang", &service.id, "2026-11-30").await;
    let handoff = b.handoff(&service.id, Lang::ZhCn, Some(booking.code.clone())).await;
    let html = reqwest::get(&handoff.url).await.unwrap().text().await.unwrap();
    assert!(html.contains(&booking.code) && html.contains("09:00"), "{html}");
    for private in ["王小明", "13700001234", "E98765432"] {
        assert!(!html.contains(private), "{private} must not be on the page");
    }
    assert!(!handoff.url.contains(&booking.code), "no booking data in the URL");
    let cancel = |digits: &'static str| {
        let url = format!("{}/cancel", handoff.url);
        let form = reqwest::Client::new()
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("phone_last4={digits}"));
        async move { form.send().await.unwrap() }
    };
    assert_eq!(cancel("9999").await.status(), StatusCode::NOT_FOUND);
    let done = cancel("1234").await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(done.text().await.unwrap().contains("预约已取消"));
    assert!(
        !b.client
            .find_booking(&booking.code, "1234")
            .await
            .is_ok_and(|b| b.status == onestop::domain::BookingStatus::Active)
    );
}

#[tokio::test]
async fn a_booking_at_a_branch_hall_is_not_sent_to_the_main_halls_windows() {
    let b = backend(30).await;
    let catalog = b.client.catalog(None).await.unwrap().unwrap();
    let service = catalog.services.iter().find(|s| s.halls.iter().any(|h| h == "chengbei")).unwrap();
    assert_ne!(service.halls[0], "chengbei", "the catalogue's windows are the main hall's");
    let booking = b.book_first_slot("chengbei", &service.id, "2026-12-01").await;
    let handoff = b.handoff(&service.id, Lang::EnUs, Some(booking.code)).await;
    let html = reqwest::get(&handoff.url).await.unwrap().text().await.unwrap();
    let windows = service.location.get(Lang::EnUs);
    let booked = html.split("Where:").nth(1).expect("where to go").split("</p>").next().unwrap();
    assert!(booked.contains("Chengbei") && !booked.contains(windows), "{booked}");
}
