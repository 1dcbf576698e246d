//! Where a hall's queues come from: `queues.toml` beside the catalogue it
//! belongs to — in the catalogue directory (`--catalog DIR`, `catalog
//! publish DIR`), or the demo's for the catalogue built into the binary.
//! The text travels with the catalogue into the store, so every server on
//! one database serves the queues of the catalogue it serves.

use std::path::Path;

use crate::domain::{
    Catalog,
    queue::{self, FILE_NAME, LoadError, QueueCatalog},
};

/// The demo queues, beside the demo catalogue built into the binary
/// (`catalog_source::embedded` leaves this file to us).
const EMBEDDED: &str = include_str!("../../../data/queues.toml");

/// The queues' file name (as messages name it) and text for the catalogue
/// in `dir` (or the built-in one), checked against `catalog`: a queue for a
/// hall or service the catalogue lacks refuses the load. A directory with
/// no `queues.toml` has no queues: every hall gives its numbers at the desk.
pub(crate) fn load(dir: Option<&Path>, catalog: &Catalog) -> Result<String, QueuesError> {
    let (file, text) = match dir {
        None => (format!("data/{FILE_NAME}"), EMBEDDED.to_owned()),
        Some(dir) => {
            let path = dir.join(FILE_NAME);
            match std::fs::read_to_string(&path) {
                Ok(text) => (path.display().to_string(), text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(String::new()),
                Err(source) => return Err(QueuesError::Io { path: path.display().to_string(), source }),
            }
        }
    };
    queue::load(&file, &text, catalog)?;
    Ok(text)
}

/// The layouts of the queues stored with `catalog` (checked when stored;
/// a stored text that no longer fits is logged and gives no queues, so the
/// kiosk says numbers are given at the desk rather than give wrong ones).
pub(crate) fn layouts(text: &str, catalog: &Catalog) -> QueueCatalog {
    if text.is_empty() {
        return QueueCatalog::default();
    }
    queue::load(FILE_NAME, text, catalog).unwrap_or_else(|e| {
        tracing::error!("the stored queues do not fit catalogue {}: {e}", catalog.version);
        QueueCatalog::default()
    })
}

#[derive(Debug, thiserror::Error)]
pub enum QueuesError {
    #[error("cannot read {path}")]
    Io { path: String, source: std::io::Error },
    #[error(transparent)]
    Invalid(#[from] LoadError),
}
