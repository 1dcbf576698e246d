//! A form: each labelled text field takes two rows — the label (with its
//! error beside it, in words) and the value — and in elderly mode a blank
//! row more. The focused value has the ▶ marker, reverse video, and the
//! terminal cursor at the end of its text.

use std::borrow::Cow;

use ratatui::{
    Frame,
    layout::{Position, Rect},
    text::{Line, Span},
};

use crate::kiosk::{State, form::TextField, layout};
use crate::ui::Ui;

/// A field as drawn. A typed value is borrowed from its `TextField`: names,
/// phones and ID numbers are not copied on every frame.
pub struct FieldView<'a> {
    pub label: String,
    pub value: Cow<'a, str>,
    /// Where typing goes: columns into the value.
    pub caret: usize,
    /// A choice (changed with ←→) rather than typed text.
    pub choice: bool,
    pub error: Option<String>,
    pub focused: bool,
}

impl<'a> FieldView<'a> {
    pub fn text(label: String, field: &'a TextField) -> FieldView<'a> {
        let value = Cow::Borrowed(field.text.as_str());
        FieldView { label, value, caret: field.caret_columns(), choice: false, error: None, focused: false }
    }

    pub fn choice(label: String, value: String) -> FieldView<'a> {
        FieldView { label, value: Cow::Owned(value), caret: 0, choice: true, error: None, focused: false }
    }
}

/// Draws the fields where the layout puts them in the screen's `body`.
pub fn draw(frame: &mut Frame, ui: &Ui, state: &State, body: Rect, fields: &[FieldView]) {
    let t = &ui.theme;
    let (top, first) = layout::form_window(state, body).unwrap_or((body.y, 0));
    let area = Rect { y: top, height: body.height.saturating_sub(top - body.y), ..body };
    let mut y = area.y;
    for field in fields.iter().skip(first) {
        if y + 1 >= area.y + area.height {
            break;
        }
        let mut label = vec![Span::styled(format!("  {}", field.label), t.heading)];
        if let Some(error) = &field.error {
            label.push(Span::styled(format!("  {error}"), t.error));
        }
        frame.render_widget(Line::from(label), Rect { y, height: 1, ..area });
        let marker = if field.focused { "▶ " } else { "  " };
        let (open, close) = if field.choice { ("◀ ", " ▶") } else { ("[", "]") };
        let style = if field.focused { t.focus } else { t.text };
        let line = Line::from(vec![
            Span::styled(marker, t.heading),
            Span::styled(open, style),
            Span::styled(field.value.as_ref(), style),
            Span::styled(close, style),
        ]);
        frame.render_widget(line, Rect { y: y + 1, height: 1, ..area });
        if field.focused {
            // At the caret (or on the choice), where a screen reader looks.
            let offset = if field.choice { 2 } else { 1 + field.caret as u16 };
            frame.set_cursor_position(Position { x: area.x + 2 + offset, y: y + 1 });
        }
        y += layout::field_pitch(state);
    }
}
