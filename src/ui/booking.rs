//! The booking screens: hall, date, time slot, details, check, confirmation.

use ratatui::{
    Frame,
    layout::{Position, Rect},
    text::Line,
};

use crate::domain::{Booking, Day, FieldError, grouped_code, spelled_code};
use crate::i18n::{self, Tr};
use crate::kiosk::{
    Remote, State,
    booking::{self, CheckItem, Field},
    hold,
};
use crate::speech::FieldKind;
use crate::ui::documents::{field_error, id_kind_name, id_kind_short_name};
use crate::ui::spoken::Line as Spoken;
use crate::ui::{
    Ui, screens,
    widgets::{
        form::{self, FieldView},
        menu::{self, Item},
    },
    wrap,
};

fn weekday_of(date: &str) -> u8 {
    date.parse::<jiff::civil::Date>().map_or(1, |d| d.weekday().to_monday_one_offset() as u8)
}

fn hall_name(state: &State, id: &str) -> String {
    state.hall_by_id(id).map_or_else(|| id.to_owned(), |h| h.name.get(state.lang).to_owned())
}

/// While something loads or failed to: say so in the body.
fn pending<T>(ui: &Ui, frame: &mut Frame, body: Rect, remote: &Remote<T>) -> bool {
    let (text, style) = match remote {
        Remote::Ready(_) => return false,
        Remote::Loading => (ui.tr.t("loading"), ui.theme.info),
        Remote::Failed(e) => {
            let reason = ui.tr.t(screens::fetch_error_key(*e));
            (ui.tr.a("load-failed", &[("reason", i18n::s(&reason))]), ui.theme.error)
        }
    };
    frame.render_widget(Line::styled(text, style), Rect { height: 1, ..body });
    frame.set_cursor_position(Position { x: body.x, y: body.y });
    true
}

pub fn hall(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, selected: usize) {
    let items: Vec<Item> = booking::halls(state)
        .iter()
        .filter_map(|id| state.hall_by_id(id))
        .map(|h| Item {
            label: h.name.get(state.lang).to_owned(),
            detail: h.address.get(state.lang).to_owned(),
        })
        .collect();
    menu::draw(frame, ui, body, &ui.tr.t("book-hall-heading"), &items, selected);
}

fn day_detail(tr: &Tr, day: &Day) -> String {
    match (day.open, day.remaining) {
        (false, _) => tr.t("day-closed"),
        (true, 0) => tr.t("day-full"),
        (true, n) => tr.a("places-left", &[("count", i18n::n(n))]),
    }
}

pub fn date(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    selected: usize,
    days: &Remote<crate::domain::Days>,
) {
    if pending(ui, frame, body, days) {
        return;
    }
    let Remote::Ready(days) = days else { return };
    let items: Vec<Item> = days
        .days
        .iter()
        .map(|d| Item { label: i18n::day_label(&ui.tr, &d.date, d.weekday), detail: day_detail(&ui.tr, d) })
        .collect();
    let hall = hall_name(state, &days.hall);
    let heading = ui.tr.a(
        "book-date-heading",
        &[("hall", i18n::s(&hall)), ("zone", i18n::s(&i18n::zone(&ui.tr, &days.time_zone)))],
    );
    menu::draw(frame, ui, body, &heading, &items, selected);
}

pub fn slot(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    selected: usize,
    slots: &Remote<crate::domain::Slots>,
    holding: bool,
) {
    if pending(ui, frame, body, slots) {
        return;
    }
    let Remote::Ready(slots) = slots else { return };
    let items: Vec<Item> = slots
        .slots
        .iter()
        .map(|s| Item {
            label: format!("{}–{}", s.local_start, s.local_end),
            detail: match s.remaining {
                0 => ui.tr.t("slot-full"),
                n => ui.tr.a("places-left", &[("count", i18n::n(n))]),
            },
        })
        .collect();
    let day = i18n::day_label(&ui.tr, &slots.date, weekday_of(&slots.date));
    let heading = if holding {
        ui.tr.t("book-slot-holding")
    } else if items.is_empty() {
        ui.tr.a("book-slot-none", &[("day", i18n::s(&day))])
    } else {
        let hall = hall_name(state, &slots.hall);
        ui.tr.a(
            "book-slot-heading",
            &[
                ("day", i18n::s(&day)),
                ("hall", i18n::s(&hall)),
                ("zone", i18n::s(&i18n::zone(&ui.tr, &slots.time_zone))),
            ],
        )
    };
    menu::draw(frame, ui, body, &heading, &items, selected);
}

pub fn details(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    focus: Field,
    errors: &[(Field, FieldError)],
) {
    let Some(draft) = state.draft.as_ref() else { return };
    let tr = &ui.tr;
    let t = &ui.theme;
    frame.render_widget(Line::styled(tr.t("book-details-heading"), t.heading), Rect { height: 1, ..body });
    if let Some(left) = hold::hold_left(state) {
        let text = match left {
            hold::HoldLeft::Minutes(m) => tr.a("hold-minutes", &[("minutes", i18n::n(m as u32))]),
            hold::HoldLeft::Seconds(s) if hold::can_keep_longer(state) => {
                tr.a("hold-seconds-keep", &[("seconds", i18n::n(s as u32))])
            }
            hold::HoldLeft::Seconds(s) => tr.a("hold-seconds", &[("seconds", i18n::n(s as u32))]),
        };
        frame.render_widget(Line::styled(text, t.info), Rect { y: body.y + 1, height: 1, ..body });
    }
    let d = &draft.details;
    let error_for =
        |f: Field| errors.iter().find(|(e, _)| *e == f).map(|(_, e)| field_error(tr, f, d.id_kind, *e));
    let fields: Vec<FieldView> = booking::fields(state)
        .iter()
        .map(|&f| {
            let label = tr.t(field_label(f));
            let view = match d.field(f) {
                Some(text) => FieldView::text(label, text),
                None => FieldView::choice(label, id_kind_name(tr, d.id_kind)),
            };
            let kind = match f {
                Field::Name => FieldKind::Name,
                Field::Phone | Field::IdNumber => FieldKind::Digits,
                Field::IdKind | Field::Company => FieldKind::Text,
            };
            FieldView { error: error_for(f), focused: f == focus, kind, ..view }
        })
        .collect();
    // After Continue the focus moves to the first field in error, so the
    // cursor (and a screen reader) lands where the fix is needed.
    form::draw_with_summary(frame, ui, state, body, &fields, body.y + 2);
}

/// The message naming a field of the details page.
fn field_label(field: Field) -> &'static str {
    match field {
        Field::Name => "field-name",
        Field::Phone => "field-phone",
        Field::IdKind => "field-id-kind",
        Field::IdNumber => "field-id-number",
        Field::Company => "field-company",
    }
}

pub fn check(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, selected: usize, sending: bool) {
    let Some(draft) = state.draft.as_ref() else { return };
    let tr = &ui.tr;
    let lang = state.lang;
    let d = &draft.details;
    let slot = draft.slot.as_ref();
    let time = match (draft.date.as_deref(), slot) {
        (Some(date), Some(s)) => {
            format!(
                "{} {}–{} · {}",
                i18n::day_label(tr, date, weekday_of(date)),
                s.local_start,
                s.local_end,
                hall_name(state, &draft.hall)
            )
        }
        _ => String::new(),
    };
    let items: Vec<Item> = booking::check_items(state)
        .iter()
        .map(|item| match item {
            CheckItem::Confirm => Item { label: tr.t("check-confirm"), detail: String::new() },
            CheckItem::Change(field) => {
                let (label, value) = match field {
                    Field::Name => ("field-name", d.name.text.clone()),
                    Field::Phone => ("field-phone", crate::domain::person::display_phone(&d.phone.text)),
                    Field::Company => ("field-company", d.company.text.trim().to_owned()),
                    _ => {
                        let id = format!(
                            "{} {}",
                            id_kind_short_name(tr, d.id_kind),
                            d.id_number.text.to_uppercase()
                        );
                        ("field-id-number", id)
                    }
                };
                let label =
                    tr.a("check-answer", &[("label", i18n::s(&tr.t(label))), ("value", i18n::s(&value))]);
                Item { label, detail: tr.t("check-change") }
            }
            CheckItem::ChangeTime => Item {
                label: tr
                    .a("check-answer", &[("label", i18n::s(&tr.t("field-time"))), ("value", i18n::s(&time))]),
                detail: tr.t("check-change"),
            },
        })
        .collect();
    let service = state.service(&draft.service).map_or("", |s| s.name.get(lang));
    let heading =
        if sending { tr.t("check-sending") } else { tr.a("check-heading", &[("service", i18n::s(service))]) };
    menu::draw(frame, ui, body, &heading, &items, selected);
}

/// Lines describing a booking: code, service, where, when.
pub fn booking_lines(state: &State, tr: &Tr, b: &Booking) -> Vec<(String, bool)> {
    let lang = state.lang;
    let service = state.service(&b.service);
    let hall = state.hall_by_id(&b.hall);
    let day = i18n::day_label(tr, &b.date, weekday_of(&b.date));
    // Written as the phone writes it; spelled out for a screen reader.
    let code = if state.screen_reader { spelled_code(&b.code) } else { grouped_code(&b.code) };
    let mut lines = vec![
        (tr.a("booking-code", &[("code", i18n::s(&code))]), true),
        (
            tr.a(
                "booking-service",
                &[("service", i18n::s(service.map_or(b.service.as_str(), |s| s.name.get(lang))))],
            ),
            false,
        ),
        (
            tr.a(
                "booking-when",
                &[
                    ("day", i18n::s(&day)),
                    ("start", i18n::s(&b.local_start)),
                    ("end", i18n::s(&b.local_end)),
                    ("zone", i18n::s(&i18n::zone(tr, &b.time_zone))),
                ],
            ),
            false,
        ),
    ];
    if let Some(h) = hall {
        let window = service.and_then(|s| s.location_at(&h.id)).map(|w| w.get(lang));
        let place = match window {
            Some(w) => format!("{} · {w}", h.name.get(lang)),
            None => h.name.get(lang).to_owned(),
        };
        lines.push((
            tr.a("booking-where", &[("place", i18n::s(&place)), ("address", i18n::s(h.address.get(lang)))]),
            false,
        ));
    }
    lines.push((
        tr.a(
            "booking-person",
            &[
                ("name", i18n::s(&b.name_masked)),
                ("phone", i18n::s(&b.phone_masked)),
                ("id", i18n::s(&b.id_masked)),
            ],
        ),
        false,
    ));
    lines
}

pub fn done(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, b: &Booking, qr: bool) {
    let Some(body) = super::phone::beside(state, ui, frame, body, qr) else { return };
    let tr = &ui.tr;
    let t = &ui.theme;
    let heading = tr.t("done-heading");
    let mut y = wrap::draw(frame, body, body.y, &heading, t.heading);
    frame.set_cursor_position(Position { x: body.x, y: body.y });
    ui.spoken.line(Spoken::Text(heading));
    let label = tr.a("booking-code", &[("code", i18n::s(""))]);
    ui.spoken.line(Spoken::Code { label: label.trim().to_owned(), code: b.code.clone() });
    for (i, (line, strong)) in booking_lines(state, tr, b).into_iter().enumerate() {
        y = wrap::draw(frame, body, y, &line, if strong { t.focus } else { t.text });
        if i > 0 {
            ui.spoken.line(Spoken::Text(line));
        }
    }
    y = wrap::draw(frame, body, y, "", t.text);
    if let Some(service) = state.service(&b.service) {
        y = wrap::draw(frame, body, y, &tr.t("done-bring"), t.heading);
        // A box to tick, and the words beside it, wrapped under themselves.
        let beside = Rect { x: body.x + 2, width: body.width.saturating_sub(2), ..body };
        for m in &service.materials {
            let line = format!("{} · {}", m.name.get(state.lang), i18n::material_facts(tr, m).join(" · "));
            if y < body.bottom() {
                frame.render_widget(Line::styled("☐", t.text), Rect { y, width: 1, height: 1, ..body });
            }
            y = wrap::draw(frame, beside, y, &line, t.text);
        }
    }
}
