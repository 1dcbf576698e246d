//! The shapes and bounds of what the API accepts: ids, codes, dates and the
//! length of every string. The OpenAPI document states each one (as a
//! `pattern` and a length, written beside the field) and the server refuses
//! anything outside it, through these functions: a request the document
//! calls invalid is never served. `scripts/api-fuzz.sh` holds the two to
//! each other.

use serde::{Deserialize, Deserializer, de::Error as _};

/// Longest id of a hall, category or service (the catalogue keeps to it).
pub const ID_MAX: usize = 64;
/// Longest kiosk id.
pub const KIOSK_MAX: usize = 64;
/// Longest name, phone number or document number as typed (spaces included).
pub const TYPED_MAX: usize = 64;
/// Longest instant, `2026-12-01T01:30:00Z` and its longer spellings.
pub const INSTANT_MAX: usize = 40;

/// A catalogue id: `^[a-z0-9-]{1,64}$`.
pub fn is_id(s: &str) -> bool {
    (1..=ID_MAX).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A kiosk id: `^[A-Za-z0-9._-]{1,64}$`.
pub fn is_kiosk_id(s: &str) -> bool {
    (1..=KIOSK_MAX).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A hold id: 128 random bits as 32 lowercase hex digits, `^[0-9a-f]{32}$`.
pub fn is_hold_id(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A booking code as people type it, `^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$`:
/// eight characters of Crockford's base32 in either case (I and L read as
/// 1, O as 0), optionally split in two halves by a dash.
pub fn is_booking_code(s: &str) -> bool {
    if !s.is_ascii() {
        return false;
    }
    let halves = match s.split_once('-') {
        Some((a, b)) => [a, b],
        None if s.len() == 8 => [&s[..4], &s[4..]],
        None => return false,
    };
    halves.iter().all(|h| h.len() == 4 && h.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A handoff code, `^[0-9A-Za-z]{16}$` (the phone page's link; either case).
pub fn is_handoff_code(s: &str) -> bool {
    s.len() == 16 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A local date, `^[0-9]{4}-[0-9]{2}-[0-9]{2}$` (whether it is a real date
/// is the route's to say, naming the field).
pub fn is_date_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// An `Idempotency-Key`: 8 to 128 visible ASCII characters, spaces inside
/// only (HTTP drops them at the ends), `^[!-~][ -~]{6,126}[!-~]$`.
pub fn is_idempotency_key(s: &str) -> bool {
    let b = s.as_bytes();
    (8..=128).contains(&b.len())
        && b.iter().all(|c| (b' '..=b'~').contains(c))
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
}

/// The last four digits of a phone number, `^[0-9]{4}$`.
pub fn is_last4(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// `serde(deserialize_with = …)` helpers: a body or query outside its
/// shape is refused as it is read (400 `bad_request`, the message naming
/// the rule), before any handler sees it.
pub mod de {
    use super::*;

    fn checked<'de, D: Deserializer<'de>>(
        d: D,
        ok: fn(&str) -> bool,
        rule: &str,
    ) -> Result<String, D::Error> {
        let s = String::deserialize(d)?;
        if ok(&s) { Ok(s) } else { Err(D::Error::custom(format!("expected {rule}"))) }
    }

    fn bounded<'de, D: Deserializer<'de>>(d: D, max: usize) -> Result<String, D::Error> {
        let s = String::deserialize(d)?;
        if s.chars().count() <= max {
            Ok(s)
        } else {
            Err(D::Error::custom(format!("expected at most {max} characters")))
        }
    }

    pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        checked(d, is_id, "an id: 1 to 64 of a-z, 0-9 and '-'")
    }

    pub fn hold_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        checked(d, is_hold_id, "a hold id: 32 hex digits, lower case")
    }

    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        checked(d, is_date_shape, "a date, YYYY-MM-DD")
    }

    pub fn booking_code<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        checked(d, is_booking_code, "a booking code: 8 letters and digits, optionally as XXXX-XXXX")
    }

    pub fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        bounded(d, INSTANT_MAX)
    }

    pub fn typed<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        bounded(d, TYPED_MAX)
    }

    pub fn kiosk_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        checked(d, is_kiosk_id, "a kiosk id: 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'")
    }

    pub fn kiosk<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(k) if !is_kiosk_id(&k) => {
                Err(D::Error::custom("expected a kiosk id: 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'"))
            }
            k => Ok(k),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_id("passport-application") && !is_id("") && !is_id("Passport") && !is_id(&"a".repeat(65)));
        assert!(
            is_kiosk_id("kiosk-01") && is_kiosk_id("Hall_A.3") && !is_kiosk_id("大厅") && !is_kiosk_id("")
        );
        assert!(is_hold_id(&"0a".repeat(16)) && !is_hold_id(&"0A".repeat(16)) && !is_hold_id("0a"));
        assert!(is_booking_code("7K3M9QX2") && is_booking_code("7k3m-9qx2") && !is_booking_code("7K3M9QX"));
        assert!(
            !is_booking_code("7K3M-9QX2-") && !is_booking_code("7K3M 9QX2") && !is_booking_code("-7K3M9QX2")
        );
        assert!(!is_booking_code("ab€cde") && !is_booking_code("ab€c-defg"));
        assert!(is_date_shape("2026-11-30") && !is_date_shape("2026-1-30") && !is_date_shape("2026/11/30"));
        assert!(is_idempotency_key("a1b2c3d4") && is_idempotency_key("key with spaces"));
        assert!(
            !is_idempotency_key("short")
                && !is_idempotency_key(" padded ")
                && !is_idempotency_key("ключ-12345")
        );
        assert!(is_last4("0042") && !is_last4("42") && !is_last4("12a4"));
    }
}
