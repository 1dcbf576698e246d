//! Calls as the screen keeps them: each read of the queues turned into the
//! calls it brings that the last read did not hold, oldest first.

use crate::domain::queue::wire::HallQueues;

/// One call of a ticket to a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The ticket number, `A023` (sanitized: only letters and digits).
    pub number: String,
    pub window: u16,
    /// 1, then more for each call again (重呼).
    pub calls: u8,
}

/// What makes a call the same call: the day, the ticket, the window and
/// how often it has been called. A call again counts up, so it is new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallKey {
    pub day: String,
    pub number: String,
    pub window: u16,
    pub calls: u8,
}

/// A ticket number as the server should send it; anything else is left
/// out, so no text from the wire can drive the screen.
fn number(raw: &str) -> Option<String> {
    let ok = (2..=8).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then(|| raw.to_owned())
}

/// The calls `queues` holds (tickets called, not yet being served), the
/// oldest first, with their keys.
pub fn called(queues: &HallQueues) -> Vec<(CallKey, Call)> {
    let mut out: Vec<(CallKey, Call)> = queues
        .calls
        .iter()
        .take(super::HISTORY)
        .filter(|c| c.state == "called")
        .filter_map(|c| {
            let number = number(&c.number)?;
            let calls = c.calls.unwrap_or(1).max(1);
            let key = CallKey { day: queues.day.clone(), number: number.clone(), window: c.window, calls };
            Some((key, Call { number, window: c.window, calls }))
        })
        .collect();
    // The server lists the latest call first.
    out.reverse();
    out
}

/// Puts `call` at the top of `history`: the same ticket at the same window
/// appears once, at its latest call.
pub fn push(history: &mut Vec<Call>, call: Call) {
    history.retain(|c| !(c.number == call.number && c.window == call.window));
    history.insert(0, call);
    history.truncate(super::HISTORY);
}
