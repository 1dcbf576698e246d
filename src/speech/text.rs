//! A line of screen text to the segments espeak-ng reads, for one base
//! voice: Chinese characters, Latin words, digits, punctuation (pauses) and
//! the few symbols that are said (+, –, ×, %, and : or . between digits).

use super::{Segment, Voice, mandarin, numbers};

/// How a text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Prose: short numbers as amounts, long ones (phones) digit by digit.
    Text,
    /// A code, phone or ID number: every letter and digit one by one.
    Code,
    /// A person's name: the first characters read as a surname.
    Name,
}

/// Keys named on screen by abbreviation, as they are said.
const KEYS: &[(&str, &str)] =
    &[("PgDn", "Page Down"), ("PgUp", "Page Up"), ("Esc", "Escape"), ("Del", "Delete"), ("Ctrl", "Control")];

/// Classifiers after which 2 is 两 (2 个, 2 份), not 二.
const MEASURES: &str = "个個份次张張位名天项項本件岁歲周页頁小寸";

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Han(String),
    /// Latin letters; `true` when digits come right before (2nd, 3F).
    Word(String, bool),
    Num(String),
    /// A clause pause (`,`) or a sentence's end (`.`).
    Pause(char),
    Sym(char),
}

/// Splits `text` into tokens; full-width letters and digits count as ASCII,
/// control characters and other symbols are dropped.
fn tokens(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = vec![];
    // A space, or anything dropped, ends the word or number before it.
    let mut gap = false;
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        };
        let last = if std::mem::take(&mut gap) { None } else { out.last_mut() };
        match c {
            c if mandarin::is_han(c) => match last {
                Some(Tok::Han(s)) => s.push(c),
                _ => out.push(Tok::Han(c.into())),
            },
            c if c.is_ascii_alphabetic() => match last {
                Some(Tok::Word(s, _)) => s.push(c),
                Some(Tok::Num(_)) => out.push(Tok::Word(c.into(), true)),
                _ => out.push(Tok::Word(c.into(), false)),
            },
            c if c.is_ascii_digit() => match last {
                Some(Tok::Num(s)) => s.push(c),
                _ => out.push(Tok::Num(c.into())),
            },
            '.' | ':' | '-' | '+' | '%' => out.push(Tok::Sym(c)),
            '~' | '～' | '–' | '—' => out.push(Tok::Sym('~')),
            '×' | '↑' | '↓' | '←' | '→' => out.push(Tok::Sym(c)),
            // A question keeps its mark: espeak-ng raises the voice for it.
            '？' | '?' => out.push(Tok::Pause('?')),
            '。' | '！' | '!' | '…' => out.push(Tok::Pause('.')),
            '，' | '、' | '；' | '：' | ',' | ';' | '/' | '|' | '·' | '•' | '›' | '»' | '«' | '\n' => {
                out.push(Tok::Pause(','))
            }
            '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】' | '《' | '》' | '「' | '」' | '『' | '』' => {
                out.push(Tok::Pause(','))
            }
            _ => gap = true,
        }
    }
    out
}

/// Collects words into segments, one per run of a voice.
#[derive(Default)]
pub struct Builder {
    segments: Vec<Segment>,
}

impl Builder {
    pub fn word(&mut self, voice: Voice, w: &str) {
        match self.segments.last_mut() {
            Some(s) if s.voice == voice => {
                s.text.push(' ');
                s.text.push_str(w);
            }
            _ => self.segments.push(Segment { voice, text: w.to_owned() }),
        }
    }

    /// Appends `w` to the last word, with no space.
    pub fn glue(&mut self, w: &str) {
        if let Some(s) = self.segments.last_mut() {
            s.text.push_str(w);
        }
    }

    /// A pause ends the current segment's clause; a sentence's end (`.`
    /// or `?`) wins over a clause's (`,`).
    pub fn pause(&mut self, p: char) {
        let Some(s) = self.segments.last_mut() else { return };
        match s.text.chars().last() {
            Some(',') if p != ',' => {
                s.text.pop();
                s.text.push(p);
            }
            Some(',' | '.' | '?') => {}
            _ => s.text.push(p),
        }
    }

    pub fn finish(self) -> Vec<Segment> {
        self.segments.into_iter().filter(|s| s.text.chars().any(char::is_alphanumeric)).collect()
    }
}

/// Adds `text`, read in `base` (Mandarin, English or Cantonese), to `b`.
pub fn render(text: &str, base: Voice, reading: Reading, b: &mut Builder) {
    let toks = tokens(text);
    let mut named = reading != Reading::Name;
    let mut i = 0;
    while i < toks.len() {
        let next = |k: usize| toks.get(i + k);
        match &toks[i] {
            Tok::Han(run) => han(run, base, !std::mem::replace(&mut named, true), b),
            // English says 2nd and 3F as written.
            Tok::Word(w, true) if base == Voice::English && reading != Reading::Code => b.glue(w),
            Tok::Word(w, _) => word(w, base, reading, b),
            Tok::Num(d) => {
                // 9:30, 0.5: the separator and the digits after it belong here.
                if let (Some(Tok::Sym(sep @ (':' | '.'))), Some(Tok::Num(after))) = (next(1), next(2))
                    && reading != Reading::Code
                {
                    joined(d, *sep, after, base, b);
                    i += 3;
                    continue;
                }
                let prev = |k: usize| i.checked_sub(k).map(|k| &toks[k]);
                let percent = matches!(next(1), Some(Tok::Sym('%')));
                let around = Around {
                    percent,
                    after: match next(1 + usize::from(percent)) {
                        Some(Tok::Han(h)) => h.chars().next(),
                        _ => None,
                    },
                    ordinal: matches!(prev(1), Some(Tok::Han(h)) if h.ends_with('第')),
                    // 0571-8888: part of a phone number.
                    dashed: matches!((prev(1), prev(2)), (Some(Tok::Sym('-')), Some(Tok::Num(_))))
                        || matches!((next(1), next(2)), (Some(Tok::Sym('-')), Some(Tok::Num(_)))),
                };
                number(d, base, reading, around, b);
                i += 1 + usize::from(percent);
                continue;
            }
            Tok::Pause(p) => b.pause(*p),
            // Groups of a code (7K3M-9QXA) are paused between.
            Tok::Sym('-') if reading == Reading::Code => b.pause(','),
            Tok::Sym(c) => {
                let between = matches!(i.checked_sub(1).map(|k| &toks[k]), Some(Tok::Num(_)))
                    && matches!(next(1), Some(Tok::Num(_)));
                symbol(*c, between, matches!(next(1), Some(Tok::Num(_))), base, b);
            }
        }
        i += 1;
    }
}

fn han(run: &str, base: Voice, name: bool, b: &mut Builder) {
    if base == Voice::Cantonese {
        // The yue voice's dictionary reads characters, polyphones included.
        return b.word(Voice::Cantonese, run);
    }
    let mut syllables = vec![];
    mandarin::syllables(run, name, &mut syllables);
    for s in &syllables {
        b.word(Voice::Mandarin, s);
    }
}

fn word(w: &str, base: Voice, reading: Reading, b: &mut Builder) {
    if let Some((_, said)) = KEYS.iter().find(|(k, _)| *k == w) {
        return latin(said, base, b);
    }
    let acronym = w.len() == 1 || (w.len() <= 5 && w.bytes().all(|c| c.is_ascii_uppercase()));
    if reading == Reading::Code || (acronym && base == Voice::Mandarin) {
        // The Mandarin voice reads a lone capital as its letter name (K
        // kei4), where a longer word could pass for pinyin (Home: ho me).
        for c in w.chars() {
            spell(c, base, b);
        }
        return;
    }
    latin(w, base, b)
}

/// Latin words: English, unless the base voice reads them (yue does).
fn latin(w: &str, base: Voice, b: &mut Builder) {
    let voice = if base == Voice::Mandarin { Voice::English } else { base };
    b.word(voice, w)
}

/// One letter or digit of a code.
fn spell(c: char, base: Voice, b: &mut Builder) {
    let c = c.to_ascii_uppercase();
    if base == Voice::Mandarin && c.is_ascii_digit() {
        let mut out = vec![];
        numbers::digits(c.encode_utf8(&mut [0; 4]), &mut out);
        return b.word(Voice::Mandarin, &out[0]);
    }
    b.word(base, c.encode_utf8(&mut [0; 4]));
    // English reads a lone "A" as the article unless a pause follows.
    if base == Voice::English && c.is_ascii_alphabetic() {
        b.pause(',');
    }
}

/// What is around a number that changes how it is said.
#[derive(Clone, Copy)]
struct Around {
    /// Followed by %.
    percent: bool,
    /// The character after it (2 个 is 两个).
    after: Option<char>,
    /// After 第: 第2 is 第二.
    ordinal: bool,
    /// Joined to other digits by a hyphen, as phone numbers are.
    dashed: bool,
}

fn number(d: &str, base: Voice, reading: Reading, around: Around, b: &mut Builder) {
    let Around { percent, after, ordinal, dashed } = around;
    let code = reading == Reading::Code || dashed || d.len() >= 5 || (d.len() > 1 && d.starts_with('0'));
    if base != Voice::Mandarin {
        if code {
            return d.chars().for_each(|c| spell(c, base, b));
        }
        let said = match (percent, base) {
            (false, _) => d.to_owned(),
            (true, Voice::Cantonese) => format!("百分之{d}"),
            (true, _) => format!("{d} percent"),
        };
        return b.word(base, &said);
    }
    let counted = after.is_some_and(|c| MEASURES.contains(c));
    let mut out = vec![];
    if code {
        numbers::digits(d, &mut out);
    } else if d.len() == 4 && after == Some('年') {
        numbers::year(d, &mut out);
    } else if d == "2" && !ordinal && !percent && counted {
        out.push("liang3".to_owned());
    } else if d == "1" && !ordinal && !percent && counted {
        // 1 项 as 一项: yi2 before a fourth tone, else yi4.
        let tone = after.and_then(mandarin::char_reading).and_then(|r| r.chars().last());
        out.push(if matches!(tone, Some('4' | '5')) { "yi2" } else { "yi4" }.to_owned());
    } else {
        if percent {
            out.extend(["bai3", "fen1", "zhi1"].map(String::from));
        }
        numbers::amount(d, &mut out);
    }
    out.iter().for_each(|s| b.word(Voice::Mandarin, s));
}

/// `9:30` (a time) or `0.5` (a decimal).
fn joined(d: &str, sep: char, after: &str, base: Voice, b: &mut Builder) {
    // 09:30 is said 9 点 30 分.
    let hour = match d.trim_start_matches('0') {
        "" => "0",
        h => h,
    };
    match base {
        Voice::English => b.word(base, &format!("{d}{sep}{after}")),
        Voice::Cantonese if sep == ':' => {
            let minutes =
                if after.bytes().all(|c| c == b'0') { "正".to_owned() } else { format!("{after}分") };
            b.word(base, &format!("{hour}點{minutes}"))
        }
        Voice::Cantonese => b.word(base, &format!("{d}點{after}")),
        Voice::Mandarin => {
            let mut out = vec![];
            numbers::amount(d, &mut out);
            out.push("dian3".to_owned());
            if sep == '.' {
                numbers::year(after, &mut out);
            } else if after.bytes().all(|c| c == b'0') {
                out.push("zheng3".to_owned());
            } else {
                if after.starts_with('0') {
                    out.push("ling2".to_owned());
                }
                numbers::amount(after, &mut out);
                out.push("fen1".to_owned());
            }
            out.iter().for_each(|s| b.word(Voice::Mandarin, s));
        }
    }
}

/// The symbols that are said: a range, a product, a plus; else a pause.
fn symbol(c: char, between_numbers: bool, before_number: bool, base: Voice, b: &mut Builder) {
    let said = match (c, base) {
        ('~', Voice::Mandarin) if between_numbers => "dao4",
        ('~', Voice::English) if between_numbers => "to",
        ('~', Voice::Cantonese) if between_numbers => "至",
        ('×', Voice::Mandarin) if between_numbers => "cheng2",
        ('×', Voice::English) if between_numbers => "by",
        ('×', Voice::Cantonese) if between_numbers => "乘",
        ('+', Voice::Mandarin) if before_number => "jia1",
        ('+', Voice::English) if before_number => "plus",
        ('+', Voice::Cantonese) if before_number => "加",
        // Arrow keys named on screen (↓ to the next field).
        ('↑', Voice::Mandarin) => "shang4 jian4",
        ('↓', Voice::Mandarin) => "xia4 jian4",
        ('←', Voice::Mandarin) => "zuo3 jian4",
        ('→', Voice::Mandarin) => "you4 jian4",
        ('↑', Voice::English) => "Up arrow",
        ('↓', Voice::English) => "Down arrow",
        ('←', Voice::English) => "Left arrow",
        ('→', Voice::English) => "Right arrow",
        ('↑', Voice::Cantonese) => "上鍵",
        ('↓', Voice::Cantonese) => "下鍵",
        ('←', Voice::Cantonese) => "左鍵",
        ('→', Voice::Cantonese) => "右鍵",
        ('.', _) => return b.pause('.'),
        // A hyphen between numbers (0571-8888) is a pause, between words
        // (start-up) nothing.
        ('-', _) if !between_numbers => return,
        (':' | '~' | '-', _) => return b.pause(','),
        _ => return,
    };
    b.word(base, said)
}

#[cfg(test)]
mod tests;
