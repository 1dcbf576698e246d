//! Spoken guidance at the kiosk (issue 19): the keys and the Welcome hint in
//! the core, and what is said for a whole booking — through the real
//! runtime loop, the real server and the real espeak-ng (its sound thrown
//! away: CI has no sound card) — recorded as handed to the synthesizer.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{key, send, vt::Screen};
use crossterm::event::KeyCode;
use futures_util::stream;
use onestop::client::ApiClient;
use onestop::domain::Lang;
use onestop::kiosk::speech::{SpeechConfig, SpeechOrder};
use onestop::kiosk::{Effect, Msg, Notice, SessionConfig, State, update};
use onestop::runtime::{SessionSetup, run_session, speech::Voice};
use onestop::speech::{Settings, Utterance, Voices};
use onestop::ui::Theme;
use ratatui::layout::Size;
use tokio::sync::mpsc;

fn config(lang: Lang, always: bool) -> SessionConfig {
    let speech = SpeechConfig { enabled: true, always, ..SpeechConfig::default() };
    SessionConfig { kiosk: "speech-test".into(), lang, speech, ..SessionConfig::default() }
}

fn session(config: SessionConfig) -> State {
    let (mut state, effects) = State::new(config, Size { width: 80, height: 24 });
    assert_eq!(orders(&effects), [&SpeechOrder::Start], "the speaker starts with the session");
    update(&mut state, Msg::CatalogLoaded(Ok(Some(common::demo_catalog()))));
    assert!(!common::screen_text(&state).contains("F1"), "F1 waits until the speaker is ready");
    update(&mut state, Msg::SpeechHeard(Ok(Voices::default())));
    state
}

fn orders(effects: &[Effect]) -> Vec<&SpeechOrder> {
    effects.iter().filter_map(|e| if let Effect::Speech(o) = e { Some(o) } else { None }).collect()
}

#[test]
fn f1_starts_and_stops_speech_only_where_the_hall_offers_it() {
    let mut off = common::ready(Lang::ZhCn);
    assert!(orders(&send(&mut off, [key(KeyCode::F(1))])).is_empty());
    assert!(!off.speech.on, "speech.enabled = false: F1 does nothing");
    assert!(!common::screen_text(&off).contains("F1"), "and the key bar does not offer it");

    let mut state = session(config(Lang::ZhCn, false));
    assert!(common::screen_text(&state).contains("F1 语音"), "{}", common::screen_text(&state));
    let effects = send(&mut state, [key(KeyCode::F(1))]);
    assert!(state.speech.on);
    assert_eq!(orders(&effects), [&SpeechOrder::Start]);
    let screen = common::screen_text(&state);
    assert!(screen.contains("语音已开启"), "what speech says of itself is on screen:\n{screen}");
    assert!(screen.contains("F5 重听"), "{screen}");
    let effects = send(&mut state, [key(KeyCode::F(1))]);
    assert!(!state.speech.on);
    assert_eq!(orders(&effects), [&SpeechOrder::Stop]);
}

#[test]
fn rate_and_volume_keys_step_within_their_range_and_say_so() {
    let mut state = session(config(Lang::EnUs, false));
    assert!(orders(&send(&mut state, [key(KeyCode::F(7))])).is_empty(), "nothing while speech is off");
    send(&mut state, [key(KeyCode::F(1))]);
    let effects = send(&mut state, [key(KeyCode::F(7))]);
    assert_eq!(orders(&effects), [&SpeechOrder::Settings { volume: 50, rate: 170 }]);
    assert!(common::screen_text(&state).contains("Speed: 170 words a minute."));
    for _ in 0..30 {
        send(&mut state, [key(KeyCode::F(6))]);
    }
    assert_eq!(state.speech.rate, 80);
    assert!(common::screen_text(&state).contains("This is the slowest speed."));
    for _ in 0..10 {
        send(&mut state, [key(KeyCode::F(9))]);
    }
    assert_eq!(state.speech.volume, 100);
    assert!(common::screen_text(&state).contains("The volume is at its limit: 100."));
    let effects = send(&mut state, [key(KeyCode::F(8))]);
    assert_eq!(orders(&effects), [&SpeechOrder::Settings { volume: 90, rate: 80 }]);
    assert_eq!(orders(&send(&mut state, [key(KeyCode::F(5))])), [&SpeechOrder::Repeat]);
}

#[test]
fn welcome_left_alone_says_how_to_start_speech_every_30_seconds_where_a_headphone_is_always_there() {
    let hints = |state: &mut State, at: u64| -> Vec<Utterance> {
        orders(&send(state, [Msg::Tick(at)]))
            .into_iter()
            .flat_map(|o| if let SpeechOrder::Say(u) = o { u.clone() } else { vec![] })
            .collect()
    };
    let mut no_headphone = session(config(Lang::ZhCn, false));
    assert!(hints(&mut no_headphone, 31_000).is_empty(), "speech.always = false: no hint");

    let mut state = session(config(Lang::ZhCn, true));
    assert!(hints(&mut state, 29_000).is_empty());
    let said = hints(&mut state, 30_000);
    let shown: Vec<&str> = said.iter().map(|u| u.shown.as_str()).collect();
    assert_eq!(shown, ["按 F1 收听语音", "Press F1 for speech"], "zh-HK only with a Cantonese voice");
    assert_eq!(said[0].to_string(), "[cmn-latn-pinyin] an4 F yi1 shou1 ting1 yu3 yin1,");
    let screen = common::screen_text(&state);
    assert!(screen.contains("按 F1 收听语音 · Press F1 for speech"), "the hint is on Welcome:\n{screen}");
    assert!(hints(&mut state, 45_000).is_empty(), "not again before 30 s");
    assert_eq!(hints(&mut state, 60_000).len(), 2);
    send(&mut state, [common::personal()]);
    assert!(hints(&mut state, 200_000).is_empty(), "only on Welcome");
    send(&mut state, [key(KeyCode::Esc), key(KeyCode::F(1))]);
    assert!(hints(&mut state, 400_000).is_empty(), "not while speech is on");
}

#[test]
fn a_reset_turns_speech_off_for_the_next_citizen_and_a_missing_espeak_disables_it() {
    let mut state = session(config(Lang::ZhCn, false));
    send(&mut state, [key(KeyCode::F(1))]);
    let effects = state.reset();
    assert!(!state.speech.on);
    assert_eq!(orders(&effects), [&SpeechOrder::Stop]);

    send(&mut state, [key(KeyCode::F(1))]);
    let missing = onestop::speech::SpeechError::Missing {
        program: "espeak-ng".into(),
        hint: "apt-get install espeak-ng",
    };
    send(&mut state, [Msg::SpeechHeard(Err(missing))]);
    assert!(!state.speech.on);
    assert!(matches!(state.notice, Some(Notice::Speech(_))));
    assert!(common::screen_text(&state).contains("这台设备现在无法播放语音"));
    assert!(orders(&send(&mut state, [key(KeyCode::F(1))])).is_empty(), "speech stays off");
    assert!(!common::screen_text(&state).contains("F1 语音"), "and is no longer offered");
}

/// A kiosk on the real server with speech on, its voice recording.
struct Spoken {
    screen: Screen,
    keys: mpsc::UnboundedSender<Msg>,
    voice: Arc<Voice>,
    _backend: common::backend::Backend,
}

impl Spoken {
    async fn start(lang: Lang) -> Spoken {
        let backend = common::backend::start(|o| o).await;
        let (screen, mut terminal) = Screen::new(80, 24);
        let (keys, rx) = mpsc::unbounded_channel();
        let input = Box::pin(stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
        // The real espeak-ng; its sound goes nowhere (there is no sound card here).
        let settings = Settings {
            command: Some(vec!["sh".into(), "-c".into(), "cat >/dev/null".into()]),
            ..Settings::default()
        };
        let voice = Arc::new(Voice::recording(settings));
        let mut setup = SessionSetup::new(
            config(lang, false),
            Theme::standard(),
            ApiClient::new(&backend.url, Duration::from_secs(5)),
        );
        setup.voice = Some(voice.clone());
        tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
        Spoken { screen, keys, voice, _backend: backend }
    }

    async fn wait_for(&self, text: &str) -> String {
        for _ in 0..500 {
            let screen = self.screen.text();
            if screen.contains(text) {
                return screen;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen.text());
    }

    fn key(&self, code: KeyCode) {
        self.keys.send(key(code)).unwrap();
    }

    fn chars(&self, s: &str) {
        s.chars().for_each(|c| self.key(KeyCode::Char(c)));
    }

    /// What was handed to espeak-ng, an utterance a line: the words shown,
    /// then each segment's voice and text. The confirmation code (new each
    /// run) is checked to be spelled character by character, then masked.
    async fn transcript(&self) -> String {
        // The last frame's news reaches the voice just after it is drawn.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let mut out = String::new();
        for u in self.voice.transcript() {
            let code = u
                .shown
                .rsplit(' ')
                .next()
                .filter(|w| w.len() == 8 && w.chars().all(|c| c.is_ascii_alphanumeric()));
            match code {
                Some(code) if code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) => {
                    let said = u.to_string();
                    let spelled: Vec<&str> = said.split_whitespace().rev().take(8).collect();
                    assert!(spelled.iter().all(|t| t.trim_end_matches(',').chars().count() <= 5), "{said}");
                    assert_eq!(spelled.len(), 8, "the code spelled one by one: {said}");
                    out += &format!(
                        "{}\n    (the code, spelled character by character)\n",
                        u.shown.replace(code, "<CODE>")
                    );
                }
                _ => out += &format!("{}\n    {u}\n", u.shown),
            }
        }
        out
    }

    /// A whole booking, waiting at each screen for `expect[i]`.
    async fn book(&self, expect: [&str; 7], name: &str, speech_key: &str) -> String {
        self.wait_for(expect[0]).await;
        // Offered once the speaker has found espeak-ng and its voices.
        self.wait_for(speech_key).await;
        self.key(KeyCode::F(1));
        self.wait_for(expect[1]).await;
        self.chars(&format!("{}1", common::personal_key()));
        self.wait_for(expect[2]).await;
        self.key(KeyCode::Enter);
        self.wait_for(expect[3]).await;
        self.key(KeyCode::Enter);
        self.chars("1");
        self.wait_for(expect[4]).await;
        self.chars("1");
        self.wait_for("09:00").await;
        self.chars("1");
        self.wait_for(expect[5]).await;
        self.chars(name);
        self.key(KeyCode::Tab);
        self.chars("13812345678");
        self.key(KeyCode::Tab);
        self.key(KeyCode::Tab);
        self.chars("11010519491231002x");
        self.key(KeyCode::Enter);
        self.wait_for(expect[6]).await;
        self.key(KeyCode::Enter);
        self.transcript().await
    }
}

/// The phone was said digit by digit as it was typed (then the ID number's).
fn typed_digit_by_digit(transcript: &str, typed_phone: &str) {
    let digits: Vec<&str> =
        transcript.lines().filter(|l| l.len() == 1 && l.chars().all(|c| c.is_ascii_digit())).collect();
    assert!(digits.concat().starts_with(typed_phone), "each digit said as it was typed:\n{transcript}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_booking_is_spoken_as_the_screen_shows_it_in_three_languages() {
    let runs = [
        (
            Lang::ZhCn,
            [
                "户籍与身份证",
                "语音已开启",
                "居民身份证换领",
                "申请材料",
                "11月30日",
                "名额已为您保留",
                "请核对预约信息",
            ],
            "张三",
            "预约成功",
            "F1 语音",
        ),
        (
            Lang::EnUs,
            [
                "Household registration and ID",
                "Speech is on",
                "Resident ID card renewal",
                "Required materials",
                "Mon 30 Nov",
                "Your place is kept",
                "Check your answers",
            ],
            "Li Lei",
            "You are booked",
            "F1 Speech",
        ),
        (
            Lang::ZhHk,
            [
                "戶籍與身份證",
                "語音已開啟",
                "居民身份證換領",
                "申請材料",
                "11月30日",
                "名額已為您暫留",
                "請核對預約資料",
            ],
            "陳大文",
            "預約成功",
            "F1 語音",
        ),
    ];
    for (lang, expect, name, done, speech_key) in runs {
        let k = Spoken::start(lang).await;
        k.book(expect, name, speech_key).await;
        k.wait_for(done).await;
        let transcript = k.transcript().await;
        typed_digit_by_digit(&transcript, "13812345678");
        insta::assert_snapshot!(format!("booking_{lang:?}"), transcript);
    }
}

#[test]
fn speech_works_with_elderly_mode_and_says_what_the_bigger_screen_shows() {
    use onestop::speech::Follower;
    let mut state = session(SessionConfig { elderly: true, ..config(Lang::EnUs, false) });
    send(&mut state, [key(KeyCode::F(1))]);
    let mut follower = Follower::default();
    let mut said = |state: &State| -> Vec<String> {
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        let ui = onestop::ui::Ui::new(state, Theme::standard());
        terminal.draw(|f| onestop::ui::view(state, &ui, f)).unwrap();
        let screen = terminal.backend().to_string();
        let said: Vec<String> = follower
            .follow(state.lang, state.speech.voices, ui.spoken.take())
            .iter()
            .map(|u| u.shown.clone())
            .collect();
        for s in &said {
            let last_word = s.split_whitespace().last().unwrap_or("");
            assert!(screen.contains(last_word), "{s:?} is on the screen:\n{screen}");
        }
        said
    };
    let first = said(&state);
    assert_eq!(first[0], "Start", "{first:?}");
    assert!(first.iter().any(|s| s.starts_with("1 Take a number")), "{first:?}");
    assert!(first.iter().any(|s| s.starts_with("Speech is on.")), "{first:?}");
    // Six items a page in elderly mode: the seventh is on the next page, said as it is reached.
    send(&mut state, (0..6).map(|_| key(KeyCode::Down)));
    let seventh = said(&state);
    assert!(seventh.len() <= 2, "only the new focus (and its detail): {seventh:?}");
    assert!(seventh[0].starts_with("1 "), "the page's first item, numbered as shown: {seventh:?}");
    assert!(said(&state).is_empty(), "nothing new, nothing said");
}
