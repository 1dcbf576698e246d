//! Rules that types alone cannot state: the numbers each key may take, the
//! shape of addresses, levels and keys; and, for `config check` only,
//! what depends on the world around the kiosk (the hall is in the
//! catalogue, phones can reach the QR code's page).

use std::net::IpAddr;

use super::KioskConfig;
use crate::domain::Catalog;
use crate::kiosk::staff::PhoneLinkWarning;

/// The numbers a key may take. `default.toml` states each of them beside
/// its key (a test holds the two together).
pub struct Limit {
    /// Dotted key, e.g. `session.idle_timeout_secs`.
    pub key: &'static str,
    pub min: u64,
    pub max: Option<u64>,
    pub unit: &'static str,
    value: fn(&KioskConfig) -> u64,
}

pub const LIMITS: &[Limit] = &[
    Limit {
        key: "backend.timeout_secs",
        min: 1,
        max: Some(120),
        unit: "seconds",
        value: |c| c.backend.timeout_secs,
    },
    Limit {
        key: "backend.catalog_refresh_secs",
        min: 1,
        max: Some(86_400),
        unit: "seconds",
        value: |c| c.backend.catalog_refresh_secs,
    },
    Limit {
        key: "booking.hold_minutes",
        min: 1,
        max: Some(30),
        unit: "minutes",
        value: |c| u64::from(c.booking.hold_minutes),
    },
    Limit {
        key: "booking.retain_days",
        min: 1,
        max: Some(3650),
        unit: "days",
        value: |c| u64::from(c.booking.retain_days),
    },
    Limit {
        key: "booking.bookings_per_person",
        min: 1,
        max: None,
        unit: "bookings",
        value: |c| u64::from(c.booking.bookings_per_person),
    },
    Limit {
        key: "booking.holds_per_kiosk_per_minute",
        min: 1,
        max: None,
        unit: "holds",
        value: |c| u64::from(c.booking.holds_per_kiosk_per_minute),
    },
    Limit {
        key: "booking.holds_per_hall_per_minute",
        min: 1,
        max: None,
        unit: "holds",
        value: |c| u64::from(c.booking.holds_per_hall_per_minute),
    },
    Limit {
        key: "booking.checkin_early_minutes",
        min: 0,
        max: Some(240),
        unit: "minutes",
        value: |c| u64::from(c.booking.checkin_early_minutes),
    },
    Limit {
        key: "queue.max_priority_in_a_row",
        min: 1,
        max: Some(10),
        unit: "calls",
        value: |c| u64::from(c.queue.max_priority_in_a_row),
    },
    Limit {
        key: "queue.return_minutes",
        min: 0,
        max: Some(480),
        unit: "minutes",
        value: |c| u64::from(c.queue.return_minutes),
    },
    Limit {
        key: "catalog.review_months",
        min: 1,
        max: Some(60),
        unit: "months",
        value: |c| u64::from(c.catalog.review_months),
    },
    Limit {
        key: "rating.open_days",
        min: 1,
        max: Some(90),
        unit: "days",
        value: |c| u64::from(c.rating.open_days),
    },
    Limit {
        key: "handoff.ttl_minutes",
        min: 1,
        max: Some(1440),
        unit: "minutes",
        value: |c| u64::from(c.handoff.ttl_minutes),
    },
    Limit {
        key: "handoff.lookups_per_minute",
        min: 1,
        max: None,
        unit: "requests",
        value: |c| u64::from(c.handoff.lookups_per_minute),
    },
    Limit {
        key: "session.idle_timeout_secs",
        min: 30,
        max: None,
        unit: "seconds",
        value: |c| c.session.idle_timeout_secs,
    },
    Limit {
        key: "session.idle_warning_secs",
        min: 20,
        max: None,
        unit: "seconds",
        value: |c| c.session.idle_warning_secs,
    },
    Limit {
        key: "ssh.max_sessions",
        min: 1,
        max: None,
        unit: "sessions",
        value: |c| c.ssh.max_sessions as u64,
    },
    Limit {
        key: "ssh.connections_per_minute",
        min: 1,
        max: None,
        unit: "connections",
        value: |c| u64::from(c.ssh.connections_per_minute),
    },
    Limit {
        key: "ssh.idle_timeout_secs",
        min: 30,
        max: None,
        unit: "seconds",
        value: |c| c.ssh.idle_timeout_secs,
    },
    Limit {
        key: "ssh.max_session_secs",
        min: 60,
        max: None,
        unit: "seconds",
        value: |c| c.ssh.max_session_secs,
    },
    Limit {
        key: "display.recent",
        min: 1,
        max: Some(10),
        unit: "calls",
        value: |c| u64::from(c.display.recent),
    },
    Limit {
        key: "speech.volume",
        min: 0,
        max: Some(100),
        unit: "percent",
        value: |c| u64::from(c.speech.volume),
    },
    Limit {
        key: "speech.rate",
        min: 80,
        max: Some(450),
        unit: "words a minute",
        value: |c| u64::from(c.speech.rate),
    },
];

impl Limit {
    fn problem(&self, cfg: &KioskConfig) -> Option<(String, String)> {
        let v = (self.value)(cfg);
        let (min, unit) = (self.min, self.unit);
        let message = match self.max {
            Some(max) if !(min..=max).contains(&v) => format!("must be between {min} and {max} {unit}"),
            None if v < min => format!("must be at least {min} {unit}"),
            _ => return None,
        };
        Some((self.key.to_owned(), message))
    }
}

/// (key, what is wrong) for every rule the configuration breaks.
pub(super) fn problems(cfg: &KioskConfig) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = LIMITS.iter().filter_map(|l| l.problem(cfg)).collect();
    let mut bad = |key: &str, message: &str| out.push((key.to_owned(), message.to_owned()));
    if cfg.speech.command.as_ref().is_some_and(|c| c.first().is_none_or(|p| p.trim().is_empty())) {
        bad(
            "speech.command",
            "must name the player first, e.g. [\"aplay\", \"-q\"] (leave it out to pick aplay or paplay)",
        );
    }
    if cfg.kiosk.id.trim().is_empty() {
        bad("kiosk.id", "must not be empty");
    }
    if cfg.kiosk.hall.trim().is_empty() {
        bad("kiosk.hall", "must name a hall from the catalogue");
    }
    if cfg.kiosk.hall_name.as_ref().is_some_and(|n| n.missing().any(|l| l == crate::domain::Lang::FALLBACK)) {
        bad("kiosk.hall_name", "must give the name in zh-CN at least, e.g. { zh-CN = \"…\", en-US = \"…\" }");
    }
    if cfg.kiosk.help_phone.as_deref().is_some_and(|p| p.trim().is_empty()) {
        bad("kiosk.help_phone", "must not be empty (leave it out instead)");
    }
    if cfg.window.number.is_some_and(|n| !(1..=999).contains(&n)) {
        bad("window.number", "must be between 1 and 999, the number painted above the counter");
    }
    if cfg.window.hall.as_deref().is_some_and(|h| !crate::domain::limits::is_id(h)) {
        bad("window.hall", "must name a hall from the catalogue (1 to 64 of a-z, 0-9 and '-')");
    }
    if cfg.display.hall.as_deref().is_some_and(|h| !crate::domain::limits::is_id(h)) {
        bad("display.hall", "must name a hall from the catalogue (1 to 64 of a-z, 0-9 and '-')");
    }
    if cfg.backend.url.as_deref().is_some_and(|u| !is_web_address(u)) {
        bad("backend.url", "must be an http:// or https:// address, e.g. http://10.0.0.5:8080");
    }
    if cfg.handoff.public_url.as_deref().is_some_and(|u| !is_web_address(u)) {
        bad("handoff.public_url", "must be an http:// or https:// address that phones can reach");
    }
    if cfg.session.idle_warning_secs >= cfg.session.idle_timeout_secs {
        bad("session.idle_warning_secs", "must be shorter than session.idle_timeout_secs");
    }
    if crate::ui::Theme::named(&cfg.session.theme).is_none() {
        bad("session.theme", "must be \"standard\", \"high-contrast\" or \"monochrome\"");
    }
    if crate::kiosk::parse_chord(&cfg.staff.key).is_none() {
        bad("staff.key", "a key such as \"ctrl+alt+k\" or \"f12\"");
    }
    if cfg.staff.pin_hash.as_deref().is_some_and(|h| argon2::PasswordHash::new(h).is_err()) {
        bad("staff.pin_hash", "must be the line printed by `onestop config hash-pin`");
    }
    if cfg.ssh.listen.parse::<std::net::SocketAddr>().is_err() {
        bad("ssh.listen", "must be an address and port, e.g. 127.0.0.1:2222");
    }
    match (cfg.ssh.auth.as_str(), &cfg.ssh.authorized_keys) {
        ("open", _) | ("keys", Some(_)) => {}
        ("keys", None) => bad("ssh.authorized_keys", "auth = \"keys\" needs an authorized_keys file"),
        _ => bad("ssh.auth", "must be \"open\" or \"keys\""),
    }
    if cfg.server.listen.parse::<std::net::SocketAddr>().is_err() {
        bad("server.listen", "must be an address and port, e.g. 127.0.0.1:8080");
    }
    if !is_log_filter(&cfg.log.level) {
        bad(
            "log.level",
            "must be error, warn, info, debug, trace or off, or a filter such as \"info,onestop=debug\"",
        );
    }
    out
}

fn is_web_address(url: &str) -> bool {
    reqwest::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
}

/// A level, or tracing's filter syntax whose every directive ends in a
/// level (`info,onestop=debug`). tracing itself would take a lone word
/// such as "loud" as the name of a module to log at every level.
fn is_log_filter(filter: &str) -> bool {
    const LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];
    let is_level = |s: &str| LEVELS.iter().any(|l| l.eq_ignore_ascii_case(s.trim()));
    let directives_end_in_levels = filter.split(',').all(|d| match d.rsplit_once('=') {
        // A span's fields ([span{field=value}]) hold '=' too: tracing checks those.
        _ if d.contains('[') => true,
        Some((target, level)) => !target.trim().is_empty() && is_level(level),
        None => is_level(d),
    });
    directives_end_in_levels && tracing_subscriber::EnvFilter::try_new(filter).is_ok()
}

/// `kiosk.hall` is a hall of the catalogue the kiosk will show; None when it is.
pub(super) fn hall_problem(cfg: &KioskConfig, catalog: &Catalog, which: &str) -> Option<String> {
    let hall = cfg.kiosk.hall.as_str();
    if hall.trim().is_empty() || catalog.halls.iter().any(|h| h.id == hall) {
        return None;
    }
    let halls: Vec<&str> = catalog.halls.iter().map(|h| h.id.as_str()).collect();
    Some(format!("no hall \"{hall}\" in {which} (its halls: {})", halls.join(", ")))
}

/// What works but lets citizens down: in lockdown (a hall's kiosk), a QR
/// code's link that phones cannot open.
pub(super) fn warnings(cfg: &KioskConfig) -> Vec<(String, String)> {
    let key = "handoff.public_url".to_owned();
    match phone_link_warning(cfg) {
        None => vec![],
        Some(PhoneLinkWarning::Unset) => vec![(
            key,
            "unset in lockdown: the QR code's link would point at this kiosk's own loopback address, \
             which phones cannot reach; set the hall's public address"
                .into(),
        )],
        Some(PhoneLinkWarning::Loopback(url)) => vec![(
            key,
            format!(
                "{url} is a loopback address in lockdown: phones cannot reach it; set the hall's public address"
            ),
        )],
    }
}

/// In lockdown, why phones cannot open the QR code's link. The link is
/// made by the backend from its `handoff.public_url`: this file's when the
/// backend is the embedded one (unset, it is the embedded backend's own
/// loopback address).
pub(super) fn phone_link_warning(cfg: &KioskConfig) -> Option<PhoneLinkWarning> {
    if !cfg.kiosk.lockdown {
        return None;
    }
    match cfg.handoff.public_url.as_deref() {
        None if cfg.backend.url.is_none() => Some(PhoneLinkWarning::Unset),
        Some(url) if is_loopback(url) => Some(PhoneLinkWarning::Loopback(url.to_owned())),
        _ => None,
    }
}

/// Whether a URL's host is this machine alone (localhost, 127.x, ::1, 0.0.0.0).
fn is_loopback(url: &str) -> bool {
    let Some(host) = reqwest::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase))
    else {
        return false;
    };
    match host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip.is_unspecified(),
        Err(_) => {
            let name = host.trim_end_matches('.');
            name == "localhost" || name.ends_with(".localhost")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_must_be_levels() {
        for ok in ["info", "WARN", "off", "info,onestop=debug", "onestop::search=trace"] {
            assert!(is_log_filter(ok), "{ok}");
        }
        for bad in ["loud", "info,loud", "onestop=loud", "=info", ""] {
            assert!(!is_log_filter(bad), "{bad}");
        }
    }

    #[test]
    fn loopback_addresses_are_the_machine_itself() {
        for url in ["http://127.0.0.1:8080", "http://localhost/", "http://[::1]:80", "http://0.0.0.0:8080"] {
            assert!(is_loopback(url), "{url}");
        }
        for url in ["https://zwfw.example.gov.cn", "http://10.20.0.5:8080"] {
            assert!(!is_loopback(url), "{url}");
        }
    }
}
