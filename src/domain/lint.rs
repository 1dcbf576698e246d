//! `onestop catalog lint`: what a catalogue's editors should look at beyond
//! what stops a load. Errors stop it (`validate::catalog`, the policy
//! library's checks, the queues'); the warnings here are listed — by the
//! command, and in the server's log when it loads a catalogue — and stop
//! nothing: a guide not checked for `catalog.review_months`, a category with
//! no services, an amended document that does not say what amended it.
//! Pure: today's date is an argument.

use jiff::{ToSpan, civil::Date};

use super::{Catalog, policy::Library, policy::Validity};

/// One warning, named as the loader names an error: entry and field (the
/// caller knows which file each entry came from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `service`, `category` or `policy`.
    pub kind: &'static str,
    pub id: String,
    pub field: &'static str,
    pub message: String,
}

/// Every warning for `catalog` and its policy `library`, as of `today`.
pub fn warnings(catalog: &Catalog, library: &Library, today: Date, review_months: u32) -> Vec<Warning> {
    let due = checked_since(today, review_months);
    let mut out = Vec::new();
    let mut warn = |kind, id: &str, field, message: String| {
        out.push(Warning { kind, id: id.to_owned(), field, message });
    };
    let stale = |reviewed: Option<&str>| match reviewed.map(str::parse::<Date>) {
        None => Some("never checked: add `reviewed = \"YYYY-MM-DD\"` once it is".to_owned()),
        Some(Ok(date)) if date < due => Some(format!(
            "last checked {date}, more than {review_months} months ago: check it against its sources"
        )),
        // A malformed date is the loader's error, not a warning.
        Some(_) => None,
    };
    for service in &catalog.services {
        if let Some(message) = stale(service.reviewed.as_deref()) {
            warn("service", &service.id, "reviewed", message);
        }
    }
    for category in &catalog.categories {
        if !catalog.services.iter().any(|s| s.category == category.id) {
            warn("category", &category.id, "id", "no service is in it: the kiosk shows an empty list".into());
        }
    }
    for policy in &library.policies {
        if let Some(message) = stale(Some(&policy.reviewed)) {
            warn("policy", &policy.id, "reviewed", message);
        }
        if policy.validity == Validity::Amended && policy.replaced_by.is_none() {
            warn(
                "policy",
                &policy.id,
                "replaced_by",
                "marked amended (已修改) without the document that amended it".into(),
            );
        }
    }
    out
}

/// A guide checked before this day is overdue for review.
fn checked_since(today: Date, review_months: u32) -> Date {
    let months = i32::try_from(review_months).unwrap_or(i32::MAX);
    today.checked_sub(months.months()).unwrap_or(Date::MIN)
}

/// For the staff screen: how many guides are overdue for review (never
/// checked, or not for `review_months`), and the oldest check of all.
pub fn overdue_guides(catalog: &Catalog, today: Date, review_months: u32) -> (usize, Option<Date>) {
    let due = checked_since(today, review_months);
    let dates: Vec<Option<Date>> =
        catalog.services.iter().map(|s| s.reviewed.as_deref().and_then(|d| d.parse().ok())).collect();
    let overdue = dates.iter().filter(|d| d.is_none_or(|d| d < due)).count();
    (overdue, dates.iter().flatten().min().copied())
}
