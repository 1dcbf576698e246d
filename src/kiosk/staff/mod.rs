//! The staff screen behind a key chord and a PIN: kiosk facts, backend
//! health, and the actions only staff may take (reload configuration, reset
//! the session, leave the kiosk); and on its other pages the hall's day of
//! ratings, the reports of mistakes in guides, and the day as charts
//! (`pages`). Five wrong PINs lock the prompt for five minutes. What staff
//! see lives in the screen itself: leaving it, or a reset, drops it.

mod figures;
pub mod pages;

pub use figures::{Figures, QueueNames, StaffRefusal};
pub use pages::{Row, Tab};

use super::form::TextField;
use super::screen::{Menu, Screen};
use super::{CatalogState, Effect, Notice, Remote, SessionConfig, State};

pub const MAX_FAILURES: u8 = 5;
pub const LOCKOUT_MS: u64 = 5 * 60_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffState {
    pub pin: TextField,
    pub failures: u8,
    pub locked_until_ms: Option<u64>,
    /// The last attempt was wrong (shown until the next).
    pub wrong: bool,
}

impl Default for StaffState {
    fn default() -> StaffState {
        StaffState { pin: TextField::new(12), failures: 0, locked_until_ms: None, wrong: false }
    }
}

/// What the runtime measures for the staff screen. The copy on disk is
/// described whether or not the backend answers: offline is when it matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffInfo {
    /// The backend's answer to a health check, or why none came.
    pub backend: Result<Health, crate::domain::FetchError>,
    /// How old the catalogue copy kept for offline starts is, in minutes;
    /// None when there is no copy.
    pub cache_age_minutes: Option<u64>,
    /// Today at the kiosk, for the guides overdue for review.
    pub today: Option<jiff::civil::Date>,
}

/// A backend that answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// How long the backend took to answer a health check.
    pub latency_ms: u32,
    /// Bookings made from this kiosk today, if the backend could say.
    pub bookings_today: Option<u32>,
}

/// Why phones may not open the QR code's link: the kiosk is in lockdown
/// (in a hall) and the embedded backend makes links from an unset or a
/// loopback `handoff.public_url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneLinkWarning {
    /// Unset: links point at the embedded backend's loopback address.
    Unset,
    /// Set to this loopback address.
    Loopback(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffItem {
    ReloadConfig,
    ResetSession,
    Exit,
    /// Fetch the facts and the day's figures again.
    Refresh,
}

pub const ITEMS: [StaffItem; 4] =
    [StaffItem::ReloadConfig, StaffItem::ResetSession, StaffItem::Exit, StaffItem::Refresh];

pub fn open_prompt(state: &mut State) {
    if !matches!(state.screen(), Screen::StaffPin { .. } | Screen::Staff { .. }) {
        state.staff.pin.clear();
        state.staff.wrong = false;
        state.screens.push(Screen::StaffPin { checking: false });
    }
}

/// Minutes the prompt stays locked at `now`, if it is.
pub fn locked_minutes(staff: &StaffState, now: u64) -> Option<u64> {
    let until = staff.locked_until_ms?;
    (until > now).then(|| (until - now).div_ceil(60_000))
}

pub fn submit(state: &mut State) -> Vec<Effect> {
    let locked = locked_minutes(&state.staff, state.now_ms).is_some();
    let Some(Screen::StaffPin { checking }) = state.screens.last_mut() else { return vec![] };
    if *checking || locked || state.staff.pin.text.is_empty() {
        return vec![];
    }
    let Some(hash) = state.config.pin_hash.clone() else { return vec![] };
    *checking = true;
    let pin = state.staff.pin.text.clone();
    state.staff.pin.clear();
    vec![Effect::CheckPin { pin, hash }]
}

pub fn checked(state: &mut State, ok: bool) -> Vec<Effect> {
    let Some(Screen::StaffPin { checking }) = state.screens.last_mut() else { return vec![] };
    *checking = false;
    if ok {
        state.staff.failures = 0;
        state.staff.wrong = false;
        state.screens.pop();
        state.screens.push(Screen::Staff {
            menu: Menu::default(),
            info: Remote::Loading,
            tab: Tab::Facts,
            scroll: 0,
            figures: None,
        });
        return load(state);
    }
    state.staff.wrong = true;
    state.staff.failures += 1;
    if state.staff.failures >= MAX_FAILURES {
        state.staff.failures = 0;
        state.staff.locked_until_ms = Some(state.now_ms + LOCKOUT_MS);
    }
    vec![]
}

pub fn info_loaded(state: &mut State, loaded: StaffInfo) {
    if let Some(Screen::Staff { info, .. }) = state.screens.last_mut() {
        *info = Remote::Ready(loaded);
    }
}

/// The day's figures, if the staff screen is still where they go.
pub fn figures_loaded(state: &mut State, loaded: Figures) {
    if let Some(Screen::Staff { figures, scroll, .. }) = state.screens.last_mut() {
        *figures = Some(Box::new(loaded));
        // The page may be shorter now.
        *scroll = 0;
    }
}

/// What the staff screen asks for when it opens, and on Refresh.
fn load(state: &State) -> Vec<Effect> {
    vec![Effect::LoadStaffInfo, Effect::LoadStaffFigures { hall: state.config.hall.clone() }]
}

/// Everything fetched again, shown as loading until it comes.
pub fn refresh(state: &mut State) -> Vec<Effect> {
    let Some(Screen::Staff { info, figures, scroll, .. }) = state.screens.last_mut() else { return vec![] };
    (*info, *figures, *scroll) = (Remote::Loading, None, 0);
    load(state)
}

/// The facts page's list of actions; the other pages have none.
pub fn menu_of(screen: &Screen) -> (usize, Option<Menu>) {
    match screen {
        Screen::Staff { menu, tab: Tab::Facts, .. } => (ITEMS.len(), Some(*menu)),
        _ => (0, None),
    }
}

/// R on the staff screen fetches everything again, unless it is the
/// catalogue that is missing (then R retries that, as everywhere).
pub fn retries(state: &State) -> bool {
    matches!(state.screen(), Screen::Staff { .. }) && !matches!(state.catalog, CatalogState::Failed(_))
}

pub fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    match ITEMS.get(index) {
        Some(StaffItem::ReloadConfig) => vec![Effect::ReloadConfig],
        Some(StaffItem::ResetSession) => state.reset(),
        Some(StaffItem::Exit) => vec![Effect::EndSession],
        Some(StaffItem::Refresh) => refresh(state),
        None => vec![],
    }
}

/// A new configuration applies at once; a refused one leaves the old in place.
pub fn reloaded(state: &mut State, result: Result<SessionConfig, String>) {
    match result {
        Ok(config) => {
            state.config = config;
            state.notice = Some(Notice::ConfigReloaded);
        }
        Err(problems) => state.notice = Some(Notice::ConfigRejected(problems)),
    }
}
