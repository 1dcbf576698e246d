//! Text entry for the kiosk's forms: typing, IME text and paste land in the
//! focused field; what was typed is kept until the session ends, and then
//! wiped from memory (names, phones and ID numbers pass through here).

use zeroize::Zeroize;

/// One line of text being typed.
#[derive(Debug, Clone)]
pub struct TextField {
    pub text: String,
    /// Maximum characters accepted.
    pub max: usize,
    /// Which characters the field takes; others are dropped as typed.
    accepts: fn(char) -> bool,
}

impl TextField {
    /// A field for any text but control characters.
    pub fn new(max: usize) -> TextField {
        TextField::taking(max, |c| !c.is_control())
    }

    /// A field for phone numbers: digits, and the spaces, dashes and plus
    /// people type with them (a letter is not taken at all).
    pub fn phone(max: usize) -> TextField {
        TextField::taking(max, |c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+'))
    }

    fn taking(max: usize, accepts: fn(char) -> bool) -> TextField {
        // Room for the longest text up front: growing would leave copies behind.
        TextField { text: String::with_capacity(max * 4), max, accepts }
    }

    /// Adds typed or pasted text, dropping what the field does not take and
    /// anything past `max`.
    pub fn insert(&mut self, s: &str) {
        let room = self.max.saturating_sub(self.text.chars().count());
        self.text.extend(s.chars().filter(|c| (self.accepts)(*c)).take(room));
    }

    pub fn erase(&mut self) {
        self.text.pop();
    }

    pub fn clear(&mut self) {
        self.text.zeroize();
    }
}

impl PartialEq for TextField {
    fn eq(&self, other: &TextField) -> bool {
        self.text == other.text && self.max == other.max
    }
}

impl Eq for TextField {}

impl Drop for TextField {
    fn drop(&mut self) {
        self.text.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::TextField;

    #[test]
    fn typing_pasting_and_limits() {
        let mut f = TextField::new(5);
        f.insert("张");
        f.insert("三\n\x1b[2J");
        assert_eq!(f.text, "张三[2J");
        f.erase();
        assert_eq!(f.text, "张三[2");
        f.insert("abcdef");
        assert_eq!(f.text, "张三[2a");
    }
}
