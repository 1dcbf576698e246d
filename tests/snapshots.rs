//! Every screen at 80×24, in zh-CN and en-US, as the citizen sees it.
//! Review changes with `cargo insta review`.

mod common;

use common::*;
use crossterm::event::KeyCode;
use onestop::domain::{FetchError, Lang};
use onestop::kiosk::{Msg, State};

fn screens(lang: Lang) -> Vec<(&'static str, State)> {
    let mut out = vec![];
    out.push(("welcome_loading", session(lang, (80, 24))));
    let mut offline = session(lang, (80, 24));
    send(&mut offline, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    out.push(("welcome_offline", offline));
    let mut s = ready(lang);
    out.push(("welcome", s.clone()));
    send(&mut s, [ch('1')]);
    out.push(("categories_personal", s.clone()));
    send(&mut s, [key(KeyCode::Down), key(KeyCode::Enter)]);
    out.push(("services_social_security", s.clone()));
    send(&mut s, [key(KeyCode::Enter)]);
    out.push(("guide_top", s.clone()));
    send(&mut s, [key(KeyCode::Down), key(KeyCode::Down)]);
    out.push(("guide_materials", s.clone()));
    send(&mut s, (0..30).map(|_| key(KeyCode::Down)));
    out.push(("guide_end", s.clone()));
    let mut business = ready(lang);
    send(&mut business, [ch('2')]);
    out.push(("categories_business", business.clone()));
    send(&mut business, [ch('1')]);
    out.push(("services_business_startup", business));
    out.push(("too_small", session(lang, (60, 20))));
    let mut qr = ready(lang);
    send(&mut qr, [ch('1'), ch('1'), key(KeyCode::Enter), ch('p')]);
    let handoff = onestop::domain::Handoff {
        code: "ABCDEFGHJKMNPQRS".into(),
        url: "HTTP://127.0.0.1:8080/M/ABCDEFGHJKMNPQRS".into(),
        expires_at: String::new(),
    };
    send(&mut qr, [Msg::HandoffCreated { lang, result: Ok(handoff) }]);
    out.push(("guide_phone_qr", qr));
    out
}

#[test]
fn every_screen_in_every_language() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        for (name, state) in screens(lang) {
            let text = screen_text(&state);
            insta::assert_snapshot!(format!("{name}_{lang}"), text);
        }
    }
}

#[test]
fn traditional_chinese_welcome() {
    insta::assert_snapshot!(screen_text(&ready(Lang::ZhHk)));
}
