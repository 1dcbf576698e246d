//! Continue on the phone: the QR code on the kiosk's screen decodes to a
//! link that the real server answers with the service's checklist.

mod common;

use std::sync::Arc;

use common::{backend::StoreKind, *};
use jiff::SignedDuration;
use onestop::client::ApiClient;
use onestop::domain::{Handoff, HandoffRequest, Lang, grouped_code, spelled_code};
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

async fn backend(kind: StoreKind, lookups_per_minute: u32) -> Backend {
    backend_behind(kind, lookups_per_minute, vec![]).await
}

/// A backend that believes X-Forwarded-For from `trusted_proxies`.
async fn backend_behind(
    kind: StoreKind,
    lookups_per_minute: u32,
    trusted_proxies: Vec<std::net::IpAddr>,
) -> Backend {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new("2026-11-30T00:00:00Z".parse().unwrap()));
    let opts = ServerOptions {
        clock: clock.clone(),
        lookups_per_minute,
        trusted_proxies,
        ..ServerOptions::new(kind.database(dir.path()))
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
            company: None,
            kiosk: None,
        };
        self.client.book(&format!("{hall}-{service}-{date}"), &request).await.unwrap()
    }

    /// A handoff link; for a booking, proven as the kiosk proves it (the
    /// last four digits of 13700001234).
    async fn handoff(&self, service: &str, lang: Lang, booking: Option<String>) -> Handoff {
        let phone_last4 = booking.is_some().then(|| "1234".to_owned());
        let req = HandoffRequest { service: service.into(), lang, booking, phone_last4, ticket: None };
        self.client.handoff(&req).await.unwrap()
    }

    /// `POST /api/v1/handoffs` as any client may send it: status and body.
    async fn try_handoff(&self, body: serde_json::Value) -> (StatusCode, String, Option<String>) {
        let resp = reqwest::Client::new()
            .post(format!("{}/api/v1/handoffs", self.url))
            .json(&body)
            .send()
            .await
            .unwrap();
        let retry_after = resp.headers().get("retry-after").map(|v| v.to_str().unwrap().to_owned());
        (resp.status(), resp.text().await.unwrap(), retry_after)
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
    send(&mut s, [common::personal(), ch('1'), key(crossterm::event::KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Guide { .. }));
    send(&mut s, [Msg::HandoffCreated { lang, result: Ok(handoff) }]);
    s
}

on_both_stores! {
    async fn the_qr_code_on_screen_opens_the_services_checklist(kind) {
    let b = backend(kind, 30).await;
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
    // The URL is shown as text too (lower case where the server ignores case).
    assert!(screen_text(&s).contains(&onestop::ui::printed_link(&handoff.url)));
}
}

on_both_stores! {
    async fn a_wide_terminal_shows_the_code_beside_the_guide(kind) {
    let b = backend(kind, 30).await;
    let handoff = b.handoff("id-card-renewal", Lang::EnUs, None).await;
    let mut s = guide_with(Lang::EnUs, handoff.clone());
    s.size = ratatui::layout::Size { width: 120, height: 40 };
    let text = screen_text(&s);
    assert!(text.contains("Required materials") || text.contains("Resident ID card renewal"), "{text}");
    assert_eq!(decode_screen(&s), handoff.url);
    // For a phone that cannot scan, the whole link is printed, wrapped to the panel.
    for width in [100, 120, 130, 200] {
        s.size = ratatui::layout::Size { width, height: 40 };
        assert_eq!(
            link_on_screen(&screen_text(&s)),
            onestop::ui::printed_link(&handoff.url),
            "at {width} columns"
        );
    }
}
}

/// The link as printed below or beside the code: its first line starts
/// with http, the next lines continue in the same columns.
fn link_on_screen(text: &str) -> String {
    let lines: Vec<Vec<char>> = text.lines().map(|l| cells(l.trim_matches('"'))).collect();
    let starts = |l: &[char], i: usize| l[i..].starts_with(&['h', 't', 't', 'p']);
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

/// A line as the terminal's cells: a wide (CJK) character takes two, the
/// second a NUL, so columns line up from row to row.
fn cells(line: &str) -> Vec<char> {
    use unicode_width::UnicodeWidthChar;
    line.chars().flat_map(|c| std::iter::once(c).chain((c.width() == Some(2)).then_some('\0'))).collect()
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

on_both_stores! {
    async fn expired_and_unknown_codes_get_the_same_page(kind) {
    let b = backend(kind, 30).await;
    let handoff = b.handoff("passport-application", Lang::ZhCn, None).await;
    b.clock.advance(SignedDuration::from_mins(31));
    let expired = reqwest::get(&handoff.url).await.unwrap();
    let unknown = reqwest::get(format!("{}/m/ZZZZZZZZZZZZZZZZ", b.url)).await.unwrap();
    assert_eq!(expired.status(), StatusCode::NOT_FOUND);
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(expired.text().await.unwrap(), unknown.text().await.unwrap());
}
}

on_both_stores! {
    async fn lookups_are_rate_limited_per_client_address(kind) {
    let b = backend(kind, 5).await;
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
}

on_both_stores! {
    async fn behind_a_trusted_proxy_each_phone_is_limited_by_its_own_address(kind) {
    let b = backend_behind(kind, 2, vec!["127.0.0.1".parse().unwrap()]).await;
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
    let direct = backend(kind, 2).await;
    let handoff = direct.handoff("passport-application", Lang::ZhCn, None).await;
    for (i, forged) in ["198.51.100.1", "198.51.100.2", "198.51.100.3"].into_iter().enumerate() {
        let status = http.get(&handoff.url).header("X-Forwarded-For", forged).send().await.unwrap().status();
        let expected = if i < 2 { StatusCode::OK } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(status, expected, "request {i}");
    }
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

on_both_stores! {
    async fn the_page_speaks_the_chosen_language_fits_a_phone_and_is_well_formed(kind) {
    let b = backend(kind, 30).await;
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
}

on_both_stores! {
    async fn a_booking_page_shows_the_booking_without_personal_data_and_can_cancel_it(kind) {
    let b = backend(kind, 30).await;
    // Book through the API, as the kiosk does.
    let catalog = b.client.catalog(None).await.unwrap().unwrap();
    let service = catalog.services.iter().find(|s| s.halls.iter().any(|h| h == "binjiang")).unwrap();
    let booking = b.book_first_slot("binjiang", &service.id, "2026-11-30").await;
    let handoff = b.handoff(&service.id, Lang::ZhCn, Some(booking.code.clone())).await;
    let html = reqwest::get(&handoff.url).await.unwrap().text().await.unwrap();
    assert!(html.contains(&grouped_code(&booking.code)) && html.contains("09:00"), "{html}");
    // Written as the kiosk writes it for the eye, spelled for a screen reader.
    let written = format!("<span aria-hidden=\"true\">预约码：{}</span>", grouped_code(&booking.code));
    let spelled = format!("<span class=\"spoken\">预约码：{}</span>", spelled_code(&booking.code));
    assert!(html.contains(&written) && html.contains(&spelled), "{html}");
    for private in ["王小明", "13700001234", "E98765432"] {
        assert!(!html.contains(private), "{private} must not be on the page");
    }
    assert!(!handoff.url.contains(&booking.code), "no booking data in the URL");
    let cancel = |digits: &'static str| {
        let url = format!("{}/cancel", handoff.url);
        let form = reqwest::Client::new()
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("phone_last4={digits}&confirm=yes"));
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
}

on_both_stores! {
    async fn a_booking_at_a_branch_hall_is_not_sent_to_the_main_halls_windows(kind) {
    let b = backend(kind, 30).await;
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
}

on_both_stores! {
    async fn a_handoff_for_a_booking_needs_its_proof_and_an_unknown_code_answers_alike(kind) {
    let b = backend(kind, 30).await;
    let booking = b.book_first_slot("binjiang", "id-card-renewal", "2026-11-30").await;
    let ask = |code: &str, digits: Option<&str>| {
        let mut body = serde_json::json!({ "service": "id-card-renewal", "lang": "zh-CN", "booking": code });
        if let Some(d) = digits {
            body["phone_last4"] = d.into();
        }
        b.try_handoff(body)
    };
    let unknown = ask("ZZZZZZZZ", Some("1234")).await;
    assert_eq!(unknown.0, StatusCode::UNPROCESSABLE_ENTITY, "{}", unknown.1);
    for (what, answer) in [
        ("no proof", ask(&booking.code, None).await),
        ("wrong proof", ask(&booking.code, Some("9999")).await),
        ("malformed proof", ask(&booking.code, Some("12")).await),
        ("unknown code, no proof", ask("ZZZZZZZZ", None).await),
    ] {
        assert_eq!(answer, unknown, "{what} answers exactly like an unknown code");
    }
    // Requests without digits guess nothing and count nothing: the kiosk's
    // own request still goes through.
    for _ in 0..10 {
        ask(&booking.code, None).await;
    }
    let (status, body, _) = ask(&booking.code.to_lowercase(), Some("1234")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let url: String = serde_json::from_str::<Handoff>(&body).unwrap().url;
    assert!(reqwest::get(&url).await.unwrap().text().await.unwrap().contains(&grouped_code(&booking.code)));
}
}

on_both_stores! {
    async fn wrong_proofs_for_a_handoff_count_in_the_booking_proof_guard(kind) {
    let b = backend(kind, 30).await;
    let booking = b.book_first_slot("binjiang", "id-card-renewal", "2026-11-30").await;
    let ask = |digits: &str| {
        b.try_handoff(serde_json::json!({
            "service": "id-card-renewal", "lang": "en-US", "booking": booking.code, "phone_last4": digits
        }))
    };
    for digits in ["0000", "0001", "0002", "0003"] {
        assert_eq!(ask(digits).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // One more wrong lookup through the JSON API makes five for this booking.
    assert!(b.client.find_booking(&booking.code, "0004").await.is_err());
    let (status, _, retry_after) = ask("1234").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "locked even with the right digits");
    assert!(retry_after.is_some_and(|s| s.parse::<u64>().unwrap() > 0));
    b.clock.advance(SignedDuration::from_mins(16));
    assert_eq!(ask("1234").await.0, StatusCode::CREATED, "the lock ends");
}
}

on_both_stores! {
    async fn digits_without_a_booking_are_refused(kind) {
    let b = backend(kind, 30).await;
    let body = serde_json::json!({ "service": "id-card-renewal", "lang": "zh-CN", "phone_last4": "1234" });
    let (status, text, _) = b.try_handoff(body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("phone_last4"), "{text}");
}
}

/// A kiosk session through the real runtime loop (effects, client) at
/// 120×40, where the phone panel prints its link beside the content.
struct Kiosk {
    screen: common::vt::Screen,
    keys: tokio::sync::mpsc::UnboundedSender<Msg>,
}

impl Kiosk {
    fn start(url: &str) -> Kiosk {
        use onestop::runtime::{SessionSetup, run_session};
        let config = onestop::kiosk::SessionConfig { lang: Lang::EnUs, ..Default::default() };
        let (screen, mut terminal) = common::vt::Screen::new(120, 40);
        let (keys, rx) = tokio::sync::mpsc::unbounded_channel();
        let input =
            Box::pin(futures_util::stream::unfold(
                rx,
                |mut rx| async move { rx.recv().await.map(|m| (m, rx)) },
            ));
        let client = ApiClient::new(url, std::time::Duration::from_secs(5));
        let setup = SessionSetup::new(config, Theme::standard(), client);
        tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
        Kiosk { screen, keys }
    }

    async fn wait_for(&self, text: &str) -> String {
        for _ in 0..500 {
            let screen = self.screen.text();
            if screen.contains(text) {
                return screen;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen.text());
    }

    fn keys(&self, keys: impl IntoIterator<Item = crossterm::event::KeyCode>) {
        for code in keys {
            self.keys.send(key(code)).unwrap();
        }
    }

    fn type_text(&self, text: &str) {
        self.keys(text.chars().map(crossterm::event::KeyCode::Char));
    }
}

on_both_stores! {
    async fn the_kiosk_proves_its_own_booking_for_the_phone_page_until_the_session_resets(kind) {
    use crossterm::event::KeyCode::{Enter, F, Left, Tab};
    let b = backend(kind, 30).await;
    let k = Kiosk::start(&b.url);
    k.wait_for("Household registration and ID").await;
    k.type_text(&format!("{}1", common::personal_key())); // 个人办事 (after the two visit items) › 户籍与身份证
    k.keys([Enter]);
    k.wait_for("Required materials").await;
    k.keys([Enter]);
    k.type_text("1");
    k.wait_for("Mon 30 Nov").await;
    k.type_text("1");
    k.wait_for("09:00").await;
    k.type_text("1");
    k.wait_for("Your place is kept").await;
    k.type_text("Li Lei");
    k.keys([Tab]);
    k.type_text("13900001111");
    k.keys([Tab, Left, Tab]); // passport
    k.type_text("E12345678");
    k.keys([Enter]);
    k.wait_for("Check your answers").await;
    k.keys([Enter]);
    let screen = k.wait_for("http://").await;
    let code: String = screen
        .lines()
        .find_map(|l| l.split("Confirmation code: ").nth(1))
        .expect("the code is shown")
        .chars()
        .take(9)
        .collect();
    // Written alike on both: two groups of four.
    assert!(code.len() == 9 && code.as_bytes()[4] == b' ', "the kiosk groups the code: {code:?}");
    let page = reqwest::get(link_on_screen(&screen)).await.unwrap().text().await.unwrap();
    assert!(page.contains(&code) && page.contains("Your appointment"), "the booking is on the page: {page}");

    // Another language: another link, proven again with the digits kept.
    k.keys([F(2)]);
    let screen = k.wait_for("預約編號").await;
    let relinked = k.wait_for("http://").await;
    let link = link_on_screen(&relinked);
    let page = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(page.contains(&code) && page.contains("lang=\"zh-HK\""), "{screen}\n{page}");
}
}

/// The confirmation screen for a booking `code` the kiosk just made.
fn booked(code: &str) -> Screen {
    let booking = onestop::domain::Booking {
        code: code.into(),
        status: onestop::domain::BookingStatus::Active,
        hall: "binjiang".into(),
        service: "id-card-renewal".into(),
        start: "2026-11-30T01:00:00Z".into(),
        date: "2026-11-30".into(),
        local_start: "09:00".into(),
        local_end: "09:15".into(),
        time_zone: "Asia/Shanghai".into(),
        name_masked: "李*".into(),
        phone_masked: "139********".into(),
        id_masked: "E*******8".into(),
    };
    Screen::BookDone { booking: Box::new(booking), qr: false }
}

#[test]
fn the_kiosk_keeps_the_digits_for_its_own_booking_only_until_the_session_resets() {
    use crossterm::event::KeyCode::{Enter, F};
    use onestop::kiosk::handoff;
    let mut s = ready(Lang::EnUs);
    s.screens.push(booked("ABCD2345"));
    assert_eq!(handoff::request_booked(&mut s, Some("1111".into())).len(), 1, "a link asked for");
    send(&mut s, [key(F(2))]);
    let h = s.handoff.as_ref().expect("a new link asked for");
    assert_eq!((h.lang, h.phone_last4.as_deref()), (Lang::ZhHk, Some("1111")), "kept for the new language");
    // A guide's link carries no digits.
    s.screens.truncate(1);
    send(&mut s, [common::personal(), ch('1'), key(Enter), key(F(2))]);
    assert!(matches!(s.screen(), Screen::Guide { .. }));
    assert_eq!(s.handoff.as_ref().map(|h| h.phone_last4.clone()), Some(None));
    // Nor does another booking's confirmation inherit them.
    s.screens.push(booked("OTHER234"));
    send(&mut s, [key(F(2))]);
    assert_eq!(s.handoff.as_ref().map(|h| h.phone_last4.clone()), Some(None));
    handoff::request_booked(&mut s, Some("2222".into()));
    let _ = s.reset();
    assert!(s.handoff.is_none(), "a reset forgets the link and its digits");
}
