//! The hall visit's questions: how to find the service for a number (or
//! where numbers are given instead), the priority question, the check-in
//! form; and every refusal as the sentence a citizen reads.

use ratatui::{
    Frame,
    layout::{Position, Rect},
};

use crate::domain::{Audience, FieldError};
use crate::i18n::{self, Tr};
use crate::kiosk::{
    Remote, State,
    lookup::LookupField,
    ticket,
    visit::{self, StartItem, VisitRefusal},
};
use crate::ui::{
    Ui, chrome, screens,
    widgets::{
        form::{self, FieldView},
        menu::{self, Item},
    },
    wrap,
};

/// 取号: by category or by search; where no number can be given here, why
/// and where numbers are given.
pub fn take_number(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, selected: usize) {
    let tr = &ui.tr;
    let items: Vec<Item> = visit::start_items(state)
        .into_iter()
        .map(|i| match i {
            StartItem::Browse(a) => Item {
                label: tr.t(chrome::audience_key(a)),
                detail: tr.t(match a {
                    Audience::Personal => "take-number-personal-detail",
                    Audience::Business => "take-number-business-detail",
                }),
            },
            StartItem::Search => {
                Item { label: tr.t("welcome-search"), detail: tr.t("welcome-search-detail") }
            }
        })
        .collect();
    if !items.is_empty() {
        menu::draw(frame, ui, body, &tr.t("take-number-heading"), &items, selected);
        return;
    }
    let y = wrap::draw(frame, body, body.y, &tr.t("take-number-title"), ui.theme.heading);
    frame.set_cursor_position(Position { x: body.x, y: body.y });
    let (text, style) = match &state.visit.queues {
        None | Some(Remote::Loading) if state.online != Some(false) => {
            (tr.t("take-number-loading"), ui.theme.info)
        }
        Some(Remote::Failed(e)) => (refusal_text(state, tr, &VisitRefusal::Fetch(*e)), ui.theme.error),
        _ if state.online == Some(false) => {
            let offline = VisitRefusal::Fetch(crate::domain::FetchError::Offline);
            (refusal_text(state, tr, &offline), ui.theme.error)
        }
        _ => (refusal_text(state, tr, &VisitRefusal::AtDesk), ui.theme.error),
    };
    wrap::draw(frame, body, y + 1, &text, style);
}

/// 绿色通道: one question, "no" first; staff check at the window.
pub fn priority(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, selected: usize) {
    let (tr, lang) = (&ui.tr, state.lang);
    let items: Vec<Item> = std::iter::once(Item { label: tr.t("priority-no"), detail: String::new() })
        .chain(
            ticket::groups(state)
                .iter()
                .map(|g| Item { label: g.name.get(lang).to_owned(), detail: tr.t("priority-checked") }),
        )
        .collect();
    menu::draw(frame, ui, body, &tr.t("priority-heading"), &items, selected);
}

/// 预约签到: the "My appointment" fields, for a check-in.
pub fn check_in(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    focus: LookupField,
    errors: &[(LookupField, FieldError)],
    sending: bool,
) {
    let tr = &ui.tr;
    let heading = tr.t(if sending { "check-in-sending" } else { "check-in-heading" });
    wrap::draw(frame, Rect { height: 1, ..body }, body.y, &heading, ui.theme.heading);
    let fields: Vec<FieldView> = LookupField::ALL
        .into_iter()
        .map(|f| {
            let (label, text) = match f {
                LookupField::Code => (tr.t("field-code"), &state.lookup.code),
                LookupField::PhoneLast4 => (tr.t("field-last4"), &state.lookup.last4),
            };
            let error = errors.iter().find(|(e, _)| *e == f).map(|(_, e)| {
                tr.t(match (f, e) {
                    (LookupField::Code, FieldError::Missing) => "err-code-missing",
                    (LookupField::Code, _) => "err-code-format",
                    (LookupField::PhoneLast4, FieldError::Missing) => "err-last4-missing",
                    (LookupField::PhoneLast4, _) => "err-last4-format",
                })
            });
            let kind = crate::speech::FieldKind::Digits;
            FieldView { error, focused: f == focus, kind, ..FieldView::text(label, text) }
        })
        .collect();
    form::draw_with_summary(frame, ui, state, body, &fields, body.y + 1);
}

/// Why no number was given, or the booking was not checked in: one
/// sentence each, with the time, the hall or the desk it names.
pub fn refusal_text(state: &State, tr: &Tr, refusal: &VisitRefusal) -> String {
    let lang = state.lang;
    let zone = state.hall().map_or("Asia/Shanghai", |h| h.time_zone.as_str());
    let address = state.hall().map_or("", |h| h.address.get(lang));
    let at = |instant: &str, key: &str| {
        let (date, time) = visit::local(instant, zone).unwrap_or_default();
        tr.a(key, &[("date", i18n::s(&date)), ("time", i18n::s(&time))])
    };
    match refusal {
        VisitRefusal::Fetch(e) => {
            let reason = tr.t(screens::fetch_error_key(*e));
            tr.a("visit-offline", &[("reason", i18n::s(&reason)), ("address", i18n::s(address))])
        }
        VisitRefusal::AtDesk => tr.a("visit-at-desk", &[("address", i18n::s(address))]),
        VisitRefusal::ServiceAtDesk => tr.a("visit-service-at-desk", &[("address", i18n::s(address))]),
        VisitRefusal::ClosedToday => tr.t("visit-closed-today"),
        VisitRefusal::BeforeHours(time) => tr.a("visit-before-hours", &[("time", i18n::s(time))]),
        VisitRefusal::AfterHours(time) => tr.a("visit-after-hours", &[("time", i18n::s(time))]),
        VisitRefusal::DailyCapReached => tr.t("visit-daily-cap"),
        VisitRefusal::NumbersExhausted => tr.t("visit-numbers-exhausted"),
        VisitRefusal::Invalid => tr.a("visit-at-desk", &[("address", i18n::s(address))]),
        VisitRefusal::NotFound => tr.t("check-in-not-found"),
        VisitRefusal::TooEarly(instant) => at(instant, "check-in-too-early"),
        VisitRefusal::TooLate(instant) => at(instant, "check-in-too-late"),
        VisitRefusal::Cancelled => tr.t("check-in-cancelled"),
        VisitRefusal::OtherHall(id) => {
            let hall = state.hall_by_id(id).map_or(id.as_str(), |h| h.name.get(lang));
            let hall_address = state.hall_by_id(id).map_or("", |h| h.address.get(lang));
            tr.a("check-in-other-hall", &[("hall", i18n::s(hall)), ("address", i18n::s(hall_address))])
        }
        VisitRefusal::AlreadyCheckedIn(number) => tr.a("check-in-already", &[("number", i18n::s(number))]),
        VisitRefusal::TooManyTries { retry_after_secs } => {
            let minutes = retry_after_secs.div_ceil(60).clamp(1, u64::from(u32::MAX)) as u32;
            tr.a("check-in-too-many-tries", &[("minutes", i18n::n(minutes))])
        }
    }
}
