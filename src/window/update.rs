//! `update`: a message in, the state changed, effects out.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::{ActFailure, Command, Effect, Msg, News, Notice, Picker, REFRESH_MS, State, buttons};
use crate::domain::Lang;
use crate::domain::queue::wire::ActionName;
use crate::domain::queue::{QueuePrefix, TicketNumber};

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => match command_for(state, key) {
            Some(c) => {
                select_digit(state, key);
                command(state, c)
            }
            None => vec![],
        },
        Msg::Mouse(m) if matches!(m.kind, MouseEventKind::Down(MouseButton::Left)) => {
            match buttons(state).into_iter().find(|b| b.hit(m.column, m.row)) {
                Some(b) => command(state, b.command),
                None => vec![],
            }
        }
        Msg::Mouse(_) => vec![],
        Msg::Resize(size) => {
            state.size = size;
            vec![Effect::Redraw]
        }
        Msg::Repaint => vec![Effect::Redraw],
        Msg::Tick(now) => tick(state, now),
        Msg::HallsLoaded(Ok(halls)) => {
            match halls.iter().find(|h| h.id == state.config.hall) {
                Some(h) => state.hall_name = Some(h.name.clone()),
                None => state.no_such_hall = Some(halls.iter().map(|h| h.id.clone()).collect()),
            }
            vec![Effect::Redraw]
        }
        // The title keeps the hall's id; the queues' state says the rest.
        Msg::HallsLoaded(Err(_)) => vec![],
        Msg::TokenChecked(Ok(())) => vec![],
        Msg::TokenChecked(Err(e)) => match e {
            ActFailure::Unregistered | ActFailure::WrongToken | ActFailure::NoSuchWindow => {
                state.token_refused = Some(e);
                state.picker = None;
                vec![Effect::Redraw]
            }
            // Not an answer about the token: the stream's state says the rest.
            _ => vec![],
        },
        Msg::QueuesLoaded(result) => {
            state.loading = false;
            match result {
                Ok(q) => {
                    state.queues = Some(q);
                    state.loaded_ms = state.now_ms;
                    state.stale = false;
                    clamp_picker(state);
                }
                Err(_) => state.stale = true,
            }
            let mut effects = vec![Effect::Redraw];
            if std::mem::take(&mut state.reload) {
                effects.extend(load(state));
            } else if let Some(c) = state.deferred.take() {
                effects.extend(command(state, c));
            }
            effects
        }
        Msg::Acted(result) => {
            state.acting = false;
            let refused = matches!(result, Err(ActFailure::Unregistered | ActFailure::WrongToken));
            if let Err(e) = &result
                && refused
            {
                state.token_refused = Some(e.clone());
            }
            state.notice = Some(match result {
                Ok(done) => Notice::Done(done),
                Err(e) => Notice::Failed(e),
            });
            // The stream will say so too; reading now shows it at once.
            let mut effects = load(state);
            effects.push(Effect::Redraw);
            effects
        }
        // Opened, it is read again whole: news may have come while away.
        Msg::StreamOpened => heard(state, News::Opened),
        Msg::StreamEvent(_) => heard(state, News::Event),
        Msg::StreamClosed => heard(state, News::Closed),
    }
}

/// The stream's news: the link's new state, and the queues read again when it says so.
fn heard(state: &mut State, news: News) -> Vec<Effect> {
    let heard = state.link.hear(news, state.now_ms);
    let mut effects = if heard.read { load(state) } else { vec![] };
    if heard.redraw {
        effects.push(Effect::Redraw);
    }
    effects
}

/// Reads the queues, or asks for another read once the one on its way is back.
fn load(state: &mut State) -> Vec<Effect> {
    if state.loading {
        state.reload = true;
        return vec![];
    }
    state.loading = true;
    state.asked_ms = state.now_ms;
    vec![Effect::LoadQueues]
}

fn tick(state: &mut State, now: u64) -> Vec<Effect> {
    let before = (state.missed(), state.in_hand_minutes());
    state.now_ms = now;
    let mut effects = vec![];
    if state.link.due(now) {
        state.link = state.link.retrying();
        effects.push(Effect::Subscribe);
        effects.push(Effect::Redraw);
    }
    if now.saturating_sub(state.asked_ms) >= REFRESH_MS && !state.loading {
        effects.extend(load(state));
    }
    // The minutes shown (left to put a ticket back, since the ticket in
    // hand was called): redraw only when they change.
    let minutes =
        |m: &[(String, u32)]| m.iter().map(|(n, s)| (n.clone(), s.div_ceil(60))).collect::<Vec<_>>();
    if minutes(&before.0) != minutes(&state.missed()) || before.1 != state.in_hand_minutes() {
        effects.push(Effect::Redraw);
    }
    effects
}

fn command_for(state: &State, key: KeyEvent) -> Option<Command> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Command::Quit);
    }
    if state.picker.is_some() {
        return match key.code {
            KeyCode::Up => Some(Command::Up),
            KeyCode::Down => Some(Command::Down),
            KeyCode::Enter => Some(Command::Choose),
            KeyCode::Esc => Some(Command::Cancel),
            KeyCode::Char(c @ '1'..='9') => Some(Command::Choose).filter(|_| pick_digit(state, c)),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::F(2) => Command::Language,
        KeyCode::Char(c) => match c.to_ascii_lowercase() {
            'n' => Command::CallNext,
            'r' => Command::Recall,
            's' => Command::Start,
            'f' => Command::Finish,
            'x' => Command::NoShow,
            'b' => Command::PutBack,
            't' => Command::Transfer,
            'p' => Command::PauseOrOpen,
            'q' => Command::Quit,
            _ => return None,
        },
        KeyCode::Enter => Command::CallNext,
        _ => return None,
    })
}

/// Whether digit `c` names an entry of the list shown (so it can be chosen).
fn pick_digit(state: &State, c: char) -> bool {
    let index = (c as usize) - ('1' as usize);
    index < picker_len(state)
}

fn picker_len(state: &State) -> usize {
    match state.picker {
        Some(Picker::Missed { .. }) => state.missed().len(),
        Some(Picker::Queue { .. }) => state.transfer_targets().len(),
        None => 0,
    }
}

fn command(state: &mut State, c: Command) -> Vec<Effect> {
    if c == Command::Quit {
        return vec![Effect::End];
    }
    if c == Command::Language {
        let i = Lang::ALL.iter().position(|l| *l == state.lang).unwrap_or(0);
        state.lang = Lang::ALL[(i + 1) % Lang::ALL.len()];
        return vec![Effect::Redraw];
    }
    if state.token_refused.is_some() {
        return vec![];
    }
    if let Some(picker) = state.picker {
        return pick(state, picker, c);
    }
    if matches!(c, Command::PutBack | Command::Transfer) && (state.acting || state.loading) {
        state.deferred = Some(c);
        return vec![];
    }
    let act = |action: ActionName| Effect::Act { action, number: None, to: None };
    let effect = match c {
        Command::CallNext => act(ActionName::CallNext),
        Command::Recall => act(ActionName::Recall),
        Command::Start => act(ActionName::Start),
        Command::Finish => act(ActionName::Finish),
        Command::NoShow => act(ActionName::NoShow),
        Command::PauseOrOpen if state.window().is_some_and(|w| w.open) => act(ActionName::Pause),
        Command::PauseOrOpen => act(ActionName::Open),
        Command::PutBack => {
            let (picker, none) = (Picker::Missed { selected: 0 }, state.missed().is_empty());
            return open_picker(state, picker, none.then_some(Notice::NoneMissed));
        }
        Command::Transfer => {
            let none = state.window().is_none_or(|w| w.ticket.is_none());
            return open_picker(state, Picker::Queue { selected: 0 }, none.then_some(Notice::NothingInHand));
        }
        _ => return vec![],
    };
    send(state, effect)
}

fn open_picker(state: &mut State, picker: Picker, refusal: Option<Notice>) -> Vec<Effect> {
    match refusal {
        Some(notice) => state.notice = Some(notice),
        None => state.picker = Some(picker),
    }
    vec![Effect::Redraw]
}

/// One action at a time: a second press while one is on its way is dropped.
fn send(state: &mut State, effect: Effect) -> Vec<Effect> {
    if state.acting {
        return vec![];
    }
    state.acting = true;
    state.notice = None;
    vec![effect, Effect::Redraw]
}

fn pick(state: &mut State, picker: Picker, c: Command) -> Vec<Effect> {
    let len = picker_len(state);
    let selected = match picker {
        Picker::Missed { selected } | Picker::Queue { selected } => selected,
    };
    let moved = |selected: usize| match picker {
        Picker::Missed { .. } => Picker::Missed { selected },
        Picker::Queue { .. } => Picker::Queue { selected },
    };
    match c {
        Command::Up => state.picker = Some(moved(selected.saturating_sub(1))),
        Command::Down => state.picker = Some(moved((selected + 1).min(len.saturating_sub(1)))),
        Command::Cancel => state.picker = None,
        Command::Choose => {
            state.picker = None;
            let effect = match picker {
                Picker::Missed { .. } => {
                    let number = state.missed().get(selected).and_then(|(n, _)| TicketNumber::parse(n));
                    number.map(|n| Effect::Act { action: ActionName::PutBack, number: Some(n), to: None })
                }
                Picker::Queue { .. } => {
                    let to = state.transfer_targets().get(selected).and_then(|q| QueuePrefix::parse(q));
                    to.map(|q| Effect::Act { action: ActionName::Transfer, number: None, to: Some(q) })
                }
            };
            return match effect {
                Some(e) => send(state, e),
                None => vec![Effect::Redraw],
            };
        }
        _ => return vec![],
    }
    vec![Effect::Redraw]
}

/// The list's entry a digit names becomes the one chosen before `Choose`.
fn select_digit(state: &mut State, key: KeyEvent) {
    if let (Some(p), KeyCode::Char(c @ '1'..='9')) = (state.picker, key.code) {
        let selected = (c as usize) - ('1' as usize);
        state.picker = Some(match p {
            Picker::Missed { .. } => Picker::Missed { selected },
            Picker::Queue { .. } => Picker::Queue { selected },
        });
    }
}

/// After a read, a list's choice stays inside the list.
fn clamp_picker(state: &mut State) {
    let len = picker_len(state);
    match (state.picker, len) {
        (Some(_), 0) => state.picker = None,
        (Some(Picker::Missed { selected }), n) => {
            state.picker = Some(Picker::Missed { selected: selected.min(n - 1) })
        }
        (Some(Picker::Queue { selected }), n) => {
            state.picker = Some(Picker::Queue { selected: selected.min(n - 1) })
        }
        (None, _) => {}
    }
}
