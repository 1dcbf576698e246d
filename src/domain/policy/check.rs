//! Rules a policy library must satisfy before it is served. Each problem
//! names the file, the entry and the field, as the catalogue's do, so the
//! person editing the TOML can go straight to it.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde::Serialize;

use super::{Policy, Validity};
use crate::domain::{Lang, Text, escape_unsafe, is_unsafe_char, limits};

/// Longest title in one language: a State Council notice forwarding a
/// ministry's measures runs to about 70 characters, and to 240 in English.
pub const TITLE_MAX: usize = 300;
/// Longest issuer name or topic in one language.
pub const NAME_MAX: usize = 80;
/// Most issuers of one document (joint notices list a handful of ministries).
pub const ISSUERS_MAX: usize = 12;
/// Longest 索引号, 发文字号 or source address.
pub const NUMBER_MAX: usize = 64;
pub const SOURCE_MAX: usize = 300;
/// Longest summary, answer or example in one language: a screenful at 80×24.
pub const PROSE_MAX: usize = 800;
/// Longest question in one language.
pub const QUESTION_MAX: usize = 200;
pub const INTERPRETATIONS_MAX: usize = 8;
pub const QUESTIONS_MAX: usize = 12;
pub const SERVICES_MAX: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The entry's id as written (it may itself be the problem).
    pub id: String,
    /// Dotted path inside the entry, e.g. `interpretations[0].questions[1].answer.en-US`.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Anything quoted from the files may hold terminal controls.
        let (file, id, message) =
            (escape_unsafe(&self.file), escape_unsafe(&self.id), escape_unsafe(&self.message));
        write!(f, "{file}: policy `{id}`: field `{}`: {message}", self.field)
    }
}

struct Entry<'a> {
    file: &'a str,
    id: &'a str,
    out: &'a mut Vec<Problem>,
}

impl Entry<'_> {
    fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.out.push(Problem {
            file: self.file.to_owned(),
            id: self.id.to_owned(),
            field: field.into(),
            message: message.into(),
        });
    }

    /// Every language present, none longer than `max` characters.
    fn text(&mut self, field: &str, text: &Text, max: usize) {
        for lang in text.missing() {
            self.push(field, format!("no text in {lang}"));
        }
        for lang in Lang::ALL {
            let n = text.0.get(&lang).map_or(0, |s| s.chars().count());
            if n > max {
                self.push(format!("{field}.{lang}"), format!("{n} characters; at most {max}"));
            }
        }
    }

    /// A real calendar date written `YYYY-MM-DD`.
    fn date(&mut self, field: &str, s: &str) -> Option<Date> {
        let date = limits::is_date_shape(s).then(|| s.parse::<Date>().ok()).flatten();
        if date.is_none() {
            self.push(field, format!("`{s}` is not a real date written YYYY-MM-DD"));
        }
        date
    }

    fn short(&mut self, field: &str, s: &str, max: usize) {
        if s.trim().is_empty() || s.trim() != s {
            self.push(field, "empty, or spaces at an end");
        } else if s.chars().count() > max {
            self.push(field, format!("{} characters; at most {max}", s.chars().count()));
        }
    }

    /// One problem for each string of the entry, any field, holding a
    /// character of [`is_unsafe_char`]: the entry is walked as the JSON the
    /// API will serve, so a field added later is covered without a line here.
    fn safe_text(&mut self, policy: &impl Serialize) {
        match serde_json::to_value(policy) {
            Ok(value) => self.walk(String::new(), &value),
            Err(e) => self.push("", format!("cannot be serialized: {e}")),
        }
    }

    fn walk(&mut self, path: String, value: &serde_json::Value) {
        use serde_json::Value;
        match value {
            Value::String(s) => {
                if let Some((at, c)) = s.chars().enumerate().find(|&(_, c)| is_unsafe_char(c)) {
                    let message = format!(
                        "character {} is U+{:04X}; text is one line of visible characters \
                         (no control, bidi or zero-width characters)",
                        at + 1,
                        u32::from(c)
                    );
                    self.push(path, message);
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

/// Every problem in the library; empty when it may be served. `entries`
/// pairs each document with the file it came from; `services` are the
/// catalogue's service ids.
pub fn library(entries: &[(String, Policy)], services: &HashSet<&str>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut first_file: HashMap<&str, &str> = HashMap::new();
    for (file, policy) in entries {
        let mut e = Entry { file, id: &policy.id, out: &mut out };
        if !limits::is_id(&policy.id) {
            e.push("id", "1 to 64 lowercase letters, digits and '-'");
        } else if let Some(&first) = first_file.get(policy.id.as_str()) {
            e.push("id", format!("used twice (first in {first})"));
        } else {
            first_file.insert(&policy.id, file);
        }
        document(&mut e, policy, services);
    }
    let ids: HashSet<&str> = entries.iter().map(|(_, p)| p.id.as_str()).collect();
    let by_id: HashMap<&str, &Policy> = entries.iter().map(|(_, p)| (p.id.as_str(), p)).collect();
    for (file, policy) in entries {
        let mut e = Entry { file, id: &policy.id, out: &mut out };
        replacement(&mut e, policy, &ids, &by_id);
    }
    lapsed_bases(entries, &mut out);
    out
}

/// A service every document of which is repealed or expired has a guide
/// whose legal basis (依据) no longer applies: named on the last of them,
/// until the document in force is added and lists the service.
fn lapsed_bases(entries: &[(String, Policy)], out: &mut Vec<Problem>) {
    let lapsed = |p: &Policy| matches!(p.validity, Validity::Repealed | Validity::Expired);
    let mut governed: Vec<&str> =
        entries.iter().flat_map(|(_, p)| p.services.iter().map(String::as_str)).collect();
    governed.sort_unstable();
    governed.dedup();
    for service in governed {
        let bases: Vec<_> = entries.iter().filter(|(_, p)| p.services.iter().any(|s| s == service)).collect();
        if let Some((file, last)) = bases.last().filter(|_| bases.iter().all(|(_, p)| lapsed(p))) {
            let at = last.services.iter().position(|s| s == service).unwrap_or_default();
            let mut e = Entry { file, id: &last.id, out };
            e.push(
                format!("services[{at}]"),
                format!(
                    "every document `{service}` rests on here is repealed or expired: add the one in force \
                     and list the service there"
                ),
            );
        }
    }
}

fn document(e: &mut Entry, p: &Policy, services: &HashSet<&str>) {
    e.safe_text(p);
    if let Some(n) = &p.index_number {
        e.short("index_number", n, NUMBER_MAX);
    }
    e.text("title", &p.title, TITLE_MAX);
    if p.issuers.is_empty() || p.issuers.len() > ISSUERS_MAX {
        e.push("issuers", format!("list 1 to {ISSUERS_MAX} issuing bodies"));
    }
    for (i, issuer) in p.issuers.iter().enumerate() {
        e.text(&format!("issuers[{i}]"), issuer, NAME_MAX);
    }
    if let Some(n) = &p.doc_number {
        e.short("doc_number", n, NUMBER_MAX);
    }
    e.text("topic", &p.topic, NAME_MAX);
    e.text("summary", &p.summary, PROSE_MAX);
    if let Some(url) = &p.source {
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !web || url.contains(char::is_whitespace) || url.chars().count() > SOURCE_MAX {
            e.push("source", format!("an http(s) address without spaces, at most {SOURCE_MAX} characters"));
        }
    }
    dates(e, p);
    if p.interpretations.len() > INTERPRETATIONS_MAX {
        e.push("interpretations", format!("at most {INTERPRETATIONS_MAX}"));
    }
    for (i, int) in p.interpretations.iter().enumerate() {
        let at = format!("interpretations[{i}]");
        if !(1..=QUESTIONS_MAX).contains(&int.questions.len()) {
            e.push(format!("{at}.questions"), format!("ask 1 to {QUESTIONS_MAX} questions"));
        }
        for (j, q) in int.questions.iter().enumerate() {
            e.text(&format!("{at}.questions[{j}].question"), &q.question, QUESTION_MAX);
            e.text(&format!("{at}.questions[{j}].answer"), &q.answer, PROSE_MAX);
        }
        e.text(&format!("{at}.example"), &int.example, PROSE_MAX);
    }
    if p.services.is_empty() || p.services.len() > SERVICES_MAX {
        e.push("services", format!("list 1 to {SERVICES_MAX} services it governs"));
    }
    let mut seen = HashSet::new();
    for (i, s) in p.services.iter().enumerate() {
        if !services.contains(s.as_str()) {
            e.push(format!("services[{i}]"), format!("no service `{s}` in the catalogue"));
        } else if !seen.insert(s) {
            e.push(format!("services[{i}]"), format!("`{s}` listed twice"));
        }
    }
}

/// Each date real, and in the order time allows: written, then published,
/// effective and interpreted; checked only after it was published.
fn dates(e: &mut Entry, p: &Policy) {
    let written = e.date("written", &p.written);
    let published = e.date("published", &p.published);
    let reviewed = e.date("reviewed", &p.reviewed);
    if let (Some(w), Some(pb)) = (written, published)
        && pb < w
    {
        e.push("published", format!("{pb} is before it was written ({w})"));
    }
    if let Some(s) = &p.effective
        && let (Some(w), Some(eff)) = (written, e.date("effective", s))
        && eff < w
    {
        e.push("effective", format!("{eff} is before it was written ({w})"));
    }
    if let (Some(pb), Some(r)) = (published, reviewed)
        && r < pb
    {
        e.push("reviewed", format!("{r} is before it was published ({pb})"));
    }
    for (i, int) in p.interpretations.iter().enumerate() {
        let field = format!("interpretations[{i}].date");
        if let (Some(w), Some(d)) = (written, e.date(&field, &int.date))
            && d < w
        {
            e.push(field, format!("{d} is before the document was written ({w})"));
        }
    }
}

/// `replaced_by` names another document we hold, only on one no longer in
/// force, and following it never comes back round.
fn replacement(e: &mut Entry, p: &Policy, ids: &HashSet<&str>, by_id: &HashMap<&str, &Policy>) {
    let Some(next) = p.replaced_by.as_deref() else { return };
    if p.validity == Validity::InForce {
        e.push("replaced_by", "a document in force has no replacement; set `validity` or remove this");
    }
    if next == p.id {
        e.push("replaced_by", "names the document itself");
        return;
    }
    if !ids.contains(next) {
        e.push("replaced_by", format!("no document `{next}` in the library"));
        return;
    }
    let mut at = next;
    for _ in 0..by_id.len() {
        match by_id.get(at).and_then(|q| q.replaced_by.as_deref()) {
            Some(id) if id == p.id => {
                e.push("replaced_by", format!("`{next}` leads back to this document"));
                return;
            }
            Some(id) => at = id,
            None => return,
        }
    }
}
