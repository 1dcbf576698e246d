//! How texts are compared: lower case without spaces, and Chinese spelt in
//! pinyin (in full and by initials) the way people type it.

use pinyin::ToPinyin;

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

/// Lower case, no white space: how queries and texts are compared.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// `normalize`, appended to `out`. Index building calls it for every
/// text of every service, so the common characters skip Unicode's case
/// tables: ASCII is lowered directly, and Chinese characters have no case.
pub fn normalize_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            if !c.is_ascii_whitespace() {
                out.push(c.to_ascii_lowercase());
            }
        } else if is_caseless_cjk(c) {
            out.push(c);
        } else if !c.is_whitespace() {
            out.extend(c.to_lowercase());
        }
    }
}

/// CJK radicals, punctuation, kana and ideographs: nothing there has case
/// (U+3000, the ideographic space, is left to the slow path: it is a space).
fn is_caseless_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2FFF}' | '\u{3001}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Whether `s` holds a Chinese character.
pub fn has_han(s: &str) -> bool {
    s.chars().any(|c| !c.is_ascii() && c.to_pinyin().is_some())
}

/// Pinyin syllables of `s`, one per Han character (word readings first);
/// ASCII letters and digits stay as they are, lower case; the rest is
/// dropped. Each comes with the index of its character.
pub fn syllables(s: &str) -> Vec<(usize, String)> {
    let mut out = vec![];
    each_syllable(s, |i, p| out.push((i, p.to_owned())));
    out
}

/// Appends the pinyin of `s` to `full` and its initials to `initials`
/// (`社保卡` → `shebaoka`, `sbk`), allocating nothing of its own.
pub fn spell_into(s: &str, full: &mut String, initials: &mut String) {
    each_syllable(s, |_, p| {
        full.push_str(p);
        initials.extend(p.chars().next());
    });
}

/// Calls `f` with each syllable of `s` and the index of its character.
fn each_syllable(s: &str, mut f: impl FnMut(usize, &str)) {
    let mut chars = s.char_indices().enumerate().peekable();
    while let Some((i, (at, c))) = chars.next() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                f(i, c.to_ascii_lowercase().encode_utf8(&mut [0; 4]));
            }
            continue;
        }
        let Some(p) = c.to_pinyin() else { continue };
        // A word whose reading differs from its characters' first ones.
        if let Some((word, readings)) = WORD_READINGS.iter().find(|(w, _)| s[at..].starts_with(w)) {
            for (k, r) in readings.iter().enumerate() {
                f(i + k, r);
            }
            for _ in 1..word.chars().count() {
                chars.next();
            }
            continue;
        }
        let plain = p.plain();
        if plain.contains('ü') {
            // ü is typed as v.
            f(i, &plain.replace('ü', "v"));
        } else {
            f(i, plain);
        }
    }
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
    fn syllables_keep_the_index_of_their_character() {
        let at: Vec<usize> = syllables("去银行 A").into_iter().map(|(i, _)| i).collect();
        assert_eq!(at, vec![0, 1, 2, 4]);
    }

    #[test]
    fn spelling_gives_pinyin_in_full_and_by_initials() {
        let (mut full, mut initials) = (String::new(), String::new());
        spell_into("企业开办", &mut full, &mut initials);
        assert_eq!((full.as_str(), initials.as_str()), ("qiyekaiban", "qykb"));
    }

    #[test]
    fn normalizing_lowers_case_and_drops_spaces_in_any_script() {
        assert_eq!(normalize(" Driving Licence 驾驶证　Ärger ＡＢ"), "drivinglicence驾驶证ärgerａｂ");
    }
}
