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
    /// Where typing goes, in characters from the start.
    pub caret: usize,
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
        TextField { text: String::with_capacity(max * 4), max, caret: 0, accepts }
    }

    /// Adds typed or pasted text at the caret, dropping what the field does
    /// not take and anything past `max`. (The room reserved up front means
    /// the text moves within its buffer and leaves no copy behind.)
    pub fn insert(&mut self, s: &str) {
        let room = self.max.saturating_sub(self.text.chars().count());
        for c in s.chars().filter(|c| (self.accepts)(*c)).take(room) {
            self.text.insert(self.byte(self.caret), c);
            self.caret += 1;
        }
    }

    /// Backspace: the character before the caret.
    pub fn erase(&mut self) {
        if self.caret > 0 {
            self.caret -= 1;
            self.text.remove(self.byte(self.caret));
        }
    }

    /// Delete: the character at the caret.
    pub fn delete(&mut self) {
        if self.caret < self.text.chars().count() {
            self.text.remove(self.byte(self.caret));
        }
    }

    /// Moves the caret by `by` characters, within the text.
    pub fn step(&mut self, by: isize) {
        self.caret = self.caret.saturating_add_signed(by).min(self.text.chars().count());
    }

    /// The caret to the start (`false`) or the end (`true`).
    pub fn jump(&mut self, to_end: bool) {
        self.caret = if to_end { self.text.chars().count() } else { 0 };
    }

    pub fn clear(&mut self) {
        self.text.zeroize();
        self.caret = 0;
    }

    /// Terminal columns before the caret: where the cursor goes.
    pub fn caret_columns(&self) -> usize {
        use unicode_width::UnicodeWidthChar;
        self.text.chars().take(self.caret).map(|c| c.width().unwrap_or(0)).sum()
    }

    /// The byte offset of character `chars`.
    fn byte(&self, chars: usize) -> usize {
        self.text.char_indices().nth(chars).map_or(self.text.len(), |(i, _)| i)
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

    #[test]
    fn the_caret_moves_and_edits_in_the_middle() {
        let mut f = TextField::new(20);
        f.insert("张三丰");
        f.step(-2);
        f.insert("李");
        assert_eq!((f.text.as_str(), f.caret), ("张李三丰", 2));
        f.erase();
        assert_eq!((f.text.as_str(), f.caret), ("张三丰", 1));
        f.delete();
        assert_eq!((f.text.as_str(), f.caret), ("张丰", 1));
        f.jump(false);
        f.erase(); // nothing before the start
        f.step(-5);
        assert_eq!((f.text.as_str(), f.caret), ("张丰", 0));
        f.jump(true);
        f.delete(); // nothing after the end
        f.step(9);
        assert_eq!((f.text.as_str(), f.caret), ("张丰", 2));
        let room = f.text.capacity();
        f.jump(false);
        f.insert("a".repeat(30).as_str());
        assert_eq!(f.text, format!("{}张丰", "a".repeat(18)));
        assert_eq!(f.text.capacity(), room, "edits stay in the buffer reserved, leaving no copy");
    }
}
