//! "My appointment": the lookup form and the booking found.

use ratatui::{Frame, layout::Rect, text::Line};

use crate::domain::{Booking, BookingStatus, FieldError};
use crate::kiosk::{
    State, layout,
    lookup::{self, LookupField, ResultItem},
};
use crate::ui::{
    Ui, booking,
    widgets::{
        form::{self, FieldView},
        menu::{self, Item},
    },
    wrap,
};

pub fn form(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    focus: LookupField,
    errors: &[(LookupField, FieldError)],
    searching: bool,
) {
    let tr = &ui.tr;
    let heading = if searching { tr.t("lookup-searching") } else { tr.t("lookup-heading") };
    frame.render_widget(Line::styled(heading, ui.theme.heading), Rect { height: 1, ..body });
    let error_for = |f: LookupField| {
        errors.iter().find(|(e, _)| *e == f).map(|(_, e)| {
            tr.t(match (f, e) {
                (LookupField::Code, FieldError::Missing) => "err-code-missing",
                (LookupField::Code, _) => "err-code-format",
                (LookupField::PhoneLast4, FieldError::Missing) => "err-last4-missing",
                (LookupField::PhoneLast4, _) => "err-last4-format",
            })
        })
    };
    let fields: Vec<FieldView> = LookupField::ALL
        .into_iter()
        .map(|f| {
            let label = tr.t(match f {
                LookupField::Code => "field-code",
                LookupField::PhoneLast4 => "field-last4",
            });
            let text = match f {
                LookupField::Code => &state.lookup.code,
                LookupField::PhoneLast4 => &state.lookup.last4,
            };
            let kind = crate::speech::FieldKind::Digits;
            FieldView { error: error_for(f), focused: f == focus, kind, ..FieldView::text(label, text) }
        })
        .collect();
    form::draw_with_summary(frame, ui, state, body, &fields, body.y + 1);
}

/// The booking lookup's answer (not found, offline, locked…) stands under
/// its fields, not at the foot of a tall screen.
pub fn notice_area(state: &State, body: Rect) -> Option<Rect> {
    if !matches!(state.screen(), crate::kiosk::Screen::Lookup { .. }) {
        return None;
    }
    let (top, first) = layout::form_window(state, body)?;
    let fields = (LookupField::ALL.len() - first) as u16;
    let y = top + fields * layout::field_pitch(state) + 1;
    (y + 2 <= body.bottom()).then_some(Rect { y, height: 2, ..body })
}

pub fn result(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    b: &Booking,
    selected: usize,
    confirming: bool,
) {
    let tr = &ui.tr;
    let lines = booking::booking_lines(state, tr, b);
    let status = tr.t(match b.status {
        BookingStatus::Active => "status-active",
        BookingStatus::Cancelled => "status-cancelled",
    });
    // The details fill the rows above the menu (layout::DETAILS_ROWS).
    let details = Rect { height: crate::kiosk::layout::DETAILS_ROWS.min(body.height), ..body };
    let mut y = body.y;
    for (text, strong) in std::iter::once((status, true)).chain(lines) {
        y = wrap::draw(frame, details, y, &text, if strong { ui.theme.heading } else { ui.theme.text });
    }
    let items: Vec<Item> = lookup::result_items(b, confirming)
        .into_iter()
        .map(|i| Item {
            label: tr.t(match i {
                ResultItem::Cancel => "lookup-cancel",
                ResultItem::ConfirmCancel => "lookup-cancel-yes",
                ResultItem::Keep => "lookup-cancel-no",
            }),
            detail: String::new(),
        })
        .collect();
    if items.is_empty() {
        frame.set_cursor_position((body.x, body.y));
        return;
    }
    let heading = if confirming { tr.t("lookup-cancel-question") } else { String::new() };
    let rest = crate::kiosk::layout::menu_area(state.screen(), body);
    menu::draw(frame, ui, rest, &heading, &items, selected);
}
