//! What a screen says: its parts, as the screen shows them, to the
//! utterances handed to espeak-ng, in the session's language. Pure: the
//! kiosk core calls it and carries the result in an effect, so a test can
//! record exactly what the synthesizer would be given.

use crate::domain::Lang;

use super::text::{Builder, Reading, render};
use super::{Utterance, Voice, Voices};

/// A part of a screen to say. Every text is the one the screen shows, in
/// the session's language: the caller translates, this module only reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Say<'a> {
    /// The screen's title (or its breadcrumb).
    Title(&'a str),
    /// The focused item of a list, with the digit that picks it.
    Item { number: Option<u32>, label: &'a str },
    /// A form field and what it holds now.
    Field { label: &'a str, value: &'a str, kind: FieldKind },
    /// What was just typed into a field (a character, or a candidate).
    Typed { text: &'a str, kind: FieldKind },
    /// An error as it appears.
    Error(&'a str),
    /// A confirmation code, letter by letter.
    Code { label: &'a str, code: &'a str },
    /// A ticket number (A012), character by character.
    Ticket { label: &'a str, number: &'a str },
    /// Any other line of the screen.
    Text(&'a str),
}

/// What a field holds, which decides how its value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text, read as prose.
    Text,
    /// A person's name: the surname read as one (单 shan4).
    Name,
    /// A phone, ID or document number, or a code: one by one.
    Digits,
    /// A PIN: never said; only how many characters it has.
    Secret,
}

/// Longest text said from one part; a screen line is far shorter, and this
/// keeps espeak-ng's argument well inside the kernel's limit.
const LONGEST: usize = 2000;

/// The utterances for `parts`, in `lang`'s voice (zh-HK in Mandarin when
/// `voices` has no Cantonese): one per part, in order.
pub fn utterances(lang: Lang, voices: Voices, parts: &[Say<'_>]) -> Vec<Utterance> {
    let base = match lang {
        Lang::ZhCn => Voice::Mandarin,
        Lang::EnUs => Voice::English,
        Lang::ZhHk if voices.cantonese => Voice::Cantonese,
        Lang::ZhHk => Voice::Mandarin,
    };
    let words = Words::of(lang);
    parts.iter().filter_map(|part| utterance(part, base, &words)).collect()
}

fn utterance(part: &Say<'_>, base: Voice, words: &Words) -> Option<Utterance> {
    let mut b = Builder::default();
    let mut shown: Vec<String> = vec![];
    let mut say = |text: &str, reading: Reading, b: &mut Builder| {
        let text: String = text.chars().take(LONGEST).collect();
        render(&text, base, reading, b);
        b.pause(',');
        shown.push(text);
    };
    match *part {
        Say::Title(t) | Say::Error(t) | Say::Text(t) => say(t, Reading::Text, &mut b),
        Say::Item { number, label } => {
            if let Some(n) = number {
                say(&n.to_string(), Reading::Text, &mut b);
            }
            say(label, Reading::Text, &mut b);
        }
        Say::Field { label, value, kind } => {
            say(label, Reading::Text, &mut b);
            match kind {
                _ if value.is_empty() => say(words.empty, Reading::Text, &mut b),
                FieldKind::Secret => say(&words.entered(value.chars().count()), Reading::Text, &mut b),
                kind => say(value, reading(kind), &mut b),
            }
        }
        Say::Typed { text, kind } => match kind {
            FieldKind::Secret => say(words.typed_secret, Reading::Text, &mut b),
            _ if text == " " => say(words.space, Reading::Text, &mut b),
            // A character typed alone is spelled, a candidate read.
            FieldKind::Digits => say(text, Reading::Code, &mut b),
            _ if text.chars().count() == 1 && text.is_ascii() => say(text, Reading::Code, &mut b),
            kind => say(text, reading(kind), &mut b),
        },
        Say::Code { label, code } | Say::Ticket { label, number: code } => {
            say(label, Reading::Text, &mut b);
            say(code, Reading::Code, &mut b);
        }
    }
    let segments = b.finish();
    (!segments.is_empty()).then(|| Utterance { shown: shown.join(" "), segments })
}

fn reading(kind: FieldKind) -> Reading {
    match kind {
        FieldKind::Name => Reading::Name,
        FieldKind::Digits => Reading::Code,
        FieldKind::Text | FieldKind::Secret => Reading::Text,
    }
}

/// The few words speech adds to what the screen shows. They belong in
/// `locales/` (`speech-empty`, `speech-entered`, ...) once speech is wired
/// in; until then they live here, in the glossary's terms.
struct Words {
    empty: &'static str,
    space: &'static str,
    typed_secret: &'static str,
    entered: fn(usize) -> String,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::ZhCn => Words {
                empty: "未填写",
                space: "空格",
                typed_secret: "已输入一位",
                entered: |n| format!("已输入 {n} 位"),
            },
            Lang::EnUs => Words {
                empty: "blank",
                space: "space",
                typed_secret: "one more character",
                entered: |n| format!("{n} characters entered"),
            },
            Lang::ZhHk => Words {
                empty: "未填寫",
                space: "空格",
                typed_secret: "已輸入一位",
                entered: |n| format!("已輸入 {n} 位"),
            },
        }
    }

    fn entered(&self, n: usize) -> String {
        (self.entered)(n)
    }
}
