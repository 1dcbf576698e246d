//! 报告错误 Report a mistake (找错, issue 17), from any guide: what is wrong
//! (materials, fees, time limits, place and hours, other), optional own
//! words, send; a thank-you, then back to the guide. Nothing personal is
//! asked, and what was typed goes once it is sent or left.

use super::rating::{ANSWER_MS, RatingNotice, Refusal};
use super::screen::{Menu, Screen};
use super::{Effect, Notice, State, form::TextField};
use crate::domain::rating::{TEXT_MAX, Wrong};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStep {
    /// What is wrong in the guide.
    What(Menu),
    /// Optional own words.
    Words,
    /// Sent: waiting for the answer, then the answer.
    Sent,
}

/// The report being made; wiped when it is left, at Home and at the reset.
#[derive(Debug, Clone)]
pub struct ReportState {
    /// The guide's service id.
    pub service: String,
    pub what: Option<Wrong>,
    pub words: TextField,
    /// None while the answer is awaited.
    pub answer: Option<Result<(), Refusal>>,
    pub leave_at_ms: u64,
}

impl Default for ReportState {
    fn default() -> ReportState {
        ReportState {
            service: String::new(),
            what: None,
            words: TextField::new(TEXT_MAX),
            answer: None,
            leave_at_ms: 0,
        }
    }
}

/// "报告错误" on a guide (its key, or its hint tapped).
pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(Screen::Guide { service, .. }) = state.screens.last() else { return vec![] };
    state.report = ReportState { service: service.clone(), ..ReportState::default() };
    state.screens.push(Screen::Report(ReportStep::What(Menu::default())));
    if state.online == Some(false) {
        state.notice = Some(Notice::Rating(RatingNotice::Offline));
    }
    vec![]
}

pub fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(what) = Wrong::ALL.get(index).copied() else { return vec![] };
    state.report.what = Some(what);
    state.screens.push(Screen::Report(ReportStep::Words));
    vec![]
}

/// Enter on the words (typed or not): sends the report.
pub fn send(state: &mut State) -> Vec<Effect> {
    let Some(what) = state.report.what else { return vec![] };
    if state.online == Some(false) {
        state.notice = Some(Notice::Rating(RatingNotice::Offline));
        return vec![];
    }
    let text = crate::domain::rating::own_words(&state.report.words.text).ok().flatten();
    state.report.answer = None;
    state.screens.push(Screen::Report(ReportStep::Sent));
    vec![Effect::Report { service: state.report.service.clone(), what, text }]
}

/// The answer to `Report`, if the screen still waits for it.
pub fn reported(state: &mut State, result: Result<(), Refusal>) -> Vec<Effect> {
    if state.screen() != &Screen::Report(ReportStep::Sent) || state.report.answer.is_some() {
        return vec![];
    }
    if result.is_ok() {
        state.report.words.clear();
    }
    state.report.answer = Some(result);
    state.report.leave_at_ms = state.now_ms + ANSWER_MS;
    vec![Effect::Redraw]
}

/// Back to the guide the report was made from; what was typed goes.
pub fn leave(state: &mut State) {
    let guide = state.screens.iter().rposition(|s| matches!(s, Screen::Guide { .. }));
    state.screens.truncate(guide.map_or(1, |i| i + 1));
    state.report = ReportState::default();
}

/// Back from the answer after a refusal: to the words, to send again.
pub fn back_to_words(state: &mut State) {
    state.screens.pop();
    state.report.answer = None;
}

/// The answer on screen has stayed its time.
pub fn due(state: &State) -> bool {
    state.screen() == &Screen::Report(ReportStep::Sent)
        && state.report.answer.is_some()
        && state.now_ms >= state.report.leave_at_ms
}
