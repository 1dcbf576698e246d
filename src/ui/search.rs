//! The search screen: the query as typed, then the services found, their
//! matched characters marked.

use ratatui::{
    Frame,
    layout::{Position, Rect},
    text::{Line, Span},
};

use crate::i18n;
use crate::kiosk::{SearchItem, State};
use crate::search::{Hit, highlight, matched_alias};
use crate::ui::{
    Ui, chrome,
    widgets::menu::{self, Choice, Item},
};

/// The focus is on the query as typed, or (`browsing`, after ↓) on the
/// chosen result: one ▶, and the cursor with it.
pub fn draw(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    selected: usize,
    hits: &[Hit],
    browsing: bool,
) {
    let (tr, t, lang) = (&ui.tr, &ui.theme, state.lang);
    let query = &state.search.text;
    let line = Line::from(vec![
        Span::styled(if browsing { "  " } else { "▶ " }, t.heading),
        Span::styled(tr.t("search-label"), t.heading),
        Span::styled(format!("[{query}]"), t.focus),
    ]);
    frame.render_widget(line, Rect { height: 1, ..body });
    let x =
        body.x + 2 + Line::raw(tr.t("search-label")).width() as u16 + 1 + state.search.caret_columns() as u16;
    let items = crate::kiosk::search_items(state, hits);
    let catalog = state.catalog();
    let heading = match (query.trim().is_empty(), hits.len()) {
        (true, _) => tr.t("search-hint"),
        (false, 0) => {
            let phone = state.help_phone().unwrap_or("");
            tr.a("search-none", &[("query", i18n::s(query)), ("phone", i18n::s(phone))])
        }
        (false, n) => tr.a("search-found", &[("count", i18n::n(n as u32))]),
    };
    let (labels, marks): (Vec<Item>, Vec<Vec<usize>>) = items
        .iter()
        .map(|item| match item {
            SearchItem::Result(i) => {
                let s = catalog.and_then(|c| c.services.get(*i));
                let mut label = s.map_or("", |s| s.name.get(lang)).to_owned();
                let mut marks = highlight(&label, query);
                // Found by another name: say which, its matched characters marked.
                if let Some((alias, alias_marks)) =
                    s.filter(|_| marks.is_empty()).and_then(|s| matched_alias(s, lang, query))
                {
                    let also = tr.a("search-also-called", &[("alias", i18n::s(alias))]);
                    let offset = label.chars().count()
                        + 2
                        + also.find(alias).map_or(0, |at| also[..at].chars().count());
                    marks = alias_marks.into_iter().map(|m| m + offset).collect();
                    label = format!("{label}  {also}");
                }
                let detail = s.map_or_else(String::new, |s| s.department.get(lang).to_owned());
                (Item { label, detail }, marks)
            }
            SearchItem::Browse(a) => {
                (Item { label: tr.t(chrome::audience_key(*a)), detail: String::new() }, vec![])
            }
        })
        .unzip();
    let rest = crate::kiosk::layout::menu_area(state.screen(), body);
    menu::draw_marked(frame, ui, rest, &heading, &labels, &marks, Choice { selected, focused: browsing });
    if !browsing {
        // Typing, and an IME, write where the cursor is.
        frame.set_cursor_position(Position { x: x.min(body.x + body.width.saturating_sub(1)), y: body.y });
    }
}
