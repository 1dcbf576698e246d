//! 评价 Rate a service and 报告错误 Report a mistake against the kiosk's core
//! alone (`update`, no terminal, no network): the number typed or the
//! phone link scanned, the service where the queue serves several, the
//! five levels, a low level's reason (there is no way on without one), the
//! words, each answer's sentence, back to the start; a report from a guide
//! and back to it; nothing typed kept.

mod common;

use common::screens::visit_queues;
use common::*;
use crossterm::event::KeyCode;
use onestop::domain::rating::{Level, Reason, Wrong};
use onestop::domain::{Audience, FetchError, Lang};
use onestop::kiosk::rating::{ANSWER_MS, RateStep, RatingNotice, Refusal};
use onestop::kiosk::report::ReportStep;
use onestop::kiosk::screen::{WelcomeItem, welcome_items};
use onestop::kiosk::{Effect, Msg, Notice, Screen, State, keybar, layout};

fn paste(s: &str) -> Msg {
    Msg::Paste(s.into())
}

/// The screen's words as one line: wrapped sentences read whole.
fn flat(state: &State) -> String {
    let text = screen_text(state);
    let rows = text.lines().map(|l| l.split('"').nth(1).unwrap_or("").trim().to_owned());
    rows.filter(|r| !r.is_empty()).collect::<Vec<_>>().join(" ")
}

fn digit(item: WelcomeItem) -> Msg {
    let i = welcome_items().iter().position(|w| *w == item).unwrap();
    ch(char::from(b'1' + i as u8))
}

/// Welcome → 评价, the queues arrived (queue A: three services).
fn rating(lang: Lang) -> State {
    let mut s = ready(lang);
    let effects = send(&mut s, [digit(WelcomeItem::Rate)]);
    assert_eq!(effects, vec![Effect::LoadQueues { hall: "binjiang".into() }]);
    assert_eq!(s.screen(), &Screen::Rating(RateStep::Number));
    send(&mut s, [Msg::QueuesLoaded(Ok(visit_queues(true, false)))]);
    s
}

/// The number typed, Enter, and the first of queue A's services.
fn to_levels(lang: Lang) -> State {
    let mut s = rating(lang);
    send(&mut s, [paste("a 023"), key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Rating(RateStep::Service(_))), "{:?}", s.screen());
    send(&mut s, [ch('1')]);
    assert!(matches!(s.screen(), Screen::Rating(RateStep::Level(_))));
    s
}

fn rate_effect(level: Level, reason: Option<Reason>, text: Option<&str>) -> Effect {
    Effect::Rate {
        hall: "binjiang".into(),
        number: "A023".into(),
        day: "2026-11-30".into(),
        level,
        reason,
        text: text.map(str::to_owned),
        handoff: None,
        service: Some("id-card-renewal".into()),
    }
}

#[test]
fn welcome_offers_rating_after_check_in() {
    assert_eq!(welcome_items()[..3], [WelcomeItem::TakeNumber, WelcomeItem::CheckIn, WelcomeItem::Rate]);
    let text = flat(&ready(Lang::ZhCn));
    assert!(text.contains("3. 评价"), "{text}");
}

#[test]
fn a_good_rating_is_sent_with_todays_day_thanked_and_the_kiosk_goes_back_by_itself() {
    let mut s = to_levels(Lang::ZhCn);
    let text = flat(&s);
    assert!(text.contains("号码 A023：您对这次服务满意吗？"), "{text}");
    let first = text.find("1. 非常满意").expect(&text);
    assert!(text.find("5. 非常不满意").is_some_and(|i| i > first), "best first: {text}");
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert_eq!(effects, vec![rate_effect(Level::VerySatisfied, None, None)]);
    assert_eq!(s.screen(), &Screen::Rating(RateStep::Sent));
    assert!(flat(&s).contains("正在发送"));
    send(&mut s, [Msg::Tick(1_000), Msg::Rated(Ok(()))]);
    assert!(flat(&s).contains("谢谢您的评价"), "{}", flat(&s));
    send(&mut s, [Msg::Tick(1_000 + ANSWER_MS - 1)]);
    assert_eq!(s.screen(), &Screen::Rating(RateStep::Sent), "the thanks stays a moment");
    send(&mut s, [Msg::Tick(1_000 + ANSWER_MS)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)));
    assert!(s.rating.ticket.is_none() && s.rating.number.text.is_empty(), "nothing kept for the next");
}

#[test]
fn a_low_rating_cannot_be_sent_without_a_reason_and_takes_words() {
    for (pick, level) in [('4', Level::Dissatisfied), ('5', Level::VeryDissatisfied)] {
        let mut s = to_levels(Lang::EnUs);
        let effects = send(&mut s, [ch(pick)]);
        assert!(effects.is_empty(), "not sent without a reason: {effects:?}");
        assert!(matches!(s.screen(), Screen::Rating(RateStep::Reason(_))));
        assert!(flat(&s).contains("What was the main problem? (choose one)"), "{}", flat(&s));
        // Back goes to the levels, never on without a reason.
        let effects = send(&mut s, [key(KeyCode::Esc)]);
        assert!(effects.is_empty() && matches!(s.screen(), Screen::Rating(RateStep::Level(_))));
        send(&mut s, [ch(pick), key(KeyCode::Down), key(KeyCode::Enter)]);
        assert_eq!(s.screen(), &Screen::Rating(RateStep::Words));
        let effects = send(&mut s, [paste("  waited an hour "), key(KeyCode::Enter)]);
        assert_eq!(effects, vec![rate_effect(level, Some(Reason::Attitude), Some("waited an hour"))]);
    }
    // Words left out: sent without them.
    let mut s = to_levels(Lang::ZhCn);
    let effects = send(&mut s, [ch('4'), ch('1'), key(KeyCode::Enter)]);
    assert_eq!(effects, vec![rate_effect(Level::Dissatisfied, Some(Reason::Slow), None)]);
    send(&mut s, [Msg::Rated(Ok(()))]);
    assert!(flat(&s).contains("大厅会跟进您反映的问题"), "{}", flat(&s));
}

#[test]
fn the_words_are_bounded_and_a_good_rating_sends_none() {
    let mut s = to_levels(Lang::ZhCn);
    send(&mut s, [ch('5'), ch('6'), paste(&"慢".repeat(300))]);
    assert_eq!(s.rating.words.text.chars().count(), 200, "at most 200 characters");
    assert!(flat(&s).contains("已写 200 字，最多 200 字"), "{}", flat(&s));
    // Back to the levels and a good one: the words typed for a reason are not sent.
    let effects = send(&mut s, [key(KeyCode::Esc), key(KeyCode::Esc), ch('2')]);
    assert_eq!(effects, vec![rate_effect(Level::Satisfied, None, None)]);
    assert_eq!(s.screen(), &Screen::Rating(RateStep::Sent));
}

#[test]
fn a_mistyped_number_or_an_unknown_letter_is_said_and_nothing_is_sent() {
    let mut s = rating(Lang::EnUs);
    for (typed, said) in [
        ("A23", "A number is a letter and three digits, like A023."),
        ("Z001", "No number here begins with that letter. This hall's numbers begin with: A."),
        ("https://kiosk.example/m/short", "That is not a ticket's phone link."),
    ] {
        s.rating.number.clear();
        let effects = send(&mut s, [paste(typed), key(KeyCode::Enter)]);
        assert!(effects.is_empty(), "{typed}: {effects:?}");
        assert_eq!(s.screen(), &Screen::Rating(RateStep::Number));
        assert!(flat(&s).contains(said), "{typed}: {}", flat(&s));
    }
}

#[test]
fn a_scanned_phone_link_is_the_proof_and_names_the_service() {
    let mut s = rating(Lang::EnUs);
    let effects = send(&mut s, [paste("HTTP://127.0.0.1:8080/M/ABCDEFGHJKMNPQRS"), key(KeyCode::Enter)]);
    assert!(effects.is_empty());
    assert_eq!(s.rating.handoff.as_deref(), Some("ABCDEFGHJKMNPQRS"));
    assert_eq!(s.notice, Some(Notice::Rating(RatingNotice::LinkRead)));
    assert!(s.rating.number.text.is_empty(), "the field is free for the number");
    assert!(flat(&s).contains("Your ticket's phone link was read"), "{}", flat(&s));
    send(&mut s, [paste("A023"), key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Rating(RateStep::Level(_))), "no service asked: the link says");
    let effects = send(&mut s, [ch('2')]);
    let [Effect::Rate { handoff, service, level, .. }] = &effects[..] else { panic!("{effects:?}") };
    assert_eq!((handoff.as_deref(), service, *level), (Some("ABCDEFGHJKMNPQRS"), &None, Level::Satisfied));
}

#[test]
fn each_refusal_is_its_own_sentence_and_back_returns_to_the_number() {
    let cases = [
        (Refusal::AlreadyRated, "This visit has been rated already: each visit is rated once."),
        (Refusal::NotFinished, "This number is not finished at its window yet."),
        (Refusal::Closed, "This visit was too long ago: it can no longer be rated."),
        (Refusal::NotFound, "No ticket with this number today"),
        (Refusal::TooManyTries { retry_after_secs: 600 }, "please try again in 10 minutes"),
        (Refusal::Fetch(FetchError::Offline), "You can also rate later on your phone"),
    ];
    for (refusal, said) in cases {
        let mut s = to_levels(Lang::EnUs);
        send(&mut s, [ch('1'), Msg::Rated(Err(refusal))]);
        let text = flat(&s);
        assert!(text.contains(said), "{refusal:?}: {text}");
        assert!(!text.contains("already_rated") && !text.contains("409"), "no codes: {text}");
        send(&mut s, [key(KeyCode::Esc)]);
        assert_eq!(s.screen(), &Screen::Rating(RateStep::Number));
        assert_eq!(s.rating.number.text, "a 023", "the number stays to be corrected");
    }
    let mut s = to_levels(Lang::ZhCn);
    send(&mut s, [ch('1'), Msg::Rated(Err(Refusal::AlreadyRated))]);
    assert!(flat(&s).contains("这次办事已经评价过了"), "{}", flat(&s));
    send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)), "Enter: back to the start");
}

#[test]
fn offline_rating_says_it_needs_the_network_and_the_phone_page_serves_later() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    assert!(flat(&s).contains("现在不能评价"), "said on Welcome: {}", flat(&s));
    let effects = send(&mut s, [digit(WelcomeItem::Rate)]);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(flat(&s).contains("评价需要联网"), "{}", flat(&s));
    let effects = send(&mut s, [paste("A023"), key(KeyCode::Enter)]);
    assert!(effects.is_empty());
    assert_eq!(s.notice, Some(Notice::Rating(RatingNotice::Offline)));
    assert!(flat(&s).replace(' ', "").contains("在手机上评价"), "{}", flat(&s));
}

#[test]
fn the_answer_arrives_only_where_it_is_awaited() {
    let mut s = rating(Lang::ZhCn);
    let effects = send(&mut s, [Msg::Rated(Ok(()))]);
    assert!(effects.is_empty() && s.rating.answer.is_none(), "no rating was sent");
    let mut s = to_levels(Lang::ZhCn);
    send(&mut s, [ch('1'), key(KeyCode::Home), Msg::Rated(Ok(()))]);
    assert!(matches!(s.screen(), Screen::Welcome(_)));
    assert!(s.rating.answer.is_none(), "left before the answer: nothing shows later");
}

/// Welcome → 个人办事 › the first category › its first service's guide.
fn guide(lang: Lang) -> State {
    let mut s = ready(lang);
    send(&mut s, [digit(WelcomeItem::Browse(Audience::Personal)), ch('1'), ch('1')]);
    assert!(matches!(s.screen(), Screen::Guide { .. }), "{:?}", s.screen());
    s
}

#[test]
fn a_report_from_a_guide_is_sent_thanked_and_returns_to_the_guide() {
    let mut s = guide(Lang::ZhCn);
    let Screen::Guide { service, .. } = s.screen().clone() else { unreachable!() };
    assert!(flat(&s).contains("R 报告错误"), "on the key bar: {}", flat(&s));
    send(&mut s, [ch('r')]);
    assert!(matches!(s.screen(), Screen::Report(ReportStep::What(_))));
    let text = flat(&s);
    for said in ["1. 申请材料不对", "2. 收费不对", "3. 办理时限不对", "4. 地点或办公时间不对", "5. 其他错误"]
    {
        assert!(text.contains(said), "{said} in {text}");
    }
    send(&mut s, [ch('2'), paste("费用写错了")]);
    assert_eq!(s.screen(), &Screen::Report(ReportStep::Words));
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert_eq!(
        effects,
        vec![Effect::Report {
            service: service.clone(), what: Wrong::Fees, text: Some("费用写错了".into())
        }]
    );
    send(&mut s, [Msg::Reported(Ok(()))]);
    assert!(flat(&s).contains("工作人员会核对这份办事指南"), "{}", flat(&s));
    send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Guide { service: g, .. } if *g == service));
    assert!(s.report.words.text.is_empty(), "the words went with the report");

    // By itself after a moment, too; and a refusal is said.
    send(
        &mut s,
        [
            ch('r'),
            ch('5'),
            key(KeyCode::Enter),
            Msg::Reported(Err(Refusal::TooManyTries { retry_after_secs: 30 })),
        ],
    );
    assert!(flat(&s).contains("刚才报告得太多了"), "{}", flat(&s));
    send(&mut s, [key(KeyCode::Esc)]);
    assert_eq!(s.screen(), &Screen::Report(ReportStep::Words), "Esc: to send again");
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(&effects[..], [Effect::Report { what: Wrong::Other, text: None, .. }]));
    send(&mut s, [Msg::Tick(5_000), Msg::Reported(Ok(())), Msg::Tick(5_000 + ANSWER_MS)]);
    assert!(matches!(s.screen(), Screen::Guide { .. }));
}

#[test]
fn a_report_is_all_taps_and_offline_says_so() {
    let mut s = guide(Lang::EnUs);
    // The key bar's hint is a touch target.
    let status = layout::bands(&s).status.y;
    let hint = keybar::hints(&s).into_iter().find(|h| h.key == "R").expect("the report hint");
    send(&mut s, [tap(hint.x, status)]);
    assert!(matches!(s.screen(), Screen::Report(ReportStep::What(_))));
    // An item tapped: the menu's first row is the first item.
    let area = layout::menu_area(s.screen(), layout::bands(&s).body);
    let menu = layout::MenuLayout::new(area, Wrong::ALL.len(), s.page_limit());
    send(&mut s, [tap(5, menu.row_of(0, 0).unwrap())]);
    assert_eq!(s.screen(), &Screen::Report(ReportStep::Words));
    let send_hint = keybar::hints(&s).into_iter().find(|h| h.key == "Enter").expect("Send");
    assert_eq!(send_hint.label, "Send");
    let effects = send(&mut s, [tap(send_hint.x, status)]);
    assert!(
        matches!(&effects[..], [Effect::Report { what: Wrong::Materials, text: None, .. }]),
        "{effects:?}"
    );

    let mut s = guide(Lang::EnUs);
    send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Offline)), ch('r'), ch('1')]);
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert!(effects.is_empty());
    assert!(flat(&s).contains("Rating needs the network"), "{}", flat(&s));
}

#[test]
fn nothing_typed_is_kept_after_home_or_the_idle_reset() {
    let mut s = to_levels(Lang::ZhCn);
    send(&mut s, [ch('5'), ch('1'), paste("窗口的人不理我"), key(KeyCode::Home)]);
    assert_eq!(s.rating.words.caret, 0, "where the citizen types, Home moves in the field");
    // The ⌂ button leaves.
    let (_, home) = layout::buttons(s.size);
    send(&mut s, [tap(home.x + 1, home.y)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)));
    assert!(s.rating.words.text.is_empty() && s.rating.number.text.is_empty() && s.rating.level.is_none());
    let mut s = guide(Lang::ZhCn);
    send(&mut s, [ch('r'), ch('1'), paste("材料少了一项")]);
    s.reset();
    assert!(s.report.words.text.is_empty() && s.report.service.is_empty());
    assert!(matches!(s.screen(), Screen::Welcome(_)));
}

#[test]
fn a_number_entered_before_the_queues_came_goes_on_when_they_do() {
    let mut s = ready(Lang::EnUs);
    send(&mut s, [digit(WelcomeItem::Rate), paste("A023"), key(KeyCode::Enter)]);
    assert_eq!(s.notice, Some(Notice::Rating(RatingNotice::Waiting)));
    assert!(flat(&s).contains("Asking the hall's queues"), "{}", flat(&s));
    send(&mut s, [Msg::QueuesLoaded(Ok(visit_queues(true, false)))]);
    assert!(matches!(s.screen(), Screen::Rating(RateStep::Service(_))), "{:?}", s.screen());
    assert_eq!(s.notice, None);
}
