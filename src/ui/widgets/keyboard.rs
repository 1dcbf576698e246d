//! Draws the on-screen keyboard where `kiosk::input::keyboard` puts its
//! keys: each key a block with its label in the middle, the focused one in
//! the focus style with ▶ ◀ around it (never colour alone), and above the
//! keys of Chinese input the composition and its numbered candidates.

use ratatui::{
    Frame,
    layout::{Position, Rect},
    style::Style,
    text::{Line, Span},
    widgets::Paragraph,
};
use unicode_width::UnicodeWidthStr;

use crate::kiosk::input::ime::{Candidate, Stroke};
use crate::kiosk::input::keyboard::{COMPOSITION_WIDTH, Cap, Key, Layout};
use crate::kiosk::{State, typing};
use crate::ui::Ui;

/// A stroke key's label: the stroke, then its name.
pub fn stroke_symbol(s: Stroke) -> &'static str {
    match s {
        Stroke::Heng => "一",
        Stroke::Shu => "丨",
        Stroke::Pie => "丿",
        Stroke::Dian => "丶",
        Stroke::Zhe => "乛",
    }
}

/// The words on a key.
fn label(ui: &Ui, key: Key, shown: &[Candidate], last: bool, layout: Option<Layout>) -> String {
    let tr = &ui.tr;
    match key {
        Key::Char(c) => c.to_string(),
        Key::Stroke(s) => format!("{}{}", stroke_symbol(s), tr.t(stroke_name(s))),
        Key::Backspace => "⌫".into(),
        Key::Left => "←".into(),
        Key::Right => "→".into(),
        Key::PrevPage => "◀".into(),
        Key::NextPage => "▶".into(),
        Key::Clear => tr.t("kb-clear"),
        Key::Language => tr.t("kb-language"),
        // Named by where it goes.
        Key::Script if layout == Some(Layout::Strokes) => tr.t("kb-to-pinyin"),
        Key::Script => tr.t("kb-to-strokes"),
        Key::Space => tr.t("kb-space"),
        Key::Next if last => tr.t("kb-done"),
        Key::Next => tr.t("kb-next"),
        Key::Candidate(i) => shown.get(i).map_or_else(String::new, |c| format!("{}{}", i + 1, c.text)),
    }
}

fn stroke_name(s: Stroke) -> &'static str {
    match s {
        Stroke::Heng => "kb-stroke-heng",
        Stroke::Shu => "kb-stroke-shu",
        Stroke::Pie => "kb-stroke-pie",
        Stroke::Dian => "kb-stroke-dian",
        Stroke::Zhe => "kb-stroke-zhe",
    }
}

/// Draws the keyboard in `area` (the band `layout::bands` gives it).
pub fn draw(frame: &mut Frame, ui: &Ui, state: &State, area: Rect) {
    let t = &ui.theme;
    let shown = typing::candidates(state);
    let caps = typing::caps_in(state, area, &shown);
    let last = typing::on_last_field(state);
    let composing = !state.keyboard.composition.is_empty();
    let layout = typing::layout(state);
    if caps.iter().any(|c| matches!(c.key, Key::PrevPage)) {
        // The composition, where the citizen sees what the candidates are for.
        let text = if composing {
            state.keyboard.composition.display()
        } else {
            ui.tr.t(if layout == Some(Layout::Strokes) { "kb-type-strokes" } else { "kb-type-pinyin" })
        };
        let style = if composing { t.focus } else { t.dim };
        let bar = Rect { width: COMPOSITION_WIDTH.saturating_sub(1).min(area.width), height: 1, ..area };
        frame.render_widget(Paragraph::new(Line::styled(text, style)), bar);
    }
    for (i, cap) in caps.iter().enumerate() {
        let focused = state.keyboard.focus == Some(i);
        let idle = matches!(cap.key, Key::PrevPage | Key::NextPage) && !composing;
        let style = if focused {
            t.focus
        } else if idle {
            t.dim
        } else {
            t.status
        };
        let text = label(ui, cap.key, &shown, last, layout);
        if focused {
            ui.spoken.key(text.trim());
        }
        draw_key(frame, cap, &text, style, focused);
        // A screen reader hears the key the arrows are on.
        if focused && state.screen_reader {
            frame.set_cursor_position(Position { x: cap.area.x + 1, y: cap.area.y });
        }
    }
}

/// One key: its block, and its label centred on the first row (▶ ◀ beside
/// a focused key's label where they fit).
fn draw_key(frame: &mut Frame, cap: &Cap, label: &str, style: Style, focused: bool) {
    let w = cap.area.width as usize;
    let text = if focused && label.width() + 2 <= w { format!("▶{label}◀") } else { label.to_owned() };
    let pad = w.saturating_sub(text.width());
    let line = Line::from(vec![
        Span::styled(" ".repeat(pad / 2), style),
        Span::styled(text, style),
        Span::styled(" ".repeat(pad - pad / 2), style),
    ]);
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..cap.area });
    for y in cap.area.y + 1..cap.area.bottom() {
        frame.render_widget(
            Paragraph::new(Line::styled(" ".repeat(w), style)),
            Rect { y, height: 1, ..cap.area },
        );
    }
}
