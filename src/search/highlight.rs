//! Which characters of a name the query matched, so the screen can mark
//! them, and which other name a service was found by.

use super::spell::{normalize, syllables};
use super::words;
use crate::domain::{Lang, Service};

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
    let pinyin = pinyin_marks(name, &q);
    if !pinyin.is_empty() {
        return pinyin;
    }
    typo_marks(name, &q)
}

/// Pinyin: the syllables the query covers, whole or by initial.
fn pinyin_marks(name: &str, q: &str) -> Vec<usize> {
    let syl = syllables(name);
    let qp: String = syllables(q).into_iter().map(|(_, p)| p).collect();
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

/// A word typed with a typo (pasport): the word of the name it stands for.
fn typo_marks(name: &str, q: &str) -> Vec<usize> {
    if !q.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return vec![];
    }
    let mut out = vec![];
    let mut word = String::new();
    let mut start = 0;
    let chars: Vec<char> = name.chars().chain([' ']).collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            word.push(c.to_ascii_lowercase());
        } else if !word.is_empty() {
            if words::cost(q, &word).is_some() {
                out.extend(start..i);
            }
            word.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_word_typed_with_a_typo_marks_the_word_it_stands_for() {
        assert_eq!(highlight("Passport application", "pasport"), (0..8).collect::<Vec<_>>());
        assert_eq!(
            highlight("Driving licence renewal", "driving lisence"),
            (0..7).chain(8..15).collect::<Vec<_>>()
        );
    }
}
