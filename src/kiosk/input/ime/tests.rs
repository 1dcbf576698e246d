//! The composition as a citizen types into it: names, search words, strokes.

use super::*;
use crate::kiosk::input::dict::dict;

fn name(before: usize) -> Context<'static> {
    Context { purpose: Purpose::Name, before, vocabulary: &[] }
}

fn typed(letters: &str) -> Composition {
    let mut c = Composition::new(Script::Pinyin);
    assert!(letters.chars().all(|l| c.push_letter(l)), "{letters}");
    c
}

fn stroked(strokes: &str) -> Composition {
    let mut c = Composition::new(Script::Strokes);
    for l in strokes.chars() {
        assert!(c.push_stroke(Stroke::from_letter(l).unwrap()));
    }
    c
}

fn texts(candidates: &[Candidate]) -> Vec<&str> {
    candidates.iter().map(|c| c.text.as_str()).collect()
}

/// Types `letters` into a name field and picks the first candidate until
/// nothing is left: the name that comes out.
fn first_picks(letters: &str) -> Vec<String> {
    let mut c = typed(letters);
    let mut picked = vec![];
    while !c.is_empty() && picked.len() < 10 {
        let first = c.candidates(&name(picked.len())).into_iter().next().expect("a candidate");
        c.take(first.covers);
        picked.push(first.text);
    }
    picked
}

/// The 100 most common surnames (the first 100 of data/ime/surnames.txt,
/// the national ranking in its order), each typed as its syllable for the
/// first character of a name: it comes first; where several of the 100
/// share a syllable (jiang: 蒋 姜 江), all of them come first, in the list's
/// order, before any other character.
#[test]
fn the_hundred_commonest_surnames_come_first_for_their_syllable() {
    let top = &dict().surnames[..100];
    for entry in top {
        let syllable = entry.syllables[0];
        let sharing: Vec<&str> = top.iter().filter(|e| e.syllables[0] == syllable).map(|e| e.text).collect();
        let got = typed(syllable).candidates(&name(0));
        assert_eq!(texts(&got[..sharing.len()]), sharing, "{syllable}");
        assert!(got[..sharing.len()].iter().all(|c| c.covers == syllable.len()));
    }
}

#[test]
fn wang_puts_the_surname_wang_first() {
    let got = typed("wang").candidates(&name(0));
    assert_eq!(got[0], Candidate { text: "王".into(), covers: 4 });
    assert_eq!(got[1].text, "汪");
}

#[test]
fn common_names_come_out_by_always_picking_the_first_candidate() {
    assert_eq!(first_picks("wangxiuying"), ["王", "秀", "英"]);
    assert_eq!(first_picks("zhangsan"), ["张", "三"]);
    assert_eq!(first_picks("liwei"), ["李", "伟"]);
    assert_eq!(first_picks("chenjing"), ["陈", "静"]);
    assert_eq!(first_picks("liuyang"), ["刘", "洋"]);
    assert_eq!(first_picks("zhaomin"), ["赵", "敏"]);
}

#[test]
fn polyphonic_surnames_are_found_by_their_surname_reading() {
    for (letters, surname) in [("zeng", "曾"), ("shan", "单"), ("xie", "谢"), ("ou", "欧"), ("piao", "朴")]
    {
        let got = typed(letters).candidates(&name(0));
        assert!(texts(&got[..8]).contains(&surname), "{letters}: {:?}", texts(&got[..8]));
    }
    // 解 xie and 区 ou come among the listed surnames, before 械, 鸥 …
    let xie = typed("xie").candidates(&name(0));
    let at = |t: &str| xie.iter().position(|c| c.text == t).unwrap();
    assert!(at("解") < at("写"));
    let ou = typed("ou").candidates(&name(0));
    assert!(texts(&ou).iter().position(|t| *t == "区").unwrap() < 4, "{:?}", texts(&ou));
    let ouyang = typed("ouyang").candidates(&name(0));
    assert!(ouyang.iter().any(|c| c.text == "欧阳" && c.covers == 6));
}

#[test]
fn a_syllable_only_begun_offers_the_syllables_it_starts() {
    let got = typed("zh").candidates(&name(0));
    assert_eq!(got[0].text, "张");
    assert!(got.iter().all(|c| c.covers == 2));
    assert_eq!(typed("w").candidates(&name(0))[0].text, "王");
    // A whole syllable typed last still reaches further ones, after its own.
    let xi = typed("xi").candidates(&Context { purpose: Purpose::Search, before: 0, vocabulary: &[] });
    assert!(
        texts(&xi[..5]).iter().all(|t| dict().read_as("xi", false).any(|(id, _, _)| dict()
            .entry(id)
            .ch
            .to_string()
            == *t))
    );
    assert!(xi.iter().any(|c| c.text == "小"));
    // zhang is whole; only the s after it is open (长孙 zhang'sun covers both).
    let zhangs = typed("zhangs").candidates(&name(0));
    assert_eq!(zhangs[0], Candidate { text: "张".into(), covers: 5 });
    assert!(zhangs.iter().any(|c| c.text == "长孙" && c.covers == 6));
}

#[test]
fn simplified_wins_and_traditional_follows() {
    let got = typed("zhang").candidates(&name(0));
    let simplified = texts(&got).iter().position(|t| *t == "张").unwrap();
    let traditional = texts(&got).iter().position(|t| *t == "張").expect("張 offered");
    assert!(simplified < traditional);
    let hk = typed("zhang").candidates_in(&name(0), Forms::Traditional);
    assert_eq!(hk[0].text, "張");
    let search = Context { purpose: Purpose::Search, before: 0, vocabulary: &[] };
    let fa = typed("fa").candidates(&search);
    assert_eq!(fa[0].text, "发");
    let at = |t: &str| fa.iter().position(|c| c.text == t).unwrap();
    assert!(at("法") < at("發"));
}

#[test]
fn strokes_find_characters_that_begin_so() {
    let c = stroked("hhsh");
    assert_eq!(c.display(), "一一丨一");
    let got = c.candidates(&name(0));
    assert_eq!(got[0], Candidate { text: "王".into(), covers: 4 });
    // 张: 乛一乛丿一乛丶 begins zhz; for a surname it comes early.
    assert!(texts(&stroked("zhz").candidates(&name(0))[..5]).contains(&"张"));
    let search = Context { purpose: Purpose::Search, before: 0, vocabulary: &[] };
    assert_eq!(stroked("h").candidates(&search)[0].text, "一");
    // 的: 丿丨乛一一丿乛丶
    assert!(texts(&stroked("pszhh").candidates(&search)[..3]).contains(&"的"));
    // Given names after the surname: 英 (艹 first) for hss.
    assert!(texts(&stroked("hss").candidates(&name(1))[..5]).contains(&"英"));
    assert!(stroked("z").candidates(&search).len() <= MAX_CANDIDATES);
}

#[test]
fn catalogue_words_come_first_in_search() {
    let catalog = crate::server::catalog_source::embedded().unwrap();
    let index = crate::search::SearchIndex::build(&catalog);
    let ctx = Context { purpose: Purpose::Search, before: 0, vocabulary: index.vocabulary() };
    assert_eq!(typed("shebao").candidates(&ctx)[0], Candidate { text: "社保".into(), covers: 6 });
    assert_eq!(typed("shenfenzheng").candidates(&ctx)[0].text, "身份证");
    assert_eq!(typed("shenfen").candidates(&ctx)[0].text, "身份证");
    // Past the end of a word, the word covers its own syllables.
    let more = typed("shebaoka").candidates(&ctx);
    assert!(more[0].text.starts_with("社保卡"), "{:?}", texts(&more[..3]));
    assert!(more.iter().any(|c| c.text == "社保" && c.covers == 6));
    // Then single characters.
    assert!(typed("she").candidates(&ctx).iter().any(|c| c.text == "社" && c.covers == 3));
}

#[test]
fn keys_are_taken_shown_and_removed() {
    let mut c = Composition::new(Script::Pinyin);
    assert!(c.is_empty());
    for refused in ['1', ' ', 'ü', '\'', '王', '-'] {
        assert!(!c.push_letter(refused), "{refused:?}");
    }
    assert!(!c.push_stroke(Stroke::Heng));
    assert!(c.is_empty());
    for l in "WangXiuYing".chars() {
        assert!(c.push_letter(l));
    }
    assert_eq!(c.letters(), "wangxiuying");
    assert_eq!(c.display(), "wang'xiu'ying");
    c.offset = 10;
    c.take(4);
    assert_eq!((c.letters(), c.offset), ("xiuying", 0));
    c.pop();
    assert_eq!(c.display(), "xiu'yin");
    c.take(100);
    assert!(c.is_empty() && c.candidates(&name(0)).is_empty());
    assert!(c.push_letter('x') && c.push_letter('z'));
    c.clear();
    assert!(c.is_empty());

    let mut s = Composition::new(Script::Strokes);
    assert!(!s.push_letter('h'));
    assert!(s.push_stroke(Stroke::Zhe) && s.push_stroke(Stroke::Dian));
    assert_eq!((s.display(), s.letters()), ("乛丶".to_string(), ""));
    assert_eq!(s.strokes().collect::<Vec<_>>(), [Stroke::Zhe, Stroke::Dian]);
    s.pop();
    assert_eq!(s.display(), "乛");
}

#[test]
fn letters_split_into_syllables() {
    let shown = |l: &str| typed(l).display();
    assert_eq!(shown("shenfenzheng"), "shen'fen'zheng");
    assert_eq!(shown("xian"), "xian");
    assert_eq!(shown("fangan"), "fang'an");
    assert_eq!(shown("wangx"), "wang'x");
    assert_eq!(shown("lve"), "lve");
    // Letters that start no syllable stand alone.
    assert_eq!(shown("wangi"), "wang'i");
}
