//! Reading the layers key by key, so that `config check` (and a kiosk that
//! will not start) names every problem at once, not just the first: each
//! key is tried on its own over the defaults, a bad one is reported and
//! its default kept, and the rules then run over what is left.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use config::{Config, Environment, File, FileFormat, Map, Source, Value, ValueKind};
use serde::Deserialize;

use super::{ConfigProblem, DEFAULT_TOML, KioskConfig, rules};

/// The layers read: the configuration with the defaults in place of every
/// bad value (None when a layer could not be read at all), and the problems.
pub(super) struct Layered {
    pub config: Option<KioskConfig>,
    pub problems: Vec<ConfigProblem>,
    /// Where each key set by a layer came from ("kiosk.hall" → a file).
    pub origins: HashMap<String, String>,
    /// Named for a problem with a key no layer set: the last file.
    pub fallback: String,
}

impl Layered {
    /// Where `key`'s value came from.
    pub fn origin(&self, key: &str) -> String {
        self.origins.get(key).cloned().unwrap_or_else(|| self.fallback.clone())
    }

    /// A problem with `key`, named by where its value came from.
    pub fn problem(&self, key: &str, message: String) -> ConfigProblem {
        ConfigProblem { origin: self.origin(key), key: key.to_owned(), message }
    }
}

pub(super) fn read(files: &[PathBuf], overrides: &[(&str, String)]) -> Layered {
    let fallback = files.last().map_or_else(|| "configuration".to_owned(), |f| f.display().to_string());
    let mut layered = Layered { config: None, problems: vec![], origins: HashMap::new(), fallback };
    let (present, missing): (Vec<&PathBuf>, Vec<&PathBuf>) = files.iter().partition(|f| f.is_file());
    for file in missing {
        layered.problems.push(ConfigProblem {
            origin: file.display().to_string(),
            key: String::new(),
            message: "no such file".into(),
        });
    }
    let merged = match merge(&present, overrides) {
        Ok(merged) => merged,
        Err(e) => {
            layered.problems.push(from_config_error(&layered.fallback, e));
            return layered;
        }
    };
    // Name each file as written, whatever path the config crate gives it.
    let written: Vec<(PathBuf, String)> =
        present.iter().map(|f| (absolute(f), f.display().to_string())).collect();
    let mut keys = Keys { defaults: defaults(), repaired: defaults(), known: known(), written, layered };
    let mut sections: Vec<(String, Value)> = merged.into_iter().collect();
    sections.sort_by(|a, b| a.0.cmp(&b.0));
    for (section, value) in sections {
        keys.section(&section, value);
    }
    let Keys { repaired, mut layered, .. } = keys;
    match KioskConfig::deserialize(table(repaired)) {
        Ok(cfg) => {
            let broken: Vec<ConfigProblem> = rules::problems(&cfg)
                .into_iter()
                .map(|(key, message)| layered.problem(&key, message))
                .collect();
            layered.problems.extend(broken);
            layered.config = Some(cfg);
        }
        Err(e) => layered.problems.push(from_config_error(&layered.fallback, e)),
    }
    layered
}

/// Every layer merged: the defaults, the files, the environment, the options.
fn merge(
    files: &[&PathBuf],
    overrides: &[(&str, String)],
) -> Result<Map<String, Value>, config::ConfigError> {
    let mut builder = Config::builder().add_source(File::from_str(DEFAULT_TOML, FileFormat::Toml));
    for file in files {
        builder = builder.add_source(File::from(file.as_path()).format(FileFormat::Toml));
    }
    builder = builder.add_source(
        Environment::with_prefix("ONESTOP").prefix_separator("__").separator("__").try_parsing(true),
    );
    for (key, value) in overrides {
        builder = builder.set_override(*key, value.as_str())?;
    }
    builder.build()?.collect()
}

/// The built-in defaults, section by section.
fn defaults() -> Map<String, Value> {
    Config::builder()
        .add_source(File::from_str(DEFAULT_TOML, FileFormat::Toml))
        .build()
        .and_then(|c| c.collect())
        .expect("the built-in defaults parse")
}

/// `path` from the working directory, `..` and `.` resolved by name: the
/// config crate writes a file's path relative to it ("../../tmp/a.toml").
fn absolute(path: &std::path::Path) -> PathBuf {
    use std::path::Component;
    let joined = std::env::current_dir().map_or_else(|_| path.to_owned(), |dir| dir.join(path));
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn table(map: Map<String, Value>) -> Value {
    Value::new(None, ValueKind::Table(map))
}

/// Every section and its keys, optional ones included.
fn known() -> BTreeMap<String, Vec<String>> {
    let defaults = KioskConfig::deserialize(table(defaults())).expect("the built-in defaults are valid");
    let serde_json::Value::Object(sections) = serde_json::to_value(defaults).expect("a config serializes")
    else {
        unreachable!("a config is a table")
    };
    sections
        .into_iter()
        .map(|(name, keys)| (name, keys.as_object().map(|k| k.keys().cloned().collect()).unwrap_or_default()))
        .collect()
}

struct Keys {
    defaults: Map<String, Value>,
    /// Every section and its keys.
    known: BTreeMap<String, Vec<String>>,
    /// The defaults, and each value that passed on its own.
    repaired: Map<String, Value>,
    /// Each file's absolute path, and the file as written.
    written: Vec<(PathBuf, String)>,
    layered: Layered,
}

impl Keys {
    fn section(&mut self, name: &str, value: Value) {
        let origin = first_origin(&value).map_or_else(|| self.layered.fallback.clone(), |o| self.rename(o));
        let Some(keys) = self.known.get(name).cloned() else {
            let names: Vec<&str> = self.known.keys().map(String::as_str).collect();
            let message = unknown("section", name, &names, "");
            return self.bad(origin, name, message);
        };
        let ValueKind::Table(values) = value.kind else {
            return self.bad(origin, name, format!("must be a section: [{name}] and its keys"));
        };
        let mut values: Vec<(String, Value)> = values.into_iter().collect();
        values.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, value) in values {
            let dotted = format!("{name}.{key}");
            let default = self.default_of(name, &key).cloned();
            if default.as_ref() == Some(&value) {
                continue;
            }
            let origin = self.origin_of(&value, default.as_ref());
            if !keys.contains(&key) {
                let names: Vec<&str> = keys.iter().map(String::as_str).collect();
                self.bad(origin, &dotted, unknown("key", &key, &names, &format!("{name}.")));
                continue;
            }
            self.layered.origins.insert(dotted.clone(), origin.clone());
            if let Some(message) = default.as_ref().and_then(|d| wrong_kind(d, &value)) {
                self.bad(origin, &dotted, message);
            } else if let Err(e) = self.try_key(name, &key, value.clone()) {
                let p = from_config_error(&origin, e);
                let key = if p.key.is_empty() { dotted } else { p.key };
                self.layered.problems.push(ConfigProblem { origin, key, ..p });
            } else {
                section_of(&mut self.repaired, name).insert(key, value);
            }
        }
    }

    fn default_of(&self, section: &str, key: &str) -> Option<&Value> {
        match &self.defaults.get(section)?.kind {
            ValueKind::Table(keys) => keys.get(key),
            _ => None,
        }
    }

    /// The defaults with this one value in place: do they still read?
    fn try_key(&self, section: &str, key: &str, value: Value) -> Result<KioskConfig, config::ConfigError> {
        let mut candidate = self.defaults.clone();
        section_of(&mut candidate, section).insert(key.to_owned(), value);
        KioskConfig::deserialize(table(candidate))
    }

    /// A file as written, the environment, or else the command line (what
    /// differs from the defaults and names no origin).
    fn origin_of(&self, value: &Value, default: Option<&Value>) -> String {
        match value.origin() {
            Some(origin) => self.rename(origin),
            None if default.is_none_or(|d| d != value) => "command line".into(),
            None => self.layered.fallback.clone(),
        }
    }

    fn rename(&self, origin: &str) -> String {
        let path = absolute(std::path::Path::new(origin));
        self.written
            .iter()
            .find(|(abs, _)| *abs == path)
            .map_or_else(|| origin.to_owned(), |(_, f)| f.clone())
    }

    fn bad(&mut self, origin: String, key: &str, message: String) {
        self.layered.problems.push(ConfigProblem { origin, key: key.to_owned(), message });
    }
}

fn section_of<'m>(map: &'m mut Map<String, Value>, name: &str) -> &'m mut Map<String, Value> {
    let entry = map.entry(name.to_owned()).or_insert_with(|| table(Map::new()));
    if !matches!(entry.kind, ValueKind::Table(_)) {
        *entry = table(Map::new());
    }
    match &mut entry.kind {
        ValueKind::Table(t) => t,
        _ => unreachable!("made a table above"),
    }
}

/// The origin of any value inside a section (a section itself may have none).
fn first_origin(value: &Value) -> Option<&str> {
    value.origin().or_else(|| match &value.kind {
        ValueKind::Table(t) => t.values().find_map(first_origin),
        _ => None,
    })
}

/// One wording for an unknown section and an unknown key: what was
/// written, the nearest real name, and every real one.
fn unknown(what: &str, name: &str, names: &[&str], prefix: &str) -> String {
    let nearest = names
        .iter()
        .map(|n| (strsim::osa_distance(name, n), *n))
        .filter(|(d, n)| *d <= 1.max(n.len() / 4))
        .min()
        .map_or_else(String::new, |(_, n)| format!("; did you mean `{prefix}{n}`?"));
    let all = match prefix {
        "" => format!("the sections are {}", names.join(", ")),
        _ => format!("the keys of [{}] are {}", prefix.trim_end_matches('.'), names.join(", ")),
    };
    format!("unknown {what}{nearest} ({all})")
}

/// Booleans must be booleans, numbers numbers, as TOML writes them: the
/// config crate would read "yes", "false" or 1 as a boolean, and "5" as 5.
fn wrong_kind(default: &Value, value: &Value) -> Option<String> {
    let found = match &value.kind {
        ValueKind::String(s) => format!("\"{s}\""),
        ValueKind::Table(_) => "a section".into(),
        ValueKind::Array(_) => "a list".into(),
        other => other.to_string(),
    };
    match (&default.kind, &value.kind) {
        (ValueKind::Boolean(_), ValueKind::Boolean(_)) => None,
        (ValueKind::Boolean(_), _) => Some(format!("must be true or false, without quotes (found {found})")),
        (ValueKind::I64(_), ValueKind::I64(_) | ValueKind::U64(_)) => None,
        (ValueKind::I64(_), _) => Some(format!("must be a whole number, without quotes (found {found})")),
        _ => None,
    }
}

/// Turns the config crate's error into a problem with an origin and a key.
pub(super) fn from_config_error(origin: &str, e: config::ConfigError) -> ConfigProblem {
    match e {
        config::ConfigError::Type { origin: o, unexpected, expected, key } => ConfigProblem {
            origin: o.unwrap_or_else(|| origin.to_owned()),
            key: key.unwrap_or_default(),
            message: format!("expected {expected}, found {unexpected}"),
        },
        config::ConfigError::At { error, origin: o, key } => ConfigProblem {
            origin: o.unwrap_or_else(|| origin.to_owned()),
            key: key.unwrap_or_default(),
            message: error.to_string(),
        },
        other => ConfigProblem { origin: origin.to_owned(), key: String::new(), message: other.to_string() },
    }
}
