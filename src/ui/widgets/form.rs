//! A form: each labelled text field takes two rows — the label (with its
//! error beside it, in words) and the value — and in elderly mode a blank
//! row more; in screen-reader mode label, value and error share one row. The focused value has the ▶ marker, reverse video, and the
//! terminal cursor at the end of its text.

use std::borrow::Cow;

use ratatui::{
    Frame,
    layout::{Position, Rect},
    text::{Line, Span},
};

use unicode_width::UnicodeWidthStr;

use crate::kiosk::{State, form::TextField, layout};
use crate::speech::FieldKind;
use crate::ui::{Ui, spoken::Focus};

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
    /// How speech reads the value (digit by digit, as a name, never).
    pub kind: FieldKind,
}

impl<'a> FieldView<'a> {
    pub fn text(label: String, field: &'a TextField) -> FieldView<'a> {
        let value = Cow::Borrowed(field.text.as_str());
        FieldView {
            label,
            value,
            caret: field.caret_columns(),
            choice: false,
            error: None,
            focused: false,
            kind: FieldKind::Text,
        }
    }

    pub fn choice(label: String, value: String) -> FieldView<'a> {
        FieldView {
            label,
            value: Cow::Owned(value),
            caret: 0,
            choice: true,
            error: None,
            focused: false,
            kind: FieldKind::Text,
        }
    }
}

/// Draws the fields where the layout puts them in the screen's `body`.
pub fn draw(frame: &mut Frame, ui: &Ui, state: &State, body: Rect, fields: &[FieldView]) {
    let (top, first) = layout::form_window(state, body).unwrap_or((body.y, 0));
    let rows = layout::field_rows(state);
    let mut y = top;
    for field in fields.iter().skip(first) {
        if y + rows > body.bottom() {
            break;
        }
        if field.focused {
            ui.spoken.focus(Focus::Field {
                label: field.label.clone(),
                value: field.value.to_string(),
                kind: field.kind,
                error: field.error.clone(),
            });
        }
        if state.screen_reader {
            one_line(frame, ui, field, Rect { y, height: 1, ..body });
        } else {
            two_lines(frame, ui, field, Rect { y, height: 2, ..body });
        }
        y += layout::field_pitch(state);
    }
}

/// Draws the fields, and on `summary_row` how many of them are wrong: the
/// count of the errors shown. Just after Enter found them, a screen reader
/// hears the summary first (the cursor goes there until the next key).
pub fn draw_with_summary(
    frame: &mut Frame,
    ui: &Ui,
    state: &State,
    body: Rect,
    fields: &[FieldView],
    summary_row: u16,
) {
    let wrong = fields.iter().filter(|f| f.error.is_some()).count();
    if wrong > 0 {
        let text = ui.tr.a("error-summary", &[("count", crate::i18n::n(wrong as u32))]);
        frame.render_widget(Line::styled(text, ui.theme.error), Rect { y: summary_row, height: 1, ..body });
    }
    draw(frame, ui, state, body, fields);
    if wrong > 0 && state.screen_reader && state.announce {
        frame.set_cursor_position(Position { x: body.x, y: summary_row });
    }
}

/// The value as drawn: ▶ for focus, [text] or ◀ choice ▶.
fn value_spans<'a>(ui: &Ui, field: &'a FieldView) -> [Span<'a>; 3] {
    let t = &ui.theme;
    let (open, close) = if field.choice { ("◀ ", " ▶") } else { ("[", "]") };
    let style = if field.focused { t.focus } else { t.text };
    [Span::styled(open, style), Span::styled(field.value.as_ref(), style), Span::styled(close, style)]
}

/// The label (with its error beside it, in words) above the value.
fn two_lines(frame: &mut Frame, ui: &Ui, field: &FieldView, area: Rect) {
    let t = &ui.theme;
    let mut label = vec![Span::styled(format!("  {}", field.label), t.heading)];
    if let Some(error) = &field.error {
        label.push(Span::styled(format!("  {error}"), t.error));
    }
    frame.render_widget(Line::from(label), Rect { height: 1, ..area });
    let marker = if field.focused { "▶ " } else { "  " };
    let mut line = vec![Span::styled(marker, t.heading)];
    line.extend(value_spans(ui, field));
    frame.render_widget(Line::from(line), Rect { y: area.y + 1, height: 1, ..area });
    if field.focused {
        frame.set_cursor_position(Position { x: area.x + 2 + caret_offset(field), y: area.y + 1 });
    }
}

/// Screen-reader mode: label, value and error on one line, so the line
/// under the cursor says which field it is and what is wrong with it.
fn one_line(frame: &mut Frame, ui: &Ui, field: &FieldView, area: Rect) {
    let t = &ui.theme;
    let marker = if field.focused { "▶ " } else { "  " };
    let label = format!("{}: ", field.label);
    let mut line = vec![Span::styled(marker, t.heading), Span::styled(label.as_str(), t.heading)];
    line.extend(value_spans(ui, field));
    if let Some(error) = &field.error {
        line.push(Span::styled(format!("  {error}"), t.error));
    }
    frame.render_widget(Line::from(line), area);
    if field.focused {
        let x = area.x + 2 + label.width() as u16 + caret_offset(field);
        frame.set_cursor_position(Position { x, y: area.y });
    }
}

/// Columns from the value's start to the caret (or to the choice).
fn caret_offset(field: &FieldView) -> u16 {
    if field.choice { 2 } else { 1 + field.caret as u16 }
}
