//! The place held while the citizen types: how long it has left, the last
//! minute counted (or said once to a screen reader), keeping it longer, and
//! what happens when it runs out.

use super::booking::back_to_slots;
use super::screen::Screen;
use super::{Effect, Notice, State};
use crate::domain::{BookingFailure, Hold};

/// A place kept on the server for this citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldPlace {
    pub id: String,
    pub placed_at_ms: u64,
    /// On the session's clock (`Msg::Tick`), when the server lets it go.
    pub expires_at_ms: u64,
    /// A screen reader has been told that the last minute began.
    pub warned: bool,
    /// Times the citizen had it kept longer.
    pub extensions: u8,
    /// A request to keep it longer is on its way.
    pub extending: bool,
}

/// Time passes: when the hold runs out, say so and offer the slots afresh.
pub fn tick(state: &mut State, before_ms: u64) -> Vec<Effect> {
    let Some(hold) = state.draft.as_ref().and_then(|d| d.hold.as_ref()) else { return vec![] };
    let in_details =
        matches!(state.screen(), Screen::BookDetails { .. } | Screen::BookCheck { sending: false, .. });
    if state.now_ms >= hold.expires_at_ms && in_details {
        // What was typed stays in the draft; the screen changed by itself,
        // so keys pressed just now must not act on the new one.
        state.notice = Some(Notice::Booking(BookingFailure::HoldExpired));
        state.input_guard_until_ms = state.now_ms + INPUT_GUARD_MS;
        let mut effects = back_to_slots(state);
        effects.push(Effect::Redraw);
        return effects;
    }
    let left = |now: u64| hold.expires_at_ms.saturating_sub(now);
    if state.screen_reader {
        // Nothing ticks for a screen reader: the last minute is announced once.
        if in_details && !hold.warned && left(state.now_ms) <= 60_000 {
            state.notice = Some(Notice::HoldEnding);
            if let Some(h) = state.draft.as_mut().and_then(|d| d.hold.as_mut()) {
                h.warned = true;
            }
            return vec![Effect::Redraw];
        }
        return vec![];
    }
    // What is shown changes: the minutes, and each second of the last one.
    let shown = |now: u64| HoldLeft::of(left(now));
    if in_details && shown(before_ms) != shown(state.now_ms) { vec![Effect::Redraw] } else { vec![] }
}

/// The held place may be kept longer this many times (the server's rule too).
pub const MAX_EXTENSIONS: u8 = 2;
/// …once this little time is left.
const EXTEND_WITHIN_MS: u64 = 60_000;

/// The citizen may ask to keep the place longer now: in its last minute,
/// on the details or check page, at most `MAX_EXTENSIONS` times.
pub fn can_keep_longer(state: &State) -> bool {
    let Some(hold) = state.draft.as_ref().and_then(|d| d.hold.as_ref()) else { return false };
    matches!(state.screen(), Screen::BookDetails { .. } | Screen::BookCheck { sending: false, .. })
        && hold.extensions < MAX_EXTENSIONS
        && !hold.extending
        && hold.expires_at_ms.saturating_sub(state.now_ms) <= EXTEND_WITHIN_MS
}

/// F4, or its hint tapped: ask the backend to keep the place longer.
pub fn keep_longer(state: &mut State) -> Vec<Effect> {
    if !can_keep_longer(state) {
        return vec![];
    }
    let Some(hold) = state.draft.as_mut().and_then(|d| d.hold.as_mut()) else { return vec![] };
    hold.extending = true;
    vec![Effect::ExtendHold { id: hold.id.clone() }]
}

pub fn hold_extended(state: &mut State, result: Result<Hold, BookingFailure>) -> Vec<Effect> {
    let now = state.now_ms;
    let Some(held) = state.draft.as_mut().and_then(|d| d.hold.as_mut()) else { return vec![] };
    held.extending = false;
    match result {
        Ok(hold) if hold.id == held.id => {
            held.expires_at_ms = now + u64::from(hold.expires_in) * 1000;
            held.placed_at_ms = now;
            held.extensions += 1;
            held.warned = false;
            state.notice = Some(Notice::HoldKept);
        }
        Ok(_) => {}
        Err(failure) => {
            // It cannot be kept longer: say so once; the last minute runs on.
            held.extensions = MAX_EXTENSIONS;
            state.notice = Some(Notice::Booking(failure));
        }
    }
    vec![Effect::Redraw]
}

/// After the screen changes by itself, input waits this long.
pub const INPUT_GUARD_MS: u64 = 1_000;

/// How long the held place is still kept, as the form says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldLeft {
    /// Minutes, rounded up.
    Minutes(u64),
    /// The last minute, second by second.
    Seconds(u64),
}

impl HoldLeft {
    fn of(ms: u64) -> HoldLeft {
        if ms > 60_000 {
            HoldLeft::Minutes(ms.div_ceil(60_000))
        } else {
            HoldLeft::Seconds(ms.div_ceil(1_000))
        }
    }
}

/// How long the hold still has, for the screen (in screen-reader mode, the
/// minutes it had when placed: nothing ticks).
pub fn hold_left(state: &State) -> Option<HoldLeft> {
    let hold = state.draft.as_ref()?.hold.as_ref()?;
    if state.screen_reader {
        return Some(HoldLeft::Minutes(
            hold.expires_at_ms.saturating_sub(hold.placed_at_ms).div_ceil(60_000),
        ));
    }
    Some(HoldLeft::of(hold.expires_at_ms.saturating_sub(state.now_ms)))
}
