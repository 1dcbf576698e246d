//! The staff screen's tab bar, and its pages of ratings, reports and charts
//! drawn row by row from `kiosk::staff::pages::rows`: each row in words,
//! each chart followed by its numbers in words.

use ratatui::{
    Frame,
    layout::Rect,
    style::Modifier,
    text::{Line, Span},
};

use super::charts;
use crate::domain::rating::{Level, Reason, Wrong};
use crate::i18n::{self, Tr};
use crate::kiosk::staff::{Figures, Row, StaffRefusal, Tab, pages};
use crate::kiosk::{State, layout, screen::Screen};
use crate::ui::{Ui, screens, wrap};

/// The four pages, the one shown in brackets and reverse video (the ▶
/// marker is the focused item's, in the list below), the others underlined
/// as the buttons they are.
pub fn tab_bar(frame: &mut Frame, ui: &Ui, body: Rect, shown: Tab) {
    for (tab, zone) in Tab::ALL.into_iter().zip(pages::tab_zones(body)) {
        let label = ui.tr.t(match tab {
            Tab::Facts => "staff-tab-facts",
            Tab::Ratings => "staff-tab-ratings",
            Tab::Reports => "staff-tab-reports",
            Tab::Charts => "staff-tab-charts",
        });
        let label = wrap::truncate(&label, zone.width.saturating_sub(3) as usize);
        let line = if tab == shown {
            Line::from(vec![Span::raw(" "), Span::styled(format!("[{label}]"), ui.theme.focus)])
        } else {
            Line::from(vec![
                Span::raw("  "),
                Span::styled(label, ui.theme.text.add_modifier(Modifier::UNDERLINED)),
            ])
        };
        frame.render_widget(line, zone);
    }
}

/// A page of rows from `scroll` on, as many as fit; then what more there is.
pub fn draw(state: &State, ui: &Ui, frame: &mut Frame, body: Rect) {
    let Screen::Staff { scroll, figures, .. } = state.screen() else { return };
    let rows = pages::rows(state);
    let area = pages::page_area(body);
    let mut y = area.y;
    let mut shown = *scroll;
    for row in rows.iter().skip(*scroll) {
        if y >= area.bottom() {
            break;
        }
        y = match (row, figures.as_deref()) {
            (Row::HoursChart | Row::WaitChart | Row::LevelsChart, Some(f)) => {
                let Ok(day) = &f.ratings else { break };
                let height = charts::height(ui, *row, day, area.width);
                // A chart is drawn whole, or left to the next screen.
                if y + height > area.bottom() && y > area.y {
                    break;
                }
                charts::draw(
                    state,
                    ui,
                    frame,
                    Rect { y, height: height.min(area.bottom() - y), ..area },
                    *row,
                    f,
                );
                y + height
            }
            _ => {
                let (text, style) = words(state, ui, figures.as_deref(), *row);
                wrap::draw(frame, area, y, &text, style)
            }
        };
        shown += 1;
    }
    let footer = Rect { y: area.bottom(), height: 1, ..area };
    let more = rows.len().saturating_sub(shown);
    let end = if more > 0 {
        ui.tr.a("staff-more-below", &[("count", i18n::n(more as u32))])
    } else if *scroll > 0 {
        ui.tr.t("staff-page-end")
    } else {
        String::new()
    };
    frame.render_widget(Line::styled(end, ui.theme.dim), footer);
    // A screen reader reads the row scrolled to.
    frame.set_cursor_position((area.x, area.y));
}

/// A row in words, and its style.
fn words(state: &State, ui: &Ui, figures: Option<&Figures>, row: Row) -> (String, ratatui::style::Style) {
    let (tr, t) = (&ui.tr, &ui.theme);
    let Some(f) = figures else { return (tr.t("staff-figures-loading"), t.dim) };
    let day = f.ratings.as_ref().ok();
    let reports = f.reports.as_ref().ok();
    let text = match row {
        Row::Loading => return (tr.t("staff-figures-loading"), t.dim),
        Row::Refused(why) => return (refusal(state, tr, why), t.error),
        Row::Heading(h) => {
            return (
                tr.t(match h {
                    pages::Heading::Windows => "staff-heading-windows",
                    pages::Heading::Services => "staff-heading-services",
                    pages::Heading::Bad => "staff-heading-bad",
                    pages::Heading::Guides => "staff-heading-guides",
                    pages::Heading::Latest => "staff-heading-latest",
                    pages::Heading::Hours => "staff-heading-hours",
                    pages::Heading::Wait => "staff-heading-wait",
                    pages::Heading::Levels => "staff-heading-levels",
                }),
                t.heading,
            );
        }
        Row::DaySummary => day.map(|d| {
            let (date, share) = (i18n::full_date(tr, &d.day), share(d.bad_permille));
            let args = [
                ("day", i18n::s(&date)),
                ("count", i18n::n(d.count)),
                ("bad", i18n::n(d.bad)),
                ("share", i18n::s(&share)),
            ];
            tr.a("staff-day-summary", &args)
        }),
        Row::Window(i) => day.and_then(|d| d.windows.get(i)).map(|w| {
            let share = share(w.bad_permille);
            let args = [
                ("window", i18n::n(w.window)),
                ("count", i18n::n(w.count)),
                ("bad", i18n::n(w.bad)),
                ("share", i18n::s(&share)),
            ];
            tr.a("staff-window", &args)
        }),
        Row::Service(i) => day.and_then(|d| d.services.get(i)).map(|s| {
            let (name, share) = (service_name(state, &s.service), share(s.bad_permille));
            let args = [
                ("service", i18n::s(&name)),
                ("count", i18n::n(s.count)),
                ("bad", i18n::n(s.bad)),
                ("share", i18n::s(&share)),
            ];
            tr.a("staff-service", &args)
        }),
        Row::Bad(i) => day.and_then(|d| d.bad_ratings.get(i)).map(|r| {
            let time = local_time(state, f, &r.at);
            let service = service_name(state, &r.service);
            let (level, reason) = (level_name(tr, r.level), r.reason.map(|x| reason_name(tr, x)));
            let args = [
                ("time", i18n::s(&time)),
                ("number", i18n::s(&r.number)),
                ("window", i18n::n(r.window)),
                ("service", i18n::s(&service)),
                ("level", i18n::s(&level)),
                ("reason", i18n::s(reason.as_deref().unwrap_or("—"))),
            ];
            own_words(tr, tr.a("staff-bad", &args), r.text.as_deref())
        }),
        Row::NoRatings => Some(tr.t("staff-no-ratings")),
        Row::NoBad => Some(tr.t("staff-no-bad")),
        Row::ReportsSummary => reports.map(|r| {
            let count: u32 = r.guides.iter().map(|g| g.count).sum();
            let guides = u32::try_from(r.guides.len()).unwrap_or(u32::MAX);
            tr.a("staff-reports-summary", &[("count", i18n::n(count)), ("guides", i18n::n(guides))])
        }),
        Row::Guide(i) => reports.and_then(|r| r.guides.get(i)).map(|g| {
            let name = service_name(state, &g.service);
            tr.a("staff-guide", &[("service", i18n::s(&name)), ("count", i18n::n(g.count))])
        }),
        Row::Report(i) => reports.and_then(|r| r.latest.get(i)).map(|r| {
            let (time, service, what) =
                (local_date_time(state, f, &r.at), service_name(state, &r.service), wrong_name(tr, r.what));
            let args = [("time", i18n::s(&time)), ("service", i18n::s(&service)), ("what", i18n::s(&what))];
            own_words(tr, tr.a("staff-report", &args), r.text.as_deref())
        }),
        Row::NoReports => Some(tr.t("staff-no-reports")),
        Row::Hour(i) => day.and_then(|d| d.issued_per_hour.get(i)).map(|h| {
            let hour = format!("{:02}:00", h.hour);
            tr.a("staff-hour", &[("hour", i18n::s(&hour)), ("count", i18n::n(h.count))])
        }),
        Row::NoTickets => Some(tr.t("staff-no-tickets")),
        Row::Queue(i) => day.and_then(|d| d.queues.get(i)).map(|q| {
            let name = queue_name(state, f, &q.queue);
            let mut args = vec![
                ("queue", i18n::s(&name)),
                ("issued", i18n::n(q.issued)),
                ("started", i18n::n(q.started)),
            ];
            match q.mean_wait_seconds {
                Some(s) => {
                    args.push(("minutes", i18n::n(s.div_ceil(60))));
                    tr.a("staff-queue", &args)
                }
                None => tr.a("staff-queue-unserved", &args),
            }
        }),
        Row::Levels(i) => day.and_then(|d| d.windows.get(i)).map(|w| {
            let shares: Vec<String> = w
                .levels
                .iter()
                .map(|l| {
                    let (level, share) = (level_name(tr, l.level), share(l.permille));
                    let args =
                        [("level", i18n::s(&level)), ("count", i18n::n(l.count)), ("share", i18n::s(&share))];
                    tr.a("staff-level-share", &args)
                })
                .collect();
            let shares = shares.join(&tr.t("staff-list-separator"));
            let args = [("window", i18n::n(w.window)), ("shares", i18n::s(&shares))];
            tr.a("staff-levels", &args)
        }),
        Row::HoursChart | Row::WaitChart | Row::LevelsChart => None,
    };
    (text.unwrap_or_default(), t.text)
}

/// "…: “等了很久”" when the citizen wrote something.
fn own_words(tr: &Tr, line: String, text: Option<&str>) -> String {
    match text {
        Some(text) => tr.a("staff-own-words", &[("line", i18n::s(&line)), ("text", i18n::s(text))]),
        None => line,
    }
}

/// Why a part of the figures is missing, and what to do.
pub fn refusal(state: &State, tr: &Tr, why: StaffRefusal) -> String {
    let hall = [("hall", i18n::s(&state.config.hall))];
    match why {
        StaffRefusal::NoToken => tr.t("staff-refused-no-token"),
        StaffRefusal::TokenRefused => tr.t("staff-refused-token"),
        StaffRefusal::NotStaff => tr.t("staff-refused-not-staff"),
        StaffRefusal::OtherHall => tr.a("staff-refused-other-hall", &hall),
        StaffRefusal::NoSuchHall => tr.a("staff-refused-no-hall", &hall),
        StaffRefusal::Fetch(e) => {
            let reason = tr.t(screens::fetch_error_key(e));
            tr.a("staff-refused-fetch", &[("reason", i18n::s(&reason))])
        }
    }
}

/// A share in per mille as a percentage with one decimal: 16.7%.
pub fn share(permille: u32) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

fn service_name(state: &State, id: &str) -> String {
    state.service(id).map_or_else(|| id.to_owned(), |s| s.name.get(state.lang).to_owned())
}

/// "A 户籍与身份证", or the prefix alone when the queues are not known.
pub fn queue_name(state: &State, f: &Figures, prefix: &str) -> String {
    match f.queues.as_ref().and_then(|q| q.name(prefix)) {
        Some(name) => format!("{prefix} {}", name.get(state.lang)),
        None => prefix.to_owned(),
    }
}

pub fn level_name(tr: &Tr, level: Level) -> String {
    tr.t(match level {
        Level::VerySatisfied => "staff-level-very-satisfied",
        Level::Satisfied => "staff-level-satisfied",
        Level::FairlySatisfied => "staff-level-fairly-satisfied",
        Level::Dissatisfied => "staff-level-dissatisfied",
        Level::VeryDissatisfied => "staff-level-very-dissatisfied",
    })
}

fn reason_name(tr: &Tr, reason: Reason) -> String {
    tr.t(match reason {
        Reason::Slow => "staff-reason-slow",
        Reason::Attitude => "staff-reason-attitude",
        Reason::AskedAgain => "staff-reason-asked-again",
        Reason::NotDone => "staff-reason-not-done",
        Reason::Unclear => "staff-reason-unclear",
        Reason::Other => "staff-reason-other",
    })
}

fn wrong_name(tr: &Tr, what: Wrong) -> String {
    tr.t(match what {
        Wrong::Materials => "staff-wrong-materials",
        Wrong::Fees => "staff-wrong-fees",
        Wrong::TimeLimits => "staff-wrong-time-limits",
        Wrong::PlaceAndHours => "staff-wrong-place-and-hours",
        Wrong::Other => "staff-wrong-other",
    })
}

/// The hall's time zone: the queues' answer, else the catalogue's hall.
fn zone(state: &State, f: &Figures) -> jiff::tz::TimeZone {
    let id = f.queues.as_ref().map(|q| q.time_zone.as_str()).or(state.hall().map(|h| h.time_zone.as_str()));
    id.and_then(|id| jiff::tz::TimeZone::get(id).ok()).unwrap_or(jiff::tz::TimeZone::UTC)
}

/// "10:05" at the hall, for a time given today.
fn local_time(state: &State, f: &Figures, at: &str) -> String {
    at.parse::<jiff::Timestamp>()
        .map_or_else(|_| "—".into(), |t| t.to_zoned(zone(state, f)).strftime("%H:%M").to_string())
}

/// "2026-11-30 10:05" at the hall: reports span days.
fn local_date_time(state: &State, f: &Figures, at: &str) -> String {
    at.parse::<jiff::Timestamp>()
        .map_or_else(|_| "—".into(), |t| t.to_zoned(zone(state, f)).strftime("%Y-%m-%d %H:%M").to_string())
}

/// The rows the facts page keeps above its actions (`layout::STAFF_DETAILS_ROWS`),
/// under the tab bar.
pub fn facts_area(body: Rect) -> Rect {
    Rect {
        y: body.y + 1,
        height: (layout::STAFF_DETAILS_ROWS - 2).min(body.height.saturating_sub(1)),
        ..body
    }
}
