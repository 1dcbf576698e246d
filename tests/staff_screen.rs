//! The staff screen's pages (issue 17) in the core: opening fetches the
//! day's figures, ←→ and taps turn the pages, ↑↓ scroll them, Esc goes back
//! to the facts, R fetches again, and nothing of it outlives the screen.
//! Snapshots at 80×24 in zh-CN and en-US; a screen reader gets every
//! chart's numbers as lines of words, and no chart.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::domain::rating::{
    DayRatings, GuideReports, HourCount, Level, LevelShare, QueueFigures, RatingView, Reason, ReportView,
    Reports, ServiceRatings, WindowRatings, Wrong,
};
use onestop::domain::{FetchError, Lang, Text};
use onestop::kiosk::staff::{Figures, QueueNames, Row, StaffRefusal, Tab, pages};
use onestop::kiosk::{Effect, Msg, Screen, State, layout};

fn levels(counts: [u32; 5]) -> Vec<LevelShare> {
    let total: u32 = counts.iter().sum();
    Level::ALL
        .into_iter()
        .zip(counts)
        .map(|(level, count)| LevelShare {
            level,
            count,
            permille: onestop::domain::rating::permille(count, total),
        })
        .collect()
}

fn bad(number: &str, window: u16, service: &str, reason: Reason, text: Option<&str>, at: &str) -> RatingView {
    RatingView {
        hall: "binjiang".into(),
        day: "2026-11-30".into(),
        number: number.into(),
        service: service.into(),
        window,
        level: Level::VeryDissatisfied,
        reason: Some(reason),
        text: text.map(Into::into),
        at: at.into(),
    }
}

/// A Monday at Binjiang: two windows rated, two 差评, three queues.
fn day() -> DayRatings {
    DayRatings {
        hall: "binjiang".into(),
        day: "2026-11-30".into(),
        count: 6,
        bad: 2,
        bad_permille: 333,
        windows: vec![
            WindowRatings { window: 1, count: 4, bad: 1, bad_permille: 250, levels: levels([2, 1, 0, 0, 1]) },
            WindowRatings { window: 3, count: 2, bad: 1, bad_permille: 500, levels: levels([0, 0, 1, 1, 0]) },
        ],
        services: vec![
            ServiceRatings { service: "hukou-move-in".into(), count: 2, bad: 1, bad_permille: 500 },
            ServiceRatings { service: "id-card-renewal".into(), count: 4, bad: 1, bad_permille: 250 },
        ],
        bad_ratings: vec![
            bad("A002", 1, "hukou-move-in", Reason::Slow, Some("等了很久"), "2026-11-30T01:50:00Z"),
            bad("A005", 3, "id-card-renewal", Reason::AskedAgain, None, "2026-11-30T03:12:00Z"),
        ],
        issued_per_hour: [(9, 12), (10, 8), (11, 5), (12, 0), (13, 7), (14, 10)]
            .map(|(hour, count)| HourCount { hour, count })
            .to_vec(),
        queues: vec![
            QueueFigures { queue: "A".into(), issued: 30, started: 25, mean_wait_seconds: Some(1500) },
            QueueFigures { queue: "B".into(), issued: 12, started: 0, mean_wait_seconds: None },
        ],
    }
}

fn reports() -> Reports {
    let report = |service: &str, what, text: Option<&str>, at: &str| ReportView {
        service: service.into(),
        catalog_version: "v1".into(),
        what,
        text: text.map(Into::into),
        at: at.into(),
    };
    Reports {
        guides: vec![
            GuideReports { service: "social-security-card-application".into(), count: 2 },
            GuideReports { service: "passport-application".into(), count: 1 },
        ],
        latest: vec![
            report(
                "social-security-card-application",
                Wrong::Materials,
                Some("材料清单少了户口簿"),
                "2026-11-30T02:05:00Z",
            ),
            report("passport-application", Wrong::Fees, None, "2026-11-29T08:40:00Z"),
            report("social-security-card-application", Wrong::PlaceAndHours, None, "2026-11-28T01:00:00Z"),
        ],
    }
}

fn figures() -> Figures {
    let name = |zh: &str, en: &str| {
        Text([(Lang::ZhCn, zh.to_owned()), (Lang::EnUs, en.to_owned())].into_iter().collect())
    };
    Figures {
        ratings: Ok(day()),
        reports: Ok(reports()),
        queues: Some(QueueNames {
            time_zone: "Asia/Shanghai".into(),
            names: vec![
                ("A".into(), name("户籍与身份证", "Household and ID")),
                ("B".into(), name("出入境", "Exit and entry")),
            ],
        }),
    }
}

/// The staff screen, opened with the PIN (the runtime's answers given).
fn staff(lang: Lang) -> State {
    let mut s = ready(lang);
    s.config.pin_hash = Some("hash".into());
    let chord = Msg::Key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL | KeyModifiers::ALT));
    send(&mut s, [chord, Msg::Paste("2468".into()), key(KeyCode::Enter)]);
    let effects = send(&mut s, [Msg::PinChecked(true)]);
    assert_eq!(
        effects,
        vec![Effect::LoadStaffInfo, Effect::LoadStaffFigures { hall: "binjiang".into() }],
        "the day's figures are asked for as the screen opens"
    );
    s
}

fn tab(s: &State) -> Tab {
    match s.screen() {
        Screen::Staff { tab, .. } => *tab,
        other => panic!("not the staff screen: {other:?}"),
    }
}

fn scroll(s: &State) -> usize {
    match s.screen() {
        Screen::Staff { scroll, .. } => *scroll,
        _ => 0,
    }
}

#[test]
fn arrows_and_taps_turn_the_pages_and_esc_goes_back_to_the_facts() {
    let mut s = staff(Lang::EnUs);
    send(&mut s, [Msg::StaffFiguresLoaded(figures())]);
    assert_eq!(tab(&s), Tab::Facts);
    send(&mut s, [key(KeyCode::Right)]);
    assert_eq!(tab(&s), Tab::Ratings);
    send(&mut s, [key(KeyCode::Right), key(KeyCode::Right), key(KeyCode::Right)]);
    assert_eq!(tab(&s), Tab::Charts, "the last page stays the last");
    send(&mut s, [key(KeyCode::Left)]);
    assert_eq!(tab(&s), Tab::Reports);
    // A tap on a tab opens it, wherever the focus was.
    let zones = pages::tab_zones(layout::bands(&s).body);
    send(&mut s, [tap(zones[1].x + 2, zones[1].y)]);
    assert_eq!(tab(&s), Tab::Ratings);
    // Digits and Enter pick nothing on a page: the actions are not on it.
    assert!(send(&mut s, [ch('3'), key(KeyCode::Enter)]).is_empty());
    assert!(matches!(s.screen(), Screen::Staff { .. }));
    // Esc: back to the facts, then out of the staff screen.
    send(&mut s, [key(KeyCode::Esc)]);
    assert_eq!(tab(&s), Tab::Facts);
    assert!(screen_text(&s).contains("Reload configuration"));
    send(&mut s, [key(KeyCode::Left)]);
    assert_eq!(tab(&s), Tab::Facts, "← on the first page stays there");
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)));
}

#[test]
fn a_page_scrolls_row_by_row_and_never_past_its_last() {
    let mut s = staff(Lang::EnUs);
    send(&mut s, [Msg::StaffFiguresLoaded(figures()), key(KeyCode::Right)]);
    let rows = pages::rows(&s);
    assert_eq!(
        rows[..4],
        [Row::DaySummary, Row::Heading(pages::Heading::Bad), Row::Bad(0), Row::Bad(1)],
        "the 差评 to follow up come first"
    );
    send(&mut s, [key(KeyCode::Down), key(KeyCode::Down)]);
    assert_eq!(scroll(&s), 2);
    let text = screen_text(&s);
    assert!(text.lines().nth(3).unwrap().contains("A002"), "the row scrolled to is on top: {text}");
    for _ in 0..40 {
        send(&mut s, [key(KeyCode::PageDown)]);
    }
    assert_eq!(scroll(&s), rows.len() - 1);
    assert!(screen_text(&s).contains("End of the page"));
    send(&mut s, [key(KeyCode::PageUp), key(KeyCode::PageUp), key(KeyCode::PageUp), key(KeyCode::PageUp)]);
    assert_eq!(scroll(&s), 0);
    // The wheel scrolls too.
    send(
        &mut s,
        [Msg::Mouse(crossterm::event::MouseEvent {
            kind: crossterm::event::MouseEventKind::ScrollDown,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })],
    );
    assert_eq!(scroll(&s), 1);
    // Another page starts at its top.
    send(&mut s, [key(KeyCode::Right)]);
    assert_eq!(scroll(&s), 0);
}

#[test]
fn refresh_fetches_again_and_leaving_drops_the_figures() {
    let mut s = staff(Lang::ZhCn);
    send(&mut s, [Msg::StaffFiguresLoaded(figures()), key(KeyCode::Right)]);
    assert!(screen_text(&s).contains("等了很久"));
    let again = vec![Effect::LoadStaffInfo, Effect::LoadStaffFigures { hall: "binjiang".into() }];
    assert_eq!(send(&mut s, [ch('r')]), again, "R on a page");
    assert!(screen_text(&s).contains("正在读取今日数据"), "{}", screen_text(&s));
    send(&mut s, [Msg::StaffFiguresLoaded(figures()), key(KeyCode::Esc)]);
    // The facts page's fourth action, by digit and by tap.
    assert_eq!(send(&mut s, [ch('4')]), again);
    let area = layout::menu_area(s.screen(), layout::bands(&s).body);
    let row = layout::MenuLayout::new(area, onestop::kiosk::staff::ITEMS.len(), s.page_limit())
        .row_of(3, 0)
        .expect("the fourth item is on the first page");
    assert!(screen_text(&s).lines().nth(row as usize).unwrap().contains("刷新今日数据"));
    assert_eq!(send(&mut s, [tap(8, row)]), again);
    // Leaving, the figures go with the screen; one arriving late is not shown anywhere.
    send(&mut s, [Msg::StaffFiguresLoaded(figures()), key(KeyCode::Home)]);
    send(&mut s, [Msg::StaffFiguresLoaded(figures())]);
    assert!(!s.screens.iter().any(|x| matches!(x, Screen::Staff { .. })));
    assert!(!screen_text(&s).contains("等了很久"));
    // The reset item too.
    let mut s = staff(Lang::ZhCn);
    send(&mut s, [Msg::StaffFiguresLoaded(figures()), ch('2')]);
    assert!(matches!(s.screen(), Screen::Welcome(_)) && s.screens.len() == 1);
    assert!(!format!("{:?}", s.screens).contains("等了很久"));
}

#[test]
fn the_pages_at_80x24_in_two_languages() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let mut s = staff(lang);
        send(&mut s, [Msg::StaffFiguresLoaded(figures())]);
        for page in ["ratings", "reports", "charts"] {
            send(&mut s, [key(KeyCode::Right)]);
            let text = screen_text(&s);
            insta::assert_snapshot!(format!("staff_{page}_{lang}"), text);
        }
        // The rest of the charts page: the wait per queue, the levels per window.
        send(&mut s, [key(KeyCode::PageDown), key(KeyCode::PageDown)]);
        insta::assert_snapshot!(format!("staff_charts_below_{lang}"), screen_text(&s));
    }
}

#[test]
fn the_charts_say_their_numbers_in_words() {
    let mut s = staff(Lang::EnUs);
    s.size = ratatui::layout::Size { width: 100, height: 60 };
    send(&mut s, [Msg::StaffFiguresLoaded(figures()), key(KeyCode::Left)]);
    send(&mut s, [key(KeyCode::Right), key(KeyCode::Right), key(KeyCode::Right)]);
    // The key's entries are held together by no-break spaces.
    let text = screen_text(&s).replace('\u{a0}', " ");
    for said in [
        "09:00 12 tickets",
        "12:00 0 tickets",
        "A Household and ID: mean wait 25 min (30 issued, 25 served)",
        "B Exit and entry: 12 issued, nobody served yet",
        "Window 1: very satisfied 2 (50.0%), satisfied 1 (25.0%), fairly satisfied 0 (0.0%)",
        "Key: █ very satisfied",
    ] {
        assert!(text.contains(said), "{said:?} in\n{text}");
    }
    let charts = pages::rows(&s);
    assert!(charts.contains(&Row::HoursChart) && charts.contains(&Row::LevelsChart));
    // A screen reader gets the words alone, the cursor on the first.
    s.screen_reader = true;
    let rows = pages::rows(&s);
    assert!(
        !rows.iter().any(|r| matches!(r, Row::HoursChart | Row::WaitChart | Row::LevelsChart)),
        "{rows:?}"
    );
    let text = screen_text(&s);
    assert!(text.contains("09:00 12 tickets") && !text.contains('█'), "{text}");
    let mut terminal = render(&s, onestop::ui::Theme::standard());
    let cursor = terminal.get_cursor_position().unwrap();
    assert_eq!(cursor.y, layout::bands(&s).body.y + 1, "the reader starts at the page's first row");
}

#[test]
fn without_a_staff_token_the_page_says_so_instead_of_the_figures() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let mut s = staff(lang);
        let refused = Figures {
            ratings: Err(StaffRefusal::NoToken),
            reports: Err(StaffRefusal::NoToken),
            queues: None,
        };
        send(&mut s, [Msg::StaffFiguresLoaded(refused), key(KeyCode::Right)]);
        let text = screen_text(&s);
        assert!(text.contains("backend.staff_token"), "{text}");
        insta::assert_snapshot!(format!("staff_no_token_{lang}"), text);
    }
    // Each refusal its own sentence; an outage says what it is.
    let mut s = staff(Lang::EnUs);
    let other = Figures {
        ratings: Err(StaffRefusal::OtherHall),
        reports: Err(StaffRefusal::Fetch(FetchError::Offline)),
        queues: None,
    };
    send(&mut s, [Msg::StaffFiguresLoaded(other), key(KeyCode::Right)]);
    assert!(
        words(&s).contains("another hall's: it cannot read the figures of hall binjiang"),
        "{}",
        words(&s)
    );
    send(&mut s, [key(KeyCode::Right)]);
    assert!(
        words(&s).contains("Today's figures cannot be read right now: the server cannot be reached"),
        "{}",
        words(&s)
    );
}

/// The screen's words, wrapped lines joined.
fn words(s: &State) -> String {
    screen_text(s).replace('"', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn in_screen_reader_mode_the_charts_page_is_words_alone() {
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let mut s = staff(lang);
        s.screen_reader = true;
        send(&mut s, [Msg::StaffFiguresLoaded(figures())]);
        send(&mut s, [key(KeyCode::Right), key(KeyCode::Right), key(KeyCode::Right)]);
        let text = screen_text(&s);
        assert!(!text.contains('█') && !text.contains('▒'), "{text}");
        insta::assert_snapshot!(format!("staff_charts_screen_reader_{lang}"), text);
    }
}
