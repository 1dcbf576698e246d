//! 政策查询's screens at 80×24 as the citizen sees them: the Policies list
//! and a filter's choices, and a document's page (an amended one, whose
//! warning and replacement come first) in three languages, in elderly mode
//! and in screen-reader mode. Review changes with `cargo insta review`.

mod common;

use std::sync::Arc;

use common::{key, ready, screen_text, send};
use crossterm::event::KeyCode;
use onestop::domain::{FetchError, Lang, policy::Library};
use onestop::kiosk::{Msg, Screen, State};
use onestop::search::SearchIndex;

fn library() -> Library {
    onestop::server::catalog_source::embedded_policies(&common::demo_catalog()).unwrap()
}

fn with_library(lang: Lang) -> State {
    let lib = library();
    let mut s = ready(lang);
    send(&mut s, [Msg::PoliciesLoaded(Ok(Some(lib.clone())))]);
    send(&mut s, [Msg::PolicyIndexBuilt(Arc::new(SearchIndex::for_policies(&lib)))]);
    s
}

/// A document's page, as opened from the list (its phone link not yet here).
fn document(lang: Lang, id: &str) -> State {
    let mut s = with_library(lang);
    s.screens.push(Screen::Policy { id: id.into(), focus: 0, qr: false });
    s
}

#[test]
fn an_amended_document_in_three_languages() {
    for lang in Lang::ALL {
        let s = document(lang, "resident-id-card-law-2003");
        insta::assert_snapshot!(format!("amended_document_{lang}"), screen_text(&s));
    }
}

#[test]
fn a_document_in_force_part_by_part() {
    for lang in Lang::ALL {
        let mut s = document(lang, "resident-id-card-law");
        insta::assert_snapshot!(format!("document_top_{lang}"), screen_text(&s));
        send(&mut s, [key(KeyCode::Down), key(KeyCode::Down)]);
        insta::assert_snapshot!(format!("document_interpretation_{lang}"), screen_text(&s));
        send(&mut s, (0..30).map(|_| key(KeyCode::Down)));
        insta::assert_snapshot!(format!("document_services_{lang}"), screen_text(&s));
    }
}

#[test]
fn elderly_and_screen_reader_modes() {
    let mut s = document(Lang::ZhCn, "resident-id-card-law-2003");
    s.elderly = true;
    insta::assert_snapshot!("amended_document_elderly", screen_text(&s));
    let mut list = with_library(Lang::ZhCn);
    list.elderly = true;
    open(&mut list);
    insta::assert_snapshot!("list_elderly", screen_text(&list));
    let mut reader = with_library(Lang::EnUs);
    reader.screen_reader = true;
    open(&mut reader);
    send(&mut reader, [Msg::Paste("card".into()), key(KeyCode::Down)]);
    insta::assert_snapshot!("list_screen_reader_en-US", screen_text(&reader));
}

fn open(s: &mut State) {
    let n = onestop::kiosk::screen::welcome_items()
        .iter()
        .position(|i| *i == onestop::kiosk::screen::WelcomeItem::Policies)
        .unwrap();
    // On a later page (elderly mode has six a page), PgDn first.
    let page = s.page_limit();
    if n >= page {
        send(s, [key(KeyCode::PageDown)]);
    }
    send(s, [key(KeyCode::Char(char::from(b'1' + (n % page) as u8)))]);
    assert!(matches!(s.screen(), Screen::Policies { .. }), "{}", screen_text(s));
}

#[test]
fn the_list_and_a_filter() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let mut s = with_library(lang);
        open(&mut s);
        insta::assert_snapshot!(format!("list_{lang}"), screen_text(&s));
        send(&mut s, [Msg::Paste("hukou".into())]);
        insta::assert_snapshot!(format!("list_found_{lang}"), screen_text(&s));
        send(&mut s, [key(KeyCode::Down), key(KeyCode::Enter)]);
        insta::assert_snapshot!(format!("filter_issuer_{lang}"), screen_text(&s));
    }
}

#[test]
fn without_a_library_the_screen_says_why() {
    let mut s = ready(Lang::ZhCn);
    send(&mut s, [Msg::PoliciesLoaded(Err(FetchError::Offline))]);
    open(&mut s);
    insta::assert_snapshot!("list_unavailable", screen_text(&s));
}

#[test]
fn the_key_bar_fits_every_policies_screen_in_every_language() {
    for lang in Lang::ALL {
        let mut list = with_library(lang);
        open(&mut list);
        let mut filter = list.clone();
        send(&mut filter, [key(KeyCode::Down), key(KeyCode::Enter)]);
        assert!(matches!(filter.screen(), Screen::PolicyFilter { .. }));
        let amended = document(lang, "resident-id-card-law-2003");
        let mut replacement = amended.clone();
        send(&mut replacement, [key(KeyCode::Down)]);
        for (name, state) in
            [("list", list), ("filter", filter), ("document", amended), ("open", replacement)]
        {
            let terminal = common::render(&state, onestop::ui::Theme::standard());
            let buffer = terminal.backend().buffer();
            let (w, row) = (state.size.width, state.size.height - 2);
            let bar: String = (0..w).map(|x| buffer[(x, row)].symbol()).collect();
            assert_eq!(buffer[(w - 1, row)].symbol(), " ", "{name} {lang}: the key bar is cut: {bar}");
            assert!(bar.contains("Esc"), "{name} {lang}: {bar}");
        }
    }
}
