//! The calling screen's core driven by messages, with no terminal and no
//! server: a call, a call again, the highlight ending, calls made before
//! the screen started, the lost connection and the reconnect, speech off;
//! and the exact text each call hands the synthesizer, in both languages.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::display::{
    Call, DisplayConfig, Effect, HIGHLIGHT_MS, Link, Msg, REFRESH_MS, State, update, utterances,
};
use onestop::domain::queue::wire::{CallView, HallQueues, QueueView, WaitView};
use onestop::domain::{Lang, Text};
use onestop::speech::SpeechError;
use ratatui::layout::Size;

fn queue(prefix: &str, waiting: u32) -> QueueView {
    QueueView {
        prefix: prefix.into(),
        name: Text::default(),
        services: vec![],
        waiting,
        open_windows: 1,
        estimate: WaitView::Unknown,
        windows: vec![3],
        issue_from: "09:00".into(),
        issue_until: "16:30".into(),
        daily_cap: 400,
    }
}

/// The queues with `calls` in hand, the latest first: (number, window, calls).
fn read(calls: &[(&str, u16, u8)]) -> HallQueues {
    HallQueues {
        hall: "binjiang".into(),
        day: "2026-11-30".into(),
        time_zone: "Asia/Shanghai".into(),
        numbers_here: true,
        queues: vec![queue("A", 4), queue("B", 0)],
        windows: vec![],
        calls: calls
            .iter()
            .map(|(number, window, calls)| CallView {
                number: (*number).into(),
                window: *window,
                state: "called".into(),
                calls: Some(*calls),
                at: "2026-11-30T01:38:00Z".into(),
            })
            .collect(),
        priority_groups: vec![],
    }
}

fn screen(speak: bool) -> State {
    let config =
        DisplayConfig { hall: "binjiang".into(), lang: Lang::ZhCn, speak, recent: 5, screen_reader: false };
    let (mut state, effects) = State::new(config, Size::new(80, 24));
    assert!(effects.contains(&Effect::Subscribe) && effects.contains(&Effect::LoadQueues));
    assert_eq!(effects.contains(&Effect::StartSpeech), speak);
    update(&mut state, Msg::StreamOpened);
    state
}

/// The first reads: the one asked at the start, and the one the stream's
/// `ready` asked for meanwhile.
fn seed(s: &mut State, calls: &[(&str, u16, u8)]) -> Vec<Effect> {
    let mut effects = update(s, Msg::QueuesLoaded(Ok(read(calls))));
    assert!(effects.contains(&Effect::LoadQueues), "the stream's ready reads again: {effects:?}");
    effects.extend(update(s, Msg::QueuesLoaded(Ok(read(calls)))));
    effects
}

fn speaks(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Speak(u) => Some(u.iter().map(|u| u.shown.clone()).collect::<Vec<_>>().join(" ")),
            _ => None,
        })
        .collect()
}

fn call(number: &str, window: u16, calls: u8) -> Call {
    Call { number: number.into(), window, calls }
}

#[test]
fn calls_before_the_screen_started_are_shown_but_not_highlighted_or_spoken() {
    let mut s = screen(true);
    let effects = seed(&mut s, &[("A002", 2, 1), ("A001", 1, 1)]);
    assert!(speaks(&effects).is_empty(), "{effects:?}");
    assert_eq!(s.newest(), Some(&call("A002", 2, 1)));
    assert_eq!(s.recent(), &[call("A001", 1, 1)]);
    assert!(!s.highlighted());
    assert_eq!(s.waiting, vec![("A".to_owned(), 4), ("B".to_owned(), 0)]);
}

#[test]
fn a_call_is_shown_highlighted_spoken_and_the_highlight_ends_by_tick() {
    let mut s = screen(true);
    seed(&mut s, &[("A001", 1, 1)]);
    update(&mut s, Msg::Tick(5_000));
    // The event makes the screen read again; the read brings the call.
    assert_eq!(update(&mut s, Msg::StreamEvent("called".into())), vec![Effect::LoadQueues]);
    let effects = update(&mut s, Msg::QueuesLoaded(Ok(read(&[("A023", 3, 1), ("A001", 1, 1)]))));
    assert_eq!(speaks(&effects), vec!["请 A023 号到 3 号窗口 Number A023 please go to window 3"]);
    assert!(effects.contains(&Effect::Redraw));
    assert_eq!(s.newest(), Some(&call("A023", 3, 1)));
    assert_eq!(s.recent(), &[call("A001", 1, 1)]);
    assert!(s.highlighted());
    // Still standing out a moment before the end; not after; one redraw then.
    assert!(update(&mut s, Msg::Tick(5_000 + HIGHLIGHT_MS - 1_000)).is_empty());
    assert!(s.highlighted());
    assert_eq!(update(&mut s, Msg::Tick(5_000 + HIGHLIGHT_MS)), vec![Effect::Redraw]);
    assert!(!s.highlighted());
    assert!(update(&mut s, Msg::Tick(5_000 + HIGHLIGHT_MS + 1_000)).is_empty());
    // The same read again (another event) is no new call.
    update(&mut s, Msg::StreamEvent("started".into()));
    let effects = update(&mut s, Msg::QueuesLoaded(Ok(read(&[("A023", 3, 1), ("A001", 1, 1)]))));
    assert!(speaks(&effects).is_empty());
    assert!(!s.highlighted());
}

#[test]
fn a_call_again_is_shown_and_spoken_again_and_listed_once() {
    let mut s = screen(true);
    seed(&mut s, &[("A001", 1, 1)]);
    let effects = update(&mut s, Msg::QueuesLoaded(Ok(read(&[("A023", 3, 1), ("A001", 1, 1)]))));
    assert_eq!(speaks(&effects).len(), 1);
    update(&mut s, Msg::Tick(HIGHLIGHT_MS + 1));
    assert!(!s.highlighted());
    // 重呼 of A001: its count goes up, it is the newest again.
    let effects = update(&mut s, Msg::QueuesLoaded(Ok(read(&[("A001", 1, 2), ("A023", 3, 1)]))));
    assert_eq!(speaks(&effects), vec!["请 A001 号到 1 号窗口 Number A001 please go to window 1"]);
    assert_eq!(s.newest(), Some(&call("A001", 1, 2)));
    assert_eq!(s.recent(), &[call("A023", 3, 1)]);
    assert!(s.highlighted());
}

#[test]
fn two_calls_in_one_read_are_both_spoken_oldest_first() {
    let mut s = screen(true);
    seed(&mut s, &[]);
    let effects = update(&mut s, Msg::QueuesLoaded(Ok(read(&[("B001", 2, 1), ("A001", 1, 1)]))));
    let said = speaks(&effects);
    assert_eq!(said.len(), 2);
    assert!(said[0].starts_with("请 A001") && said[1].starts_with("请 B001"), "{said:?}");
    assert_eq!(s.newest(), Some(&call("B001", 2, 1)));
}

#[test]
fn without_speech_nothing_is_spoken() {
    let mut s = screen(false);
    seed(&mut s, &[]);
    let effects = update(&mut s, Msg::QueuesLoaded(Ok(read(&[("A001", 1, 1)]))));
    assert!(speaks(&effects).is_empty());
    assert!(s.highlighted());
}

#[test]
fn speech_off_is_said_once_and_stops_speaking() {
    let mut s = screen(true);
    seed(&mut s, &[]);
    let missing = SpeechError::Missing { program: "espeak-ng".into(), hint: "apt-get install espeak-ng" };
    assert_eq!(update(&mut s, Msg::SpeechOff(missing.clone())), vec![Effect::Redraw]);
    assert!(update(&mut s, Msg::SpeechOff(missing.clone())).is_empty());
    assert_eq!(s.speech_off, Some(missing));
    let effects = update(&mut s, Msg::QueuesLoaded(Ok(read(&[("A001", 1, 1)]))));
    assert!(speaks(&effects).is_empty());
    assert_eq!(s.newest(), Some(&call("A001", 1, 1)));
}

#[test]
fn a_lost_connection_is_said_retried_with_back_off_and_calls_made_meanwhile_appear() {
    let mut s = screen(true);
    seed(&mut s, &[("A001", 1, 1)]);
    assert!(!s.offline());
    update(&mut s, Msg::Tick(10_000));
    assert_eq!(update(&mut s, Msg::StreamClosed), vec![Effect::Redraw]);
    assert!(s.offline());
    assert_eq!(s.link, Link::Lost { attempt: 1, retry_ms: 11_000 });
    // Not before the back-off; then one try.
    assert!(!update(&mut s, Msg::Tick(10_500)).contains(&Effect::Subscribe));
    assert!(update(&mut s, Msg::Tick(11_000)).contains(&Effect::Subscribe));
    // It fails again: the wait doubles.
    update(&mut s, Msg::StreamClosed);
    assert_eq!(s.link, Link::Lost { attempt: 2, retry_ms: 13_000 });
    assert!(update(&mut s, Msg::Tick(13_000)).contains(&Effect::Subscribe));
    assert!(s.offline());
    // Back: everything is read again, and the call made while away comes.
    let effects = update(&mut s, Msg::StreamOpened);
    assert!(effects.contains(&Effect::LoadQueues), "{effects:?}");
    assert!(!s.offline());
    let effects = update(&mut s, Msg::QueuesLoaded(Ok(read(&[("A002", 2, 1), ("A001", 1, 1)]))));
    assert_eq!(speaks(&effects).len(), 1);
    assert_eq!(s.newest(), Some(&call("A002", 2, 1)));
}

#[test]
fn a_failed_read_marks_the_screen_stale_and_it_reads_again_in_time() {
    let mut s = screen(false);
    update(&mut s, Msg::QueuesLoaded(Err(onestop::domain::FetchError::Server)));
    update(&mut s, Msg::QueuesLoaded(Err(onestop::domain::FetchError::Server)));
    assert!(s.stale && s.offline());
    assert!(!update(&mut s, Msg::Tick(REFRESH_MS - 1)).contains(&Effect::LoadQueues));
    assert!(update(&mut s, Msg::Tick(REFRESH_MS)).contains(&Effect::LoadQueues));
    update(&mut s, Msg::QueuesLoaded(Ok(read(&[]))));
    assert!(!s.offline());
}

#[test]
fn a_number_that_is_no_ticket_number_is_never_shown() {
    let mut s = screen(false);
    seed(&mut s, &[]);
    update(&mut s, Msg::QueuesLoaded(Ok(read(&[("\u{1b}[2J", 1, 1), ("A001", 2, 1)]))));
    assert_eq!(s.history, vec![call("A001", 2, 1)]);
}

#[test]
fn q_ends_and_f2_changes_the_language() {
    let mut s = screen(false);
    let key = |c| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE));
    assert_eq!(update(&mut s, key(KeyCode::F(2))), vec![Effect::Redraw]);
    assert_eq!(s.lang, Lang::EnUs);
    assert_eq!(update(&mut s, key(KeyCode::Char('q'))), vec![Effect::End]);
}

#[test]
fn the_spoken_call_is_pinyin_then_english() {
    let said: Vec<String> = utterances(&call("A023", 3, 1)).iter().map(ToString::to_string).collect();
    insta::assert_snapshot!("display_spoken_call", said.join("\n"));
    let all = said.join(" ");
    assert!(all.contains("[cmn-latn-pinyin]") && all.contains("[en-us]"), "{all}");
    // Tone numbers, never characters, go to the pinyin voice.
    assert!(!all.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{all}");
}

#[test]
fn a_new_service_day_starts_with_no_calls() {
    let mut s = screen(false);
    seed(&mut s, &[("A002", 2, 1), ("A001", 1, 1)]);
    let mut next_day = read(&[]);
    next_day.day = "2026-12-01".into();
    update(&mut s, Msg::QueuesLoaded(Ok(next_day.clone())));
    assert_eq!(s.newest(), None);
    // Today's A001 is a new call, though yesterday had one at window 1.
    next_day.calls = read(&[("A001", 1, 1)]).calls;
    update(&mut s, Msg::QueuesLoaded(Ok(next_day)));
    assert_eq!(s.newest(), Some(&call("A001", 1, 1)));
    assert!(s.highlighted());
}
