//! Every booking screen at 80×24 in zh-CN and en-US, error states included,
//! driven by messages alone (the answers a real backend would give).

mod common;

use common::{
    screens::{booking_screen, booking_screens},
    *,
};
use crossterm::event::KeyCode;
use onestop::domain::Lang;
use onestop::kiosk::{Effect, Msg, Screen};

#[test]
fn every_booking_screen_in_both_languages() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        for (name, state) in booking_screens(lang) {
            insta::assert_snapshot!(format!("{name}_{lang}"), screen_text(&state));
        }
    }
}

#[test]
fn the_hold_countdown_redraws_once_a_minute_then_each_second_of_the_last_and_expiry_returns_to_fresh_slots() {
    let mut s = booking_screen(Lang::ZhCn, "book_details");
    // A slow citizen: no idle reset within these five minutes.
    s.config.idle_timeout_ms = 600_000;
    // The hold was placed at t=0 for 300 s.
    let redraws: Vec<u64> = (1..=299)
        .filter(|sec| onestop::kiosk::update(&mut s, Msg::Tick(sec * 1000)).contains(&Effect::Redraw))
        .collect();
    let expected: Vec<u64> = [60, 120, 180].into_iter().chain(240..=299).collect();
    assert_eq!(redraws, expected, "the minutes shown change, then each second of the last minute");
    let effects = onestop::kiosk::update(&mut s, Msg::Tick(300_000));
    assert!(effects.contains(&Effect::ReleaseHold { id: "h1".into() }));
    assert!(effects.iter().any(|e| matches!(e, Effect::LoadSlots { .. })));
    assert!(matches!(s.screen(), Screen::BookSlot { .. }));
    assert!(s.draft.is_some(), "what was typed is kept for the next try");
}

#[test]
fn leaving_the_details_gives_the_place_back() {
    let mut s = booking_screen(Lang::ZhCn, "book_details");
    let effects = send(&mut s, [key(KeyCode::Esc)]);
    assert_eq!(effects[0], Effect::ReleaseHold { id: "h1".into() });
    // The ⌂ button too (the Home key moves in the field there).
    let mut s = booking_screen(Lang::ZhCn, "book_details");
    let (_, home) = onestop::kiosk::layout::buttons(s.size);
    assert_eq!(send(&mut s, [tap(home.x + 1, home.y)]), vec![Effect::ReleaseHold { id: "h1".into() }]);
}

#[test]
fn the_code_is_written_in_two_groups_and_spelled_for_a_screen_reader() {
    for name in ["book_done", "lookup_result"] {
        let mut s = booking_screen(Lang::EnUs, name);
        let shown = screen_text(&s);
        assert!(shown.contains("Confirmation code: 8JGX E51R"), "as the phone writes it:\n{shown}");
        // A screen reader would say "8jgx" as a word and "E51R" as a number.
        s.screen_reader = true;
        let heard = screen_text(&s);
        assert!(heard.contains("Confirmation code: 8 J G X, E 5 1 R"), "spelled:\n{heard}");
    }
}
