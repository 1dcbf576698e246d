//! The composition: Latin letters (pinyin) or strokes typed so far, and the
//! characters or words they can stand for, best first.
//!
//! The signatures below are the contract the rest of the kiosk uses. The
//! character data and the ranking are in `dict` (and `dict::rank`).

use super::dict::{dict, rank};

/// What the text is for; it decides how candidates are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A person's name: the first character by how common the surname is,
    /// later ones by how common the character is in given names.
    Name,
    /// A search query: whole words from the catalogue's own vocabulary first.
    Search,
}

/// What the composition is typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Pinyin,
    Strokes,
}

/// The five strokes of Chinese phone keypads (笔画), in writing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stroke {
    /// 横 (h)
    Heng,
    /// 竖 (s)
    Shu,
    /// 撇 (p)
    Pie,
    /// 点 / 捺 (n)
    Dian,
    /// 折 (z)
    Zhe,
}

impl Stroke {
    pub const ALL: [Stroke; 5] = [Stroke::Heng, Stroke::Shu, Stroke::Pie, Stroke::Dian, Stroke::Zhe];

    /// The letter the stroke data uses (h s p n z).
    pub fn letter(self) -> char {
        match self {
            Stroke::Heng => 'h',
            Stroke::Shu => 's',
            Stroke::Pie => 'p',
            Stroke::Dian => 'n',
            Stroke::Zhe => 'z',
        }
    }

    /// The stroke as drawn: 一 丨 丿 丶 乛.
    pub fn symbol(self) -> char {
        match self {
            Stroke::Heng => '一',
            Stroke::Shu => '丨',
            Stroke::Pie => '丿',
            Stroke::Dian => '丶',
            Stroke::Zhe => '乛',
        }
    }

    fn from_letter(c: char) -> Option<Stroke> {
        Stroke::ALL.into_iter().find(|s| s.letter() == c)
    }
}

/// A word the search vocabulary offers, with its pinyin (lower-case letters
/// only, syllables run together: 身份证 → "shenfenzheng").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub pinyin: String,
}

/// What candidates are chosen for.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub purpose: Purpose,
    /// Characters already in the field before the caret (0: the next one
    /// is a surname, for names).
    pub before: usize,
    /// Words to offer first (search); empty for names.
    pub vocabulary: &'a [Word],
}

/// Which written forms win where a character has two (张 / 張).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Forms {
    /// Simplified first (zh-CN); Traditional forms follow further down.
    #[default]
    Simplified,
    /// Traditional first (zh-HK).
    Traditional,
}

/// One candidate: its text, and how many letters (or strokes) of the
/// composition it stands for, from the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub text: String,
    pub covers: usize,
}

/// At most this many candidates: ten pages and more, and cheap to rank.
pub const MAX_CANDIDATES: usize = 200;
/// Longer than any name or search word; a stuck key cannot grow it forever.
const MAX_KEYS: usize = 64;

/// Letters or strokes typed and not yet turned into characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composition {
    pub script: Script,
    /// The first candidate shown (PgUp/PgDn move it).
    pub offset: usize,
    /// The letters typed (pinyin), or the strokes as their letters h s p n z.
    keys: String,
}

impl Composition {
    pub fn new(script: Script) -> Composition {
        Composition { script, offset: 0, keys: String::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Adds a typed letter (a–z; upper case is taken as lower); false when
    /// it is not taken (not a letter, or a stroke composition).
    pub fn push_letter(&mut self, c: char) -> bool {
        if self.script != Script::Pinyin || !c.is_ascii_alphabetic() || self.keys.len() >= MAX_KEYS {
            return false;
        }
        self.keys.push(c.to_ascii_lowercase());
        self.offset = 0;
        true
    }

    /// Adds a stroke (a stroke composition only); false when not taken.
    pub fn push_stroke(&mut self, s: Stroke) -> bool {
        if self.script != Script::Strokes || self.keys.len() >= MAX_KEYS {
            return false;
        }
        self.keys.push(s.letter());
        self.offset = 0;
        true
    }

    /// Backspace: the last letter or stroke.
    pub fn pop(&mut self) {
        self.keys.pop();
        self.offset = 0;
    }

    /// Drops everything typed (Esc, or the field is left).
    pub fn clear(&mut self) {
        self.keys.clear();
        self.offset = 0;
    }

    /// What was typed, as shown above the candidates: "wang'xiu'ying" for
    /// pinyin (syllables apart), "一丨丿" for strokes.
    pub fn display(&self) -> String {
        match self.script {
            Script::Pinyin => {
                let pieces: Vec<&str> =
                    dict().segment(&self.keys).into_iter().map(|r| &self.keys[r]).collect();
                pieces.join("'")
            }
            Script::Strokes => self.strokes().map(Stroke::symbol).collect(),
        }
    }

    /// The raw letters typed (pinyin only), committed as they are when the
    /// citizen presses Enter while composing.
    pub fn letters(&self) -> &str {
        match self.script {
            Script::Pinyin => &self.keys,
            Script::Strokes => "",
        }
    }

    /// The strokes typed (a stroke composition; empty for pinyin).
    pub fn strokes(&self) -> impl Iterator<Item = Stroke> + '_ {
        let strokes = if self.script == Script::Strokes { self.keys.as_str() } else { "" };
        strokes.chars().filter_map(Stroke::from_letter)
    }

    /// Every candidate, best first (bounded, so that a page turn is cheap).
    pub fn candidates(&self, ctx: &Context) -> Vec<Candidate> {
        self.candidates_in(ctx, Forms::Simplified)
    }

    /// As `candidates`, with the given written forms winning (Traditional
    /// for zh-HK).
    pub fn candidates_in(&self, ctx: &Context, forms: Forms) -> Vec<Candidate> {
        if self.keys.is_empty() {
            return vec![];
        }
        let query = match self.script {
            Script::Pinyin => rank::Query::Pinyin { letters: &self.keys, pieces: dict().segment(&self.keys) },
            Script::Strokes => rank::Query::Strokes(&self.keys),
        };
        rank::candidates(&query, ctx, forms, MAX_CANDIDATES)
    }

    /// A candidate was picked: removes the letters or strokes it covers,
    /// and shows the first page of what is left.
    pub fn take(&mut self, covers: usize) {
        self.keys.drain(..covers.min(self.keys.len()));
        self.offset = 0;
    }
}

#[cfg(test)]
mod tests;
