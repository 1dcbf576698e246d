//! Hall operations in the core, with time given by `Tick` messages: idle
//! warning and reset, the staff PIN and its lockout, offline back-off.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::domain::{FetchError, Hold, Lang};
use onestop::kiosk::{CatalogState, Effect, Msg, Notice, Screen, State, update};

fn tick(s: &mut State, ms: u64) -> Vec<Effect> {
    update(s, Msg::Tick(ms))
}

fn chord() -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL | KeyModifiers::ALT))
}

/// A session on the details page with a place held and a name typed.
fn mid_booking() -> State {
    let mut s = ready(Lang::EnUs);
    send(&mut s, [personal(), ch('1'), key(KeyCode::Enter), key(KeyCode::Enter), ch('1')]);
    send(
        &mut s,
        [Msg::DaysLoaded(Ok(onestop::domain::Days {
            hall: "binjiang".into(),
            service: "id-card-renewal".into(),
            time_zone: "Asia/Shanghai".into(),
            days: vec![onestop::domain::Day {
                date: "2026-12-01".into(),
                weekday: 2,
                open: true,
                remaining: 3,
            }],
        }))],
    );
    send(&mut s, [ch('1')]);
    send(
        &mut s,
        [Msg::SlotsLoaded(Ok(onestop::domain::Slots {
            hall: "binjiang".into(),
            service: "id-card-renewal".into(),
            date: "2026-12-01".into(),
            time_zone: "Asia/Shanghai".into(),
            utc_offset: "+08:00".into(),
            slots: vec![onestop::domain::Slot {
                start: "2026-12-01T01:00:00Z".into(),
                local_start: "09:00".into(),
                local_end: "09:30".into(),
                capacity: 3,
                remaining: 3,
            }],
        }))],
    );
    send(
        &mut s,
        [
            ch('1'),
            Msg::HoldPlaced(Ok(Hold { id: "hold-1".into(), expires_at: String::new(), expires_in: 3600 })),
        ],
    );
    send(&mut s, [Msg::Paste("Zhang San".into())]);
    assert!(matches!(s.screen(), Screen::BookDetails { .. }));
    s
}

#[test]
fn a_session_left_alone_warns_then_resets_wiping_what_was_typed() {
    let mut s = mid_booking();
    tick(&mut s, 89_000);
    assert!(!s.idle_warning);
    assert_eq!(tick(&mut s, 90_000), vec![Effect::Redraw], "the warning appears 30 s before the reset");
    assert!(s.idle_warning);
    assert!(screen_text(&s).contains("privacy"));
    // Any key continues, without acting: the text typed is still there.
    send(&mut s, [ch('x')]);
    assert!(!s.idle_warning);
    assert_eq!(s.draft.as_ref().unwrap().details.name.text, "Zhang San");
    // …as many times as needed.
    for round in 1..=12u64 {
        let at = 90_000 + round * 90_000;
        tick(&mut s, at);
        assert!(s.idle_warning, "warned again in round {round}");
        send(&mut s, [key(KeyCode::Down)]);
    }
    let last = s.last_input_ms;
    let effects = tick(&mut s, last + 120_000);
    assert!(effects.contains(&Effect::ReleaseHold { id: "hold-1".into() }), "the held place goes back");
    assert_eq!(s.screens.len(), 1, "back at Welcome");
    assert!(s.draft.is_none() && s.lookup.code.text.is_empty());
    assert_eq!(s.lang, Lang::EnUs, "the default language of this kiosk");
    assert!(matches!(s.catalog, CatalogState::Ready(_)), "the catalogue stays");
}

#[test]
fn an_untouched_start_screen_is_left_alone() {
    let mut s = ready(Lang::ZhCn);
    for sec in 1..400 {
        let effects = tick(&mut s, sec * 1000);
        // Only the routine look for a newer catalogue (and policy library), which draws nothing.
        assert!(
            effects.iter().all(|e| matches!(e, Effect::LoadCatalog { .. } | Effect::LoadPolicies { .. })),
            "no redraw, no reset at {sec} s: {effects:?}"
        );
        assert!(matches!(s.screen(), Screen::Welcome(_)) && !s.idle_warning);
    }
}

#[test]
fn the_staff_pin_opens_the_staff_screen_and_five_wrong_pins_lock_it() {
    let mut s = ready(Lang::EnUs);
    s.config.idle_timeout_ms = 3_600_000;
    s.config.pin_hash = Some("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g".into());
    send(&mut s, [chord()]);
    assert!(matches!(s.screen(), Screen::StaffPin { .. }));
    for attempt in 1..=5 {
        send(&mut s, [Msg::Paste("0000".into())]);
        let effects = send(&mut s, [key(KeyCode::Enter)]);
        assert!(matches!(&effects[..], [Effect::CheckPin { pin, .. }] if pin == "0000"), "attempt {attempt}");
        assert!(s.staff.pin.text.is_empty(), "the PIN is not kept");
        send(&mut s, [Msg::PinChecked(false)]);
    }
    assert!(screen_text(&s).contains("try again in 5 minutes"));
    send(&mut s, [Msg::Paste("1234".into())]);
    assert!(send(&mut s, [key(KeyCode::Enter)]).is_empty(), "locked: nothing is checked");
    // Five minutes later the prompt opens again.
    tick(&mut s, 5 * 60_000 + 1);
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(&effects[..], [Effect::CheckPin { .. }]));
    let effects = send(&mut s, [Msg::PinChecked(true)]);
    assert_eq!(effects, vec![Effect::LoadStaffInfo, Effect::LoadStaffFigures { hall: "binjiang".into() }]);
    assert!(matches!(s.screen(), Screen::Staff { .. }));
    assert!(screen_text(&s).contains("Reload configuration"));
    // Staff actions: reload, reset, leave — by key, or by a click on the item.
    assert_eq!(send(&mut s, [ch('1')]), vec![Effect::ReloadConfig]);
    let below = onestop::kiosk::layout::menu_area(s.screen(), onestop::kiosk::layout::bands(&s).body);
    let row = below.y + onestop::kiosk::layout::MENU_HEADER;
    assert!(screen_text(&s).lines().nth(row as usize).unwrap().contains("Reload configuration"));
    assert_eq!(send(&mut s, [tap(8, row)]), vec![Effect::ReloadConfig]);
    send(&mut s, [Msg::ConfigReloaded(Err("kiosk.toml: key `kiosk.lockdown`: expected a boolean".into()))]);
    assert!(screen_text(&s).contains("the old one stays"));
    assert_eq!(send(&mut s, [ch('3')]), vec![Effect::EndSession], "exit to the shell");
}

#[test]
fn quit_keys_do_nothing_in_lockdown_but_staff_can_leave() {
    let mut s = ready(Lang::ZhCn);
    s.config.lockdown = true;
    let ctrl = |c| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    assert!(send(&mut s, [ch('q'), ctrl('c'), ctrl('z'), ctrl('\\'), ctrl('d')]).is_empty());
    assert!(matches!(s.screen(), Screen::Welcome(_)));
}

#[test]
fn an_unreachable_backend_is_retried_with_growing_pauses() {
    let mut s = session(Lang::ZhCn, (80, 24));
    let mut retries = vec![];
    let mut now = 0;
    send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Offline))]);
    while now < 200_000 {
        now += 1000;
        for e in tick(&mut s, now) {
            if let Effect::LoadCatalog { .. } = e {
                retries.push(now / 1000);
                send(&mut s, [Msg::CatalogLoaded(Err(FetchError::Timeout))]);
            }
        }
    }
    assert_eq!(&retries[..6], &[2, 6, 14, 30, 62, 122], "2, 4, 8, 16, 32, then 60 s apart");
    // It comes back: the notice goes, and the next check is a routine one.
    send(&mut s, [Msg::CatalogLoaded(Ok(Some(demo_catalog())))]);
    let routine = Some(now + s.config.catalog_refresh_ms);
    assert_eq!((s.online, s.notice.clone(), s.catalog_check_at_ms), (Some(true), None, routine));
}

#[test]
fn while_the_backend_answers_the_kiosk_looks_for_a_newer_catalogue() {
    let mut s = ready(Lang::EnUs);
    let every = s.config.catalog_refresh_ms;
    assert_eq!(every, 300_000, "five minutes unless configured");
    let version = demo_catalog().version;
    let checks = |s: &mut State, from: u64, to: u64| -> Vec<u64> {
        (from / 1000..=to / 1000)
            .filter(|sec| {
                tick(s, sec * 1000).iter().any(|e| *e == Effect::LoadCatalog { etag: Some(version.clone()) })
            })
            .collect()
    };
    assert_eq!(checks(&mut s, 1000, every - 1000), Vec::<u64>::new(), "none before it is due");
    assert_eq!(checks(&mut s, every, every + 5000), vec![every / 1000], "one when due");
    // "Not modified": nothing to redraw, and the next check in five minutes.
    let effects = send(&mut s, [Msg::CatalogLoaded(Ok(None))]);
    assert!(!effects.contains(&Effect::Redraw), "{effects:?}");
    assert_eq!(s.catalog_check_at_ms, Some(every + 5000 + every));
    // A newer catalogue replaces the old one where the citizen stands.
    send(&mut s, [personal()]);
    let mut newer = demo_catalog();
    newer.version = "newer".into();
    newer.categories[0].name.0.insert(Lang::EnUs, "Identity and residence".into());
    let effects = send(&mut s, [Msg::CatalogLoaded(Ok(Some(newer)))]);
    assert!(effects.contains(&Effect::Redraw) && effects.iter().any(|e| matches!(e, Effect::BuildIndex(_))));
    assert!(screen_text(&s).contains("1. Identity and residence"), "{}", screen_text(&s));
}

#[test]
fn a_cached_catalogue_browses_offline_but_booking_says_call_instead() {
    let mut s = session(Lang::EnUs, (80, 24));
    send(&mut s, [Msg::CatalogCached(demo_catalog()), Msg::CatalogLoaded(Err(FetchError::Offline))]);
    assert!(matches!(s.catalog, CatalogState::Ready(_)));
    assert_eq!(s.notice, Some(Notice::Unavailable(FetchError::Offline)));
    send(&mut s, [personal(), ch('1'), key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Guide { .. }), "browsing works offline");
    send(&mut s, [key(KeyCode::Enter)]);
    assert_eq!(s.notice, Some(Notice::BookingOffline));
    let text = screen_text(&s);
    assert!(text.contains("Call 0571-87000000"), "{text}");
}

#[test]
fn home_or_back_to_the_start_forgets_what_the_citizen_typed() {
    // ⌂ in the middle of a booking: the place goes back, the answers go.
    let mut s = mid_booking();
    let (_, home) = onestop::kiosk::layout::buttons(s.size);
    let effects = send(&mut s, [tap(home.x, home.y)]);
    assert!(effects.contains(&Effect::ReleaseHold { id: "hold-1".into() }), "{effects:?}");
    assert!(matches!(s.screen(), Screen::Welcome(_)) && s.draft.is_none());
    // The next citizen's booking starts empty.
    send(&mut s, [personal(), ch('1'), key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert!(s.draft.as_ref().is_some_and(|d| d.details.name.text.is_empty()), "a fresh draft");
    assert!(!screen_text(&s).contains("Zhang San"));

    // My appointment: a code and phone digits typed, then Back to the start.
    let mut s = ready(Lang::EnUs);
    send(
        &mut s,
        [
            welcome(onestop::kiosk::screen::WelcomeItem::MyBooking),
            Msg::Paste("8JGXE51R".into()),
            key(KeyCode::Tab),
            Msg::Paste("5678".into()),
        ],
    );
    assert_eq!(s.lookup.last4.text, "5678");
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(s.lookup.code.text.is_empty() && s.lookup.last4.text.is_empty());
    send(&mut s, [welcome(onestop::kiosk::screen::WelcomeItem::MyBooking)]);
    assert!(!screen_text(&s).contains("8JGX"), "{}", screen_text(&s));
}

#[test]
fn the_start_screen_states_the_real_idle_time_and_the_warning_counts_down() {
    let mut s = common::ready(onestop::domain::Lang::EnUs);
    s.config.idle_timeout_ms = 30_000;
    s.config.idle_warning_ms = 10_000;
    assert!(common::screen_text(&s).contains("After 30 seconds without use"), "{}", common::screen_text(&s));
    send(&mut s, [common::personal()]);
    send(&mut s, [Msg::Tick(21_000)]);
    assert!(s.idle_warning);
    let first = common::screen_text(&s);
    let effects = send(&mut s, [Msg::Tick(22_000)]);
    assert!(effects.contains(&onestop::kiosk::Effect::Redraw), "each second is shown");
    assert_ne!(first, common::screen_text(&s), "the seconds count down");
    // A screen reader hears the warning once: nothing ticks.
    let mut r = common::ready(onestop::domain::Lang::EnUs);
    (r.config.idle_timeout_ms, r.config.idle_warning_ms, r.screen_reader) = (30_000, 10_000, true);
    send(&mut r, [common::personal()]);
    send(&mut r, [Msg::Tick(51_000)]); // screen-reader sessions get twice as long
    assert!(r.idle_warning);
    let said = common::screen_text(&r);
    assert!(send(&mut r, [Msg::Tick(52_000)]).is_empty());
    assert_eq!(said, common::screen_text(&r));
}
