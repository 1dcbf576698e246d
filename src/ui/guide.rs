//! The service guide (办事指南): every field a citizen needs, part by part.
//! The focused part carries the ▶ marker and the cursor; the page scrolls so
//! that it is in view.

use ratatui::{
    Frame,
    layout::{Position, Rect},
    style::Style,
    text::{Line, Span},
};

use crate::domain::{Catalog, Lang, Medium, Service, TimeLimit};
use crate::i18n::{self, Tr};
use crate::kiosk::{
    State,
    screen::{self, GuidePart},
};
use crate::ui::{Theme, Ui, wrap::wrap};

/// Columns kept on the left for the focus marker.
const MARGIN: u16 = 2;

pub fn draw(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, service_id: &str, focus: usize, qr: bool) {
    let Some(body) = super::phone::beside(state, ui, frame, body, qr) else { return };
    let Some(catalog) = state.catalog() else {
        return;
    };
    let Some(service) = screen::service(catalog, service_id) else {
        return;
    };
    let writer = Writer::new(ui, state.lang, body);
    let based_on = crate::kiosk::policies::based_on(state, service_id);
    let parts: Vec<Vec<Line>> = screen::guide_parts_with(service, based_on.len())
        .into_iter()
        .map(|p| match p {
            GuidePart::BasedOn(i) => writer.based_on(&based_on, i),
            p => writer.part(catalog, service, p),
        })
        .collect();
    draw_parts(ui, frame, body, &parts, focus);
}

/// Parts of a page, from the focused one (marked ▶, the cursor on it)
/// down; at the end of the page, earlier parts fill the screen too.
pub(crate) fn draw_parts(ui: &Ui, frame: &mut Frame, body: Rect, parts: &[Vec<Line>], focus: usize) {
    let width = body.width.saturating_sub(MARGIN);
    let focus = focus.min(parts.len().saturating_sub(1));
    let height = body.height as usize;
    // Start at the focused part; at the end of the page, show earlier parts too
    // rather than leave the screen half empty.
    let mut start = focus;
    while start > 0 && parts[start - 1..].iter().map(Vec::len).sum::<usize>() <= height {
        start -= 1;
    }
    let mut y = body.y;
    for (i, part) in parts.iter().enumerate().skip(start) {
        for (j, line) in part.iter().enumerate() {
            if y >= body.y + body.height {
                return;
            }
            if i == focus && j == 0 {
                frame.render_widget(Span::styled("▶", ui.theme.heading), Rect::new(body.x, y, 1, 1));
                frame.set_cursor_position(Position { x: body.x + MARGIN, y });
                ui.spoken.focus(crate::ui::spoken::Focus::Part(part.iter().map(super::plain).collect()));
            }
            frame.render_widget(line.clone(), Rect::new(body.x + MARGIN, y, width, 1));
            y += 1;
        }
    }
}

/// The statutory and the promised time limit, each in its own unit
/// (working days, calendar days, or on the spot); the phone page says the same.
pub fn time_limit_lines(tr: &Tr, s: &Service) -> [String; 2] {
    let statutory = match s.statutory() {
        TimeLimit::OnTheSpot => tr.t("statutory-on-the-spot"),
        TimeLimit::WorkingDays(d) => tr.a("statutory-days", &[("days", i18n::n(d))]),
        TimeLimit::Days(d) => tr.a("statutory-calendar-days", &[("days", i18n::n(d))]),
    };
    let promised = match s.promised() {
        TimeLimit::OnTheSpot => tr.t("promised-on-the-spot"),
        TimeLimit::WorkingDays(d) => tr.a("promised-days", &[("days", i18n::n(d))]),
        TimeLimit::Days(d) => tr.a("promised-calendar-days", &[("days", i18n::n(d))]),
    };
    [statutory, promised]
}

/// Writes a page's parts as lines, wrapped to the body beside the margin.
pub(crate) struct Writer<'a> {
    pub tr: &'a Tr,
    pub theme: &'a Theme,
    pub lang: Lang,
    pub width: usize,
}

impl Writer<'_> {
    pub fn new(ui: &Ui, lang: Lang, body: Rect) -> Writer<'_> {
        Writer { tr: &ui.tr, theme: &ui.theme, lang, width: body.width.saturating_sub(MARGIN) as usize }
    }

    /// Wrapped lines of `text`, each indented by `indent` columns.
    pub fn para(&self, out: &mut Vec<Line<'static>>, indent: usize, text: &str, style: Style) {
        for line in wrap(text, self.width.saturating_sub(indent)) {
            out.push(Line::from(vec![Span::raw(" ".repeat(indent)), Span::styled(line, style)]));
        }
    }

    pub fn heading(&self, out: &mut Vec<Line<'static>>, key: &str) {
        out.push(Line::styled(self.tr.t(key), self.theme.heading));
    }

    /// 依据: one document the service rests on, an item that opens it
    /// (its validity in words, never by colour alone).
    fn based_on(&self, docs: &[&crate::domain::policy::Policy], i: usize) -> Vec<Line<'static>> {
        let mut out = vec![];
        if i == 0 {
            self.heading(&mut out, "guide-based-on");
        }
        let p = docs[i];
        self.para(&mut out, 0, &format!("§ {}", p.title.get(self.lang)), self.theme.text);
        let facts: Vec<String> =
            p.doc_number.iter().cloned().chain([super::policies::validity_and_year(self.tr, p)]).collect();
        self.para(&mut out, 2, &facts.join(" · "), self.theme.dim);
        out.push(Line::default());
        out
    }

    fn part(&self, catalog: &Catalog, s: &Service, part: GuidePart) -> Vec<Line<'static>> {
        let (tr, t, lang) = (self.tr, self.theme, self.lang);
        let mut out = Vec::new();
        match part {
            GuidePart::Overview => {
                self.para(&mut out, 0, s.name.get(lang), t.heading);
                let dept = tr.a("guide-department", &[("department", i18n::s(s.department.get(lang)))]);
                self.para(&mut out, 0, &dept, t.text);
                self.para(&mut out, 0, &tr.a("guide-code", &[("code", i18n::s(&s.code))]), t.dim);
                if let Some(date) = &s.reviewed {
                    let checked = tr.a("guide-reviewed", &[("date", i18n::s(&i18n::full_date(tr, date)))]);
                    self.para(&mut out, 0, &checked, t.dim);
                }
                let facts = [
                    tr.t(if s.online { "online-yes" } else { "online-no" }),
                    tr.t(if s.cross_province { "cross-province-yes" } else { "cross-province-no" }),
                ];
                self.para(&mut out, 0, &facts.join(" · "), t.text);
            }
            GuidePart::Conditions => {
                self.heading(&mut out, "guide-conditions");
                self.para(&mut out, 2, s.conditions.get(lang), t.text);
            }
            GuidePart::Material(i) => {
                if i == 0 {
                    let count = s.materials.len() as u32;
                    out.push(Line::styled(tr.a("guide-materials", &[("count", i18n::n(count))]), t.heading));
                }
                let m = &s.materials[i];
                let medium = tr.t(match m.medium {
                    Medium::Paper => "medium-paper",
                    Medium::Electronic => "medium-electronic",
                    Medium::Either => "medium-either",
                });
                let mut facts = i18n::material_facts(tr, m);
                facts.insert(1, medium);
                self.para(&mut out, 0, &format!("☐ {}. {}", i + 1, m.name.get(lang)), t.text);
                self.para(&mut out, 5, &facts.join(" · "), t.text);
                self.para(
                    &mut out,
                    5,
                    &tr.a("material-source", &[("source", i18n::s(m.source.get(lang)))]),
                    t.dim,
                );
                if let Some(notes) = &m.notes {
                    self.para(
                        &mut out,
                        5,
                        &tr.a("material-notes", &[("notes", i18n::s(notes.get(lang)))]),
                        t.dim,
                    );
                }
            }
            GuidePart::Fees => {
                self.heading(&mut out, "guide-fees");
                if s.fees.is_empty() {
                    self.para(&mut out, 2, &tr.t("fees-none"), t.text);
                }
                for fee in &s.fees {
                    let line = tr.a(
                        "fee-item",
                        &[("item", i18n::s(fee.item.get(lang))), ("amount", i18n::s(&fee.amount))],
                    );
                    self.para(&mut out, 2, &line, t.text);
                    self.para(&mut out, 4, fee.basis.get(lang), t.dim);
                }
            }
            GuidePart::TimeLimits => {
                self.heading(&mut out, "guide-time-limits");
                for line in time_limit_lines(tr, s) {
                    self.para(&mut out, 2, &line, t.text);
                }
            }
            GuidePart::Visits => {
                self.heading(&mut out, "guide-visits");
                self.para(&mut out, 2, &tr.a("visits", &[("count", i18n::n(s.visits))]), t.text);
                if let Some(reason) = &s.visits_reason {
                    self.para(&mut out, 2, reason.get(lang), t.dim);
                }
            }
            GuidePart::Where => {
                self.heading(&mut out, "guide-where");
                // Each hall that offers the service, with its windows where
                // the catalogue knows them, and its address.
                for hall in catalog.halls.iter().filter(|h| s.halls.contains(&h.id)) {
                    let name = hall.name.get(lang);
                    let title = match s.location_at(&hall.id) {
                        Some(windows) => format!("{name} · {}", windows.get(lang)),
                        None => name.to_owned(),
                    };
                    self.para(&mut out, 2, &title, t.text);
                    self.para(&mut out, 4, hall.address.get(lang), t.dim);
                    self.para(&mut out, 4, hall.hours.get(lang), t.dim);
                }
            }
            GuidePart::Phones => {
                self.heading(&mut out, "guide-phones");
                self.para(
                    &mut out,
                    2,
                    &tr.a("enquiry-phone", &[("phone", i18n::s(&s.enquiry_phone))]),
                    t.text,
                );
                self.para(
                    &mut out,
                    2,
                    &tr.a("complaint-phone", &[("phone", i18n::s(&s.complaint_phone))]),
                    t.text,
                );
            }
            // Drawn by `based_on`, which has the documents.
            GuidePart::BasedOn(_) => {}
        }
        out.push(Line::default());
        out
    }
}
