//! Bytes from an SSH channel into key, mouse and paste events. terminput
//! parses the escape sequences; this keeps what arrived incomplete (a
//! sequence split across packets, a half UTF-8 character) until the rest
//! comes, and tells a lone Esc from the start of a sequence by waiting a
//! moment for more.

use std::time::Duration;

use crate::kiosk::Msg;

/// How long an Esc at the end of a packet waits for the rest of a sequence.
pub const ESC_WAIT: Duration = Duration::from_millis(40);

#[derive(Default)]
pub struct InputParser {
    pending: Vec<u8>,
}

impl InputParser {
    /// Parses a packet; events complete so far.
    pub fn feed(&mut self, data: &[u8]) -> Vec<Msg> {
        let mut out = vec![];
        for (i, &byte) in data.iter().enumerate() {
            self.pending.push(byte);
            let last = i + 1 == data.len();
            // A lone Esc at the end of a packet may begin a sequence whose
            // rest is in the next: decide when `flush` is called.
            if last && self.pending == [0x1b] {
                break;
            }
            self.parse(&mut out, !last);
        }
        out
    }

    /// No more bytes came in time: what is pending is what it is (an Esc key).
    pub fn flush(&mut self) -> Vec<Msg> {
        let mut out = vec![];
        if !self.pending.is_empty() {
            self.parse(&mut out, false);
            self.pending.clear();
        }
        out
    }

    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    fn parse(&mut self, out: &mut Vec<Msg>, more: bool) {
        // With more bytes to come, a buffer of just Esc is the start of a sequence.
        if more && self.pending == [0x1b] {
            return;
        }
        match terminput::Event::parse_from(&self.pending) {
            Ok(None) => {}
            Ok(Some(event)) => {
                self.pending.clear();
                out.extend(to_msg(event));
            }
            Err(_) => self.pending.clear(),
        }
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
        assert!(p.has_pending());
        assert_eq!(keys(&p.flush()), vec![(KeyCode::Esc, KeyModifiers::NONE)]);
        assert!(!p.has_pending());
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
    fn alt_and_ctrl_chords() {
        let mut p = InputParser::default();
        let msgs = p.feed(b"\x1b\x0b");
        assert_eq!(keys(&msgs), vec![(KeyCode::Char('k'), KeyModifiers::CONTROL | KeyModifiers::ALT)]);
        assert_eq!(keys(&p.feed(b"\x03")), vec![(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    }
}
