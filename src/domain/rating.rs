//! 好差评 (rating a service) and 找错 (reporting a mistake in a guide): the
//! five national levels (国办发〔2019〕51号), the reasons a low rating
//! gives, what a report says is wrong, and what the routes take and give.
//! Nothing here names a person: a rating is a ticket's, a report a guide's.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::limits::de;

mod figures;
pub use figures::*;

/// Most characters of a rating's or report's own words.
pub const TEXT_MAX: usize = 200;

/// The five levels, best first, as the provincial 好差评 system names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 非常满意
    VerySatisfied,
    /// 满意
    Satisfied,
    /// 基本满意
    FairlySatisfied,
    /// 不满意
    Dissatisfied,
    /// 非常不满意
    VeryDissatisfied,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::VerySatisfied,
        Level::Satisfied,
        Level::FairlySatisfied,
        Level::Dissatisfied,
        Level::VeryDissatisfied,
    ];

    /// The two lowest are 差评: they need a reason, and staff follow them up.
    pub fn is_bad(self) -> bool {
        matches!(self, Level::Dissatisfied | Level::VeryDissatisfied)
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::VerySatisfied => "very_satisfied",
            Level::Satisfied => "satisfied",
            Level::FairlySatisfied => "fairly_satisfied",
            Level::Dissatisfied => "dissatisfied",
            Level::VeryDissatisfied => "very_dissatisfied",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == s)
    }

    /// The national wording, as the export writes it.
    pub fn chinese(self) -> &'static str {
        match self {
            Level::VerySatisfied => "非常满意",
            Level::Satisfied => "满意",
            Level::FairlySatisfied => "基本满意",
            Level::Dissatisfied => "不满意",
            Level::VeryDissatisfied => "非常不满意",
        }
    }
}

/// Why a citizen was not satisfied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// 等候或办理太慢
    Slow,
    /// 服务态度不好
    Attitude,
    /// 要求重复提交材料
    AskedAgain,
    /// 事情没有办成
    NotDone,
    /// 告知不清楚
    Unclear,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 6] =
        [Reason::Slow, Reason::Attitude, Reason::AskedAgain, Reason::NotDone, Reason::Unclear, Reason::Other];

    pub fn name(self) -> &'static str {
        match self {
            Reason::Slow => "slow",
            Reason::Attitude => "attitude",
            Reason::AskedAgain => "asked_again",
            Reason::NotDone => "not_done",
            Reason::Unclear => "unclear",
            Reason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.name() == s)
    }

    /// As the export writes it.
    pub fn chinese(self) -> &'static str {
        match self {
            Reason::Slow => "等候或办理太慢",
            Reason::Attitude => "服务态度不好",
            Reason::AskedAgain => "要求重复提交材料",
            Reason::NotDone => "事情没有办成",
            Reason::Unclear => "告知不清楚",
            Reason::Other => "其他",
        }
    }
}

/// What a report says is wrong in a guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Wrong {
    Materials,
    Fees,
    TimeLimits,
    PlaceAndHours,
    Other,
}

impl Wrong {
    pub const ALL: [Wrong; 5] =
        [Wrong::Materials, Wrong::Fees, Wrong::TimeLimits, Wrong::PlaceAndHours, Wrong::Other];

    pub fn name(self) -> &'static str {
        match self {
            Wrong::Materials => "materials",
            Wrong::Fees => "fees",
            Wrong::TimeLimits => "time_limits",
            Wrong::PlaceAndHours => "place_and_hours",
            Wrong::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Wrong> {
        Wrong::ALL.into_iter().find(|w| w.name() == s)
    }
}

/// A citizen's own words: at most `TEXT_MAX` characters and no control
/// characters (a line break is refused too: staff read it on a terminal).
/// Leading and trailing spaces are dropped; nothing left is no text.
pub fn own_words(s: &str) -> Result<Option<String>, &'static str> {
    let s = s.trim();
    if s.chars().count() > TEXT_MAX {
        return Err("at most 200 characters");
    }
    if s.chars().any(crate::domain::is_unsafe_char) {
        return Err("no control characters");
    }
    Ok((!s.is_empty()).then(|| s.to_owned()))
}

fn bounded_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    let s = Option::<String>::deserialize(d)?;
    match s {
        // Far past the bound is not a citizen's text: refused as it is read.
        Some(s) if s.len() > TEXT_MAX * 4 => Err(D::Error::custom("expected at most 200 characters")),
        s => Ok(s),
    }
}

fn optional_handoff<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    match Option::<String>::deserialize(d)? {
        Some(c) if !crate::domain::limits::is_handoff_code(&c) => {
            Err(D::Error::custom("expected a handoff code: 16 letters and digits"))
        }
        c => Ok(c),
    }
}

fn optional_booking<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)?.map_or(Ok(None), |s| {
        de::booking_code(serde::de::value::StrDeserializer::<D::Error>::new(&s)).map(Some)
    })
}

fn optional_last4<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)?
        .map_or(Ok(None), |s| de::typed(serde::de::value::StrDeserializer::<D::Error>::new(&s)).map(Some))
}

fn optional_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)?
        .map_or(Ok(None), |s| de::id(serde::de::value::StrDeserializer::<D::Error>::new(&s)).map(Some))
}

/// Rating a finished ticket. What proves it is the citizen's, without an
/// ID: the phone page's handoff code (`handoff`), or a booked ticket's
/// confirmation code and the phone's last four digits (`booking`,
/// `phone_last4`); with neither, the kiosk's token of the ticket's hall.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    /// The ticket's service day at the hall.
    #[schema(
        pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        min_length = 10,
        max_length = 10,
        example = "2026-11-30"
    )]
    #[serde(deserialize_with = "de::date")]
    pub day: String,
    pub level: Level,
    /// Required for `dissatisfied` and `very_dissatisfied`, refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The citizen's own words, with a reason only: at most 200 characters, no control characters.
    #[schema(max_length = 200, example = "等了很久")]
    #[serde(default, deserialize_with = "bounded_text", skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The phone page's handoff code, when the ticket's page rates it.
    #[schema(pattern = "^[0-9A-Za-z]{16}$", min_length = 16, max_length = 16, example = "AB12CD34EF56GH78")]
    #[serde(default, deserialize_with = "optional_handoff", skip_serializing_if = "Option::is_none")]
    pub handoff: Option<String>,
    /// A booked ticket's confirmation code, with `phone_last4`.
    #[schema(
        pattern = "^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$",
        min_length = 8,
        max_length = 9,
        example = "7K3M9QX2"
    )]
    #[serde(default, deserialize_with = "optional_booking", skip_serializing_if = "Option::is_none")]
    pub booking: Option<String>,
    #[schema(pattern = "^[0-9]{4}$", min_length = 4, max_length = 4, example = "5678")]
    #[serde(default, deserialize_with = "optional_last4", skip_serializing_if = "Option::is_none")]
    pub phone_last4: Option<String>,
    /// Which of the queue's services it was, where the queue serves several
    /// and neither a booking nor a handoff says.
    #[schema(
        pattern = "^[a-z0-9-]{1,64}$",
        min_length = 1,
        max_length = 64,
        example = "passport-application"
    )]
    #[serde(default, deserialize_with = "optional_id", skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
}

/// A rating as stored and shown to staff: numbers, never names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RatingView {
    pub hall: String,
    pub day: String,
    /// The ticket's number (the 办件编号 the export writes is hall, day and number).
    pub number: String,
    pub service: String,
    pub window: u16,
    pub level: Level,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// When it was given (RFC 3339, UTC).
    pub at: String,
}

/// Reporting a mistake in a guide (找错). Nothing personal is asked.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// The guide's service id.
    #[schema(
        pattern = "^[a-z0-9-]{1,64}$",
        min_length = 1,
        max_length = 64,
        example = "passport-application"
    )]
    #[serde(deserialize_with = "de::id")]
    pub service: String,
    pub what: Wrong,
    /// At most 200 characters, no control characters.
    #[schema(max_length = 200, example = "材料清单少了户口簿")]
    #[serde(default, deserialize_with = "bounded_text", skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A report as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReportView {
    pub service: String,
    /// The catalogue version the guide was read in.
    pub catalog_version: String,
    pub what: Wrong,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_lowest_are_bad() {
        let bad: Vec<_> = Level::ALL.into_iter().filter(|l| l.is_bad()).collect();
        assert_eq!(bad, [Level::Dissatisfied, Level::VeryDissatisfied]);
        for l in Level::ALL {
            assert_eq!(Level::parse(l.name()), Some(l));
        }
    }

    #[test]
    fn per_mille_rounds_half_up() {
        assert_eq!((permille(1, 3), permille(2, 3), permille(1, 8), permille(0, 0)), (333, 667, 125, 0));
    }

    #[test]
    fn own_words_are_bounded_and_plain() {
        assert_eq!(own_words("  等了很久 "), Ok(Some("等了很久".into())));
        assert_eq!(own_words("   "), Ok(None));
        assert!(own_words(&"慢".repeat(200)).is_ok());
        assert!(own_words(&"慢".repeat(201)).is_err());
        assert!(own_words("a\u{1b}[2Jb").is_err());
        assert!(own_words("a\nb").is_err());
        assert!(own_words("a\u{202e}b").is_err(), "a bidi override would turn the staff's line around");
    }
}
