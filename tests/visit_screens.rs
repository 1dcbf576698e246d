//! The hall visit's screens at 80×24 in zh-CN and en-US, and the ticket in
//! elderly mode and to a screen reader: as the citizen sees them. Review
//! changes with `cargo insta review`.

mod common;

use common::screens::visit_screens;
use common::*;
use onestop::domain::Lang;
use onestop::kiosk::Screen;

/// The top of "A0" in big letters.
const BIG_A0: &str = "▄▀▀▄    ▄▀▀▄";

#[test]
fn every_visit_screen_in_both_languages() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        for (name, state) in visit_screens(lang) {
            insta::assert_snapshot!(format!("{name}_{lang}"), screen_text(&state));
        }
    }
}

#[test]
fn the_ticket_in_elderly_mode() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let (_, mut s) = visit_screens(lang).into_iter().find(|(n, _)| *n == "ticket").unwrap();
        s.elderly = true;
        insta::assert_snapshot!(format!("ticket_elderly_{lang}"), screen_text(&s));
        // A tall terminal: the banner too, the number still in big letters.
        send(&mut s, [onestop::kiosk::Msg::Resize(ratatui::layout::Size { width: 100, height: 40 })]);
        let text = screen_text(&s);
        assert!(text.contains(BIG_A0), "the number in big letters:\n{text}");
        insta::assert_snapshot!(format!("ticket_elderly_tall_{lang}"), text);
    }
}

#[test]
fn the_number_is_in_big_letters_and_spelled_out_to_a_screen_reader() {
    let (_, mut s) = visit_screens(Lang::EnUs).into_iter().find(|(n, _)| *n == "ticket").unwrap();
    let text = screen_text(&s);
    assert!(text.contains(BIG_A0) && text.contains("Your number: A023"), "{text}");
    s.screen_reader = true;
    let text = screen_text(&s);
    assert!(!text.contains(BIG_A0), "block letters are noise to a screen reader:\n{text}");
    // The whole line at the cursor: the number and its queue, never cut by the code beside.
    let mut terminal = render(&s, onestop::ui::Theme::standard());
    let cursor = terminal.get_cursor_position().unwrap();
    let line: String = (0..80).map(|x| terminal.backend().buffer()[(x, cursor.y)].symbol()).collect();
    assert_eq!(line.trim(), "Your number: A 0 2 3, Household registration and ID cards");
    insta::assert_snapshot!("ticket_screen_reader_en-US", text);
}

#[test]
fn the_key_bar_fits_and_the_cursor_rests_on_words_on_every_visit_screen_in_every_language() {
    for lang in Lang::ALL {
        for (name, mut state) in visit_screens(lang) {
            let terminal = render(&state, onestop::ui::Theme::standard());
            let buffer = terminal.backend().buffer();
            let (w, row) = (state.size.width, state.size.height - 2);
            let bar: String = (0..w).map(|x| buffer[(x, row)].symbol()).collect();
            assert_eq!(buffer[(w - 1, row)].symbol(), " ", "{name} {lang}: the key bar is cut: {bar}");
            // A screen reader reads the line the cursor is on: never a blank one.
            state.screen_reader = true;
            state.announce = false;
            let mut terminal = render(&state, onestop::ui::Theme::standard());
            let cursor = terminal.get_cursor_position().unwrap();
            let line: String = (0..w).map(|x| terminal.backend().buffer()[(x, cursor.y)].symbol()).collect();
            assert!(!line.trim().is_empty(), "{name} {lang}: the cursor on a blank row {cursor:?}");
            if matches!(state.screen(), Screen::Priority { .. } | Screen::TakeNumber(_)) && line.contains('▶')
            {
                assert!(line.contains("1."), "{name} {lang}: the first item is focused: {line}");
            }
        }
    }
}
