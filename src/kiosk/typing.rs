//! Typing at a hall terminal: the on-screen keyboard for the focused text
//! field, and the built-in Chinese input it feeds. Keys and taps that belong
//! to the keyboard are turned here into what `update` then does to the field
//! (`Outcome`), so text reaches a field one way only, whatever typed it.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use super::booking::Field;
use super::input::ime::{Candidate, Composition, Context, Forms, Script, Stroke};
use super::input::keyboard::{self, Cap, Entry, Key, Layout, Touch};
use super::keymap::Action;
use super::lookup::LookupField;
use super::rating::RateStep;
use super::report::ReportStep;
use super::{Screen, State};
use crate::domain::{IdKind, Lang};

/// The keyboard's side of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyboardState {
    /// A tap was seen on this terminal: with `kiosk.touch = "auto"` the
    /// keyboard shows from then on (it outlives a reset, like the screen).
    pub touched: bool,
    /// F3 showed (true) or hid (false) the keyboard, over the setting.
    pub wanted: Option<bool>,
    /// Which of the field's layouts is up (an index into `Entry::layouts`).
    pub choice: usize,
    /// The key the arrow keys are on (an index into `caps`).
    pub focus: Option<usize>,
    pub composition: Composition,
    /// The field that the choice, focus and composition belong to.
    pub field: Option<FieldId>,
}

impl Default for KeyboardState {
    fn default() -> KeyboardState {
        KeyboardState {
            touched: false,
            wanted: None,
            choice: 0,
            focus: None,
            composition: Composition::new(Script::Pinyin),
            field: None,
        }
    }
}

/// A text field, wherever it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Details(Field),
    Lookup(LookupField),
    Pin,
    Search,
    /// The Policies screen's query.
    PolicyQuery,
    /// 评价: the ticket's number; the rating's own words; a report's.
    RateNumber,
    RateWords,
    ReportWords,
}

/// What a key or tap on the keyboard does to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Text typed at the caret (a key, a candidate, letters committed).
    Type(String),
    /// What the same physical key does (erase, caret, next field…).
    Act(Action),
    /// Empties the field.
    ClearField,
}

/// The focused text field and what it takes.
pub fn focused(state: &State) -> Option<(FieldId, Entry)> {
    Some(match state.screen() {
        Screen::BookDetails { focus, .. } => {
            let entry = match focus {
                // A company's name is typed as a person's is: pinyin,
                // strokes or Latin letters.
                Field::Name | Field::Company => Entry::Name,
                Field::Phone => Entry::Phone,
                Field::IdKind => Entry::Choice,
                Field::IdNumber => id_entry(state.draft.as_ref().map(|d| d.details.id_kind)),
            };
            (FieldId::Details(*focus), entry)
        }
        Screen::Lookup { focus, .. } => {
            let entry = if *focus == LookupField::Code { Entry::Code } else { Entry::Digits };
            (FieldId::Lookup(*focus), entry)
        }
        Screen::StaffPin { .. } => (FieldId::Pin, Entry::Digits),
        Screen::Search { .. } => (FieldId::Search, Entry::Search),
        Screen::Policies { .. } => (FieldId::PolicyQuery, Entry::Search),
        // A ticket's letter and digits are on the confirmation code's keys.
        Screen::Rating(RateStep::Number) => (FieldId::RateNumber, Entry::Code),
        Screen::Rating(RateStep::Words) => (FieldId::RateWords, Entry::Search),
        Screen::Report(ReportStep::Words) => (FieldId::ReportWords, Entry::Search),
        _ => return None,
    })
}

/// The keypad a document's number is typed on.
fn id_entry(kind: Option<IdKind>) -> Entry {
    match kind {
        Some(IdKind::ResidentId | IdKind::ResidencePermit) | None => Entry::IdDigits,
        Some(IdKind::TaiwanPermit) => Entry::Digits,
        Some(_) => Entry::IdLetters,
    }
}

/// The focused field is the form's last: Next says Done there.
pub fn on_last_field(state: &State) -> bool {
    match focused(state).map(|(f, _)| f) {
        Some(FieldId::Details(f)) => super::booking::fields(state).last() == Some(&f),
        Some(FieldId::Lookup(f)) => f == LookupField::PhoneLast4,
        _ => true,
    }
}

/// Whether the keyboard shows now.
pub fn visible(state: &State) -> bool {
    let setting = match state.config.touch {
        Touch::On => true,
        Touch::Auto => state.keyboard.touched && !state.screen_reader,
        Touch::Off => false,
    };
    state.screen().takes_text() && state.keyboard.wanted.unwrap_or(setting)
}

/// The layout up for the focused field (None for a choice field: it has
/// only the function row).
pub fn layout(state: &State) -> Option<Layout> {
    let (_, entry) = focused(state)?;
    let layouts = entry.layouts(state.lang);
    (!layouts.is_empty()).then(|| layouts[state.keyboard.choice % layouts.len()])
}

/// Rows the keyboard takes at the bottom of the body, when it shows.
pub fn height(state: &State) -> Option<u16> {
    visible(state).then(|| keyboard::height(layout(state), state.elderly))
}

/// The candidates for what is composed, from the first on the page.
pub fn candidates(state: &State) -> Vec<Candidate> {
    let kb = &state.keyboard;
    if kb.composition.is_empty() {
        return vec![];
    }
    let Some((_, entry)) = focused(state) else { return vec![] };
    let before = focused_text(state).map_or(0, |f| f.caret);
    let vocabulary = state.search_index.as_ref().map_or(&[][..], |i| i.vocabulary());
    let ctx = Context { purpose: entry.purpose(), before, vocabulary };
    // Hong Kong writes Traditional characters: they come first there.
    let forms = if state.lang == Lang::ZhHk { Forms::Traditional } else { Forms::Simplified };
    kb.composition.candidates_in(&ctx, forms).into_iter().skip(kb.composition.offset).collect()
}

fn focused_text(state: &State) -> Option<&super::form::TextField> {
    match focused(state)?.0 {
        FieldId::Details(f) => state.draft.as_ref()?.details.field(f),
        FieldId::Lookup(f) => Some(state.lookup.field(f)),
        FieldId::Pin => Some(&state.staff.pin),
        FieldId::Search => Some(&state.search),
        FieldId::PolicyQuery => Some(&state.policies.query),
        FieldId::RateNumber => Some(&state.rating.number),
        FieldId::RateWords => Some(&state.rating.words),
        FieldId::ReportWords => Some(&state.report.words),
    }
}

/// Every key where it sits, in `area` (the keyboard's band).
pub fn caps_in(state: &State, area: Rect, shown: &[Candidate]) -> Vec<Cap> {
    let layouts = focused(state).map_or(&[][..], |(_, e)| e.layouts(state.lang));
    keyboard::caps(layout(state), layouts, area, state.elderly, shown)
}

/// The keyboard's keys as drawn now (none when it is hidden).
pub fn caps(state: &State) -> Vec<Cap> {
    match super::layout::bands(state).keyboard {
        Some(area) => caps_in(state, area, &candidates(state)),
        None => vec![],
    }
}

/// A new field (or screen) starts on its first layout with nothing composed.
pub fn follow_focus(state: &mut State) {
    let field = focused(state).map(|(f, _)| f);
    let kb = &mut state.keyboard;
    if kb.field != field {
        kb.field = field;
        kb.choice = 0;
        kb.focus = None;
        kb.composition = Composition::new(Script::Pinyin);
    }
}

/// F3: shows or hides the keyboard.
pub fn toggle(state: &mut State) {
    let shown = visible(state);
    state.keyboard.wanted = Some(!shown);
    state.keyboard.focus = None;
}

/// A physical key while the keyboard shows. None: not the keyboard's key,
/// the form handles it as always.
pub fn key(state: &mut State, key: &KeyEvent) -> Option<Vec<Outcome>> {
    if key.kind == KeyEventKind::Release
        || key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let layout = layout(state);
    let composing = !state.keyboard.composition.is_empty();
    let shown = || candidates(state);
    let pressed = match key.code {
        KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right => {
            let (dx, dy) = match key.code {
                KeyCode::Up => (0, -1),
                KeyCode::Down => (0, 1),
                KeyCode::Left => (-1, 0),
                _ => (1, 0),
            };
            let caps = caps(state);
            state.keyboard.focus = keyboard::step(&caps, state.keyboard.focus, dx, dy);
            return Some(vec![]);
        }
        KeyCode::Enter if state.keyboard.focus.is_some() => {
            let caps = caps(state);
            let Some(cap) = state.keyboard.focus.and_then(|i| caps.get(i)) else { return Some(vec![]) };
            cap.key
        }
        // Composing: letters go on composing, digits pick, space takes the
        // first, Enter commits the letters as typed, Esc drops them.
        KeyCode::Char(c @ '1'..='9') if composing => {
            let n = c as usize - '1' as usize;
            if n >= shown().len() {
                return Some(vec![]);
            }
            Key::Candidate(n)
        }
        KeyCode::Char(' ') if composing => Key::Space,
        KeyCode::Enter if composing => {
            return Some(commit_letters(state).into_iter().collect());
        }
        KeyCode::Backspace if composing => Key::Backspace,
        KeyCode::Esc if composing => {
            state.keyboard.composition.clear();
            return Some(vec![]);
        }
        KeyCode::PageUp if composing => Key::PrevPage,
        KeyCode::PageDown if composing => Key::NextPage,
        KeyCode::Char(c) if layout == Some(Layout::Pinyin) && c.is_ascii_lowercase() => Key::Char(c),
        KeyCode::Char(c) if layout == Some(Layout::Strokes) => match stroke_of(c) {
            Some(s) => Key::Stroke(s),
            None => return Some(vec![]),
        },
        _ => return None,
    };
    Some(press(state, pressed))
}

/// h s p n z on a physical keyboard, as on the stroke keys.
fn stroke_of(c: char) -> Option<Stroke> {
    Some(match c.to_ascii_lowercase() {
        'h' => Stroke::Heng,
        's' => Stroke::Shu,
        'p' => Stroke::Pie,
        'n' | 'd' => Stroke::Dian,
        'z' => Stroke::Zhe,
        _ => return None,
    })
}

/// A tap on the keyboard's band: the key under it (false: not on the keyboard).
pub fn tap(state: &mut State, column: u16, row: u16) -> Option<Vec<Outcome>> {
    let area = super::layout::bands(state).keyboard?;
    if !area.contains((column, row).into()) {
        return None;
    }
    let caps = caps(state);
    // A tap leaves the arrows' focus where it was: Enter keeps its meaning.
    let Some(cap) = caps.iter().find(|c| c.area.contains((column, row).into())) else { return Some(vec![]) };
    Some(press(state, cap.key))
}

/// What a key of the keyboard does.
pub fn press(state: &mut State, key: Key) -> Vec<Outcome> {
    let composing = !state.keyboard.composition.is_empty();
    let layout = layout(state);
    let kb = &mut state.keyboard;
    match key {
        Key::Char(c) if layout == Some(Layout::Pinyin) => {
            kb.composition.push_letter(c);
            vec![]
        }
        Key::Char(c) => vec![Outcome::Type(cased(state, c).to_string())],
        Key::Stroke(s) => {
            kb.composition.push_stroke(s);
            vec![]
        }
        Key::Backspace if composing => {
            kb.composition.pop();
            vec![]
        }
        Key::Backspace => vec![Outcome::Act(Action::Erase)],
        Key::Clear if composing => {
            kb.composition.clear();
            vec![]
        }
        Key::Clear => vec![Outcome::ClearField],
        Key::Left | Key::Right if composing => vec![],
        Key::Left => vec![Outcome::Act(Action::Left)],
        Key::Right => vec![Outcome::Act(Action::Right)],
        Key::Language => {
            switch(state, |l| l.composes() != layout.is_some_and(Layout::composes));
            vec![]
        }
        Key::Script => {
            switch(state, |l| l.composes() && Some(l) != layout);
            vec![]
        }
        Key::Space if composing => pick(state, 0),
        Key::Space => vec![Outcome::Type(" ".into())],
        Key::Next => {
            let mut out = commit_letters(state).into_iter().collect::<Vec<_>>();
            out.push(Outcome::Act(Action::Activate));
            out
        }
        Key::Candidate(n) => pick(state, n),
        Key::PrevPage | Key::NextPage => {
            let step = keyboard::candidates_shown(&caps(state)).max(1);
            let total = state.keyboard.composition.offset + candidates(state).len();
            let c = &mut state.keyboard.composition;
            c.offset = if key == Key::NextPage {
                (c.offset + step).min(total.saturating_sub(1) / step * step)
            } else {
                c.offset.saturating_sub(step)
            };
            vec![]
        }
    }
}

/// The field's next layout that `fits`; nothing composed carries over.
fn switch(state: &mut State, fits: impl Fn(Layout) -> bool) {
    let Some((_, entry)) = focused(state) else { return };
    let layouts = entry.layouts(state.lang);
    let kb = &mut state.keyboard;
    let n = layouts.len();
    if let Some(next) = (1..=n).map(|i| (kb.choice + i) % n).find(|i| fits(layouts[*i])) {
        kb.choice = next;
        kb.composition =
            Composition::new(if layouts[next] == Layout::Strokes { Script::Strokes } else { Script::Pinyin });
        kb.focus = None;
    }
}

/// Candidate `n` on the page goes into the field.
fn pick(state: &mut State, n: usize) -> Vec<Outcome> {
    let Some(chosen) = candidates(state).into_iter().nth(n) else { return vec![] };
    state.keyboard.composition.take(chosen.covers);
    vec![Outcome::Type(chosen.text)]
}

/// Enter or Next while composing pinyin: the letters go in as typed.
fn commit_letters(state: &mut State) -> Option<Outcome> {
    let c = &mut state.keyboard.composition;
    if c.is_empty() {
        return None;
    }
    let letters = (c.script == Script::Pinyin).then(|| c.letters().to_owned());
    c.clear();
    letters.map(Outcome::Type)
}

/// Latin keys show capitals; a name takes one at the start of each word and
/// small letters after it, as names are written.
fn cased(state: &State, c: char) -> char {
    match focused(state) {
        Some((_, Entry::Name)) => {
            let before = focused_text(state).and_then(|f| f.text.chars().take(f.caret).last());
            if before.is_none_or(|p| p == ' ' || p == '-') {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        }
        Some((_, Entry::Search)) => c.to_ascii_lowercase(),
        _ => c,
    }
}
