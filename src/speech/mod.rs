//! Spoken guidance (issue 19): what the kiosk says, turned into what
//! espeak-ng reads, and a [`Speaker`] that runs espeak-ng as a subprocess
//! feeding the hall's audio player.
//!
//! Two halves, kept apart so the kiosk core stays pure:
//! - [`utterances`] is a pure function from the text of a screen (its
//!   title, the focused item, a field and its value, an error, a
//!   confirmation code, a ticket number) to the [`Utterance`]s to say, in
//!   the session's language: text in, exactly what espeak-ng is handed out.
//!   The core will call it and put the result in an effect
//!   (`Effect::Speak(Vec<Utterance>)`), so tests record what would be said.
//! - [`Speaker`] is the runtime's side: it carries out that effect on its
//!   own thread, a new call interrupting the one being spoken.
//!
//! Mandarin goes to the `cmn-latn-pinyin` voice as pinyin with tone numbers
//! made here (`mandarin`, with the polyphone table in `polyphones`):
//! espeak-ng's own Chinese dictionary reads 重新 as zhong4 xin1 and 银行 as
//! yin2 xing2, and the plain `cmn` voice reads tone digits as English
//! numbers. English goes to `en-us`; zh-HK to `yue` (Cantonese) when
//! espeak-ng has it, else to Mandarin. `docs/speech.md` says more.

mod follow;
mod mandarin;
mod numbers;
mod polyphones;
mod screen;
mod speaker;
mod text;

pub use follow::Follower;
pub use screen::{FieldKind, Say, utterances};
pub use speaker::{
    Output, Playing, RATES, Settings, Speaker, SpeechEvent, Status, espeak_args, find_on_path, write_wav,
};

use std::fmt;

/// An espeak-ng voice we speak with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Voice {
    /// `cmn-latn-pinyin`: Mandarin, fed pinyin with tone numbers.
    Mandarin,
    /// `en-us`.
    English,
    /// `yue`: Cantonese, fed Chinese characters (its dictionary reads them).
    Cantonese,
}

impl Voice {
    /// The name given to `espeak-ng -v`.
    pub fn espeak_name(self) -> &'static str {
        match self {
            Voice::Mandarin => "cmn-latn-pinyin",
            Voice::English => "en-us",
            Voice::Cantonese => "yue",
        }
    }
}

/// A stretch of an utterance in one voice: the exact text handed to one
/// espeak-ng process. espeak-ng's SSML cannot switch back to the pinyin
/// voice after another (it falls to `cmn`, which reads pinyin as English),
/// so a sentence mixing languages is several segments, played back to back
/// into one audio stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub voice: Voice,
    pub text: String,
}

/// One thing to say: what the screen shows, and what espeak-ng is handed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    /// The words as the screen shows them (every spoken sentence is on the
    /// screen too); a secret field's value is never here.
    pub shown: String,
    pub segments: Vec<Segment>,
}

/// `[cmn-latn-pinyin] qing3 an4 [en-us] Enter`: how tests record it.
impl fmt::Display for Utterance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.segments.iter().enumerate() {
            let gap = if i == 0 { "" } else { " " };
            write!(f, "{gap}[{}] {}", s.voice.espeak_name(), s.text)?;
        }
        Ok(())
    }
}

/// Which optional voices this machine's espeak-ng has. Mandarin and English
/// are required; without Cantonese zh-HK is spoken in Mandarin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Voices {
    pub cantonese: bool,
}

/// Why speech is off. Reported once (the staff screen shows it); speech is
/// then disabled, never a panic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpeechError {
    #[error("{program} was not found ({hint})")]
    Missing { program: String, hint: &'static str },
    #[error(
        "no audio player on PATH: neither aplay nor paplay (apt-get install alsa-utils; or set speech.command)"
    )]
    NoPlayer,
    #[error("espeak-ng has no {voice} voice (espeak-ng 1.49 or later has it)")]
    NoVoice { voice: &'static str },
    #[error("could not start {program}: {reason}")]
    Start { program: String, reason: String },
    #[error("{program} failed ({status}){}", if .stderr.is_empty() { String::new() } else { format!(": {}", .stderr) })]
    Failed { program: String, status: String, stderr: String },
}

#[cfg(test)]
mod tests;
