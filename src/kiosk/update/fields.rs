//! Typing in forms: Enter, Up and Down between fields, text into the focused one.

use super::*;

/// Enter, Up and Down on a form.
pub(super) fn form_action(state: &mut State, action: Action) -> Vec<Effect> {
    let (fields, asks_company) = (booking::fields(state), booking::asks_company(state));
    let check_in = checkin::checking_in(state);
    match state.screens.last_mut() {
        Some(Screen::BookDetails { focus, back_to_check, .. }) => {
            let i = fields.iter().position(|f| f == focus).unwrap_or(0);
            match action {
                Action::Up => *focus = fields[i.saturating_sub(1)],
                Action::Down => *focus = fields[(i + 1).min(fields.len() - 1)],
                // Enter on a good field goes to the next one; after "change"
                // on the check page it goes straight back there.
                Action::Activate
                    if !*back_to_check
                        && i + 1 < fields.len()
                        && state.draft.as_ref().is_some_and(|d| {
                            d.details.problems(asks_company).iter().all(|(f, _)| f != focus)
                        }) =>
                {
                    *focus = fields[i + 1]
                }
                Action::Activate => return booking::submit_details(state),
                _ => {}
            }
            vec![]
        }
        Some(Screen::Search { .. }) => {
            let (len, by) = (menu_of(state).0, page(state).unsigned_abs());
            let Some(Screen::Search { menu, browsing, .. }) = state.screens.last_mut() else { return vec![] };
            match action {
                // ↑ from the first result goes back to the query.
                Action::Up if menu.selected == 0 => *browsing = false,
                Action::Up => menu.selected -= 1,
                Action::Down if !*browsing && len > 0 => *browsing = true,
                Action::Down => menu.selected = (menu.selected + 1).min(len.saturating_sub(1)),
                // A page of results; the focus goes to them.
                Action::PageUp | Action::PageDown if len > 0 => {
                    *browsing = true;
                    menu.selected = if action == Action::PageDown {
                        (menu.selected + by).min(len - 1)
                    } else {
                        menu.selected.saturating_sub(by)
                    };
                }
                Action::Activate => {
                    let index = menu.selected;
                    return choose_found(state, index);
                }
                _ => {}
            }
            vec![]
        }
        Some(Screen::Policies { .. }) => policies::form_action(state, action),
        Some(Screen::StaffPin { .. }) => match action {
            Action::Activate => staff::submit(state),
            _ => vec![],
        },
        Some(Screen::Rating(_) | Screen::Report(_)) => super::rating::form_action(state, action),
        Some(Screen::Lookup { focus, .. }) => {
            match action {
                Action::Up => *focus = lookup::LookupField::Code,
                Action::Down => *focus = lookup::LookupField::PhoneLast4,
                Action::Activate if *focus == lookup::LookupField::Code => {
                    *focus = lookup::LookupField::PhoneLast4;
                }
                Action::Activate if check_in => return checkin::submit(state),
                Action::Activate => return lookup::submit(state),
                _ => {}
            }
            vec![]
        }
        _ => vec![],
    }
}

/// Typed or pasted text goes to the focused field.
pub(super) fn type_text(state: &mut State, text: &str) {
    edit_focused(state, |f| f.insert(text));
}

/// Search: from the results back to the query, the caret at its end; false
/// when the focus was already there (or this is not the search screen).
pub(super) fn back_to_query(state: &mut State) -> bool {
    let Some(
        Screen::Search { browsing: browsing @ true, .. } | Screen::Policies { browsing: browsing @ true, .. },
    ) = state.screens.last_mut()
    else {
        return false;
    };
    *browsing = false;
    let policies = matches!(state.screen(), Screen::Policies { .. });
    if policies { &mut state.policies.query } else { &mut state.search }.jump(true);
    true
}

/// Edits the focused field; the search screen searches again.
pub(super) fn edit_focused(state: &mut State, edit: impl FnOnce(&mut TextField)) {
    edit_field(state, true, edit);
    if matches!(state.screen(), Screen::Search { .. }) {
        search::refresh(state);
    }
    if matches!(state.screen(), Screen::Policies { .. }) {
        policies::refresh(state);
    }
}

/// Applies `edit` to the focused text field; `changes_text` is false for a
/// move of the caret, which leaves the answers (and the request they make) as
/// they were.
pub(super) fn edit_field(state: &mut State, changes_text: bool, edit: impl FnOnce(&mut TextField)) {
    let asks_company = booking::asks_company(state);
    match state.screens.last_mut() {
        Some(Screen::BookDetails { focus, errors, .. }) => {
            let focus = *focus;
            if let Some(d) = state.draft.as_mut()
                && let Some(field) = d.details.field_mut(focus)
            {
                edit(field);
                d.revision += u32::from(changes_text);
                // An error goes as soon as its field is right (the summary
                // counts what is shown); the check runs only for a field in error.
                if errors.iter().any(|(f, _)| *f == focus) {
                    let wrong = d.details.problems(asks_company);
                    errors.retain(|(f, _)| *f != focus || wrong.iter().any(|(w, _)| w == f));
                }
            }
        }
        Some(Screen::Lookup { focus, errors, .. }) => {
            let focus = *focus;
            edit(state.lookup.field_mut(focus));
            if errors.iter().any(|(f, _)| *f == focus) {
                let wrong = state.lookup.problems();
                errors.retain(|(f, _)| *f != focus || wrong.iter().any(|(w, _)| w == f));
            }
        }
        Some(Screen::StaffPin { .. }) => edit(&mut state.staff.pin),
        Some(Screen::Search { .. }) => edit(&mut state.search),
        Some(Screen::Policies { .. }) => edit(&mut state.policies.query),
        _ => {
            if let Some(field) = super::rating::field_mut(state) {
                edit(field);
            }
        }
    }
}

/// On the document type, ←→ change it; false elsewhere.
pub(super) fn cycle_id_kind(state: &mut State, forward: bool) -> bool {
    let Some(Screen::BookDetails { focus: booking::Field::IdKind, errors, .. }) = state.screens.last_mut()
    else {
        return false;
    };
    if let Some(d) = state.draft.as_mut() {
        let kinds = IdKind::ALL;
        let i = kinds.iter().position(|k| *k == d.details.id_kind).unwrap_or(0);
        let n = kinds.len();
        d.details.id_kind = kinds[if forward { (i + 1) % n } else { (i + n - 1) % n }];
        d.revision += 1;
        // What was wrong with the number was judged for the other kind.
        errors.retain(|(field, _)| *field != booking::Field::IdNumber);
    }
    true
}
