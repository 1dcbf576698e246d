//! The on-screen keyboard and the built-in Chinese input, driven through
//! `update` as a touch screen and a bare keyboard would drive them.

mod common;

use common::{screens::booking_screen, *};
use crossterm::event::KeyCode;
use onestop::domain::{IdKind, Lang};
use onestop::kiosk::input::keyboard::{Key, Touch};
use onestop::kiosk::{Screen, State, layout, typing};
use ratatui::layout::Size;

/// The details form at `size`, with the keyboard set to `touch`.
fn details(lang: Lang, size: (u16, u16), elderly: bool, touch: Touch) -> State {
    let mut s = booking_screen(lang, "book_details");
    s.config.touch = touch;
    s.elderly = elderly;
    send(&mut s, [Msg::Resize(Size { width: size.0, height: size.1 })]);
    s
}

use onestop::kiosk::Msg;

/// Taps the key `key` where the keyboard shows it.
fn tap_key(s: &mut State, key: Key) {
    let caps = typing::caps(s);
    let cap = caps.iter().find(|c| c.key == key).unwrap_or_else(|| panic!("no {key:?} on {caps:?}"));
    send(s, [tap(cap.area.x + cap.area.width / 2, cap.area.y)]);
}

fn tap_chars(s: &mut State, text: &str) {
    for c in text.chars() {
        tap_key(s, Key::Char(c));
    }
}

fn name(s: &State) -> String {
    s.draft.as_ref().unwrap().details.name.text.clone()
}

#[test]
fn auto_shows_the_keyboard_after_the_first_tap_and_not_to_a_screen_reader() {
    let mut s = details(Lang::ZhCn, (80, 24), false, Touch::Auto);
    assert!(!typing::visible(&s), "no tap yet: a desk or SSH keyboard types as always");
    send(&mut s, [ch('w')]);
    assert_eq!(name(&s), "w", "without the keyboard a letter is just a letter");
    // A tap on the name field: the keyboard appears.
    let (top, _) = layout::form_window(&s, layout::bands(&s).body).unwrap();
    send(&mut s, [tap(4, top + 1)]);
    assert!(typing::visible(&s));
    let mut reader = details(Lang::ZhCn, (80, 24), false, Touch::Auto);
    reader.screen_reader = true;
    send(&mut reader, [tap(4, top + 1)]);
    assert!(!typing::visible(&reader), "in screen-reader mode only when asked");
    send(&mut reader, [key(KeyCode::F(3))]);
    assert!(typing::visible(&reader), "F3 asks for it");
    let mut off = details(Lang::ZhCn, (80, 24), false, Touch::Off);
    send(&mut off, [tap(4, top + 1)]);
    assert!(!typing::visible(&off));
    send(&mut off, [key(KeyCode::F(3))]);
    assert!(typing::visible(&off));
    send(&mut off, [key(KeyCode::F(3))]);
    assert!(!typing::visible(&off), "F3 hides it again");
}

#[test]
fn a_whole_form_by_taps_name_through_pinyin() {
    let mut s = details(Lang::ZhCn, (80, 24), false, Touch::On);
    for (letters, pick) in [("wang", "王"), ("xiu", "秀"), ("ying", "英")] {
        tap_chars(&mut s, letters);
        let shown = typing::candidates(&s);
        assert_eq!(shown.first().map(|c| c.text.as_str()), Some(pick), "{letters}: {shown:?}");
        tap_key(&mut s, Key::Candidate(0));
    }
    assert_eq!(name(&s), "王秀英");
    tap_key(&mut s, Key::Next);
    assert!(matches!(s.screen(), Screen::BookDetails { focus: onestop::kiosk::booking::Field::Phone, .. }));
    tap_chars(&mut s, "13812345678");
    tap_key(&mut s, Key::Next);
    tap_key(&mut s, Key::Next); // the document type stays 居民身份证
    tap_chars(&mut s, "11010519491231002X");
    tap_key(&mut s, Key::Next); // Done
    assert!(matches!(s.screen(), Screen::BookCheck { .. }), "{}", screen_text(&s));
}

#[test]
fn pinyin_composes_from_physical_letters_while_the_keyboard_shows() {
    let mut s = details(Lang::ZhCn, (80, 24), false, Touch::On);
    send(&mut s, "wangxiuying".chars().map(ch));
    assert_eq!(name(&s), "", "letters compose, not type");
    assert_eq!(s.keyboard.composition.display(), "wang'xiu'ying");
    send(&mut s, [ch(' '), ch('1')]);
    assert_eq!(name(&s), "王秀", "space takes the first, a digit picks");
    send(&mut s, [key(KeyCode::Backspace), key(KeyCode::Backspace)]);
    assert_eq!(s.keyboard.composition.letters(), "yi", "backspace edits the composition");
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(s.keyboard.composition.is_empty(), "Esc drops the composition…");
    assert!(matches!(s.screen(), Screen::BookDetails { .. }), "…and does not leave the form");
    send(&mut s, "li".chars().map(ch));
    send(&mut s, [key(KeyCode::Enter)]);
    assert_eq!(name(&s), "王秀li", "Enter commits the letters as typed");
    // Latin for a name in Latin script: capitals at the start of each word.
    let mut en = details(Lang::ZhCn, (80, 24), false, Touch::On);
    tap_key(&mut en, Key::Language);
    tap_chars(&mut en, "LI");
    tap_key(&mut en, Key::Space);
    tap_chars(&mut en, "WEI");
    assert_eq!(name(&en), "Li Wei");
}

#[test]
fn strokes_narrow_the_candidates_and_page_keys_turn_pages() {
    let mut s = details(Lang::ZhCn, (80, 24), false, Touch::On);
    tap_key(&mut s, Key::Script);
    assert_eq!(typing::layout(&s), Some(onestop::kiosk::input::keyboard::Layout::Strokes));
    send(&mut s, "hhsh".chars().map(ch));
    let shown = typing::candidates(&s);
    assert!(shown.iter().take(9).any(|c| c.text == "王"), "王 on the first page: {shown:?}");
    let first = shown[0].text.clone();
    tap_key(&mut s, Key::NextPage);
    assert_ne!(typing::candidates(&s)[0].text, first, "a new page");
    tap_key(&mut s, Key::PrevPage);
    assert_eq!(typing::candidates(&s)[0].text, first);
}

#[test]
fn arrows_walk_the_keys_enter_presses_and_a_screen_reader_hears_the_key() {
    let mut s = details(Lang::EnUs, (80, 24), false, Touch::On);
    s.screen_reader = true;
    send(&mut s, [key(KeyCode::Tab)]); // the phone field: one row of digits
    send(&mut s, [key(KeyCode::Right), key(KeyCode::Right), key(KeyCode::Enter)]);
    assert_eq!(
        s.draft.as_ref().unwrap().details.phone.text,
        "2",
        "the first arrow lands on 1, the next on 2"
    );
    let caps = typing::caps(&s);
    let focused = caps[s.keyboard.focus.unwrap()];
    let mut terminal = render(&s, onestop::ui::Theme::standard());
    let cursor = terminal.get_cursor_position().unwrap();
    assert_eq!((cursor.x, cursor.y), (focused.area.x + 1, focused.area.y), "the cursor is on the key");
}

#[test]
fn the_field_being_typed_stays_in_sight_above_the_keyboard() {
    for (size, elderly) in [((80, 24), false), ((80, 24), true), ((120, 40), false), ((120, 40), true)] {
        for lang in Lang::ALL {
            let mut s = details(lang, size, elderly, Touch::On);
            for _ in 0..4 {
                let bands = layout::bands(&s);
                let keyboard = bands.keyboard.expect("the keyboard shows");
                let (top, first) = layout::form_window(&s, bands.body).unwrap();
                let Screen::BookDetails { focus, .. } = s.screen() else { panic!() };
                let index = onestop::kiosk::booking::Field::ALL.iter().position(|f| f == focus).unwrap();
                let value_row = top + (index - first) as u16 * layout::field_pitch(&s) + 1;
                assert!(
                    value_row < keyboard.y,
                    "{lang} {size:?} elderly={elderly}: field {index} under the keys"
                );
                let text = screen_text(&s);
                assert!(text.contains('▶'), "the focused field is drawn");
                send(&mut s, [key(KeyCode::Tab)]);
            }
        }
    }
}

#[test]
fn each_field_gets_its_own_layout() {
    use onestop::kiosk::input::keyboard::Layout;
    let mut s = details(Lang::ZhCn, (80, 24), false, Touch::On);
    assert_eq!(typing::layout(&s), Some(Layout::Pinyin));
    send(&mut s, [key(KeyCode::Tab)]);
    assert_eq!(typing::layout(&s), Some(Layout::Phone));
    send(&mut s, [key(KeyCode::Tab)]);
    assert_eq!(typing::layout(&s), None, "the document type is a choice: ← → only");
    send(&mut s, [key(KeyCode::Tab)]);
    assert_eq!(typing::layout(&s), Some(Layout::DigitsX));
    s.draft.as_mut().unwrap().details.id_kind = IdKind::Passport;
    assert_eq!(typing::layout(&s), Some(Layout::Latin));
    let en = details(Lang::EnUs, (80, 24), false, Touch::On);
    assert_eq!(typing::layout(&en), Some(Layout::Latin), "an English session starts on Latin letters");
    let mut l = ready(Lang::ZhCn);
    l.config.touch = Touch::On;
    send(&mut l, [welcome(onestop::kiosk::screen::WelcomeItem::MyBooking)]);
    assert_eq!(typing::layout(&l), Some(Layout::Crockford));
    send(&mut l, [key(KeyCode::Tab)]);
    assert_eq!(typing::layout(&l), Some(Layout::Digits));
}

#[test]
fn a_tap_on_the_key_bar_acts_as_its_key() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [personal(), ch('1'), key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Guide { .. }));
    let hints = onestop::kiosk::keybar::hints(&s);
    let book = hints.iter().find(|h| h.key == "Enter").unwrap();
    let row = layout::bands(&s).status.y;
    send(&mut s, [tap(book.x + 1, row)]);
    assert!(matches!(s.screen(), Screen::BookHall(_)), "Enter 预约办理, tapped, books");
    let back = onestop::kiosk::keybar::hints(&s).into_iter().find(|h| h.key == "Esc").unwrap();
    send(&mut s, [tap(back.x, row)]);
    assert!(matches!(s.screen(), Screen::Guide { .. }), "Esc 返回, tapped, goes back");
}

/// Each layout as a citizen sees it: 80×24 and 120×40, three languages,
/// and in elderly mode.
#[test]
fn every_layout_in_every_language_and_size() {
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (120, 40)] {
            for elderly in [false, true] {
                if elderly && lang != Lang::ZhCn {
                    continue;
                }
                for (layout, s) in layouts(lang, (w, h), elderly) {
                    let mode = if elderly { "_elderly" } else { "" };
                    insta::assert_snapshot!(format!("{layout}_{w}x{h}{mode}_{lang}"), screen_text(&s));
                }
            }
        }
    }
}

fn layouts(lang: Lang, size: (u16, u16), elderly: bool) -> Vec<(&'static str, State)> {
    let mut out = vec![];
    let mut s = details(lang, size, elderly, Touch::On);
    if typing::layout(&s) != Some(onestop::kiosk::input::keyboard::Layout::Pinyin) {
        tap_key(&mut s, Key::Language);
    }
    send(&mut s, "wang".chars().map(ch));
    out.push(("pinyin", s.clone()));
    let mut strokes = details(lang, size, elderly, Touch::On);
    if !typing::layout(&strokes).is_some_and(|l| l.composes()) {
        tap_key(&mut strokes, Key::Language);
    }
    while typing::layout(&strokes) != Some(onestop::kiosk::input::keyboard::Layout::Strokes) {
        tap_key(&mut strokes, Key::Script);
    }
    send(&mut strokes, "hhsh".chars().map(ch));
    out.push(("strokes", strokes));
    let mut latin = details(lang, size, elderly, Touch::On);
    while typing::layout(&latin) != Some(onestop::kiosk::input::keyboard::Layout::Latin) {
        tap_key(&mut latin, Key::Language);
    }
    out.push(("latin", latin));
    send(&mut s, [key(KeyCode::Esc), key(KeyCode::Tab)]);
    out.push(("phone", s.clone()));
    send(&mut s, [key(KeyCode::Tab), key(KeyCode::Tab)]);
    out.push(("id_digits", s.clone()));
    let mut l = ready(lang);
    l.config.touch = Touch::On;
    l.elderly = elderly;
    send(&mut l, [Msg::Resize(Size { width: size.0, height: size.1 })]);
    send(&mut l, welcome_keys(onestop::kiosk::screen::WelcomeItem::MyBooking));
    out.push(("code", l.clone()));
    send(&mut l, [key(KeyCode::Tab)]);
    out.push(("digits", l));
    out
}

#[test]
fn the_held_place_counts_its_last_minute_and_an_expiry_does_not_take_the_next_key() {
    let mut s = details(Lang::EnUs, (80, 24), false, Touch::Auto);
    s.config.idle_timeout_ms = 3_600_000; // no idle reset in between
    send(&mut s, [Msg::Paste("Li Wei".into())]);
    let expires = s.draft.as_ref().unwrap().hold.as_ref().unwrap().expires_at_ms;
    send(&mut s, [Msg::Tick(expires - 61_000)]);
    assert!(screen_text(&s).contains("about 2 minutes"), "{}", screen_text(&s));
    let effects = send(&mut s, [Msg::Tick(expires - 45_000)]);
    assert!(effects.contains(&onestop::kiosk::Effect::Redraw), "the last minute ticks");
    assert!(screen_text(&s).contains("45 more seconds"), "{}", screen_text(&s));
    // It runs out: the slots again, the answers kept, and a digit typed at
    // that very moment does not take another slot.
    send(&mut s, [Msg::Tick(expires)]);
    assert!(matches!(s.screen(), Screen::BookSlot { .. }));
    assert_eq!(s.draft.as_ref().unwrap().details.name.text, "Li Wei", "what was typed is kept");
    let effects = send(&mut s, [ch('1')]);
    assert!(effects.is_empty() && matches!(s.screen(), Screen::BookSlot { .. }), "the key waited");
    send(&mut s, [Msg::Tick(expires + 1_000)]);
    assert!(s.now_ms >= s.input_guard_until_ms, "a second later keys work again");
}

#[test]
fn a_screen_reader_hears_the_last_minute_once_and_nothing_ticks() {
    let mut s = details(Lang::EnUs, (80, 24), false, Touch::Auto);
    s.config.idle_timeout_ms = 3_600_000;
    s.screen_reader = true;
    let expires = s.draft.as_ref().unwrap().hold.as_ref().unwrap().expires_at_ms;
    assert!(send(&mut s, [Msg::Tick(expires - 120_000)]).is_empty(), "nothing ticks");
    let effects = send(&mut s, [Msg::Tick(expires - 59_000)]);
    assert_eq!(s.notice, Some(onestop::kiosk::Notice::HoldEnding));
    assert!(effects.contains(&onestop::kiosk::Effect::Redraw));
    send(&mut s, [ch('a')]);
    assert!(send(&mut s, [Msg::Tick(expires - 30_000)]).is_empty(), "said once");
    assert_eq!(s.notice, None);
}

#[test]
fn search_offers_the_catalogues_words_and_hong_kong_gets_traditional_characters() {
    let mut s = ready(Lang::ZhCn);
    s.config.touch = Touch::On;
    let index = onestop::search::SearchIndex::build(&demo_catalog());
    send(&mut s, [Msg::IndexBuilt(std::sync::Arc::new(index)), ch('/')]);
    send(&mut s, "shebao".chars().map(ch));
    assert_eq!(typing::candidates(&s)[0].text, "社保", "{:?}", typing::candidates(&s));
    send(&mut s, [ch(' ')]);
    assert_eq!(s.search.text, "社保");
    let Screen::Search { hits, .. } = s.screen() else { panic!() };
    assert!(!hits.is_empty(), "the word found services");
    let mut hk = details(Lang::ZhHk, (80, 24), false, Touch::On);
    send(&mut hk, "zhang".chars().map(ch));
    assert_eq!(typing::candidates(&hk)[0].text, "張");
}

#[test]
fn in_the_last_minute_the_place_can_be_kept_longer_twice() {
    use onestop::domain::{BookingFailure, Hold};
    use onestop::kiosk::Effect;
    let mut s = details(Lang::ZhCn, (80, 24), false, Touch::Auto);
    s.config.idle_timeout_ms = 3_600_000;
    let expires = s.draft.as_ref().unwrap().hold.as_ref().unwrap().expires_at_ms;
    send(&mut s, [Msg::Tick(expires - 120_000)]);
    assert!(send(&mut s, [key(KeyCode::F(4))]).is_empty(), "not before the last minute");
    send(&mut s, [Msg::Tick(expires - 50_000)]);
    assert!(screen_text(&s).contains("F4"), "the form says how: {}", screen_text(&s));
    let hint = onestop::kiosk::keybar::hints(&s).into_iter().find(|h| h.key == "F4").expect("a hint to tap");
    let row = layout::bands(&s).status.y;
    let effects = send(&mut s, [tap(hint.x + 1, row)]);
    assert_eq!(effects, vec![Effect::ExtendHold { id: "h1".into() }], "the hint, tapped, asks");
    assert!(send(&mut s, [key(KeyCode::F(4))]).is_empty(), "one request at a time");
    let kept = Hold { id: "h1".into(), expires_at: String::new(), expires_in: 300 };
    send(&mut s, [Msg::HoldExtended(Ok(kept.clone()))]);
    assert_eq!(s.notice, Some(onestop::kiosk::Notice::HoldKept));
    let now = s.now_ms;
    assert_eq!(s.draft.as_ref().unwrap().hold.as_ref().unwrap().expires_at_ms, now + 300_000);
    send(&mut s, [Msg::Tick(now + 250_000), key(KeyCode::F(4)), Msg::HoldExtended(Ok(kept))]);
    send(&mut s, [Msg::Tick(now + 500_000)]);
    assert!(send(&mut s, [key(KeyCode::F(4))]).is_empty(), "twice at most");
    // A refusal is said, and the last minute runs on.
    let mut r = details(Lang::ZhCn, (80, 24), false, Touch::Auto);
    r.config.idle_timeout_ms = 3_600_000;
    send(&mut r, [Msg::Tick(expires - 30_000), key(KeyCode::F(4))]);
    send(&mut r, [Msg::HoldExtended(Err(BookingFailure::NotExtended))]);
    assert_eq!(r.notice, Some(onestop::kiosk::Notice::Booking(BookingFailure::NotExtended)));
    assert!(onestop::kiosk::keybar::hints(&r).iter().all(|h| h.key != "F4"), "not offered again");
}
