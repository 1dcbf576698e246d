//! The calling screen as insta snapshots: at 80×24 in zh-CN and en-US (a
//! fresh call, a call again with the link lost and speech off, nothing
//! called yet) and at 240×67 (a 1920×1080 screen at foot's size 14). The
//! highlight is reverse video: a test reads the cells' modifiers.

use onestop::display::{DisplayConfig, HIGHLIGHT_MS, Msg, State, update};
use onestop::domain::queue::wire::{CallView, HallQueues, QueueView, WaitView};
use onestop::domain::{Lang, Text};
use onestop::speech::SpeechError;
use onestop::ui::Theme;
use ratatui::{Terminal, backend::TestBackend, layout::Size, style::Modifier};

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

fn read(calls: &[(&str, u16, u8)]) -> HallQueues {
    HallQueues {
        hall: "binjiang".into(),
        day: "2026-11-30".into(),
        time_zone: "Asia/Shanghai".into(),
        numbers_here: true,
        queues: vec![queue("A", 13), queue("B", 3), queue("C", 0)],
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

const EARLIER: [(&str, u16, u8); 4] = [("B002", 5, 1), ("A021", 2, 1), ("A020", 1, 1), ("B001", 4, 1)];

/// A screen that has seen `EARLIER`, then (live) the calls of `then`.
fn screen(lang: Lang, size: (u16, u16), then: &[(&str, u16, u8)]) -> State {
    let config =
        DisplayConfig { hall: "binjiang".into(), lang, speak: true, recent: 5, screen_reader: false };
    let (mut s, _) = State::new(config, Size::new(size.0, size.1));
    update(&mut s, Msg::StreamOpened);
    update(&mut s, Msg::HallsLoaded(Ok(vec![])));
    s.no_such_hall = None;
    update(&mut s, Msg::QueuesLoaded(Ok(read(&EARLIER))));
    let mut all: Vec<_> = then.to_vec();
    all.extend(EARLIER);
    update(&mut s, Msg::QueuesLoaded(Ok(read(&all))));
    s
}

fn terminal(state: &State, size: (u16, u16)) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(|f| onestop::ui::display::view(state, &Theme::monochrome(), f)).unwrap();
    terminal
}

fn render(state: &State, size: (u16, u16)) -> String {
    terminal(state, size).backend().to_string()
}

fn screens(lang: Lang) -> Vec<(&'static str, State)> {
    let mut out = vec![];
    let s = screen(lang, (80, 24), &[("A023", 3, 1)]);
    out.push(("new_call", s));
    let mut s = screen(lang, (80, 24), &[("A021", 2, 2)]);
    update(&mut s, Msg::Tick(HIGHLIGHT_MS + 3_000));
    update(&mut s, Msg::StreamClosed);
    let missing = SpeechError::Missing { program: "espeak-ng".into(), hint: "apt-get install espeak-ng" };
    update(&mut s, Msg::SpeechOff(missing));
    out.push(("call_again_link_lost_speech_off", s));
    let config =
        DisplayConfig { hall: "binjiang".into(), lang, speak: false, recent: 5, screen_reader: false };
    let (mut s, _) = State::new(config, Size::new(80, 24));
    update(&mut s, Msg::StreamOpened);
    update(&mut s, Msg::QueuesLoaded(Ok(read(&[]))));
    out.push(("nothing_called", s));
    out
}

#[test]
fn calling_screens_at_80x24() {
    for (lang, tag) in [(Lang::ZhCn, "zh-CN"), (Lang::EnUs, "en-US")] {
        for (name, state) in screens(lang) {
            let screen = render(&state, (80, 24));
            // Numbers only: no queue's or citizen's name is on the screen.
            assert!(!screen.contains("户籍"), "{screen}");
            insta::assert_snapshot!(format!("display_{name}_{tag}"), screen);
        }
    }
}

#[test]
fn a_large_screen_shows_the_whole_sentence_in_big_letters() {
    let size = (240, 67);
    let state = screen(Lang::ZhCn, size, &[("A023", 3, 1)]);
    insta::assert_snapshot!("display_new_call_240x67_zh-CN", render(&state, size));
}

#[test]
fn a_new_call_stands_out_in_reverse_video_until_its_time_is_up() {
    let mut state = screen(Lang::EnUs, (80, 24), &[("A023", 3, 1)]);
    let reversed = |state: &State| {
        let t = terminal(state, (80, 24));
        let buf = t.backend().buffer().clone();
        // The row of the English sentence, below the big letters.
        let row = (0..24)
            .find(|&y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>().contains("A023 → Window 3"));
        let row = row.expect("the sentence is on the screen");
        // The body's width: columns 1 to 78.
        (1..79).all(|x| buf[(x, row)].modifier.contains(Modifier::REVERSED))
    };
    assert!(reversed(&state));
    update(&mut state, Msg::Tick(HIGHLIGHT_MS));
    assert!(!reversed(&state));
}

#[test]
fn a_small_terminal_is_told_what_it_needs() {
    let state = screen(Lang::EnUs, (30, 10), &[]);
    let t = terminal(&state, (30, 10));
    let buf = t.backend().buffer();
    let rows: Vec<String> = (0..10)
        .map(|y| (0..30).map(|x| buf[(x, y)].symbol()).collect::<String>().trim().to_owned())
        .collect();
    let text = rows.join(" ");
    assert!(text.contains("at least 40×12"), "{text}");
}

#[test]
fn in_screen_reader_mode_the_cursor_is_on_the_newest_call() {
    let mut state = screen(Lang::ZhCn, (80, 24), &[("A023", 3, 1)]);
    state.screen_reader = true;
    let mut t = terminal(&state, (80, 24));
    let at = t.get_cursor_position().unwrap();
    let screen = render(&state, (80, 24));
    let row = screen.lines().nth(usize::from(at.y)).unwrap();
    assert!(row.contains("请 A023 号到 3 号窗口"), "{row}");
}

#[test]
fn without_colour_the_screen_sends_none() {
    use ratatui::style::Color;
    let state = screen(Lang::EnUs, (80, 24), &[("A023", 3, 1)]);
    let t = terminal(&state, (80, 24));
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert!(cell.fg == Color::Reset && cell.bg == Color::Reset, "{cell:?}");
    }
}
