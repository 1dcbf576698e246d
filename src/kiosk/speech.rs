//! Spoken guidance in the core (issue 19): whether speech is on, how fast
//! and how loud, the keys that change that, and the hint Welcome repeats
//! for whoever cannot see it. What each frame says is read from the frame
//! itself (`ui::spoken`, `speech::Follower`), so every spoken sentence is
//! one the screen shows; the core only decides when speech runs.

use super::{Effect, Notice, State, screen::Screen};
use crate::domain::Lang;
use crate::i18n::{self, Tr};
use crate::speech::{self, Say, SpeechError, Utterance, Voices};

/// Welcome says how to start speech this often while it waits.
pub const HINT_EVERY_MS: u64 = 30_000;
/// One press of the slower/faster key, in words a minute.
pub const RATE_STEP: u16 = 20;
/// One press of the quieter/louder key, in percent.
pub const VOLUME_STEP: u8 = 10;

/// The hall's `speech.*` keys, as the session needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeechConfig {
    /// Speech can be started at this terminal (it has a headphone jack).
    pub enabled: bool,
    /// A headphone is always connected: Welcome speaks its hint.
    pub always: bool,
    pub volume: u8,
    pub rate: u16,
}

impl Default for SpeechConfig {
    fn default() -> SpeechConfig {
        SpeechConfig { enabled: false, always: false, volume: 50, rate: 150 }
    }
}

/// Speech in this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechState {
    /// Speech mode: every frame's news is spoken.
    pub on: bool,
    pub volume: u8,
    pub rate: u16,
    /// The speaker found espeak-ng and a player; `voices` says which
    /// optional voices (Cantonese) it has.
    pub ready: bool,
    pub voices: Voices,
    /// Why speech cannot run here: said once, shown on the staff screen.
    pub failed: Option<SpeechError>,
    /// When Welcome last said its hint (session clock).
    pub hinted_ms: u64,
}

impl SpeechState {
    pub fn new(config: &SpeechConfig) -> SpeechState {
        SpeechState {
            on: false,
            ready: false,
            volume: config.volume,
            rate: config.rate,
            voices: Voices::default(),
            failed: None,
            hinted_ms: 0,
        }
    }
}

/// What the speech keys ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechKey {
    /// F1: speech on or off.
    Toggle,
    /// F5: the last utterance again.
    Repeat,
    Slower,
    Faster,
    Quieter,
    Louder,
}

/// What the runtime's speaker is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeechOrder {
    /// Start the speaker (the first time speech is wanted).
    Start,
    /// Say these, interrupting whatever is being said.
    Say(Vec<Utterance>),
    /// Say the last utterances again.
    Repeat,
    /// Be quiet now.
    Stop,
    /// From the next utterance on.
    Settings { volume: u8, rate: u16 },
}

/// Whether speech can be offered here: configured, and the speaker (started
/// with the session) found what it needs, so F1 is never offered in vain.
pub fn offered(state: &State) -> bool {
    state.config.speech.enabled && state.speech.ready
}

/// What a session asks first: where speech is configured, the speaker
/// starts at once, so a missing espeak-ng or player is known before anyone
/// presses F1 (and the staff screen says so).
pub fn start(config: &SpeechConfig) -> Vec<Effect> {
    if config.enabled { vec![Effect::Speech(SpeechOrder::Start)] } else { vec![] }
}

/// A speech key pressed.
pub fn key(state: &mut State, key: SpeechKey) -> Vec<Effect> {
    if !offered(state) {
        return vec![];
    }
    let s = &mut state.speech;
    let before = (s.volume, s.rate);
    match key {
        SpeechKey::Toggle => {
            s.on = !s.on;
            state.notice = Some(Notice::Speech(if s.on { SpeechNotice::On } else { SpeechNotice::Off }));
            return if s.on {
                vec![Effect::Speech(SpeechOrder::Start), Effect::Redraw]
            } else {
                vec![Effect::Speech(SpeechOrder::Stop), Effect::Redraw]
            };
        }
        _ if !s.on => return vec![],
        SpeechKey::Repeat => return vec![Effect::Speech(SpeechOrder::Repeat)],
        SpeechKey::Slower => s.rate = s.rate.saturating_sub(RATE_STEP).max(*speech::RATES.start()),
        SpeechKey::Faster => s.rate = (s.rate + RATE_STEP).min(*speech::RATES.end()),
        SpeechKey::Quieter => s.volume = s.volume.saturating_sub(VOLUME_STEP),
        SpeechKey::Louder => s.volume = (s.volume + VOLUME_STEP).min(100),
    }
    let (volume, rate) = (s.volume, s.rate);
    let what = match key {
        SpeechKey::Slower | SpeechKey::Faster => SpeechNotice::Rate { rate, limit: rate == before.1 },
        _ => SpeechNotice::Volume { volume, limit: volume == before.0 },
    };
    // The new setting is said (as the message line shows it) in the new voice.
    state.notice = Some(Notice::Speech(what));
    vec![Effect::Speech(SpeechOrder::Settings { volume, rate }), Effect::Redraw]
}

/// What the message line says about speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechNotice {
    On,
    Off,
    /// The rate now; `limit` when it was at its end already.
    Rate {
        rate: u16,
        limit: bool,
    },
    Volume {
        volume: u8,
        limit: bool,
    },
    /// espeak-ng or the audio player is missing: speech is off.
    Unavailable,
}

/// The speaker said it is ready (with these voices), or cannot run.
pub fn heard(state: &mut State, result: Result<Voices, SpeechError>) -> Vec<Effect> {
    match result {
        Ok(voices) => {
            state.speech.voices = voices;
            state.speech.ready = true;
            // F1 appears on the key bar (and Welcome's hint).
            vec![Effect::Redraw]
        }
        Err(e) => {
            let was_on = std::mem::replace(&mut state.speech.on, false);
            state.speech.ready = false;
            state.speech.failed = Some(e);
            if was_on {
                state.notice = Some(Notice::Speech(SpeechNotice::Unavailable));
            }
            vec![Effect::Redraw]
        }
    }
}

/// Time passed: Welcome, left alone, says how to start speech — only where
/// a headphone is always there to hear it (`speech.always`).
pub fn tick(state: &mut State) -> Vec<Effect> {
    let due = |since: u64| state.now_ms.saturating_sub(since) >= HINT_EVERY_MS;
    let waiting = matches!(state.screen(), Screen::Welcome(_)) && !state.idle_warning;
    if !offered(state)
        || !state.config.speech.always
        || state.speech.on
        || !waiting
        || !due(state.last_input_ms)
        || !due(state.speech.hinted_ms)
    {
        return vec![];
    }
    state.speech.hinted_ms = state.now_ms;
    vec![Effect::Speech(SpeechOrder::Say(hint(state)))]
}

/// Welcome's hint, in every language the kiosk speaks, the session's own
/// first: whoever stands there may read none of them. The same sentences
/// are on Welcome (`hint_lines`).
pub fn hint(state: &State) -> Vec<Utterance> {
    hint_lines(state)
        .iter()
        .zip(hint_langs(state))
        .flat_map(|(line, lang)| speech::utterances(lang, state.speech.voices, &[Say::Text(line)]))
        .collect()
}

/// "按 F1 收听语音" / "Press F1 for speech", as Welcome shows them.
pub fn hint_lines(state: &State) -> Vec<String> {
    hint_langs(state).map(|lang| Tr::new(lang).a("speech-hint", &[("key", i18n::s("F1"))])).collect()
}

/// The session's language first, then the others; zh-HK only where it has
/// a voice of its own (else it would be the Mandarin hint again).
fn hint_langs(state: &State) -> impl Iterator<Item = Lang> {
    let (first, cantonese) = (state.lang, state.speech.voices.cantonese);
    std::iter::once(first)
        .chain(Lang::ALL.into_iter().filter(move |l| *l != first && (*l != Lang::ZhHk || cantonese)))
}
