//! The English words of each service's name and aliases, for queries typed
//! word by word: a word typed whole ranks above a part of one (`car` finds
//! "used car" before "ID card"), and each word may hold a typo, the more
//! the longer it is (`driving lisence`, `socail security`).
//!
//! The distance is strsim's optimal string alignment: a letter missing,
//! extra, wrong, or two swapped each count once.

use std::collections::HashMap;

/// The distinct words, and the services holding each.
#[derive(Debug, Default)]
pub(super) struct WordIndex {
    words: Vec<String>,
    ids: HashMap<String, u32>,
    /// Services holding word `w`: `services[starts[w]..starts[w + 1]]`.
    services: Vec<u32>,
    starts: Vec<u32>,
}

/// Builds a `WordIndex`, one service at a time, in order.
#[derive(Default)]
pub(super) struct WordIndexBuilder {
    index: WordIndex,
    holders: Vec<Vec<u32>>,
    /// Services pushed so far.
    pushed: u32,
    word: String,
}

impl WordIndexBuilder {
    /// The words of the next service's texts.
    pub(super) fn push<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) {
        let service = self.pushed;
        self.pushed += 1;
        for text in texts {
            for token in tokens(text) {
                self.word.clear();
                lower_into(token, &mut self.word);
                let id = match self.index.ids.get(&self.word) {
                    Some(&id) => id,
                    None => self.add_word(),
                };
                let holders = &mut self.holders[id as usize];
                // A word met twice in one service (name and alias) counts once.
                if holders.last() != Some(&service) {
                    holders.push(service);
                }
            }
        }
    }

    fn add_word(&mut self) -> u32 {
        let id = self.index.words.len() as u32;
        self.index.words.push(self.word.clone());
        self.index.ids.insert(self.word.clone(), id);
        self.holders.push(vec![]);
        id
    }

    pub(super) fn finish(self) -> WordIndex {
        let mut index = self.index;
        index.starts.reserve(self.holders.len() + 1);
        index.starts.push(0);
        for holders in self.holders {
            index.services.extend(holders);
            index.starts.push(index.services.len() as u32);
        }
        index
    }
}

/// The runs of ASCII letters and digits in `text` (an apostrophe inside
/// one: driver's), as typed.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric() && !is_apostrophe(c))
        .map(|t| t.trim_matches(is_apostrophe))
        .filter(|t| !t.is_empty())
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// A token as compared: lower case, its apostrophes dropped (driver's is
/// drivers, the plural of driver).
pub fn lower_into(token: &str, out: &mut String) {
    out.extend(token.chars().filter(|c| !is_apostrophe(*c)).map(|c| c.to_ascii_lowercase()));
}

/// The words typed in `query`, as compared.
pub fn typed(query: &str) -> Vec<String> {
    tokens(query)
        .map(|t| {
            let mut word = String::new();
            lower_into(t, &mut word);
            word
        })
        .collect()
}

/// Typos forgiven in a typed word of `len` letters: none up to three
/// letters (car, tax: too many words lie one letter away), one up to
/// eight, two from nine on.
pub fn typos_allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// What a typed word costs to match a word of the catalogue (lower is
/// closer), or None when it does not: the word itself or its plural 0, its
/// beginning 1, the word with a typo 2 + the typos, its beginning with a
/// typo 3 + the typos. Both in lower case.
pub fn cost(typed: &str, word: &str) -> Option<u32> {
    if typed == word || is_plural_of(word, typed) || is_plural_of(typed, word) {
        return Some(0);
    }
    if word.starts_with(typed) {
        return Some(1);
    }
    if typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let allowed = typos_allowed(typed.len());
    if allowed == 0 {
        return None;
    }
    if word.len().abs_diff(typed.len()) <= allowed {
        let typos = strsim::osa_distance(typed, word);
        if typos <= allowed {
            return Some(2 + typos as u32);
        }
    }
    // Still typing the word: compare with its beginning.
    let beginning = word.get(..typed.len()).filter(|_| word.len() > typed.len())?;
    let typos = strsim::osa_distance(typed, beginning);
    (typos <= allowed).then_some(3 + typos as u32)
}

fn is_plural_of(plural: &str, word: &str) -> bool {
    plural.strip_prefix(word).is_some_and(|end| end == "s" || end == "es")
}

impl WordIndex {
    fn holders(&self, word: usize) -> &[u32] {
        &self.services[self.starts[word] as usize..self.starts[word + 1] as usize]
    }

    /// The services holding a word for every typed word, each with what
    /// its words cost altogether (see `cost`); `services` is how many the
    /// index holds.
    pub(super) fn matching(&self, typed: &[String], services: usize) -> Vec<(usize, u32)> {
        if typed.is_empty() || typed.len() >= usize::from(u8::MAX) {
            return vec![];
        }
        let mut matched = vec![0u8; services];
        let mut total = vec![0u32; services];
        for (nth, t) in typed.iter().enumerate() {
            let mut words: Vec<(u32, usize)> =
                (0..self.words.len()).filter_map(|w| cost(t, &self.words[w]).map(|c| (c, w))).collect();
            // The closest word first, so a service's cost is its closest.
            words.sort_unstable();
            for (c, w) in words {
                for &s in self.holders(w) {
                    // Only services that matched every word before this one.
                    if usize::from(matched[s as usize]) == nth {
                        matched[s as usize] += 1;
                        total[s as usize] += c;
                    }
                }
            }
        }
        let all = typed.len() as u8;
        (0..services).filter(|&s| matched[s] == all).map(|s| (s, total[s])).collect()
    }

    /// Which services hold every typed word whole (or its plural or
    /// singular). A single letter is no word: none then.
    pub(super) fn whole(&self, typed: &[String], services: usize) -> Vec<bool> {
        if typed.iter().any(|t| t.len() < 2) {
            return vec![false; services];
        }
        let mut count = vec![0usize; services];
        for (nth, t) in typed.iter().enumerate() {
            let forms = [t.clone(), format!("{t}s"), format!("{t}es")]
                .into_iter()
                .chain(t.strip_suffix('s').map(str::to_owned))
                .chain(t.strip_suffix("es").map(str::to_owned));
            for form in forms {
                let Some(&w) = self.ids.get(&form) else { continue };
                for &s in self.holders(w as usize) {
                    if count[s as usize] == nth {
                        count[s as usize] += 1;
                    }
                }
            }
        }
        count.into_iter().map(|c| c == typed.len() && c > 0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(services: &[&[&str]]) -> WordIndex {
        let mut b = WordIndexBuilder::default();
        for texts in services {
            b.push(texts.iter().copied());
        }
        b.finish()
    }

    #[test]
    fn a_typo_per_word_scaled_to_its_length() {
        assert_eq!(cost("lisence", "licence"), Some(3));
        assert_eq!(cost("socail", "social"), Some(3), "two letters swapped count once");
        assert_eq!(cost("residance", "residence"), Some(3));
        assert_eq!(cost("pasport", "passport"), Some(3));
        assert_eq!(cost("car", "cat"), None, "no typo in a short word");
        assert_eq!(cost("car", "card"), Some(1));
        assert_eq!(cost("car", "cars"), Some(0));
        assert_eq!(cost("lisen", "licence"), Some(4), "a typo in a word still being typed");
        assert_eq!(cost("divorse", "divorce"), Some(3));
        assert_eq!(cost("2024", "2025"), None, "numbers are not words with typos");
        assert_eq!(cost("pasprt", "passport"), None, "two typos in six letters are too many");
    }

    #[test]
    fn every_typed_word_must_match_a_word_of_the_service() {
        let idx = index(&[
            &["Driving licence renewal", "driver's license expired"],
            &["Resident ID card renewal"],
            &["Vehicle ownership transfer (used car)"],
        ]);
        let found = idx.matching(&typed("driving lisence"), 3);
        assert_eq!(found, vec![(0, 3)]);
        let found: Vec<usize> = idx.matching(&typed("renewal"), 3).into_iter().map(|(s, _)| s).collect();
        assert_eq!(found, vec![0, 1]);
        assert_eq!(idx.whole(&typed("car"), 3), vec![false, false, true]);
        assert_eq!(idx.whole(&typed("ID cards"), 3), vec![false, true, false]);
        assert_eq!(idx.whole(&typed("driver"), 3), vec![true, false, false], "driver's is a driver's");
        assert_eq!(idx.whole(&typed("s"), 3), vec![false, false, false], "a letter is no word");
    }
}
