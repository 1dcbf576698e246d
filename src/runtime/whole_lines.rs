//! Terminal screen readers speak the text that arrives. ratatui sends only
//! the cells that changed, so where old and new text share letters, or the
//! spaces between words, those never arrive and the reader runs words
//! together ("Choose acategory"). In screen-reader mode this backend sends
//! every changed line whole instead: the line cleared, then its full text,
//! top to bottom; the cursor then goes to the focus as always.

use std::collections::BTreeSet;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

/// Wraps the session's real backend for the session's lifetime.
pub struct WholeLines<'a, B: Backend> {
    inner: &'a mut B,
    /// What the terminal shows, row by row, kept from every draw.
    shown: Vec<Vec<Cell>>,
    /// Send changed lines whole (screen-reader mode).
    pub enabled: bool,
}

impl<'a, B: Backend> WholeLines<'a, B> {
    pub fn new(inner: &'a mut B) -> WholeLines<'a, B> {
        WholeLines { inner, shown: Vec::new(), enabled: false }
    }
}

/// Records a cell sent to the terminal.
fn remember(shown: &mut Vec<Vec<Cell>>, x: u16, y: u16, cell: &Cell) {
    let (x, y) = (x as usize, y as usize);
    if shown.len() <= y {
        shown.resize(y + 1, Vec::new());
    }
    let row = &mut shown[y];
    if row.len() <= x {
        row.resize(x + 1, Cell::default());
    }
    row[x] = cell.clone();
}

/// Row `y` as it now reads: every cell but those a wide character covers,
/// up to the last that is not plain blank.
fn row(shown: &[Vec<Cell>], y: u16) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let row = shown.get(y as usize).map_or(&[][..], Vec::as_slice);
    let end = row.iter().rposition(|c| *c != Cell::default()).map_or(0, |i| i + 1);
    let mut x = 0;
    std::iter::from_fn(move || {
        (x < end).then(|| {
            let at = x;
            x += row[at].symbol().width().max(1);
            (at as u16, y, &row[at])
        })
    })
}

impl<B: Backend> Backend for WholeLines<'_, B> {
    type Error = B::Error;

    fn draw<'c, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'c Cell)>,
    {
        let shown = &mut self.shown;
        if !self.enabled {
            // The changed cells go on as they are, recorded on the way.
            return self.inner.draw(content.inspect(|&(x, y, c)| remember(shown, x, y, c)));
        }
        let mut rows = BTreeSet::new();
        for (x, y, c) in content {
            remember(shown, x, y, c);
            rows.insert(y);
        }
        for y in rows {
            self.inner.set_cursor_position(Position { x: 0, y })?;
            self.inner.clear_region(ClearType::CurrentLine)?;
            self.inner.draw(row(&self.shown, y))?;
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.shown.clear();
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        if clear_type == ClearType::All {
            self.shown.clear();
        }
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::{Terminal, TerminalOptions, Viewport, layout::Rect, text::Line};

    use super::*;

    /// Draws `text` on row 0 through the wrapper, returning the cells it sent.
    fn sent(enabled: bool, before: &str, after: &str) -> Vec<String> {
        let mut backend = Recorder::default();
        let mut terminal = Terminal::with_options(
            WholeLines { enabled, ..WholeLines::new(&mut backend) },
            TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 30, 2)) },
        )
        .unwrap();
        for text in [before, after] {
            terminal.draw(|f| f.render_widget(Line::raw(text), f.area())).unwrap();
        }
        drop(terminal);
        backend.draws.split_off(1)
    }

    #[test]
    fn a_changed_line_is_sent_whole_in_screen_reader_mode() {
        // Only "a" and "b" differ: cell by cell, the words arrive broken.
        assert_eq!(sent(false, "Choose a category", "Choose b category"), vec!["b".to_owned()]);
        assert_eq!(
            sent(true, "Choose a category", "Choose b category"),
            vec!["Choose b category".to_owned()]
        );
        assert_eq!(sent(true, "宽字 ok", "宽字 no"), vec!["宽字 no".to_owned()], "wide characters once");
    }

    /// A backend that keeps, for each draw, the text of the cells sent.
    #[derive(Default)]
    struct Recorder {
        draws: Vec<String>,
    }

    impl Backend for Recorder {
        type Error = std::convert::Infallible;
        fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(
            &mut self,
            content: I,
        ) -> Result<(), Self::Error> {
            self.draws.push(content.map(|(_, _, c)| c.symbol().to_owned()).collect());
            Ok(())
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            Ok(Position::ORIGIN)
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> Result<(), Self::Error> {
            Ok(())
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
        fn clear_region(&mut self, _: ClearType) -> Result<(), Self::Error> {
            Ok(())
        }
        fn size(&self) -> Result<Size, Self::Error> {
            Ok(Size::new(30, 2))
        }
        fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
            Ok(WindowSize { columns_rows: Size::new(30, 2), pixels: Size::new(0, 0) })
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }
}
