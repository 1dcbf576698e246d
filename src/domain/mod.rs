//! Types shared by the kiosk and the server: the catalogue, the API's error
//! body, languages, and the rules that check them.

pub mod booking;
pub mod catalog;
pub mod document;
pub mod person;
pub mod phone;
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
}

/// Removes control characters (C0, DEL, C1, and bidi controls), so that text
/// from the backend or from files can never drive the terminal.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
        .filter(|&c| {
            !c.is_control()
                && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
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
}
