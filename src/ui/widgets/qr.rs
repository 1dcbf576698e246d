//! A QR code drawn with half blocks: each cell is two modules, the upper in
//! the foreground colour and the lower in the background. Black on white is
//! set explicitly, whatever the terminal's own colours, quiet zone included.

use ratatui::{
    Frame,
    layout::Rect,
    style::{Color, Style},
};

use crate::kiosk::handoff::QrMatrix;

/// Columns and rows the code takes on screen.
pub fn size(m: &QrMatrix) -> (u16, u16) {
    let side = m.side() as u16;
    (side, side.div_ceil(2))
}

/// Draws the code with its top-left corner at `area`'s; false (and nothing
/// drawn) when it does not fit: a cut code would not scan.
///
/// `monochrome` (NO_COLOR) sends no colour: light modules are drawn as block
/// characters in the terminal's own text colour, which suits the usual light
/// text on a dark background.
pub fn draw(frame: &mut Frame, area: Rect, m: &QrMatrix, monochrome: bool) -> bool {
    let (cols, rows) = size(m);
    if cols > area.width || rows > area.height {
        return false;
    }
    let color = |dark: bool| if dark { Color::Black } else { Color::White };
    let buf = frame.buffer_mut();
    for row in 0..rows {
        for col in 0..cols {
            let (x, y) = (col as usize, row as usize * 2);
            let top = m.dark[y][x];
            let bottom = m.dark.get(y + 1).is_some_and(|r| r[x]);
            let cell = &mut buf[(area.x + col, area.y + row)];
            if monochrome {
                cell.set_symbol(match (top, bottom) {
                    (false, false) => "█",
                    (false, true) => "▀",
                    (true, false) => "▄",
                    (true, true) => " ",
                });
            } else {
                cell.set_symbol("▀").set_style(Style::new().fg(color(top)).bg(color(bottom)));
            }
        }
    }
    true
}
