//! The kiosk's own texts through speech: everything it can say in
//! Mandarin, and the record of a whole booking in three languages.

use super::*;

/// The Chinese texts of the locales (Fluent placeables and variant keys
/// left out) and of the demo catalogue.
fn kiosk_texts() -> Vec<String> {
    let mut texts = vec![];
    let (_, ftl) = onestop::i18n::SOURCES.iter().find(|(l, _)| *l == Lang::ZhCn).expect("zh-CN");
    for line in ftl.lines().filter(|l| !l.trim_start().starts_with('#')) {
        let value = line.split_once(" = ").map_or(line, |(_, v)| v).trim_start();
        let value = value.trim_start_matches('*');
        let value = if value.starts_with('[') { value.split_once(']').map_or("", |(_, v)| v) } else { value };
        let mut plain = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        texts.push(plain);
    }
    fn walk(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::Table(t) => {
                for (k, v) in t {
                    match (k.as_str(), v) {
                        ("zh-CN", toml::Value::String(s)) => out.push(s.clone()),
                        ("zh-CN", toml::Value::Array(a)) => {
                            out.extend(a.iter().filter_map(|s| s.as_str()).map(String::from))
                        }
                        _ => walk(v, out),
                    }
                }
            }
            toml::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(data.join("services")).unwrap().map(|e| e.unwrap().path()).collect();
    files.extend([data.join("categories.toml"), data.join("halls.toml")]);
    for file in files {
        let doc: toml::Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        walk(&doc, &mut texts);
    }
    texts
}

/// Everything the kiosk can say in Mandarin reaches espeak-ng as pinyin it
/// reads as pinyin: each word a toneful syllable or a spelled capital, and
/// no stretch of it taken for English.
#[test]
fn every_chinese_text_of_the_kiosk_becomes_pinyin_the_voice_reads() {
    let mut texts = kiosk_texts();
    texts.sort();
    texts.dedup();
    assert!(texts.len() > 500, "only {} texts found", texts.len());
    let parts: Vec<Say<'_>> = texts.iter().map(|t| Say::Text(t)).collect();
    let mut mandarin = vec![];
    for u in speech::utterances(Lang::ZhCn, YUE, &parts) {
        for s in u.segments.iter().filter(|s| s.voice == Voice::Mandarin) {
            for w in s.text.split(' ') {
                let w = w.trim_end_matches([',', '.', '?']);
                let syllable = w.len() > 1
                    && w[..w.len() - 1].bytes().all(|b| b.is_ascii_lowercase())
                    && w.ends_with(['1', '2', '3', '4', '5']);
                let letter = w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase());
                assert!(syllable || letter, "{w:?} in {:?} from {:?}", s.text, u.shown);
            }
            mandarin.push(s.text.clone());
        }
    }
    let mut args = speech::espeak_args(
        &Segment { voice: Voice::Mandarin, text: mandarin.join("\n") },
        50,
        150,
        &Output::Stdout,
    );
    args.retain(|a| a != "--stdout");
    let out = Command::new(espeak()).arg("-q").arg("-x").args(&args).output().expect("espeak-ng runs");
    assert!(out.status.success());
    let phonemes = String::from_utf8_lossy(&out.stdout);
    assert!(phonemes.lines().count() > 500, "espeak-ng read little: {phonemes}");
    let english: Vec<&str> = phonemes.lines().filter(|l| l.contains("(en)")).take(5).collect();
    assert!(english.is_empty(), "read as English: {english:?}");
}

/// What a whole booking says, screen by screen, with the screens' own
/// texts in each language: the transcript handed to the synthesizer.
fn booking_transcript(lang: Lang) -> Vec<String> {
    use onestop::i18n::{Tr, day_label, n, s, zone};
    let tr = Tr::new(lang);
    let (hall, service) = match lang {
        Lang::ZhCn => ("滨江市民服务中心", "社会保障卡申领"),
        Lang::EnUs => ("Binjiang Citizen Service Centre", "Social security card application"),
        Lang::ZhHk => ("濱江市民服務中心", "社會保障卡申領"),
    };
    let zone = zone(&tr, "Asia/Shanghai");
    let day = day_label(&tr, "2026-12-03", 4);
    let texts = [
        tr.t("book-hall-heading"),
        tr.a("book-date-heading", &[("hall", s(hall)), ("zone", s(&zone))]),
        format!("{day} {}", tr.a("places-left", &[("count", n(2))])),
        tr.a("book-slot-heading", &[("day", s(&day)), ("hall", s(hall)), ("zone", s(&zone))]),
        format!("09:30–09:45 {}", tr.a("places-left", &[("count", n(2))])),
        tr.t("book-details-heading"),
        tr.t("field-name"),
        tr.t("field-phone"),
        tr.a("error-summary", &[("count", n(1))]),
        tr.a("check-heading", &[("service", s(service))]),
        tr.t("done-heading"),
    ];
    let parts = [
        Say::Title(&texts[0]),
        Say::Item { number: Some(1), label: hall },
        Say::Title(&texts[1]),
        Say::Item { number: Some(2), label: &texts[2] },
        Say::Title(&texts[3]),
        Say::Item { number: Some(3), label: &texts[4] },
        Say::Title(&texts[5]),
        Say::Field { label: &texts[6], value: "王秀英", kind: FieldKind::Name },
        Say::Field { label: &texts[7], value: "13800138000", kind: FieldKind::Digits },
        Say::Error(&texts[8]),
        Say::Title(&texts[9]),
        Say::Code { label: &texts[10], code: "7K3M9QXA" },
    ];
    let said = speech::utterances(lang, YUE, &parts);
    assert_eq!(said.len(), parts.len());
    // What is said is what the screen shows (the item's digit before it).
    let shown: Vec<&str> = said.iter().map(|u| u.shown.as_str()).collect();
    assert_eq!(shown[0], texts[0]);
    assert_eq!(shown[1], format!("1 {hall}"));
    assert_eq!(shown[9], texts[8]);
    assert_eq!(shown[11], format!("{} 7K3M9QXA", texts[10]));
    said.iter().map(ToString::to_string).collect()
}

/// The record of what a booking says. A change to a screen's text shows
/// here as a changed line: check that it still reads as the screen does.
#[test]
fn a_whole_booking_is_said_as_the_screens_show_it() {
    assert_eq!(
        booking_transcript(Lang::ZhCn),
        [
            "[cmn-latn-pinyin] nin2 xiang3 zai4 na3 ge4 da4 ting1 ban4 li3?",
            "[cmn-latn-pinyin] yi1, bin1 jiang1 shi4 min2 fu2 wu4 zhong1 xin1,",
            "[cmn-latn-pinyin] qing3 xuan3 ze2 ri4 qi1, bin1 jiang1 shi4 min2 fu2 wu4 zhong1 xin1, bei3 jing1 shi2 jian1,",
            "[cmn-latn-pinyin] er4, shi2 er4 yue4 san1 ri4, xing1 qi1 si4, sheng4 yu2 liang3 ge4 ming2 e2,",
            "[cmn-latn-pinyin] qing3 xuan3 ze2 shi2 duan4, shi2 er4 yue4 san1 ri4, xing1 qi1 si4, bin1 jiang1 shi4 min2 fu2 wu4 zhong1 xin1, bei3 jing1 shi2 jian1,",
            "[cmn-latn-pinyin] san1, jiu3 dian3 san1 shi2 fen1 dao4 jiu3 dian3 si4 shi2 wu3 fen1 sheng4 yu2 liang3 ge4 ming2 e2,",
            "[cmn-latn-pinyin] qing3 tian2 xie3 yu4 yue1 ren2 xin4 xi1, an4 [en-us] Tab [cmn-latn-pinyin] huo4 xia4 jian4 dao4 xia4 yi2 xiang4,",
            "[cmn-latn-pinyin] xing4 ming2, wang2 xiu4 ying1,",
            "[cmn-latn-pinyin] shou3 ji1 hao4 ma3, yao1 san1 ba1 ling2 ling2 yao1 san1 ba1 ling2 ling2 ling2,",
            "[cmn-latn-pinyin] cuo4 wu4, you3 yi2 xiang4 xu1 yao4 geng1 zheng4, jian4 xia4 fang1 biao1 zhu4.",
            "[cmn-latn-pinyin] qing3 he2 dui4 yu4 yue1 xin4 xi1, she4 hui4 bao3 zhang4 ka3 shen1 ling3,",
            "[cmn-latn-pinyin] yu4 yue1 cheng2 gong1. qing3 ji4 xia4 nin2 de5 yu4 yue1 ma3, qi1 K san1 M jiu3 Q X A,",
        ]
    );
    assert_eq!(
        booking_transcript(Lang::EnUs),
        [
            "[en-us] Which hall would you like to go to?",
            "[en-us] 1, Binjiang Citizen Service Centre,",
            "[en-us] Choose a date, Binjiang Citizen Service Centre, Beijing time,",
            "[en-us] 2, Thu 3 Dec 2 places left,",
            "[en-us] Choose a time, Thu 3 Dec, Binjiang Citizen Service Centre, Beijing time,",
            "[en-us] 3, 09:30 to 09:45 2 places left,",
            "[en-us] Your details, Tab or Down arrow for the next field,",
            "[en-us] Name, [cmn-latn-pinyin] wang2 xiu4 ying1,",
            "[en-us] Mobile number, 1 3 8 0 0 1 3 8 0 0 0,",
            "[en-us] Error, 1 answer needs correcting, as marked below.",
            "[en-us] Check your answers, Social security card application,",
            "[en-us] You are booked. Please note your confirmation code, 7 K, 3 M, 9 Q, X, A,",
        ]
    );
    assert_eq!(
        booking_transcript(Lang::ZhHk),
        [
            "[yue] 您想在哪個服務中心辦理?",
            "[yue] 1, 濱江市民服務中心,",
            "[yue] 請選擇日期, 濱江市民服務中心, 北京時間,",
            "[yue] 2, 12 月 3 日, 星期四, 剩餘名額 2 個,",
            "[yue] 請選擇預約時段, 12 月 3 日, 星期四, 濱江市民服務中心, 北京時間,",
            "[yue] 3, 9點30分 至 9點45分 剩餘名額 2 個,",
            "[yue] 請填寫預約人資料, 按 Tab 或 下鍵 移至下一項,",
            "[yue] 姓名, 王秀英,",
            "[yue] 手機號碼, 1 3 8 0 0 1 3 8 0 0 0,",
            "[yue] 錯誤, 有 1 項需要更正, 請參閱下方標示.",
            "[yue] 請核對預約資料, 社會保障卡申領,",
            "[yue] 預約成功. 請記下您的預約編號, 7 K 3 M 9 Q X A,",
        ]
    );
}
