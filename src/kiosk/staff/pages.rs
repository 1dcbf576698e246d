//! The staff screen's pages (tabs): the kiosk's facts and its actions, the
//! day's ratings, the reports of mistakes, and the day drawn as charts.
//! ←→ or a tap on the tab bar turns the page; ↑↓ and PgUp/PgDn scroll a
//! page row by row (a row is one fact, one 差评, one chart); Esc goes back
//! to the facts, R fetches everything again.
//!
//! What a page shows is decided here, as `Row`s, so the view draws them and
//! `update` scrolls them by the same count.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::super::{Effect, State, keymap::Action, layout, screen::Screen};
use crate::domain::rating::DayRatings;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    /// The kiosk's facts, and the actions only staff may take.
    #[default]
    Facts,
    /// Today's ratings per window and service, and each 差评.
    Ratings,
    /// Reports of mistakes per guide, and the newest.
    Reports,
    /// Tickets per hour, mean wait per queue, rating levels per window.
    Charts,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Facts, Tab::Ratings, Tab::Reports, Tab::Charts];

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// One row of a page: what it is about, never its words (the view's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The figures are on their way.
    Loading,
    /// This part could not be had, and why.
    Refused(super::StaffRefusal),
    /// Ratings: the day's count and share of 差评.
    DaySummary,
    Heading(Heading),
    /// `DayRatings::windows[i]`.
    Window(usize),
    /// `DayRatings::services[i]`.
    Service(usize),
    /// `DayRatings::bad_ratings[i]`, for follow-up.
    Bad(usize),
    /// No rating at all today.
    NoRatings,
    /// Ratings, but no 差评.
    NoBad,
    /// Reports: how many in all.
    ReportsSummary,
    /// `Reports::guides[i]`.
    Guide(usize),
    /// `Reports::latest[i]`.
    Report(usize),
    NoReports,
    /// Charts (not for a screen reader: the rows after each say the same).
    HoursChart,
    /// `DayRatings::issued_per_hour[i]`.
    Hour(usize),
    NoTickets,
    WaitChart,
    /// `DayRatings::queues[i]`.
    Queue(usize),
    LevelsChart,
    /// The share of each level at `DayRatings::windows[i]`.
    Levels(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Windows,
    Services,
    Bad,
    Guides,
    Latest,
    Hours,
    Wait,
    Levels,
}

/// Rows a chart takes on screen: the bars, their labels and values.
pub const HOURS_CHART_ROWS: u16 = 8;

/// The rows of the page on screen (none on the facts page, which has its menu).
pub fn rows(state: &State) -> Vec<Row> {
    let Some(Screen::Staff { tab, figures, .. }) = state.screens.last() else { return vec![] };
    let Some(figures) = figures else {
        return if *tab == Tab::Facts { vec![] } else { vec![Row::Loading] };
    };
    match tab {
        Tab::Facts => vec![],
        Tab::Ratings => match &figures.ratings {
            Ok(day) => ratings(day),
            Err(why) => vec![Row::Refused(*why)],
        },
        Tab::Reports => match &figures.reports {
            Ok(reports) if reports.guides.is_empty() && reports.latest.is_empty() => vec![Row::NoReports],
            Ok(reports) => {
                let mut rows = vec![Row::ReportsSummary, Row::Heading(Heading::Guides)];
                rows.extend((0..reports.guides.len()).map(Row::Guide));
                rows.push(Row::Heading(Heading::Latest));
                rows.extend((0..reports.latest.len()).map(Row::Report));
                rows
            }
            Err(why) => vec![Row::Refused(*why)],
        },
        Tab::Charts => match &figures.ratings {
            Ok(day) => charts(day, state.screen_reader),
            Err(why) => vec![Row::Refused(*why)],
        },
    }
}

fn ratings(day: &DayRatings) -> Vec<Row> {
    if day.count == 0 {
        return vec![Row::DaySummary, Row::NoRatings];
    }
    let mut rows = vec![Row::DaySummary, Row::Heading(Heading::Bad)];
    match day.bad_ratings.len() {
        0 => rows.push(Row::NoBad),
        n => rows.extend((0..n).map(Row::Bad)),
    }
    rows.push(Row::Heading(Heading::Windows));
    rows.extend((0..day.windows.len()).map(Row::Window));
    rows.push(Row::Heading(Heading::Services));
    rows.extend((0..day.services.len()).map(Row::Service));
    rows
}

/// Each chart, then its numbers as words; a screen reader gets the words alone.
fn charts(day: &DayRatings, screen_reader: bool) -> Vec<Row> {
    let chart = |row| (!screen_reader).then_some(row);
    let mut rows = vec![Row::Heading(Heading::Hours)];
    if day.issued_per_hour.is_empty() {
        rows.push(Row::NoTickets);
    } else {
        rows.extend(chart(Row::HoursChart));
        rows.extend((0..day.issued_per_hour.len()).map(Row::Hour));
    }
    if !day.queues.is_empty() {
        rows.push(Row::Heading(Heading::Wait));
        rows.extend(chart(Row::WaitChart));
        rows.extend((0..day.queues.len()).map(Row::Queue));
    }
    rows.push(Row::Heading(Heading::Levels));
    if day.windows.is_empty() {
        rows.push(Row::NoRatings);
    } else {
        rows.extend(chart(Row::LevelsChart));
        rows.extend((0..day.windows.len()).map(Row::Levels));
    }
    rows
}

/// The tab bar: the body's first row, one zone per page, each as wide as
/// the others whatever its label.
pub fn tab_zones(body: Rect) -> [Rect; 4] {
    let width = body.width / Tab::ALL.len() as u16;
    std::array::from_fn(|i| Rect { x: body.x + i as u16 * width, y: body.y, width, height: 1 })
}

/// Where a page's rows go: below the tab bar, above the row that says what
/// more there is.
pub fn page_area(body: Rect) -> Rect {
    Rect { y: body.y + 1, height: body.height.saturating_sub(2), ..body }
}

/// The page under a tap, on the staff screen.
pub fn tab_at(state: &State, column: u16, row: u16) -> Option<Tab> {
    if !matches!(state.screen(), Screen::Staff { .. }) {
        return None;
    }
    let zones = tab_zones(layout::bands(state).body);
    zones.iter().position(|z| z.contains((column, row).into())).map(|i| Tab::ALL[i])
}

/// Turns to `tab`, at its top.
pub fn show(state: &mut State, to: Tab) -> Vec<Effect> {
    if let Some(Screen::Staff { tab, scroll, .. }) = state.screens.last_mut() {
        *tab = to;
        *scroll = 0;
    }
    vec![]
}

/// ←→ turn the staff screen's pages (elsewhere they go back and open).
pub fn key_action(state: &State, key: &KeyEvent) -> Option<Action> {
    if !matches!(state.screen(), Screen::Staff { .. }) || key.kind == KeyEventKind::Release {
        return None;
    }
    match key.code {
        KeyCode::Left if key.modifiers.is_empty() => Some(Action::Left),
        KeyCode::Right if key.modifiers.is_empty() => Some(Action::Right),
        _ => None,
    }
}

/// What the staff screen does with an action itself: turning and scrolling
/// pages, and Esc from a page back to the facts. None: the usual handling.
pub fn act(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    let Some(Screen::Staff { tab, .. }) = state.screens.last() else { return None };
    let tab = *tab;
    let turn = |by: isize| Tab::ALL[tab.index().saturating_add_signed(by).min(Tab::ALL.len() - 1)];
    match action {
        Action::Left => Some(show(state, turn(-1))),
        Action::Right => Some(show(state, turn(1))),
        _ if tab == Tab::Facts => None,
        Action::Back => Some(show(state, Tab::Facts)),
        Action::Up => Some(scroll(state, -1)),
        Action::Down => Some(scroll(state, 1)),
        Action::PageUp => Some(scroll(state, -page_step(state))),
        Action::PageDown => Some(scroll(state, page_step(state))),
        // Pages have no list to pick from.
        Action::Pick(_) | Action::Activate => Some(vec![]),
        _ => None,
    }
}

/// Rows one PgDn moves: a third of the page's height, so that rows of two
/// or three lines are never skipped unseen.
fn page_step(state: &State) -> isize {
    (page_area(layout::bands(state).body).height / 3).max(1) as isize
}

fn scroll(state: &mut State, by: isize) -> Vec<Effect> {
    let last = rows(state).len().saturating_sub(1);
    if let Some(Screen::Staff { scroll, .. }) = state.screens.last_mut() {
        *scroll = scroll.saturating_add_signed(by).min(last);
    }
    vec![]
}
