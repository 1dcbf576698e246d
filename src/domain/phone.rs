//! Mobile numbers from anywhere: a mainland mobile as people type it
//! (`138 1234 5678`, `+86 138-1234-5678`, `0086…`), or any other country's
//! or region's in international form (`+852 9123 4567`, `00853…`).
//! libphonenumber's metadata (the `phonenumber` crate) decides what is a real
//! number and what is a mobile; the region assumed without a code is CN.
//!
//! The normal form, stored and sent, is E.164 (`+8613812345678`). Bookings
//! stored before it hold 11 bare digits; everything here reads both.

use phonenumber::{Mode, PhoneNumber, Type, country, metadata::DATABASE};

use super::person::{FieldError, halfwidth};

/// Where a number without a country code is from: the kiosks stand in
/// mainland halls.
const HOME: country::Id = country::Id::CN;
const HOME_CODE: u16 = 86;

/// How many of its last digits a masked number hides. The last four prove
/// a lookup, so whoever sees the mask knows them already: the four before
/// stay hidden too, and mask and proof together never make the number.
/// At most 3 digits show before them: a mainland mobile shows 3
/// (138********, as it always has), a Hong Kong one none.
const HIDDEN: usize = 8;

/// A mobile number, as typed. Landlines and service numbers are refused:
/// the hall's reminders go out as text messages. Outside the mainland the
/// same rule holds, except where a number cannot tell (the USA and Canada
/// share one range for both: libphonenumber's `FixedLineOrMobile`).
pub fn phone(s: &str) -> Result<(), FieldError> {
    if is_mobile(&parse(s)?) { Ok(()) } else { Err(FieldError::NotMobile) }
}

fn is_mobile(number: &PhoneNumber) -> bool {
    matches!(number.number_type(&DATABASE), Type::Mobile | Type::FixedLineOrMobile)
}

/// The E.164 form of a number (`+8613812345678`), also of one stored in
/// the old 11-digit form. Text that is no number comes back without its
/// spaces and dashes, for the check to refuse.
pub fn normalize_phone(s: &str) -> String {
    match parse(s) {
        Ok(number) => number.format().mode(Mode::E164).to_string(),
        Err(_) => s.chars().map(halfwidth).filter(|c| !matches!(c, ' ' | '-')).collect(),
    }
}

/// A number as a person reads it back: a mainland one as dialled at home
/// (`138 1234 5678`), any other with its code (`+852 9123 4567`).
pub fn display_phone(s: &str) -> String {
    match parse(s) {
        Ok(number) if number.code().value() == HOME_CODE => number.format().mode(Mode::National).to_string(),
        Ok(number) => number.format().mode(Mode::International).to_string(),
        Err(_) => s.trim().to_owned(),
    }
}

/// The last four digits, which with the confirmation code prove a lookup.
/// The same for the E.164 form and the old 11 digits.
pub fn phone_last4(s: &str) -> String {
    let digits: Vec<char> = normalize_phone(s).chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(4)..].iter().collect()
}

/// What a booking answer shows of the phone: `138********` for a mainland
/// mobile, `+852 ********` or `+44 74********` for others. Never the last
/// four digits.
pub fn mask_phone(s: &str) -> String {
    let Ok(number) = parse(s) else { return super::person::mask(s, 0, 0) };
    let national = number.national().to_string();
    let shown = national.len().saturating_sub(HIDDEN).min(3);
    let masked = format!("{}{}", &national[..shown], "*".repeat(national.len() - shown));
    match number.code().value() {
        HOME_CODE => masked,
        code => format!("+{code} {masked}"),
    }
}

/// Whether a guide or a hall may print `s` as its phone, as a citizen
/// dials it in China: a landline as 区号-号码 (`0571-87001101`, a real
/// area code and number), a mainland mobile (`13812345678`), or one of the
/// five-digit public hotlines (`12345`, `12333`, `12366`: 12 and three
/// digits). `None` when it may; else how it should be written.
pub fn listed_phone_problem(s: &str) -> Option<&'static str> {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if s.len() == 5 && s.starts_with("12") && digits(s) {
        return None;
    }
    let real = |kind: &[Type]| {
        read(s, Some(HOME))
            .is_ok_and(|n| n.code().value() == HOME_CODE && kind.contains(&n.number_type(&DATABASE)))
    };
    match s.split_once('-') {
        Some((area, number)) if area.starts_with('0') && (3..=4).contains(&area.len()) && digits(area) => {
            let fixed = [Type::FixedLine, Type::FixedLineOrMobile];
            (digits(number) && (7..=8).contains(&number.len()) && real(&fixed))
                .then_some(())
                .map_or(Some("not a landline of that area: check the area code and the number"), |()| None)
        }
        None if s.len() == 11 && s.starts_with('1') && digits(s) => {
            (!real(&[Type::Mobile])).then_some("not a mainland mobile number")
        }
        _ => Some(
            "write a landline as area code, '-' and number (0571-87001101), a mobile as 11 digits, \
             or a five-digit hotline (12345)",
        ),
    }
}

/// A real number, however it was typed; an extension is no use for a text.
fn parse(s: &str) -> Result<PhoneNumber, FieldError> {
    let typed: String = s.trim().chars().map(halfwidth).collect();
    if typed.is_empty() {
        return Err(FieldError::Missing);
    }
    // Only what people write in a number: the library would otherwise
    // read letters as keypad digits (1-800-FLOWERS) and words as extensions.
    let written = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.');
    if !typed.chars().all(written) {
        return Err(FieldError::Format);
    }
    match read(&typed, Some(HOME)) {
        Ok(number) if is_mobile(&number) => Ok(number),
        home => neighbour_without_plus(&typed).map_or(home, Ok),
    }
}

/// Hong Kong, Macao and Taiwan numbers are often typed with their code but
/// without the + (852 9123 4567). Read as mainland numbers they are no
/// mobile (852 and 853 are even Guizhou area codes, so they read as
/// landlines); when the mainland reading is no mobile, this reading is
/// what was meant, if it is one. Only these three: a mainland landline
/// typed without its 0 can read as some other country's number.
fn neighbour_without_plus(typed: &str) -> Option<PhoneNumber> {
    const NEIGHBOURS: [&str; 3] = ["852", "853", "886"];
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    if typed.starts_with('+') || !NEIGHBOURS.iter().any(|code| digits.starts_with(code)) {
        return None;
    }
    read(&format!("+{digits}"), None).ok().filter(is_mobile)
}

fn read(typed: &str, region: Option<country::Id>) -> Result<PhoneNumber, FieldError> {
    let number = phonenumber::parse(region, typed).map_err(|_| FieldError::Format)?;
    if number.extension().is_some() || !number.is_valid() {
        return Err(FieldError::Format);
    }
    Ok(number)
}
