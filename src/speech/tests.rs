//! The screen's parts to utterances, in the three languages.

use crate::domain::Lang;

use super::{FieldKind, Say, Voices, utterances};

fn said(lang: Lang, voices: Voices, parts: &[Say<'_>]) -> Vec<String> {
    utterances(lang, voices, parts).iter().map(ToString::to_string).collect()
}

const YUE: Voices = Voices { cantonese: true };

#[test]
fn a_screen_in_mandarin() {
    let parts = [
        Say::Title("选择时段"),
        Say::Item { number: Some(3), label: "09:30–09:45 剩余 2 个" },
        Say::Error("该时段已约满，请重新选择。"),
    ];
    assert_eq!(
        said(Lang::ZhCn, YUE, &parts),
        [
            "[cmn-latn-pinyin] xuan3 ze2 shi2 duan4,",
            "[cmn-latn-pinyin] san1, jiu3 dian3 san1 shi2 fen1 dao4 jiu3 dian3 si4 shi2 wu3 fen1 sheng4 yu2 liang3 ge4,",
            "[cmn-latn-pinyin] gai1 shi2 duan4 yi3 yue1 man3, qing3 chong2 xin1 xuan3 ze2.",
        ]
    );
}

#[test]
fn fields_codes_and_tickets() {
    let parts = [
        Say::Field { label: "姓名", value: "单田芳", kind: FieldKind::Name },
        Say::Field { label: "手机号码", value: "13800138000", kind: FieldKind::Digits },
        Say::Field { label: "证件号码", value: "", kind: FieldKind::Digits },
        Say::Code { label: "预约码", code: "7K3M9QXA" },
        Say::Ticket { label: "您的号码", number: "A012" },
    ];
    assert_eq!(
        said(Lang::ZhCn, YUE, &parts),
        [
            "[cmn-latn-pinyin] xing4 ming2, shan4 tian2 fang1,",
            "[cmn-latn-pinyin] shou3 ji1 hao4 ma3, yao1 san1 ba1 ling2 ling2 yao1 san1 ba1 ling2 ling2 ling2,",
            "[cmn-latn-pinyin] zheng4 jian4 hao4 ma3, wei4 tian2 xie3,",
            "[cmn-latn-pinyin] yu4 yue1 ma3, qi1 K san1 M jiu3 Q X A,",
            "[cmn-latn-pinyin] nin2 de5 hao4 ma3, A ling2 yao1 er4,",
        ]
    );
}

#[test]
fn a_pin_is_never_said() {
    let parts = [
        Say::Field { label: "工作人员密码", value: "2580", kind: FieldKind::Secret },
        Say::Typed { text: "5", kind: FieldKind::Secret },
    ];
    let all = utterances(Lang::ZhCn, YUE, &parts);
    assert_eq!(all[0].to_string(), "[cmn-latn-pinyin] gong1 zuo4 ren2 yuan2 mi4 ma3, yi3 shu1 ru4 si4 wei4,");
    for u in &all {
        assert!(!u.shown.contains('5') && !u.to_string().contains("wu3"), "{u}");
    }
}

#[test]
fn typed_characters_are_spelled() {
    let parts = [
        Say::Typed { text: "7", kind: FieldKind::Digits },
        Say::Typed { text: "k", kind: FieldKind::Text },
        Say::Typed { text: " ", kind: FieldKind::Text },
        Say::Typed { text: "王", kind: FieldKind::Name },
    ];
    assert_eq!(
        said(Lang::ZhCn, YUE, &parts),
        [
            "[cmn-latn-pinyin] qi1,",
            "[cmn-latn-pinyin] K,",
            "[cmn-latn-pinyin] kong4 ge2,",
            "[cmn-latn-pinyin] wang2,"
        ]
    );
}

#[test]
fn a_screen_in_english() {
    let parts = [
        Say::Title("Choose a time slot"),
        Say::Item { number: Some(2), label: "Social security card application" },
        Say::Field { label: "Name", value: "王秀英", kind: FieldKind::Name },
        Say::Code { label: "Confirmation code", code: "7K3M9QXA" },
    ];
    assert_eq!(
        said(Lang::EnUs, YUE, &parts),
        [
            "[en-us] Choose a time slot,",
            "[en-us] 2, Social security card application,",
            "[en-us] Name, [cmn-latn-pinyin] wang2 xiu4 ying1,",
            "[en-us] Confirmation code, 7 K, 3 M, 9 Q, X, A,",
        ]
    );
}

#[test]
fn hong_kong_in_cantonese_or_else_mandarin() {
    let parts = [Say::Title("請重新選擇銀行"), Say::Code { label: "預約編號", code: "7K3M" }];
    assert_eq!(said(Lang::ZhHk, YUE, &parts), ["[yue] 請重新選擇銀行,", "[yue] 預約編號, 7 K 3 M,"]);
    assert_eq!(
        said(Lang::ZhHk, Voices { cantonese: false }, &parts),
        [
            "[cmn-latn-pinyin] qing3 chong2 xin1 xuan3 ze2 yin2 hang2,",
            "[cmn-latn-pinyin] yu4 yue1 bian1 hao4, qi1 K san1 M,"
        ]
    );
}

#[test]
fn what_is_shown_is_what_the_screen_shows() {
    let u = &utterances(Lang::ZhCn, YUE, &[Say::Item { number: Some(1), label: "社会保障卡申领" }])[0];
    assert_eq!(u.shown, "1 社会保障卡申领");
    assert!(utterances(Lang::ZhCn, YUE, &[Say::Text("★ …")]).is_empty());
}
