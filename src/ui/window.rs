//! The clerk's console at one window: the ticket in hand, what waits in
//! calling order, the missed tickets that may be put back, the day so far,
//! one line for what the server said, and the key bar (also buttons).
//! Draws the state, never changes it.

mod words;

use ratatui::{
    Frame,
    layout::{Position, Rect},
    style::Modifier,
    text::{Line, Span},
    widgets::{Paragraph, Wrap},
};

use crate::i18n::{Tr, n, s};
use crate::ui::Theme;
use crate::window::{Picker, State, buttons};

/// Rows of the body: the ticket, what waits, what was missed, the day.
const BODY_TOP: u16 = 2;

pub fn view(state: &State, theme: &Theme, frame: &mut Frame) {
    let tr = Tr::new(state.lang);
    let area = frame.area();
    if !state.fits() {
        let text = tr.a("window-too-small", &[("width", n(area.width)), ("height", n(area.height))]);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    title(state, &tr, theme, frame, area);
    let body = Rect { x: 1, y: BODY_TOP, width: area.width - 2, height: area.height - BODY_TOP - 4 };
    let cursor = if state.no_such_hall.is_some() {
        // A hall the backend lacks explains a refused token too.
        let text = words::no_window(state, &tr);
        frame.render_widget(Paragraph::new(text).style(theme.text).wrap(Wrap { trim: true }), body);
        Position { x: body.x, y: body.y }
    } else if let Some(refusal) = &state.token_refused {
        let text = words::token_refused(&tr, &state.config, refusal);
        frame.render_widget(Paragraph::new(text).style(theme.text).wrap(Wrap { trim: true }), body);
        Position { x: body.x, y: body.y }
    } else if let Some(picker) = state.picker {
        picker_list(state, &tr, theme, frame, body, picker)
    } else {
        desk(state, &tr, theme, frame, body)
    };
    message(state, &tr, theme, frame, Rect { y: area.height - 3, height: 1, ..area });
    key_bar(state, theme, frame);
    // A screen reader reads where the cursor is: the item being chosen,
    // or the ticket in hand.
    if state.screen_reader {
        frame.set_cursor_position(cursor);
    }
}

/// Row 0: the window, its hall and whether it calls; row 1: the link.
fn title(state: &State, tr: &Tr, theme: &Theme, frame: &mut Frame, area: Rect) {
    let open = match state.window() {
        Some(w) if w.open => tr.t("window-open"),
        Some(_) => tr.t("window-paused"),
        None => String::new(),
    };
    let head = tr.a(
        "window-title",
        &[("window", n(state.config.window)), ("hall", s(state.hall_label())), ("state", s(&open))],
    );
    let bar = Rect { height: 1, ..area };
    frame.render_widget(Line::styled(format!(" {head}"), theme.title), bar);
    frame.render_widget(Line::styled(format!("{} ", tr.t("lang-name")), theme.title).right_aligned(), bar);
    let link = words::link(state, tr);
    let style = if state.offline() { theme.error } else { theme.dim };
    frame.render_widget(Line::styled(format!(" {link}"), style), Rect { y: 1, height: 1, ..area });
}

/// The body when nothing is being chosen. Returns where the cursor goes.
fn desk(state: &State, tr: &Tr, theme: &Theme, frame: &mut Frame, body: Rect) -> Position {
    let Some(w) = state.window() else {
        let text = words::no_window(state, tr);
        frame.render_widget(Paragraph::new(text).style(theme.text).wrap(Wrap { trim: true }), body);
        return Position { x: body.x, y: body.y };
    };
    let mut lines: Vec<Line> = Vec::new();
    let heading = |text: String| Line::styled(text, theme.heading);
    match &w.ticket {
        Some(t) => {
            lines.push(Line::from(vec![
                Span::styled(tr.t("window-in-hand"), theme.heading),
                Span::raw("  "),
                Span::styled(t.number.clone(), theme.heading.add_modifier(Modifier::REVERSED)),
                Span::raw("  "),
                Span::raw(words::in_hand_state(state, tr, t)),
            ]));
            lines.push(Line::raw(format!("  {}", words::in_hand_detail(state, tr, t))));
        }
        None => {
            lines.push(heading(tr.t("window-in-hand-none")));
            lines.push(Line::raw(""));
        }
    }
    lines.push(Line::raw(""));
    let width = usize::from(body.width.saturating_sub(2));
    lines.push(heading(words::waiting_heading(state, tr, w)));
    for line in words::number_lines(tr, &w.waiting, width, 3) {
        lines.push(Line::raw(format!("  {line}")));
    }
    lines.push(Line::raw(""));
    let missed = state.missed();
    lines.push(heading(tr.a("window-missed-heading", &[("count", n(missed.len() as u32))])));
    let missed: Vec<String> = missed.iter().map(|(num, secs)| words::missed_entry(tr, num, *secs)).collect();
    for line in words::number_lines(tr, &missed, width, 2) {
        lines.push(Line::raw(format!("  {line}")));
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(words::today(tr, w.served_today, w.mean_service_seconds)));
    frame.render_widget(Paragraph::new(lines).style(theme.text).wrap(Wrap { trim: false }), body);
    Position { x: body.x, y: body.y }
}

/// The list of missed tickets, or of queues, to choose one from.
fn picker_list(
    state: &State,
    tr: &Tr,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
    picker: Picker,
) -> Position {
    let (heading, entries, selected) = match picker {
        Picker::Missed { selected } => (
            tr.t("window-pick-missed"),
            state.missed().iter().map(|(num, secs)| words::missed_entry(tr, num, *secs)).collect::<Vec<_>>(),
            selected,
        ),
        Picker::Queue { selected } => (
            tr.t("window-pick-queue"),
            state.transfer_targets().iter().map(|q| words::queue_entry(state, tr, q)).collect(),
            selected,
        ),
    };
    frame.render_widget(Line::styled(heading, theme.heading), Rect { height: 1, ..body });
    let mut cursor = Position { x: body.x, y: body.y };
    for (i, entry) in entries.iter().enumerate().take(9.min(usize::from(body.height.saturating_sub(2)))) {
        let row = Rect { y: body.y + 2 + i as u16, height: 1, ..body };
        // The marker says which is chosen without colour.
        let (marker, style) = if i == selected { ("▶", theme.focus) } else { (" ", theme.text) };
        frame.render_widget(Line::styled(format!("{marker} {}. {entry}", i + 1), style), row);
        if i == selected {
            cursor = Position { x: row.x, y: row.y };
        }
    }
    cursor
}

/// The one place where what the server said appears.
fn message(state: &State, tr: &Tr, theme: &Theme, frame: &mut Frame, row: Rect) {
    let Some((text, failed)) = words::notice(state, tr) else { return };
    let style = if failed { theme.error } else { theme.info };
    frame.render_widget(Line::styled(format!(" {text}"), style), row);
}

fn key_bar(state: &State, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    for y in [area.height - 2, area.height - 1] {
        frame.render_widget(Line::styled("", theme.status), Rect { y, height: 1, ..area });
    }
    for b in buttons(state) {
        let rect = Rect { x: b.x, y: b.y, width: b.width, height: 1 };
        let line = Line::from(vec![
            Span::styled(format!("[{}", b.key), theme.status.add_modifier(Modifier::BOLD)),
            Span::styled(format!(" {}]", b.label), theme.status),
        ]);
        frame.render_widget(line, rect);
    }
}
