//! The day as pictures, for staff who would rather look than read: tickets
//! issued per hour and the mean wait per queue as ratatui bar charts, and
//! the share of each rating level per window as one stacked bar a window,
//! each level its own fill so that no colour is needed to tell them apart.
//! The numbers follow each chart as words (`pages`), for screen readers too.

use ratatui::{
    Frame,
    layout::{Direction, Rect},
    text::{Line, Span},
    widgets::{Bar, BarChart},
};
use unicode_width::UnicodeWidthStr;

use super::pages::{level_name, queue_name};
use crate::domain::rating::{DayRatings, Level};
use crate::i18n;
use crate::kiosk::State;
use crate::kiosk::staff::{Figures, Row, pages::HOURS_CHART_ROWS};
use crate::ui::{
    Ui,
    wrap::{self, truncate},
};

/// Rows a chart takes at `width` columns.
pub fn height(ui: &Ui, row: Row, day: &DayRatings, width: u16) -> u16 {
    let rows = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    match row {
        Row::HoursChart => HOURS_CHART_ROWS,
        Row::WaitChart => rows(day.queues.len()),
        // The key to the fills, then a bar a window.
        Row::LevelsChart => rows(key_lines(ui, width).len() + day.windows.len()),
        _ => 0,
    }
}

/// "Key: █ very satisfied  ▓ satisfied …", wrapped to the width between
/// levels, never inside one (no-break spaces hold each together).
fn key_lines(ui: &Ui, width: u16) -> Vec<String> {
    let key: Vec<String> = Level::ALL
        .iter()
        .map(|l| format!("{} {}", fill(*l), level_name(&ui.tr, *l)).replace(' ', "\u{a0}"))
        .collect();
    let key = ui.tr.a("staff-chart-key", &[("key", i18n::s(&key.join("  ")))]);
    wrap::wrap(&key, width as usize)
}

pub fn draw(state: &State, ui: &Ui, frame: &mut Frame, area: Rect, row: Row, f: &Figures) {
    let Ok(day) = &f.ratings else { return };
    match row {
        Row::HoursChart => hours(ui, frame, area, day),
        Row::WaitChart => wait(state, ui, frame, area, f, day),
        Row::LevelsChart => levels(ui, frame, area, day),
        _ => {}
    }
}

/// A bar an hour, its count on it and the hour under it.
fn hours(ui: &Ui, frame: &mut Frame, area: Rect, day: &DayRatings) {
    let bars: Vec<Bar> = day
        .issued_per_hour
        .iter()
        .map(|h| Bar::new(u64::from(h.count)).label(Line::from(format!("{:02}", h.hour))))
        .collect();
    let n = bars.len().max(1) as u16;
    // As wide as the row allows, up to five columns a bar.
    let width = (area.width / n).saturating_sub(1).clamp(2, 5);
    let chart = BarChart::new(bars)
        .bar_width(width)
        .bar_gap(1)
        .bar_style(ui.theme.text)
        .value_style(ui.theme.focus)
        .label_style(ui.theme.dim);
    frame.render_widget(chart, area);
}

/// A bar a queue, lying down: its name, the bar, the mean wait in minutes.
fn wait(state: &State, ui: &Ui, frame: &mut Frame, area: Rect, f: &Figures, day: &DayRatings) {
    let minutes = |s: Option<u32>| s.map_or(0, |s| s.div_ceil(60));
    // Names cut to a third of the row: the bars need the rest.
    let room = (area.width / 3) as usize;
    let bars: Vec<Bar> = day
        .queues
        .iter()
        .map(|q| {
            let m = minutes(q.mean_wait_seconds);
            let value = match q.mean_wait_seconds {
                Some(_) => ui.tr.a("staff-chart-minutes", &[("minutes", i18n::n(m))]),
                None => "—".to_owned(),
            };
            let label = truncate(&queue_name(state, f, &q.queue), room);
            Bar::new(u64::from(m)).label(Line::from(label)).text_value(value)
        })
        .collect();
    let chart = BarChart::new(bars)
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(ui.theme.text)
        .value_style(ui.theme.focus)
        .label_style(ui.theme.dim);
    frame.render_widget(chart, area);
}

/// The fill each level has in the stacked bars, best first.
fn fill(level: Level) -> &'static str {
    match level {
        Level::VerySatisfied => "█",
        Level::Satisfied => "▓",
        Level::FairlySatisfied => "▒",
        Level::Dissatisfied => "░",
        Level::VeryDissatisfied => "×",
    }
}

/// The key, then per window a bar split by the share of each level.
fn levels(ui: &Ui, frame: &mut Frame, area: Rect, day: &DayRatings) {
    let (tr, t) = (&ui.tr, &ui.theme);
    let key = key_lines(ui, area.width);
    let top = area.y + key.len() as u16;
    for (i, line) in key.into_iter().enumerate() {
        frame.render_widget(Line::styled(line, t.dim), Rect { y: area.y + i as u16, height: 1, ..area });
    }
    let labels: Vec<String> =
        day.windows.iter().map(|w| tr.a("staff-chart-window", &[("window", i18n::n(w.window))])).collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 1;
    let bar_width = (area.width as usize).saturating_sub(label_width + 8).max(10);
    for (i, (w, label)) in day.windows.iter().zip(&labels).enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let pad = " ".repeat(label_width.saturating_sub(label.width()));
        let mut spans = vec![Span::styled(format!("{label}{pad}"), t.dim)];
        let mut used = 0;
        let mut upto = 0;
        for share in &w.levels {
            // Each level ends where the running total of shares puts it, so
            // the widths add up to the whole bar.
            upto += share.permille;
            let end = (upto.min(1000) as usize * bar_width + 500) / 1000;
            let cells = end.saturating_sub(used);
            used += cells;
            spans.push(Span::styled(fill(share.level).repeat(cells), t.text));
        }
        spans.push(Span::styled(format!(" {}", w.count), t.text));
        frame.render_widget(Line::from(spans), Rect { y, height: 1, ..area });
    }
}
