//! Idle reset: a kiosk left alone warns, then returns to Welcome so that the
//! next person never meets someone else's booking. Any key continues, as
//! often as needed.

use super::{Effect, State};

/// Time passes: warn, or reset, when the session has been left alone.
pub fn tick(state: &mut State) -> Vec<Effect> {
    let idle = state.now_ms.saturating_sub(state.last_input_ms);
    let (timeout, config) = (state.idle_timeout_ms(), &state.config);
    if idle >= timeout {
        // Nothing to protect on an untouched start screen.
        if state.screens.len() > 1 || state.idle_warning || state.draft.is_some() || state.lang != config.lang
        {
            let mut effects = state.reset();
            effects.push(Effect::Redraw);
            return effects;
        }
    } else if idle >= timeout.saturating_sub(config.idle_warning_ms)
        && !state.idle_warning
        && (state.screens.len() > 1 || state.lang != config.lang)
    {
        state.idle_warning = true;
        return vec![Effect::Redraw];
    } else if state.idle_warning && !state.screen_reader {
        // The warning counts down; a screen reader hears it once, unchanged.
        return vec![Effect::Redraw];
    }
    vec![]
}

/// Seconds until the reset, for the warning (for a screen reader, the
/// seconds it had when it appeared: nothing ticks).
pub fn seconds_left(state: &State) -> u64 {
    if state.screen_reader {
        return state.config.idle_warning_ms.div_ceil(1000);
    }
    let idle = state.now_ms.saturating_sub(state.last_input_ms);
    state.idle_timeout_ms().saturating_sub(idle).div_ceil(1000)
}
