//! The booking form of a service that asks for the company's name (company
//! registration): the field after the person's, typed on the name field's
//! keyboard, its errors in the citizen's language, shown on the check page
//! and sent with the booking; other services' forms are as they were.

mod common;

use common::*;
use crossterm::event::KeyCode;
use onestop::domain::{BookingFailure, Day, Days, FieldError, Hold, Lang, Slot, Slots};
use onestop::kiosk::input::keyboard::{Layout, Touch};
use onestop::kiosk::{Effect, Msg, Screen, State, booking::Field, typing};

const SERVICE: &str = "company-establishment";
const COMPANY: &str = "杭州滨江示例科技有限公司";

/// The details page of a booking for `service`, at Binjiang, a place held.
fn details(lang: Lang, service: &str) -> State {
    let mut s = ready(lang);
    s.screens.push(Screen::Guide { service: service.into(), focus: 0, qr: false });
    send(&mut s, [key(KeyCode::Enter), ch('1')]); // book; the first hall
    let days = Days {
        hall: "binjiang".into(),
        service: service.into(),
        time_zone: "Asia/Shanghai".into(),
        days: vec![Day { date: "2026-12-01".into(), weekday: 2, open: true, remaining: 5 }],
    };
    send(&mut s, [Msg::DaysLoaded(Ok(days)), ch('1')]);
    let slot = Slot {
        start: "2026-12-01T01:00:00Z".into(),
        local_start: "09:00".into(),
        local_end: "09:30".into(),
        capacity: 4,
        remaining: 4,
    };
    let slots = Slots {
        hall: "binjiang".into(),
        service: service.into(),
        date: "2026-12-01".into(),
        time_zone: "Asia/Shanghai".into(),
        utc_offset: "+08:00".into(),
        slots: vec![slot],
    };
    send(&mut s, [Msg::SlotsLoaded(Ok(slots)), ch('1')]);
    send(&mut s, [Msg::HoldPlaced(Ok(Hold { id: "h1".into(), expires_at: String::new(), expires_in: 300 }))]);
    assert!(matches!(s.screen(), Screen::BookDetails { .. }), "on the details page");
    s
}

fn paste(s: &str) -> Msg {
    Msg::Paste(s.into())
}

/// Name, mobile and a resident ID, each valid; the focus then on the company.
fn person(s: &mut State) {
    send(s, [paste("张三"), key(KeyCode::Tab), paste("13812345678"), key(KeyCode::Tab), key(KeyCode::Tab)]);
    send(s, [paste("11010519491231002X"), key(KeyCode::Tab)]);
}

fn focus(s: &State) -> Field {
    let Screen::BookDetails { focus, .. } = s.screen() else { panic!("not on the details page") };
    *focus
}

fn errors(s: &State) -> Vec<(Field, FieldError)> {
    let Screen::BookDetails { errors, .. } = s.screen() else { panic!("not on the details page") };
    errors.clone()
}

#[test]
fn the_form_asks_for_the_company_in_every_language() {
    for (lang, label, missing) in [
        (Lang::ZhCn, "企业名称", "错误：请填写企业名称"),
        (Lang::EnUs, "Company name", "Error: enter the company's name"),
        (Lang::ZhHk, "企業名稱", "錯誤：請填寫企業名稱"),
    ] {
        let mut s = details(lang, SERVICE);
        assert!(screen_text(&s).contains(label), "{lang:?}:\n{}", screen_text(&s));
        person(&mut s);
        assert_eq!(focus(&s), Field::Company, "the company's field comes after the person's");
        send(&mut s, [key(KeyCode::Enter)]);
        assert_eq!(errors(&s), vec![(Field::Company, FieldError::Missing)]);
        assert!(screen_text(&s).contains(missing), "{lang:?}:\n{}", screen_text(&s));
        if lang != Lang::ZhHk {
            insta::assert_snapshot!(format!("company_details_errors_{lang}"), screen_text(&s));
        }
    }
}

#[test]
fn other_services_do_not_ask() {
    let mut s = details(Lang::ZhCn, "id-card-renewal");
    assert!(!screen_text(&s).contains("企业名称"));
    person(&mut s);
    assert_eq!(focus(&s), Field::IdNumber, "the document's number is the last field");
    let effects = send(&mut s, [key(KeyCode::Enter), key(KeyCode::Enter)]);
    let [Effect::Book { request, .. }] = &effects[..] else { panic!("booked: {effects:?}") };
    assert_eq!(request.company, None, "no company is sent where none is asked");
}

#[test]
fn the_company_is_typed_on_the_name_fields_keyboard() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let mut s = details(lang, SERVICE);
        s.config.touch = Touch::On;
        let (_, on_name) = typing::focused(&s).expect("the name field takes text");
        let name_layout = typing::layout(&s);
        person(&mut s);
        let (_, on_company) = typing::focused(&s).expect("the company's field takes text");
        assert_eq!(on_company, on_name, "pinyin, strokes and Latin letters, as for a name");
        let expected: &[Layout] = match lang {
            Lang::EnUs => &[Layout::Latin, Layout::Pinyin, Layout::Strokes],
            _ => &[Layout::Pinyin, Layout::Strokes, Layout::Latin],
        };
        assert_eq!(on_company.layouts(lang), expected);
        assert_eq!(typing::layout(&s), name_layout, "it starts where the name's keyboard starts");
        assert!(typing::on_last_field(&s), "Next says Done on the company, the form's last field");
        // Back to the document's number (the arrows walk the keyboard's keys).
        send(&mut s, [key(KeyCode::BackTab)]);
        assert_eq!(focus(&s), Field::IdNumber);
        assert!(!typing::on_last_field(&s), "the document's number is not the last field here");
    }
}

#[test]
fn control_characters_never_reach_the_name_and_odd_ones_are_refused() {
    let mut s = details(Lang::ZhCn, SERVICE);
    person(&mut s);
    send(&mut s, [paste("示例\u{1b}[2J科技\u{7}有限公司")]);
    let typed = s.draft.as_ref().unwrap().details.company.text.clone();
    assert_eq!(typed, "示例[2J科技有限公司", "control characters are dropped as typed");
    send(&mut s, [key(KeyCode::Enter)]);
    assert_eq!(errors(&s), vec![(Field::Company, FieldError::Format)], "[ is not a sign names carry");
    assert!(screen_text(&s).contains("错误：企业名称只能是文字、数字和常用符号，最多 60 个字"));
    // Bounded: what is pasted past 60 characters is not taken.
    let field = &mut s.draft.as_mut().unwrap().details.company;
    field.clear();
    field.insert(&"长".repeat(80));
    assert_eq!(field.text.chars().count(), 60);
}

#[test]
fn the_check_page_shows_the_company_and_the_booking_carries_it() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let mut s = details(lang, SERVICE);
        person(&mut s);
        send(&mut s, [paste(COMPANY), key(KeyCode::Enter)]);
        assert!(matches!(s.screen(), Screen::BookCheck { .. }), "on to the check page");
        let shown = screen_text(&s);
        let line = if lang == Lang::ZhCn {
            format!("企业名称：{COMPANY}")
        } else {
            format!("Company name: {COMPANY}")
        };
        assert!(shown.contains(&line), "{shown}");
        insta::assert_snapshot!(format!("company_check_{lang}"), shown);
        let effects = send(&mut s, [key(KeyCode::Enter)]);
        let [Effect::Book { request, .. }] = &effects[..] else { panic!("confirm sends the booking") };
        assert_eq!(request.company.as_deref(), Some(COMPANY));
    }
}

#[test]
fn change_on_the_check_page_and_a_refusal_lead_to_the_company_field() {
    let mut s = details(Lang::ZhCn, SERVICE);
    person(&mut s);
    send(&mut s, [paste(COMPANY), key(KeyCode::Enter)]);
    // Confirm, name, phone, document, company, time: the company is the fifth.
    send(&mut s, (0..4).map(|_| key(KeyCode::Down)));
    send(&mut s, [key(KeyCode::Enter)]);
    assert_eq!(focus(&s), Field::Company, "change opens the company's field");
    send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::BookCheck { .. }), "Enter returns to the check page");
    send(&mut s, [key(KeyCode::Enter)]);
    send(&mut s, [Msg::BookingConfirmed(Err(BookingFailure::Invalid("company".into())))]);
    assert_eq!(focus(&s), Field::Company);
    assert_eq!(errors(&s), vec![(Field::Company, FieldError::Format)]);
}
