//! How lines of text are read, voice by voice.

use super::*;

fn say(text: &str, base: Voice, reading: Reading) -> String {
    let mut b = Builder::default();
    render(text, base, reading, &mut b);
    b.finish().iter().map(|s| format!("[{}] {}", s.voice.espeak_name(), s.text)).collect::<Vec<_>>().join(" ")
}

fn zh(text: &str) -> String {
    say(text, Voice::Mandarin, Reading::Text)
}

#[test]
fn chinese_punctuation_becomes_pauses() {
    assert_eq!(zh("欢迎！请选择，"), "[cmn-latn-pinyin] huan1 ying2. qing3 xuan3 ze2,");
    assert_eq!(zh("首页 › 社会保障"), "[cmn-latn-pinyin] shou3 ye4, she4 hui4 bao3 zhang4");
}

#[test]
fn latin_words_in_chinese_go_to_the_english_voice() {
    assert_eq!(zh("按 Enter 确认"), "[cmn-latn-pinyin] an4 [en-us] Enter [cmn-latn-pinyin] que4 ren4");
    assert_eq!(zh("PgDn 下一页"), "[en-us] Page Down [cmn-latn-pinyin] xia4 yi2 ye4");
    // Letters alone and capitals are spelled in the Mandarin voice.
    assert_eq!(zh("二楼 C 区"), "[cmn-latn-pinyin] er4 lou2 C qu1");
    assert_eq!(zh("按 F1 收听"), "[cmn-latn-pinyin] an4 F yi1 shou1 ting1");
}

#[test]
fn numbers_read_as_amounts_codes_years_and_times() {
    assert_eq!(zh("共 3 项"), "[cmn-latn-pinyin] gong4 san1 xiang4");
    assert_eq!(zh("2 份"), "[cmn-latn-pinyin] liang3 fen4");
    assert_eq!(zh("第 2 页"), "[cmn-latn-pinyin] di4 er4 ye4");
    assert_eq!(zh("拨打 12345"), "[cmn-latn-pinyin] bo1 da3 yao1 er4 san1 si4 wu3");
    assert_eq!(zh("2026年"), "[cmn-latn-pinyin] er4 ling2 er4 liu4 nian2");
    assert_eq!(zh("9:30"), "[cmn-latn-pinyin] jiu3 dian3 san1 shi2 fen1");
    assert_eq!(zh("14:00"), "[cmn-latn-pinyin] shi2 si4 dian3 zheng3");
    assert_eq!(zh("8:05"), "[cmn-latn-pinyin] ba1 dian3 ling2 wu3 fen1");
    assert_eq!(zh("13–20 号窗口"), "[cmn-latn-pinyin] shi2 san1 dao4 er4 shi2 hao4 chuang1 kou3");
    assert_eq!(
        zh("+86 0571-8888"),
        "[cmn-latn-pinyin] jia1 ba1 shi2 liu4 ling2 wu3 qi1 yao1, ba1 ba1 ba1 ba1"
    );
    assert_eq!(zh("3 个"), "[cmn-latn-pinyin] san1 ge4");
    assert_eq!(zh("有 1 项，1 张"), "[cmn-latn-pinyin] you3 yi2 xiang4, yi4 zhang1");
    assert_eq!(zh("按 Tab 或 ↓"), "[cmn-latn-pinyin] an4 [en-us] Tab [cmn-latn-pinyin] huo4 xia4 jian4");
    assert_eq!(zh("还在吗？"), "[cmn-latn-pinyin] hai2 zai4 ma5?");
    assert_eq!(zh("50%"), "[cmn-latn-pinyin] bai3 fen1 zhi1 wu3 shi2");
    assert_eq!(zh("0.5 元"), "[cmn-latn-pinyin] ling2 dian3 wu3 yuan2");
}

#[test]
fn codes_are_spelled_one_by_one() {
    assert_eq!(
        say("7K3M-9QXA", Voice::Mandarin, Reading::Code),
        "[cmn-latn-pinyin] qi1 K san1 M, jiu3 Q X A"
    );
    assert_eq!(say("A7K", Voice::English, Reading::Code), "[en-us] A, 7 K,");
    assert_eq!(say("A012", Voice::Cantonese, Reading::Code), "[yue] A 0 1 2");
}

#[test]
fn english_keeps_its_words_and_chinese_names_go_to_pinyin() {
    let s = say("Your name: 王秀英. Press Enter.", Voice::English, Reading::Text);
    assert_eq!(s, "[en-us] Your name, [cmn-latn-pinyin] wang2 xiu4 ying1. [en-us] Press Enter.");
    assert_eq!(say("Call 12345", Voice::English, Reading::Text), "[en-us] Call 1 2 3 4 5");
    assert_eq!(say("a photo of I", Voice::English, Reading::Text), "[en-us] a photo of I");
    assert_eq!(say("at 9:30, 2 copies", Voice::English, Reading::Text), "[en-us] at 9:30, 2 copies");
    let floor = say("2nd floor (2F), business start-up", Voice::English, Reading::Text);
    assert_eq!(floor, "[en-us] 2nd floor, 2F, business start up");
}

#[test]
fn cantonese_keeps_the_characters() {
    let s = say("請重新選擇銀行，09:30", Voice::Cantonese, Reading::Text);
    assert_eq!(s, "[yue] 請重新選擇銀行, 9點30分");
}

#[test]
fn names_read_their_surname() {
    assert_eq!(say("单田芳", Voice::Mandarin, Reading::Name), "[cmn-latn-pinyin] shan4 tian2 fang1");
}

#[test]
fn control_characters_and_unknown_symbols_are_dropped() {
    assert_eq!(zh("社\u{1b}保\u{7}★"), "[cmn-latn-pinyin] she4 bao3");
    assert_eq!(zh("★…"), "");
}
