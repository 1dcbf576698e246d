//! 评价 Rate a service at the kiosk (好差评, issue 17): the citizen types the
//! number printed on their slip (or scans the ticket's phone link, whose
//! handoff code proves the ticket is theirs), says which service it was
//! where the number's queue serves several, picks one of the five national
//! levels, for the two lowest a reason and optional own words, and sends.
//! The day rated is the hall's service day today, as the hall's queues say.
//!
//! Every answer is its own sentence (`Refusal`); a thank-you after success,
//! then back to Welcome after a moment or on a key. The same refusals serve
//! 找错 ([`super::report`]).

use super::screen::{Menu, Screen};
use super::{Effect, Notice, Remote, State, form::TextField, visit};
use crate::domain::FetchError;
use crate::domain::limits::is_handoff_code;
use crate::domain::queue::number::TicketNumber;
use crate::domain::rating::{Level, Reason, TEXT_MAX};

/// How long the answer stays before the kiosk goes back by itself.
pub const ANSWER_MS: u64 = 10_000;
/// The number field: room for a scanned link (`https://…/m/{CODE}`).
const NUMBER_MAX: usize = 120;

/// The steps of a rating, each a screen of its own (Back goes one step back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateStep {
    /// The ticket's number is typed (or its phone link scanned).
    Number,
    /// Which of the queue's services it was (the queue serves several).
    Service(Menu),
    Level(Menu),
    /// Why not satisfied (the two lowest levels only).
    Reason(Menu),
    /// Optional own words, with the reason.
    Words,
    /// Sent: waiting for the answer, then the answer.
    Sent,
}

/// Why a rating or a report was not taken: each its own sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The backend could not be asked.
    Fetch(FetchError),
    /// 一次一评: this ticket has its rating.
    AlreadyRated,
    /// Not finished at its window yet (still waiting, or being served).
    NotFinished,
    /// Finished longer ago than ratings stay open.
    Closed,
    /// No ticket with this number today (or the link is not this ticket's).
    NotFound,
    TooManyTries {
        retry_after_secs: u64,
    },
    /// The server did not take what was sent (a text it refused, a service).
    Invalid,
}

/// What the message line says while rating, besides a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RatingNotice {
    /// Not a letter and three digits.
    NumberFormat,
    /// No queue of this hall gives numbers with this letter; the letters that are.
    NoSuchQueue { letters: String },
    /// A link was scanned, but it is not a ticket's phone link.
    BadLink,
    /// The phone link was read: now the number on the slip.
    LinkRead,
    /// The hall's queues (and so today's day) have not come yet.
    Waiting,
    /// Rating and reporting need the backend.
    Offline,
    /// The answer, when it is shown over a screen (a report refused).
    Refused(Refusal),
}

/// The rating's side of a session; wiped at Home and at the idle reset.
#[derive(Debug, Clone)]
pub struct RatingState {
    pub number: TextField,
    /// The handoff code of the ticket's phone link, when it was scanned.
    pub handoff: Option<String>,
    /// The number being rated, once typed well (`A023`).
    pub ticket: Option<String>,
    pub service: Option<String>,
    pub level: Option<Level>,
    pub reason: Option<Reason>,
    pub words: TextField,
    /// None while the answer is awaited.
    pub answer: Option<Result<(), Refusal>>,
    /// When the answer's screen goes back by itself (session clock).
    pub leave_at_ms: u64,
    /// Enter was pressed before the hall's queues came: go on when they do.
    pub waiting: bool,
}

impl Default for RatingState {
    fn default() -> RatingState {
        RatingState {
            number: TextField::new(NUMBER_MAX),
            handoff: None,
            ticket: None,
            service: None,
            level: None,
            reason: None,
            words: TextField::new(TEXT_MAX),
            answer: None,
            leave_at_ms: 0,
            waiting: false,
        }
    }
}

fn notice(state: &mut State, n: RatingNotice) {
    state.notice = Some(Notice::Rating(n));
}

/// "评价 Rate a service" on Welcome.
pub fn open(state: &mut State) -> Vec<Effect> {
    state.rating = RatingState::default();
    state.visit = visit::VisitState::default();
    state.screens.push(Screen::Rating(RateStep::Number));
    if state.online == Some(false) {
        notice(state, RatingNotice::Offline);
    }
    visit::load_queues(state)
}

/// The handoff code in a scanned phone link (`…/m/{CODE}` or `/M/`), if
/// the text is a link at all: `Some(None)` for a link that holds none.
pub fn code_in_link(text: &str) -> Option<Option<String>> {
    let lower = text.to_ascii_lowercase();
    if !(lower.contains("://") || lower.contains("/m/")) {
        return None;
    }
    let at = lower.rfind("/m/")?;
    let code: String = text[at + 3..].chars().take_while(char::is_ascii_alphanumeric).collect();
    Some(is_handoff_code(&code).then_some(code))
}

/// The number as the server reads it: `a 023` → `A023`, if it is one.
pub fn ticket_number(text: &str) -> Option<String> {
    let plain: String = text.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    TicketNumber::parse(&plain.to_ascii_uppercase()).map(|n| n.to_string())
}

/// Enter on the number: a scanned link is kept as the proof; a number goes
/// on to the service (where its queue serves several) or the levels.
pub fn submit_number(state: &mut State) -> Vec<Effect> {
    let typed = state.rating.number.text.trim().to_owned();
    if let Some(code) = code_in_link(&typed) {
        state.rating.number.clear();
        match code {
            Some(code) => {
                state.rating.handoff = Some(code);
                notice(state, RatingNotice::LinkRead);
            }
            None => notice(state, RatingNotice::BadLink),
        }
        return vec![];
    }
    let Some(number) = ticket_number(&typed) else {
        notice(state, RatingNotice::NumberFormat);
        return vec![];
    };
    if state.online == Some(false) {
        notice(state, RatingNotice::Offline);
        return vec![];
    }
    let queues = match &state.visit.queues {
        Some(Remote::Ready(q)) => q,
        Some(Remote::Failed(_)) => {
            notice(state, RatingNotice::Offline);
            return visit::load_queues(state);
        }
        _ => {
            notice(state, RatingNotice::Waiting);
            state.rating.waiting = true;
            return vec![];
        }
    };
    let letter = &number[..1];
    let Some(queue) = queues.queues.iter().find(|q| q.prefix == letter) else {
        let letters = queues.queues.iter().map(|q| q.prefix.as_str()).collect::<Vec<_>>().join(" ");
        notice(state, RatingNotice::NoSuchQueue { letters });
        return vec![];
    };
    let several = queue.services.len() > 1;
    state.rating.ticket = Some(number);
    state.rating.service = None;
    // A phone link names the ticket's service; so does a queue of one.
    let step = if several && state.rating.handoff.is_none() {
        RateStep::Service(Menu::default())
    } else {
        RateStep::Level(Menu::default())
    };
    state.screens.push(Screen::Rating(step));
    vec![]
}

/// The hall's queues came: a number entered while they were awaited goes on.
pub fn queues_arrived(state: &mut State) -> Vec<Effect> {
    if !std::mem::take(&mut state.rating.waiting) || state.screen() != &Screen::Rating(RateStep::Number) {
        return vec![];
    }
    if state.notice == Some(Notice::Rating(RatingNotice::Waiting)) {
        state.notice = None;
    }
    submit_number(state)
}

/// The services the number's queue serves (ids), for the service step.
pub fn services(state: &State) -> Vec<String> {
    let letter = state.rating.ticket.as_deref().map(|n| &n[..1]);
    visit::queues(state)
        .and_then(|q| q.queues.iter().find(|q| Some(q.prefix.as_str()) == letter))
        .map_or_else(Vec::new, |q| q.services.clone())
}

/// Items on the step's menu (0 where the step has none).
pub fn menu_len(state: &State, step: &RateStep) -> usize {
    match step {
        RateStep::Service(_) => services(state).len(),
        RateStep::Level(_) => Level::ALL.len(),
        RateStep::Reason(_) => Reason::ALL.len(),
        _ => 0,
    }
}

/// Item `index` of the step on screen.
pub fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(Screen::Rating(step)) = state.screens.last().cloned() else { return vec![] };
    match step {
        RateStep::Service(_) => {
            let Some(service) = services(state).into_iter().nth(index) else { return vec![] };
            state.rating.service = Some(service);
            state.screens.push(Screen::Rating(RateStep::Level(Menu::default())));
            vec![]
        }
        RateStep::Level(_) => {
            let Some(level) = Level::ALL.get(index).copied() else { return vec![] };
            state.rating.level = Some(level);
            state.rating.reason = None;
            if level.is_bad() {
                // 差评 needs a reason: there is no way on without one.
                state.screens.push(Screen::Rating(RateStep::Reason(Menu::default())));
                return vec![];
            }
            send(state)
        }
        RateStep::Reason(_) => {
            let Some(reason) = Reason::ALL.get(index).copied() else { return vec![] };
            state.rating.reason = Some(reason);
            state.screens.push(Screen::Rating(RateStep::Words));
            vec![]
        }
        _ => vec![],
    }
}

/// Sends the rating (from the levels, or the words, typed or not).
pub fn send(state: &mut State) -> Vec<Effect> {
    let (Some(number), Some(level)) = (state.rating.ticket.clone(), state.rating.level) else {
        return vec![];
    };
    let reason = state.rating.reason;
    if level.is_bad() && reason.is_none() {
        return vec![];
    }
    if state.online == Some(false) {
        notice(state, RatingNotice::Offline);
        return vec![];
    }
    let Some(day) = visit::queues(state).map(|q| q.day.clone()) else {
        notice(state, RatingNotice::Waiting);
        return vec![];
    };
    // Words go with a low rating's reason only (the server refuses them otherwise).
    let words = &state.rating.words.text;
    let text = reason.and_then(|_| crate::domain::rating::own_words(words).ok().flatten());
    let effect = Effect::Rate {
        hall: state.config.hall.clone(),
        number,
        day,
        level,
        reason,
        text,
        handoff: state.rating.handoff.clone(),
        service: state.rating.service.clone(),
    };
    state.rating.answer = None;
    state.screens.push(Screen::Rating(RateStep::Sent));
    vec![effect]
}

/// The answer to `Rate`, if the screen still waits for it.
pub fn rated(state: &mut State, result: Result<(), Refusal>) -> Vec<Effect> {
    if state.screen() != &Screen::Rating(RateStep::Sent) || state.rating.answer.is_some() {
        return vec![];
    }
    if result.is_ok() {
        // Rated: the words and the proof have done their work.
        state.rating.words.clear();
        state.rating.handoff = None;
    }
    state.rating.answer = Some(result);
    state.rating.leave_at_ms = state.now_ms + ANSWER_MS;
    vec![Effect::Redraw]
}

/// Back from the answer: to the number, to try another (or the same one
/// again, after a refusal); the typed number stays to be corrected.
pub fn back_to_number(state: &mut State) {
    let keep = state.screens.iter().position(|s| *s == Screen::Rating(RateStep::Number)).map_or(1, |i| i + 1);
    state.screens.truncate(keep);
    state.rating.answer = None;
}

/// The answer on screen has stayed its time: true when it is to go.
pub fn due(state: &State) -> bool {
    state.screen() == &Screen::Rating(RateStep::Sent)
        && state.rating.answer.is_some()
        && state.now_ms >= state.rating.leave_at_ms
}

/// The key bar's hints on the rating and report screens (each also a
/// touch target: skipping the words is a tap on "send").
pub fn hints(state: &State) -> Vec<(String, &'static str, Option<super::keymap::Action>)> {
    use super::keymap::Action;
    use super::report::ReportStep;
    let enter = |id| vec![("Enter".to_owned(), id, Some(Action::Activate))];
    match state.screen() {
        Screen::Rating(RateStep::Number) => enter("key-continue"),
        Screen::Rating(RateStep::Words) | Screen::Report(ReportStep::Words) => enter("key-send"),
        Screen::Rating(RateStep::Sent) if state.rating.answer.is_some() => enter("key-done"),
        Screen::Report(ReportStep::Sent) if state.report.answer.is_some() => enter("key-back-to-guide"),
        Screen::Rating(RateStep::Sent) | Screen::Report(ReportStep::Sent) => vec![],
        screen => {
            let len = match screen {
                Screen::Report(_) => crate::domain::rating::Wrong::ALL.len(),
                Screen::Rating(step) => menu_len(state, step),
                _ => 0,
            };
            let digits = format!("1–{}", len.clamp(1, state.page_limit()));
            vec![
                ("↑↓".to_owned(), "key-select", None),
                (digits, "key-pick", None),
                ("Enter".to_owned(), "key-open", Some(Action::Activate)),
            ]
        }
    }
}
