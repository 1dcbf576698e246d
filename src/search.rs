//! Finding a service the way people type it: Chinese names and aliases,
//! full pinyin, initials, pinyin mixed with characters, English word by
//! word with a typo forgiven in each; the name of a category finds its
//! services; departments and materials too, ranked below services.
//!
//! The index is built once per catalogue version (the runtime does it off
//! the session's loop); a search is one pass over it, fast enough to run on
//! every keystroke.

mod column;
mod entry;
mod highlight;
mod policies;
mod spell;
pub mod vocabulary;
mod words;

use memchr::memmem::Finder;

use column::{Column, END};
pub use entry::Entry;
pub use highlight::{highlight, matched_alias};
use spell::{has_han, spell_into};
pub use spell::{normalize, syllables};
use words::{WordIndex, WordIndexBuilder};

use crate::domain::{Catalog, Lang};
use crate::kiosk::input::ime::Word;

/// How well an entry matched, best first. Ties go to the more asked-for service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Material,
    Department,
    /// English words, one of them (at least) with a typo.
    Fuzzy,
    /// The name of the service's category (企业开办, qykb, Tax).
    Category,
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
    /// Index into the catalogue's services (into the library's documents,
    /// for an index of policies).
    pub service: usize,
    pub rank: Rank,
}

/// The best match of each service so far: its rank, then a tie-breaking
/// score (higher is better).
type Found = Vec<Option<(Rank, u32)>>;

pub struct SearchIndex {
    pub version: String,
    popularity: Vec<u8>,
    /// Each service's name in every language.
    names: Column,
    aliases: Column,
    /// Pinyin of the Chinese name and aliases, in full and by initials.
    pinyin: Column,
    /// The English words of each service's name and aliases.
    words: WordIndex,
    departments: Column,
    materials: Column,
    /// Each category's name in every language, and its pinyin.
    categories: Column,
    /// Each service's category, as an index into `categories`.
    category_of: Vec<Option<usize>>,
    /// The catalogue's own words, for the pinyin input (see `vocabulary`).
    vocabulary: Vec<Word>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} services, version {})", self.popularity.len(), self.version)
    }
}

/// Appends the pinyin of each text, in full and by initials, each ended by
/// `END`; `initials` is scratch space.
fn spell_all<'t>(buf: &mut String, initials: &mut String, texts: impl Iterator<Item = &'t str>) {
    for text in texts {
        initials.clear();
        spell_into(text, buf, initials);
        buf.push(END);
        buf.push_str(initials);
        buf.push(END);
    }
}

/// A text in zh-CN and, where it differs, zh-HK: what pinyin is made of.
pub(crate) fn chinese(text: &crate::domain::Text) -> impl Iterator<Item = &str> {
    let zh = text.get(Lang::ZhCn);
    std::iter::once(zh).chain(Some(text.get(Lang::ZhHk)).filter(|hk| *hk != zh))
}

impl SearchIndex {
    pub fn build(catalog: &Catalog) -> SearchIndex {
        let entries = catalog.services.iter().map(|s| {
            let aliases = |lang| s.aliases.0.get(&lang).into_iter().flatten().map(String::as_str);
            Entry {
                popularity: s.popularity,
                names: Lang::ALL.map(|l| s.name.get(l)),
                aliases: s.aliases.0.values().flatten().map(String::as_str).collect(),
                chinese: std::iter::once(s.name.get(Lang::ZhCn)).chain(aliases(Lang::ZhCn)).collect(),
                english: std::iter::once(s.name.get(Lang::EnUs)).chain(aliases(Lang::EnUs)).collect(),
                departments: Lang::ALL.map(|l| s.department.get(l)).to_vec(),
                materials: s.materials.iter().flat_map(|m| Lang::ALL.map(|l| m.name.get(l))).collect(),
                category: catalog.categories.iter().position(|c| c.id == s.category),
            }
        });
        let categories = catalog.categories.iter().map(|c| &c.name);
        SearchIndex::from_entries(catalog.version.clone(), entries, categories, vocabulary::build(catalog))
    }

    /// An index of any entries (services, policy documents), searched the
    /// same way; `categories` are the names an entry's `category` points into.
    pub fn from_entries<'a>(
        version: String,
        entries: impl Iterator<Item = Entry<'a>>,
        categories: impl Iterator<Item = &'a crate::domain::Text>,
        vocabulary: Vec<Word>,
    ) -> SearchIndex {
        let mut index = SearchIndex {
            version,
            popularity: vec![],
            names: Column::default(),
            aliases: Column::default(),
            pinyin: Column::default(),
            words: WordIndex::default(),
            departments: Column::default(),
            materials: Column::default(),
            categories: Column::default(),
            category_of: vec![],
            vocabulary,
        };
        let mut words = WordIndexBuilder::default();
        let mut scratch = String::new();
        for entry in entries {
            index.add(entry, &mut words, &mut scratch);
        }
        index.words = words.finish();
        for name in categories {
            index.categories.push_with(|buf| {
                for lang in Lang::ALL {
                    spell::normalize_into(name.get(lang), buf);
                    buf.push(END);
                }
                spell_all(buf, &mut scratch, chinese(name));
            });
        }
        index
    }

    fn add(&mut self, e: Entry, words: &mut WordIndexBuilder, scratch: &mut String) {
        self.popularity.push(e.popularity);
        self.names.push(e.names);
        self.aliases.push(e.aliases);
        self.pinyin.push_with(|buf| spell_all(buf, scratch, e.chinese.into_iter()));
        words.push(e.english);
        self.departments.push(e.departments);
        self.materials.push(e.materials);
        self.category_of.push(e.category);
    }

    /// The catalogue's words with their pinyin, most useful first: what
    /// the pinyin input offers before single characters in a search.
    pub fn vocabulary(&self) -> &[Word] {
        &self.vocabulary
    }

    fn len(&self) -> usize {
        self.popularity.len()
    }

    /// The services matching `query`, best first (at most `limit`).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = normalize(query);
        if q.is_empty() || limit == 0 {
            return vec![];
        }
        let qp = query_pinyin(&q);
        // English typed word by word (ASCII only: 社保ka is pinyin).
        let typed: Vec<String> = if query.is_ascii() { words::typed(query) } else { vec![] };
        let mut best: Found = vec![None; self.len()];
        self.by_name(&q, &mut best);
        mark_in(&mut best, &self.aliases, &q, Rank::Alias);
        if let Some(qp) = &qp {
            mark_in(&mut best, &self.pinyin, qp, Rank::Pinyin);
        }
        self.by_several_words(query, &mut best);
        self.by_category(&q, qp.as_deref(), &mut best);
        // Typos, departments and materials rank below: only look when the
        // closer matches did not already fill the list.
        if best.iter().filter(|b| b.is_some()).count() < limit {
            if typed.iter().any(|t| words::typos_allowed(t.len()) > 0) {
                for (i, cost) in self.words.matching(&typed, self.len()) {
                    if best[i].is_none() {
                        best[i] = Some((Rank::Fuzzy, u32::MAX - cost));
                    }
                }
            }
            mark_in(&mut best, &self.departments, &q, Rank::Department);
            mark_in(&mut best, &self.materials, &q, Rank::Material);
        }
        self.ranked(best, &typed, limit)
    }

    /// Names: the whole name, its beginning, or anywhere in it.
    fn by_name(&self, q: &str, best: &mut Found) {
        for i in self.names.matching(&Finder::new(q.as_bytes()), best) {
            // Each text runs on to the service's end: `q` then END is a whole name.
            let mut rank = Rank::NameContains;
            for text in self.names.texts(i).filter(|t| t.starts_with(q)) {
                rank = if text[q.len()..].starts_with(END) {
                    Rank::NameExact
                } else {
                    rank.max(Rank::NamePrefix)
                };
            }
            best[i] = Some((rank, 0));
        }
    }

    /// Several words (passport renewal): each in a name or an alias, in
    /// any order. Services holding the longest are found in one pass.
    fn by_several_words(&self, query: &str, best: &mut Found) {
        let typed: Vec<String> = query.split_whitespace().map(normalize).collect();
        let Some(longest) = typed.iter().max_by_key(|w| w.len()).filter(|_| typed.len() > 1) else {
            return;
        };
        let finder = Finder::new(longest.as_bytes());
        let texts = [&self.names, &self.aliases];
        let mut found: Vec<usize> = texts.iter().flat_map(|c| c.matching(&finder, best)).collect();
        found.sort_unstable();
        found.dedup();
        for i in found {
            if typed.iter().all(|w| texts.iter().any(|c| c.of(i).contains(w.as_str()))) {
                best[i] = Some((Rank::Words, 0));
            }
        }
    }

    /// A category's name, pinyin or initials: every service in it.
    fn by_category(&self, q: &str, qp: Option<&str>, best: &mut Found) {
        let hit: Vec<bool> = (0..self.categories.len())
            .map(|c| {
                let texts = self.categories.of(c);
                texts.contains(q) || qp.is_some_and(|qp| texts.contains(qp))
            })
            .collect();
        if !hit.contains(&true) {
            return;
        }
        for (i, category) in self.category_of.iter().enumerate() {
            if best[i].is_none() && category.is_some_and(|c| hit[c]) {
                best[i] = Some((Rank::Category, 0));
            }
        }
    }

    /// Best first, at most `limit`. For English typed as words, a service
    /// holding each of them whole comes first ("used car" before "ID card"
    /// for `car`); then the better rank, the closer typo, the more asked-for.
    fn ranked(&self, best: Found, typed: &[String], limit: usize) -> Vec<Hit> {
        let whole = if typed.is_empty() { vec![] } else { self.words.whole(typed, self.len()) };
        let mut hits: Vec<(bool, Rank, u32, u8, usize)> = best
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                b.map(|(rank, score)| (whole.get(i) == Some(&true), rank, score, self.popularity[i], i))
            })
            .collect();
        let order = |a: &(bool, Rank, u32, u8, usize), b: &(bool, Rank, u32, u8, usize)| {
            (b.0, b.1, b.2, b.3).cmp(&(a.0, a.1, a.2, a.3)).then(a.4.cmp(&b.4))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits.into_iter().map(|(_, rank, _, _, service)| Hit { service, rank }).collect()
    }
}

/// The query as pinyin letters, when it can be pinyin: ASCII as typed, and
/// characters typed among pinyin (社保ka) read as pinyin too. Chinese typed
/// alone is matched as Chinese.
fn query_pinyin(q: &str) -> Option<String> {
    let qp = if q.is_ascii() {
        q.to_owned()
    } else if q.bytes().any(|b| b.is_ascii_alphabetic()) && has_han(q) {
        syllables(q).into_iter().map(|(_, p)| p).collect()
    } else {
        return None;
    };
    (!qp.is_empty() && qp.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(qp)
}

/// Services not yet found whose texts in `column` hold `needle` get `rank`.
fn mark_in(best: &mut Found, column: &Column, needle: &str, rank: Rank) {
    for i in column.matching(&Finder::new(needle.as_bytes()), best) {
        best[i] = Some((rank, 0));
    }
}
