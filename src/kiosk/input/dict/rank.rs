//! Which candidates a composition offers, and in what order.
//!
//! Candidates fall into tiers, each sorted on its own:
//! 1. search words from the catalogue (`Purpose::Search`): those whose
//!    pinyin is what was typed, then those it begins, then those covering
//!    only the first syllables typed — in the vocabulary's own order;
//! 2. for names, the listed characters: surnames for the first character
//!    (`before == 0`), given-name characters after it — in the list's order,
//!    whole syllables before syllables only begun; then the other written
//!    form of a listed surname (張 after 张);
//! 3. every character read so (or written with those strokes), by how
//!    often it is read so; a whole syllable before syllables only begun.
//!
//! A Traditional form counts as 32 times rarer than it is for a simplified
//! user (and the reverse for `Forms::Traditional`).

use std::collections::HashSet;
use std::ops::Range;

use super::{CharId, Dict, NameEntry, Weight, dict};
use crate::kiosk::input::ime::{Candidate, Context, Forms, Purpose, Word};

/// What was typed, as the ranking reads it.
#[derive(Debug)]
pub enum Query<'q> {
    /// Letters, and their split into syllables (the last one perhaps only begun).
    Pinyin { letters: &'q str, pieces: Vec<Range<usize>> },
    /// Strokes as their letters h s p n z.
    Strokes(&'q str),
}

/// 50 points: a form of the other script counts as 32 times rarer.
const OTHER_FORM_PENALTY: Weight = 50;
/// Strokes typed in full (一 for h, 十 for h s) beat a longer character up
/// to 16 times as frequent.
const WHOLE_STROKES_BONUS: Weight = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    WordWhole,
    WordLonger,
    WordPart,
    Listed,
    ListedLonger,
    ListedOtherForm,
    Whole,
    Longer,
}

#[derive(Debug, Clone, Copy)]
enum Text<'a> {
    Char(CharId),
    Str(&'a str),
}

#[derive(Debug)]
struct Scored<'a> {
    tier: Tier,
    /// Order within the tier, smaller first.
    order: u32,
    text: Text<'a>,
    covers: usize,
}

/// The candidates for `query`, best first, at most `limit`.
pub fn candidates(query: &Query, ctx: &Context, forms: Forms, limit: usize) -> Vec<Candidate> {
    let d = dict();
    let surnames = ctx.purpose == Purpose::Name && ctx.before == 0;
    let mut out = Ranking { d, forms, surnames, scored: vec![] };
    let list = match ctx.purpose {
        Purpose::Name if surnames => Some(&d.surnames),
        Purpose::Name => Some(&d.given_names),
        Purpose::Search => None,
    };
    match query {
        Query::Pinyin { letters, pieces } => {
            if ctx.purpose == Purpose::Search {
                out.words(letters, pieces, ctx.vocabulary);
            }
            if let Some(list) = list {
                out.listed_by_pinyin(list, letters, pieces);
            }
            out.read_as(letters, pieces);
        }
        Query::Strokes(typed) => {
            if let Some(list) = list {
                out.listed_by_strokes(list, typed);
            }
            out.written_as(typed);
        }
    }
    out.finish(limit)
}

struct Ranking<'a> {
    d: &'static Dict,
    forms: Forms,
    /// Ranking the first character of a name.
    surnames: bool,
    scored: Vec<Scored<'a>>,
}

impl<'a> Ranking<'a> {
    fn push(&mut self, tier: Tier, order: u32, text: Text<'a>, covers: usize) {
        self.scored.push(Scored { tier, order, text, covers });
    }

    /// Catalogue words: typed letters are their pinyin, or begin it; or
    /// their pinyin is the first syllables typed (社保 for shebaoka).
    fn words(&mut self, letters: &str, pieces: &[Range<usize>], vocabulary: &'a [Word]) {
        for (i, w) in vocabulary.iter().enumerate() {
            // The vocabulary's order, in the low 20 bits of `order`.
            let i = i.min((1 << 20) - 1) as u32;
            if w.pinyin.is_empty() || w.text.is_empty() {
                continue;
            }
            if w.pinyin == letters {
                self.push(Tier::WordWhole, i, Text::Str(&w.text), letters.len());
            } else if w.pinyin.starts_with(letters) {
                self.push(Tier::WordLonger, i, Text::Str(&w.text), letters.len());
            } else if letters.starts_with(&w.pinyin) && pieces.iter().any(|p| p.end == w.pinyin.len()) {
                // More of what was typed first.
                let order = ((64 - w.pinyin.len().min(63)) as u32) << 20 | i;
                self.push(Tier::WordPart, order, Text::Str(&w.text), w.pinyin.len());
            }
        }
    }

    /// Listed names whose syllables are those typed (the last perhaps begun).
    fn listed_by_pinyin(&mut self, list: &'static [NameEntry], letters: &str, pieces: &[Range<usize>]) {
        for (pos, entry) in list.iter().enumerate() {
            let Some((whole, covers)) = matches_pieces(&entry.syllables, letters, pieces) else { continue };
            let tier = if whole { Tier::Listed } else { Tier::ListedLonger };
            self.listed(entry, pos as u32, tier, covers, |_| true);
        }
    }

    fn listed_by_strokes(&mut self, list: &'static [NameEntry], typed: &str) {
        let d = self.d;
        for (pos, entry) in list.iter().enumerate() {
            let mut chars = entry.text.chars();
            if let (Some(ch), None) = (chars.next(), chars.next())
                && d.begins_with_strokes(ch, typed)
            {
                self.listed(entry, pos as u32, Tier::Listed, typed.len(), |id| {
                    d.entry(id).strokes.split(' ').any(|c| c.starts_with(typed))
                });
            }
        }
    }

    /// A listed name at its place; for a surname, its other written forms
    /// (those `fits` the typing) after every listed one (張 after 张, 章).
    /// For Traditional users the other way round. A given-name character's
    /// other form is left to the general ranking: a syllable has many of
    /// them, and they would push common characters back.
    fn listed(
        &mut self,
        entry: &'static NameEntry,
        pos: u32,
        tier: Tier,
        covers: usize,
        fits: impl Fn(CharId) -> bool,
    ) {
        let d = self.d;
        let mut chars = entry.text.chars();
        let (Some(ch), None) = (chars.next(), chars.next()) else {
            // Compound surnames (欧阳) stay as listed.
            self.push(tier, pos, Text::Str(entry.text), covers);
            return;
        };
        let Some(id) = d.id(ch) else { return };
        let others: Vec<CharId> = d.traditional_of(ch).iter().copied().filter(|&t| fits(t)).collect();
        let (first, second) = match (self.forms, others.is_empty()) {
            (Forms::Traditional, false) => (others, vec![id]),
            _ => (vec![id], others),
        };
        for t in first {
            self.push(tier, pos, Text::Char(t), covers);
        }
        if self.surnames {
            for t in second {
                self.push(Tier::ListedOtherForm, pos, Text::Char(t), covers);
            }
        }
    }

    /// Characters read as the first syllable typed, or, when it is all
    /// that was typed, as any syllable it begins.
    fn read_as(&mut self, letters: &str, pieces: &[Range<usize>]) {
        let Some(first) = pieces.first() else { return };
        let syllable = &letters[first.clone()];
        let open = pieces.len() == 1;
        let d = self.d;
        for (id, weight, read) in d.read_as(syllable, open) {
            let tier = if read == syllable { Tier::Whole } else { Tier::Longer };
            self.push(tier, self.by_weight(id, weight), Text::Char(id), first.end);
        }
    }

    /// Characters whose strokes begin with those typed.
    fn written_as(&mut self, typed: &str) {
        let d = self.d;
        for (id, whole) in d.written_as(typed) {
            let bonus = if whole { WHOLE_STROKES_BONUS } else { 0 };
            let weight = d.entry(id).weight.saturating_add(bonus);
            self.push(Tier::Whole, self.by_weight(id, weight), Text::Char(id), typed.len());
        }
    }

    /// Heavier first, the other script's forms pushed back; then the more
    /// frequent character.
    fn by_weight(&self, id: CharId, weight: Weight) -> u32 {
        let e = self.d.entry(id);
        let other_form = match self.forms {
            Forms::Simplified => e.simplified.is_some(),
            Forms::Traditional => e.has_traditional,
        };
        let weight = if other_form { weight.saturating_sub(OTHER_FORM_PENALTY) } else { weight };
        u32::from(Weight::MAX - weight) << 16 | u32::from(id)
    }

    /// Sorted, each text once (at its best place), at most `limit`.
    fn finish(mut self, limit: usize) -> Vec<Candidate> {
        self.scored.sort_by_key(|s| (s.tier, s.order));
        let mut seen_chars = vec![false; self.d.chars.len()];
        let mut seen_words = HashSet::new();
        let mut out = Vec::with_capacity(limit.min(self.scored.len()));
        for s in self.scored {
            if out.len() == limit {
                break;
            }
            let first_time = match s.text {
                Text::Char(id) => !std::mem::replace(&mut seen_chars[id as usize], true),
                Text::Str(text) => seen_words.insert(text),
            };
            if !first_time {
                continue;
            }
            let text = match s.text {
                Text::Char(id) => self.d.entry(id).ch.to_string(),
                Text::Str(text) => text.to_owned(),
            };
            out.push(Candidate { text, covers: s.covers });
        }
        out
    }
}

/// Whether a listed name's syllables are the pieces typed, from the start:
/// each whole, the last typed piece perhaps only begun. Gives whether all
/// are whole, and the letters covered.
fn matches_pieces(syllables: &[&str], letters: &str, pieces: &[Range<usize>]) -> Option<(bool, usize)> {
    if syllables.len() > pieces.len() {
        return None;
    }
    let mut whole = true;
    for (k, (syllable, piece)) in syllables.iter().zip(pieces).enumerate() {
        let typed = &letters[piece.clone()];
        let last_typed = k + 1 == pieces.len();
        if *syllable == typed {
            continue;
        }
        if !(last_typed && syllable.starts_with(typed)) {
            return None;
        }
        whole = false;
    }
    Some((whole, pieces[syllables.len() - 1].end))
}
