//! Reads `queues.toml` and checks it against the catalogue it sits beside.
//! Every problem is reported at once, each naming the file, the entry and
//! the field, so a hall's operator fixes the file in one pass.
//!
//! The file holds one table per hall, keyed by the hall's id:
//!
//! ```toml
//! [binjiang]
//! window = [{ number = 1, queues = ["A"] }, { number = 2, queues = ["A"] }]
//!
//! [[binjiang.priority]]
//! id = "senior-70"
//! name = { zh-CN = "70 周岁及以上老年人", en-US = "People aged 70 and over", zh-HK = "70 歲及以上長者" }
//!
//! [[binjiang.queue]]
//! prefix = "A"
//! name = { zh-CN = "户籍与身份证", en-US = "Household registration and ID cards", zh-HK = "戶籍與身份證" }
//! services = ["id-card-renewal", "id-card-replacement"]
//! daily_cap = 400
//! issue_from = "09:00"
//! issue_until = "16:30"
//! typical_minutes = 8   # optional: a typical service, for the day's first estimates
//! ```

use std::collections::{BTreeMap, HashMap};

use jiff::{civil::Date, tz::TimeZone};
use serde::Deserialize;

use super::hall::{ClockTime, HallLayout, PriorityGroup, Queue, QueueCatalog, QueuePrefix, Window};
use super::problem::{LoadError, ProblemKind, QueueProblem};
use crate::domain::{Catalog, Hall, Text, escape_unsafe, is_unsafe_char, limits};

#[cfg(test)]
mod tests;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HallEntry {
    #[serde(default)]
    priority: Vec<PriorityEntry>,
    #[serde(default)]
    queue: Vec<QueueEntry>,
    #[serde(default)]
    window: Vec<WindowEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PriorityEntry {
    id: String,
    name: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueueEntry {
    prefix: String,
    name: Text,
    services: Vec<String>,
    daily_cap: u32,
    issue_from: String,
    issue_until: String,
    #[serde(default)]
    typical_minutes: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowEntry {
    number: u32,
    queues: Vec<String>,
}

/// The queue catalogue in `text` (the contents of the file named `file`),
/// checked against `catalog`: every hall layout, or every problem found.
pub fn load(file: &str, text: &str, catalog: &Catalog) -> Result<QueueCatalog, LoadError> {
    // The name is printed in every message; it may hold anything.
    let file = escape_unsafe(file).into_owned();
    let entries: BTreeMap<String, HallEntry> = toml::from_str(text).map_err(|e| LoadError::Syntax {
        file: file.clone(),
        message: e.to_string().lines().map(escape_unsafe).collect::<Vec<_>>().join("\n"),
    })?;
    let mut problems = Vec::new();
    let mut halls = Vec::new();
    for (id, entry) in &entries {
        let mut check = Checker { file: &file, out: &mut problems };
        match catalog.halls.iter().find(|h| &h.id == id) {
            None => check.push(id.clone(), "", ProblemKind::UnknownHall(id.clone())),
            Some(hall) => halls.extend(check.hall(catalog, hall, entry)),
        }
    }
    if problems.is_empty() { Ok(QueueCatalog { halls }) } else { Err(LoadError::Invalid(problems)) }
}

struct Checker<'a> {
    file: &'a str,
    out: &'a mut Vec<QueueProblem>,
}

impl Checker<'_> {
    fn push(&mut self, entry: String, field: &str, kind: ProblemKind) {
        let entry = escape_unsafe(&entry).into_owned();
        self.out.push(QueueProblem { file: self.file.to_owned(), entry, field: field.to_owned(), kind });
    }

    fn text(&mut self, entry: &str, field: &str, text: &Text) {
        for lang in text.missing() {
            self.push(entry.to_owned(), field, ProblemKind::MissingText(lang));
        }
        for (lang, s) in &text.0 {
            if let Some(c) = s.chars().find(|&c| is_unsafe_char(c)) {
                self.push(entry.to_owned(), &format!("{field}.{lang}"), ProblemKind::UnsafeText(c));
            }
        }
    }

    /// The hall's layout, when nothing in its entry is wrong.
    fn hall(&mut self, catalog: &Catalog, hall: &Hall, entry: &HallEntry) -> Option<HallLayout> {
        let before = self.out.len();
        let zone = TimeZone::get(&hall.time_zone).ok();
        if zone.is_none() {
            self.push(hall.id.clone(), "time_zone", ProblemKind::UnknownZone(hall.time_zone.clone()));
        }
        let priority_groups = self.priority_groups(&hall.id, &entry.priority);
        let queues = self.queues(catalog, hall, &entry.queue);
        let windows = self.windows(&hall.id, &entry.window, &queues);
        self.coverage(catalog, hall, &entry.queue, &queues, &windows);
        let closed_dates = hall.closed_dates.iter().filter_map(|d| d.parse::<Date>().ok()).collect();
        (self.out.len() == before).then(|| HallLayout {
            hall: hall.id.clone(),
            zone: zone.unwrap_or(TimeZone::UTC),
            open_weekdays: hall.open_weekdays.clone(),
            closed_dates,
            queues,
            windows,
            priority_groups,
        })
    }

    fn priority_groups(&mut self, hall: &str, entries: &[PriorityEntry]) -> Vec<PriorityGroup> {
        let mut groups: Vec<PriorityGroup> = Vec::new();
        for (i, group) in entries.iter().enumerate() {
            let at = format!("{hall}.priority[{i}]");
            if !limits::is_id(&group.id) {
                self.push(at.clone(), "id", ProblemKind::BadGroupId(group.id.clone()));
            } else if let Some(first) = groups.iter().position(|g| g.id == group.id) {
                self.push(at.clone(), "id", ProblemKind::DuplicateGroup { id: group.id.clone(), first });
            }
            self.text(&at, "name", &group.name);
            groups.push(PriorityGroup { id: group.id.clone(), name: group.name.clone() });
        }
        groups
    }

    fn queues(&mut self, catalog: &Catalog, hall: &Hall, entries: &[QueueEntry]) -> Vec<Queue> {
        let opening = ClockTime::parse(&hall.opens).zip(ClockTime::parse(&hall.closes));
        let mut queues: Vec<Queue> = Vec::new();
        // Which queue took each service first, to name it when another does too.
        let mut taken: HashMap<&str, usize> = HashMap::new();
        for (i, q) in entries.iter().enumerate() {
            let at = format!("{}.queue[{i}]", hall.id);
            let prefix = QueuePrefix::parse(&q.prefix);
            match prefix {
                None => self.push(at.clone(), "prefix", ProblemKind::BadPrefix(q.prefix.clone())),
                Some(p) => {
                    if let Some(first) = queues.iter().position(|x| x.prefix == p) {
                        self.push(at.clone(), "prefix", ProblemKind::DuplicatePrefix { prefix: p, first });
                    }
                }
            }
            self.text(&at, "name", &q.name);
            if q.services.is_empty() {
                self.push(at.clone(), "services", ProblemKind::NoServices);
            }
            for service in &q.services {
                match catalog.services.iter().find(|s| &s.id == service) {
                    None => self.push(at.clone(), "services", ProblemKind::UnknownService(service.clone())),
                    Some(s) if !s.halls.contains(&hall.id) => {
                        self.push(at.clone(), "services", ProblemKind::ServiceNotAtHall(service.clone()))
                    }
                    Some(_) => {}
                }
                if let Some(&first) = taken.get(service.as_str()) {
                    let kind = ProblemKind::ServiceInTwoQueues { service: service.clone(), first };
                    self.push(at.clone(), "services", kind);
                } else {
                    taken.insert(service, i);
                }
            }
            let daily_cap = u16::try_from(q.daily_cap).ok().filter(|c| (1..=999).contains(c));
            if daily_cap.is_none() {
                self.push(at.clone(), "daily_cap", ProblemKind::BadCap(q.daily_cap));
            }
            if let Some(m) = q.typical_minutes.filter(|m| !(1..=240).contains(m)) {
                self.push(at.clone(), "typical_minutes", ProblemKind::BadTypical(m));
            }
            let (from, until) =
                (self.time(&at, "issue_from", &q.issue_from), self.time(&at, "issue_until", &q.issue_until));
            if let (Some(from), Some(until)) = (from, until) {
                if from >= until {
                    self.push(at.clone(), "issue_until", ProblemKind::EmptyHours { from, until });
                } else if let Some((opens, closes)) = opening.filter(|&(o, c)| from < o || until > c) {
                    let field = if from < opens { "issue_from" } else { "issue_until" };
                    self.push(at.clone(), field, ProblemKind::HoursOutsideOpening { opens, closes });
                }
            }
            // A queue without a prefix cannot be referred to; fields already
            // reported get placeholders, as the layout is dropped anyway.
            let Some(prefix) = prefix else { continue };
            queues.push(Queue {
                prefix,
                name: q.name.clone(),
                services: q.services.clone(),
                daily_cap: daily_cap.unwrap_or(0),
                issue_from: from.unwrap_or(ClockTime::new(0, 0).expect("midnight")),
                issue_until: until.unwrap_or(ClockTime::new(0, 0).expect("midnight")),
                typical: q.typical_minutes.map(|m| jiff::SignedDuration::from_mins(i64::from(m))),
            });
        }
        queues
    }

    fn time(&mut self, at: &str, field: &str, s: &str) -> Option<ClockTime> {
        let t = ClockTime::parse(s);
        if t.is_none() {
            self.push(at.to_owned(), field, ProblemKind::BadTime(s.to_owned()));
        }
        t
    }

    fn windows(&mut self, hall: &str, entries: &[WindowEntry], queues: &[Queue]) -> Vec<Window> {
        let mut windows: Vec<Window> = Vec::new();
        for (i, w) in entries.iter().enumerate() {
            let at = format!("{hall}.window[{i}]");
            let number = u16::try_from(w.number).ok().filter(|n| (1..=999).contains(n));
            match number {
                None => self.push(at.clone(), "number", ProblemKind::BadWindowNumber(w.number)),
                Some(n) => {
                    if let Some(first) = windows.iter().position(|x| x.number == n) {
                        self.push(at.clone(), "number", ProblemKind::DuplicateWindow { number: n, first });
                    }
                }
            }
            if w.queues.is_empty() {
                self.push(at.clone(), "queues", ProblemKind::WindowServesNoQueue);
            }
            let mut served = Vec::new();
            for name in &w.queues {
                match QueuePrefix::parse(name).filter(|p| queues.iter().any(|q| q.prefix == *p)) {
                    None => self.push(at.clone(), "queues", ProblemKind::UnknownQueue(name.clone())),
                    Some(p) if served.contains(&p) => {
                        self.push(at.clone(), "queues", ProblemKind::QueueListedTwice(p))
                    }
                    Some(p) => served.push(p),
                }
            }
            windows.push(Window { number: number.unwrap_or(0), queues: served });
        }
        windows
    }

    /// A hall with queues gives a number for every service it handles, and
    /// calls every queue at some window: otherwise a citizen would hold a
    /// number nobody calls, or find no number for their service.
    fn coverage(
        &mut self,
        catalog: &Catalog,
        hall: &Hall,
        entries: &[QueueEntry],
        queues: &[Queue],
        windows: &[Window],
    ) {
        if entries.is_empty() {
            return;
        }
        for service in catalog.services.iter().filter(|s| s.halls.contains(&hall.id)) {
            if !entries.iter().any(|q| q.services.contains(&service.id)) {
                self.push(hall.id.clone(), "queue", ProblemKind::ServiceInNoQueue(service.id.clone()));
            }
        }
        for queue in queues {
            if !windows.iter().any(|w| w.serves(queue.prefix)) {
                let i = entries.iter().position(|e| QueuePrefix::parse(&e.prefix) == Some(queue.prefix));
                let at = format!("{}.queue[{}]", hall.id, i.unwrap_or(0));
                self.push(at, "prefix", ProblemKind::QueueServedByNoWindow(queue.prefix));
            }
        }
    }
}
