//! What a call says aloud: Mandarin, then English, as the speech module
//! makes it for espeak-ng (pinyin with tone numbers for the Mandarin
//! voice). Pure, so a test reads exactly what the synthesizer is handed.

use crate::domain::Lang;
use crate::i18n::{Tr, n};
use crate::speech::{self, Say, Utterance, Voices};

use super::Call;

/// The utterances for `call`: the ticket spelled out (A, 0, 2, 3) between
/// the sentence's words, in Mandarin and then in English.
pub fn utterances(call: &Call) -> Vec<Utterance> {
    let mut out = vec![];
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let tr = Tr::new(lang);
        let before = tr.t("display-say-before");
        let after = tr.a("display-say-after", &[("window", n(call.window))]);
        let parts = [Say::Ticket { label: &before, number: &call.number }, Say::Text(&after)];
        out.extend(speech::utterances(lang, Voices::default(), &parts));
    }
    out
}
