//! The client's terminal as a session knows it. The kiosk draws on at most
//! `MAX_COLS`×`MAX_ROWS` cells: its two frame buffers grow with the area
//! (about 6 MB there, 94 MB at 1000×1000), and no screen needs more. A bigger
//! terminal gets the kiosk in its top-left corner and, on the row below it,
//! a line that says so in the session's language.

use std::sync::{Arc, Mutex};

use ratatui::layout::Size;
use unicode_width::UnicodeWidthChar;

use crate::domain::Lang;

pub const MAX_COLS: u16 = 400;
pub const MAX_ROWS: u16 = 150;

/// A client's terminal and the part of it the kiosk draws on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// The client's whole terminal, as far as a u16 goes.
    pub terminal: Size,
    pub kiosk: Size,
    /// When the terminal is bigger than the kiosk draws: the line saying
    /// so, with the escapes that put it below the kiosk.
    pub note: Option<Vec<u8>>,
}

impl Fit {
    pub fn new(cols: u32, rows: u32, lang: Lang) -> Fit {
        let (cols, rows) = (cols.max(1), rows.max(1));
        let terminal = Size::new(to_u16(cols), to_u16(rows));
        if terminal.width <= MAX_COLS && terminal.height <= MAX_ROWS {
            return Fit { terminal, kiosk: terminal, note: None };
        }
        // The note takes the row below the kiosk: one of the kiosk's own
        // when the height alone would fit.
        let kiosk = Size::new(terminal.width.min(MAX_COLS), (terminal.height - 1).clamp(1, MAX_ROWS));
        let note = (kiosk.height < terminal.height).then(|| note(cols, rows, kiosk, terminal.width, lang));
        Fit { terminal, kiosk, note }
    }
}

fn to_u16(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn note(cols: u32, rows: u32, kiosk: Size, width: u16, lang: Lang) -> Vec<u8> {
    let (w, h, most) = (kiosk.width, kiosk.height, format!("{MAX_COLS}×{MAX_ROWS}"));
    let text = match lang {
        Lang::ZhCn => format!("您的终端为 {cols}×{rows}，本机只用其中 {w}×{h}（最大 {most}）。"),
        Lang::EnUs => {
            format!("Your terminal is {cols}×{rows}; the kiosk uses {w}×{h} of it (at most {most}).")
        }
        Lang::ZhHk => format!("您的終端為 {cols}×{rows}，本機只用其中 {w}×{h}（最大 {most}）。"),
    };
    // Saved and restored around it (DECSC/DECRC): the kiosk's cursor and
    // colours stay as the kiosk left them.
    format!("\x1b7\x1b[{};1H\x1b[0m{}\x1b8", h + 1, within(&text, width)).into_bytes()
}

/// The start of `text` that fits in `width` columns.
fn within(text: &str, width: u16) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > usize::from(width) {
            return &text[..i];
        }
    }
    text
}

/// The session's `Fit`, shared by the connection (which hears of window
/// changes) and the output (which draws, and writes the note).
#[derive(Clone)]
pub struct ClientSize(Arc<Mutex<Fit>>);

impl ClientSize {
    pub fn new(fit: Fit) -> ClientSize {
        ClientSize(Arc::new(Mutex::new(fit)))
    }

    pub fn get(&self) -> Fit {
        self.0.lock().expect("no panics while held").clone()
    }

    pub fn set(&self, fit: Fit) {
        *self.0.lock().expect("no panics while held") = fit;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_within_the_bounds_is_the_kiosk_with_no_note() {
        let fit = Fit::new(80, 24, Lang::EnUs);
        assert_eq!((fit.kiosk, fit.terminal, fit.note), (Size::new(80, 24), Size::new(80, 24), None));
        assert_eq!(Fit::new(0, 0, Lang::EnUs).kiosk, Size::new(1, 1));
    }

    #[test]
    fn a_bigger_terminal_gets_the_bound_and_a_note_below_it() {
        let fit = Fit::new(1000, 1000, Lang::EnUs);
        assert_eq!(fit.kiosk, Size::new(MAX_COLS, MAX_ROWS));
        let note = String::from_utf8(fit.note.unwrap()).unwrap();
        assert!(note.starts_with("\x1b7\x1b[151;1H"), "{note:?}");
        assert!(note.contains("Your terminal is 1000×1000; the kiosk uses 400×150"), "{note:?}");
        let wide = Fit::new(u32::MAX, 100, Lang::ZhCn);
        assert_eq!(wide.kiosk, Size::new(MAX_COLS, 99), "a row of its own for the note");
        let note = String::from_utf8(wide.note.unwrap()).unwrap();
        assert!(note.contains("\x1b[100;1H") && note.contains("本机只用其中 400×99"), "{note:?}");
    }

    #[test]
    fn the_note_fits_a_narrow_terminal() {
        let fit = Fit::new(40, 500, Lang::ZhHk);
        assert_eq!(fit.kiosk, Size::new(40, MAX_ROWS));
        let note = String::from_utf8(fit.note.unwrap()).unwrap();
        let text = note.trim_start_matches(|c| c != 'm').trim_start_matches('m').trim_end_matches("\x1b8");
        assert!(text.starts_with("您的終端為 40×500"), "{text:?}");
        assert!(text.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= 40, "{text:?}");
    }
}
