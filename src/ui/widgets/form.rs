//! A form: each labelled text field takes two rows — the label (with its
//! error beside it, in words) and the value — and in elderly mode a blank
//! row more. The focused value has the ▶ marker, reverse video, and the
//! terminal cursor at the end of its text.

use ratatui::{
    Frame,
    layout::{Position, Rect},
    text::{Line, Span},
};

use crate::kiosk::{State, form::TextField, layout};
use crate::ui::Ui;

pub struct FieldView {
    pub label: String,
    pub value: String,
    /// Where typing goes, in characters of `value`.
    pub caret: usize,
    /// A choice (changed with ←→) rather than typed text.
    pub choice: bool,
    pub error: Option<String>,
    pub focused: bool,
}

impl FieldView {
    pub fn text(label: String, field: &TextField) -> FieldView {
        let value = field.text.clone();
        FieldView { label, value, caret: field.caret, choice: false, error: None, focused: false }
    }

    pub fn choice(label: String, value: String) -> FieldView {
        FieldView { label, value, caret: 0, choice: true, error: None, focused: false }
    }
}

/// Draws the fields where the layout puts them in the screen's `body`.
pub fn draw(frame: &mut Frame, ui: &Ui, state: &State, body: Rect, fields: &[FieldView]) {
    let t = &ui.theme;
    let top = layout::form_top(state.screen(), body).unwrap_or(body.y);
    let area = Rect { y: top, height: body.height.saturating_sub(top - body.y), ..body };
    let mut y = area.y;
    for field in fields {
        if y + 1 >= area.y + area.height {
            break;
        }
        let mut label = vec![Span::styled(format!("  {}", field.label), t.heading)];
        if let Some(error) = &field.error {
            label.push(Span::styled(format!("  {error}"), t.error));
        }
        frame.render_widget(Line::from(label), Rect { y, height: 1, ..area });
        let marker = if field.focused { "▶ " } else { "  " };
        let value =
            if field.choice { format!("◀ {} ▶", field.value) } else { format!("[{}]", field.value) };
        let style = if field.focused { t.focus } else { t.text };
        let line = Line::from(vec![Span::styled(marker, t.heading), Span::styled(value.clone(), style)]);
        frame.render_widget(line, Rect { y: y + 1, height: 1, ..area });
        if field.focused {
            // At the caret (or on the choice), where a screen reader looks.
            let before: String = field.value.chars().take(field.caret).collect();
            let offset = if field.choice { 2 } else { 1 + Line::raw(before).width() as u16 };
            frame.set_cursor_position(Position { x: area.x + 2 + offset, y: y + 1 });
        }
        y += layout::field_pitch(state);
    }
}
