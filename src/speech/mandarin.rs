//! Chinese characters to the pinyin espeak-ng's `cmn-latn-pinyin` voice
//! reads: one syllable per character, tone number at the end (neutral 5),
//! ü written v. Words of the polyphone table first, then the character's
//! usual reading; then the tone changes of 不 and 一 (不是 bu2 shi4, 一天 yi4
//! tian1, 一次 yi2 ci4) where 一 is not a number or an ordinal (第一, 一号).

use pinyin::ToPinyin;

use super::polyphones::{CHARS, SURNAMES, WORDS};

/// Whether `c` is a Chinese character we have a reading for.
pub fn is_han(c: char) -> bool {
    !c.is_ascii() && c.to_pinyin().is_some()
}

/// The syllables of a run of Chinese characters, appended to `out`.
/// `name`: the run is a person's name, so its first character (or a
/// compound surname) reads as a surname (单 shan4, 曾 zeng1).
pub fn syllables(run: &str, name: bool, out: &mut Vec<String>) {
    let start = out.len();
    // Per syllable: its character, and whether it was read alone (a word
    // of the table already says how it is said).
    let mut source: Vec<(char, bool)> = vec![];
    let mut rest = run;
    if name && let Some((word, reading)) = SURNAMES.iter().find(|(w, _)| run.starts_with(w)) {
        push_reading(word, reading, out, &mut source);
        rest = &run[word.len()..];
    }
    while let Some(c) = rest.chars().next() {
        if let Some((word, reading)) = longest_word(rest) {
            push_reading(word, reading, out, &mut source);
            rest = &rest[word.len()..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if let Some(s) = char_reading(c) {
            out.push(s);
            source.push((c, true));
        }
    }
    sandhi(&mut out[start..], &source);
}

/// One character's reading, as the stroke or pinyin keyboard's key reads it
/// when typed alone: the table's default, else the crate's first reading.
pub fn char_reading(c: char) -> Option<String> {
    if let Some((_, r)) = CHARS.iter().find(|(k, _)| *k == c) {
        return Some((*r).to_owned());
    }
    c.to_pinyin().map(|p| espeak_syllable(p.with_tone_num_end()))
}

/// The pinyin crate's syllable as espeak-ng reads it: ü as v, and the
/// neutral tone (no digit in the crate) as 5, since a syllable without a
/// digit is read as an English word by the voice.
fn espeak_syllable(s: &str) -> String {
    let mut out: String = s.chars().map(|c| if c == 'ü' { 'v' } else { c }).collect();
    if !out.ends_with(|c: char| c.is_ascii_digit()) {
        out.push('5');
    }
    out
}

fn longest_word(s: &str) -> Option<(&'static str, &'static str)> {
    WORDS.iter().filter(|(w, _)| s.starts_with(w)).max_by_key(|(w, _)| w.len()).copied()
}

fn push_reading(word: &str, reading: &str, out: &mut Vec<String>, source: &mut Vec<(char, bool)>) {
    for (c, s) in word.chars().zip(reading.split(' ')) {
        out.push(s.to_owned());
        source.push((c, false));
    }
}

/// Before 一, these make it a number or an ordinal (第一, 统一, 星期一).
const ONE_AFTER: &str = "第统統唯之同期周週初万萬";
/// After 一, these count or number (一号, 一楼, 一级): no tone change.
const ONE_BEFORE: &str = "号號楼樓层層区區月日期等级級";

/// 不 before a fourth tone is said in the second; 一 in the second before a
/// fourth (or neutral) tone and in the fourth before the others.
fn sandhi(syllables: &mut [String], source: &[(char, bool)]) {
    for i in 0..syllables.len().saturating_sub(1) {
        let (c, alone) = source[i];
        let (next_char, _) = source[i + 1];
        let next_tone = syllables[i + 1].chars().last();
        if !alone {
            continue;
        }
        if c == '不' && syllables[i] == "bu4" && next_tone == Some('4') {
            syllables[i] = "bu2".to_owned();
        }
        let counted = i.checked_sub(1).is_some_and(|p| ONE_AFTER.contains(source[p].0))
            || ONE_BEFORE.contains(next_char);
        if c == '一' && syllables[i] == "yi1" && !counted {
            syllables[i] = if matches!(next_tone, Some('4' | '5')) { "yi2" } else { "yi4" }.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pinyin::ToPinyinMulti;

    fn say(s: &str) -> String {
        let mut out = vec![];
        syllables(s, false, &mut out);
        out.join(" ")
    }

    #[test]
    fn polyphones_read_as_in_their_words() {
        assert_eq!(say("请重新选择"), "qing3 chong2 xin1 xuan3 ze2");
        assert_eq!(say("严重损毁"), "yan2 zhong4 sun3 hui3");
        assert_eq!(say("银行还款"), "yin2 hang2 huan2 kuan3");
        assert_eq!(say("長期異地居住"), "chang2 qi1 yi4 di4 ju1 zhu4");
        assert_eq!(say("重庆市行政服务"), "chong2 qing4 shi4 xing2 zheng4 fu2 wu4");
        assert_eq!(say("用人单位"), "yong4 ren2 dan1 wei4");
        assert_eq!(say("名额还为您保留"), "ming2 e2 hai2 wei4 nin2 bao3 liu2");
        assert_eq!(say("人代为办理"), "ren2 dai4 wei2 ban4 li3");
        assert_eq!(say("信息变更"), "xin4 xi1 bian4 geng1");
        assert_eq!(say("需要更多时间"), "xu1 yao4 geng4 duo1 shi2 jian1");
        assert_eq!(say("电子证照与孩子"), "dian4 zi3 zheng4 zhao4 yu3 hai2 zi5");
    }

    #[test]
    fn neutral_tone_is_five_and_u_umlaut_is_v() {
        assert_eq!(say("我的预约吗"), "wo3 de5 yu4 yue1 ma5");
        assert_eq!(say("子女"), "zi3 nv3");
        assert_eq!(say("绿色"), "lv4 se4");
    }

    #[test]
    fn bu_and_yi_change_their_tone() {
        assert_eq!(say("不动产"), "bu2 dong4 chan3");
        assert_eq!(say("不支持"), "bu4 zhi1 chi2");
        assert_eq!(say("不是"), "bu2 shi4");
        assert_eq!(say("另选一天"), "ling4 xuan3 yi4 tian1");
        assert_eq!(say("下一项"), "xia4 yi2 xiang4");
        assert_eq!(say("一个"), "yi2 ge4");
        assert_eq!(say("一窗受理"), "yi4 chuang1 shou4 li3");
        // Numbers and ordinals keep yi1.
        assert_eq!(say("第一次"), "di4 yi1 ci4");
        assert_eq!(say("统一社会信用代码"), "tong3 yi1 she4 hui4 xin4 yong4 dai4 ma3");
        assert_eq!(say("一号窗口"), "yi1 hao4 chuang1 kou3");
        assert_eq!(say("星期一"), "xing1 qi1 yi1");
        assert_eq!(say("一"), "yi1");
    }

    #[test]
    fn surnames_read_as_surnames_only_in_names() {
        let name = |s: &str| {
            let mut out = vec![];
            syllables(s, true, &mut out);
            out.join(" ")
        };
        assert_eq!(name("单田芳"), "shan4 tian2 fang1");
        assert_eq!(name("曾国藩"), "zeng1 guo2 fan1");
        assert_eq!(name("尉迟恭"), "yu4 chi2 gong1");
        assert_eq!(name("王秀英"), "wang2 xiu4 ying1");
        assert_eq!(say("单田芳"), "dan1 tian2 fang1");
    }

    /// Every syllable in the tables is one of its character's readings, so
    /// a typo (chong3) or a word whose characters were miscounted fails.
    #[test]
    fn every_table_reading_is_a_reading_of_its_character() {
        let words = WORDS.iter().chain(SURNAMES.iter()).map(|(w, r)| (*w, *r));
        let chars = CHARS.iter().map(|(c, r)| (c.encode_utf8(&mut [0; 4]).to_owned(), *r));
        let all: Vec<(String, &str)> = words.map(|(w, r)| (w.to_owned(), r)).chain(chars).collect();
        for (word, reading) in &all {
            let syllables: Vec<&str> = reading.split(' ').collect();
            assert_eq!(word.chars().count(), syllables.len(), "{word}: {reading}");
            for (c, s) in word.chars().zip(&syllables) {
                let known: Vec<String> = c
                    .to_pinyin_multi()
                    .map(|m| m.into_iter().map(|p| espeak_syllable(p.with_tone_num_end())).collect())
                    .unwrap_or_default();
                // The neutral tone of any reading is always possible.
                let neutral = s.ends_with('5') && known.iter().any(|k| k[..k.len() - 1] == s[..s.len() - 1]);
                assert!(known.iter().any(|k| k == s) || neutral, "{word}: {c} is not {s} ({known:?})");
            }
        }
    }

    #[test]
    fn the_table_lists_each_word_once() {
        let mut words: Vec<&str> = WORDS.iter().map(|(w, _)| *w).collect();
        words.sort();
        let n = words.len();
        words.dedup();
        assert_eq!(n, words.len());
    }
}
