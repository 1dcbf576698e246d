//! Rules a catalogue must satisfy before anyone is shown it. A problem names
//! the entry and the field, so the loader can point at the exact place.

use std::collections::HashSet;

use serde::Serialize;

use super::{Catalog, Service, Text, escape_unsafe, is_unsafe_char};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `hall`, `category` or `service`.
    pub kind: &'static str,
    pub id: String,
    /// Dotted path inside the entry, e.g. `materials[2].name`.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The id and the message may quote the catalogue: never send its
        // control characters on to the operator's terminal or log.
        let (id, message) = (escape_unsafe(&self.id), escape_unsafe(&self.message));
        write!(f, "{} `{id}`: field `{}`: {message}", self.kind, self.field)
    }
}

struct Collector<'a> {
    kind: &'static str,
    id: &'a str,
    out: &'a mut Vec<Problem>,
}

impl Collector<'_> {
    fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.out.push(Problem {
            kind: self.kind,
            id: self.id.to_owned(),
            field: field.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, field: &str, text: &Text) {
        for lang in text.missing() {
            self.push(field, format!("no text in {lang}"));
        }
    }

    /// One problem for each string of `entry`, any field, that holds a
    /// character of [`is_unsafe_char`]. The entry is walked as the JSON the
    /// API serves, so a field added later is covered without a line here.
    fn safe_text(&mut self, entry: &impl Serialize) {
        match serde_json::to_value(entry) {
            Ok(value) => self.walk(String::new(), &value),
            Err(e) => self.push("", format!("cannot be serialized: {e}")),
        }
    }

    fn walk(&mut self, path: String, value: &serde_json::Value) {
        use serde_json::Value;
        match value {
            Value::String(s) => {
                if let Some((at, c)) = s.chars().enumerate().find(|&(_, c)| is_unsafe_char(c)) {
                    self.push(path, unsafe_char_message(at, c));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.walk(format!("{path}[{i}]"), item);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    self.walk(path, item);
                }
            }
            _ => {}
        }
    }
}

/// Says which character, where, and why it may not be there.
fn unsafe_char_message(at: usize, c: char) -> String {
    let what = match c {
        '\t' => "a tab",
        '\n' | '\r' => "a line break",
        '\u{1b}' => "an escape (ESC, starts terminal control sequences)",
        '\u{2028}' | '\u{2029}' => "a Unicode line or paragraph separator",
        '\u{200e}' | '\u{200f}' | '\u{061c}' => "a bidi mark",
        '\u{202a}'..='\u{202e}' => "a bidi embedding or override",
        '\u{2066}'..='\u{2069}' => "a bidi isolate",
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => "a zero-width character",
        _ => "a control character",
    };
    format!(
        "character {} is U+{:04X}, {what}; catalogue text is one line of visible characters \
         (no control, bidi or zero-width characters)",
        at + 1,
        u32::from(c)
    )
}

/// The API's id shape (`^[a-z0-9-]{1,64}$`, `limits::is_id`): a hall or
/// service the catalogue names must be one the API can be asked about.
fn is_slug(id: &str) -> bool {
    super::limits::is_id(id)
}

fn is_hh_mm(s: &str) -> bool {
    matches!(s.as_bytes(), [h1, h2, b':', m1, m2]
        if s[..2].parse::<u8>().is_ok_and(|h| h < 24) && s[3..].parse::<u8>().is_ok_and(|m| m < 60)
        && [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()))
}

fn is_amount(s: &str) -> bool {
    matches!(s.split_once('.'), Some((y, f)) if !y.is_empty() && f.len() == 2
        && y.bytes().chain(f.bytes()).all(|b| b.is_ascii_digit()))
}

/// Every problem in the catalogue; empty when it may be served.
pub fn catalog(catalog: &Catalog) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for hall in &catalog.halls {
        let mut c = Collector { kind: "hall", id: &hall.id, out: &mut out };
        c.safe_text(hall);
        if !is_slug(&hall.id) || !seen.insert(("hall", hall.id.as_str())) {
            c.push("id", "must be unique, 1 to 64 lowercase letters, digits and '-'");
        }
        c.text("name", &hall.name);
        c.text("address", &hall.address);
        c.text("hours", &hall.hours);
        if !hall.time_zone.contains('/') {
            c.push("time_zone", "must be an IANA zone such as Asia/Shanghai");
        }
        if !(is_hh_mm(&hall.opens) && is_hh_mm(&hall.closes) && hall.opens < hall.closes) {
            c.push("opens", "opens and closes must be HH:MM with opens before closes");
        }
        if hall.open_weekdays.is_empty() || hall.open_weekdays.iter().any(|d| !(1..=7).contains(d)) {
            c.push("open_weekdays", "list weekdays 1 (Monday) to 7 (Sunday)");
        }
        if let Some(problem) =
            Some(hall.phone.as_str()).filter(|p| !p.is_empty()).and_then(super::phone::listed_phone_problem)
        {
            c.push("phone", problem);
        }
    }
    for cat in &catalog.categories {
        let mut c = Collector { kind: "category", id: &cat.id, out: &mut out };
        c.safe_text(cat);
        if !is_slug(&cat.id) || !seen.insert(("category", cat.id.as_str())) {
            c.push("id", "must be unique, 1 to 64 lowercase letters, digits and '-'");
        }
        c.text("name", &cat.name);
        c.text("summary", &cat.summary);
    }
    let mut codes = HashSet::new();
    for svc in &catalog.services {
        let unique = seen.insert(("service", svc.id.as_str())) && codes.insert(svc.code.as_str());
        service(catalog, svc, unique, &mut out);
    }
    out
}

fn service(catalog: &Catalog, svc: &Service, unique: bool, out: &mut Vec<Problem>) {
    let mut c = Collector { kind: "service", id: &svc.id, out };
    c.safe_text(svc);
    if !is_slug(&svc.id) || !unique {
        c.push("id", "id and code must be unique; id: 1 to 64 lowercase letters, digits and '-'");
    }
    if !catalog.categories.iter().any(|k| k.id == svc.category) {
        c.push("category", format!("no category `{}`", svc.category));
    }
    for (field, text) in [
        ("name", &svc.name),
        ("department", &svc.department),
        ("conditions", &svc.conditions),
        ("location", &svc.location),
    ] {
        c.text(field, text);
    }
    // In different units the limits are compared by the fewest calendar
    // days each can take: only a promise that surely runs past the law is refused.
    if svc.promised().shortest_calendar_days() > svc.statutory().shortest_calendar_days() {
        c.push("promised_days", "must not exceed statutory_days (compared in calendar days)");
    }
    match (svc.charged, svc.fees.is_empty()) {
        (true, true) => c.push("fees", "a service that charges must list its fee items"),
        (false, false) => c.push("fees", "fee items listed, but `charged` is false"),
        _ => {}
    }
    for (i, fee) in svc.fees.iter().enumerate() {
        c.text(&format!("fees[{i}].item"), &fee.item);
        c.text(&format!("fees[{i}].basis"), &fee.basis);
        if !is_amount(&fee.amount) {
            c.push(format!("fees[{i}].amount"), "write the amount in yuan with two decimals, e.g. 20.00");
        }
    }
    if svc.visits > 2 {
        c.push("visits", "at most 2 visits in person");
    }
    match (&svc.visits_reason, svc.visits) {
        (None, v) if v > 0 => c.push("visits_reason", "required when visits > 0"),
        (Some(_), 0) => c.push("visits_reason", "given, but visits is 0"),
        (Some(reason), _) => c.text("visits_reason", reason),
        _ => {}
    }
    if svc.reviewed.as_deref().is_some_and(|d| d.parse::<jiff::civil::Date>().is_err()) {
        c.push("reviewed", "write the date it was last checked as YYYY-MM-DD");
    }
    if svc.halls.is_empty() {
        c.push("halls", "list at least one hall");
    }
    for hall in svc.halls.iter().filter(|h| !catalog.halls.iter().any(|x| &x.id == *h)) {
        c.push("halls", format!("no hall `{hall}`"));
    }
    if svc.enquiry_phone.trim().is_empty() || svc.complaint_phone.trim().is_empty() {
        c.push("enquiry_phone", "enquiry and complaint phones are both required");
    } else if svc.enquiry_phone == svc.complaint_phone {
        c.push("complaint_phone", "must differ from enquiry_phone");
    } else {
        for (field, phone) in
            [("enquiry_phone", &svc.enquiry_phone), ("complaint_phone", &svc.complaint_phone)]
        {
            if let Some(problem) = super::phone::listed_phone_problem(phone) {
                c.push(field, problem);
            }
        }
    }
    if svc.booking.slot_minutes == 0 || svc.booking.capacity == 0 {
        c.push("booking", "slot_minutes and capacity must be above 0");
    }
    if svc.materials.is_empty() {
        c.push("materials", "list at least one material");
    }
    for (i, m) in svc.materials.iter().enumerate() {
        c.text(&format!("materials[{i}].name"), &m.name);
        c.text(&format!("materials[{i}].source"), &m.source);
        if let Some(notes) = &m.notes {
            c.text(&format!("materials[{i}].notes"), notes);
        }
        if m.copies == 0 {
            c.push(format!("materials[{i}].copies"), "at least 1");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_formats() {
        assert!(is_hh_mm("09:00") && is_hh_mm("23:59"));
        assert!(!is_hh_mm("24:00") && !is_hh_mm("9:00") && !is_hh_mm("09-00"));
        assert!(is_amount("20.00") && is_amount("0.50"));
        assert!(!is_amount("20") && !is_amount("20.0") && !is_amount("-1.00"));
    }

    #[test]
    fn unsafe_text_is_named_by_its_path() {
        let text = |s: &str| Text(super::super::Lang::ALL.into_iter().map(|l| (l, s.to_owned())).collect());
        let category = super::super::Category {
            id: "civil".into(),
            audience: super::super::Audience::Personal,
            name: text("民政"),
            summary: Text([(super::super::Lang::EnUs, "Marriage\u{202e}".to_owned())].into()),
        };
        let mut out = Vec::new();
        Collector { kind: "category", id: "civil", out: &mut out }.safe_text(&category);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].field, "summary.en-US");
        assert!(out[0].message.contains("U+202E"), "{}", out[0].message);
    }

    #[test]
    fn a_problem_never_prints_the_characters_it_complains_of() {
        let problem = Problem {
            kind: "service",
            id: "x\u{1b}[2J".into(),
            field: "category".into(),
            message: "no category `\u{1b}]0;t\u{7}`".into(),
        };
        let shown = problem.to_string();
        assert!(!shown.chars().any(is_unsafe_char), "{shown:?}");
        assert!(shown.contains("\\u{1b}[2J"), "{shown}");
    }
}
