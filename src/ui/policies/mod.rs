//! 政策查询: the query as typed, the three filters (each a choice a finger
//! can tap), then the documents found, each with its validity and year in
//! words before its title; and the list of one filter's choices.

mod document;

pub use document::draw as document;

use ratatui::{
    Frame,
    layout::{Position, Rect},
    text::{Line, Span},
};

use crate::domain::policy::{Policy, Validity};
use crate::domain::{Lang, Text};
use crate::i18n::{self, Tr};
use crate::kiosk::policies::{self, FilterChoice, FilterKind, ListItem};
use crate::kiosk::{State, layout};
use crate::search::highlight;
use crate::ui::{
    Ui, screens,
    widgets::menu::{self, Choice, Item},
    wrap::truncate,
};

/// The word for a validity: 现行有效 / In force …
pub fn validity_key(v: Validity) -> &'static str {
    match v {
        Validity::InForce => "validity-in-force",
        Validity::Amended => "validity-amended",
        Validity::Repealed => "validity-repealed",
        Validity::Expired => "validity-expired",
    }
}

pub fn filter_key(kind: FilterKind) -> &'static str {
    match kind {
        FilterKind::Issuer => "policy-filter-issuer",
        FilterKind::Year => "policy-filter-year",
        FilterKind::Validity => "policy-filter-validity",
    }
}

/// What a filter's choice says.
fn choice_words(tr: &Tr, lang: Lang, choice: &FilterChoice) -> String {
    match choice {
        FilterChoice::Any => tr.t("policy-filter-any"),
        FilterChoice::Issuer(t) => t.get(lang).to_owned(),
        FilterChoice::Year(y) => tr.a("policy-year", &[("year", i18n::s(y))]),
        FilterChoice::Validity(v) => tr.t(validity_key(*v)),
    }
}

/// The value a filter holds now, in words.
fn filter_value(state: &State, tr: &Tr, kind: FilterKind) -> String {
    let f = &state.policies.filter;
    let issuer = |zh: &str| -> Option<&Text> {
        policies::library(state)?.policies.iter().flat_map(|p| &p.issuers).find(|i| i.get(Lang::ZhCn) == zh)
    };
    let choice = match kind {
        FilterKind::Issuer => f.issuer.as_deref().and_then(issuer).map(FilterChoice::Issuer),
        FilterKind::Year => f.year.as_deref().map(FilterChoice::Year),
        FilterKind::Validity => f.validity.map(FilterChoice::Validity),
    };
    choice_words(tr, state.lang, &choice.unwrap_or(FilterChoice::Any))
}

/// "现行有效 · 2011年": a document's validity and year, said first in a list.
pub fn validity_and_year(tr: &Tr, p: &Policy) -> String {
    let year = tr.a("policy-year", &[("year", i18n::s(p.published.get(..4).unwrap_or("")))]);
    format!("{} · {year}", tr.t(validity_key(p.validity)))
}

pub fn list(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    selected: usize,
    found: &[usize],
    browsing: bool,
) {
    let (tr, t, lang) = (&ui.tr, &ui.theme, state.lang);
    let query = &state.policies.query.text;
    let line = Line::from(vec![
        Span::styled(if browsing { "  " } else { "▶ " }, t.heading),
        Span::styled(tr.t("policies-label"), t.heading),
        Span::styled(format!("[{query}]"), t.focus),
    ]);
    frame.render_widget(line, Rect { height: 1, ..body });
    let x = body.x
        + 2
        + Line::raw(tr.t("policies-label")).width() as u16
        + 1
        + state.policies.query.caret_columns() as u16;
    let heading = match (policies::library(state), state.policies.failed) {
        (None, Some(e)) => {
            tr.a("policies-unavailable", &[("reason", i18n::s(&tr.t(screens::fetch_error_key(e))))])
        }
        (None, None) => tr.t("policies-loading"),
        (Some(_), _) if found.is_empty() => tr.t("policies-none"),
        (Some(_), _) if query.trim().is_empty() && state.policies.filter.is_empty() => {
            tr.a("policies-hint", &[("count", i18n::n(found.len() as u32))])
        }
        (Some(_), _) => tr.a("policies-found", &[("count", i18n::n(found.len() as u32))]),
    };
    let rest = layout::menu_area(state.screen(), body);
    // Label room: the marker and the number (up to "9. ") go before it.
    let room = (rest.width as usize).saturating_sub(6);
    let library = policies::library(state);
    let (items, marks): (Vec<Item>, Vec<Vec<usize>>) = policies::list_items(found)
        .into_iter()
        .map(|item| match item {
            ListItem::Filter(kind) => {
                let (name, value) = (tr.t(filter_key(kind)), filter_value(state, tr, kind));
                let label =
                    tr.a("policy-filter-item", &[("filter", i18n::s(&name)), ("value", i18n::s(&value))]);
                (Item { label, detail: String::new() }, vec![])
            }
            ListItem::Document(i) => {
                let Some(p) = library.and_then(|l| l.policies.get(i)) else {
                    return (Item { label: String::new(), detail: String::new() }, vec![]);
                };
                let prefix = format!("{} · ", validity_and_year(tr, p));
                let title = p.title.get(lang);
                let offset = prefix.chars().count();
                let marks = highlight(title, query).into_iter().map(|m| m + offset).collect();
                let label = truncate(&format!("{prefix}{title}"), room);
                (Item { label, detail: p.doc_number.clone().unwrap_or_default() }, marks)
            }
        })
        .unzip();
    menu::draw_marked(frame, ui, rest, &heading, &items, &marks, Choice { selected, focused: browsing });
    if !browsing {
        // Typing, and an IME, write where the cursor is.
        frame.set_cursor_position(Position { x: x.min(body.x + body.width.saturating_sub(1)), y: body.y });
    }
}

/// One filter's choices, the one in force marked.
pub fn filter(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, kind: FilterKind, selected: usize) {
    let tr = &ui.tr;
    let Some(library) = policies::library(state) else { return };
    let f = &state.policies.filter;
    let items: Vec<Item> = policies::choices(library, &state.policies.filter, kind)
        .iter()
        .map(|c| Item {
            label: choice_words(tr, state.lang, c),
            detail: if policies::holds(f, kind, c) { tr.t("policy-filter-current") } else { String::new() },
        })
        .collect();
    let heading = tr.a("policy-filter-heading", &[("filter", i18n::s(&tr.t(filter_key(kind))))]);
    menu::draw(frame, ui, body, &heading, &items, selected);
}
