//! Big letters for elderly mode's banner. Each pixel of GNU Unifont's
//! 16-pixel-high glyphs (the `unifont` crate, which covers Chinese) becomes
//! half a cell, drawn with ▀ ▄ █: a Chinese character is 16 columns by 8
//! rows, a Latin letter 8 by 8. Pixel rows blank in every glyph are left out.

use ratatui::{buffer::Buffer, layout::Rect, style::Style};
use unifont::Glyph;

fn glyphs(text: &str) -> Option<Vec<&'static Glyph>> {
    text.chars().map(unifont::get_glyph).collect()
}

/// Columns `text` takes in big letters; `None` if a character has no glyph.
pub fn width(text: &str) -> Option<u16> {
    Some(glyphs(text)?.iter().map(|g| g.get_width() as u16).sum())
}

/// Draws `text` in big letters at the left of `area`, centred from top to
/// bottom. Draws nothing and returns false when it does not fit.
pub fn draw(text: &str, style: Style, area: Rect, buf: &mut Buffer) -> bool {
    let Some(glyphs) = glyphs(text) else { return false };
    let inked = |y: usize| glyphs.iter().any(|g| (0..g.get_width()).any(|x| g.get_pixel(x, y)));
    let (Some(top), Some(bottom)) = ((0..16).find(|&y| inked(y)), (0..16).rfind(|&y| inked(y))) else {
        return false;
    };
    let rows = ((bottom - top) / 2 + 1) as u16;
    let width: u16 = glyphs.iter().map(|g| g.get_width() as u16).sum();
    if width > area.width || rows > area.height {
        return false;
    }
    let y0 = area.y + (area.height - rows) / 2;
    let mut x0 = area.x;
    for glyph in glyphs {
        for x in 0..glyph.get_width() {
            for row in 0..rows {
                let y = top + 2 * row as usize;
                let symbol = match (glyph.get_pixel(x, y), glyph.get_pixel(x, y + 1)) {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => continue,
                };
                buf[(x0 + x as u16, y0 + row)].set_symbol(symbol).set_style(style);
            }
        }
        x0 += glyph.get_width() as u16;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str, area: Rect) -> Option<Vec<String>> {
        let mut buf = Buffer::empty(area);
        draw(text, Style::new(), area, &mut buf).then(|| {
            (0..area.height)
                .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().into())
                .filter(|row: &String| !row.is_empty())
                .collect()
        })
    }

    #[test]
    fn a_chinese_character_is_sixteen_columns_by_eight_rows() {
        assert_eq!(width("大"), Some(16));
        assert_eq!(width("Hi"), Some(16));
        let rows = drawn("大", Rect::new(0, 0, 16, 8)).expect("fits exactly");
        let expected = [
            "       █",
            "       █",
            "▄▄▄▄▄▄▄█▄▄▄▄▄▄▄",
            "       █",
            "      █ █",
            "     █   █",
            "   ▄▀     ▀▄",
            "▄▄▀         ▀▄▄",
        ];
        assert_eq!(rows, expected);
    }

    #[test]
    fn what_does_not_fit_is_not_drawn() {
        assert_eq!(drawn("大大", Rect::new(0, 0, 31, 8)), None);
        assert_eq!(drawn("大", Rect::new(0, 0, 16, 5)), None);
        assert_eq!(drawn("   ", Rect::new(0, 0, 40, 8)), None, "nothing to draw");
        assert_eq!(width("\u{E000}"), None, "a private-use character has no glyph");
    }

    #[test]
    fn latin_letters_leave_out_the_rows_no_letter_uses() {
        // Capitals without descenders use fewer than 16 pixel rows.
        let rows = drawn("HELLO", Rect::new(0, 0, 40, 8)).unwrap();
        assert!(rows.len() < 8, "{rows:#?}");
        assert_eq!(rows[0], " █    █  █▀▀▀▀▀  █       █       ▄▀▀▀▀▄");
        assert_eq!(rows[4], " █    █  █▄▄▄▄▄  █▄▄▄▄▄  █▄▄▄▄▄  ▀▄▄▄▄▀");
    }
}
