//! The page's content: the service's guide (materials, fees, time limits,
//! where to go, whom to call) and, for a booking, when and where it is.
//! No name, phone or ID number ever appears.

use std::fmt::Write as _;

use jiff::Timestamp;

use super::html::{escape, para, with_phone};
use crate::domain::{Catalog, Hall, Service, policy::Library};
use crate::i18n::{self, Tr};
use crate::server::{calendar, store::StoredBooking};

/// The guide, with the booking first when there is one. `code` is the
/// handoff's (normalized), for the link to the cancel page. The service's
/// name heads the page (`h1`), or a part of it (`h2`: under a ticket).
pub(super) fn body(
    catalog: &Catalog,
    library: &Library,
    s: &Service,
    tr: &Tr,
    booking: Option<&StoredBooking>,
    code: &str,
    level: u8,
) -> String {
    let lang = tr.lang;
    let mut out = format!("<h{level}>{}</h{level}>", escape(s.name.get(lang)));
    out += &para(&tr.a("guide-department", &[("department", i18n::s(s.department.get(lang)))]));
    if let Some(date) = &s.reviewed {
        out += &para(&tr.a("guide-reviewed", &[("date", i18n::s(&i18n::full_date(tr, date)))]));
    }
    if let Some(b) = booking {
        out += &booking_section(catalog, s, tr, b);
        if b.active {
            let _ = write!(
                out,
                "<p><a href=\"{}/cancel\">{}</a></p>",
                escape(code),
                escape(&tr.t("m-cancel-link"))
            );
        }
    }
    out += &materials(s, tr);
    out += &fees_and_time_limits(s, tr);
    out += &super::policy::based_on(library, &s.id, tr);
    let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("guide-where")));
    for hall in catalog.halls.iter().filter(|h| s.halls.contains(&h.id)) {
        out += &hall_card(hall, tr);
    }
    let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("guide-phones")));
    let _ = write!(out, "<p>{}</p>", with_phone(tr, "enquiry-phone", &s.enquiry_phone));
    let _ = write!(out, "<p>{}</p>", with_phone(tr, "complaint-phone", &s.complaint_phone));
    // 找错: the citizen who finds the guide wrong can say so.
    out += &super::report::link(tr, code);
    out
}

/// The checklist: each material with a box to tick (no script: the box
/// only helps while the page is open).
fn materials(s: &Service, tr: &Tr) -> String {
    let lang = tr.lang;
    let mut out = format!(
        "<h2>{}</h2><ul>",
        escape(&tr.a("guide-materials", &[("count", i18n::n(s.materials.len() as u32))]))
    );
    for (i, m) in s.materials.iter().enumerate() {
        let facts = i18n::material_facts(tr, m);
        let _ = write!(
            out,
            "<li><label><input type=\"checkbox\"> {}</label><br><span class=\"note\">{}<br>{}</span>",
            escape(&format!("{}. {}", i + 1, m.name.get(lang))),
            escape(&facts.join(" · ")),
            escape(&tr.a("material-source", &[("source", i18n::s(m.source.get(lang)))])),
        );
        if let Some(notes) = &m.notes {
            let _ = write!(
                out,
                "<br><span class=\"note\">{}</span>",
                escape(&tr.a("material-notes", &[("notes", i18n::s(notes.get(lang)))]))
            );
        }
        out += "</li>";
    }
    out + "</ul>"
}

fn fees_and_time_limits(s: &Service, tr: &Tr) -> String {
    let lang = tr.lang;
    let mut out = format!("<h2>{}</h2>", escape(&tr.t("guide-fees")));
    if s.fees.is_empty() {
        out += &para(&tr.t("fees-none"));
    }
    for fee in &s.fees {
        out += &para(
            &tr.a("fee-item", &[("item", i18n::s(fee.item.get(lang))), ("amount", i18n::s(&fee.amount))]),
        );
    }
    let _ = write!(out, "<h2>{}</h2>", escape(&tr.t("guide-time-limits")));
    for line in crate::ui::guide::time_limit_lines(tr, s) {
        out += &para(&line);
    }
    out
}

fn hall_card(hall: &Hall, tr: &Tr) -> String {
    let lang = tr.lang;
    format!(
        "<p><strong>{}</strong><br>{}<br>{}<br>{}</p>",
        escape(hall.name.get(lang)),
        escape(hall.address.get(lang)),
        escape(hall.hours.get(lang)),
        with_phone(tr, "m-call", &hall.phone),
    )
}

/// The booking: its code, when and where (or that it is cancelled).
pub(super) fn booking_section(catalog: &Catalog, s: &Service, tr: &Tr, b: &StoredBooking) -> String {
    let lang = tr.lang;
    let hall = catalog.halls.iter().find(|h| h.id == b.hall);
    let tz = hall.map_or(jiff::tz::TimeZone::UTC, calendar::zone);
    let local = |t: i64| {
        Timestamp::from_second(t).map(|t| calendar::hh_mm(&t.to_zoned(tz.clone()))).unwrap_or_default()
    };
    let mut out =
        format!("<h2>{}</h2>", escape(&tr.t(if b.active { "m-booking" } else { "status-cancelled" })));
    out += &code_line(tr, &b.code);
    let day = b
        .local_date
        .parse::<jiff::civil::Date>()
        .map(|d| i18n::day_label(tr, &b.local_date, d.weekday().to_monday_one_offset() as u8));
    let when = tr.a(
        "booking-when",
        &[
            ("day", i18n::s(&day.unwrap_or_default())),
            ("start", i18n::s(&local(b.start))),
            ("end", i18n::s(&local(b.end))),
            ("zone", i18n::s(&i18n::zone(tr, hall.map_or("", |h| h.time_zone.as_str())))),
        ],
    );
    out += &para(&when);
    if let Some(h) = hall {
        let place = match s.location_at(&h.id) {
            Some(windows) => format!("{} · {}", h.name.get(lang), windows.get(lang)),
            None => h.name.get(lang).to_owned(),
        };
        out += &para(
            &tr.a("booking-where", &[("place", i18n::s(&place)), ("address", i18n::s(h.address.get(lang)))]),
        );
    }
    // The company is no one's personal data: the window readies its file.
    if let Some(company) = &b.company {
        out += &para(&tr.a("booking-company", &[("company", i18n::s(company))]));
    }
    out
}

/// The code written as the kiosk writes it (`ZANR 918G`), and spelled for a
/// screen reader (`Z A N R, 9 1 8 G`), which would otherwise read the groups
/// as a word and a number: the written line is hidden from it, the spelled
/// one from the eye.
fn code_line(tr: &Tr, code: &str) -> String {
    let written = tr.a("booking-code", &[("code", i18n::s(&crate::domain::grouped_code(code)))]);
    let spelled = tr.a("booking-code", &[("code", i18n::s(&crate::domain::spelled_code(code)))]);
    format!(
        "<p class=\"code\"><span aria-hidden=\"true\">{}</span><span class=\"spoken\">{}</span></p>",
        escape(&written),
        escape(&spelled)
    )
}
