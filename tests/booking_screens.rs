//! Every booking screen at 80×24 in zh-CN and en-US, error states included,
//! driven by messages alone (the answers a real backend would give).

mod common;

use common::*;
use crossterm::event::KeyCode;
use onestop::domain::{
    Booking, BookingFailure, BookingStatus, Day, Days, FetchError, Hold, Lang, Slot, Slots, person,
};
use onestop::kiosk::{Effect, Msg, Screen, State};

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
        phone_masked: "138****5678".into(),
        id_masked: person::mask(ID, 3, 4),
    }
}

fn paste(s: &str) -> Msg {
    Msg::Paste(s.into())
}

/// (name, state) for every booking screen, in the order a citizen meets them.
fn screens(lang: Lang) -> Vec<(&'static str, State)> {
    let mut out = vec![];
    let mut s = ready(lang);
    // 个人办事 › 户籍与身份证 › the most asked-for service › Book.
    send(&mut s, [ch('1'), ch('1'), key(KeyCode::Enter)]);
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
    assert!(s.draft.is_none(), "nothing personal stays after booking");

    let mut l = ready(lang);
    send(&mut l, [ch('3')]);
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

#[test]
fn every_booking_screen_in_both_languages() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        for (name, state) in screens(lang) {
            insta::assert_snapshot!(format!("{name}_{lang}"), screen_text(&state));
        }
    }
}

#[test]
fn the_hold_countdown_redraws_once_a_minute_and_expiry_returns_to_fresh_slots() {
    let (_, mut s) = screens(Lang::ZhCn).into_iter().find(|(n, _)| *n == "book_details").unwrap();
    // A slow citizen: no idle reset within these five minutes.
    s.config.idle_timeout_ms = 600_000;
    // The hold was placed at t=0 for 300 s.
    let redraws: Vec<u64> = (1..=299)
        .filter(|sec| onestop::kiosk::update(&mut s, Msg::Tick(sec * 1000)).contains(&Effect::Redraw))
        .collect();
    assert_eq!(redraws, vec![60, 120, 180, 240], "the minutes shown change four times");
    let effects = onestop::kiosk::update(&mut s, Msg::Tick(300_000));
    assert!(effects.contains(&Effect::ReleaseHold { id: "h1".into() }));
    assert!(effects.iter().any(|e| matches!(e, Effect::LoadSlots { .. })));
    assert!(matches!(s.screen(), Screen::BookSlot { .. }));
    assert!(s.draft.is_some(), "what was typed is kept for the next try");
}

#[test]
fn leaving_the_details_gives_the_place_back() {
    let (_, mut s) = screens(Lang::ZhCn).into_iter().find(|(n, _)| *n == "book_details").unwrap();
    let effects = send(&mut s, [key(KeyCode::Esc)]);
    assert_eq!(effects[0], Effect::ReleaseHold { id: "h1".into() });
    let (_, mut s) = screens(Lang::ZhCn).into_iter().find(|(n, _)| *n == "book_details").unwrap();
    assert_eq!(send(&mut s, [key(KeyCode::Home)]), vec![Effect::ReleaseHold { id: "h1".into() }]);
}
