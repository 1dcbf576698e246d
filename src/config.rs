//! Layered configuration: the built-in `kiosk-config/default.toml` → each
//! `--config FILE` → `ONESTOP__SECTION__KEY` variables → command-line options.

use std::path::{Path, PathBuf};

use config::{Config, Environment, File, FileFormat};
use serde::{Deserialize, Serialize};

use crate::domain::Lang;

/// The built-in defaults; the same file documents every key.
pub const DEFAULT_TOML: &str = include_str!("../kiosk-config/default.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskConfig {
    pub kiosk: KioskSection,
    pub backend: BackendSection,
    pub server: ServerSection,
    pub booking: BookingSection,
    pub handoff: HandoffSection,
    pub session: SessionSection,
    pub staff: StaffSection,
    pub ssh: SshSection,
    pub paths: PathsSection,
    pub log: LogSection,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskSection {
    pub id: String,
    pub hall: String,
    pub language: Lang,
    pub lockdown: bool,
    /// When the on-screen keyboard shows: "auto", "on" or "off".
    pub touch: crate::kiosk::input::keyboard::Touch,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackendSection {
    pub url: Option<String>,
    pub timeout_secs: u64,
    pub catalog_refresh_secs: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSection {
    pub listen: String,
    pub database: Option<PathBuf>,
    pub catalog_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingSection {
    pub hold_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoffSection {
    pub public_url: Option<String>,
    pub ttl_minutes: u32,
    pub lookups_per_minute: u32,
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionSection {
    pub idle_timeout_secs: u64,
    pub idle_warning_secs: u64,
    pub screen_reader: bool,
    pub elderly: bool,
    /// "standard", "high-contrast" or "monochrome" (NO_COLOR also means monochrome).
    pub theme: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffSection {
    pub key: String,
    pub pin_hash: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SshSection {
    pub listen: String,
    /// "open" or "keys".
    pub auth: String,
    pub authorized_keys: Option<PathBuf>,
    pub max_sessions: usize,
    pub connections_per_minute: u32,
    pub idle_timeout_secs: u64,
    pub max_session_secs: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathsSection {
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSection {
    pub file: Option<PathBuf>,
    pub level: String,
}

/// One thing wrong with the configuration, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The file (or "environment", "command line") the value came from.
    pub origin: String,
    /// Dotted key, e.g. `backend.url`; empty for a whole-file problem.
    pub key: String,
    pub message: String,
}

impl std::fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.key.as_str() {
            "" => write!(f, "{}: {}", self.origin, self.message),
            key => write!(f, "{}: key `{key}`: {}", self.origin, self.message),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ConfigError(pub Vec<ConfigProblem>);

impl KioskConfig {
    /// Loads every layer. `overrides` are (key, value) pairs from the command line.
    pub fn load(files: &[PathBuf], overrides: &[(&str, String)]) -> Result<KioskConfig, ConfigError> {
        let mut builder = Config::builder().add_source(File::from_str(DEFAULT_TOML, FileFormat::Toml));
        for file in files {
            if !file.is_file() {
                return Err(ConfigError(vec![problem(file, "", "no such file")]));
            }
            builder = builder.add_source(File::from(file.as_path()).format(FileFormat::Toml));
        }
        builder = builder.add_source(
            Environment::with_prefix("ONESTOP").prefix_separator("__").separator("__").try_parsing(true),
        );
        for (key, value) in overrides {
            builder = builder.set_override(*key, value.as_str()).expect("override keys are valid");
        }
        let origin = files.last().map_or_else(|| "configuration".to_owned(), |f| f.display().to_string());
        let cfg: KioskConfig = builder
            .build()
            .and_then(Config::try_deserialize)
            .map_err(|e| ConfigError(vec![from_config_error(&origin, e)]))?;
        let problems = cfg.problems(&origin);
        if problems.is_empty() { Ok(cfg) } else { Err(ConfigError(problems)) }
    }

    /// Checks one file on its own (over the defaults), naming it in every problem.
    pub fn check_file(file: &Path) -> Vec<ConfigProblem> {
        match std::fs::read_to_string(file) {
            Err(e) => vec![problem(file, "", &e.to_string())],
            Ok(text) => {
                if let Err(e) = text.parse::<toml::Table>() {
                    let line = e.span().map_or(1, |s| text[..s.start].lines().count().max(1));
                    return vec![problem(file, "", &format!("line {line}: {}", e.message()))];
                }
                let origin = file.display().to_string();
                match KioskConfig::load(&[file.to_owned()], &[]) {
                    Ok(_) => vec![],
                    // Name the file as the user wrote it, whatever the config crate calls it.
                    Err(ConfigError(problems)) => {
                        problems.into_iter().map(|p| ConfigProblem { origin: origin.clone(), ..p }).collect()
                    }
                }
            }
        }
    }

    /// Rules that types alone cannot state.
    fn problems(&self, origin: &str) -> Vec<ConfigProblem> {
        let mut out = Vec::new();
        let mut bad = |key: &str, message: &str| {
            out.push(ConfigProblem {
                origin: origin.to_owned(),
                key: key.to_owned(),
                message: message.to_owned(),
            });
        };
        if self.kiosk.id.trim().is_empty() {
            bad("kiosk.id", "must not be empty");
        }
        if self.kiosk.hall.trim().is_empty() {
            bad("kiosk.hall", "must name a hall from the catalogue");
        }
        if let Some(url) = &self.backend.url {
            let ok = reqwest::Url::parse(url)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host());
            if !ok {
                bad("backend.url", "must be an http:// or https:// address, e.g. http://10.0.0.5:8080");
            }
        }
        if !(1..=120).contains(&self.backend.timeout_secs) {
            bad("backend.timeout_secs", "must be between 1 and 120 seconds");
        }
        if !(1..=86_400).contains(&self.backend.catalog_refresh_secs) {
            bad("backend.catalog_refresh_secs", "must be between 1 second and 1 day");
        }
        if let Some(url) = &self.handoff.public_url
            && !reqwest::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
        {
            bad("handoff.public_url", "must be an http:// or https:// address that phones can reach");
        }
        if !(1..=24 * 60).contains(&self.handoff.ttl_minutes) {
            bad("handoff.ttl_minutes", "must be between 1 minute and 1 day (1440)");
        }
        if self.handoff.lookups_per_minute == 0 {
            bad("handoff.lookups_per_minute", "must be at least 1");
        }
        if self.session.idle_timeout_secs < 30 {
            bad("session.idle_timeout_secs", "must be at least 30 seconds");
        }
        if self.session.idle_warning_secs < 20
            || self.session.idle_warning_secs >= self.session.idle_timeout_secs
        {
            bad(
                "session.idle_warning_secs",
                "must be at least 20 seconds, and shorter than the idle timeout",
            );
        }
        if crate::ui::Theme::named(&self.session.theme).is_none() {
            bad("session.theme", "must be \"standard\", \"high-contrast\" or \"monochrome\"");
        }
        if crate::kiosk::parse_chord(&self.staff.key).is_none() {
            bad("staff.key", "a key such as \"ctrl+alt+k\" or \"f12\"");
        }
        if let Some(hash) = &self.staff.pin_hash
            && argon2::PasswordHash::new(hash).is_err()
        {
            bad("staff.pin_hash", "must be the line printed by `onestop config hash-pin`");
        }
        if self.ssh.listen.parse::<std::net::SocketAddr>().is_err() {
            bad("ssh.listen", "must be an address and port, e.g. 127.0.0.1:2222");
        }
        match (self.ssh.auth.as_str(), &self.ssh.authorized_keys) {
            ("open", _) | ("keys", Some(_)) => {}
            ("keys", None) => bad("ssh.authorized_keys", "auth = \"keys\" needs an authorized_keys file"),
            _ => bad("ssh.auth", "must be \"open\" or \"keys\""),
        }
        if self.ssh.max_sessions == 0 || self.ssh.connections_per_minute == 0 {
            bad("ssh.max_sessions", "limits must be at least 1");
        }
        if self.ssh.idle_timeout_secs < 30 || self.ssh.max_session_secs < 60 {
            bad("ssh.idle_timeout_secs", "at least 30 s idle and 60 s per session");
        }
        if !(1..=30).contains(&self.booking.hold_minutes) {
            bad("booking.hold_minutes", "must be between 1 and 30 minutes");
        }
        if self.server.listen.parse::<std::net::SocketAddr>().is_err() {
            bad("server.listen", "must be an address and port, e.g. 127.0.0.1:8080");
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            bad("log.level", "must be error, warn, info, debug or trace");
        }
        out
    }

    /// The data directory: configured, or the user's data directory.
    pub fn data_dir(&self) -> PathBuf {
        self.paths
            .data_dir
            .clone()
            .unwrap_or_else(|| dirs::data_dir().unwrap_or_else(std::env::temp_dir).join("onestop"))
    }

    pub fn database(&self) -> PathBuf {
        self.server.database.clone().unwrap_or_else(|| self.data_dir().join("onestop.db"))
    }

    pub fn log_file(&self) -> PathBuf {
        self.log.file.clone().unwrap_or_else(|| self.data_dir().join("onestop.log"))
    }
}

fn problem(file: &Path, key: &str, message: &str) -> ConfigProblem {
    ConfigProblem { origin: file.display().to_string(), key: key.to_owned(), message: message.to_owned() }
}

/// Turns the config crate's error into a problem with an origin and a key.
fn from_config_error(origin: &str, e: config::ConfigError) -> ConfigProblem {
    match e {
        config::ConfigError::Type { origin: o, unexpected, expected, key } => ConfigProblem {
            origin: o.unwrap_or_else(|| origin.to_owned()),
            key: key.unwrap_or_default(),
            message: format!("expected {expected}, found {unexpected}"),
        },
        config::ConfigError::At { error, origin: o, key } => {
            let origin = o.unwrap_or_else(|| origin.to_owned());
            let (key, message) = (key.unwrap_or_default(), error.to_string());
            // serde says "unknown field `x`, expected one of …" about the section: name the key itself.
            match message.strip_prefix("unknown field `").and_then(|m| m.split_once('`')) {
                Some((field, rest)) => ConfigProblem {
                    origin,
                    key: if key.is_empty() { field.to_owned() } else { format!("{key}.{field}") },
                    message: format!("unknown key{rest}"),
                },
                None => ConfigProblem { origin, key, message },
            }
        }
        other => ConfigProblem { origin: origin.to_owned(), key: String::new(), message: other.to_string() },
    }
}
