//! Reads the catalogue from TOML files — the copy embedded at build time, or a
//! directory of the same layout — and refuses it whole if anything is wrong.
//!
//! Layout: `halls.toml` (`[[hall]]`), `categories.toml` (`[[category]]`),
//! `services/*.toml` (`[[service]]`, any number per file).

use std::{
    collections::hash_map::DefaultHasher,
    hash::{Hash, Hasher},
    path::{Path, PathBuf},
};

use serde::Deserialize;

use crate::domain::{Catalog, Category, Hall, Service, escape_unsafe, validate};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_catalog.rs"));
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("cannot read catalogue directory {dir}")]
    Io { dir: PathBuf, source: std::io::Error },
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: {problem}")]
    Invalid { file: String, problem: validate::Problem },
    #[error("{file}: missing (every catalogue needs halls.toml, categories.toml and services/)")]
    Missing { file: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBody {
    #[serde(default)]
    hall: Vec<Hall>,
    #[serde(default)]
    category: Vec<Category>,
    #[serde(default)]
    service: Vec<Service>,
}

/// The catalogue built into this binary: the files of `data/` that
/// `from_dir` reads (the policy library and the queues beside them are
/// loaded by their own modules).
pub fn embedded() -> Result<Catalog, SourceError> {
    let files = embedded::FILES
        .iter()
        .filter(|(n, _)| is_catalogue_file(n))
        .map(|(n, t)| (format!("data/{n}"), (*t).to_owned()));
    load(files.collect())
}

/// The policy library built into this binary (`data/policies/`), checked
/// against `catalog`.
pub fn embedded_policies(
    catalog: &Catalog,
) -> Result<crate::domain::policy::Library, crate::domain::policy::LoadError> {
    let files = embedded::FILES
        .iter()
        .filter(|(n, _)| crate::domain::policy::is_library_file(n))
        .map(|(n, t)| (format!("data/{n}"), (*t).to_owned()));
    crate::domain::policy::from_files(files.collect(), catalog)
}

/// Whether a file, named relative to the catalogue directory, is one of
/// the catalogue's own: `halls.toml`, `categories.toml`, `services/*.toml`.
fn is_catalogue_file(relative: &str) -> bool {
    let relative = relative.replace('\\', "/");
    matches!(relative.as_str(), "halls.toml" | "categories.toml")
        || relative.strip_prefix("services/").is_some_and(|n| n.ends_with(".toml") && !n.contains('/'))
}

/// The catalogue in `dir`.
pub fn from_dir(dir: &Path) -> Result<Catalog, SourceError> {
    load(read_dir(dir)?)
}

/// The catalogue in `dir`, parsed but not yet checked, with the file each
/// entry came from: what `catalog lint` reports on.
pub fn parse_dir(dir: &Path) -> Result<Parsed, SourceError> {
    parse(read_dir(dir)?)
}

/// The catalogue files in `dir`, as `(file name, contents)`.
fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, SourceError> {
    let io = |source| SourceError::Io { dir: dir.to_owned(), source };
    let mut files = Vec::new();
    for name in ["halls.toml", "categories.toml"] {
        let path = dir.join(name);
        if path.exists() {
            files.push((path.display().to_string(), std::fs::read_to_string(&path).map_err(io)?));
        }
    }
    let mut services: Vec<_> = std::fs::read_dir(dir.join("services"))
        .map_err(io)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    services.sort();
    for path in services {
        files.push((path.display().to_string(), std::fs::read_to_string(&path).map_err(io)?));
    }
    Ok(files)
}

/// A catalogue as parsed, and where each entry came from.
pub struct Parsed {
    pub catalog: Catalog,
    /// `(kind, id, file)` for every hall, category and service.
    origin: Vec<(&'static str, String, String)>,
}

impl Parsed {
    /// The file an entry (`hall`, `category` or `service`) came from.
    pub fn file_of(&self, kind: &str, id: &str) -> &str {
        self.origin.iter().find(|(k, i, _)| *k == kind && i == id).map_or("", |(.., f)| f)
    }

    /// Every problem that refuses it, each with its file.
    pub fn problems(&self) -> Vec<(String, validate::Problem)> {
        let problems = validate::catalog(&self.catalog);
        problems.into_iter().map(|p| (self.file_of(p.kind, &p.id).to_owned(), p)).collect()
    }
}

/// Parses and validates `(file name, contents)` pairs into one catalogue.
/// Any text holding a control, bidi or zero-width character refuses it
/// (see `validate::catalog`), naming file, entry and field.
fn load(files: Vec<(String, String)>) -> Result<Catalog, SourceError> {
    let parsed = parse(files)?;
    if let Some((file, problem)) = parsed.problems().into_iter().next() {
        return Err(SourceError::Invalid { file, problem });
    }
    Ok(parsed.catalog)
}

fn parse(files: Vec<(String, String)>) -> Result<Parsed, SourceError> {
    // A file name is shown in every message about it; it may hold anything.
    let files: Vec<_> = files.into_iter().map(|(f, t)| (escape_unsafe(&f).into_owned(), t)).collect();
    let mut hasher = DefaultHasher::new();
    let mut catalog = Catalog { version: String::new(), halls: vec![], categories: vec![], services: vec![] };
    let mut origin: Vec<(&'static str, String, String)> = Vec::new();
    for (file, text) in &files {
        text.hash(&mut hasher);
        let body: FileBody = toml::from_str(text)
            .map_err(|e| SourceError::Syntax { file: file.clone(), message: shown_lines(&e.to_string()) })?;
        origin.extend(body.hall.iter().map(|h| ("hall", h.id.clone(), file.clone())));
        origin.extend(body.category.iter().map(|c| ("category", c.id.clone(), file.clone())));
        origin.extend(body.service.iter().map(|s| ("service", s.id.clone(), file.clone())));
        catalog.halls.extend(body.hall);
        catalog.categories.extend(body.category);
        catalog.services.extend(body.service);
    }
    for (kind, file) in [("hall", "halls.toml"), ("category", "categories.toml")] {
        if !origin.iter().any(|(k, ..)| *k == kind) {
            return Err(SourceError::Missing { file: file.into() });
        }
    }
    // Stable for a given binary and input: enough for an ETag.
    catalog.version = format!("{:016x}", hasher.finish());
    Ok(Parsed { catalog, origin })
}

/// toml's message quotes the offending line: its lines stay lines, any other
/// control character in them is written out.
fn shown_lines(message: &str) -> String {
    message.lines().map(escape_unsafe).collect::<Vec<_>>().join("\n")
}
