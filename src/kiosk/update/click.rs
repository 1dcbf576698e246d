//! Taps and clicks: buttons, the key bar, the keyboard, form fields, list items.

use super::*;

/// Touch screens send clicks: a click on an item chooses it; the wheel scrolls.
pub(super) fn click(state: &mut State, mouse: MouseEvent) -> Vec<Effect> {
    match mouse.kind {
        MouseEventKind::ScrollUp => act(state, Action::Up),
        MouseEventKind::ScrollDown => act(state, Action::Down),
        MouseEventKind::Down(MouseButton::Left) if let Some(button) = on_button(state, mouse) => {
            act(state, button)
        }
        MouseEventKind::Down(MouseButton::Left)
            if let Some(hint) = keybar::at(state, mouse.column, mouse.row) =>
        {
            act(state, hint)
        }
        MouseEventKind::Down(MouseButton::Left)
            if let Some(tab) = staff::pages::tab_at(state, mouse.column, mouse.row) =>
        {
            staff::pages::show(state, tab)
        }
        MouseEventKind::Down(MouseButton::Left)
            if let Some(outcomes) = typing::tap(state, mouse.column, mouse.row) =>
        {
            carry_out(state, outcomes)
        }
        MouseEventKind::Down(MouseButton::Left)
            if layout::form_top(state.screen(), layout::bands(state).body).is_some() =>
        {
            focus_field_at(state, mouse.row);
            vec![]
        }
        MouseEventKind::Down(MouseButton::Left) => match menu_of(state) {
            (len, Some(menu)) => MenuLayout::new(
                layout::menu_area(state.screen(), layout::bands(state).body),
                len,
                state.page_limit(),
            )
            .item_at(mouse.row, len, menu.selected)
            .map_or_else(Vec::new, |i| choose(state, i)),
            _ => vec![],
        },
        _ => vec![],
    }
}

/// The Back or Home button under a click, if any (there are none on Welcome).
pub(super) fn on_button(state: &State, mouse: MouseEvent) -> Option<Action> {
    if state.screens.len() <= 1 {
        return None;
    }
    let (back, home) = layout::buttons(state.size);
    let at = (mouse.column, mouse.row).into();
    if back.contains(at) {
        Some(Action::Back)
    } else if home.contains(at) {
        Some(Action::Home)
    } else {
        None
    }
}

/// A tap on a form field's label or value focuses it.
pub(super) fn focus_field_at(state: &mut State, row: u16) {
    let Some((top, first)) = layout::form_window(state, layout::bands(state).body) else { return };
    let pitch = layout::field_pitch(state);
    // The label or the value row (not the blank row between fields).
    let Some(index) = row
        .checked_sub(top)
        .filter(|r| r % pitch < layout::field_rows(state))
        .map(|r| first + (r / pitch) as usize)
    else {
        return;
    };
    // Only the fields this service's form shows (the company's where asked).
    let fields = booking::fields(state);
    match state.screens.last_mut() {
        Some(Screen::BookDetails { focus, .. }) => {
            if let Some(f) = fields.get(index) {
                *focus = *f;
            }
        }
        Some(Screen::Lookup { focus, .. }) => {
            if let Some(f) = lookup::LookupField::ALL.get(index) {
                *focus = *f;
            }
        }
        _ => {}
    }
}
