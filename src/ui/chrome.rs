//! The bands around every screen: title and breadcrumb, the fixed message
//! line, and the status bar with the keys that work here.

use ratatui::{
    Frame,
    layout::Rect,
    style::Modifier,
    text::{Line, Span},
};

use crate::domain::{Audience, BookingFailure, Lang};
use crate::i18n::{self, Tr};
use crate::kiosk::{
    CatalogState, Notice, State, keybar, layout,
    screen::{self, Screen},
    speech::SpeechNotice,
};
use crate::ui::{Ui, widgets::big_text};

pub fn title(state: &State, ui: &Ui, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let bar = Rect { height: 1, ..area };
    let lang_name = format!("{} ", ui.tr.t("lang-name"));
    // The hall's name gives way to the language label, cut with an
    // ellipsis: " name…" then at least one blank, then "English ".
    let room = (area.width as usize).saturating_sub(Line::raw(lang_name.as_str()).width() + 2);
    let hall = super::wrap::truncate(&hall_name(state, &ui.tr), room);
    frame.render_widget(Line::styled(format!(" {hall}"), t.title), bar);
    frame.render_widget(Line::styled(lang_name, t.title).right_aligned(), bar);
    let deep = state.screens.len() > 1;
    // Room for the Back and Home buttons (for touch) beside the breadcrumb.
    let room = if deep { 2 * (layout::BUTTON_WIDTH + 1) + 2 } else { 2 };
    let trail = breadcrumb(state, &ui.tr);
    ui.spoken.title(trail.last().map_or("", String::as_str));
    let crumbs = fitted_crumbs(&trail, area.width.saturating_sub(room) as usize);
    frame.render_widget(
        Line::styled(format!(" {crumbs}"), t.crumb),
        Rect { y: area.y + 1, height: 1, ..area },
    );
    if deep {
        let (back, home) = layout::buttons(state.size);
        for (rect, label) in
            [(back, format!("‹ {}", ui.tr.t("key-back"))), (home, format!("⌂ {}", ui.tr.t("key-home")))]
        {
            frame.render_widget(Line::styled(label, t.status).centered(), rect);
        }
    }
}

/// The hall's name: the catalogue's, or until one arrives the
/// configuration's (`kiosk.hall_name`), or else a general one.
pub fn hall_name(state: &State, tr: &Tr) -> String {
    let lang = state.lang;
    match state.hall() {
        Some(hall) => hall.name.get(lang).to_owned(),
        None => state
            .config
            .hall_name
            .as_ref()
            .map(|name| name.get(lang).trim())
            .filter(|name| !name.is_empty())
            .map_or_else(|| tr.t("hall-fallback"), str::to_owned),
    }
}

/// Elderly mode: the screen's name in big letters (plain, should a
/// translation be too wide for them).
pub fn banner(state: &State, ui: &Ui, frame: &mut Frame, area: Rect) {
    let text = ui.tr.t(banner_key(state));
    let letters = Rect { height: layout::BANNER_ROWS - 1, ..area };
    if !big_text::draw(&text, ui.theme.banner, letters, frame.buffer_mut()) {
        frame.render_widget(Line::styled(text, ui.theme.heading), Rect { height: 1, ..area });
    }
}

/// The message key of the banner's words: the screen's short name, or a
/// call for attention while the idle warning is up.
fn banner_key(state: &State) -> &'static str {
    if state.idle_warning {
        return "banner-idle";
    }
    match state.screen() {
        Screen::Welcome(_) => "banner-welcome",
        Screen::Categories { audience: Audience::Personal, .. } => "banner-personal",
        Screen::Categories { audience: Audience::Business, .. } => "banner-business",
        Screen::Services { .. } => "banner-services",
        Screen::Guide { .. } => "banner-guide",
        Screen::BookHall(_) => "banner-hall",
        Screen::BookDate { .. } => "banner-date",
        Screen::BookSlot { .. } => "banner-slot",
        Screen::BookDetails { .. } => "banner-details",
        Screen::BookCheck { .. } => "banner-check",
        Screen::BookDone { .. } => "banner-done",
        Screen::Lookup { .. } if crate::kiosk::checkin::checking_in(state) => "banner-check-in",
        Screen::Lookup { .. } => "banner-lookup",
        Screen::LookupResult { .. } => "banner-lookup-result",
        Screen::StaffPin { .. } | Screen::Staff { .. } => "banner-staff",
        Screen::Search { .. } => "banner-search",
        Screen::TakeNumber(_) | Screen::Priority { .. } => "banner-take-number",
        Screen::Ticket { .. } => "banner-ticket",
        Screen::Policies { .. } | Screen::PolicyFilter { .. } => "banner-policies",
        Screen::Policy { .. } => "banner-policy",
        screen @ (Screen::Rating(_) | Screen::Report(_)) => super::rating::banner_key(screen),
    }
}

/// Where the citizen is: 首页 › 个人办事 › 社会保障 › 社保卡申领.
pub fn breadcrumb(state: &State, tr: &Tr) -> Vec<String> {
    let lang = state.lang;
    let catalog = state.catalog();
    state
        .screens
        .iter()
        .map(|s| match s {
            Screen::Welcome(_) => tr.t("crumb-home"),
            Screen::Categories { audience, .. } => tr.t(audience_key(*audience)),
            Screen::Services { category, .. } => catalog
                .and_then(|c| screen::category(c, category))
                .map_or_else(String::new, |c| c.name.get(lang).to_owned()),
            Screen::Guide { service, .. } => catalog
                .and_then(|c| screen::service(c, service))
                .map_or_else(String::new, |s| s.name.get(lang).to_owned()),
            Screen::BookHall(_) => tr.t("crumb-book-hall"),
            Screen::BookDate { .. } => tr.t("crumb-book-date"),
            Screen::BookSlot { .. } => tr.t("crumb-book-slot"),
            Screen::BookDetails { .. } => tr.t("crumb-book-details"),
            Screen::BookCheck { .. } => tr.t("crumb-book-check"),
            Screen::BookDone { .. } => tr.t("crumb-book-done"),
            Screen::Lookup { .. } if state.visit.purpose == crate::kiosk::visit::Purpose::CheckIn => {
                tr.t("crumb-check-in")
            }
            Screen::Lookup { .. } => tr.t("crumb-lookup"),
            Screen::LookupResult { .. } => tr.t("crumb-lookup-result"),
            Screen::StaffPin { .. } | Screen::Staff { .. } => tr.t("crumb-staff"),
            Screen::Search { .. } => tr.t("crumb-search"),
            Screen::TakeNumber(_) => tr.t("crumb-take-number"),
            Screen::Priority { .. } => tr.t("crumb-priority"),
            Screen::Ticket { .. } => tr.t("crumb-ticket"),
            Screen::Policies { .. } => tr.t("crumb-policies"),
            Screen::PolicyFilter { kind, .. } => tr.t(super::policies::filter_key(*kind)),
            Screen::Policy { id, .. } => crate::kiosk::policies::policy(state, id)
                .map_or_else(String::new, |p| p.title.get(lang).to_owned()),
            screen @ (Screen::Rating(_) | Screen::Report(_)) => tr.t(super::rating::crumb_key(screen)),
        })
        .collect()
}

/// The breadcrumb fitted to `width`: the oldest steps give way first.
fn fitted_crumbs(crumbs: &[String], width: usize) -> String {
    let mut start = 0;
    loop {
        let shown = crumbs[start..].join(" › ");
        let text = if start == 0 { shown } else { format!("… › {shown}") };
        if Line::raw(text.as_str()).width() <= width {
            return text;
        }
        if start + 1 >= crumbs.len() {
            // Even the last step alone is too long: cut it, clear of the buttons.
            return super::wrap::truncate(&text, width);
        }
        start += 1;
    }
}

pub fn audience_key(audience: Audience) -> &'static str {
    match audience {
        Audience::Personal => "audience-personal",
        Audience::Business => "audience-business",
    }
}

/// Draws the message in the fixed place, or where the screen has it (the
/// booking lookup shows its answer under its fields, where the eyes are).
pub fn notice(state: &State, ui: &Ui, frame: &mut Frame, area: Rect) {
    if let Some((text, style)) = notice_text(state, ui) {
        ui.spoken.notice(&text);
        super::wrap::draw(frame, area, area.y, &text, style);
    } else if let Some(hint) = speech_hint(state) {
        // Welcome says how to start speech, in each language it is spoken in.
        super::wrap::draw(frame, area, area.y, &hint, ui.theme.info);
    }
}

/// Where the message is drawn on this screen.
pub fn notice_area(state: &State, bands: &layout::Bands) -> Rect {
    super::lookup::notice_area(state, bands.body).unwrap_or(bands.notice)
}

/// The message shown, in words, and its style.
pub fn notice_text(state: &State, ui: &Ui) -> Option<(String, ratatui::style::Style)> {
    let tr = &ui.tr;
    let error = |key: &str| (tr.t(key), ui.theme.error);
    Some(match &state.notice {
        None => return None,
        Some(Notice::StillLoading) => (tr.t("notice-still-loading"), ui.theme.info),
        Some(Notice::Unavailable(e)) => {
            let reason = tr.t(super::screens::fetch_error_key(*e));
            let retry = matches!(state.catalog, CatalogState::Failed(_));
            let key = if retry { "notice-unavailable-retry" } else { "notice-unavailable" };
            (tr.a(key, &[("reason", i18n::s(&reason))]), ui.theme.error)
        }
        Some(Notice::NothingToOpen(e)) => {
            let reason = tr.t(super::screens::fetch_error_key(*e));
            let phone = state.help_phone();
            let args = [
                ("reason", i18n::s(&reason)),
                ("phone", i18n::s(phone.unwrap_or(""))),
                ("has_phone", i18n::s(if phone.is_some() { "yes" } else { "no" })),
            ];
            (tr.a("notice-nothing-to-open", &args), ui.theme.error)
        }
        Some(Notice::DayUnavailable) => error("notice-day-unavailable"),
        Some(Notice::SlotFull) => error("notice-slot-full"),
        Some(Notice::Cancelled) => (tr.t("notice-cancelled"), ui.theme.info),
        Some(Notice::BookingOffline) => {
            let address = state.hall().map_or("", |h| h.address.get(state.lang));
            let args = [("phone", i18n::s(state.help_phone().unwrap_or(""))), ("address", i18n::s(address))];
            (tr.a("notice-booking-offline", &args), ui.theme.error)
        }
        Some(Notice::ConfigReloaded) => (tr.t("notice-config-reloaded"), ui.theme.info),
        Some(Notice::HoldEnding) => (tr.t("notice-hold-ending"), ui.theme.info),
        Some(Notice::HoldKept) => (tr.t("notice-hold-kept"), ui.theme.info),
        Some(Notice::ConfigRejected(problems)) => {
            (tr.a("notice-config-rejected", &[("problems", i18n::s(problems))]), ui.theme.error)
        }
        Some(Notice::Visit(refusal)) => (super::visit::refusal_text(state, tr, refusal), ui.theme.error),
        Some(Notice::Speech(what)) => speech_notice(tr, *what, ui),
        Some(Notice::Rating(n)) => {
            let style = if super::rating::is_info(n) { ui.theme.info } else { ui.theme.error };
            (super::rating::notice_text(tr, n), style)
        }
        Some(Notice::Booking(failure)) => match failure {
            BookingFailure::Fetch(e) => {
                let reason = tr.t(super::screens::fetch_error_key(*e));
                (tr.a("notice-network-retry", &[("reason", i18n::s(&reason))]), ui.theme.error)
            }
            BookingFailure::SlotFull => error("notice-slot-taken"),
            BookingFailure::HoldExpired => error("notice-hold-expired"),
            BookingFailure::AlreadyBooked => error("notice-already-booked"),
            BookingFailure::TooManyBookings => error("notice-too-many-bookings"),
            BookingFailure::Invalid(_) => error("notice-invalid"),
            BookingFailure::NotFound => error("notice-not-found"),
            BookingFailure::Refused => error("notice-refused"),
            BookingFailure::NotExtended => error("notice-not-extended"),
            BookingFailure::TooManyTries { retry_after_secs } => {
                // Whole minutes, rounded up: "in 0 minutes" would be untrue.
                let minutes = retry_after_secs.div_ceil(60).clamp(1, u64::from(u32::MAX)) as u32;
                (tr.a("notice-too-many-tries", &[("minutes", i18n::n(minutes))]), ui.theme.error)
            }
        },
    })
}

pub fn status(state: &State, ui: &Ui, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let tr = &ui.tr;
    let mut spans = vec![Span::styled(" ", t.status)];
    for hint in keybar::hints(state) {
        spans.push(Span::styled(hint.key, t.status.add_modifier(Modifier::BOLD)));
        spans.push(Span::styled(format!(" {}  ", hint.label), t.status));
    }
    let bar = Rect { height: 1, ..area };
    frame.render_widget(Line::from(spans).style(t.status), bar);
    if let Some(phone) = state.help_phone() {
        let help = tr.a("help-phone", &[("phone", i18n::s(phone))]);
        frame.render_widget(
            Line::styled(format!(" {help}"), t.dim),
            Rect { y: area.y + 1, height: 1, ..area },
        );
    }
}

/// The name a language calls itself, for menus.
pub fn language_name(lang: Lang) -> String {
    Tr::new(lang).t("lang-name")
}

/// Welcome's "按 F1 收听语音 · Press F1 for speech", where speech can start.
fn speech_hint(state: &State) -> Option<String> {
    let waiting = matches!(state.screen(), Screen::Welcome(_));
    (waiting && crate::kiosk::speech::offered(state) && !state.speech.on)
        .then(|| crate::kiosk::speech::hint_lines(state).join(" · "))
}

/// Speech on or off, its rate or volume, or why it cannot run.
fn speech_notice(tr: &Tr, what: SpeechNotice, ui: &Ui) -> (String, ratatui::style::Style) {
    let limit = |at_end: bool| i18n::s(if at_end { "yes" } else { "no" });
    match what {
        SpeechNotice::On => (tr.t("speech-on"), ui.theme.info),
        SpeechNotice::Off => (tr.t("speech-off"), ui.theme.info),
        SpeechNotice::Rate { rate, limit: at_end } => {
            (tr.a("speech-rate", &[("rate", i18n::n(rate)), ("limit", limit(at_end))]), ui.theme.info)
        }
        SpeechNotice::Volume { volume, limit: at_end } => {
            (tr.a("speech-volume", &[("volume", i18n::n(volume)), ("limit", limit(at_end))]), ui.theme.info)
        }
        SpeechNotice::Unavailable => (tr.t("speech-unavailable"), ui.theme.error),
    }
}
