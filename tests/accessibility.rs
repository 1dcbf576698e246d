//! Accessibility across every screen: the cursor is where a screen reader
//! must read, elderly mode keeps menus short, themes carry meaning without
//! colour, and nothing is sent while nothing changes.

mod common;

use common::{pty::Kiosk, screens::all_screens, *};
use onestop::domain::{FetchError, Lang};
use onestop::kiosk::{Msg, Screen, State, layout, lookup::LookupField, update};
use onestop::ui::Theme;

fn screen_reader(mut state: State) -> State {
    state.screen_reader = true;
    state.announce = false;
    state
}

/// Whether the screen has an item that takes focus (drawn with ▶).
fn has_focus(state: &State) -> bool {
    !state.idle_warning
        && state.fits()
        && match state.screen() {
            Screen::BookDone { .. } | Screen::Guide { qr: true, .. } => false,
            Screen::BookDate { days, .. } => matches!(days, onestop::kiosk::Remote::Ready(_)),
            Screen::BookSlot { slots, .. } => matches!(slots, onestop::kiosk::Remote::Ready(_)),
            Screen::LookupResult { booking, .. } => booking.status == onestop::domain::BookingStatus::Active,
            _ => true,
        }
}

#[test]
fn on_every_screen_the_cursor_sits_on_the_focused_item() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        for (name, state) in all_screens(lang) {
            let state = screen_reader(state);
            let mut terminal = render(&state, Theme::standard());
            let cursor = terminal.get_cursor_position().unwrap();
            let row = terminal.backend().buffer().content()[cursor.y as usize * state.size.width as usize
                ..(cursor.y as usize + 1) * state.size.width as usize]
                .iter()
                .map(|c| c.symbol())
                .collect::<String>();
            if has_focus(&state) {
                assert!(
                    row.trim_start().starts_with('▶'),
                    "{name} {lang}: cursor row {} is {row:?}",
                    cursor.y
                );
                assert!(
                    row.find('▶').unwrap() < cursor.x as usize + 3,
                    "{name} {lang}: cursor beside the marker"
                );
            } else {
                let body = layout::bands(&state).body;
                assert!(
                    cursor.y <= body.y + 1,
                    "{name} {lang}: cursor at the top of the content, not row {}",
                    cursor.y
                );
            }
        }
    }
}

#[test]
fn a_new_message_is_announced_at_the_message_line() {
    let mut s = screen_reader(ready(Lang::EnUs));
    send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    let mut terminal = render(&s, Theme::standard());
    let notice = layout::bands(&s).notice;
    assert_eq!(terminal.get_cursor_position().unwrap().y, notice.y, "cursor on the message");
    // The next key: back to the focused item.
    send(&mut s, [key(crossterm::event::KeyCode::Down)]);
    let mut terminal = render(&s, Theme::standard());
    assert_ne!(terminal.get_cursor_position().unwrap().y, notice.y);
}

#[test]
fn elderly_mode_shows_at_most_six_choices_a_screen() {
    for (name, mut state) in all_screens(Lang::ZhCn) {
        state.elderly = true;
        let text = screen_text(&state);
        assert!(!text.contains("7. "), "{name}: a seventh choice on screen");
        insta::assert_snapshot!(format!("elderly_{name}"), text);
    }
}

/// Elderly mode at 80×33, tall enough for the banner above the body.
fn elderly_tall(mut state: State) -> State {
    state.elderly = true;
    update(&mut state, Msg::Resize(ratatui::layout::Size { width: 80, height: 33 }));
    state
}

#[test]
fn elderly_mode_names_each_screen_in_big_letters_where_there_is_room() {
    for (name, state) in all_screens(Lang::ZhCn) {
        let state = elderly_tall(state);
        let text = screen_text(&state);
        let banner: String = text.lines().skip(2).take(layout::BANNER_ROWS as usize).collect();
        assert!(banner.contains('█') && banner.contains('▄'), "{name}: no big letters\n{text}");
        assert!(!text.contains("7. "), "{name}: a seventh choice on screen");
        insta::assert_snapshot!(format!("elderly_tall_{name}"), text);
    }
    for lang in [Lang::EnUs, Lang::ZhHk] {
        insta::assert_snapshot!(
            format!("elderly_tall_welcome_{lang}"),
            screen_text(&elderly_tall(ready(lang)))
        );
    }
    // The idle warning calls for attention in big letters too.
    let mut idle = elderly_tall(ready(Lang::EnUs));
    send(&mut idle, [personal()]);
    let before = screen_text(&idle);
    let warned_at = idle.config.idle_timeout_ms - idle.config.idle_warning_ms;
    update(&mut idle, Msg::Tick(warned_at));
    assert!(idle.idle_warning);
    let text = screen_text(&idle);
    assert_ne!(text.lines().nth(4), before.lines().nth(4), "other big letters");
    insta::assert_snapshot!("elderly_tall_idle_warning_en-US", text);
    // Not to a screen reader (block letters are noise), nor at 80×24.
    let mut reader = elderly_tall(ready(Lang::ZhCn));
    reader.screen_reader = true;
    let mut small = elderly_tall(ready(Lang::ZhCn));
    update(&mut small, Msg::Resize(ratatui::layout::Size { width: 80, height: 24 }));
    for state in [reader, small] {
        assert!(layout::bands(&state).banner.is_none());
        assert!(!screen_text(&state).contains('█'));
    }
}

#[test]
fn in_elderly_mode_a_tap_lands_on_what_is_drawn_under_it() {
    let mut s = elderly_tall(ready(Lang::ZhCn));
    let text = screen_text(&s);
    let row = text.lines().position(|l| l.contains("5. ")).expect("法人办事, the fifth item") as u16;
    let click = |row| tap(10, row);
    send(&mut s, [click(row - 1)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)), "the blank row between items does nothing");
    send(&mut s, [click(row)]);
    assert!(matches!(s.screen(), Screen::Categories { audience: onestop::domain::Audience::Business, .. }));

    // Form fields have a blank row between them too; a tap on a field's
    // label or value focuses it, wherever the screen drew it.
    let mut s = elderly_tall(ready(Lang::ZhCn));
    send(&mut s, welcome_keys(onestop::kiosk::screen::WelcomeItem::MyBooking));
    let text = screen_text(&s);
    let label = text.lines().position(|l| l.contains("手机号后四位")).expect("the second field") as u16;
    send(&mut s, [click(label - 1)]);
    assert!(matches!(s.screen(), Screen::Lookup { focus: LookupField::Code, .. }), "blank row");
    send(&mut s, [click(label + 1)]);
    assert!(matches!(s.screen(), Screen::Lookup { focus: LookupField::PhoneLast4, .. }), "value row");
    send(&mut s, [click(label - 2)]);
    assert!(matches!(s.screen(), Screen::Lookup { focus: LookupField::Code, .. }), "first value row");
}

#[test]
fn themes_carry_meaning_beyond_colour() {
    for (theme_name, theme) in
        [("high_contrast", Theme::high_contrast()), ("monochrome", Theme::monochrome())]
    {
        for (name, state) in all_screens(Lang::ZhCn) {
            let terminal = render(&state, theme);
            // The buffer's debug form keeps every style: the snapshot shows them.
            insta::assert_snapshot!(
                format!("{theme_name}_{name}"),
                format!("{:?}", terminal.backend().buffer())
            );
            if theme.monochrome {
                let coloured =
                    terminal.backend().buffer().content().iter().any(|c| {
                        c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset
                    });
                assert!(!coloured, "{name}: a colour in the monochrome theme");
            }
        }
    }
    // Errors say so in words, and focus has a marker, whatever the colours.
    let (_, errors) = all_screens(Lang::EnUs).into_iter().find(|(n, _)| *n == "book_details_errors").unwrap();
    let text = screen_text(&errors);
    assert!(text.contains("Error: enter your name") && text.contains('▶'));
}

#[test]
fn no_color_means_no_colour_escapes_from_the_real_binary() {
    let data = tempfile::tempdir().unwrap();
    let mut k = Kiosk::start(&["--data-dir", data.path().to_str().unwrap()], &[("NO_COLOR", "1")], 80, 24);
    k.wait_for("户籍与身份证");
    k.send(&format!("{}1\r", personal_key()));
    k.wait_for("申请材料");
    k.send("p");
    k.wait_for("扫码带走材料清单");
    let raw = String::from_utf8_lossy(&k.raw.lock().unwrap()).into_owned();
    for sgr in [
        "[38;", "[48;", "[30m", "[31m", "[32m", "[33m", "[34m", "[36m", "[37m", "[40m", "[47m", "[90m",
        "[91m",
    ] {
        assert!(!raw.contains(sgr), "colour escape {sgr:?} with NO_COLOR");
    }
    k.quit();
}

#[test]
fn in_screen_reader_mode_an_idle_screen_sends_nothing() {
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("a11y.toml");
    std::fs::write(&config, "[session]\nscreen_reader = true\n").unwrap();
    let args = ["--data-dir", data.path().to_str().unwrap(), "--config", config.to_str().unwrap()];
    let mut k = Kiosk::start(&args, &[], 80, 24);
    k.wait_for("户籍与身份证");
    k.send(&personal_key());
    k.wait_for("请选择服务分类");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let before = k.raw.lock().unwrap().len();
    std::thread::sleep(std::time::Duration::from_secs(5));
    assert_eq!(k.raw.lock().unwrap().len(), before, "bytes sent to an idle screen");
    k.quit();
}

#[test]
fn on_the_search_screen_one_focus_moves_between_the_query_and_the_results() {
    let mut s = screen_reader(ready(Lang::EnUs));
    s.search_index = Some(std::sync::Arc::new(onestop::search::SearchIndex::build(&demo_catalog())));
    send(&mut s, [ch('/'), Msg::Paste("shebao".into())]);
    let focus = |s: &State| {
        let mut terminal = render(s, Theme::standard());
        let cursor = terminal.get_cursor_position().unwrap();
        let text = terminal.backend().to_string();
        let markers = text.matches('▶').count();
        let row = text.lines().nth(cursor.y as usize).unwrap().to_owned();
        (markers, row)
    };
    let (markers, row) = focus(&s);
    assert_eq!(markers, 1, "one focus");
    assert!(row.contains("▶ Search:[shebao]"), "typing: the cursor in the query, {row}");
    send(&mut s, [key(crossterm::event::KeyCode::Down), key(crossterm::event::KeyCode::Down)]);
    let (markers, row) = focus(&s);
    assert_eq!(markers, 1, "one focus");
    assert!(row.contains("▶ 2."), "browsing: the cursor on the second result, {row}");
    send(&mut s, [key(crossterm::event::KeyCode::Up), key(crossterm::event::KeyCode::Up)]);
    assert!(focus(&s).1.contains("▶ Search:"), "↑ from the first result: back to the query");
    send(&mut s, [ch('x')]);
    assert!(focus(&s).1.contains("▶ Search:[shebaox]"), "typing goes on in the query");
}

#[test]
fn on_the_search_screen_keys_for_the_query_bring_the_focus_back_to_it_and_pages_turn() {
    let mut s = ready(Lang::EnUs);
    s.search_index = Some(std::sync::Arc::new(onestop::search::SearchIndex::build(&demo_catalog())));
    send(&mut s, [ch('/'), Msg::Paste("shebao".into()), key(crossterm::event::KeyCode::Down)]);
    // Home while a result is chosen: back to the query, the caret stays at the end.
    send(&mut s, [key(crossterm::event::KeyCode::Home), ch('x')]);
    assert_eq!(s.search.text, "shebaox");
    // PgDn turns a page of results (the focus goes to them), PgUp comes back.
    let mut s = ready(Lang::EnUs);
    s.search_index = Some(std::sync::Arc::new(onestop::search::SearchIndex::build(&demo_catalog())));
    send(&mut s, [ch('/'), Msg::Paste("id card".into())]);
    assert!(screen_text(&s).contains("Page 1 of"), "{}", screen_text(&s));
    send(&mut s, [key(crossterm::event::KeyCode::PageDown)]);
    assert!(screen_text(&s).contains("Page 2 of"), "{}", screen_text(&s));
    send(&mut s, [key(crossterm::event::KeyCode::PageUp)]);
    assert!(screen_text(&s).contains("Page 1 of"));
}

#[test]
fn in_screen_reader_mode_a_field_reads_as_one_line_and_errors_are_summed_up_first() {
    use crossterm::event::KeyCode;
    let mut s = screen_reader(common::screens::booking_screen(Lang::EnUs, "book_details"));
    send(&mut s, [key(KeyCode::Enter), key(KeyCode::Enter)]); // Continue with nothing typed
    let mut terminal = render(&s, Theme::standard());
    let text = terminal.backend().to_string();
    let line = text.lines().find(|l| l.contains("Name:")).expect("the name field's line");
    assert!(
        line.contains("▶ Name: []") && line.contains("Error"),
        "label, value and error on one line: {line}"
    );
    let summary_row = layout::bands(&s).body.y + 2;
    assert_eq!(terminal.get_cursor_position().unwrap().y, summary_row, "the summary is heard first");
    assert!(text.contains("3 answers need correcting"), "{text}");
    // Typing a good name: its error goes at once, and the summary counts two.
    send(&mut s, [Msg::Paste("Li Wei".into())]);
    let text = screen_text(&s);
    let line = text.lines().find(|l| l.contains("Name:")).unwrap();
    assert!(!line.contains("Error"), "{line}");
    let Screen::BookDetails { errors, .. } = s.screen() else { panic!() };
    assert_eq!(errors.len(), 2);
    // And the next key brings the cursor back to the field.
    let mut terminal = render(&s, Theme::standard());
    assert_eq!(
        terminal.get_cursor_position().unwrap().y,
        layout::form_window(&s, layout::bands(&s).body).unwrap().0
    );
}
