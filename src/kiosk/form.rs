//! Text entry for the kiosk's forms: typing, IME text and paste land in the
//! focused field; what was typed is kept until the session ends, and then
//! wiped from memory (names, phones and ID numbers pass through here).

use zeroize::Zeroize;

/// One line of text being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    /// Maximum characters accepted.
    pub max: usize,
}

impl TextField {
    pub fn new(max: usize) -> TextField {
        // Room for the longest text up front: growing would leave copies behind.
        TextField { text: String::with_capacity(max * 4), max }
    }

    /// Adds typed or pasted text, dropping control characters and anything past `max`.
    pub fn insert(&mut self, s: &str) {
        let room = self.max.saturating_sub(self.text.chars().count());
        self.text.extend(s.chars().filter(|c| !c.is_control()).take(room));
    }

    pub fn erase(&mut self) {
        self.text.pop();
    }

    pub fn clear(&mut self) {
        self.text.zeroize();
    }
}

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
