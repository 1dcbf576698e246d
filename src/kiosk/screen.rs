//! The screens, and the items each one offers. Items are derived from the
//! catalogue on demand, never stored, so they cannot go stale.

use super::Remote;
use super::booking::Field;
use super::lookup::LookupField;
use crate::domain::{Audience, Booking, Catalog, Category, Days, FieldError, Lang, Service, Slots};

/// A list with one focused item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Menu {
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Welcome(Menu),
    Categories {
        audience: Audience,
        menu: Menu,
    },
    Services {
        category: String,
        menu: Menu,
    },
    /// A service guide; `focus` is the part (see [`guide_parts`]) at the reader's eye.
    Guide {
        service: String,
        focus: usize,
        /// The QR code fills the body (on terminals too narrow to show it beside the guide).
        qr: bool,
    },
    /// Booking, one question per screen; the answers live in `State::draft`.
    BookHall(Menu),
    BookDate {
        menu: Menu,
        days: Remote<Days>,
    },
    BookSlot {
        menu: Menu,
        slots: Remote<Slots>,
        /// A hold was asked for and has not been answered yet.
        holding: bool,
    },
    BookDetails {
        focus: Field,
        /// Found when Continue was pressed; shown next to each field and in a summary.
        errors: Vec<(Field, FieldError)>,
        /// Reopened by "change" on the check page: Enter (or Back) goes
        /// straight to a fresh check page.
        back_to_check: bool,
    },
    BookCheck {
        menu: Menu,
        /// A confirmation is on its way.
        sending: bool,
    },
    BookDone {
        booking: Box<Booking>,
        /// The QR code fills the body.
        qr: bool,
    },
    /// "My appointment": code and the phone's last four digits.
    Lookup {
        focus: LookupField,
        errors: Vec<(LookupField, FieldError)>,
        searching: bool,
    },
    /// Search: the query is in `State::search`; results as they were found.
    Search {
        menu: Menu,
        hits: Vec<crate::search::Hit>,
        /// The focus is on the results (after ↑↓), not on the query typed;
        /// Enter opens the chosen result either way.
        browsing: bool,
    },
    /// The staff PIN prompt (the PIN itself is in `State::staff`).
    StaffPin {
        checking: bool,
    },
    Staff {
        menu: Menu,
        info: Remote<super::staff::StaffInfo>,
        /// The page shown, and the first of its rows on screen.
        tab: super::staff::Tab,
        scroll: usize,
        /// The hall's day (ratings, reports, queues); None while it comes.
        figures: Option<Box<super::staff::Figures>>,
    },
    LookupResult {
        booking: Box<Booking>,
        menu: Menu,
        /// Asking "cancel it, really?".
        confirming: bool,
        cancelling: bool,
    },
    /// 取号: how to find the service (or, where no number can be given
    /// here, where numbers are given); the queues are in `State::visit`.
    TakeNumber(Menu),
    /// 绿色通道: "are you in one of these groups?", "no" first.
    Priority {
        service: String,
        menu: Menu,
    },
    /// The number taken or checked in (or why none was given), from `State::visit`.
    Ticket {
        /// The QR code fills the body.
        qr: bool,
    },
    /// 政策查询: the query is in `State::policies`; the filters, then the
    /// documents found (indexes into the library).
    Policies {
        menu: Menu,
        found: Vec<usize>,
        /// The focus is on the list (after ↓), not on the query typed.
        browsing: bool,
    },
    /// The choices of one filter of the Policies screen.
    PolicyFilter {
        kind: super::policies::FilterKind,
        menu: Menu,
    },
    /// A policy document; `focus` is the part (see `policies::doc_parts`).
    Policy {
        id: String,
        focus: usize,
        /// The QR code fills the body.
        qr: bool,
    },
    /// 评价: one step of rating a finished ticket (`State::rating`).
    Rating(super::rating::RateStep),
    /// 找错: one step of reporting a mistake in a guide (`State::report`).
    Report(super::report::ReportStep),
}

impl Screen {
    /// Screens where the citizen types: letters and digits are text there,
    /// and Home and End move in the field.
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Screen::BookDetails { .. }
                | Screen::Lookup { .. }
                | Screen::StaffPin { .. }
                | Screen::Search { .. }
                | Screen::Policies { .. }
                | Screen::Rating(super::rating::RateStep::Number | super::rating::RateStep::Words)
                | Screen::Report(super::report::ReportStep::Words)
        )
    }
}

/// What Welcome offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelcomeItem {
    /// 取号: a number for a service's queue.
    TakeNumber,
    /// 预约签到: check a booking in.
    CheckIn,
    /// 个人办事 or 法人办事: the categories for that audience.
    Browse(Audience),
    /// Find a service by name, pinyin or keyword.
    Search,
    /// Look up or cancel a booking.
    MyBooking,
    /// 长者模式 on or off.
    Elderly,
    /// 读屏模式 on or off.
    ScreenReader,
    Language(Lang),
    /// 政策查询: the policy documents behind the services.
    Policies,
    /// 评价: rate a service finished at a window.
    Rate,
}

pub fn welcome_items() -> Vec<WelcomeItem> {
    // Why most citizens come to a hall's terminal, first.
    [
        WelcomeItem::TakeNumber,
        WelcomeItem::CheckIn,
        WelcomeItem::Rate,
        WelcomeItem::Browse(Audience::Personal),
        WelcomeItem::Browse(Audience::Business),
        WelcomeItem::Search,
        WelcomeItem::MyBooking,
        WelcomeItem::Policies,
        WelcomeItem::Elderly,
        WelcomeItem::ScreenReader,
    ]
    .into_iter()
    .chain(Lang::ALL.map(WelcomeItem::Language))
    .collect()
}

/// The categories for one audience, in catalogue order.
pub fn categories(catalog: &Catalog, audience: Audience) -> Vec<&Category> {
    catalog.categories.iter().filter(|c| c.audience == audience).collect()
}

/// The services of a category, most asked-for first.
pub fn services<'a>(catalog: &'a Catalog, category: &str) -> Vec<&'a Service> {
    let mut list: Vec<_> = catalog.services.iter().filter(|s| s.category == category).collect();
    list.sort_by_key(|s| std::cmp::Reverse(s.popularity));
    list
}

pub fn service<'a>(catalog: &'a Catalog, id: &str) -> Option<&'a Service> {
    catalog.services.iter().find(|s| s.id == id)
}

pub fn category<'a>(catalog: &'a Catalog, id: &str) -> Option<&'a Category> {
    catalog.categories.iter().find(|c| c.id == id)
}

/// The parts of a service guide, in reading order. Focus moves part by part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuidePart {
    Overview,
    Conditions,
    Material(usize),
    Fees,
    TimeLimits,
    Visits,
    Where,
    Phones,
    /// 依据: a document the service rests on (`policies::based_on`), which opens it.
    BasedOn(usize),
}

pub fn guide_parts(service: &Service) -> Vec<GuidePart> {
    let mut parts = vec![GuidePart::Overview, GuidePart::Conditions];
    parts.extend((0..service.materials.len()).map(GuidePart::Material));
    parts.extend([
        GuidePart::Fees,
        GuidePart::TimeLimits,
        GuidePart::Visits,
        GuidePart::Where,
        GuidePart::Phones,
    ]);
    parts
}

/// The guide's parts with its "Based on" documents (`based_on` of them) at the end.
pub fn guide_parts_with(service: &Service, based_on: usize) -> Vec<GuidePart> {
    let mut parts = guide_parts(service);
    parts.extend((0..based_on).map(GuidePart::BasedOn));
    parts
}
