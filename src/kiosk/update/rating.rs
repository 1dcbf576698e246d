//! What keys, taps and time do on the rating and report screens (评价,
//! 找错); the steps themselves are `kiosk::rating` and `kiosk::report`.

use super::*;
use crate::kiosk::rating::{self, RateStep};
use crate::kiosk::report::{self, ReportStep};

/// An action these screens take before the common handling; None: not theirs.
pub(super) fn act(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    match (state.screen(), action) {
        // R on a guide: report a mistake in it.
        (Screen::Guide { .. }, Action::Retry) => Some(report::open(state)),
        (Screen::Rating(RateStep::Sent), Action::Activate | Action::Home) if answered(state) => {
            Some(home(state))
        }
        (Screen::Rating(RateStep::Sent), Action::Back) if answered(state) => {
            if state.rating.answer == Some(Ok(())) {
                Some(home(state))
            } else {
                rating::back_to_number(state);
                Some(vec![])
            }
        }
        (Screen::Report(ReportStep::Sent), Action::Activate) if state.report.answer.is_some() => {
            report::leave(state);
            Some(vec![])
        }
        (Screen::Report(ReportStep::Sent), Action::Back) if state.report.answer.is_some() => {
            if state.report.answer == Some(Ok(())) {
                report::leave(state);
            } else {
                report::back_to_words(state);
            }
            Some(vec![])
        }
        // Waiting for the answer: nothing to do but wait (Home still leaves).
        (Screen::Rating(RateStep::Sent) | Screen::Report(ReportStep::Sent), a)
            if !matches!(a, Action::Home | Action::Quit | Action::SwitchLanguage) =>
        {
            Some(vec![])
        }
        // Leaving the report, what was typed goes with it.
        (Screen::Report(ReportStep::What(_)), Action::Back) => {
            report::leave(state);
            Some(vec![])
        }
        _ => None,
    }
}

fn answered(state: &State) -> bool {
    state.rating.answer.is_some()
}

/// Back to Welcome, nothing of the citizen's kept.
fn home(state: &mut State) -> Vec<Effect> {
    state.screens.truncate(1);
    forget_citizen(state)
}

/// Enter in the number or the words.
pub(super) fn form_action(state: &mut State, action: Action) -> Vec<Effect> {
    match (state.screen(), action) {
        (Screen::Rating(RateStep::Number), Action::Activate) => rating::submit_number(state),
        (Screen::Rating(RateStep::Words), Action::Activate) => rating::send(state),
        (Screen::Report(ReportStep::Words), Action::Activate) => report::send(state),
        _ => vec![],
    }
}

/// The field being typed in, on these screens.
pub(super) fn field_mut(state: &mut State) -> Option<&mut TextField> {
    match state.screen() {
        Screen::Rating(RateStep::Number) => Some(&mut state.rating.number),
        Screen::Rating(RateStep::Words) => Some(&mut state.rating.words),
        Screen::Report(ReportStep::Words) => Some(&mut state.report.words),
        _ => None,
    }
}

pub(super) fn menu_len(state: &State) -> usize {
    match state.screen() {
        Screen::Rating(step) => rating::menu_len(state, step),
        Screen::Report(ReportStep::What(_)) => crate::domain::rating::Wrong::ALL.len(),
        _ => 0,
    }
}

pub(super) fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    match state.screen() {
        Screen::Rating(_) => rating::choose(state, index),
        Screen::Report(_) => report::choose(state, index),
        _ => vec![],
    }
}

/// An answer that has stayed its time goes: the rating's to Welcome, the
/// report's back to its guide.
pub(super) fn tick(state: &mut State) -> Vec<Effect> {
    if rating::due(state) {
        let mut effects = home(state);
        effects.push(Effect::Redraw);
        return effects;
    }
    if report::due(state) {
        report::leave(state);
        return vec![Effect::Redraw];
    }
    vec![]
}
