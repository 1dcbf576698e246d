//! A policy document's page, part by part like the guide: a document no
//! longer in force says so first and offers what replaced it; then the
//! header fields of its disclosure page, our summary, the interpretations
//! (解读), and the services it governs, each opening its guide. The phone
//! panel beside it, as beside a guide.

use ratatui::{Frame, layout::Rect, text::Line};

use super::validity_key;
use crate::domain::policy::{Policy, Validity};
use crate::i18n;
use crate::kiosk::{
    State,
    policies::{self, DocPart},
};
use crate::ui::{
    Ui,
    guide::{Writer, draw_parts},
};

pub fn draw(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, id: &str, focus: usize, qr: bool) {
    let Some(body) = crate::ui::phone::beside(state, ui, frame, body, qr) else { return };
    let Some(p) = policies::policy(state, id) else { return };
    let writer = Writer::new(ui, state.lang, body);
    let parts: Vec<Vec<Line>> =
        policies::doc_parts(state, p).into_iter().map(|part| lines(state, &writer, p, part)).collect();
    draw_parts(ui, frame, body, &parts, focus);
}

fn lines(state: &State, w: &Writer, p: &Policy, part: DocPart) -> Vec<Line<'static>> {
    let (tr, t, lang) = (w.tr, w.theme, w.lang);
    let mut out = vec![];
    let arg = |key: &str, value: &str| tr.a(key, &[("value", i18n::s(value))]);
    match part {
        DocPart::Status => {
            let key = match p.validity {
                Validity::Amended => "policy-status-amended",
                Validity::Repealed => "policy-status-repealed",
                _ => "policy-status-expired",
            };
            w.para(&mut out, 0, &tr.t(key), t.error);
        }
        DocPart::Replacement => {
            if let Some(r) = policies::library(state).and_then(|l| l.current_replacement(p)) {
                w.para(&mut out, 0, &arg("policy-replacement", r.title.get(lang)), t.heading);
                let facts: Vec<String> =
                    r.doc_number.iter().cloned().chain([super::validity_and_year(tr, r)]).collect();
                w.para(&mut out, 2, &facts.join(" · "), t.dim);
            }
        }
        DocPart::Header => {
            w.para(&mut out, 0, p.title.get(lang), t.heading);
            let issuers: Vec<&str> = p.issuers.iter().map(|i| i.get(lang)).collect();
            let mut fields = vec![
                arg("policy-validity", &tr.t(validity_key(p.validity))),
                arg("policy-issuers", &issuers.join(tr.t("list-separator").as_str())),
            ];
            fields.extend(p.doc_number.as_deref().map(|n| arg("policy-doc-number", n)));
            fields.extend(p.index_number.as_deref().map(|n| arg("policy-index-number", n)));
            fields.push(arg("policy-written", &i18n::full_date(tr, &p.written)));
            fields.push(arg("policy-published", &i18n::full_date(tr, &p.published)));
            fields.extend(p.effective.as_deref().map(|d| arg("policy-effective", &i18n::full_date(tr, d))));
            fields.push(arg("policy-topic", p.topic.get(lang)));
            for field in fields {
                w.para(&mut out, 0, &field, t.text);
            }
            let checked = tr.a("guide-reviewed", &[("date", i18n::s(&i18n::full_date(tr, &p.reviewed)))]);
            w.para(&mut out, 0, &checked, t.dim);
        }
        DocPart::Summary => {
            w.heading(&mut out, "policy-summary");
            w.para(&mut out, 2, p.summary.get(lang), t.text);
        }
        DocPart::Question(i, q) => {
            let interpretation = &p.interpretations[i];
            if q == 0 {
                let date = i18n::full_date(tr, &interpretation.date);
                out.push(Line::styled(arg("policy-interpretation", &date), t.heading));
            }
            let qa = &interpretation.questions[q];
            w.para(&mut out, 2, &arg("policy-question", qa.question.get(lang)), t.text);
            w.para(&mut out, 2, &arg("policy-answer", qa.answer.get(lang)), t.text);
        }
        DocPart::Example(i) => {
            w.para(&mut out, 2, &arg("policy-example", p.interpretations[i].example.get(lang)), t.text);
        }
        DocPart::Service(i) => {
            if i == 0 {
                w.heading(&mut out, "policy-services");
            }
            if let Some(s) = policies::governed(state, p).get(i) {
                w.para(&mut out, 0, &format!("› {}", s.name.get(lang)), t.text);
                w.para(&mut out, 2, s.department.get(lang), t.dim);
            }
        }
    }
    out.push(Line::default());
    out
}
