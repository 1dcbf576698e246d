//! The staff PIN prompt, the staff screen, and the idle warning. The facts
//! page is drawn here; the other pages in `pages`, their charts in `charts`.

mod charts;
mod pages;

use ratatui::{
    Frame,
    layout::{Position, Rect},
    text::Line,
};

use crate::i18n;
use crate::kiosk::{
    CatalogState, Remote, Screen, State,
    staff::{self, Health, PhoneLinkWarning, StaffInfo, StaffItem, Tab},
};
use crate::ui::{
    Ui, screens,
    widgets::{
        form::{self, FieldView},
        menu::{self, Item},
    },
    wrap,
};

pub fn pin(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, checking: bool) {
    let (tr, t) = (&ui.tr, &ui.theme);
    frame.render_widget(Line::styled(tr.t("staff-pin-heading"), t.heading), Rect { height: 1, ..body });
    let error = if let Some(minutes) = staff::locked_minutes(&state.staff, state.now_ms) {
        Some(tr.a("staff-pin-locked", &[("minutes", i18n::n(minutes as u32))]))
    } else if state.config.pin_hash.is_none() {
        Some(tr.t("staff-pin-unset"))
    } else if state.staff.wrong {
        Some(tr.a(
            "staff-pin-wrong",
            &[("left", i18n::n(u32::from(staff::MAX_FAILURES - state.staff.failures)))],
        ))
    } else {
        None
    };
    let label = if checking { tr.t("staff-pin-checking") } else { tr.t("staff-pin-label") };
    let pin = &state.staff.pin;
    let masked = "•".repeat(pin.text.chars().count());
    let kind = crate::speech::FieldKind::Secret;
    let field = FieldView { value: masked.into(), error, focused: true, kind, ..FieldView::text(label, pin) };
    form::draw(frame, ui, state, body, &[field]);
}

pub fn screen(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    selected: usize,
    info: &Remote<StaffInfo>,
) {
    let Screen::Staff { tab, .. } = state.screen() else { return };
    pages::tab_bar(frame, ui, body, *tab);
    if *tab != Tab::Facts {
        pages::draw(state, ui, frame, body);
        return;
    }
    let (tr, c) = (&ui.tr, &state.config);
    let s = i18n::s;
    let health = match info {
        Remote::Loading => tr.t("loading"),
        Remote::Ready(StaffInfo { backend: Ok(h), .. }) => {
            tr.a("staff-backend-up", &[("ms", i18n::n(h.latency_ms))])
        }
        Remote::Ready(StaffInfo { backend: Err(e), .. }) | Remote::Failed(e) => {
            tr.a("staff-backend-down", &[("reason", s(&tr.t(screens::fetch_error_key(*e))))])
        }
    };
    let today = match info {
        Remote::Ready(StaffInfo { backend: Ok(Health { bookings_today: Some(n), .. }), .. }) => n.to_string(),
        _ => "—".into(),
    };
    // What leaves phones stranded comes first, where it cannot be missed.
    let warning = c.phone_link_warning.as_ref().map(|w| match w {
        PhoneLinkWarning::Unset => tr.t("staff-phone-link-unset"),
        PhoneLinkWarning::Loopback(url) => tr.a("staff-phone-link-loopback", &[("url", s(url))]),
    });
    let facts = [
        tr.a(
            "staff-kiosk",
            &[("kiosk", s(&c.kiosk)), ("hall", s(&c.hall)), ("version", s(env!("CARGO_PKG_VERSION")))],
        ),
        tr.a("staff-backend", &[("url", s(&c.backend_url)), ("health", s(&health))]),
        catalog_line(state, ui, info),
        reviews_line(state, ui, info),
        tr.a("staff-bookings-today", &[("count", s(&today))]),
        tr.a("staff-log", &[("path", s(&c.log_file))]),
    ];
    // The facts fill the rows between the tab bar and the menu.
    let details = pages::facts_area(body);
    // Speech that cannot run is said here, once, with what is missing.
    let speech =
        state.speech.failed.as_ref().map(|e| tr.a("staff-speech-off", &[("reason", s(&e.to_string()))]));
    let y = warning
        .into_iter()
        .chain(speech)
        .fold(details.y, |y, w| wrap::draw(frame, details, y, &w, ui.theme.error));
    facts.iter().fold(y, |y, line| wrap::draw(frame, details, y, line, ui.theme.text));
    let items: Vec<Item> = staff::ITEMS
        .iter()
        .map(|i| Item {
            label: tr.t(match i {
                StaffItem::ReloadConfig => "staff-reload",
                StaffItem::ResetSession => "staff-reset",
                StaffItem::Exit => "staff-exit",
                StaffItem::Refresh => "staff-refresh",
            }),
            detail: String::new(),
        })
        .collect();
    let rest = crate::kiosk::layout::menu_area(state.screen(), body);
    menu::draw(frame, ui, rest, &tr.t("staff-actions"), &items, selected);
}

/// The catalogue on screen, and the copy kept on this kiosk for offline
/// starts: its age, or that there is none (never "saved — min ago").
fn catalog_line(state: &State, ui: &Ui, info: &Remote<StaffInfo>) -> String {
    let (tr, s) = (&ui.tr, i18n::s);
    let copy = match info {
        Remote::Ready(i) => Some(i.cache_age_minutes),
        _ => None,
    };
    let offline = state.online == Some(false);
    match (state.catalog(), copy) {
        (Some(c), None) => tr.a("staff-catalog-version", &[("version", s(&c.version))]),
        (Some(c), Some(None)) => tr.a("staff-catalog-unsaved", &[("version", s(&c.version))]),
        (Some(c), Some(Some(age))) => tr.a(
            if offline { "staff-catalog-offline" } else { "staff-catalog" },
            &[("version", s(&c.version)), ("age", s(&age.to_string()))],
        ),
        (None, _) if matches!(state.catalog, CatalogState::Loading) => tr.t("staff-catalog-loading"),
        (None, Some(Some(age))) => tr.a("staff-catalog-unreadable", &[("age", s(&age.to_string()))]),
        (None, _) => tr.t("staff-catalog-none"),
    }
}

/// How many guides are overdue for review, so a stale catalogue is never
/// taken for a current one; empty until the catalogue and the date are known.
fn reviews_line(state: &State, ui: &Ui, info: &Remote<StaffInfo>) -> String {
    let (Some(catalog), Remote::Ready(StaffInfo { today: Some(today), .. })) = (state.catalog(), info) else {
        return String::new();
    };
    let months = state.config.review_months;
    let (overdue, oldest) = crate::domain::lint::overdue_guides(catalog, *today, months);
    let oldest = oldest.map_or_else(|| "—".to_owned(), |d| i18n::full_date(&ui.tr, &d.to_string()));
    let args = [
        ("overdue", i18n::n(u32::try_from(overdue).unwrap_or(u32::MAX))),
        ("total", i18n::n(u32::try_from(catalog.services.len()).unwrap_or(u32::MAX))),
        ("months", i18n::n(months)),
        ("oldest", i18n::s(&oldest)),
    ];
    ui.tr.a(if overdue == 0 { "staff-reviews-current" } else { "staff-reviews-overdue" }, &args)
}

/// Shown over the screen when the session has been left alone.
pub fn idle_warning(state: &State, ui: &Ui, frame: &mut Frame, body: Rect) {
    let seconds = crate::kiosk::idle_seconds_left(state);
    let text = ui.tr.a("idle-warning", &[("seconds", i18n::n(seconds as u32))]);
    wrap::draw(frame, body, body.y + 1, &text, ui.theme.heading);
    frame.set_cursor_position(Position { x: body.x, y: body.y + 1 });
}
