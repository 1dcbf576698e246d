//! Reads `policies/*.toml` and checks the whole library against the
//! catalogue it belongs to: any problem refuses it, and every problem is
//! listed, so one edit-and-load cycle shows all that needs fixing.

use std::{
    collections::{HashSet, hash_map::DefaultHasher},
    hash::{Hash, Hasher},
    path::{Path, PathBuf},
};

use serde::Deserialize;

use super::{Library, Policy, check};
use crate::domain::{Catalog, escape_unsafe};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", escape_unsafe(&path.display().to_string()))]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    #[error("{}", lines(.0))]
    Invalid(Vec<check::Problem>),
}

fn lines(problems: &[check::Problem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBody {
    #[serde(default)]
    policy: Vec<Policy>,
}

/// The library of the catalogue in `dir`: every `dir/policies/*.toml`, in
/// file-name order. A catalogue without a `policies/` directory has an
/// empty library (catalogues written before the library still load).
pub fn from_dir(dir: &Path, catalog: &Catalog) -> Result<Library, LoadError> {
    let folder = dir.join("policies");
    if !folder.exists() {
        return from_files(Vec::new(), catalog);
    }
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| LoadError::Io { path, source }
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map_err(io(&folder))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(io(&path))?;
        files.push((path.display().to_string(), text));
    }
    from_files(files, catalog)
}

/// Whether a catalogue file, named relative to the catalogue directory
/// (`policies/household.toml`), belongs to the policy library: the
/// catalogue's own loader skips these, and the embedded demo passes them to
/// [`from_files`], so the two never read each other's files.
pub fn is_library_file(relative: &str) -> bool {
    let relative = relative.replace('\\', "/");
    relative.strip_prefix("policies/").is_some_and(|name| name.ends_with(".toml") && !name.contains('/'))
}

/// Parses and checks `(file name, contents)` pairs into one library (the
/// embedded demo passes its `policies/` files this way).
pub fn from_files(files: Vec<(String, String)>, catalog: &Catalog) -> Result<Library, LoadError> {
    let mut hasher = DefaultHasher::new();
    let mut entries = Vec::new();
    for (file, text) in files {
        // A file name is shown in every message about it; it may hold anything.
        let file = escape_unsafe(&file).into_owned();
        text.hash(&mut hasher);
        let body: FileBody = toml::from_str(&text).map_err(|e| LoadError::Syntax {
            message: e.to_string().lines().map(escape_unsafe).collect::<Vec<_>>().join("\n"),
            file: file.clone(),
        })?;
        entries.extend(body.policy.into_iter().map(|p| (file.clone(), p)));
    }
    let services: HashSet<&str> = catalog.services.iter().map(|s| s.id.as_str()).collect();
    let problems = check::library(&entries, &services);
    if !problems.is_empty() {
        return Err(LoadError::Invalid(problems));
    }
    Ok(Library {
        // Stable for a given binary and input: enough for an ETag.
        version: format!("{:016x}", hasher.finish()),
        files: entries.iter().map(|(f, _)| f.clone()).collect(),
        policies: entries.into_iter().map(|(_, p)| p).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::is_library_file;

    #[test]
    fn library_files_are_the_toml_files_directly_under_policies() {
        assert!(is_library_file("policies/household.toml"));
        assert!(is_library_file("policies\\household.toml"));
        assert!(!is_library_file("services/household.toml"));
        assert!(!is_library_file("policies/notes.md"));
        assert!(!is_library_file("policies/old/household.toml"));
        assert!(!is_library_file("halls.toml"));
    }
}
