//! What is news in a frame, to be said: a new screen is said whole (its
//! title, what it shows, the focus, a message); then only what changed — a
//! new focus, a character typed or erased, a message as it appears. Pure:
//! frames' notes in, utterances out, so a test records a whole booking.

use crate::domain::Lang;
use crate::ui::spoken::{Focus, Line, Spoken};

use super::{FieldKind, Say, Utterance, Voices, utterances};

/// Follows the frames of one session.
#[derive(Debug, Default)]
pub struct Follower {
    last: Option<(Lang, Spoken)>,
    /// What was said last, for the repeat key.
    said: Vec<Utterance>,
}

impl Follower {
    /// What to say for a frame that shows `now` (nothing when nothing is news).
    pub fn follow(&mut self, lang: Lang, voices: Voices, now: Spoken) -> Vec<Utterance> {
        let last = self.last.take();
        let parts = match &last {
            Some((l, before)) if *l == lang && before.title == now.title => news(before, &now),
            _ => whole(&now),
        };
        let said = utterances(lang, voices, &parts);
        self.last = Some((lang, now));
        if !said.is_empty() {
            self.said.clone_from(&said);
        }
        said
    }

    /// The last utterances said, to say again.
    pub fn repeat(&self) -> Vec<Utterance> {
        self.said.clone()
    }

    /// Speech went off: the next frame is a new start.
    pub fn forget(&mut self) {
        self.last = None;
    }
}

/// Everything a screen says on arrival.
fn whole(now: &Spoken) -> Vec<Say<'_>> {
    let mut parts = vec![];
    if !now.title.is_empty() {
        parts.push(Say::Title(&now.title));
    }
    parts.extend(now.lines.iter().map(line));
    parts.extend(now.focus.iter().flat_map(focus));
    parts.extend(now.key.iter().map(|k| Say::Text(k)));
    parts.extend(now.notice.iter().map(|n| Say::Error(n)));
    parts
}

/// What changed on the same screen.
fn news<'a>(before: &Spoken, now: &'a Spoken) -> Vec<Say<'a>> {
    let mut parts = vec![];
    // A message first: it says why nothing else moved.
    if now.notice != before.notice
        && let Some(n) = &now.notice
    {
        parts.push(Say::Error(n));
    }
    if now.lines != before.lines {
        let fresh = now.lines.iter().filter(|l| !before.lines.contains(l));
        parts.extend(fresh.map(line));
    }
    match (&before.focus, &now.focus) {
        (a, b) if a == b => {}
        (
            Some(Focus::Field { label: was, value: old, .. }),
            Some(Focus::Field { label, value, kind, error }),
        ) if was == label && error.is_none() => parts.extend(typed(old, value, *kind)),
        (_, Some(f)) => parts.extend(focus(f)),
        (_, None) => {}
    }
    if now.key != before.key
        && let Some(k) = &now.key
    {
        parts.push(Say::Text(k));
    }
    parts
}

fn line(l: &Line) -> Say<'_> {
    match l {
        Line::Text(t) => Say::Text(t),
        Line::Code { label, code } => Say::Code { label, code },
        Line::Ticket { label, number } => Say::Ticket { label, number },
    }
}

fn focus(f: &Focus) -> Vec<Say<'_>> {
    match f {
        Focus::Item { number, label, detail } => {
            let mut parts = vec![Say::Item { number: *number, label }];
            if !detail.is_empty() {
                parts.push(Say::Text(detail));
            }
            parts
        }
        Focus::Field { label, value, kind, error } => {
            let mut parts = vec![Say::Field { label, value, kind: *kind }];
            parts.extend(error.iter().map(|e| Say::Error(e)));
            parts
        }
        Focus::Part(lines) => lines.iter().map(|l| Say::Text(l)).collect(),
    }
}

/// A field's value changed in place: what was typed at its end is said
/// (a character spelled, a candidate read); anything else — an erase, a
/// change in the middle — says the value as it is now.
fn typed<'a>(old: &str, value: &'a str, kind: FieldKind) -> Vec<Say<'a>> {
    match value.strip_prefix(old) {
        Some(added) if !added.is_empty() => vec![Say::Typed { text: added, kind }],
        _ => vec![Say::Field { label: "", value, kind }],
    }
}
