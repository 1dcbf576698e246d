//! The console's sentences, from `locales/*/window.ftl`: the ticket in
//! hand, the lines of numbers, what the server said, and how to fix a
//! refused token. Numbers and queue letters only: no names.

use crate::domain::FetchError;
use crate::domain::queue::wire::{ActionDone, InHandView, WindowView};
use crate::i18n::{Tr, n, s};
use crate::window::{ActFailure, Link, Notice, State, WindowConfig};

/// Row 1: whether the console hears the hall, or is trying to.
pub fn link(state: &State, tr: &Tr) -> String {
    match state.link {
        Link::Live if state.stale => tr.t("window-link-stale"),
        Link::Live => tr.t("window-link-live"),
        Link::Connecting { attempt: 0 } => tr.t("window-link-connecting"),
        Link::Connecting { .. } | Link::Lost { .. } => tr.t("window-link-lost"),
    }
}

/// "已叫 2 次，等候到窗 · 自 09:38 起（2 分钟）": what the ticket in hand is
/// doing, since when (the hall's local time) and for how long.
pub fn in_hand_state(state: &State, tr: &Tr, t: &InHandView) -> String {
    let doing = match t.calls {
        Some(calls) if t.state == "called" => tr.a("window-called-times", &[("calls", n(calls))]),
        _ => tr.t("window-serving"),
    };
    let since = local_time(state, &t.since).unwrap_or_default();
    let minutes = state.in_hand_minutes().unwrap_or(0);
    let since = tr.a("window-in-hand-since", &[("since", s(&since)), ("minutes", n(minutes))]);
    format!("{doing} · {since}")
}

/// Its lane (booked, priority with its group, ordinary) and its queue.
pub fn in_hand_detail(state: &State, tr: &Tr, t: &InHandView) -> String {
    let lane = match t.lane.as_str() {
        "booked" => tr.t("window-lane-booked"),
        "priority" => {
            let group = t.priority_group.as_deref().unwrap_or_default();
            let name = state
                .queues
                .as_ref()
                .and_then(|q| q.priority_groups.iter().find(|g| g.id == group))
                .map_or(group.to_owned(), |g| g.name.get(state.lang).to_owned());
            tr.a("window-lane-priority", &[("group", s(&name))])
        }
        _ => tr.t("window-lane-ordinary"),
    };
    tr.a("window-in-hand-detail", &[("lane", s(&lane)), ("queue", s(&t.queue))])
}

/// `HH:MM` at the hall, from an instant the server sent.
fn local_time(state: &State, instant: &str) -> Option<String> {
    let at: jiff::Timestamp = instant.parse().ok()?;
    let zone = state.queues.as_ref().and_then(|q| jiff::tz::TimeZone::get(&q.time_zone).ok())?;
    Some(at.to_zoned(zone).strftime("%H:%M").to_string())
}

/// "等候（按叫号顺序）A：5  B：2": counts per queue this window calls.
pub fn waiting_heading(state: &State, tr: &Tr, w: &WindowView) -> String {
    let counts: Vec<String> = state
        .queues
        .iter()
        .flat_map(|q| &q.queues)
        .filter(|q| w.queues.contains(&q.prefix))
        .map(|q| tr.a("window-queue-count", &[("queue", s(&q.prefix)), ("count", n(q.waiting))]))
        .collect();
    tr.a("window-waiting-heading", &[("counts", s(&counts.join("  ")))])
}

/// Entries packed into at most `rows` lines of `width` columns, the last
/// ending "…and N more" when they do not all fit; "none" when empty.
pub fn number_lines(tr: &Tr, entries: &[String], width: usize, rows: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    if entries.is_empty() {
        return vec![tr.t("window-none")];
    }
    let mut lines: Vec<String> = vec![String::new()];
    for (i, entry) in entries.iter().enumerate() {
        let last = lines.len() == rows;
        let line = lines.last_mut().expect("one line at least");
        let left = entries.len() - i;
        // On the last row, keep room for the tail unless this entry is the last.
        let tail =
            if last && left > 1 { tr.a("window-more", &[("count", n(left as u32))]).width() + 1 } else { 0 };
        let need = line.width() + usize::from(!line.is_empty()) + entry.width() + tail;
        if need <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(entry);
        } else if !last {
            lines.push(entry.clone());
        } else {
            let more = tr.a("window-more", &[("count", n(left as u32))]);
            line.push(' ');
            line.push_str(&more);
            break;
        }
    }
    lines
}

/// "A005（还剩 12 分钟）".
pub fn missed_entry(tr: &Tr, number: &str, seconds_left: u32) -> String {
    tr.a("window-missed-entry", &[("number", s(number)), ("minutes", n(seconds_left.div_ceil(60)))])
}

/// "B 出入境（等候 2）".
pub fn queue_entry(state: &State, tr: &Tr, prefix: &str) -> String {
    let q = state.queues.as_ref().and_then(|q| q.queues.iter().find(|q| q.prefix == prefix));
    let name = q.map_or("", |q| q.name.get(state.lang));
    let waiting = q.map_or(0, |q| q.waiting);
    tr.a("window-queue-entry", &[("queue", s(prefix)), ("name", s(name)), ("count", n(waiting))])
}

/// "今日本窗口已办 12 件，平均用时 6 分 30 秒".
pub fn today(tr: &Tr, served: u32, mean: Option<u32>) -> String {
    match mean {
        Some(secs) => tr
            .a("window-today", &[("count", n(served)), ("minutes", n(secs / 60)), ("seconds", n(secs % 60))]),
        None => tr.a("window-today-none", &[("count", n(served))]),
    }
}

/// The hall has no such window, gives numbers at the desk, or is not read yet.
pub fn no_window(state: &State, tr: &Tr) -> String {
    if let Some(halls) = &state.no_such_hall {
        return tr
            .a("window-no-such-hall", &[("hall", s(&state.config.hall)), ("halls", s(&halls.join(", ")))]);
    }
    match &state.queues {
        None if state.stale => tr.t("window-no-queues"),
        None => tr.t("window-loading"),
        Some(q) if !q.numbers_here => tr.t("window-numbers-at-desk"),
        Some(_) => {
            tr.a("window-unknown", &[("window", n(state.config.window)), ("hall", s(&state.config.hall))])
        }
    }
}

/// What the last action did, or why it did nothing; true for a refusal.
pub fn notice(state: &State, tr: &Tr) -> Option<(String, bool)> {
    Some(match state.notice.as_ref()? {
        Notice::Done(done) => (done_sentence(tr, done), false),
        Notice::Failed(f) => (failure(tr, f), true),
        Notice::NoneMissed => (tr.t("window-refused-none-missed"), true),
        Notice::NothingInHand => (tr.t("window-refused-nothing_in_hand"), true),
    })
}

fn done_sentence(tr: &Tr, d: &ActionDone) -> String {
    let number = d.number.as_deref().unwrap_or_default();
    let args = [
        ("number", s(number)),
        ("calls", n(d.calls.unwrap_or(1))),
        ("to", s(d.to.as_deref().unwrap_or_default())),
    ];
    let id = match d.kind.as_str() {
        "called" if d.calls.unwrap_or(1) > 1 => "window-done-recalled",
        "called" => "window-done-called",
        "opened" => "window-done-opened",
        "paused" => "window-done-paused",
        "started" => "window-done-started",
        "missed" => "window-done-missed",
        "put_back" => "window-done-put_back",
        "finished" => "window-done-finished",
        "transferred" => "window-done-transferred",
        _ => "window-done-other",
    };
    tr.a(id, &args)
}

/// A refusal as a sentence; a code the console does not know gets the
/// general one, never the code.
pub fn failure(tr: &Tr, f: &ActFailure) -> String {
    const KNOWN: [&str; 12] = [
        "numbers_at_desk",
        "window_not_open",
        "window_busy",
        "nothing_waiting",
        "nothing_in_hand",
        "not_waiting",
        "not_called",
        "not_missed",
        "too_late_to_put_back",
        "not_served_here",
        "same_queue",
        "other",
    ];
    match f {
        ActFailure::Refused(code) => {
            let code = if KNOWN.contains(&code.as_str()) { code.as_str() } else { "other" };
            tr.t(&format!("window-refused-{code}"))
        }
        ActFailure::Unregistered | ActFailure::WrongToken => tr.t("window-token-refused-short"),
        ActFailure::NoSuchWindow => tr.t("window-refused-no-window"),
        ActFailure::Invalid(_) => tr.t("window-refused-invalid"),
        ActFailure::Fetch(FetchError::Offline | FetchError::Timeout) => tr.t("window-refused-offline"),
        ActFailure::Fetch(_) => tr.t("window-refused-server"),
    }
}

/// The whole body when the server refuses the token: why, and the
/// command that makes one.
pub fn token_refused(tr: &Tr, config: &WindowConfig, f: &ActFailure) -> String {
    let why = match f {
        ActFailure::WrongToken => tr.t("window-token-wrong"),
        ActFailure::NoSuchWindow => {
            return tr.a("window-unknown", &[("window", n(config.window)), ("hall", s(&config.hall))]);
        }
        _ => tr.t("window-token-unknown"),
    };
    let command =
        format!("onestop token create --role window --hall {} --name {}", config.hall, config.token_name);
    format!("{why}\n\n{}\n\n  {command}\n\n{}", tr.t("window-token-how"), tr.t("window-token-where"))
}
