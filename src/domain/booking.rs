//! Appointment booking as the API speaks it: days, slots, holds, bookings.
//! Times travel as UTC instants (RFC 3339) together with the hall's local
//! date and time and its zone, so no client has to convert.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::limits::de;

/// One bookable day at a hall, for one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Day {
    /// Local date in the hall's zone, `YYYY-MM-DD`.
    #[schema(format = Date, example = "2026-12-01")]
    pub date: String,
    /// 1 = Monday … 7 = Sunday.
    #[schema(minimum = 1, maximum = 7)]
    pub weekday: u8,
    /// False on closed days and holidays, and today once its last slot has begun.
    pub open: bool,
    /// Places left over the whole day.
    pub remaining: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Days {
    pub hall: String,
    pub service: String,
    /// IANA zone the dates are in.
    pub time_zone: String,
    pub days: Vec<Day>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Slot {
    /// Start as a UTC instant, e.g. `2026-12-01T01:30:00Z`.
    #[schema(format = DateTime, example = "2026-12-01T01:30:00Z")]
    pub start: String,
    /// Local start and end in the hall's zone, `HH:MM`.
    #[schema(pattern = "^[0-9]{2}:[0-9]{2}$", example = "09:30")]
    pub local_start: String,
    #[schema(pattern = "^[0-9]{2}:[0-9]{2}$", example = "09:45")]
    pub local_end: String,
    pub capacity: u32,
    pub remaining: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Slots {
    pub hall: String,
    pub service: String,
    #[schema(format = Date, example = "2026-12-01")]
    pub date: String,
    #[schema(example = "Asia/Shanghai")]
    pub time_zone: String,
    /// The zone's offset on that date, e.g. `+08:00`.
    #[schema(pattern = "^[+-][0-9]{2}:[0-9]{2}$", example = "+08:00")]
    pub utc_offset: String,
    pub slots: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HoldRequest {
    /// Hall id, from the catalogue.
    #[schema(pattern = "^[a-z0-9-]{1,64}$", min_length = 1, max_length = 64, example = "binjiang")]
    #[serde(deserialize_with = "de::id")]
    pub hall: String,
    /// Service id, from the catalogue.
    #[schema(
        pattern = "^[a-z0-9-]{1,64}$",
        min_length = 1,
        max_length = 64,
        example = "passport-application"
    )]
    #[serde(deserialize_with = "de::id")]
    pub service: String,
    /// The slot's start, as given in `Slot::start` (an RFC 3339 instant).
    #[schema(format = DateTime, max_length = 40, example = "2026-12-01T01:30:00Z")]
    #[serde(deserialize_with = "de::instant")]
    pub start: String,
}

/// A place kept for a citizen while they fill in their details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Hold {
    /// 128 random bits as 32 lowercase hex digits: whoever has it holds the place.
    #[schema(pattern = "^[0-9a-f]{32}$", example = "5f0c3e9a7b2d4e1f8a6c0b9d3e7f2a14")]
    pub id: String,
    #[schema(format = DateTime, example = "2026-12-01T01:05:00Z")]
    pub expires_at: String,
    /// Seconds left when the answer was made.
    pub expires_in: u32,
}

/// The identity documents a hall sees, each with its own number format
/// (checked in `domain::document`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// 居民身份证: 18 characters, GB 11643 check character.
    #[default]
    ResidentId,
    /// 港澳居民来往内地通行证: H or M and 8 digits (older cards: 10).
    HkMacaoPermit,
    /// 台湾居民来往大陆通行证: 8 digits (older permits: 10).
    TaiwanPermit,
    /// 港澳台居民居住证: 18 characters from 810000, 820000 or 830000.
    ResidencePermit,
    /// 外国人永久居留身份证: 18 digits from 9 (2023 card), or 3 letters
    /// and 12 digits (earlier cards).
    ForeignPermanentResident,
    /// A passport of any country. Older kiosks and stored requests sent
    /// `other` for every document but a resident ID; those numbers were
    /// checked as letters and digits, exactly what a passport is checked
    /// for, so they still read, and are still checked, as one.
    #[serde(alias = "other")]
    Passport,
}

impl IdKind {
    /// In the order the details form offers them.
    pub const ALL: [IdKind; 6] = [
        IdKind::ResidentId,
        IdKind::HkMacaoPermit,
        IdKind::TaiwanPermit,
        IdKind::ResidencePermit,
        IdKind::ForeignPermanentResident,
        IdKind::Passport,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct BookingRequest {
    /// The hold's id, from `POST /api/v1/holds`.
    #[schema(
        pattern = "^[0-9a-f]{32}$",
        min_length = 32,
        max_length = 32,
        example = "5f0c3e9a7b2d4e1f8a6c0b9d3e7f2a14"
    )]
    #[serde(deserialize_with = "de::hold_id")]
    pub hold: String,
    /// The citizen's name: letters of any script, spaces, `·`, `.`, `-`
    /// and `'`; at most 40 letters (422 `invalid_field` otherwise).
    #[schema(min_length = 1, max_length = 64, example = "张三")]
    #[serde(deserialize_with = "de::typed")]
    pub name: String,
    /// A mobile number: mainland digits, or `+` (or `00`) and the country
    /// code. Spaces and dashes are fine; it is kept in E.164 form.
    #[schema(min_length = 1, max_length = 64, example = "138 0013 8000")]
    #[serde(deserialize_with = "de::typed")]
    pub phone: String,
    pub id_kind: IdKind,
    /// The document's number, in the format of `id_kind` (422 `invalid_field` otherwise).
    #[schema(min_length = 1, max_length = 64, example = "11010519491231002X")]
    #[serde(deserialize_with = "de::typed")]
    pub id_number: String,
    /// The company's name, for a service whose catalogue entry asks for it
    /// (`booking_fields`): 1 to 60 characters, letters and digits with the
    /// signs names carry, no control characters (422 `invalid_field`
    /// otherwise). Required by such a service (400 `missing_field`); other
    /// services do not keep it.
    #[schema(min_length = 1, max_length = 64, example = "杭州滨江示例科技有限公司")]
    #[serde(default, deserialize_with = "optional_typed")]
    pub company: Option<String>,
    /// The kiosk that made it (for the hall's statistics).
    #[schema(pattern = "^[A-Za-z0-9._-]{1,64}$", min_length = 1, max_length = 64, example = "kiosk-01")]
    #[serde(default, deserialize_with = "de::kiosk")]
    pub kiosk: Option<String>,
}

/// An optional typed text, bounded as the required ones are (a string
/// longer than the API takes is refused as it is read).
fn optional_typed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    struct Typed(#[serde(deserialize_with = "de::typed")] String);
    Ok(Option::<Typed>::deserialize(d)?.map(|Typed(s)| s))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Active,
    Cancelled,
}

/// A booking as anyone holding its code sees it: personal data masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Booking {
    /// Confirmation code: 8 characters of Crockford base32.
    #[schema(pattern = "^[0-9A-HJKMNP-TV-Z]{8}$", example = "7K3M9QX2")]
    pub code: String,
    pub status: BookingStatus,
    pub hall: String,
    pub service: String,
    #[schema(format = DateTime, example = "2026-12-01T01:30:00Z")]
    pub start: String,
    #[schema(format = Date, example = "2026-12-01")]
    pub date: String,
    #[schema(example = "09:30")]
    pub local_start: String,
    #[schema(example = "09:45")]
    pub local_end: String,
    #[schema(example = "Asia/Shanghai")]
    pub time_zone: String,
    /// e.g. 张*
    pub name_masked: String,
    /// e.g. 138******** or +852 ******** (never the last four digits,
    /// which prove a lookup)
    pub phone_masked: String,
    /// e.g. 110***********1234 or H******78
    pub id_masked: String,
}

/// A confirmation code as people read and copy it, the same on the kiosk and
/// on the phone: two groups of four, `ZANR 918G`. A code of another length
/// is left as it is.
pub fn grouped_code(code: &str) -> String {
    match (code.len(), code.is_ascii()) {
        (8, true) => format!("{} {}", &code[..4], &code[4..]),
        _ => code.to_owned(),
    }
}

/// A confirmation code for a screen reader, `Z A N R, 9 1 8 G`: each
/// character its own word, so it is spelled rather than read as a word
/// ("zanr") and a number ("nine hundred and eighteen"), and a pause
/// between the groups as they are written.
pub fn spelled_code(code: &str) -> String {
    grouped_code(code)
        .split(' ')
        .map(|group| group.chars().map(String::from).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Proves the right to see or cancel a booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PhoneProof {
    /// The last four digits of the phone number given when booking.
    /// Anything else counts as a wrong try.
    #[schema(pattern = "^[0-9]{4}$", min_length = 4, max_length = 4, example = "5678")]
    pub phone_last4: String,
}

/// Why a booking request did not go through, in terms the kiosk can explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookingFailure {
    /// The request may not have arrived: safe to retry as it is.
    Fetch(super::FetchError),
    SlotFull,
    HoldExpired,
    AlreadyBooked,
    /// The person already holds as many upcoming bookings as one may.
    TooManyBookings,
    /// The server refused this field.
    Invalid(String),
    NotFound,
    /// The request was refused for another reason (e.g. a reused key).
    Refused,
    /// The held place cannot be kept longer (kept twice already, or the
    /// slot has no place left for others).
    NotExtended,
    /// Too many wrong tries at this booking's proof (or from this hall's
    /// address): lookups and cancels wait this long.
    TooManyTries {
        retry_after_secs: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HandoffRequest {
    /// Service id, from the catalogue.
    #[schema(
        pattern = "^[a-z0-9-]{1,64}$",
        min_length = 1,
        max_length = 64,
        example = "passport-application"
    )]
    #[serde(deserialize_with = "de::id")]
    pub service: String,
    /// The language of the page the phone opens.
    pub lang: super::Lang,
    /// A booking to show on the page too (its code, from the confirmation).
    /// A code of another shape is never proven: 422 like an unknown one.
    #[schema(
        pattern = "^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$",
        min_length = 8,
        max_length = 9,
        example = "7K3M9QX2"
    )]
    #[serde(default)]
    pub booking: Option<String>,
    /// With `booking`, and only then: the last four digits of the phone it
    /// was booked with, the same proof a lookup needs (the kiosk keeps them
    /// from its confirmation until the session resets).
    #[serde(default)]
    #[schema(pattern = "^[0-9]{4}$", min_length = 4, max_length = 4, example = "1234")]
    pub phone_last4: Option<String>,
    /// A ticket (取号) to follow on the page: where it stands, the estimate,
    /// the window once called. A number proves nothing personal: the page
    /// shows numbers only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<TicketRef>,
}

/// One ticket of a hall's service day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketRef {
    /// The service day it counts in, at the hall (`TicketView::day`).
    #[schema(format = Date, example = "2026-12-01")]
    #[serde(deserialize_with = "de::date")]
    pub day: String,
    #[schema(pattern = "^[A-Z][0-9]{3}$", min_length = 4, max_length = 4, example = "A023")]
    pub number: String,
}

/// A short-lived link for the citizen's phone; it carries no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Handoff {
    /// At least 80 random bits, in characters a QR code stores compactly.
    #[schema(pattern = "^[0-9A-HJKMNP-TV-Z]{16}$", example = "7K3M9QX2ABCD4EF5")]
    pub code: String,
    /// The page to open, under the hall's public address.
    #[schema(format = "uri", example = "HTTP://192.0.2.10:8080/M/7K3M9QX2ABCD4EF5")]
    pub url: String,
    #[schema(format = DateTime, example = "2026-12-01T01:30:00Z")]
    pub expires_at: String,
}

/// Where a phone reads a policy document of the library, for the kiosk's
/// QR code (`GET /api/v1/policies/{id}/link`): public, so no code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PolicyLink {
    /// The document's phone page under the hall's public address.
    #[schema(format = "uri", example = "HTTP://192.0.2.10:8080/M/POLICY/PASSPORT-LAW?LANG=ZH-CN")]
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Count {
    pub count: u32,
}
