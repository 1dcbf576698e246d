//! The clerk's console at 80×24 in zh-CN and en-US, as insta snapshots:
//! the desk with a ticket in hand, an idle paused window with the link
//! lost, each list to choose from, a refusal, and a refused token.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::domain::queue::wire::{
    ActionDone, GroupView, HallQueues, InHandView, MissedView, QueueView, WaitView, WindowView,
};
use onestop::domain::{Lang, Text};
use onestop::ui::Theme;
use onestop::window::{ActFailure, Msg, State, WindowConfig, update};
use ratatui::{Terminal, backend::TestBackend, layout::Size};

fn text(zh: &str, en: &str) -> Text {
    Text([(Lang::ZhCn, zh.to_owned()), (Lang::EnUs, en.to_owned())].into_iter().collect())
}

fn queue(prefix: &str, zh: &str, en: &str, waiting: u32) -> QueueView {
    QueueView {
        prefix: prefix.into(),
        name: text(zh, en),
        services: vec![],
        waiting,
        open_windows: 1,
        estimate: WaitView::Unknown,
        windows: vec![6],
        issue_from: "09:00".into(),
        issue_until: "16:30".into(),
        daily_cap: 400,
    }
}

/// Window 6 of Binjiang (queues A and B), at 09:40 in Shanghai.
fn queues(open: bool, in_hand: bool) -> HallQueues {
    // More than three lines hold: the last ends "and N more".
    let waiting: Vec<String> =
        std::iter::once("B004".to_owned()).chain((7..=50).map(|n| format!("A{n:03}"))).collect();
    HallQueues {
        hall: "binjiang".into(),
        day: "2026-11-30".into(),
        time_zone: "Asia/Shanghai".into(),
        numbers_here: true,
        queues: vec![
            queue("A", "户籍与身份证", "Household registration and ID cards", 13),
            queue("B", "出入境", "Exit and entry", 3),
            queue("C", "社会保障", "Social security", 0),
        ],
        windows: vec![WindowView {
            number: 6,
            open,
            queues: vec!["A".into(), "B".into()],
            in_hand: in_hand.then(|| "B003".into()),
            ticket: in_hand.then(|| InHandView {
                number: "B003".into(),
                queue: "B".into(),
                lane: "priority".into(),
                priority_group: Some("senior-70".into()),
                state: "called".into(),
                calls: Some(2),
                since: "2026-11-30T01:38:00Z".into(),
                seconds_since: 150,
            }),
            waiting,
            missed: vec![
                MissedView { number: "A005".into(), seconds_left: 1500 },
                MissedView { number: "A002".into(), seconds_left: 200 },
            ],
            served_today: 12,
            mean_service_seconds: Some(390),
        }],
        calls: vec![],
        priority_groups: vec![GroupView {
            id: "senior-70".into(),
            name: text("70 周岁及以上老年人", "People aged 70 and over"),
        }],
    }
}

fn console(lang: Lang, q: HallQueues) -> State {
    let config = WindowConfig {
        hall: "binjiang".into(),
        window: 6,
        lang,
        token_name: "window-06".into(),
        screen_reader: false,
    };
    let (mut state, _) = State::new(config, Size::new(80, 24));
    update(&mut state, Msg::StreamOpened);
    update(&mut state, Msg::QueuesLoaded(Ok(q.clone())));
    update(&mut state, Msg::QueuesLoaded(Ok(q)));
    state
}

fn key(state: &mut State, c: KeyCode) {
    update(state, Msg::Key(KeyEvent::new(c, KeyModifiers::NONE)));
}

fn render(state: &State) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| onestop::ui::window::view(state, &Theme::monochrome(), f)).unwrap();
    terminal.backend().to_string()
}

fn screens(lang: Lang) -> Vec<(&'static str, State)> {
    let mut out = vec![];
    let mut s = console(lang, queues(true, true));
    update(
        &mut s,
        Msg::Acted(Ok(ActionDone {
            kind: "called".into(),
            window: 6,
            number: Some("B003".into()),
            calls: Some(2),
            from: None,
            to: None,
            took_seconds: None,
        })),
    );
    out.push(("in_hand", s.clone()));
    // The queues read again after the call: the lists are opened from it.
    update(&mut s, Msg::QueuesLoaded(Ok(queues(true, true))));
    key(&mut s, KeyCode::Char('b'));
    key(&mut s, KeyCode::Down);
    out.push(("put_back_list", s.clone()));
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Char('t'));
    out.push(("transfer_list", s.clone()));
    let mut s = console(lang, queues(false, false));
    update(&mut s, Msg::Acted(Err(ActFailure::Refused("window_not_open".into()))));
    update(&mut s, Msg::Tick(3_000));
    update(&mut s, Msg::StreamClosed);
    out.push(("paused_and_link_lost", s));
    let mut s = console(lang, queues(true, false));
    update(&mut s, Msg::TokenChecked(Err(ActFailure::Unregistered)));
    out.push(("token_refused", s));
    out
}

#[test]
fn console_screens_at_80x24() {
    for (lang, tag) in [(Lang::ZhCn, "zh-CN"), (Lang::EnUs, "en-US")] {
        for (name, state) in screens(lang) {
            insta::assert_snapshot!(format!("window_{name}_{tag}"), render(&state));
        }
    }
}

#[test]
fn in_screen_reader_mode_the_cursor_is_on_the_entry_being_chosen() {
    let mut state = console(Lang::EnUs, queues(true, true));
    state.screen_reader = true;
    key(&mut state, KeyCode::Char('b'));
    key(&mut state, KeyCode::Down);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| onestop::ui::window::view(&state, &Theme::monochrome(), f)).unwrap();
    let at = terminal.get_cursor_position().unwrap();
    let screen = render(&state);
    let row = screen.lines().nth(usize::from(at.y)).unwrap();
    assert!(row.contains("▶ 2. A002 (4 min left)"), "{row}");
}
