//! Finding a service the way people type it: Chinese names and aliases,
//! full pinyin, initials, pinyin mixed with characters, English with small
//! typos; departments and materials too, ranked below services.
//!
//! The index is built once per catalogue version (the runtime does it off
//! the session's loop); a search is one pass over it, fast enough to run on
//! every keystroke.

pub mod vocabulary;

use memchr::memmem::Finder;
use pinyin::ToPinyin;

use crate::domain::{Catalog, Lang, Service};
use crate::kiosk::input::ime::Word;

/// Readings of characters that the dictionary's first reading gets wrong in
/// service words (多音字): the word, and each character's syllable.
const WORD_READINGS: &[(&str, &[&str])] = &[
    ("重新", &["chong", "xin"]),
    ("重名", &["chong", "ming"]),
    ("重办", &["chong", "ban"]),
    ("重量", &["zhong", "liang"]),
    ("银行", &["yin", "hang"]),
    ("行业", &["hang", "ye"]),
    ("还清", &["huan", "qing"]),
    ("还款", &["huan", "kuan"]),
    ("还贷", &["huan", "dai"]),
    ("调整", &["tiao", "zheng"]),
    ("会计", &["kuai", "ji"]),
    ("长者", &["zhang", "zhe"]),
    ("单位", &["dan", "wei"]),
];

/// How well an entry matched, best first. Ties go to the more asked-for service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Material,
    Department,
    Fuzzy,
    Pinyin,
    /// Several words, each in the name or an alias, in any order.
    Words,
    Alias,
    NameContains,
    NamePrefix,
    NameExact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the catalogue's services.
    pub service: usize,
    pub rank: Rank,
}

/// Texts of one kind for every service, end to end in one string, so a
/// query is a single pass of memmem over contiguous memory.
#[derive(Debug, Default)]
struct Column {
    text: String,
    /// Where each service's texts begin; the last entry is the end.
    starts: Vec<usize>,
}

impl Column {
    /// Adds one service's texts (separated by a character no query holds).
    fn push<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, texts: I) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        for t in texts {
            self.text.push_str(t.as_ref());
            self.text.push('\u{1}');
        }
        self.starts.push(self.text.len());
    }

    fn of(&self, entry: usize) -> &str {
        &self.text[self.starts[entry]..self.starts[entry + 1]]
    }

    /// The services not yet `found` whose texts contain the needle, in
    /// order: found services are stepped over, and after a match the search
    /// jumps to the next service's texts.
    fn matching(&self, finder: &Finder, found: &[Option<(Rank, u32)>]) -> Vec<usize> {
        let text = self.text.as_bytes();
        let mut out = vec![];
        let mut entry = 0;
        while entry < found.len() {
            if found[entry].is_some() {
                entry += 1;
                continue;
            }
            // Search on through the following run of services not yet found.
            let mut end = entry;
            while end < found.len() && found[end].is_none() {
                end += 1;
            }
            let mut from = self.starts[entry];
            while let Some(at) = finder.find(&text[from..self.starts[end]]) {
                let hit = self.starts.partition_point(|&s| s <= from + at) - 1;
                out.push(hit);
                from = self.starts[hit + 1];
            }
            entry = end;
        }
        out
    }
}

pub struct SearchIndex {
    pub version: String,
    popularity: Vec<u8>,
    /// Lower case, no spaces: each service's name in every language.
    names: Vec<Vec<String>>,
    all_names: Column,
    aliases: Column,
    /// Pinyin of the Chinese name and aliases, in full and by initials.
    pinyin: Column,
    /// English name and aliases, lower case with spaces, for typos.
    latin: Column,
    departments: Column,
    materials: Column,
    /// The catalogue's own words, for the pinyin input (see `vocabulary`).
    vocabulary: Vec<Word>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} services, version {})", self.names.len(), self.version)
    }
}

/// Lower case, no white space: how queries and texts are compared.
pub fn normalize(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// Pinyin syllables of `s`, one per Han character (word readings first);
/// ASCII letters and digits stay as they are, lower case; the rest is dropped.
pub fn syllables(s: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = vec![];
    let mut i = 0;
    while i < chars.len() {
        let at = |w: &&str| {
            w.chars().count() <= chars.len() - i && w.chars().zip(&chars[i..]).all(|(a, b)| a == *b)
        };
        if let Some((word, readings)) = WORD_READINGS.iter().find(|(w, _)| at(w)) {
            for (k, r) in readings.iter().enumerate() {
                out.push((i + k, (*r).to_owned()));
            }
            i += word.chars().count();
            continue;
        }
        let c = chars[i];
        if let Some(p) = c.to_pinyin() {
            // ü is typed as v.
            out.push((i, p.plain().replace('ü', "v")));
        } else if c.is_ascii_alphanumeric() {
            out.push((i, c.to_ascii_lowercase().to_string()));
        }
        i += 1;
    }
    out
}

/// Whether `needle`'s bytes appear in `haystack` in order within a window of
/// at most twice its length: a word typed with a letter or two missing
/// (pasport, marrige), not letters scattered across a sentence.
fn near_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return false };
    let max_span = needle.len() * 2;
    haystack.iter().enumerate().filter(|(_, b)| **b == first).any(|(start, _)| {
        let window = &haystack[start + 1..(start + max_span).min(haystack.len())];
        let mut at = 0;
        rest.iter().all(|b| match window[at..].iter().position(|h| h == b) {
            Some(i) => {
                at += i + 1;
                true
            }
            None => false,
        })
    })
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| c.to_pinyin().is_some())
}

/// Closer typo matches first: the tighter the letters sit, the better.
fn typo_score(needle: &[u8], haystack: &[u8]) -> u32 {
    let Some((&first, rest)) = needle.split_first() else { return 0 };
    let span = haystack
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == first)
        .filter_map(|(start, _)| {
            let mut at = start + 1;
            for b in rest {
                at += haystack.get(at..)?.iter().position(|h| h == b)? + 1;
            }
            Some(at - start)
        })
        .min()
        .unwrap_or(usize::MAX);
    u32::MAX - span.min(u32::MAX as usize) as u32
}

impl SearchIndex {
    pub fn build(catalog: &Catalog) -> SearchIndex {
        let mut index = SearchIndex {
            version: catalog.version.clone(),
            popularity: vec![],
            names: vec![],
            all_names: Column::default(),
            aliases: Column::default(),
            pinyin: Column::default(),
            latin: Column::default(),
            departments: Column::default(),
            materials: Column::default(),
            vocabulary: vocabulary::build(catalog),
        };
        for s in &catalog.services {
            let zh = std::iter::once(s.name.get(Lang::ZhCn))
                .chain(s.aliases.0.get(&Lang::ZhCn).into_iter().flatten().map(String::as_str));
            let spelled = zh.flat_map(|t| {
                let syl = syllables(t);
                let full: String = syl.iter().map(|(_, p)| p.as_str()).collect();
                let initials: String = syl.iter().filter_map(|(_, p)| p.chars().next()).collect();
                [full, initials]
            });
            let latin = std::iter::once(s.name.get(Lang::EnUs))
                .chain(s.aliases.0.get(&Lang::EnUs).into_iter().flatten().map(String::as_str))
                .map(str::to_lowercase);
            let names: Vec<String> = Lang::ALL.map(|l| normalize(s.name.get(l))).to_vec();
            index.all_names.push(&names);
            index.names.push(names);
            index.popularity.push(s.popularity);
            index.aliases.push(s.aliases.0.values().flatten().map(|a| normalize(a)));
            index.pinyin.push(spelled);
            index.latin.push(latin);
            index.departments.push(Lang::ALL.map(|l| normalize(s.department.get(l))));
            index
                .materials
                .push(s.materials.iter().flat_map(|m| Lang::ALL.map(|l| normalize(m.name.get(l)))));
        }
        index
    }

    /// The catalogue's words with their pinyin, most useful first: what
    /// the pinyin input offers before single characters in a search.
    pub fn vocabulary(&self) -> &[Word] {
        &self.vocabulary
    }

    /// The services matching `query`, best first (at most `limit`).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = normalize(query);
        if q.is_empty() || limit == 0 {
            return vec![];
        }
        // Characters typed among pinyin (社保ka) are read as pinyin too;
        // Chinese typed alone is matched as Chinese.
        let letters = q.bytes().any(|b| b.is_ascii_alphabetic());
        let qp: String = if q.is_ascii() {
            q.clone()
        } else if letters && has_han(&q) {
            syllables(&q).into_iter().map(|(_, p)| p).collect()
        } else {
            String::new()
        };
        let pinyin = !qp.is_empty() && qp.bytes().all(|b| b.is_ascii_alphanumeric());
        let (find_q, find_qp) = (Finder::new(q.as_bytes()), Finder::new(qp.as_bytes()));
        // The best match of each service: rank, then a tie-breaking score.
        let mut best: Vec<Option<(Rank, u32)>> = vec![None; self.names.len()];
        let mark = |best: &mut Vec<Option<(Rank, u32)>>, i: usize, rank: Rank, score: u32| {
            if best[i].is_none() {
                best[i] = Some((rank, score));
            }
        };
        for i in self.all_names.matching(&find_q, &best) {
            let names = &self.names[i];
            let rank = if names.contains(&q) {
                Rank::NameExact
            } else if names.iter().any(|n| n.starts_with(&q)) {
                Rank::NamePrefix
            } else {
                Rank::NameContains
            };
            mark(&mut best, i, rank, 0);
        }
        for i in self.aliases.matching(&find_q, &best) {
            mark(&mut best, i, Rank::Alias, 0);
        }
        if pinyin {
            for i in self.pinyin.matching(&find_qp, &best) {
                mark(&mut best, i, Rank::Pinyin, 0);
            }
        }
        // Several words (passport renewal): each in a name or an alias, in
        // any order. Services holding the longest are found in one pass.
        let words: Vec<String> = query.split_whitespace().map(normalize).collect();
        if let Some(longest) = words.iter().max_by_key(|w| w.len()).filter(|_| words.len() > 1) {
            let finder = Finder::new(longest.as_bytes());
            let texts = [&self.all_names, &self.aliases];
            let mut found: Vec<usize> = texts.iter().flat_map(|c| c.matching(&finder, &best)).collect();
            found.sort_unstable();
            found.dedup();
            for i in found {
                if words.iter().all(|w| texts.iter().any(|c| c.of(i).contains(w.as_str()))) {
                    mark(&mut best, i, Rank::Words, 0);
                }
            }
        }
        // Typos, departments and materials rank below: only look when the
        // closer matches did not already fill the list.
        if best.iter().filter(|b| b.is_some()).count() < limit {
            if q.is_ascii() && q.len() >= 4 {
                // A typo seldom hits the first two letters: only texts with
                // them are tried, found by one pass over the column.
                let start = Finder::new(&q.as_bytes()[..2]);
                for i in self.latin.matching(&start, &best) {
                    let latin = self.latin.of(i).as_bytes();
                    if near_subsequence(q.as_bytes(), latin) {
                        mark(&mut best, i, Rank::Fuzzy, typo_score(q.as_bytes(), latin));
                    }
                }
            }
            for i in self.departments.matching(&find_q, &best) {
                mark(&mut best, i, Rank::Department, 0);
            }
            for i in self.materials.matching(&find_q, &best) {
                mark(&mut best, i, Rank::Material, 0);
            }
        }
        let mut hits: Vec<(Rank, u32, u8, usize)> = best
            .iter()
            .enumerate()
            .filter_map(|(i, b)| b.map(|(rank, score)| (rank, score, self.popularity[i], i)))
            .collect();
        // Best rank first; among typos the closer one; then the more asked-for.
        let order = |a: &(Rank, u32, u8, usize), b: &(Rank, u32, u8, usize)| {
            b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits.into_iter().map(|(rank, _, _, service)| Hit { service, rank }).collect()
    }
}

/// For a service found by an alias and not by its name: the first alias the
/// query matches (the citizen's language first) and its characters matched,
/// so the screen can say why the service was found.
pub fn matched_alias<'a>(service: &'a Service, lang: Lang, query: &str) -> Option<(&'a str, Vec<usize>)> {
    let aliases = &service.aliases.0;
    let own = aliases.get(&lang).into_iter().flatten();
    let others = aliases.iter().filter(|(l, _)| **l != lang).flat_map(|(_, a)| a);
    own.chain(others).find_map(|alias| {
        let marks = highlight(alias, query);
        (!marks.is_empty()).then_some((alias.as_str(), marks))
    })
}

/// Which characters of `name` the query matched, for highlighting: the
/// query whole, or else each of its words.
pub fn highlight(name: &str, query: &str) -> Vec<usize> {
    let whole = highlight_one(name, query);
    if !whole.is_empty() || query.split_whitespace().nth(1).is_none() {
        return whole;
    }
    let mut marks: Vec<usize> = query.split_whitespace().flat_map(|w| highlight_one(name, w)).collect();
    marks.sort_unstable();
    marks.dedup();
    marks
}

fn highlight_one(name: &str, query: &str) -> Vec<usize> {
    let q = normalize(query);
    if q.is_empty() {
        return vec![];
    }
    let chars: Vec<char> = name.chars().collect();
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    // A plain substring (spaces in the name skipped)?
    let kept: Vec<usize> = (0..lower.len()).filter(|&i| !lower[i].is_whitespace()).collect();
    let flat: String = kept.iter().map(|&i| lower[i]).collect();
    if let Some(at) = flat.find(&q) {
        let start = flat[..at].chars().count();
        return kept[start..start + q.chars().count()].to_vec();
    }
    // Pinyin: the syllables the query covers, whole or by initial.
    let syl = syllables(name);
    let qp: String = syllables(&q).into_iter().map(|(_, p)| p).collect();
    let full: String = syl.iter().map(|(_, p)| p.as_str()).collect();
    if let Some(at) = full.find(&qp) {
        let mut pos = 0;
        let mut out = vec![];
        for (i, p) in &syl {
            if pos + p.len() > at && pos < at + qp.len() {
                out.push(*i);
            }
            pos += p.len();
        }
        return out;
    }
    let initials: String = syl.iter().filter_map(|(_, p)| p.chars().next()).collect();
    if let Some(at) = initials.find(&qp) {
        return syl[at..at + qp.len()].iter().map(|(i, _)| *i).collect();
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polyphonic_characters_read_as_in_their_words() {
        let s = |t: &str| syllables(t).into_iter().map(|(_, p)| p).collect::<Vec<_>>().join(" ");
        assert_eq!(s("重新办理"), "chong xin ban li");
        assert_eq!(s("重量"), "zhong liang");
        assert_eq!(s("银行开户"), "yin hang kai hu");
        assert_eq!(s("通行证"), "tong xing zheng");
        assert_eq!(s("房贷还清"), "fang dai huan qing");
        assert_eq!(s("独生子女"), "du sheng zi nv");
        assert_eq!(s("社保ka"), "she bao k a");
    }

    #[test]
    fn typos_match_only_close_together() {
        assert!(near_subsequence(b"pasport", b"passport application"));
        assert!(near_subsequence(b"marrige", b"marriage registration"));
        assert!(!near_subsequence(b"nott", b"no fee, but the documents take time"));
    }

    #[test]
    fn highlights_follow_the_match() {
        assert_eq!(highlight("居民身份证换领", "身份证"), vec![2, 3, 4]);
        assert_eq!(highlight("社会保险", "shbx"), vec![0, 1, 2, 3]);
        assert_eq!(highlight("Passport application", "pass"), vec![0, 1, 2, 3]);
        assert_eq!(
            highlight("Passport or renewal", "renewal pass"),
            vec![0, 1, 2, 3, 12, 13, 14, 15, 16, 17, 18]
        );
    }
}
