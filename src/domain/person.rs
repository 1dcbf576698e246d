//! Checks on what a citizen types: name, mobile number, identity document.
//! Used by the kiosk (to explain at once) and the server (to refuse). The
//! phone and document rules live in their own modules and are named here
//! too, where callers have always found them.

pub use super::document::{check_char, id_number, mask_id, normalize_id};
pub use super::phone::{display_phone, mask_phone, normalize_phone, phone, phone_last4};

/// Which field is wrong, and why, for a message next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Missing,
    /// Not the right shape (length, characters).
    Format,
    /// The number's check character does not match.
    Checksum,
    /// The birth date inside the number is not a real date.
    BirthDate,
    /// The number does not begin with a province code (or, for a permit,
    /// with the region code it must have).
    Region,
    /// A real phone number, but not a mobile (a landline, a toll-free
    /// line…): reminders go out as text messages.
    NotMobile,
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

/// The longest company name taken, in characters: registered names run to
/// about fifty (a branch's included), and the form's line holds this many.
pub const COMPANY_MAX: usize = 60;

/// A company's name as registered: 杭州某某科技有限公司, 某某（杭州）有限公司,
/// Example Technology Co., Ltd. Letters and digits of any script with the
/// signs names carry; no control, bidi or zero-width character, at most
/// [`COMPANY_MAX`] characters, and at least one letter.
pub fn company(s: &str) -> Result<(), FieldError> {
    let s = s.trim();
    let allowed = |c: char| {
        c.is_alphanumeric()
            || matches!(c, ' ' | '·' | '.' | ',' | '-' | '\'' | '&' | '(' | ')' | '（' | '）' | '、')
    };
    match s.chars().count() {
        0 => Err(FieldError::Missing),
        n if n > COMPANY_MAX || !s.chars().all(allowed) || !s.chars().any(char::is_alphabetic) => {
            Err(FieldError::Format)
        }
        _ => Ok(()),
    }
}

/// Full-width letters, digits and signs (as some input methods type them)
/// as their plain ASCII selves; the ideographic space as a space.
pub(super) fn halfwidth(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
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

    #[test]
    fn names() {
        for real in ["张三", "Li Wei", "阿依古丽·买买提", "O'Brien", "Jean-Luc Martin", "Zhang San"]
        {
            assert_eq!(name(real), Ok(()), "{real}");
        }
        for odd in ["张三😀", "Li Wei 2", "<script>", "a_b", "R2D2"] {
            assert_eq!(name(odd), Err(FieldError::Format), "{odd}");
        }
        assert_eq!(name("  "), Err(FieldError::Missing));
    }

    #[test]
    fn company_names() {
        for real in [
            "杭州滨江示例科技有限公司",
            "示例（杭州）有限公司",
            "Example Technology Co., Ltd.",
            "A&B 3D打印工作室",
        ] {
            assert_eq!(company(real), Ok(()), "{real}");
        }
        let long = "长".repeat(COMPANY_MAX + 1);
        for odd in [
            "示例\u{1b}[2J公司",
            "示例\u{202e}公司",
            "示例\u{200b}公司",
            "12345",
            "示例公司😀",
            long.as_str(),
        ] {
            assert_eq!(company(odd), Err(FieldError::Format), "{odd:?}");
        }
        assert_eq!(company(&"长".repeat(COMPANY_MAX)), Ok(()));
        assert_eq!(company(" "), Err(FieldError::Missing));
    }

    #[test]
    fn masks() {
        assert_eq!(mask("11010519491231002X", 3, 4), "110***********002X");
        assert_eq!(mask("13812345678", 3, 4), "138****5678");
        assert_eq!(mask("张三", 1, 0), "张*");
        assert_eq!(mask("李", 1, 0), "*");
    }

    #[test]
    fn full_width_characters_read_as_plain_ones() {
        let typed: String = "Ｈ１２３　４".chars().map(halfwidth).collect();
        assert_eq!(typed, "H123 4");
    }
}
