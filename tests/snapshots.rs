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
