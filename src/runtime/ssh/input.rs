//! Bytes from an SSH channel into key, mouse and paste events. terminput
//! parses the escape sequences; this keeps what arrived unfinished — a
//! sequence or a bracketed paste split across packets, half a UTF-8
//! character — until the rest comes, each within a bound, and tells a lone
//! Esc from the start of a sequence by waiting a moment for more.

use std::time::Duration;

use crate::kiosk::Msg;

/// How long an Esc at the end of a packet waits for the rest of a sequence.
pub const ESC_WAIT: Duration = Duration::from_millis(40);

/// The most text one bracketed paste keeps; the rest of it is dropped. A
/// kiosk field takes far less, and a paste that never ends costs no more.
pub const PASTE_MAX: usize = 16 * 1024;

/// An unfinished sequence longer than this is nothing a terminal sends
/// (digits without a final byte, say): it is dropped, not kept growing.
const SEQUENCE_MAX: usize = 64;

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Default)]
pub struct InputParser {
    /// An unfinished sequence or character.
    pending: Vec<u8>,
    /// Inside a bracketed paste: its text so far.
    paste: Option<Paste>,
    /// Bytes fed so far, so a timer can tell whether anything followed its Esc.
    fed: u64,
}

/// Where the input stood when a lone Esc was left waiting (see `esc_timeout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EscMark(u64);

impl InputParser {
    /// Parses a packet; the events complete so far. Whatever is unfinished
    /// at its end waits for the next packet.
    pub fn feed(&mut self, data: &[u8]) -> Vec<Msg> {
        self.fed += data.len() as u64;
        let mut out = vec![];
        let mut rest = data;
        while !rest.is_empty() {
            if let Some(paste) = &mut self.paste {
                let (used, ended) = paste.take(rest);
                rest = &rest[used..];
                if ended && let Some(paste) = self.paste.take() {
                    out.push(Msg::Paste(paste.into_text()));
                }
                continue;
            }
            self.pending.push(rest[0]);
            rest = &rest[1..];
            self.parse(&mut out);
        }
        out
    }

    /// Some when a lone Esc waits: it is the Esc key if nothing follows
    /// within `ESC_WAIT`, the start of a sequence if something does.
    pub fn lone_esc(&self) -> Option<EscMark> {
        (self.pending == [ESC]).then_some(EscMark(self.fed))
    }

    /// The wait for the Esc of `mark` is over: if nothing came since, it was
    /// the Esc key. Anything else unfinished (a sequence, a paste) stays
    /// until its rest arrives.
    pub fn esc_timeout(&mut self, mark: EscMark) -> Option<Msg> {
        if self.lone_esc() != Some(mark) {
            return None;
        }
        self.pending.clear();
        terminput::Event::parse_from(&[ESC]).ok().flatten().and_then(to_msg)
    }

    fn parse(&mut self, out: &mut Vec<Msg>) {
        // A lone Esc may begin a sequence: the next byte (or the timer) decides.
        if self.pending == [ESC] {
            return;
        }
        if self.pending == PASTE_START {
            self.pending.clear();
            self.paste = Some(Paste::default());
            return;
        }
        match terminput::Event::parse_from(&self.pending) {
            Ok(None) if self.pending.len() < SEQUENCE_MAX => {}
            Ok(None) | Err(_) => self.pending.clear(),
            Ok(Some(event)) => {
                self.pending.clear();
                out.extend(to_msg(event));
            }
        }
    }
}

/// A bracketed paste being received: its text up to `PASTE_MAX`, and how
/// much of the end marker the last bytes matched (it may be split too).
#[derive(Default)]
struct Paste {
    text: Vec<u8>,
    matched: usize,
    cut: bool,
}

impl Paste {
    /// Takes bytes up to and including the end marker: how many it took,
    /// and whether the paste is complete.
    fn take(&mut self, data: &[u8]) -> (usize, bool) {
        for (i, &byte) in data.iter().enumerate() {
            if byte == PASTE_END[self.matched] {
                self.matched += 1;
                if self.matched == PASTE_END.len() {
                    return (i + 1, true);
                }
                continue;
            }
            // What looked like the end marker was text. Its bytes are all
            // different, so only an Esc can begin it again.
            let held = std::mem::take(&mut self.matched);
            self.keep(&PASTE_END[..held]);
            if byte == ESC {
                self.matched = 1;
            } else {
                self.keep(&[byte]);
            }
        }
        (data.len(), false)
    }

    fn keep(&mut self, bytes: &[u8]) {
        let room = PASTE_MAX - self.text.len();
        self.text.extend_from_slice(&bytes[..bytes.len().min(room)]);
        self.cut |= bytes.len() > room;
    }

    fn into_text(mut self) -> String {
        if self.cut {
            tracing::warn!("a pasted text longer than {PASTE_MAX} bytes was cut there");
            // The cut may fall inside a character: end at the last whole one.
            if let Err(e) = std::str::from_utf8(&self.text)
                && e.error_len().is_none()
            {
                self.text.truncate(e.valid_up_to());
            }
        }
        String::from_utf8_lossy(&self.text).into_owned()
    }
}

fn to_msg(event: terminput::Event) -> Option<Msg> {
    terminput_crossterm::to_crossterm(event).ok().and_then(super::super::local::to_msg)
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;

    fn keys(msgs: &[Msg]) -> Vec<(KeyCode, KeyModifiers)> {
        msgs.iter()
            .filter_map(|m| match m {
                Msg::Key(k) => Some((k.code, k.modifiers)),
                _ => None,
            })
            .collect()
    }

    fn pasted(msgs: &[Msg]) -> Vec<&str> {
        msgs.iter()
            .filter_map(|m| match m {
                Msg::Paste(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The Esc timer firing between two packets, as it does when the second
    /// is later than `ESC_WAIT`.
    fn wait_between(p: &mut InputParser) -> Option<Msg> {
        p.lone_esc().and_then(|mark| p.esc_timeout(mark))
    }

    #[test]
    fn plain_text_arrows_and_utf8() {
        let mut p = InputParser::default();
        let msgs = p.feed("a1\x1b[B中".as_bytes());
        assert_eq!(
            keys(&msgs),
            vec![
                (KeyCode::Char('a'), KeyModifiers::NONE),
                (KeyCode::Char('1'), KeyModifiers::NONE),
                (KeyCode::Down, KeyModifiers::NONE),
                (KeyCode::Char('中'), KeyModifiers::NONE)
            ]
        );
    }

    #[test]
    fn sequences_and_characters_split_across_packets() {
        let mut p = InputParser::default();
        assert!(p.feed(b"\x1b").is_empty());
        assert!(p.feed(b"[").is_empty());
        assert_eq!(keys(&p.feed(b"A")), vec![(KeyCode::Up, KeyModifiers::NONE)]);
        let bytes = "社".as_bytes();
        assert!(p.feed(&bytes[..2]).is_empty());
        assert_eq!(keys(&p.feed(&bytes[2..])), vec![(KeyCode::Char('社'), KeyModifiers::NONE)]);
    }

    #[test]
    fn a_lone_esc_is_a_key_once_nothing_follows() {
        let mut p = InputParser::default();
        assert!(p.feed(b"\x1b").is_empty());
        let mark = p.lone_esc().expect("the Esc waits");
        assert_eq!(
            keys(&p.esc_timeout(mark).into_iter().collect::<Vec<_>>()),
            vec![(KeyCode::Esc, KeyModifiers::NONE)]
        );
        assert_eq!(p.lone_esc(), None);
    }

    #[test]
    fn an_esc_timer_is_void_once_more_bytes_came() {
        let mut p = InputParser::default();
        assert!(p.feed(b"\x1b").is_empty());
        let stale = p.lone_esc().unwrap();
        assert_eq!(keys(&p.feed(b"[A\x1b")), vec![(KeyCode::Up, KeyModifiers::NONE)]);
        assert!(p.esc_timeout(stale).is_none(), "the first timer must not take the second Esc early");
        assert!(p.lone_esc().is_some_and(|mark| p.esc_timeout(mark).is_some()));
    }

    #[test]
    fn a_sequence_split_after_its_introducer_survives_the_esc_timer() {
        let mut p = InputParser::default();
        assert!(p.feed(b"\x1b[").is_empty());
        assert!(wait_between(&mut p).is_none());
        assert_eq!(keys(&p.feed(b"B")), vec![(KeyCode::Down, KeyModifiers::NONE)]);
    }

    #[test]
    fn bracketed_paste_arrives_whole() {
        let mut p = InputParser::default();
        let first = p.feed("\x1b[200~张三".as_bytes());
        assert!(first.is_empty());
        let msgs = p.feed(b"\x1b[201~");
        assert!(matches!(&msgs[..], [Msg::Paste(t)] if t == "张三"), "{msgs:?}");
    }

    #[test]
    fn a_paste_split_across_packets_keeps_its_first_part_past_the_esc_timer() {
        let mut p = InputParser::default();
        assert!(p.feed("\x1b[200~shebao 社".as_bytes()).is_empty());
        assert!(wait_between(&mut p).is_none());
        assert!(p.feed("保\x1b[20".as_bytes()).is_empty());
        assert!(wait_between(&mut p).is_none());
        let msgs = p.feed(b"1~x");
        assert_eq!(pasted(&msgs), vec!["shebao 社保"]);
        assert_eq!(keys(&msgs), vec![(KeyCode::Char('x'), KeyModifiers::NONE)], "typing goes on after it");
    }

    #[test]
    fn a_paste_split_anywhere_is_the_same_paste() {
        let whole = "\x1b[200~a\x1b[20b\x1b\x1bc 中文\x1b[201~z".as_bytes();
        for cut in 0..=whole.len() {
            let mut p = InputParser::default();
            let mut msgs = p.feed(&whole[..cut]);
            msgs.extend(p.feed(&whole[cut..]));
            assert_eq!(pasted(&msgs), vec!["a\x1b[20b\x1b\x1bc 中文"], "cut at {cut}");
            assert_eq!(keys(&msgs), vec![(KeyCode::Char('z'), KeyModifiers::NONE)], "cut at {cut}");
        }
    }

    #[test]
    fn an_endless_paste_holds_at_most_its_bound_and_ends_on_a_whole_character() {
        let mut p = InputParser::default();
        assert!(p.feed(b"\x1b[200~").is_empty());
        let chunk = "社保".repeat(10_000);
        for _ in 0..100 {
            assert!(p.feed(chunk.as_bytes()).is_empty());
        }
        assert!(
            p.paste.as_ref().is_some_and(|paste| paste.text.len() == PASTE_MAX),
            "bounded while it lasts"
        );
        let msgs = p.feed(b"\x1b[201~");
        let [text] = pasted(&msgs)[..] else { panic!("one paste: {msgs:?}") };
        assert!(text.len() <= PASTE_MAX && text.len() > PASTE_MAX - 4, "{}", text.len());
        assert!(text.chars().all(|c| c == '社' || c == '保'), "no broken character at the cut");
    }

    #[test]
    fn an_unfinished_sequence_is_bounded() {
        let mut p = InputParser::default();
        let endless = [b"\x1b[1".as_slice(), &[b'1'; 10_000]].concat();
        p.feed(&endless);
        assert!(p.pending.len() < SEQUENCE_MAX, "dropped once past its bound");
        assert_eq!(keys(&p.feed(b"a")), vec![(KeyCode::Char('a'), KeyModifiers::NONE)]);
    }

    #[test]
    fn alt_and_ctrl_chords() {
        let mut p = InputParser::default();
        let msgs = p.feed(b"\x1b\x0b");
        assert_eq!(keys(&msgs), vec![(KeyCode::Char('k'), KeyModifiers::CONTROL | KeyModifiers::ALT)]);
        assert_eq!(keys(&p.feed(b"\x03")), vec![(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    }
}
