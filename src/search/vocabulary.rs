//! The catalogue's own words, for the pinyin input: what it offers before
//! single characters when a citizen types a search.

use std::collections::{HashMap, HashSet};

use pinyin::ToPinyin;

use super::syllables;
use crate::domain::{Catalog, Lang};
use crate::kiosk::input::ime::Word;

/// The longest part of a phrase kept as a word of its own.
const LONGEST_PART: usize = 8;

/// Each distinct run of Chinese characters: its usefulness, and when it
/// was first met (for a stable order).
type Runs<'c> = HashMap<&'c str, (u32, usize)>;

/// The words of service names, aliases and category names (zh-CN and
/// zh-HK), most useful first. A text is split into runs of Chinese
/// characters at everything else (punctuation, spaces, digits); a run is a
/// word, and so is a part that begins a run, recurs in several and is not
/// always inside one longer part (身份证 out of 身份证到期, 补身份证,
/// 临时身份证 …, where 身份 never stands apart from it). A word's
/// usefulness is the popularity of the services using it, added up.
pub fn build(catalog: &Catalog) -> Vec<Word> {
    // Simplified and Traditional texts apart: 身份 is in 身份证 and in
    // 身份證, yet never stands alone in either.
    // (word, usefulness, (language, when first met)):
    let mut words: Vec<(&str, u32, (usize, usize))> = vec![];
    for (nth, lang) in [Lang::ZhCn, Lang::ZhHk].into_iter().enumerate() {
        let mut runs = Runs::new();
        for s in &catalog.services {
            let aliases = s.aliases.0.get(&lang).into_iter().flatten();
            add_runs(&mut runs, s.name.0.get(&lang).into_iter().chain(aliases), u32::from(s.popularity) + 1);
        }
        for c in &catalog.categories {
            let best = catalog.services.iter().filter(|s| s.category == c.id).map(|s| s.popularity).max();
            add_runs(&mut runs, c.name.0.get(&lang).into_iter(), u32::from(best.unwrap_or(0)) + 1);
        }
        let parts = recurring_parts(&runs).into_iter();
        let whole = runs.iter().map(|(run, &(score, first))| (*run, score, first));
        words.extend(parts.chain(whole).map(|(word, score, first)| (word, score, (nth, first))));
    }
    // Most useful first; then the shorter; then simplified, and the first met.
    words
        .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.len().cmp(&b.0.len())).then(a.2.cmp(&b.2)).then(a.0.cmp(b.0)));
    let mut seen = HashSet::new();
    words
        .into_iter()
        .filter(|(text, ..)| seen.insert(*text))
        .map(|(text, ..)| Word {
            text: text.to_owned(),
            pinyin: syllables(text).into_iter().map(|(_, p)| p).collect(),
        })
        .collect()
}

/// Counts one service's (or category's) runs once each.
fn add_runs<'c>(runs: &mut Runs<'c>, texts: impl Iterator<Item = &'c String>, score: u32) {
    let mut mine: Vec<&str> = texts.flat_map(|t| han_runs(t)).collect();
    mine.sort_unstable();
    mine.dedup();
    for run in mine {
        let next = runs.len();
        runs.entry(run).or_insert((0, next)).0 += score;
    }
}

/// Runs of two or more Chinese characters in `text`.
fn han_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.to_pinyin().is_none()).filter(|run| run.chars().nth(1).is_some())
}

/// Parts of runs (2 to `LONGEST_PART` characters) found in at least two
/// runs, and in more runs than any part one character longer that holds
/// them: each with the usefulness of the runs holding it, added up, and
/// when it was first met.
fn recurring_parts<'c>(runs: &Runs<'c>) -> Vec<(&'c str, u32, usize)> {
    // part -> (runs holding it, their usefulness, first met)
    let mut parts: HashMap<&'c str, (u32, u32, usize)> = HashMap::new();
    let bounds_of =
        |run: &str| -> Vec<usize> { run.char_indices().map(|(i, _)| i).chain([run.len()]).collect() };
    let beginnings: HashSet<&str> = runs
        .keys()
        .flat_map(|run| bounds_of(run).into_iter().skip(2).take(LONGEST_PART - 1).map(|end| &run[..end]))
        .collect();
    for (run, &(score, first)) in runs {
        let bounds = bounds_of(run);
        let chars = bounds.len() - 1;
        let mut mine: Vec<&'c str> = (2..=chars.min(LONGEST_PART))
            .flat_map(|len| (0..=chars - len).map(move |i| (i, len)))
            .map(|(i, len)| &run[bounds[i]..bounds[i + len]])
            .collect();
        mine.sort_unstable();
        mine.dedup();
        for part in mine {
            // Service names are head-last (身份证换领, 社保卡补办): a part
            // that begins no run is the tail of a longer word (婚证 of 结婚证).
            if !beginnings.contains(part) {
                continue;
            }
            let p = parts.entry(part).or_insert((0, 0, first));
            p.0 += 1;
            p.1 += score;
            p.2 = p.2.min(first);
        }
    }
    // A part found exactly where a part one character longer is never
    // stands alone (份证 is always in 身份证).
    let mut inside_longer = HashSet::new();
    for (part, &(count, ..)) in &parts {
        let starts: Vec<usize> = part.char_indices().map(|(i, _)| i).collect();
        if starts.len() < 3 {
            continue;
        }
        for shorter in [&part[starts[1]..], &part[..starts[starts.len() - 1]]] {
            if parts.get(shorter).is_some_and(|s| s.0 == count) {
                inside_longer.insert(shorter);
            }
        }
    }
    parts
        .into_iter()
        .filter(|(part, (count, ..))| *count >= 2 && !inside_longer.contains(part))
        .map(|(part, (_, score, first))| (part, score, first))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(catalog: &Catalog) -> Vec<String> {
        build(catalog).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn words_are_runs_and_the_parts_that_recur_at_their_start() {
        let catalog = crate::server::catalog_source::embedded().unwrap();
        let words = words(&catalog);
        let at = |w: &str| words.iter().position(|x| x == w);
        // Parts that begin several names and aliases.
        for w in ["身份证", "社保", "公积金", "身份證"] {
            assert!(at(w).is_some(), "{w}");
        }
        // Only ever inside a longer part, or never at the start of one.
        for w in ["身份", "份证", "婚证", "保卡"] {
            assert_eq!(at(w), None, "{w}");
        }
        // Whole names and aliases, split at punctuation and digits.
        assert!(at("居民身份证换领").is_some() && at("育儿补贴").is_some());
        assert!(words.iter().all(|w| w.chars().count() >= 2 && !w.contains(['（', ' ', '3'])));
        // More useful first; simplified before Traditional.
        assert!(at("身份证") < at("居民身份证换领"));
        assert!(at("身份证") < at("身份證"));
        let mut unique = words.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), words.len());
    }

    #[test]
    fn pinyin_reads_polyphones_as_in_their_words() {
        let mut catalog = crate::server::catalog_source::embedded().unwrap();
        catalog.services[0].aliases.0.entry(Lang::ZhCn).or_default().push("银行卡开户".into());
        let words = build(&catalog);
        let bank = words.iter().find(|w| w.text == "银行卡开户").unwrap();
        assert_eq!(bank.pinyin, "yinhangkakaihu");
        let id = words.iter().find(|w| w.text == "身份证").unwrap();
        assert_eq!(id.pinyin, "shenfenzheng");
    }
}
