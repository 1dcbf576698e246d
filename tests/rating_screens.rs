//! The rating and report screens at 80×24 in zh-CN and en-US, in elderly
//! mode, and to a screen reader (the cursor on words, the key bar whole,
//! in every language). Review changes with `cargo insta review`.

mod common;

use common::screens::visit_queues;
use common::*;
use crossterm::event::KeyCode;
use onestop::domain::{Audience, Lang};
use onestop::kiosk::rating::Refusal;
use onestop::kiosk::screen::{WelcomeItem, welcome_items};
use onestop::kiosk::{Msg, State};

fn digit(item: WelcomeItem) -> Msg {
    let i = welcome_items().iter().position(|w| *w == item).unwrap();
    ch(char::from(b'1' + i as u8))
}

/// (name, state) for every rating and report screen, in the order met.
fn rating_screens(lang: Lang) -> Vec<(&'static str, State)> {
    let mut out = vec![];
    let mut s = ready(lang);
    send(&mut s, [digit(WelcomeItem::Rate), Msg::QueuesLoaded(Ok(visit_queues(true, false)))]);
    out.push(("rate_number", s.clone()));
    let mut wrong = s.clone();
    send(&mut wrong, [Msg::Paste("Z01".into()), key(KeyCode::Enter)]);
    out.push(("rate_number_format", wrong));
    let mut link = s.clone();
    send(&mut link, [Msg::Paste("HTTP://127.0.0.1:8080/M/ABCDEFGHJKMNPQRS".into()), key(KeyCode::Enter)]);
    out.push(("rate_link_read", link));
    send(&mut s, [Msg::Paste("A023".into()), key(KeyCode::Enter)]);
    out.push(("rate_service", s.clone()));
    send(&mut s, [ch('1')]);
    out.push(("rate_level", s.clone()));
    let mut good = s.clone();
    send(&mut good, [ch('1')]);
    out.push(("rate_sending", good.clone()));
    send(&mut good, [Msg::Rated(Ok(()))]);
    out.push(("rate_thanks", good));
    let mut refused = s.clone();
    send(&mut refused, [ch('2'), Msg::Rated(Err(Refusal::AlreadyRated))]);
    out.push(("rate_already_rated", refused));
    send(&mut s, [ch('5')]);
    out.push(("rate_reason", s.clone()));
    send(&mut s, [ch('1'), Msg::Paste("等了一个多小时，窗口只开了一个".into())]);
    out.push(("rate_words", s));

    let mut g = ready(lang);
    send(&mut g, [digit(WelcomeItem::Browse(Audience::Personal)), ch('1'), ch('1')]);
    out.push(("report_guide", g.clone()));
    send(&mut g, [ch('r')]);
    out.push(("report_what", g.clone()));
    send(&mut g, [ch('1'), Msg::Paste("少了户口簿".into())]);
    out.push(("report_words", g.clone()));
    send(&mut g, [key(KeyCode::Enter), Msg::Reported(Ok(()))]);
    out.push(("report_thanks", g));
    out
}

#[test]
fn every_rating_screen_in_both_languages() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        for (name, state) in rating_screens(lang) {
            insta::assert_snapshot!(format!("{name}_{lang}"), screen_text(&state));
        }
    }
}

#[test]
fn the_levels_and_the_thanks_in_elderly_mode() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        for (name, mut s) in rating_screens(lang) {
            if !matches!(name, "rate_level" | "rate_reason" | "rate_thanks" | "report_what") {
                continue;
            }
            s.elderly = true;
            let text = screen_text(&s);
            insta::assert_snapshot!(format!("{name}_elderly_{lang}"), text);
        }
    }
}

#[test]
fn the_key_bar_fits_and_the_cursor_rests_on_words_on_every_rating_screen_in_every_language() {
    for lang in Lang::ALL {
        for (name, mut state) in rating_screens(lang) {
            for elderly in [false, true] {
                state.elderly = elderly;
                let terminal = render(&state, onestop::ui::Theme::standard());
                let buffer = terminal.backend().buffer();
                let (w, row) = (state.size.width, state.size.height - 2);
                let bar: String = (0..w).map(|x| buffer[(x, row)].symbol()).collect();
                assert_eq!(buffer[(w - 1, row)].symbol(), " ", "{name} {lang}: the key bar is cut: {bar}");
            }
            state.elderly = false;
            state.screen_reader = true;
            state.announce = false;
            let mut terminal = render(&state, onestop::ui::Theme::standard());
            let cursor = terminal.get_cursor_position().unwrap();
            let line: String = (0..80).map(|x| terminal.backend().buffer()[(x, cursor.y)].symbol()).collect();
            assert!(!line.trim().is_empty(), "{name} {lang}: the cursor on a blank row {cursor:?}");
        }
    }
}
