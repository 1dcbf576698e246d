//! The core's behaviour, driven by messages alone: no terminal, no network.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyModifiers};
use onestop::domain::{Audience, FetchError, Lang};
use onestop::kiosk::screen::WelcomeItem;
use onestop::kiosk::{CatalogState, Effect, Msg, Notice, Screen, update};

#[test]
fn a_new_session_starts_at_welcome_and_loads_the_catalogue() {
    let state = session(Lang::ZhCn, (80, 24));
    assert!(matches!(state.screen(), Screen::Welcome(_)));
    let (_, effects) = onestop::kiosk::State::new(state.config.clone(), state.size);
    assert_eq!(effects, vec![Effect::LoadCatalog { etag: None }, Effect::LoadPolicies { etag: None }]);
}

#[test]
fn digits_walk_from_welcome_to_a_guide_and_back() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [personal()]);
    assert!(matches!(s.screen(), Screen::Categories { audience: Audience::Personal, .. }));
    send(&mut s, [ch('1')]);
    let Screen::Services { category, .. } = s.screen() else { panic!("not on services: {:?}", s.screen()) };
    assert_eq!(category, "household");
    send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Guide { focus: 0, .. }));
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Services { .. }));
    send(&mut s, [key(KeyCode::Backspace)]);
    assert!(matches!(s.screen(), Screen::Categories { .. }));
    send(&mut s, [ch('1'), key(KeyCode::Enter), key(KeyCode::Home)]);
    assert_eq!(s.screens.len(), 1);
    // Back on Welcome stays on Welcome.
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)));
}

#[test]
fn going_back_keeps_the_choice_that_was_focused() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [personal(), key(KeyCode::Down), key(KeyCode::Down), key(KeyCode::Enter)]);
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Categories { menu, .. } if menu.selected == 2));
}

#[test]
fn focus_stops_at_both_ends_of_a_list() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [key(KeyCode::Up)]);
    assert!(matches!(s.screen(), Screen::Welcome(m) if m.selected == 0));
    send(&mut s, (0..20).map(|_| key(KeyCode::Down)));
    assert!(
        matches!(s.screen(), Screen::Welcome(m) if m.selected == onestop::kiosk::screen::welcome_items().len() - 1)
    );
}

#[test]
fn a_digit_beyond_the_list_does_nothing() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [business()]);
    assert!(matches!(s.screen(), Screen::Categories { audience: Audience::Business, .. }));
    send(&mut s, [ch('9')]);
    assert!(matches!(s.screen(), Screen::Categories { .. }));
}

#[test]
fn the_guide_scrolls_part_by_part_within_bounds() {
    let mut s = ready(Lang::EnUs);
    send(&mut s, [personal(), ch('1'), ch('1')]);
    send(&mut s, (0..100).map(|_| key(KeyCode::Down)));
    let Screen::Guide { service, focus, .. } = s.screen().clone() else { panic!() };
    let svc = s.catalog().unwrap().services.iter().find(|x| x.id == service).unwrap().clone();
    assert_eq!(focus, onestop::kiosk::screen::guide_parts(&svc).len() - 1);
    send(&mut s, [key(KeyCode::PageUp), key(KeyCode::Up)]);
    assert!(matches!(s.screen(), Screen::Guide { focus: f, .. } if *f == focus - 4));
}

#[test]
fn f2_cycles_the_language_and_welcome_items_choose_one() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [key(KeyCode::F(2))]);
    assert_eq!(s.lang, Lang::EnUs);
    send(&mut s, [key(KeyCode::F(2))]);
    assert_eq!(s.lang, Lang::ZhHk);
    // English, on Welcome's second page (after the visit items, rating and 政策查询).
    let english = onestop::kiosk::screen::welcome_items()
        .iter()
        .position(|w| *w == WelcomeItem::Language(Lang::EnUs))
        .unwrap();
    send(&mut s, (0..english).map(|_| key(KeyCode::Down)).chain([key(KeyCode::Enter)]));
    assert_eq!(s.lang, Lang::EnUs);
    assert!(matches!(s.screen(), Screen::Welcome(_)), "choosing a language stays on Welcome");
}

#[test]
fn quit_ends_the_session_unless_locked_down() {
    let mut s = ready(Lang::ZhCn);
    assert_eq!(send(&mut s, [ch('q')]), vec![Effect::EndSession]);
    let ctrl_c = Msg::Key(crossterm::event::KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(send(&mut s, [ctrl_c.clone()]), vec![Effect::EndSession]);
    s.config.lockdown = true;
    assert_eq!(send(&mut s, [ch('q'), ctrl_c]), vec![]);
}

#[test]
fn an_unreachable_backend_is_explained_and_can_be_retried() {
    let mut s = session(Lang::ZhCn, (80, 24));
    send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    assert!(matches!(s.catalog, CatalogState::Failed(FetchError::Offline)));
    assert_eq!(s.notice, Some(Notice::Unavailable(FetchError::Offline)));
    // Keys still work: browsing explains instead of failing.
    send(&mut s, [personal()]);
    assert!(matches!(s.screen(), Screen::Welcome(_)));
    assert_eq!(send(&mut s, [ch('r')]), vec![Effect::LoadCatalog { etag: None }]);
    assert!(matches!(s.catalog, CatalogState::Loading));
    send(&mut s, [personal()]);
    assert_eq!(s.notice, Some(Notice::StillLoading));
    send(&mut s, [Msg::CatalogLoaded(Ok(Some(demo_catalog())))]);
    assert_eq!(s.notice, None);
    send(&mut s, [personal()]);
    assert!(matches!(s.screen(), Screen::Categories { .. }));
}

#[test]
fn a_failed_refresh_keeps_the_catalogue_on_screen() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Timeout))]);
    assert!(matches!(s.catalog, CatalogState::Ready(_)));
    send(&mut s, [personal()]);
    assert!(matches!(s.screen(), Screen::Categories { .. }));
}

#[test]
fn a_click_chooses_the_item_under_it() {
    let mut s = ready(Lang::ZhCn);
    // Welcome's heading is on row 2, a note on row 3, then one item a row from row 4
    // (取号, 预约签到 and 评价 first, then 个人办事 and 法人办事).
    let click = |row| tap(10, row);
    send(&mut s, [click(3)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)), "a click beside the items does nothing");
    send(&mut s, [click(8)]);
    assert!(matches!(s.screen(), Screen::Categories { audience: Audience::Business, .. }));
}

#[test]
fn a_resize_is_remembered_and_keys_wait_while_the_window_is_too_small() {
    let mut s = ready(Lang::ZhCn);
    assert!(s.fits());
    update(&mut s, Msg::Resize(ratatui::layout::Size { width: 60, height: 20 }));
    assert!(!s.fits());
    // Nothing happens unseen: keys, pastes and clicks wait for a window that shows them.
    send(&mut s, [personal(), key(KeyCode::Enter), Msg::Paste("abc".into())]);
    assert!(matches!(s.screen(), Screen::Welcome(_)), "no key acts while the screen cannot show it");
    assert_eq!(send(&mut s, [ch('q')]), vec![Effect::EndSession], "but quit still quits");
    update(&mut s, Msg::Resize(ratatui::layout::Size { width: 80, height: 24 }));
    send(&mut s, [personal()]);
    assert!(matches!(s.screen(), Screen::Categories { .. }));
}

#[test]
fn back_and_home_can_be_tapped_and_a_tap_focuses_a_form_field() {
    let mut s = ready(Lang::EnUs);
    let (back, home) = onestop::kiosk::layout::buttons(s.size);
    send(&mut s, [personal(), ch('1'), key(KeyCode::Enter)]);
    assert!(screen_text(&s).contains("‹ Back") && screen_text(&s).contains("⌂ Start"));
    send(&mut s, [tap(back.x + 1, back.y)]);
    assert!(matches!(s.screen(), Screen::Services { .. }), "Back goes one step");
    send(&mut s, [tap(home.x + home.width - 1, home.y)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)), "Home goes to the start");
    // My appointment: tapping the second field's value row focuses it.
    send(&mut s, [welcome(WelcomeItem::MyBooking)]);
    let top = onestop::kiosk::layout::form_top(s.screen(), onestop::kiosk::layout::bands(&s).body).unwrap();
    send(&mut s, [tap(4, top + 3)]);
    assert!(matches!(
        s.screen(),
        Screen::Lookup { focus: onestop::kiosk::lookup::LookupField::PhoneLast4, .. }
    ));
}

#[test]
fn changing_the_document_type_drops_the_number_error_judged_for_the_old_one() {
    let mut s = common::screens::booking_screen(Lang::EnUs, "book_details_checksum");
    assert!(screen_text(&s).contains("Error: check each character"), "{}", screen_text(&s));
    // ← from the resident ID wraps round to the last kind, the passport.
    send(&mut s, [key(KeyCode::Up), key(KeyCode::Left)]);
    let text = screen_text(&s);
    assert!(text.contains("◀ Passport ▶") && !text.contains("Error: check each character"), "{text}");
}

#[test]
fn a_phone_field_takes_a_number_as_people_type_it() {
    let mut s = common::screens::booking_screen(Lang::EnUs, "book_details");
    send(&mut s, [key(KeyCode::Tab), Msg::Paste("+86 138-1234-5678".into()), ch('x')]);
    assert_eq!(s.draft.as_ref().unwrap().details.phone.text, "+86 138-1234-5678", "no letter, nothing cut");
    send(&mut s, [Msg::Paste("张三".into())]);
    assert_eq!(s.draft.as_ref().unwrap().details.phone.text, "+86 138-1234-5678");
}

#[test]
fn esc_over_a_qr_code_returns_to_its_guide() {
    let mut s = ready(Lang::EnUs);
    send(&mut s, [personal(), ch('1'), key(KeyCode::Enter), ch('p')]);
    assert!(matches!(s.screen(), Screen::Guide { qr: true, .. }));
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Guide { qr: false, .. }), "the guide, not the list");
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Services { .. }));
}

#[test]
fn the_page_line_names_the_keys_that_lead_somewhere() {
    let mut s = ready(Lang::EnUs);
    s.elderly = true; // six a page: Welcome has three pages
    assert!(screen_text(&s).contains("Page 1 of 3 · PgDn next page"), "{}", screen_text(&s));
    send(&mut s, [key(KeyCode::PageDown)]);
    assert!(screen_text(&s).contains("Page 2 of 3 · PgUp previous · PgDn next page"), "{}", screen_text(&s));
    send(&mut s, [key(KeyCode::PageDown)]);
    assert!(screen_text(&s).contains("Page 3 of 3 · PgUp previous page"), "{}", screen_text(&s));
}

#[test]
fn in_a_form_the_arrows_home_and_end_move_in_the_field() {
    let mut s = common::screens::booking_screen(Lang::EnUs, "book_details");
    send(&mut s, [Msg::Paste("Li Wi".into()), key(KeyCode::Left), ch('e')]);
    assert_eq!(s.draft.as_ref().unwrap().details.name.text, "Li Wei");
    send(&mut s, [key(KeyCode::Home), key(KeyCode::Delete), ch('L'), key(KeyCode::End), ch('!')]);
    assert!(matches!(s.screen(), Screen::BookDetails { .. }), "Home stays in the form");
    assert_eq!(s.draft.as_ref().unwrap().details.name.text, "Li Wei!");
    let text = screen_text(&s);
    assert!(!text.contains("Home Start") && text.contains("⌂ Start"), "the ⌂ button leaves; {text}");
    // The cursor sits at the caret, where the next letter goes.
    send(&mut s, [key(KeyCode::Left), key(KeyCode::Left)]);
    let mut terminal = render(&s, onestop::ui::Theme::standard());
    let cursor = terminal.get_cursor_position().unwrap();
    let at: String =
        (cursor.x..cursor.x + 2).map(|x| terminal.backend().buffer()[(x, cursor.y)].symbol()).collect();
    assert_eq!(at, "i!");
}

#[test]
fn the_breadcrumb_never_runs_into_the_back_and_home_buttons() {
    let catalog = demo_catalog();
    for lang in Lang::ALL {
        for service in &catalog.services {
            let mut s = ready(lang);
            s.screens.push(Screen::Guide { service: service.id.clone(), focus: 0, qr: false });
            let terminal = render(&s, onestop::ui::Theme::standard());
            let buffer = terminal.backend().buffer();
            let (back, _) = onestop::kiosk::layout::buttons(s.size);
            let before: String = (back.x - 1..back.x + 2).map(|x| buffer[(x, back.y)].symbol()).collect();
            assert!(before.starts_with(' ') && before.contains('‹'), "{lang} {}: {before:?}", service.id);
        }
    }
}

#[test]
fn after_change_on_the_check_page_enter_goes_straight_back_there() {
    let mut s = common::screens::booking_screen(Lang::EnUs, "book_check");
    send(&mut s, [ch('2')]); // "Name … change"
    assert!(matches!(s.screen(), Screen::BookDetails { back_to_check: true, .. }));
    send(&mut s, [Msg::Paste("Li".into()), key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::BookCheck { .. }), "back on the check page");
}

#[test]
fn a_change_on_the_check_page_never_repeats_a_step_in_the_breadcrumb() {
    let mut s = common::screens::booking_screen(Lang::EnUs, "book_check");
    let depth = s.screens.len();
    send(&mut s, [ch('2')]); // "Name … change"
    assert_eq!(s.screens.len(), depth - 1, "back on the details page itself, not a second one");
    send(&mut s, [Msg::Paste("Li".into()), key(KeyCode::Enter)]);
    assert!(
        matches!(s.screen(), Screen::BookCheck { menu, .. } if menu.selected == 0),
        "the focus on Confirm"
    );
    assert_eq!(s.screens.len(), depth);
    let crumb: String = common::screen_text(&s).lines().nth(1).unwrap().to_owned();
    assert_eq!(crumb.matches("Your details").count(), 1, "{crumb}");
    // Back from a change returns to the check page too, the place still held.
    send(&mut s, [ch('3')]);
    let effects = send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::BookCheck { .. }) && effects.is_empty(), "{effects:?}");
}

#[test]
fn a_lookup_answers_under_its_fields_and_at_once_when_offline() {
    use onestop::domain::{BookingFailure, FetchError};
    let mut s = common::ready(Lang::EnUs);
    send(
        &mut s,
        [
            welcome(WelcomeItem::MyBooking),
            Msg::Paste("8JGXE51R".into()),
            key(KeyCode::Tab),
            Msg::Paste("5678".into()),
        ],
    );
    send(&mut s, [key(KeyCode::Enter), Msg::BookingFound(Err(BookingFailure::NotFound))]);
    let text = common::screen_text(&s);
    let rows: Vec<&str> = text.lines().collect();
    let at = rows.iter().position(|l| l.contains("Last four digits")).unwrap();
    let said = rows
        .iter()
        .position(|l| l.contains("No booking was found"))
        .unwrap_or_else(|| panic!("the answer is shown:\n{text}"));
    assert!(said > at && said <= at + 3, "next to the fields, not at the foot:\n{text}");
    // Offline: no request, the reason at once.
    let mut off = common::ready(Lang::EnUs);
    send(&mut off, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    send(
        &mut off,
        [
            welcome(WelcomeItem::MyBooking),
            Msg::Paste("8JGXE51R".into()),
            key(KeyCode::Tab),
            Msg::Paste("5678".into()),
        ],
    );
    let effects = send(&mut off, [key(KeyCode::Enter)]);
    assert!(effects.iter().all(|e| !matches!(e, onestop::kiosk::Effect::FindBooking { .. })), "{effects:?}");
    assert_eq!(off.notice, Some(onestop::kiosk::Notice::Booking(BookingFailure::Fetch(FetchError::Offline))));
}

#[test]
fn after_a_failed_search_a_digit_picks_from_the_list_offered() {
    let mut s = common::ready(Lang::EnUs);
    let index = onestop::search::SearchIndex::build(&common::demo_catalog());
    send(&mut s, [Msg::IndexBuilt(std::sync::Arc::new(index)), ch('/'), Msg::Paste("qqqqxz".into())]);
    let Screen::Search { hits, .. } = s.screen() else { panic!("on the search screen") };
    assert!(hits.is_empty(), "nothing found");
    send(&mut s, [ch('1')]);
    assert!(!matches!(s.screen(), Screen::Search { .. }), "the first item offered opened");
    assert!(!s.search.text.contains('1'));
}
