//! A kiosk with no catalogue at all — the backend unreachable and no copy
//! saved on it — and the staff screen's facts: in the core (update flows
//! and snapshots at 80×24 in zh-CN and en-US), then the real binary in a pty.

mod common;

use common::pty::Kiosk;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::domain::{FetchError, Lang, Text};
use onestop::kiosk::staff::{Health, PhoneLinkWarning, StaffInfo};
use onestop::kiosk::{Msg, Notice, Screen, SessionConfig, State};
use ratatui::layout::Size;

const PHONE: &str = "0571-87000000";

/// A session whose configuration names the hall and its help phone, and
/// whose backend could not be reached (nothing saved either).
fn stranded(lang: Lang) -> State {
    let name = Text(
        [(Lang::ZhCn, "滨江市民服务中心"), (Lang::EnUs, "Binjiang Citizen Service Centre")]
            .map(|(l, n)| (l, n.to_owned()))
            .into(),
    );
    let config = SessionConfig {
        lang,
        hall_name: Some(name),
        help_phone: Some(PHONE.into()),
        pin_hash: Some("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g".into()),
        ..SessionConfig::default()
    };
    let mut s = State::new(config, Size { width: 80, height: 24 }).0;
    send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    s
}

/// The staff screen, opened with the PIN (the runtime's answer given).
fn staff_screen(s: &mut State, info: StaffInfo) {
    let chord = Msg::Key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL | KeyModifiers::ALT));
    send(s, [chord, Msg::Paste("2468".into()), key(KeyCode::Enter), Msg::PinChecked(true)]);
    assert!(matches!(s.screen(), Screen::Staff { .. }));
    send(s, [Msg::StaffInfoLoaded(info)]);
}

#[test]
fn with_no_catalogue_the_hall_and_its_phone_come_from_the_configuration() {
    for (lang, name) in [(Lang::ZhCn, "滨江市民服务中心"), (Lang::EnUs, "Binjiang Citizen Service Centre")]
    {
        let s = stranded(lang);
        let text = screen_text(&s);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains(name), "{text}");
        assert!(lines[23].contains(PHONE), "the help phone on the status bar: {text}");
        insta::assert_snapshot!(format!("welcome_no_catalogue_{lang}"), text);
    }
    // Without those keys: the general name, and no phone to offer.
    let mut bare = session(Lang::EnUs, (80, 24));
    send(&mut bare, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    let text = screen_text(&bare);
    assert!(text.lines().next().unwrap().contains("Government Service Centre"), "{text}");
    assert!(!text.contains("Need help? Call"), "{text}");
}

#[test]
fn a_category_key_with_no_catalogue_says_why_nothing_opens() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let mut s = stranded(lang);
        let before = screen_text(&s);
        send(&mut s, [personal()]);
        assert!(matches!(s.screen(), Screen::Welcome(_)), "nothing to open");
        assert_eq!(s.notice, Some(Notice::NothingToOpen(FetchError::Offline)));
        assert!(s.announce, "a screen reader hears why");
        let after = screen_text(&s);
        assert_ne!(before, after, "the key is answered");
        insta::assert_snapshot!(format!("welcome_no_catalogue_category_key_{lang}"), after);
    }
    let mut s = stranded(Lang::EnUs);
    send(&mut s, [business()]);
    let text = screen_text(&s);
    assert!(text.contains("No service can be opened") && text.contains(&format!("call {PHONE}")), "{text}");
    // The next key brings back the short note that the server is away.
    send(&mut s, [key(KeyCode::Down)]);
    assert_eq!(s.notice, Some(Notice::Unavailable(FetchError::Offline)));
    // A tap on the item (after 取号, 预约签到 and 评价) is answered the same way.
    let item = onestop::kiosk::screen::welcome_items()
        .iter()
        .position(|w| *w == onestop::kiosk::screen::WelcomeItem::Browse(onestop::domain::Audience::Personal))
        .unwrap() as u16;
    let row = onestop::kiosk::layout::bands(&s).body.y + onestop::kiosk::layout::MENU_HEADER + item;
    send(&mut s, [tap(6, row)]);
    assert_eq!(s.notice, Some(Notice::NothingToOpen(FetchError::Offline)));
}

#[test]
fn the_staff_screen_says_there_is_no_copy_rather_than_its_age() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let mut s = stranded(lang);
        staff_screen(
            &mut s,
            StaffInfo { backend: Err(FetchError::Offline), cache_age_minutes: None, today: None },
        );
        let text = screen_text(&s);
        let none = if lang == Lang::EnUs { "no copy on this kiosk" } else { "本机也没有副本" };
        assert!(text.contains(none), "{text}");
        assert!(
            !text.contains("min ago") && !text.contains("分钟前"),
            "no age of a copy that is not there: {text}"
        );
        insta::assert_snapshot!(format!("staff_no_catalogue_{lang}"), text);
    }
    // Offline with a copy: its age, which the backend's silence does not hide.
    let mut s = session(Lang::EnUs, (80, 24));
    s.config.pin_hash = Some("hash".into());
    send(&mut s, [Msg::CatalogCached(demo_catalog()), Msg::CatalogLoaded(Err(FetchError::Offline))]);
    staff_screen(
        &mut s,
        StaffInfo { backend: Err(FetchError::Offline), cache_age_minutes: Some(42), today: None },
    );
    let text = screen_text(&s);
    assert!(text.contains("offline: the copy on this kiosk, saved 42"), "{text}");
    // Online, but nothing saved yet.
    let mut s = ready(Lang::EnUs);
    s.config.pin_hash = Some("hash".into());
    let answered = Ok(Health { latency_ms: 3, bookings_today: Some(7) });
    staff_screen(&mut s, StaffInfo { backend: answered, cache_age_minutes: None, today: None });
    let text = screen_text(&s);
    assert!(text.contains("no copy saved on this kiosk yet") && text.contains("today: 7"), "{text}");
}

#[test]
fn in_lockdown_the_staff_screen_warns_when_phones_cannot_open_the_qr_link() {
    for (lang, warning) in [
        (Lang::ZhCn, PhoneLinkWarning::Unset),
        (Lang::EnUs, PhoneLinkWarning::Unset),
        (Lang::EnUs, PhoneLinkWarning::Loopback("http://127.0.0.1:8080".into())),
    ] {
        let mut s = ready(lang);
        s.config.lockdown = true;
        s.config.pin_hash = Some("hash".into());
        s.config.phone_link_warning = Some(warning.clone());
        let answered = Ok(Health { latency_ms: 3, bookings_today: Some(0) });
        staff_screen(
            &mut s,
            StaffInfo {
                backend: answered,
                cache_age_minutes: Some(5),
                today: Some("2026-12-02".parse().unwrap()),
            },
        );
        let text = screen_text(&s);
        assert!(text.contains("handoff.public_url"), "{text}");
        // Every fact still shows, the log file last, above the actions.
        let log = if lang == Lang::EnUs { "Log file:" } else { "日志文件：" };
        assert!(text.contains(log), "{text}");
        let name = match warning {
            PhoneLinkWarning::Unset => "unset",
            PhoneLinkWarning::Loopback(_) => "loopback",
        };
        insta::assert_snapshot!(format!("staff_phone_link_{name}_{lang}"), text);
    }
    let mut s = ready(Lang::EnUs);
    s.config.pin_hash = Some("hash".into());
    staff_screen(
        &mut s,
        StaffInfo { backend: Err(FetchError::Offline), cache_age_minutes: Some(5), today: None },
    );
    assert!(!screen_text(&s).contains("handoff.public_url"), "no warning without one");
}

/// A port nobody listens on.
fn unreachable_backend() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    format!("http://127.0.0.1:{port}")
}

/// A hall overlay with the PIN 2468 and `extra` lines.
fn hall_config(dir: &std::path::Path, extra: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_onestop"))
        .args(["config", "hash-pin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(b"2468\n2468\n")?;
            child.wait_with_output()
        })
        .unwrap();
    let pin_line = String::from_utf8(out.stdout).unwrap();
    assert!(pin_line.starts_with("pin_hash = \"$argon2id$"), "{pin_line}");
    let path = dir.join("hall.toml");
    std::fs::write(&path, format!("[kiosk]\nlanguage = \"en-US\"\n{extra}\n[staff]\n{pin_line}")).unwrap();
    path.display().to_string()
}

const CHORD: &str = "\x1b\x0b"; // ctrl+alt+k

#[test]
fn the_real_kiosk_without_backend_or_copy_names_its_hall_and_says_why_nothing_opens() {
    let data = tempfile::tempdir().unwrap();
    let names = "hall_name = { zh-CN = \"滨江市民服务中心\", en-US = \"Binjiang Citizen Service Centre\" }";
    let config = hall_config(data.path(), &format!("{names}\nhelp_phone = \"{PHONE}\"\n"));
    let backend = unreachable_backend();
    let dir = data.path().to_str().unwrap();
    let args = ["--config", &config, "--data-dir", dir, "--backend", &backend];
    let mut k = Kiosk::start(&args, &[], 80, 24);
    k.wait_for("Binjiang Citizen Service Centre");
    k.wait_for(&format!("Need help? Call the hall on {PHONE}"));
    k.wait_for("the server cannot be reached");
    k.send(&personal_key());
    k.wait_for("No service can be opened");
    k.send(CHORD);
    k.wait_for("PIN");
    k.send("2468\r");
    k.wait_for("Catalogue: none (none from the backend, and no copy on this kiosk)");
    k.wait_for("unreachable");
    k.quit();
}

#[test]
fn the_real_staff_screen_in_lockdown_warns_of_a_qr_link_phones_cannot_open() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let unset = hall_config(data.path(), "lockdown = true\n");
    let mut k = Kiosk::start(&["--config", &unset, "--data-dir", dir], &[], 80, 24);
    k.wait_for("For individuals");
    k.send(CHORD);
    k.wait_for("PIN");
    k.send("2468\r");
    k.wait_for("Warning: handoff.public_url is not set");
    k.send("3"); // leave the kiosk
    assert_eq!(k.wait_exit(), 0);
    let loopback =
        hall_config(data.path(), "lockdown = true\n[handoff]\npublic_url = \"http://localhost:8080\"\n");
    let mut k = Kiosk::start(&["--config", &loopback, "--data-dir", dir], &[], 80, 24);
    k.wait_for("For individuals");
    k.send(CHORD);
    k.wait_for("PIN");
    k.send("2468\r");
    k.wait_for("http://localhost:8080 is a loopback address");
    k.send("3");
    assert_eq!(k.wait_exit(), 0);
}
