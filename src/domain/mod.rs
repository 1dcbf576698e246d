//! Types shared by the kiosk and the server: the catalogue, the API's error
//! body, languages, and the rules that check them.

pub mod booking;
pub mod catalog;
pub mod document;
pub mod limits;
pub mod lint;
pub mod person;
pub mod phone;
pub mod policy;
pub mod queue;
pub mod rating;
pub mod validate;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use booking::*;
pub use catalog::*;
pub use person::FieldError;

/// A language the kiosk speaks. zh-CN is the fallback for everything.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(try_from = "String")]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en-US")]
    EnUs,
    #[serde(rename = "zh-HK")]
    ZhHk,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::EnUs, Lang::ZhHk];
    pub const FALLBACK: Lang = Lang::ZhCn;

    /// The BCP 47 tag, as used in `--lang`, the config and `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::EnUs => "en-US",
            Lang::ZhHk => "zh-HK",
        }
    }

    /// Parses a BCP 47 tag or a POSIX locale (`en_US.UTF-8`, `zh_TW`, `C`):
    /// the nearest language we speak, if any.
    pub fn from_locale(s: &str) -> Option<Lang> {
        let base = s.split(['.', '@']).next()?.replace('_', "-").to_ascii_lowercase();
        match base.as_str() {
            "zh-hk" | "zh-tw" | "zh-mo" | "zh-hant" => Some(Lang::ZhHk),
            b if b == "zh" || b.starts_with("zh-") => Some(Lang::ZhCn),
            b if b == "en" || b.starts_with("en-") => Some(Lang::EnUs),
            _ => None,
        }
    }

    /// The next language in the on-screen switch order.
    pub fn next(self) -> Lang {
        let i = Lang::ALL.iter().position(|&l| l == self).unwrap_or(0);
        Lang::ALL[(i + 1) % Lang::ALL.len()]
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown language `{s}` (use zh-CN, en-US or zh-HK)"))
    }
}

impl TryFrom<String> for Lang {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// The body of every error the API returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ApiError {
    /// Stable machine-readable code, e.g. `not_found`.
    pub code: String,
    /// A sentence for the developer reading logs (never shown to citizens as is).
    pub message: String,
    /// The request field at fault, for `invalid_field`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What a refusal names, for a client to say in its own words: the
    /// local time numbers are given from or until (`before_hours`,
    /// `after_hours`: `HH:MM`), the instant check-in opens or closed
    /// (`too_early`, `too_late`: RFC 3339), the booking's hall (`other_hall`),
    /// the number a booking was given (`already_checked_in`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Why a request to the backend failed, in terms the kiosk can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// No connection could be made.
    Offline,
    /// The backend did not answer in time.
    Timeout,
    /// The backend answered with an error of its own.
    Server,
    /// The answer could not be understood.
    BadData,
    /// The backend does not know this terminal: no token, or one unknown or revoked.
    Unregistered,
}

/// Characters that can drive a terminal or change how the text around them
/// reads without being seen: C0 and C1 controls and DEL (escape sequences,
/// tabs, newlines), bidi embeddings, overrides, isolates and marks, zero-width
/// characters and the byte-order mark, and the Unicode line and paragraph
/// separators. The catalogue refuses them at load; the kiosk strips them.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'                    // Arabic letter mark
            | '\u{200b}'..='\u{200f}'     // zero-width space, non-joiner, joiner; LRM, RLM
            | '\u{2028}'..='\u{202e}'     // line and paragraph separators; LRE, RLE, PDF, LRO, RLO
            | '\u{2060}'                  // word joiner
            | '\u{2066}'..='\u{2069}'     // LRI, RLI, FSI, PDI
            | '\u{feff}' // zero-width no-break space (byte-order mark)
        )
}

/// Removes the characters of [`is_unsafe_char`], so that text from the
/// backend or from files can never drive the terminal. Those that separate
/// words (tab, newline, the line and paragraph separators) become a space.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if is_unsafe_char(c) => None,
            c => Some(c),
        })
        .collect()
}

/// [`sanitize`] applied to every string of a JSON document, keys included:
/// for anything read from the network or from disk before it is decoded.
pub fn sanitize_json(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => *s = sanitize(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(sanitize_json),
        serde_json::Value::Object(map) => {
            let dirty = map.keys().any(|k| k.chars().any(is_unsafe_char));
            if dirty {
                *map = std::mem::take(map).into_iter().map(|(k, v)| (sanitize(&k), v)).collect();
            }
            map.values_mut().for_each(sanitize_json);
        }
        _ => {}
    }
}

/// `s` with every [`is_unsafe_char`] written out as `\u{…}`: for error
/// messages that quote catalogue text (an operator's terminal is a terminal too).
pub fn escape_unsafe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return s.into();
    }
    s.chars()
        .map(|c| if is_unsafe_char(c) { format!("\\u{{{:x}}}", u32::from(c)) } else { c.to_string() })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_locales_map_to_languages() {
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::EnUs));
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_locale("zh_TW.UTF-8"), Some(Lang::ZhHk));
        assert_eq!(Lang::from_locale("zh-HK"), Some(Lang::ZhHk));
        assert_eq!(Lang::from_locale("C"), None);
        assert_eq!(Lang::from_locale("de_DE"), None);
    }

    #[test]
    fn sanitize_strips_escape_sequences() {
        assert_eq!(sanitize("a\x1b[2Jb\u{9b}c\u{202e}d"), "a[2Jbcd");
        assert_eq!(sanitize("社保\t卡\n"), "社保 卡 ");
    }

    #[test]
    fn sanitize_strips_invisible_and_bidi_characters() {
        let hidden = "a\u{200b}b\u{200d}c\u{2060}d\u{feff}e\u{061c}f\u{2066}g\u{2069}h\u{200f}i";
        assert_eq!(sanitize(hidden), "abcdefghi");
        assert_eq!(sanitize("上\u{2028}下\u{2029}"), "上 下 ");
        assert_eq!(sanitize("社保卡 · 申领（首次）"), "社保卡 · 申领（首次）");
    }

    #[test]
    fn json_is_cleaned_throughout() {
        let mut doc = serde_json::json!({"a\u{1b}": ["x\u{1b}]0;t\u{7}", {"n": "\u{202e}y"}], "k": 1});
        sanitize_json(&mut doc);
        assert_eq!(doc, serde_json::json!({"a": ["x]0;t", {"n": "y"}], "k": 1}));
    }

    #[test]
    fn unsafe_characters_are_written_out_in_messages() {
        assert_eq!(escape_unsafe("a\u{1b}[2J\u{202e}b"), "a\\u{1b}[2J\\u{202e}b");
        assert!(matches!(escape_unsafe("结婚登记"), std::borrow::Cow::Borrowed(_)));
    }
}
