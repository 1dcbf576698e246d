//! The console's core driven by messages alone: no server, no terminal,
//! no clock but the ticks it is given.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Size;

use super::*;
use crate::domain::queue::wire::{InHandView, MissedView, QueueView, WaitView};

fn config() -> WindowConfig {
    WindowConfig {
        hall: "binjiang".into(),
        window: 6,
        lang: Lang::ZhCn,
        token_name: "window-06".into(),
        screen_reader: false,
    }
}

fn queue(prefix: &str, waiting: u32) -> QueueView {
    QueueView {
        prefix: prefix.into(),
        name: Default::default(),
        services: vec![],
        waiting,
        open_windows: 1,
        estimate: WaitView::Unknown,
        windows: vec![6],
        issue_from: "08:30".into(),
        issue_until: "16:30".into(),
        daily_cap: 300,
    }
}

/// Window 6 calls A and B; `open`, with `in_hand` and `missed` as given.
fn hall(open: bool, in_hand: Option<&str>, missed: &[(&str, u32)]) -> HallQueues {
    let ticket = in_hand.map(|n| InHandView {
        number: n.into(),
        queue: n[..1].into(),
        lane: "ordinary".into(),
        priority_group: None,
        state: "called".into(),
        calls: Some(1),
        since: "2026-11-30T01:00:00Z".into(),
        seconds_since: 50,
    });
    HallQueues {
        hall: "binjiang".into(),
        day: "2026-11-30".into(),
        time_zone: "Asia/Shanghai".into(),
        numbers_here: true,
        queues: vec![queue("A", 2), queue("B", 0), queue("C", 0)],
        windows: vec![WindowView {
            number: 6,
            open,
            queues: vec!["A".into(), "B".into()],
            in_hand: in_hand.map(Into::into),
            ticket,
            waiting: vec!["A002".into(), "A003".into()],
            missed: missed
                .iter()
                .map(|(n, s)| MissedView { number: (*n).into(), seconds_left: *s })
                .collect(),
            served_today: 0,
            mean_service_seconds: None,
        }],
        calls: vec![],
        priority_groups: vec![],
    }
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn code(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A console that has read `queues` and hears the stream.
fn ready(queues: HallQueues) -> State {
    let (mut state, _) = State::new(config(), Size::new(80, 24));
    update(&mut state, Msg::StreamOpened);
    // The read made at the start, then the one the stream's opening asked
    // for (events may have come between the two).
    assert_eq!(
        update(&mut state, Msg::QueuesLoaded(Ok(queues.clone()))),
        vec![Effect::Redraw, Effect::LoadQueues]
    );
    assert_eq!(update(&mut state, Msg::QueuesLoaded(Ok(queues))), vec![Effect::Redraw]);
    state
}

fn act(action: ActionName) -> Effect {
    Effect::Act { action, number: None, to: None }
}

fn done(kind: &str, number: Option<&str>, calls: Option<u8>) -> ActionDone {
    ActionDone {
        kind: kind.into(),
        window: 6,
        number: number.map(Into::into),
        calls,
        from: None,
        to: None,
        took_seconds: None,
    }
}

#[test]
fn a_console_checks_its_token_reads_the_queues_and_listens_at_once() {
    let (state, effects) = State::new(config(), Size::new(80, 24));
    assert_eq!(effects, vec![Effect::CheckToken, Effect::LoadHalls, Effect::LoadQueues, Effect::Subscribe]);
    assert_eq!(state.link, Link::Connecting { attempt: 0 });
    assert!(state.offline());
}

#[test]
fn calling_sends_one_action_per_press_and_shows_what_it_did() {
    let mut state = ready(hall(true, None, &[]));
    assert_eq!(update(&mut state, key('n')), vec![act(ActionName::CallNext), Effect::Redraw]);
    // Pressed again before the answer: one press, one action.
    assert_eq!(update(&mut state, key('n')), vec![]);
    let effects = update(&mut state, Msg::Acted(Ok(done("called", Some("A002"), Some(1)))));
    assert_eq!(effects, vec![Effect::LoadQueues, Effect::Redraw]);
    assert_eq!(state.notice, Some(Notice::Done(done("called", Some("A002"), Some(1)))));
    update(&mut state, Msg::QueuesLoaded(Ok(hall(true, Some("A002"), &[]))));
    assert_eq!(state.window().unwrap().ticket.as_ref().unwrap().number, "A002");
    // Enter calls too; then call again, start, finish and no-show by their keys.
    for (msg, action) in [
        (key('r'), ActionName::Recall),
        (key('S'), ActionName::Start),
        (key('f'), ActionName::Finish),
        (key('x'), ActionName::NoShow),
        (code(KeyCode::Enter), ActionName::CallNext),
    ] {
        assert_eq!(update(&mut state, msg), vec![act(action), Effect::Redraw]);
        update(&mut state, Msg::Acted(Ok(done("called", Some("A002"), Some(2)))));
    }
}

#[test]
fn a_tap_on_a_button_does_what_its_key_does() {
    let mut state = ready(hall(true, None, &[]));
    let recall = buttons(&state).into_iter().find(|b| b.command == Command::Recall).unwrap();
    let tap = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: recall.x + 1,
        row: recall.y,
        modifiers: KeyModifiers::NONE,
    };
    assert_eq!(update(&mut state, Msg::Mouse(tap)), vec![act(ActionName::Recall), Effect::Redraw]);
    // Every button lies on the last two rows, inside 80 columns.
    for b in buttons(&state) {
        assert!(b.y >= 22 && b.y <= 23 && b.x + b.width <= 80, "{b:?}");
    }
}

#[test]
fn a_missed_ticket_is_chosen_from_its_list_and_put_back_while_minutes_are_left() {
    let mut state = ready(hall(true, None, &[("A005", 600), ("A001", 90)]));
    assert_eq!(state.missed(), vec![("A005".into(), 600), ("A001".into(), 90)]);
    // Time passes: the minutes left count down, and a ticket past its
    // time leaves the list without waiting for the server.
    update(&mut state, Msg::Tick(20_000));
    assert_eq!(state.missed(), vec![("A005".into(), 580), ("A001".into(), 70)]);
    update(&mut state, Msg::Tick(29_000));
    assert_eq!(state.missed(), vec![("A005".into(), 571), ("A001".into(), 61)]);
    assert_eq!(update(&mut state, key('b')), vec![Effect::Redraw]);
    assert_eq!(state.picker, Some(Picker::Missed { selected: 0 }));
    update(&mut state, code(KeyCode::Down));
    assert_eq!(state.picker, Some(Picker::Missed { selected: 1 }));
    // A digit names the entry itself.
    let effects = update(&mut state, key('1'));
    let a005 = TicketNumber::parse("A005");
    assert_eq!(
        effects,
        vec![Effect::Act { action: ActionName::PutBack, number: a005, to: None }, Effect::Redraw]
    );
    assert_eq!(state.picker, None);
    // The server says too late: a sentence, and the list as the server has it.
    update(&mut state, Msg::Acted(Err(ActFailure::Refused("too_late_to_put_back".into()))));
    assert_eq!(state.notice, Some(Notice::Failed(ActFailure::Refused("too_late_to_put_back".into()))));
}

#[test]
fn nothing_to_put_back_or_transfer_is_said_without_asking_the_server() {
    let mut state = ready(hall(true, None, &[]));
    assert_eq!(update(&mut state, key('b')), vec![Effect::Redraw]);
    assert_eq!((state.picker, state.notice.clone()), (None, Some(Notice::NoneMissed)));
    assert_eq!(update(&mut state, key('t')), vec![Effect::Redraw]);
    assert_eq!((state.picker, state.notice.clone()), (None, Some(Notice::NothingInHand)));
}

#[test]
fn a_transfer_asked_for_before_the_call_is_read_back_waits_for_the_read() {
    let mut state = ready(hall(true, None, &[]));
    update(&mut state, key('n'));
    // T while the call is on its way, then while the queues are read again:
    // nothing is said yet, not "nothing in hand".
    assert_eq!(update(&mut state, key('t')), vec![]);
    assert_eq!(
        update(&mut state, Msg::Acted(Ok(done("called", Some("A002"), Some(1))))),
        vec![Effect::LoadQueues, Effect::Redraw]
    );
    assert_eq!(update(&mut state, key('t')), vec![]);
    assert_eq!(
        (state.picker, &state.notice),
        (None, &Some(Notice::Done(done("called", Some("A002"), Some(1)))))
    );
    // The read shows the ticket in hand: the list of queues opens.
    assert_eq!(
        update(&mut state, Msg::QueuesLoaded(Ok(hall(true, Some("A002"), &[])))),
        vec![Effect::Redraw, Effect::Redraw]
    );
    assert_eq!(state.picker, Some(Picker::Queue { selected: 0 }));
    // Put back, asked for during a read, says there is none once it is back.
    update(&mut state, code(KeyCode::Esc));
    update(&mut state, Msg::Tick(REFRESH_MS + 1));
    assert_eq!(update(&mut state, key('b')), vec![]);
    update(&mut state, Msg::QueuesLoaded(Ok(hall(true, Some("A002"), &[]))));
    assert_eq!((state.picker, state.notice.clone()), (None, Some(Notice::NoneMissed)));
}

#[test]
fn a_ticket_in_hand_is_transferred_to_another_queue_of_the_hall() {
    let mut state = ready(hall(true, Some("A002"), &[]));
    // Its own queue is not offered.
    assert_eq!(state.transfer_targets(), vec!["B".to_owned(), "C".to_owned()]);
    update(&mut state, key('t'));
    assert_eq!(state.picker, Some(Picker::Queue { selected: 0 }));
    update(&mut state, code(KeyCode::Down));
    update(&mut state, code(KeyCode::Down));
    let effects = update(&mut state, code(KeyCode::Enter));
    let c = QueuePrefix::parse("C");
    assert_eq!(
        effects,
        vec![Effect::Act { action: ActionName::Transfer, number: None, to: c }, Effect::Redraw]
    );
    // Esc leaves a list without acting.
    update(&mut state, Msg::Acted(Ok(done("transferred", Some("A002"), None))));
    update(&mut state, Msg::QueuesLoaded(Ok(hall(true, Some("A003"), &[]))));
    update(&mut state, key('t'));
    assert_eq!(update(&mut state, code(KeyCode::Esc)), vec![Effect::Redraw]);
    assert_eq!(state.picker, None);
}

#[test]
fn p_pauses_an_open_window_and_opens_a_paused_one() {
    let mut state = ready(hall(true, None, &[]));
    assert_eq!(update(&mut state, key('p')), vec![act(ActionName::Pause), Effect::Redraw]);
    update(&mut state, Msg::Acted(Ok(done("paused", None, None))));
    update(&mut state, Msg::QueuesLoaded(Ok(hall(false, None, &[]))));
    assert_eq!(update(&mut state, key('p')), vec![act(ActionName::Open), Effect::Redraw]);
    // The key bar's button says what P will do.
    let label = |s: &State| buttons(s).into_iter().find(|b| b.command == Command::PauseOrOpen).unwrap().label;
    assert_eq!(label(&state), "开放");
    update(&mut state, Msg::Acted(Ok(done("opened", None, None))));
    update(&mut state, Msg::QueuesLoaded(Ok(hall(true, None, &[]))));
    assert_eq!(label(&state), "暂停");
}

#[test]
fn a_refused_token_stops_the_console_and_only_quitting_works() {
    let mut state = ready(hall(true, None, &[]));
    update(&mut state, Msg::TokenChecked(Err(ActFailure::WrongToken)));
    assert_eq!(state.token_refused, Some(ActFailure::WrongToken));
    assert_eq!(update(&mut state, key('n')), vec![]);
    assert_eq!(buttons(&state).iter().map(|b| b.command).collect::<Vec<_>>(), vec![Command::Quit]);
    assert_eq!(update(&mut state, key('q')), vec![Effect::End]);
    // Refused at an action (revoked meanwhile): the same.
    let mut state = ready(hall(true, None, &[]));
    update(&mut state, Msg::TokenChecked(Ok(())));
    update(&mut state, key('n'));
    update(&mut state, Msg::Acted(Err(ActFailure::Unregistered)));
    assert_eq!(state.token_refused, Some(ActFailure::Unregistered));
    // A server that is down is no verdict on the token.
    let mut state = ready(hall(true, None, &[]));
    update(&mut state, Msg::TokenChecked(Err(ActFailure::Fetch(FetchError::Offline))));
    assert_eq!(state.token_refused, None);
}

#[test]
fn a_lost_stream_is_shown_and_tried_again_with_a_growing_back_off() {
    let mut state = ready(hall(true, None, &[]));
    assert_eq!(state.link, Link::Live);
    assert!(!state.offline());
    update(&mut state, Msg::Tick(5_000));
    assert_eq!(update(&mut state, Msg::StreamClosed), vec![Effect::Redraw]);
    assert_eq!(state.link, Link::Lost { attempt: 1, retry_ms: 6_000 });
    assert!(state.offline());
    assert!(!update(&mut state, Msg::Tick(5_500)).contains(&Effect::Subscribe));
    assert_eq!(update(&mut state, Msg::Tick(6_000)), vec![Effect::Subscribe, Effect::Redraw]);
    assert_eq!(state.link, Link::Connecting { attempt: 1 });
    // Refused again: twice as long, and so on up to half a minute.
    update(&mut state, Msg::StreamClosed);
    assert_eq!(state.link, Link::Lost { attempt: 2, retry_ms: 8_000 });
    assert_eq!((backoff_ms(3), backoff_ms(6), backoff_ms(40)), (4_000, 30_000, 30_000));
    update(&mut state, Msg::Tick(8_000));
    // Back: live, and everything read again (events were missed meanwhile).
    let effects = update(&mut state, Msg::StreamOpened);
    assert!(effects.contains(&Effect::LoadQueues), "{effects:?}");
    assert_eq!(state.link, Link::Live);
    // A read that fails marks what is shown as old, even with the stream up.
    update(&mut state, Msg::QueuesLoaded(Err(FetchError::Timeout)));
    assert!(state.offline());
}

#[test]
fn events_read_the_queues_once_however_many_arrive_during_a_read() {
    let mut state = ready(hall(true, None, &[]));
    assert_eq!(update(&mut state, Msg::StreamEvent("issued".into())), vec![Effect::LoadQueues]);
    assert_eq!(update(&mut state, Msg::StreamEvent("called".into())), vec![]);
    assert_eq!(update(&mut state, Msg::StreamEvent("lagged".into())), vec![]);
    // The read comes back: one more covers both.
    let effects = update(&mut state, Msg::QueuesLoaded(Ok(hall(true, None, &[]))));
    assert_eq!(effects, vec![Effect::Redraw, Effect::LoadQueues]);
    update(&mut state, Msg::QueuesLoaded(Ok(hall(true, None, &[]))));
    // A quiet hall is read again every half minute.
    assert_eq!(update(&mut state, Msg::Tick(REFRESH_MS)), vec![Effect::LoadQueues]);
    // A read that fails is not asked again at every tick.
    update(&mut state, Msg::QueuesLoaded(Err(FetchError::Offline)));
    assert_eq!(update(&mut state, Msg::Tick(REFRESH_MS + 1_000)), vec![]);
    assert_eq!(update(&mut state, Msg::Tick(2 * REFRESH_MS)), vec![Effect::LoadQueues]);
}

#[test]
fn the_minutes_since_the_call_count_on_and_redraw_when_they_change() {
    let mut state = ready(hall(true, Some("A002"), &[]));
    // Read 50 s after the call; ten seconds on, a minute has gone.
    assert_eq!(state.in_hand_minutes(), Some(0));
    assert_eq!(update(&mut state, Msg::Tick(5_000)), vec![]);
    assert_eq!(update(&mut state, Msg::Tick(10_000)), vec![Effect::Redraw]);
    assert_eq!(state.in_hand_minutes(), Some(1));
}

#[test]
fn the_hall_is_named_once_known_and_an_unknown_one_is_said() {
    let mut state = ready(hall(true, None, &[]));
    assert_eq!(state.hall_label(), "binjiang");
    // Not read: the id stays, and nothing is claimed about the hall.
    update(&mut state, Msg::HallsLoaded(Err(FetchError::Offline)));
    assert_eq!((state.hall_label(), &state.no_such_hall), ("binjiang", &None));
    let halls = crate::server::catalog_source::embedded().unwrap().halls;
    assert_eq!(update(&mut state, Msg::HallsLoaded(Ok(halls.clone()))), vec![Effect::Redraw]);
    assert_eq!(state.hall_label(), "滨江市民服务中心");
    let (mut elsewhere, _) =
        State::new(WindowConfig { hall: "nowhere".into(), ..config() }, Size::new(80, 24));
    update(&mut elsewhere, Msg::HallsLoaded(Ok(halls)));
    let ids = elsewhere.no_such_hall.clone().unwrap();
    assert!(ids.contains(&"binjiang".to_owned()) && ids.contains(&"tianshan".to_owned()), "{ids:?}");
}

#[test]
fn f2_changes_the_language_and_q_leaves() {
    let mut state = ready(hall(true, None, &[]));
    update(&mut state, code(KeyCode::F(2)));
    assert_eq!(state.lang, Lang::EnUs);
    assert_eq!(update(&mut state, key('q')), vec![Effect::End]);
}
