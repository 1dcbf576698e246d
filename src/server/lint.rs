//! `onestop catalog lint DIR`, and what a server logs when it loads a
//! catalogue: the errors that stop a load — every one, not only the first
//! the loader stops at — and the warnings that stop nothing
//! (`domain::lint`). Each line names file, entry and field.

use std::path::Path;

use jiff::civil::Date;

use super::{catalog_source, queue, queue::source::QueuesError};
use crate::domain::{
    Catalog, lint,
    policy::{self, Library},
    queue::LoadError as queue_problems,
};

#[derive(Debug, Default)]
pub struct Report {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

/// Lints the catalogue in `dir` (its services, policy library and queues)
/// as of `today`.
pub fn lint_dir(dir: &Path, today: Date, review_months: u32) -> Report {
    let mut report = Report::default();
    let parsed = match catalog_source::parse_dir(dir) {
        Ok(parsed) => parsed,
        Err(e) => {
            report.errors.push(chain(&e));
            return report;
        }
    };
    report.errors.extend(parsed.problems().iter().map(|(file, p)| format!("{file}: {p}")));
    // The library and queues are checked against a catalogue that loads.
    let library = if report.errors.is_empty() {
        match queue::source::load(Some(dir), &parsed.catalog) {
            Err(QueuesError::Invalid(queue_problems::Invalid(problems))) => {
                report.errors.extend(problems.iter().map(ToString::to_string));
            }
            Err(e) => report.errors.push(chain(&e)),
            Ok(_) => {}
        }
        policy::from_dir(dir, &parsed.catalog).unwrap_or_else(|e| {
            match e {
                policy::LoadError::Invalid(problems) => {
                    report.errors.extend(problems.iter().map(ToString::to_string));
                }
                e => report.errors.push(chain(&e)),
            }
            Library::default()
        })
    } else {
        Library::default()
    };
    report.warnings = warnings(&parsed.catalog, &library, today, review_months, |kind, id| {
        parsed.file_of(kind, id).to_owned()
    });
    report
}

/// The warnings for a catalogue being loaded, as lines for the log.
pub(crate) fn warnings(
    catalog: &Catalog,
    library: &Library,
    today: Date,
    review_months: u32,
    file_of: impl Fn(&str, &str) -> String,
) -> Vec<String> {
    lint::warnings(catalog, library, today, review_months)
        .into_iter()
        .map(|w| {
            let file = match w.kind {
                "policy" => library
                    .policies
                    .iter()
                    .position(|p| p.id == w.id)
                    .and_then(|i| library.files.get(i))
                    .cloned()
                    .unwrap_or_default(),
                kind => file_of(kind, &w.id),
            };
            let id = crate::domain::escape_unsafe(&w.id);
            format!("{file}: {} `{id}`: field `{}`: {}", w.kind, w.field, w.message)
        })
        .collect()
}

/// An error and its causes, as the command line prints them (a TOML
/// syntax error quotes its line on the lines after).
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text = format!("{text}: {s}");
        source = s.source();
    }
    text
}
