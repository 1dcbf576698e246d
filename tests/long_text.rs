//! Text longer than its place at 80×24: a long hall name in the title bar,
//! a long heading above a list, the QR code's link and its caption. Update
//! flows and snapshots in zh-CN and en-US; the printed link tried on a real
//! server.

mod common;

use std::sync::Arc;

use common::{screens::booking_screen, *};
use crossterm::event::KeyCode;
use onestop::domain::{Catalog, Handoff, HandoffRequest, Lang};
use onestop::kiosk::{CatalogState, Msg, State};

const LONG_EN: &str = "Binjiang District People's Government Service Centre and Citizens' Home, \
                       Jiangnan Avenue Comprehensive Self-Service Hall (Ground Floor, East Wing)";
const LONG_ZH: &str =
    "杭州市滨江区人民政府政务服务中心暨市民之家江南大道综合自助服务大厅一楼东侧不动产登记与社会保障联合窗口";

/// The demo catalogue, its first hall (the kiosk's) given a very long name.
fn long_named_catalog() -> Catalog {
    let mut catalog = demo_catalog();
    let hall = catalog.halls.iter_mut().find(|h| h.id == "binjiang").unwrap();
    hall.name.0.insert(Lang::EnUs, LONG_EN.into());
    hall.name.0.insert(Lang::ZhCn, LONG_ZH.into());
    catalog
}

fn with_long_hall_name(mut state: State) -> State {
    state.catalog = CatalogState::Ready(Arc::new(long_named_catalog()));
    state
}

/// Row `n` of a rendered screen, without the quotes and notes around it.
fn row(text: &str, n: usize) -> &str {
    text.lines().nth(n).and_then(|line| line.split('"').nth(1)).unwrap_or_default()
}

#[test]
fn a_long_hall_name_is_cut_with_an_ellipsis_before_the_language_label() {
    for (lang, label) in [(Lang::ZhCn, "简体中文"), (Lang::EnUs, "English")] {
        let mut s = ready(lang);
        send(&mut s, [Msg::CatalogLoaded(Ok(Some(long_named_catalog())))]);
        let text = screen_text(&s);
        let title = row(&text, 0);
        assert!(title.contains('…'), "the cut is marked: {title}");
        let before_label = title.trim_end().strip_suffix(label);
        assert!(
            before_label.is_some_and(|rest| rest.trim_end().ends_with('…') && rest.ends_with(' ')),
            "the name stops short of the label, a blank between: {title}"
        );
        insta::assert_snapshot!(format!("welcome_long_hall_name_{lang}"), text);
    }
}

#[test]
fn a_long_heading_never_pushes_the_prompt_out_of_view() {
    for (lang, prompt, first) in
        [(Lang::ZhCn, "请选择时段", "1. 09:00–09:30"), (Lang::EnUs, "Choose a time", "1. 09:00–09:30")]
    {
        let s = with_long_hall_name(booking_screen(lang, "book_slot"));
        let text = screen_text(&s);
        // The heading keeps to its two rows; the list starts where it always does.
        assert!(row(&text, 2).contains(prompt), "the prompt on the heading's first row: {text}");
        assert!(row(&text, 4).contains(first), "the first time in its place: {text}");
        let end = row(&text, 3).trim_end().chars().last();
        assert!(matches!(end, Some('…' | ':' | '：')), "whole, or the cut marked: {text}");
        insta::assert_snapshot!(format!("book_slot_long_hall_name_{lang}"), text);
    }
}

/// A guide's QR code over the whole body, for `url`.
fn guide_qr(lang: Lang, url: &str) -> State {
    let mut s = ready(lang);
    send(&mut s, [personal(), ch('1'), key(KeyCode::Enter), ch('p')]);
    let code = url.rsplit('/').next().unwrap().to_owned();
    let handoff = Handoff { code, url: url.into(), expires_at: String::new() };
    send(&mut s, [Msg::HandoffCreated { lang, result: Ok(handoff) }]);
    s
}

#[test]
fn the_link_under_the_qr_code_is_one_lower_case_line_where_it_fits() {
    // 46 characters: wider than the words' column beside the code (43).
    let url = "HTTP://ZWFW.BINJIANG.GOV.CN/M/ABCDEFGHJKMNPQRS";
    let printed = "http://zwfw.binjiang.gov.cn/m/abcdefghjkmnpqrs";
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let s = guide_qr(lang, url);
        let text = screen_text(&s);
        assert!(text.contains(printed), "unbroken and in lower case: {text}");
        assert!(!text.contains("ABCDEFGH"), "the upper case stays in the code itself: {text}");
        insta::assert_snapshot!(format!("guide_qr_long_link_{lang}"), text);
    }
    // A short link stays beside the code, in lower case too.
    let text = screen_text(&guide_qr(Lang::EnUs, "HTTP://10.20.0.5:8080/M/ABCDEFGHJKMNPQRS"));
    assert!(text.contains(" http://10.20.0.5:8080/m/abcdefghjkmnpqrs "), "{text}");
}

#[test]
fn the_caption_of_the_qr_code_never_breaks_inside_brackets() {
    let s = guide_qr(Lang::EnUs, "HTTP://10.20.0.5:8080/M/ABCDEFGHJKMNPQRS");
    let text = screen_text(&s);
    assert!(text.contains("(the code works for 30 minutes):"), "{text}");
    // The confirmation's caption is longer: 扫码带走预约信息和材料清单（30 分钟内有效）：
    for (lang, aside) in
        [(Lang::ZhCn, "（30 分钟内有效）："), (Lang::EnUs, "(the code works for 30 minutes):")]
    {
        let mut s = booking_screen(lang, "book_done");
        let url = "HTTP://10.20.0.5:8080/M/ABCDEFGHJKMNPQRS";
        let handoff = Handoff { code: "ABCDEFGHJKMNPQRS".into(), url: url.into(), expires_at: String::new() };
        send(&mut s, [Msg::HandoffCreated { lang, result: Ok(handoff) }, ch('p')]);
        let text = screen_text(&s);
        assert!(text.contains(aside), "{text}");
        insta::assert_snapshot!(format!("book_done_qr_{lang}"), text);
    }
}

// The link printed under the QR code opens the page, from either store.
on_both_stores! {
    async fn the_printed_link_opens_the_same_page_on_the_real_server(kind) {
        let dir = tempfile::tempdir().unwrap();
        let options = onestop::server::ServerOptions::new(kind.database(dir.path()));
        let backend = onestop::server::start(&options, "127.0.0.1:0").await.unwrap();
        let client = onestop::client::ApiClient::new(&backend.url(), std::time::Duration::from_secs(5));
        let request = HandoffRequest {
            service: "id-card-renewal".into(),
            lang: Lang::EnUs,
            booking: None,
            phone_last4: None,
            ticket: None,
        };
        let handoff = client.handoff(&request).await.unwrap();
        let printed = onestop::ui::printed_link(&handoff.url);
        assert_ne!(printed, handoff.url, "the QR code's link is upper case: {}", handoff.url);
        assert_eq!(printed, printed.to_ascii_lowercase());
        let page = |url: String| async move {
            let answer = reqwest::get(url).await.unwrap();
            (answer.status(), answer.text().await.unwrap())
        };
        let (status, typed) = page(printed).await;
        assert_eq!(status, 200, "{typed}");
        assert!(typed.contains("Resident ID card renewal"), "the guide's page: {typed}");
    }
}
