//! Every screen at 80×24, in zh-CN and en-US, as the citizen sees it.
//! Review changes with `cargo insta review`.

mod common;

use common::{screens::menu_screens, *};
use onestop::domain::Lang;

#[test]
fn every_screen_in_every_language() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        for (name, state) in menu_screens(lang) {
            let text = screen_text(&state);
            insta::assert_snapshot!(format!("{name}_{lang}"), text);
        }
    }
}

#[test]
fn traditional_chinese_welcome() {
    insta::assert_snapshot!(screen_text(&ready(Lang::ZhHk)));
}

#[test]
fn the_key_bar_fits_every_screen_in_every_language() {
    for lang in Lang::ALL {
        let mut screens = common::screens::all_screens(lang);
        // The details form with the document type focused shows one key more (←→).
        let (_, details) = screens.iter().find(|(name, _)| *name == "book_details").unwrap();
        let mut choosing = details.clone();
        send(&mut choosing, [key(crossterm::event::KeyCode::Tab), key(crossterm::event::KeyCode::Tab)]);
        screens.push(("book_details_id_kind", choosing));
        for (name, state) in screens {
            if !state.fits() {
                continue;
            }
            let terminal = render(&state, onestop::ui::Theme::standard());
            let buffer = terminal.backend().buffer();
            let (w, row) = (state.size.width, state.size.height - 2);
            let end: String = (w - 1..w).map(|x| buffer[(x, row)].symbol()).collect();
            let bar: String = (0..w).map(|x| buffer[(x, row)].symbol()).collect();
            assert_eq!(end, " ", "{name} {lang}: the key bar is cut: {bar}");
        }
    }
}
