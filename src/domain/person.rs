//! Checks on what a citizen types: name, mobile number, identity document.
//! Used by the kiosk (to explain at once) and the server (to refuse).

use super::booking::IdKind;

/// Which field is wrong, and why, for a message next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Missing,
    /// Not the right shape (length, characters).
    Format,
    /// The resident ID's check character does not match.
    Checksum,
    /// The resident ID's birth date is not a real date.
    BirthDate,
    /// The resident ID does not begin with a province code.
    Region,
}

/// A name: letters of any script, with the spaces, dots and dashes names
/// have (张三, Li Wei, 阿依古丽·买买提, O'Brien); no digits, no emoji.
pub fn name(s: &str) -> Result<(), FieldError> {
    let s = s.trim();
    let letter = |c: char| c.is_alphabetic() || matches!(c, ' ' | '·' | '•' | '・' | '.' | '-' | '\'');
    match s.chars().count() {
        0 => Err(FieldError::Missing),
        n if n > 40 || !s.chars().all(letter) => Err(FieldError::Format),
        _ => Ok(()),
    }
}

/// A mainland mobile number: 11 digits starting 13–19, however it was
/// typed (spaces, dashes, +86 in front).
pub fn phone(s: &str) -> Result<(), FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::Missing);
    }
    let typed = s.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+'));
    let n = normalize_phone(s);
    let b = n.as_bytes();
    let ok = typed && b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
    if ok { Ok(()) } else { Err(FieldError::Format) }
}

/// The 11 digits of a mobile number as typed: "+86 138-1234-5678" → "13812345678".
pub fn normalize_phone(s: &str) -> String {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        13 if digits.starts_with("86") => digits[2..].to_owned(),
        15 if digits.starts_with("0086") => digits[4..].to_owned(),
        _ => digits,
    }
}

/// The check character of a resident ID (GB 11643, ISO 7064 MOD 11-2) from
/// its first 17 digits.
pub fn check_char(first17: &[u8]) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

/// The province codes (GB/T 2260) a resident ID number begins with; 81–83
/// are the residence permits of Hong Kong, Macao and Taiwan residents.
const PROVINCES: [&str; 35] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
    "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    "83",
];

pub fn id_number(kind: IdKind, s: &str) -> Result<(), FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::Missing);
    }
    match kind {
        IdKind::ResidentId => {
            let b = s.as_bytes();
            if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
                return Err(FieldError::Format);
            }
            let date = std::str::from_utf8(&b[6..14]).unwrap_or("");
            let (y, m, d) = (&date[..4], &date[4..6], &date[6..]);
            let real = format!("{y}-{m}-{d}").parse::<jiff::civil::Date>().is_ok_and(|d| d.year() >= 1900);
            if !real {
                return Err(FieldError::BirthDate);
            }
            if !PROVINCES.contains(&std::str::from_utf8(&b[..2]).unwrap_or("")) {
                return Err(FieldError::Region);
            }
            if !b[17].to_ascii_uppercase().eq(&(check_char(&b[..17]) as u8)) {
                return Err(FieldError::Checksum);
            }
            Ok(())
        }
        IdKind::Passport | IdKind::Other => {
            let ok = (5..=20).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
            if ok { Ok(()) } else { Err(FieldError::Format) }
        }
    }
}

/// The normal form stored and hashed: trimmed, upper case.
pub fn normalize_id(s: &str) -> String {
    s.trim().to_ascii_uppercase()
}

/// Keeps the first `head` and last `tail` characters, masking the rest.
pub fn mask(s: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= head + tail {
        return "*".repeat(chars.len().max(1));
    }
    let mut out: String = chars[..head].iter().collect();
    out.push_str(&"*".repeat(chars.len() - head - tail));
    out.extend(&chars[chars.len() - tail..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // A well-known sample number from the standard's examples (not a person).
    const SAMPLE: &str = "11010519491231002X";

    #[test]
    fn resident_id_checksum() {
        assert_eq!(id_number(IdKind::ResidentId, SAMPLE), Ok(()));
        assert_eq!(id_number(IdKind::ResidentId, &SAMPLE.to_lowercase()), Ok(()));
        assert_eq!(id_number(IdKind::ResidentId, "110105194912310021"), Err(FieldError::Checksum));
        assert_eq!(id_number(IdKind::ResidentId, "110105194913310021"), Err(FieldError::BirthDate));
        assert_eq!(id_number(IdKind::ResidentId, "11010519491231002"), Err(FieldError::Format));
        assert_eq!(id_number(IdKind::ResidentId, "1101051949123100AX"), Err(FieldError::Format));
        assert_eq!(id_number(IdKind::ResidentId, " "), Err(FieldError::Missing));
        // Right check character, but no such province.
        for no_province in ["000000194912310000", "990105194912310000"] {
            let mut id = no_province[..17].to_owned();
            id.push(check_char(id.as_bytes()));
            assert_eq!(id_number(IdKind::ResidentId, &id), Err(FieldError::Region), "{id}");
        }
    }

    #[test]
    fn passports_and_phones_and_names() {
        assert_eq!(id_number(IdKind::Passport, "E12345678"), Ok(()));
        assert_eq!(id_number(IdKind::Passport, "E1"), Err(FieldError::Format));
        assert_eq!(phone("13812345678"), Ok(()));
        assert_eq!(phone("12812345678"), Err(FieldError::Format));
        assert_eq!(phone("1381234567"), Err(FieldError::Format));
        assert_eq!(phone(""), Err(FieldError::Missing));
        // As people type it: spaces, dashes, the country code.
        for typed in ["138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "0086 13812345678"] {
            assert_eq!(phone(typed), Ok(()), "{typed}");
            assert_eq!(normalize_phone(typed), "13812345678", "{typed}");
        }
        assert_eq!(phone("138abc12345"), Err(FieldError::Format), "letters are not digits");
        assert_eq!(phone("00000000000"), Err(FieldError::Format));
        for real in ["张三", "Li Wei", "阿依古丽·买买提", "O'Brien", "Jean-Luc Martin"] {
            assert_eq!(name(real), Ok(()), "{real}");
        }
        for odd in ["张三😀", "Li Wei 2", "<script>", "a_b"] {
            assert_eq!(name(odd), Err(FieldError::Format), "{odd}");
        }
        assert_eq!(name("张三"), Ok(()));
        assert_eq!(name("Zhang San"), Ok(()));
        assert_eq!(name("  "), Err(FieldError::Missing));
        assert_eq!(name("R2D2"), Err(FieldError::Format));
    }

    #[test]
    fn masks() {
        assert_eq!(mask(SAMPLE, 3, 4), "110***********002X");
        assert_eq!(mask("13812345678", 3, 4), "138****5678");
        assert_eq!(mask("张三", 1, 0), "张*");
        assert_eq!(mask("李", 1, 0), "*");
    }
}
