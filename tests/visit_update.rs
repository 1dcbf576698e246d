//! The hall visit against the kiosk's core alone (`update`, no terminal, no
//! network): taking a number by category and by search, the priority
//! question, the ticket and its phone link, checking a booking in, every
//! refusal's sentence, and what Home and the idle reset forget.

mod common;

use common::screens::{visit_queues as queues, visit_ticket as ticket};
use common::*;
use crossterm::event::KeyCode;
use onestop::domain::queue::wire::HallQueues;
use onestop::domain::{FetchError, Lang, TicketRef};
use onestop::kiosk::screen::{WelcomeItem, welcome_items};
use onestop::kiosk::visit::{TicketStage, VisitRefusal};
use onestop::kiosk::{Effect, Msg, Notice, Screen, State};

/// The screen's words as one line: wrapped sentences read whole.
fn flat(state: &State) -> String {
    let text = screen_text(state);
    let rows = text.lines().map(|l| l.split('"').nth(1).unwrap_or("").trim().to_owned());
    rows.filter(|r| !r.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Welcome → 取号, the queues arrived.
fn taking(lang: Lang, queues_now: HallQueues) -> State {
    let mut s = ready(lang);
    let effects = send(&mut s, [ch('1')]);
    assert_eq!(effects, vec![Effect::LoadQueues { hall: "binjiang".into() }]);
    assert!(matches!(s.screen(), Screen::TakeNumber(_)));
    send(&mut s, [Msg::QueuesLoaded(Ok(queues_now))]);
    s
}

#[test]
fn welcome_offers_take_a_number_and_check_in_first() {
    assert_eq!(welcome_items()[..2], [WelcomeItem::TakeNumber, WelcomeItem::CheckIn]);
    let text = flat(&ready(Lang::ZhCn));
    let take = text.find("1. 取号").expect(&text);
    assert!(text.find("2. 预约签到").is_some_and(|c| c > take), "{text}");
}

#[test]
fn a_number_by_category_asks_the_priority_question_no_first_then_shows_the_ticket() {
    let mut s = taking(Lang::ZhCn, queues(true, true));
    send(&mut s, [ch('1'), ch('1')]); // 个人办事 › 户籍与身份证
    assert!(matches!(s.screen(), Screen::Services { .. }));
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert!(effects.is_empty(), "no guide, no phone link yet: {effects:?}");
    let Screen::Priority { service, menu } = s.screen() else { panic!("the priority question") };
    assert_eq!((service.as_str(), menu.selected), ("id-card-renewal", 0), "\"no\" is first and chosen");
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert_eq!(
        effects,
        vec![Effect::TakeTicket {
            hall: "binjiang".into(),
            service: "id-card-renewal".into(),
            priority_group: None
        }]
    );
    assert!(screen_text(&s).contains("正在取号"));
    let effects = send(&mut s, [Msg::TicketTaken(Ok(ticket("A023", "ordinary")))]);
    let [Effect::CreateHandoff { service, lang, booking: None, phone_last4: None, ticket: Some(t) }] =
        &effects[..]
    else {
        panic!("a phone link for the ticket: {effects:?}")
    };
    assert_eq!((service.as_str(), *lang), ("id-card-renewal", Lang::ZhCn));
    assert_eq!(*t, TicketRef { day: "2026-11-30".into(), number: "A023".into() });
    assert_eq!(s.screens.len(), 2, "back from the ticket is the start, not another number");
    let text = screen_text(&s);
    for said in
        ["您的号码：A023，户籍与身份证", "前面还有 3 人", "预计等候：约 10–20 分钟", "办理窗口：1、2、3 号"]
    {
        assert!(text.contains(said), "{said} in\n{text}");
    }
    send(&mut s, [ch('p')]);
    assert!(matches!(s.screen(), Screen::Ticket { qr: true }));
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Ticket { qr: false }), "Esc first closes the code");
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)));
    assert!(s.visit.ticket.is_none(), "the ticket is forgotten at the start");
}

#[test]
fn a_priority_group_is_sent_by_its_id_and_a_hall_without_groups_asks_nothing() {
    let mut s = taking(Lang::EnUs, queues(true, true));
    send(&mut s, [ch('1'), ch('1'), key(KeyCode::Enter)]);
    let effects = send(&mut s, [ch('2')]);
    assert_eq!(
        effects,
        vec![Effect::TakeTicket {
            hall: "binjiang".into(),
            service: "id-card-renewal".into(),
            priority_group: Some("senior-70".into())
        }]
    );
    let mut s = taking(Lang::EnUs, queues(true, false));
    send(&mut s, [ch('1'), ch('1')]);
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(&effects[..], [Effect::TakeTicket { priority_group: None, .. }]), "{effects:?}");
}

#[test]
fn a_number_by_search() {
    let mut s = taking(Lang::EnUs, queues(true, false));
    send(&mut s, [ch('3')]);
    assert!(matches!(s.screen(), Screen::Search { .. }));
    let index = onestop::search::SearchIndex::build(&demo_catalog());
    send(&mut s, [Msg::IndexBuilt(std::sync::Arc::new(index)), Msg::Paste("passport".into())]);
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert!(
        matches!(&effects[..], [Effect::TakeTicket { service, .. }] if service == "passport-application"),
        "{effects:?}"
    );
}

#[test]
fn where_no_number_can_be_given_the_kiosk_says_where_they_are_given() {
    // The hall gives its numbers at the desk.
    let mut s = taking(Lang::EnUs, queues(false, false));
    assert!(send(&mut s, [ch('1')]).is_empty());
    assert!(matches!(s.screen(), Screen::TakeNumber(_)), "nothing to choose");
    let text = screen_text(&s);
    assert!(text.contains("This hall gives its numbers at the desk"), "{text}");
    // Offline: not even asked.
    let mut off = session(Lang::EnUs, (80, 24));
    send(&mut off, [Msg::CatalogCached(demo_catalog()), Msg::CatalogLoaded(Err(FetchError::Offline))]);
    assert!(send(&mut off, [ch('1')]).is_empty(), "no request while offline");
    assert!(screen_text(&off).contains("gives no number now"), "{}", screen_text(&off));
    // A service no queue gives numbers for.
    let mut s = taking(Lang::EnUs, queues(true, false));
    send(&mut s, [ch('1'), ch('2'), key(KeyCode::Enter)]); // social security: not in queue A
    assert!(matches!(s.visit.ticket, Some(TicketStage::Refused(VisitRefusal::ServiceAtDesk))));
    assert!(flat(&s).contains("Numbers for this service are given at the desk"), "{}", flat(&s));
}

/// The ticket screen's sentence for a refusal of `take`.
fn refused(lang: Lang, refusal: VisitRefusal) -> String {
    let mut s = taking(lang, queues(true, false));
    send(&mut s, [ch('1'), ch('1'), key(KeyCode::Enter), Msg::TicketTaken(Err(refusal))]);
    flat(&s)
}

#[test]
fn each_refusal_to_give_a_number_has_its_own_sentence() {
    let cases = [
        (VisitRefusal::ClosedToday, "The hall is closed today"),
        (VisitRefusal::BeforeHours("09:00".into()), "today they are given from 09:00"),
        (VisitRefusal::AfterHours("16:30".into()), "they were given until 16:30"),
        (VisitRefusal::DailyCapReached, "Today's numbers for this service are all given out"),
        (VisitRefusal::NumbersExhausted, "No number is left for this service today"),
        (VisitRefusal::AtDesk, "This hall gives its numbers at the desk"),
        (VisitRefusal::Fetch(FetchError::Timeout), "The kiosk cannot reach the hall's queues"),
    ];
    for (refusal, said) in cases {
        let text = refused(Lang::EnUs, refusal.clone());
        assert!(text.contains(said), "{refusal:?}: {said} in\n{text}");
        assert!(!text.contains("before_hours") && !text.contains("Refus"), "never a code");
    }
    assert!(refused(Lang::ZhCn, VisitRefusal::BeforeHours("09:00".into())).contains("今天 09:00 起发号"));
}

/// Welcome → 预约签到, code and digits typed.
fn checking_in(lang: Lang) -> State {
    let mut s = ready(lang);
    let effects = send(&mut s, [ch('2')]);
    assert_eq!(effects, vec![Effect::LoadQueues { hall: "binjiang".into() }]);
    assert!(matches!(s.screen(), Screen::Lookup { .. }));
    send(&mut s, [Msg::QueuesLoaded(Ok(queues(true, true)))]);
    send(&mut s, [Msg::Paste("8jgx-e51r".into()), key(KeyCode::Tab), Msg::Paste("5678".into())]);
    s
}

#[test]
fn a_booking_is_checked_in_with_its_code_and_digits_and_called_first() {
    let mut s = checking_in(Lang::ZhCn);
    assert!(screen_text(&s).contains("预约签到：请输入预约码"));
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert_eq!(
        effects,
        vec![Effect::CheckIn { hall: "binjiang".into(), code: "8JGXE51R".into(), last4: "5678".into() }]
    );
    let effects = send(&mut s, [Msg::CheckedIn(Ok(ticket("A024", "booked")))]);
    assert!(
        matches!(&effects[..], [Effect::CreateHandoff { service, ticket: Some(_), .. }] if service == "id-card-renewal"),
        "the phone link names a service of the ticket's queue: {effects:?}"
    );
    assert!(matches!(s.screen(), Screen::Ticket { .. }));
    assert!(s.lookup.code.text.is_empty() && s.lookup.last4.text.is_empty(), "the digits are forgotten");
    let text = screen_text(&s);
    assert!(text.contains("已签到：您将先于现场取号者被叫号") && text.contains("A024"), "{text}");
}

#[test]
fn each_check_in_refusal_has_its_own_sentence_never_a_code() {
    let cases = [
        (VisitRefusal::TooEarly("2026-11-30T01:30:00Z".into()), "check-in opens at 09:30 on 2026-11-30"),
        (VisitRefusal::TooLate("2026-11-30T02:15:00Z".into()), "the time slot ended at 10:15 on 2026-11-30"),
        (VisitRefusal::Cancelled, "This booking was cancelled"),
        (VisitRefusal::OtherHall("chengbei".into()), "another hall: Chengbei"),
        (VisitRefusal::AlreadyCheckedIn("B001".into()), "checked in already: its number is B001"),
        (VisitRefusal::NotFound, "The confirmation code or the last 4 digits are wrong"),
        (VisitRefusal::TooManyTries { retry_after_secs: 900 }, "try again in 15 minutes"),
    ];
    for (refusal, said) in cases {
        let mut s = checking_in(Lang::EnUs);
        send(&mut s, [key(KeyCode::Enter), Msg::CheckedIn(Err(refusal.clone()))]);
        assert_eq!(s.notice, Some(Notice::Visit(refusal.clone())));
        let text = flat(&s);
        assert!(text.contains(said), "{refusal:?}: {said} in\n{}", screen_text(&s));
        assert!(matches!(s.screen(), Screen::Lookup { searching: false, .. }), "the form stays to try again");
    }
}

#[test]
fn checking_in_offline_says_so_at_once() {
    let mut s = checking_in(Lang::EnUs);
    send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    assert!(send(&mut s, [key(KeyCode::Enter)]).is_empty());
    assert_eq!(s.notice, Some(Notice::Visit(VisitRefusal::Fetch(FetchError::Offline))));
}

#[test]
fn home_and_the_idle_reset_leave_the_ticket_and_forget_the_digits() {
    let mut s = checking_in(Lang::EnUs);
    send(&mut s, [tap(75, 1)]); // the ⌂ button
    assert!(matches!(s.screen(), Screen::Welcome(_)));
    assert!(s.lookup.last4.text.is_empty() && s.lookup.code.text.is_empty());
    let mut s = checking_in(Lang::EnUs);
    send(&mut s, [key(KeyCode::Enter), Msg::CheckedIn(Ok(ticket("A024", "booked")))]);
    let timeout = s.idle_timeout_ms();
    send(&mut s, [Msg::Tick(timeout + 1)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)) && s.visit.ticket.is_none());
    // Typed, not sent, then left alone.
    let mut s = checking_in(Lang::EnUs);
    let timeout = s.idle_timeout_ms();
    send(&mut s, [Msg::Tick(timeout + 1)]);
    assert!(s.lookup.last4.text.is_empty() && matches!(s.screen(), Screen::Welcome(_)));
}

#[test]
fn another_language_on_the_ticket_asks_for_its_phone_page() {
    let mut s = taking(Lang::ZhCn, queues(true, false));
    send(&mut s, [ch('1'), ch('1'), key(KeyCode::Enter), Msg::TicketTaken(Ok(ticket("A023", "ordinary")))]);
    let effects = send(&mut s, [key(KeyCode::F(2))]);
    assert!(
        matches!(&effects[..], [Effect::CreateHandoff { lang: Lang::EnUs, ticket: Some(t), .. }] if t.number == "A023"),
        "{effects:?}"
    );
}

#[test]
fn the_screen_reader_hears_the_number_spelled_out_on_the_cursors_line() {
    let mut s = taking(Lang::EnUs, queues(true, false));
    s.screen_reader = true;
    send(&mut s, [ch('1'), ch('1'), key(KeyCode::Enter), Msg::TicketTaken(Ok(ticket("A023", "ordinary")))]);
    let mut terminal = render(&s, onestop::ui::Theme::standard());
    let cursor = terminal.get_cursor_position().unwrap();
    let row: String =
        (0..80).map(|x| terminal.backend().buffer()[(x, cursor.y)].symbol().to_owned()).collect();
    assert!(row.contains("Your number: A 0 2 3, Household registration and ID cards"), "{row}");
}

#[test]
fn the_check_in_fields_have_the_my_appointment_keypads() {
    use onestop::kiosk::input::keyboard::{Layout, Touch};
    let mut s = ready(Lang::ZhCn);
    s.config.touch = Touch::On;
    send(&mut s, [ch('2')]);
    assert_eq!(onestop::kiosk::typing::layout(&s), Some(Layout::Crockford), "the code's 32 characters");
    send(&mut s, [key(KeyCode::Tab)]);
    assert_eq!(onestop::kiosk::typing::layout(&s), Some(Layout::Digits), "the digit keypad");
    assert!(screen_text(&s).contains("完成"), "the keyboard shows, Done on the last field");
}

#[test]
fn a_category_for_a_number_before_the_catalogue_has_come_says_so() {
    let mut s = session(Lang::EnUs, (80, 24));
    send(&mut s, [ch('1'), Msg::QueuesLoaded(Ok(queues(true, false))), ch('1')]);
    assert!(matches!(s.screen(), Screen::TakeNumber(_)));
    assert_eq!(s.notice, Some(Notice::StillLoading));
}

#[test]
fn a_service_chosen_while_the_queues_could_not_be_read_says_why_not_that_the_desk_gives_them() {
    let mut s = ready(Lang::EnUs);
    send(&mut s, [ch('1'), Msg::QueuesLoaded(Err(FetchError::Server)), ch('/')]);
    let index = onestop::search::SearchIndex::build(&demo_catalog());
    send(&mut s, [Msg::IndexBuilt(std::sync::Arc::new(index)), Msg::Paste("passport".into())]);
    assert!(send(&mut s, [key(KeyCode::Enter)]).is_empty(), "no number asked for");
    assert!(matches!(s.visit.ticket, Some(TicketStage::Refused(VisitRefusal::Fetch(FetchError::Server)))));
    assert!(flat(&s).contains("The kiosk cannot reach the hall's queues"), "{}", flat(&s));
}
