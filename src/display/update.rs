//! `update`: a message in, the state changed, effects out.

use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};

use super::calls::{called, push};
use super::{Effect, HIGHLIGHT_MS, Msg, News, REFRESH_MS, State, utterances};
use crate::domain::Lang;
use crate::domain::queue::wire::HallQueues;

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => {
            let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
            match key.code {
                _ if ctrl_c => vec![Effect::End],
                KeyCode::Char('q' | 'Q') => vec![Effect::End],
                KeyCode::F(2) => {
                    let i = Lang::ALL.iter().position(|l| *l == state.lang).unwrap_or(0);
                    state.lang = Lang::ALL[(i + 1) % Lang::ALL.len()];
                    vec![Effect::Redraw]
                }
                _ => vec![],
            }
        }
        Msg::Key(_) => vec![],
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
        Msg::HallsLoaded(Err(_)) => vec![],
        Msg::QueuesLoaded(result) => {
            state.loading = false;
            let mut effects = match result {
                Ok(q) => read(state, &q),
                Err(_) => {
                    state.stale = true;
                    vec![]
                }
            };
            effects.push(Effect::Redraw);
            if std::mem::take(&mut state.reload) {
                effects.extend(load(state));
            }
            effects
        }
        // Opened, it is read again whole: news may have come while away.
        Msg::StreamOpened => heard(state, News::Opened),
        Msg::StreamEvent(_) => heard(state, News::Event),
        Msg::StreamClosed => heard(state, News::Closed),
        Msg::SpeechOff(e) => {
            // Said once: a second report changes nothing on screen.
            if state.speech_off.is_some() {
                return vec![];
            }
            state.speech_off = Some(e);
            vec![Effect::Redraw]
        }
    }
}

/// Takes a read of the queues: the waiting counts, and each call it holds
/// that the last read did not, shown (and spoken) in the order made.
fn read(state: &mut State, q: &HallQueues) -> Vec<Effect> {
    state.stale = false;
    // Numbering restarts every morning: yesterday's calls are not today's.
    if state.day.as_ref().is_some_and(|d| *d != q.day) {
        state.history.clear();
        state.highlight_until = None;
    }
    state.day = Some(q.day.clone());
    state.waiting = q.queues.iter().map(|v| (v.prefix.clone(), v.waiting)).collect();
    let calls = called(q);
    let mut effects = vec![];
    let mut fresh = false;
    for (key, call) in &calls {
        if state.seen.contains(key) {
            continue;
        }
        if state.seeded {
            fresh = true;
            if state.config.speak && state.speech_off.is_none() {
                effects.push(Effect::Speak(utterances(call)));
            }
        }
        push(&mut state.history, call.clone());
    }
    state.seen = calls.into_iter().map(|(key, _)| key).collect();
    state.seeded = true;
    if fresh {
        state.highlight_until = Some(state.now_ms + HIGHLIGHT_MS);
    }
    effects
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
    let was = state.highlighted();
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
    if was && !state.highlighted() {
        state.highlight_until = None;
        effects.push(Effect::Redraw);
    }
    effects
}
