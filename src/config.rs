//! Layered configuration: the built-in `kiosk-config/default.toml` → each
//! `--config FILE` → `ONESTOP__SECTION__KEY` variables → command-line options.

mod layers;
mod rules;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use rules::{LIMITS, Limit};

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
    pub queue: QueueSection,
    pub catalog: CatalogSection,
    pub rating: RatingSection,
    pub window: WindowSection,
    pub display: DisplaySection,
    pub speech: SpeechSection,
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
    /// The hall's name in each language, shown until a catalogue arrives.
    pub hall_name: Option<crate::domain::Text>,
    /// The help phone shown until a catalogue (with the hall's own) arrives.
    pub help_phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackendSection {
    pub url: Option<String>,
    /// This kiosk's token (`onestop token create`).
    pub token: Option<String>,
    pub timeout_secs: u64,
    pub catalog_refresh_secs: u64,
    /// A staff token of the kiosk's hall, for the staff screen's ratings
    /// and reports (`onestop token create --role staff`).
    pub staff_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSection {
    pub listen: String,
    /// A SQLite file or URL, or a PostgreSQL URL.
    pub database: Option<String>,
    pub catalog_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingSection {
    pub hold_minutes: u32,
    pub retain_days: u32,
    pub bookings_per_person: u32,
    pub holds_per_kiosk_per_minute: u32,
    pub holds_per_hall_per_minute: u32,
    pub checkin_early_minutes: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogSection {
    pub review_months: u32,
}

/// 好差评: how long after its service a ticket may be rated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingSection {
    pub open_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueSection {
    pub max_priority_in_a_row: u8,
    pub return_minutes: u16,
}

/// `onestop window`: the clerk's console at one window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowSection {
    /// The window's number, as painted above the counter (1 to 999).
    pub number: Option<u16>,
    /// Its hall; `kiosk.hall` when unset.
    pub hall: Option<String>,
}

/// `onestop display`: the hall's calling screen (叫号屏).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisplaySection {
    /// Its hall; `kiosk.hall` when unset.
    pub hall: Option<String>,
    /// Read each call out, in Mandarin and then English (espeak-ng).
    pub speak: bool,
    /// How many earlier calls are listed below the newest (1 to 10).
    pub recent: u8,
}

/// Spoken guidance at the kiosk (语音引导): espeak-ng into the hall's
/// headphone jack, for citizens who cannot read the screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeechSection {
    /// Speech can be started here (F1, or the key bar's button).
    pub enabled: bool,
    /// A headphone is always connected: Welcome says how to start speech
    /// every 30 s while it waits.
    pub always: bool,
    /// The audio player and its arguments, reading a WAV stream on standard
    /// input; unset: `aplay -q`, else `paplay`, whichever is on PATH.
    pub command: Option<Vec<String>>,
    /// 0–100; 50 is espeak-ng's normal loudness.
    pub volume: u8,
    /// Words per minute, 80–450.
    pub rate: u16,
}

impl SpeechSection {
    /// How the speaker is started.
    pub fn settings(&self) -> crate::speech::Settings {
        crate::speech::Settings {
            command: self.command.clone(),
            volume: self.volume,
            rate: self.rate,
            ..crate::speech::Settings::default()
        }
    }
}

impl KioskConfig {
    /// The hall a calling screen shows.
    pub fn display_hall(&self) -> &str {
        self.display.hall.as_deref().unwrap_or(&self.kiosk.hall)
    }

    /// The hall a window console acts for.
    pub fn window_hall(&self) -> &str {
        self.window.hall.as_deref().unwrap_or(&self.kiosk.hall)
    }
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
    /// The file (or "the environment", "command line") the value came from.
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

/// Every problem found, not just the first.
#[derive(Debug, thiserror::Error)]
#[error("{}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ConfigError {
    pub problems: Vec<ConfigProblem>,
    /// The configuration with the defaults in place of the bad values, so
    /// a check can go on to what needs whole values (the hall, warnings);
    /// None when a layer could not be read at all.
    pub repaired: Option<Box<KioskConfig>>,
}

/// What `onestop config check` says beyond the rules: the hall must be in
/// the catalogue the kiosk will show, and what works but will let
/// citizens down is a warning.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub problems: Vec<ConfigProblem>,
    pub warnings: Vec<ConfigProblem>,
}

/// The catalogue a check holds `kiosk.hall` against.
pub enum CatalogToCheck<'a> {
    /// A directory named on the command line.
    Dir(&'a Path),
    /// `server.catalog_dir` when set, or else the one built in.
    Configured,
}

impl KioskConfig {
    /// Loads every layer. `overrides` are (key, value) pairs from the command line.
    pub fn load(files: &[PathBuf], overrides: &[(&str, String)]) -> Result<KioskConfig, ConfigError> {
        let layered = layers::read(files, overrides);
        match layered.config {
            Some(cfg) if layered.problems.is_empty() => Ok(cfg),
            repaired => Err(ConfigError { problems: layered.problems, repaired: repaired.map(Box::new) }),
        }
    }

    /// Everything `onestop config check` says of the layers: every
    /// problem, each named by its file (or the environment) and key, then
    /// what needs the world around the kiosk (see `further`).
    pub fn check(files: &[PathBuf], overrides: &[(&str, String)], catalog: CatalogToCheck) -> CheckReport {
        let layered = layers::read(files, overrides);
        let mut report = CheckReport { problems: layered.problems.clone(), warnings: vec![] };
        if let Some(cfg) = &layered.config {
            let further = cfg.further(catalog, |key| layered.origin(key));
            report.problems.extend(further.problems);
            report.warnings = further.warnings;
        }
        report
    }

    /// Checks one file on its own (over the defaults), naming it in every problem.
    pub fn check_file(file: &Path, catalog: CatalogToCheck) -> CheckReport {
        let whole = |message: String| CheckReport {
            problems: vec![ConfigProblem { origin: file.display().to_string(), key: String::new(), message }],
            warnings: vec![],
        };
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => return whole(e.to_string()),
        };
        if let Err(e) = text.parse::<toml::Table>() {
            let line = e.span().map_or(1, |s| text[..s.start].lines().count().max(1));
            return whole(format!("line {line}: {}", e.message()));
        }
        KioskConfig::check(&[file.to_owned()], &[], catalog)
    }

    /// The checks that look beyond the configuration: `kiosk.hall` is in
    /// the catalogue, and in lockdown phones can reach the QR code's page.
    /// `origin` names where each key's value came from.
    fn further(&self, catalog: CatalogToCheck, origin: impl Fn(&str) -> String) -> CheckReport {
        let at = |(key, message): (String, String)| ConfigProblem { origin: origin(&key), key, message };
        let warnings = rules::warnings(self).into_iter().map(at).collect();
        let hall = match self.catalog_for_check(catalog) {
            Ok((catalog, which)) => rules::hall_problem(self, &catalog, &which),
            Err(message) => Some(message),
        };
        CheckReport { problems: hall.into_iter().map(|m| at(("kiosk.hall".into(), m))).collect(), warnings }
    }

    /// The catalogue named, and how to name it in a message.
    fn catalog_for_check(&self, catalog: CatalogToCheck) -> Result<(crate::domain::Catalog, String), String> {
        use crate::server::catalog_source;
        let dir = match catalog {
            CatalogToCheck::Dir(dir) => Some(dir.to_owned()),
            CatalogToCheck::Configured => self.server.catalog_dir.clone(),
        };
        match dir {
            Some(dir) => catalog_source::from_dir(&dir)
                .map(|c| (c, format!("the catalogue in {}", dir.display())))
                .map_err(|e| {
                    format!("cannot be checked: the catalogue in {} does not load ({e})", dir.display())
                }),
            None => {
                let which = match self.backend.url {
                    Some(_) => {
                        "the built-in demo catalogue (check against the backend's own with --catalog DIR)"
                    }
                    None => "the built-in catalogue",
                };
                catalog_source::embedded().map(|c| (c, which.to_owned())).map_err(|e| e.to_string())
            }
        }
    }

    /// In lockdown, why phones may not open the QR code's link, if they may not.
    pub fn phone_link_warning(&self) -> Option<crate::kiosk::staff::PhoneLinkWarning> {
        rules::phone_link_warning(self)
    }

    /// The data directory: configured, or the user's data directory.
    pub fn data_dir(&self) -> PathBuf {
        self.paths
            .data_dir
            .clone()
            .unwrap_or_else(|| dirs::data_dir().unwrap_or_else(std::env::temp_dir).join("onestop"))
    }

    pub fn database(&self) -> crate::server::Database {
        match &self.server.database {
            Some(db) => crate::server::Database::parse(db),
            None => crate::server::Database::Sqlite(self.data_dir().join("onestop.db")),
        }
    }

    pub fn log_file(&self) -> PathBuf {
        self.log.file.clone().unwrap_or_else(|| self.data_dir().join("onestop.log"))
    }
}
