//! The on-screen keyboard (软键盘): which layouts a field offers, where each
//! key sits, and what it is. Shared by the view (to draw) and by the core
//! (to know what a tap landed on), so the two can never disagree.

use ratatui::layout::Rect;
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;

use super::ime::{Candidate, Purpose, Stroke};
use crate::domain::Lang;

/// `kiosk.touch`: when the keyboard shows in a text field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Touch {
    /// After the first tap (a touch screen announces itself); never by
    /// itself in screen-reader mode.
    #[default]
    Auto,
    /// Always, in every text field (a hall terminal with no keyboard).
    On,
    /// Only when asked for (F3).
    Off,
}

/// A keyboard layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// 0–9, for codes of digits (lookup digits, a PIN, a Taiwan permit).
    Digits,
    /// 0–9 and X, for resident ID numbers.
    DigitsX,
    /// 0–9, + and space, for phone numbers.
    Phone,
    /// The 32 characters of a confirmation code (Crockford base32).
    Crockford,
    /// Latin letters and digits (passports, names in Latin script).
    Latin,
    /// Latin letters that compose pinyin, with candidates.
    Pinyin,
    /// The five strokes, with candidates.
    Strokes,
}

impl Layout {
    /// Chinese input: the letters or strokes compose, and candidates show.
    pub fn composes(self) -> bool {
        matches!(self, Layout::Pinyin | Layout::Strokes)
    }
}

/// What a field takes; it decides the layouts offered, first the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Name,
    Search,
    Phone,
    /// An ID number of digits with a final X (resident ID, residence permit).
    IdDigits,
    /// A document number of letters and digits (passport, permits).
    IdLetters,
    Digits,
    Code,
    /// A choice changed with ← →, not typed.
    Choice,
}

impl Entry {
    /// Layouts in the order 中/英 and 拼音/笔画 reach them; the first is where
    /// the field starts (Latin first for a session in English).
    pub fn layouts(self, lang: Lang) -> &'static [Layout] {
        match (self, lang) {
            (Entry::Name, Lang::EnUs) => &[Layout::Latin, Layout::Pinyin, Layout::Strokes],
            (Entry::Name, _) => &[Layout::Pinyin, Layout::Strokes, Layout::Latin],
            (Entry::Search, Lang::EnUs) => &[Layout::Latin, Layout::Pinyin],
            (Entry::Search, _) => &[Layout::Pinyin, Layout::Latin],
            (Entry::Phone, _) => &[Layout::Phone],
            (Entry::IdDigits, _) => &[Layout::DigitsX],
            (Entry::IdLetters, _) => &[Layout::Latin],
            (Entry::Digits, _) => &[Layout::Digits],
            (Entry::Code, _) => &[Layout::Crockford],
            (Entry::Choice, _) => &[],
        }
    }

    /// How candidates are ranked, for fields that take Chinese.
    pub fn purpose(self) -> Purpose {
        if self == Entry::Search { Purpose::Search } else { Purpose::Name }
    }
}

/// A key on the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Stroke(Stroke),
    Backspace,
    Clear,
    Left,
    Right,
    /// 中/英: between Chinese input and Latin letters.
    Language,
    /// 拼音/笔画: between pinyin and strokes.
    Script,
    Space,
    /// To the next field, or Done on the last.
    Next,
    /// The n-th candidate shown.
    Candidate(usize),
    PrevPage,
    NextPage,
}

/// A key and where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cap {
    pub key: Key,
    pub area: Rect,
}

/// Columns between keys; a key is never narrower than `MIN_KEY`.
const GAP: u16 = 1;
pub const MIN_KEY: u16 = 3;
/// A character key, and a key named by a word.
const CHAR_KEY: u16 = 5;
const WORD_KEY: u16 = 9;
/// At most this many candidates a page (one digit picks each).
pub const MAX_CANDIDATES: usize = 9;

/// Rows of keys in a layout (the candidate bar and the function row included).
fn rows(layout: Layout) -> u16 {
    match layout {
        Layout::Digits | Layout::DigitsX | Layout::Phone => 2,
        Layout::Strokes => 3,
        Layout::Crockford | Layout::Latin | Layout::Pinyin => 5,
    }
}

/// Screen rows the keyboard takes: a key is two rows high in elderly mode.
pub fn height(layout: Option<Layout>, elderly: bool) -> u16 {
    // The choice field has only the function row.
    let rows = layout.map_or(1, rows);
    rows * if elderly { 2 } else { 1 }
}

fn char_rows(layout: Layout) -> &'static [&'static str] {
    match layout {
        Layout::Digits => &["1234567890"],
        Layout::DigitsX => &["1234567890X"],
        Layout::Phone => &["1234567890+"],
        Layout::Crockford => &["1234567890", "ABCDEFGHJK", "MNPQRSTVWX", "YZ"],
        Layout::Latin => &["1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM'."],
        Layout::Pinyin => &["qwertyuiop", "asdfghjkl", "zxcvbnm"],
        Layout::Strokes => &[],
    }
}

/// The function row: editing keys, the switches this field has, Next.
fn function_keys(layout: Option<Layout>, layouts: &[Layout]) -> Vec<Key> {
    let Some(layout) = layout else { return vec![Key::Left, Key::Right, Key::Next] };
    let mut keys = vec![Key::Backspace, Key::Clear, Key::Left, Key::Right];
    let chinese = layouts.iter().any(|l| l.composes());
    if chinese && layouts.contains(&Layout::Latin) {
        keys.push(Key::Language);
    }
    if layout.composes() && layouts.contains(&Layout::Strokes) {
        keys.push(Key::Script);
    }
    if matches!(layout, Layout::Latin | Layout::Pinyin | Layout::Strokes | Layout::Phone) {
        keys.push(Key::Space);
    }
    keys.push(Key::Next);
    keys
}

fn key_width(key: Key) -> u16 {
    match key {
        Key::Char(_) | Key::Backspace | Key::Left | Key::Right => CHAR_KEY,
        Key::PrevPage | Key::NextPage => MIN_KEY,
        _ => WORD_KEY,
    }
}

/// Lays `keys` out in one row, centred in `area` at row `y`.
fn row(keys: &[(Key, u16)], area: Rect, y: u16, height: u16, out: &mut Vec<Cap>) {
    let total: u16 = keys.iter().map(|(_, w)| w + GAP).sum::<u16>().saturating_sub(GAP);
    let mut x = area.x + area.width.saturating_sub(total) / 2;
    for &(key, w) in keys {
        if x + w > area.right() {
            break;
        }
        out.push(Cap { key, area: Rect::new(x, y, w, height) });
        x += w + GAP;
    }
}

/// Columns a candidate takes on the bar: its number, its text, a space each side.
pub fn candidate_width(c: &Candidate) -> u16 {
    (c.text.width() as u16 + 3).max(MIN_KEY)
}

/// Columns the composition takes at the start of the candidate bar.
pub const COMPOSITION_WIDTH: u16 = 16;

/// Every key of the keyboard in `area` (its bottom rows of the body). For a
/// composing layout, `shown` are the candidates from the page's first; as
/// many as fit get a key.
pub fn caps(
    layout: Option<Layout>,
    layouts: &[Layout],
    area: Rect,
    elderly: bool,
    shown: &[Candidate],
) -> Vec<Cap> {
    let h = if elderly { 2 } else { 1 };
    let mut out = vec![];
    let mut y = area.y;
    if let Some(layout) = layout {
        if layout.composes() {
            candidate_bar(area, y, h, shown, &mut out);
            y += h;
        }
        let char_rows = char_rows(layout);
        for chars in char_rows {
            let keys: Vec<(Key, u16)> = chars.chars().map(|c| (Key::Char(c), CHAR_KEY)).collect();
            row(&keys, area, y, h, &mut out);
            y += h;
        }
        if layout == Layout::Strokes {
            let keys: Vec<(Key, u16)> = Stroke::ALL.iter().map(|s| (Key::Stroke(*s), WORD_KEY)).collect();
            row(&keys, area, y, h, &mut out);
            y += h;
        }
    }
    let keys: Vec<(Key, u16)> =
        function_keys(layout, layouts).into_iter().map(|k| (k, key_width(k))).collect();
    row(&keys, area, y, h, &mut out);
    out
}

/// The candidate bar: the composition, then candidates while they fit, then
/// the page keys at the right end.
fn candidate_bar(area: Rect, y: u16, h: u16, shown: &[Candidate], out: &mut Vec<Cap>) {
    let right = area.right();
    let next = Rect::new(right.saturating_sub(MIN_KEY), y, MIN_KEY, h);
    let prev = Rect { x: next.x.saturating_sub(MIN_KEY + GAP), ..next };
    let mut x = area.x + COMPOSITION_WIDTH;
    for (i, c) in shown.iter().take(MAX_CANDIDATES).enumerate() {
        let w = candidate_width(c);
        if x + w > prev.x.saturating_sub(GAP) {
            break;
        }
        out.push(Cap { key: Key::Candidate(i), area: Rect::new(x, y, w, h) });
        x += w + GAP;
    }
    out.push(Cap { key: Key::PrevPage, area: prev });
    out.push(Cap { key: Key::NextPage, area: next });
}

/// The key under a tap, if any.
pub fn key_at(caps: &[Cap], column: u16, row: u16) -> Option<Key> {
    caps.iter().find(|c| c.area.contains((column, row).into())).map(|c| c.key)
}

/// How many candidates have a key on the bar.
pub fn candidates_shown(caps: &[Cap]) -> usize {
    caps.iter().filter(|c| matches!(c.key, Key::Candidate(_))).count()
}

/// Arrow keys move the focused key: left and right along its row, up and down
/// to the key nearest above or below.
pub fn step(caps: &[Cap], from: Option<usize>, dx: i8, dy: i8) -> Option<usize> {
    if caps.is_empty() {
        return None;
    }
    let Some(i) = from.filter(|i| *i < caps.len()) else {
        // The first arrow lands on the first character key (or the first key).
        return caps.iter().position(|c| matches!(c.key, Key::Char(_) | Key::Stroke(_))).or(Some(0));
    };
    let here = caps[i].area;
    let centre = |r: Rect| r.x + r.width / 2;
    if dx != 0 {
        let same_row: Vec<usize> = (0..caps.len()).filter(|j| caps[*j].area.y == here.y).collect();
        let at = same_row.iter().position(|j| *j == i).unwrap_or(0);
        let to = (at as isize + dx as isize).clamp(0, same_row.len() as isize - 1) as usize;
        return Some(same_row[to]);
    }
    let rows: Vec<u16> = {
        let mut ys: Vec<u16> = caps.iter().map(|c| c.area.y).collect();
        ys.dedup();
        ys
    };
    let r = rows.iter().position(|y| *y == here.y).unwrap_or(0);
    let Some(&target) = rows.get((r as isize + dy as isize).max(0) as usize) else { return Some(i) };
    (0..caps.len())
        .filter(|j| caps[*j].area.y == target)
        .min_by_key(|j| centre(caps[*j].area).abs_diff(centre(here)))
        .or(Some(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str) -> Candidate {
        Candidate { text: text.into(), covers: 1 }
    }

    #[test]
    fn every_key_is_at_least_three_cells_wide_and_inside_its_area() {
        let area = Rect::new(1, 10, 78, 10);
        let shown: Vec<Candidate> =
            ["王", "汪", "望", "网", "往", "旺", "忘", "亡", "枉", "妄"].map(cand).to_vec();
        let all = [
            Layout::Digits,
            Layout::DigitsX,
            Layout::Phone,
            Layout::Crockford,
            Layout::Latin,
            Layout::Pinyin,
            Layout::Strokes,
        ];
        for layout in all {
            for elderly in [false, true] {
                let caps = caps(Some(layout), &all, area, elderly, &shown);
                for c in &caps {
                    assert!(c.area.width >= MIN_KEY, "{layout:?}: {c:?}");
                    assert_eq!(c.area.height, if elderly { 2 } else { 1 });
                    assert!(c.area.right() <= area.right() && c.area.x >= area.x, "{layout:?}: {c:?}");
                }
                for (i, a) in caps.iter().enumerate() {
                    for b in &caps[i + 1..] {
                        assert!(a.area.intersection(b.area).is_empty(), "{layout:?}: {a:?} overlaps {b:?}");
                    }
                }
                let rows = caps.iter().map(|c| c.area.bottom()).max().unwrap() - area.y;
                assert_eq!(rows, height(Some(layout), elderly), "{layout:?}");
            }
        }
    }

    #[test]
    fn a_tap_finds_its_key_and_arrows_walk_the_rows() {
        let area = Rect::new(1, 10, 78, 5);
        let caps = caps(Some(Layout::Latin), Entry::Name.layouts(Lang::EnUs), area, false, &[]);
        let q = caps.iter().find(|c| c.key == Key::Char('Q')).unwrap();
        assert_eq!(key_at(&caps, q.area.x + 2, q.area.y), Some(Key::Char('Q')));
        assert_eq!(key_at(&caps, 0, 0), None);
        let first = step(&caps, None, 1, 0).unwrap();
        assert_eq!(caps[first].key, Key::Char('1'));
        let down = step(&caps, Some(first), 0, 1).unwrap();
        assert_eq!(caps[down].key, Key::Char('Q'));
        let right = step(&caps, Some(down), 1, 0).unwrap();
        assert_eq!(caps[right].key, Key::Char('W'));
        let bottom = step(&caps, Some(right), 0, 9).unwrap_or(right);
        assert!(step(&caps, Some(bottom), 0, 1).is_some(), "the last row holds");
    }

    #[test]
    fn candidates_fit_between_the_composition_and_the_page_keys() {
        let area = Rect::new(1, 10, 78, 5);
        let words: Vec<Candidate> = (0..9).map(|_| cand("身份证明")).collect();
        let caps = caps(Some(Layout::Pinyin), Entry::Search.layouts(Lang::ZhCn), area, false, &words);
        let n = candidates_shown(&caps);
        assert!((1..9).contains(&n), "long words: fewer than nine fit ({n})");
        let prev = caps.iter().find(|c| c.key == Key::PrevPage).unwrap();
        assert!(
            caps.iter().filter(|c| matches!(c.key, Key::Candidate(_))).all(|c| c.area.right() < prev.area.x)
        );
    }
}
