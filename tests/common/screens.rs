//! Every screen a citizen can meet, built by messages alone (the answers a
//! real backend would give), for snapshots and accessibility checks.

use crossterm::event::KeyCode;
use onestop::domain::{
    Booking, BookingFailure, BookingStatus, Day, Days, FetchError, Handoff, Hold, Lang, Slot, Slots, person,
};
use onestop::kiosk::{Effect, Msg, Screen, State};

use super::*;

pub fn menu_screens(lang: Lang) -> Vec<(&'static str, State)> {
    let mut out = vec![];
    out.push(("welcome_loading", session(lang, (80, 24))));
    let mut offline = session(lang, (80, 24));
    send(&mut offline, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    out.push(("welcome_offline", offline));
    let mut s = ready(lang);
    out.push(("welcome", s.clone()));
    send(&mut s, [personal()]);
    out.push(("categories_personal", s.clone()));
    send(&mut s, [key(KeyCode::Down), key(KeyCode::Enter)]);
    out.push(("services_social_security", s.clone()));
    send(&mut s, [key(KeyCode::Enter)]);
    out.push(("guide_top", s.clone()));
    send(&mut s, [key(KeyCode::Down), key(KeyCode::Down)]);
    out.push(("guide_materials", s.clone()));
    send(&mut s, (0..30).map(|_| key(KeyCode::Down)));
    out.push(("guide_end", s.clone()));
    let mut business = ready(lang);
    send(&mut business, [super::business()]);
    out.push(("categories_business", business.clone()));
    send(&mut business, [ch('1')]);
    out.push(("services_business_startup", business));
    out.push(("too_small", session(lang, (60, 20))));
    let mut qr = ready(lang);
    send(&mut qr, [personal(), ch('1'), key(KeyCode::Enter), ch('p')]);
    let handoff = Handoff {
        code: "ABCDEFGHJKMNPQRS".into(),
        url: "HTTP://127.0.0.1:8080/M/ABCDEFGHJKMNPQRS".into(),
        expires_at: String::new(),
    };
    send(&mut qr, [Msg::HandoffCreated { lang, result: Ok(handoff) }]);
    out.push(("guide_phone_qr", qr));
    out
}

fn days() -> Days {
    let day = |i: u32| {
        let date =
            format!("2026-{}", if i < 2 { format!("11-{}", 29 + i) } else { format!("12-{:02}", i - 1) });
        let weekday = ((i + 6) % 7 + 1) as u8; // 29 Nov 2026 is a Sunday
        let open = weekday <= 5;
        Day { date, weekday, open, remaining: if !open || i == 3 { 0 } else { 40 - i } }
    };
    Days {
        hall: "binjiang".into(),
        service: "id-card-renewal".into(),
        time_zone: "Asia/Shanghai".into(),
        days: (0..14).map(day).collect(),
    }
}

fn slots() -> Slots {
    let slot = |i: u32| Slot {
        start: format!("2026-12-01T{:02}:{:02}:00Z", 1 + i / 2, (i % 2) * 30),
        local_start: format!("{:02}:{:02}", 9 + i / 2, (i % 2) * 30),
        local_end: format!("{:02}:{:02}", 9 + i.div_ceil(2), ((i + 1) % 2) * 30),
        capacity: 4,
        remaining: if i == 1 { 0 } else { 4 - i % 4 },
    };
    Slots {
        hall: "binjiang".into(),
        service: "id-card-renewal".into(),
        date: "2026-12-01".into(),
        time_zone: "Asia/Shanghai".into(),
        utc_offset: "+08:00".into(),
        slots: (0..12).map(slot).collect(),
    }
}

const ID: &str = "11010519491231002X";

fn booking(status: BookingStatus) -> Booking {
    Booking {
        code: "8JGXE51R".into(),
        status,
        hall: "binjiang".into(),
        service: "id-card-renewal".into(),
        start: "2026-12-01T01:00:00Z".into(),
        date: "2026-12-01".into(),
        local_start: "09:00".into(),
        local_end: "09:30".into(),
        time_zone: "Asia/Shanghai".into(),
        name_masked: "张*".into(),
        phone_masked: "138********".into(),
        id_masked: person::mask(ID, 3, 4),
    }
}

fn paste(s: &str) -> Msg {
    Msg::Paste(s.into())
}

/// (name, state) for every booking screen, in the order a citizen meets them.
pub fn booking_screens(lang: Lang) -> Vec<(&'static str, State)> {
    let mut out = vec![];
    let mut s = ready(lang);
    // 个人办事 › 户籍与身份证 › the most asked-for service › Book.
    send(&mut s, [personal(), ch('1'), key(KeyCode::Enter)]);
    let Screen::Guide { service, .. } = s.screen() else { panic!("on a guide") };
    assert_eq!(service, "id-card-renewal");
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert!(effects.is_empty(), "two halls offer it: the citizen chooses first");
    out.push(("book_hall", s.clone()));
    let effects = send(&mut s, [ch('1')]);
    assert_eq!(
        effects,
        vec![Effect::LoadDays { hall: "binjiang".into(), service: "id-card-renewal".into() }]
    );
    out.push(("book_date_loading", s.clone()));
    let mut failed = s.clone();
    send(&mut failed, [Msg::DaysLoaded(Err(FetchError::Timeout))]);
    out.push(("book_date_failed", failed));
    send(&mut s, [Msg::DaysLoaded(Ok(days()))]);
    out.push(("book_date", s.clone()));
    let mut closed = s.clone();
    send(&mut closed, [ch('1')]);
    out.push(("book_date_closed_chosen", closed));
    send(&mut s, [ch('3')]); // Tuesday 1 December
    send(&mut s, [Msg::SlotsLoaded(Ok(slots()))]);
    out.push(("book_slot", s.clone()));
    let effects = send(&mut s, [ch('1')]);
    assert!(matches!(&effects[..], [Effect::PlaceHold { .. }]));
    out.push(("book_slot_holding", s.clone()));
    let mut taken = s.clone();
    send(&mut taken, [Msg::HoldPlaced(Err(BookingFailure::SlotFull))]);
    out.push(("book_slot_taken", taken));
    send(&mut s, [Msg::HoldPlaced(Ok(Hold { id: "h1".into(), expires_at: String::new(), expires_in: 300 }))]);
    out.push(("book_details", s.clone()));
    send(&mut s, [key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Enter)]);
    out.push(("book_details_errors", s.clone()));
    send(
        &mut s,
        [paste("张三"), key(KeyCode::Tab), paste("13812345678"), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    send(&mut s, [paste("110105194912310021"), key(KeyCode::Enter)]);
    out.push(("book_details_checksum", s.clone()));
    send(&mut s, [key(KeyCode::Backspace), paste("X"), key(KeyCode::Enter)]);
    out.push(("book_check", s.clone()));
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    let [Effect::Book { idempotency_key, .. }] = &effects[..] else { panic!("confirm sends the booking") };
    let key1 = idempotency_key.clone();
    out.push(("book_check_sending", s.clone()));
    send(&mut s, [Msg::BookingConfirmed(Err(BookingFailure::Fetch(FetchError::Offline)))]);
    out.push(("book_check_network_error", s.clone()));
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    let [Effect::Book { idempotency_key, .. }] = &effects[..] else { panic!("retry sends again") };
    assert_eq!(*idempotency_key, key1, "a retry of the same answers is the same request");
    let mut expired = s.clone();
    send(&mut expired, [Msg::BookingConfirmed(Err(BookingFailure::HoldExpired))]);
    out.push(("book_slot_hold_expired", expired));
    send(&mut s, [Msg::BookingConfirmed(Ok(booking(BookingStatus::Active)))]);
    out.push(("book_done", s.clone()));
    let mut left = s.clone();
    send(&mut left, [key(KeyCode::Esc)]);
    assert!(matches!(left.screen(), Screen::Welcome(_)), "from the confirmation, Back is the start");
    assert!(s.draft.is_none(), "nothing personal stays after booking");

    let mut l = ready(lang);
    send(&mut l, [welcome(onestop::kiosk::screen::WelcomeItem::MyBooking)]); // My appointment
    out.push(("lookup", l.clone()));
    send(&mut l, [key(KeyCode::Tab), key(KeyCode::Enter)]);
    out.push(("lookup_errors", l.clone()));
    send(&mut l, [key(KeyCode::Up), paste("8jgx-e51r"), key(KeyCode::Tab), paste("5678")]);
    let effects = send(&mut l, [key(KeyCode::Enter)]);
    assert!(matches!(&effects[..], [Effect::FindBooking { .. }]));
    let mut missing = l.clone();
    send(&mut missing, [Msg::BookingFound(Err(BookingFailure::NotFound))]);
    out.push(("lookup_not_found", missing));
    send(&mut l, [Msg::BookingFound(Ok(booking(BookingStatus::Active)))]);
    out.push(("lookup_result", l.clone()));
    send(&mut l, [key(KeyCode::Enter)]);
    out.push(("lookup_confirm_cancel", l.clone()));
    let effects = send(&mut l, [ch('2')]);
    assert_eq!(effects, vec![Effect::CancelBooking { code: "8JGXE51R".into(), last4: "5678".into() }]);
    send(&mut l, [Msg::BookingCancelled(Ok(booking(BookingStatus::Cancelled)))]);
    out.push(("lookup_cancelled", l));
    out
}

/// One of the booking screens, by name.
#[allow(dead_code)] // not every test file that shares this module uses it
pub fn booking_screen(lang: Lang, name: &str) -> State {
    booking_screens(lang).into_iter().find(|(n, _)| *n == name).map(|(_, s)| s).expect("a booking screen")
}

/// Every screen, named.
pub fn all_screens(lang: Lang) -> Vec<(&'static str, State)> {
    let mut all = menu_screens(lang);
    all.extend(booking_screens(lang));
    all
}

/// Binjiang's queues as the server answers (issue 16): queue A for ID
/// cards and passports (no other service has a queue here), two priority
/// groups where asked; `numbers_here` false for a hall that gives its
/// numbers at the desk.
pub fn visit_queues(numbers_here: bool, groups: bool) -> onestop::domain::queue::wire::HallQueues {
    use serde_json::json;
    let groups = if groups && numbers_here {
        json!([
            { "id": "senior-70", "name": { "zh-CN": "70 周岁及以上老年人", "en-US": "People aged 70 and over", "zh-HK": "70 歲及以上長者" } },
            { "id": "disability", "name": { "zh-CN": "残疾人", "en-US": "People with disabilities", "zh-HK": "殘疾人士" } }
        ])
    } else {
        json!([])
    };
    let queues = if numbers_here {
        json!([{
            "prefix": "A",
            "name": { "zh-CN": "户籍与身份证", "en-US": "Household registration and ID cards", "zh-HK": "戶籍與身份證" },
            "services": ["id-card-renewal", "id-card-replacement", "passport-application"],
            "waiting": 3, "open_windows": 2, "estimate": { "kind": "minutes", "low": 10, "high": 20 },
            "windows": [1, 2, 3], "issue_from": "09:00", "issue_until": "16:30", "daily_cap": 400
        }])
    } else {
        json!([])
    };
    serde_json::from_value(json!({
        "hall": "binjiang", "day": "2026-11-30", "time_zone": "Asia/Shanghai",
        "numbers_here": numbers_here, "queues": queues, "windows": [], "calls": [],
        "priority_groups": groups
    }))
    .unwrap()
}

/// A ticket of queue A as the server gives it: `lane` is `ordinary`,
/// `priority` or `booked`.
pub fn visit_ticket(number: &str, lane: &str) -> onestop::domain::queue::wire::TicketView {
    serde_json::from_value(serde_json::json!({
        "hall": "binjiang", "day": "2026-11-30", "number": number, "queue": "A",
        "queue_name": { "zh-CN": "户籍与身份证", "en-US": "Household registration and ID cards", "zh-HK": "戶籍與身份證" },
        "lane": lane, "state": "waiting", "ahead": 3,
        "estimate": { "kind": "minutes", "low": 10, "high": 20 },
        "windows": [1, 2, 3], "issued_at": "2026-11-30T01:30:00Z"
    }))
    .unwrap()
}

/// (name, state) for every screen of the hall visit, in the order a
/// citizen meets them: taking a number, then checking a booking in.
pub fn visit_screens(lang: Lang) -> Vec<(&'static str, State)> {
    use onestop::kiosk::visit::VisitRefusal;
    let mut out = vec![];
    let mut s = ready(lang);
    send(&mut s, [ch('1')]); // 取号
    out.push(("take_number_loading", s.clone()));
    let mut desk = s.clone();
    send(&mut desk, [Msg::QueuesLoaded(Ok(visit_queues(false, false)))]);
    out.push(("take_number_at_desk", desk));
    let mut offline = ready(lang);
    send(&mut offline, [Msg::CatalogLoaded(Err(FetchError::Offline)), ch('1')]);
    out.push(("take_number_offline", offline));
    send(&mut s, [Msg::QueuesLoaded(Ok(visit_queues(true, true)))]);
    out.push(("take_number", s.clone()));
    let mut no_queue = s.clone();
    send(&mut no_queue, [ch('1'), ch('2'), key(KeyCode::Enter)]); // social security: no queue
    out.push(("ticket_service_at_desk", no_queue));
    send(&mut s, [ch('1'), ch('1'), key(KeyCode::Enter)]); // 个人办事 › 户籍与身份证 › the first
    out.push(("priority", s.clone()));
    send(&mut s, [key(KeyCode::Enter)]); // no
    out.push(("ticket_taking", s.clone()));
    let mut early = s.clone();
    send(&mut early, [Msg::TicketTaken(Err(VisitRefusal::BeforeHours("09:00".into())))]);
    out.push(("ticket_before_hours", early));
    let mut full = s.clone();
    send(&mut full, [Msg::TicketTaken(Err(VisitRefusal::DailyCapReached))]);
    out.push(("ticket_daily_cap", full));
    send(&mut s, [Msg::TicketTaken(Ok(visit_ticket("A023", "ordinary")))]);
    out.push(("ticket_making_link", s.clone()));
    let handoff = Handoff {
        code: "ABCDEFGHJKMNPQRS".into(),
        url: "HTTP://127.0.0.1:8080/M/ABCDEFGHJKMNPQRS".into(),
        expires_at: String::new(),
    };
    send(&mut s, [Msg::HandoffCreated { lang, result: Ok(handoff.clone()) }]);
    out.push(("ticket", s.clone()));
    send(&mut s, [ch('p')]);
    out.push(("ticket_qr", s));

    let mut c = ready(lang);
    send(&mut c, [ch('2'), Msg::QueuesLoaded(Ok(visit_queues(true, true)))]); // 预约签到
    out.push(("check_in", c.clone()));
    let mut wrong = c.clone();
    send(&mut wrong, [key(KeyCode::Tab), key(KeyCode::Enter)]);
    out.push(("check_in_errors", wrong));
    send(&mut c, [paste("8jgx-e51r"), key(KeyCode::Tab), paste("5678"), key(KeyCode::Enter)]);
    out.push(("check_in_sending", c.clone()));
    let mut early = c.clone();
    send(&mut early, [Msg::CheckedIn(Err(VisitRefusal::TooEarly("2026-11-30T01:30:00Z".into())))]);
    out.push(("check_in_too_early", early));
    let mut elsewhere = c.clone();
    send(&mut elsewhere, [Msg::CheckedIn(Err(VisitRefusal::OtherHall("chengbei".into())))]);
    out.push(("check_in_other_hall", elsewhere));
    send(&mut c, [Msg::CheckedIn(Ok(visit_ticket("A024", "booked")))]);
    send(&mut c, [Msg::HandoffCreated { lang, result: Ok(handoff) }]);
    out.push(("ticket_checked_in", c));
    out
}
