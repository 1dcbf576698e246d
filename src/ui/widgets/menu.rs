//! A numbered menu: digits 1–9 on each page, a ▶ marker and reverse video on
//! the focused item, and the terminal cursor on it for screen readers.

use crate::ui::spoken::Focus;
use ratatui::{
    Frame,
    layout::{Position, Rect},
    style::Modifier,
    text::{Line, Span},
};

use crate::i18n;
use crate::kiosk::layout::{MENU_HEADER, MenuLayout};
use crate::ui::{
    Ui,
    wrap::{self, truncate},
};

pub struct Item {
    pub label: String,
    /// Shown after the label, dimmed, when there is room.
    pub detail: String,
}

/// The item chosen, and whether the focus is on it. Without the focus (it is
/// elsewhere on screen) the chosen item keeps its reverse video but not the
/// ▶ marker or the cursor.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub selected: usize,
    pub focused: bool,
}

pub fn draw(frame: &mut Frame, ui: &Ui, body: Rect, heading: &str, items: &[Item], selected: usize) {
    draw_marked(frame, ui, body, heading, items, &[], Choice { selected, focused: true });
}

/// As `draw`, with the characters of each label that matched a search
/// (`marks[i]`, character indices) underlined and bold: not colour alone.
pub fn draw_marked(
    frame: &mut Frame,
    ui: &Ui,
    body: Rect,
    heading: &str,
    items: &[Item],
    marks: &[Vec<usize>],
    choice: Choice,
) {
    let selected = choice.selected;
    let t = &ui.theme;
    // A long heading may take the blank row under it too, and no more: the
    // list stays where it is, and a cut is marked.
    for (row, line) in heading_lines(heading, body.width as usize).into_iter().enumerate() {
        frame
            .render_widget(Line::styled(line, t.heading), Rect { y: body.y + row as u16, height: 1, ..body });
    }
    let layout = MenuLayout::new(body, items.len(), ui.page_limit);
    let start = layout.page_start(selected);
    for (index, item) in items.iter().enumerate().skip(start).take(layout.page_size) {
        let Some(row) = layout.row_of(index, selected) else {
            continue;
        };
        let chosen = index == selected;
        let focused = chosen && choice.focused;
        let marker = if focused { "▶ " } else { "  " };
        let number = format!("{}. ", index - start + 1);
        let label_style = if chosen { t.focus } else { t.text };
        let mut spans = vec![Span::styled(marker, t.heading), Span::styled(number, label_style)];
        let marked = marks.get(index).filter(|m| !m.is_empty());
        match marked {
            None => spans.push(Span::styled(item.label.as_str(), label_style)),
            Some(marked) => {
                let hit = label_style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
                spans.extend(item.label.chars().enumerate().map(|(i, c)| {
                    Span::styled(c.to_string(), if marked.contains(&i) { hit } else { label_style })
                }));
            }
        }
        let room = (layout.area.width as usize).saturating_sub(Line::from(spans.clone()).width() + 2);
        if !item.detail.is_empty() && room > 3 {
            spans.push(Span::styled("  ", t.text));
            spans.push(Span::styled(truncate(&item.detail, room), t.dim));
        }
        let line = Line::from(spans);
        frame.render_widget(line, Rect { y: row, height: 1, ..layout.area });
        if focused {
            frame.set_cursor_position(Position { x: layout.area.x + 2, y: row });
            ui.spoken.focus(Focus::Item {
                number: Some((index - start + 1) as u32),
                label: item.label.clone(),
                detail: item.detail.clone(),
            });
        }
    }
    let pages = layout.pages(items.len());
    if pages > 1 {
        let page = start / layout.page_size + 1;
        let place = match page {
            1 => "first",
            p if p == pages => "last",
            _ => "middle",
        };
        let args =
            [("page", i18n::n(page as u32)), ("pages", i18n::n(pages as u32)), ("where", i18n::s(place))];
        let text = ui.tr.a("menu-page", &args);
        let y = body.y + body.height.saturating_sub(1);
        frame.render_widget(Line::styled(text, t.dim).right_aligned(), Rect { y, height: 1, ..body });
    }
}

/// The heading in at most `MENU_HEADER` rows, the last cut with an
/// ellipsis when there is more.
fn heading_lines(heading: &str, width: usize) -> Vec<String> {
    let mut lines = wrap::wrap(heading, width);
    let keep = MENU_HEADER as usize;
    if lines.len() > keep {
        let cut = format!("{} {}", lines[keep - 1], lines[keep]);
        lines.truncate(keep);
        lines[keep - 1] = truncate(&cut, width);
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_heading_too_long_for_two_rows_is_cut_with_an_ellipsis() {
        let long = "Choose a time · Tue 1 Dec · a hall name long enough to need three rows of twenty";
        let lines = super::heading_lines(long, 20);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("Choose a time") && lines[1].ends_with('…'), "{lines:?}");
        assert_eq!(super::heading_lines("Short", 20), vec!["Short"]);
    }
}
