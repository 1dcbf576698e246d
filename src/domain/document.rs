//! Identity document numbers, each kind checked for its real format:
//!
//! | kind | number |
//! |---|---|
//! | resident ID | 6-digit region, 8-digit birth date, 3 digits, check character (GB 11643) |
//! | residence permit (HK, Macao, Taiwan residents) | the same, region 810000, 820000 or 830000 |
//! | HK/Macao permit | H or M and 8 digits; cards before 2013: H or M and 10 digits |
//! | Taiwan permit | 8 digits; booklets before 2015: 10 digits |
//! | permanent residence ID, 2023 card | 9, 2-digit province, 3-digit nationality (ISO 3166 numeric), 8-digit birth date, 3 digits, check character (GB 11643) |
//! | permanent residence ID, earlier cards | 3-letter nationality (ISO 3166 alpha-3), 4-digit place of issue, 6-digit birth date, 1 digit, check digit (ICAO 9303: weights 7 3 1) |
//! | passport | 5 to 20 letters or digits |
//!
//! Numbers are read as typed: spaces, dashes, lower case and full-width
//! characters are all forgiven.

use super::booking::IdKind;
use super::person::{FieldError, halfwidth, mask};

/// The province codes (GB/T 2260) a resident ID number begins with; 81–83
/// are the residence permits of Hong Kong, Macao and Taiwan residents,
/// which the resident ID check has always taken too.
const PROVINCES: [&str; 35] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
    "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    "83",
];

/// Where a permanent residence ID can be issued: the mainland provinces
/// (the first 31 codes above).
const MAINLAND: &[&str] = PROVINCES.split_at(31).0;

/// The whole region code of a residence permit (港澳台居民居住证申领发放办法).
const PERMIT_REGIONS: [&str; 3] = ["810000", "820000", "830000"];

pub fn id_number(kind: IdKind, s: &str) -> Result<(), FieldError> {
    let id = normalize_id(s);
    if id.is_empty() {
        return Err(FieldError::Missing);
    }
    let id = id.as_bytes();
    match kind {
        IdKind::ResidentId => gb11643(id, |region| PROVINCES.contains(&text(&region[..2]))),
        IdKind::ResidencePermit => gb11643(id, |region| PERMIT_REGIONS.contains(&text(region))),
        IdKind::HkMacaoPermit => letter_and_digits(id, b"HM", &[8, 10]),
        IdKind::TaiwanPermit => letter_and_digits(id, b"", &[8, 10]),
        IdKind::ForeignPermanentResident if id.len() == 15 => permanent_residence_2004(id),
        IdKind::ForeignPermanentResident if id.first() == Some(&b'9') => {
            gb11643(id, |region| MAINLAND.contains(&text(&region[1..3])))
        }
        IdKind::ForeignPermanentResident => Err(FieldError::Format),
        IdKind::Passport => {
            let ok = (5..=20).contains(&id.len()) && id.iter().all(u8::is_ascii_alphanumeric);
            if ok { Ok(()) } else { Err(FieldError::Format) }
        }
    }
}

/// The normal form stored and hashed: upper case, with no spaces or
/// dashes, full-width characters made plain.
pub fn normalize_id(s: &str) -> String {
    s.chars()
        .map(halfwidth)
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// What a booking answer shows of the number (normal form): the long
/// numbers keep their first 3 and last 4 characters, as the resident ID
/// always has; the short ones only their first and last 2, so that most of
/// the number stays hidden.
pub fn mask_id(id: &str) -> String {
    if id.chars().count() >= 15 { mask(id, 3, 4) } else { mask(id, 1, 2) }
}

/// The check character of a GB 11643 number (resident ID, residence permit,
/// 2023 permanent residence ID) from its first 17 digits: ISO 7064 MOD 11-2.
pub fn check_char(first17: &[u8]) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

/// The check digit of the earlier permanent residence ID from its first 14
/// characters, as on machine-readable travel documents (ICAO 9303): letters
/// count 10 (A) to 35 (Z), weights 7, 3, 1 over and over, sum mod 10.
pub fn icao_check_digit(chars: &[u8]) -> char {
    let value = |c: u8| if c.is_ascii_digit() { u32::from(c - b'0') } else { u32::from(c - b'A') + 10 };
    let sum: u32 = chars.iter().zip([7, 3, 1].into_iter().cycle()).map(|(&c, w)| value(c) * w).sum();
    char::from(b'0' + (sum % 10) as u8)
}

/// 17 digits and a check character: the birth date in digits 7–14, the
/// region in the first six (judged by `region`).
fn gb11643(id: &[u8], region: impl Fn(&[u8]) -> bool) -> Result<(), FieldError> {
    if id.len() != 18 || !id[..17].iter().all(u8::is_ascii_digit) {
        return Err(FieldError::Format);
    }
    if birth_date(text(&id[6..14])).is_none_or(|d| d.year() < 1900) {
        return Err(FieldError::BirthDate);
    }
    if !region(&id[..6]) {
        return Err(FieldError::Region);
    }
    if id[17] != check_char(&id[..17]) as u8 {
        return Err(FieldError::Checksum);
    }
    Ok(())
}

/// The permanent residence ID issued from 2004 until the 2023 card:
/// `KAZ` `1100` `901231` `0` `5` — nationality, place of issue (province
/// and city), birth date (YYMMDD), a serial digit, the check digit.
fn permanent_residence_2004(id: &[u8]) -> Result<(), FieldError> {
    let (nationality, digits) = id.split_at(3);
    if !nationality.iter().all(u8::is_ascii_uppercase) || !digits.iter().all(u8::is_ascii_digit) {
        return Err(FieldError::Format);
    }
    let yymmdd = text(&digits[4..10]);
    if birth_date(&format!("19{yymmdd}")).is_none() && birth_date(&format!("20{yymmdd}")).is_none() {
        return Err(FieldError::BirthDate);
    }
    if !MAINLAND.contains(&text(&digits[..2])) {
        return Err(FieldError::Region);
    }
    if id[14] != icao_check_digit(&id[..14]) as u8 {
        return Err(FieldError::Checksum);
    }
    Ok(())
}

/// One of `letters` (none: no letter) followed by one of `lengths` digits.
fn letter_and_digits(id: &[u8], letters: &[u8], lengths: &[usize]) -> Result<(), FieldError> {
    let digits = match id.split_first() {
        Some((first, rest)) if letters.contains(first) => rest,
        _ if letters.is_empty() => id,
        _ => return Err(FieldError::Format),
    };
    let ok = lengths.contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit);
    if ok { Ok(()) } else { Err(FieldError::Format) }
}

/// `YYYYMMDD` as a real date.
fn birth_date(yyyymmdd: &str) -> Option<jiff::civil::Date> {
    let (y, m, d) = (yyyymmdd.get(..4)?, yyyymmdd.get(4..6)?, yyyymmdd.get(6..)?);
    format!("{y}-{m}-{d}").parse().ok()
}

/// ASCII bytes already checked as such (invalid UTF-8 reads as nothing).
fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or("")
}

/// What a number of each kind looks like, for the API's error messages
/// (read by developers, in English; the kiosk says it in `documents.ftl`).
pub fn describe(kind: IdKind) -> &'static str {
    match kind {
        IdKind::ResidentId => "a resident ID number: 17 digits and a check character",
        IdKind::HkMacaoPermit => "H or M followed by 8 digits (older cards: 10 digits)",
        IdKind::TaiwanPermit => "8 digits (older permits: 10 digits)",
        IdKind::ResidencePermit => "18 characters beginning 810000, 820000 or 830000, with a check character",
        IdKind::ForeignPermanentResident => {
            "18 digits beginning 9 with a check character, or 3 letters and 12 digits"
        }
        IdKind::Passport => "5 to 20 letters or digits",
    }
}
