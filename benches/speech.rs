//! Speech latency (issue 19): from "speak this" to the first audio leaving
//! espeak-ng. Each run starts from a screen's text: the utterance is made
//! (pinyin and all), espeak-ng is started exactly as the speaker starts it,
//! and the clock stops at the first byte of sound on its stdout — after the
//! 44-byte WAV header, which espeak-ng writes with the first samples — and,
//! apart, at the header's first byte. Goal: ≤100 ms at p99.
//!
//! Then the same through the `Speaker` (its thread, the player process):
//! the player is `sh -c 'head -c 45; date'`, which notes the wall clock when
//! the first sample reaches it, so that figure includes starting the player
//! and one `date` (about 1 ms) on top.
//!
//! Last, from the key: ↓ or ↑ on Welcome through the kiosk core, a frame drawn
//! (to a test terminal), the follower that picks what is news, the speaker
//! and the player — everything but the terminal's own output.
//!
//! 50 runs per case after 5 to warm the page cache; p99 of 50 runs is the
//! slowest of them. Run: cargo bench --bench speech

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::domain::Lang;
use onestop::kiosk::speech::SpeechConfig;
use onestop::kiosk::{Msg, SessionConfig, State, update};
use onestop::speech::{self, Follower, Output, Say, Settings, Speaker, SpeechEvent, Utterance, Voices};
use onestop::ui::{Theme, Ui, view};
use ratatui::{Terminal, backend::TestBackend, layout::Size};

const RUNS: usize = 50;
const WARM: usize = 5;
const HEADER: usize = 44;

struct Case {
    name: &'static str,
    lang: Lang,
    text: &'static str,
}

const CASES: [Case; 3] = [
    Case {
        name: "zh-CN", lang: Lang::ZhCn, text: "请重新选择银行网点，或向工作人员求助。"
    },
    Case { name: "en-US", lang: Lang::EnUs, text: "Please choose the bank branch again, or ask the staff." },
    Case {
        name: "zh-HK", lang: Lang::ZhHk, text: "請重新選擇銀行網點，或向工作人員求助。"
    },
];

fn espeak() -> String {
    speech::find_on_path("espeak-ng")
        .expect("espeak-ng is missing: apt-get install espeak-ng")
        .display()
        .to_string()
}

/// One run: milliseconds to the first header byte and to the first sample.
fn once(case: &Case, espeak: &str) -> (f64, f64) {
    let start = Instant::now();
    let said = speech::utterances(case.lang, Voices { cantonese: true }, &[Say::Error(case.text)]);
    let settings = Settings::default();
    let args = speech::espeak_args(&said[0].segments[0], settings.volume, settings.rate, &Output::Stdout);
    let mut child = Command::new(espeak)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("espeak-ng starts");
    let mut out = child.stdout.take().expect("piped");
    let (mut got, mut first, mut buf) = (0, None, [0u8; 4096]);
    while got <= HEADER {
        let n = out.read(&mut buf).expect("espeak-ng writes");
        assert!(n > 0, "espeak-ng wrote no sound");
        first.get_or_insert_with(|| start.elapsed());
        got += n;
    }
    let sound = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    (ms(first.expect("read once")), ms(sound))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// p50 and p99 of `v`, as "p50 x ms, p99 y ms".
fn summary(v: &mut [f64]) -> String {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    format!("p50 {:6.1} ms, p99 {:6.1} ms, max {:6.1} ms", at(0.5), at(0.99), v[v.len() - 1])
}

/// Through the speaker: `say` to the first sample at the player, for what
/// `said` makes each run (the clock starts before it is called).
fn through_speaker(espeak: &str, mut said: impl FnMut() -> Vec<Utterance>) -> Vec<f64> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let stamp = dir.path().join("stamp");
    let script =
        format!("head -c {} >/dev/null; date +%s%N > {}; cat >/dev/null", HEADER + 1, stamp.display());
    let settings = Settings {
        espeak: espeak.to_owned(),
        command: Some(vec!["sh".into(), "-c".into(), script]),
        ..Settings::default()
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let speaker = Speaker::start(settings, move |e| {
        let _ = tx.send(e);
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(SpeechEvent::Ready(_)) => {}
        other => panic!("speaker not ready: {other:?}"),
    }
    let mut times = vec![];
    for run in 0..WARM + RUNS {
        let _ = std::fs::remove_file(&stamp);
        let start = SystemTime::now();
        speaker.say(said());
        let deadline = Instant::now() + Duration::from_secs(20);
        let at = loop {
            if let Some(ns) = std::fs::read_to_string(&stamp).ok().and_then(|s| s.trim().parse::<u128>().ok())
            {
                break ns;
            }
            assert!(Instant::now() < deadline, "the player never heard a sample");
            std::thread::sleep(Duration::from_millis(1));
        };
        let since = start.duration_since(UNIX_EPOCH).expect("after 1970").as_nanos();
        if run >= WARM {
            times.push(at.saturating_sub(since) as f64 / 1e6);
        }
    }
    times
}

fn main() {
    let espeak = espeak();
    println!("speech: \"speak this\" to the first audio byte leaving espeak-ng, {RUNS} runs each");
    for case in &CASES {
        let (mut header, mut sound) = (vec![], vec![]);
        for run in 0..WARM + RUNS {
            let (h, s) = once(case, &espeak);
            if run >= WARM {
                header.push(h);
                sound.push(s);
            }
        }
        println!("  {:5}  first sample: {}", case.name, summary(&mut sound));
        println!("  {:5}  first byte:   {}", case.name, summary(&mut header));
    }
    println!("through the Speaker: say() to the first sample at the player (+ one date)");
    for case in &CASES {
        let said = || speech::utterances(case.lang, Voices { cantonese: true }, &[Say::Error(case.text)]);
        println!("  {:5}  {}", case.name, summary(&mut through_speaker(&espeak, said)));
    }
    println!("from the key: ↓ or ↑ on Welcome (core, frame, follower) to the first sample at the player");
    for lang in Lang::ALL {
        let mut kiosk = Kiosk::new(lang);
        println!("  {:5}  {}", lang.tag(), summary(&mut through_speaker(&espeak, || kiosk.key_down())));
    }
}

/// A kiosk session with speech on, drawn to a test terminal.
struct Kiosk {
    state: State,
    terminal: Terminal<TestBackend>,
    follower: Follower,
    down: bool,
}

impl Kiosk {
    fn new(lang: Lang) -> Kiosk {
        let speech = SpeechConfig { enabled: true, ..SpeechConfig::default() };
        let config = SessionConfig { lang, speech, ..SessionConfig::default() };
        let (mut state, _) = State::new(config, Size { width: 80, height: 24 });
        let catalog = onestop::server::catalog_source::embedded().expect("the demo catalogue");
        update(&mut state, Msg::CatalogLoaded(Ok(Some(catalog))));
        update(&mut state, Msg::SpeechHeard(Ok(Voices { cantonese: true })));
        update(&mut state, Msg::Key(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE)));
        let mut kiosk = Kiosk {
            state,
            terminal: Terminal::new(TestBackend::new(80, 24)).expect("a terminal"),
            follower: Follower::default(),
            down: false,
        };
        kiosk.frame();
        kiosk
    }

    /// What the frame's news says.
    fn frame(&mut self) -> Vec<Utterance> {
        let ui = Ui::new(&self.state, Theme::standard());
        self.terminal.draw(|f| view(&self.state, &ui, f)).expect("drawn");
        self.follower.follow(self.state.lang, self.state.speech.voices, ui.spoken.take())
    }

    /// ↓ then ↑ in turn (each a new focus), and what it says.
    fn key_down(&mut self) -> Vec<Utterance> {
        self.down = !self.down;
        let code = if self.down { KeyCode::Down } else { KeyCode::Up };
        update(&mut self.state, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        let said = self.frame();
        assert!(!said.is_empty(), "a new focus is said");
        said
    }
}
