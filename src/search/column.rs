//! Texts of one kind for every service, end to end in one string, so a
//! query is a single pass of memmem over contiguous memory.

use memchr::memmem::Finder;

use super::spell::normalize_into;

/// Ends each text in a column: a character no query holds.
pub(super) const END: char = '\u{1}';

#[derive(Debug, Default)]
pub(super) struct Column {
    text: String,
    /// Where each service's texts begin; the last entry is the end.
    starts: Vec<usize>,
    /// Where each text begins, all services' in order.
    text_starts: Vec<u32>,
    /// Each service's first text in `text_starts`; the last entry is the end.
    first_text: Vec<u32>,
}

impl Column {
    /// Adds one service's texts, normalized.
    pub(super) fn push<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, texts: I) {
        self.push_with(|buf| {
            for t in texts {
                normalize_into(t.as_ref(), buf);
                buf.push(END);
            }
        });
    }

    /// Adds one service's texts as `write` appends them, each ended by `END`.
    pub(super) fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        if self.starts.is_empty() {
            self.starts.push(0);
            self.first_text.push(0);
        }
        let from = self.text.len();
        write(&mut self.text);
        let mut at = from;
        for (i, b) in self.text.as_bytes()[from..].iter().enumerate() {
            if *b == END as u8 {
                self.text_starts.push(at as u32);
                at = from + i + 1;
            }
        }
        self.starts.push(self.text.len());
        self.first_text.push(self.text_starts.len() as u32);
    }

    /// How many entries it holds.
    pub(super) fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// One service's texts, each ended by `END`.
    pub(super) fn of(&self, entry: usize) -> &str {
        &self.text[self.starts[entry]..self.starts[entry + 1]]
    }

    /// One service's texts, one by one, each still ended by `END` (so
    /// `starts_with(q)` then `END` is the whole text): found through
    /// their recorded starts, with no scan for the ends.
    pub(super) fn texts(&self, entry: usize) -> impl Iterator<Item = &str> {
        let range = self.first_text[entry] as usize..self.first_text[entry + 1] as usize;
        let end = self.starts[entry + 1];
        self.text_starts[range].iter().map(move |&at| &self.text[at as usize..end])
    }

    /// The services not yet `found` whose texts contain the needle, in
    /// order: found services are stepped over, and after a match the search
    /// jumps to the next service's texts.
    pub(super) fn matching<T>(&self, finder: &Finder, found: &[Option<T>]) -> Vec<usize> {
        let text = self.text.as_bytes();
        let mut out = vec![];
        let mut entry = 0;
        while entry < found.len() {
            if found[entry].is_some() {
                entry += 1;
                continue;
            }
            // Search on through the following run of services not yet found.
            let mut end = entry;
            while end < found.len() && found[end].is_none() {
                end += 1;
            }
            let mut from = self.starts[entry];
            while let Some(at) = finder.find(&text[from..self.starts[end]]) {
                let hit = self.starts.partition_point(|&s| s <= from + at) - 1;
                out.push(hit);
                from = self.starts[hit + 1];
            }
            entry = end;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_names_its_service_once_and_found_ones_are_skipped() {
        let mut c = Column::default();
        c.push(["Passport", "new passport"]);
        c.push(["ID card"]);
        c.push(["Lost passport"]);
        let finder = Finder::new("passport");
        assert_eq!(c.matching::<()>(&finder, &[None, None, None]), vec![0, 2]);
        assert_eq!(c.matching(&finder, &[Some(()), None, None]), vec![2]);
        let texts: Vec<&str> = c.texts(0).map(|t| &t[..t.find(END).unwrap()]).collect();
        assert_eq!(texts, vec!["passport", "newpassport"]);
    }
}
