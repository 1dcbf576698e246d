//! A terminal in memory: ratatui's crossterm backend writes real escape
//! sequences, a vt100 parser turns them into the screen a person would see.

use std::{
    io::{self, Write},
    sync::{Arc, Mutex},
};

use ratatui::{Terminal, TerminalOptions, Viewport, backend::CrosstermBackend, layout::Rect};

#[derive(Clone)]
pub struct Screen(pub Arc<Mutex<vt100::Parser>>);

impl Write for Screen {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().process(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Screen {
    /// A screen of `width`×`height` and a terminal that draws on it.
    pub fn new(width: u16, height: u16) -> (Screen, Terminal<CrosstermBackend<Screen>>) {
        let screen = Screen(Arc::new(Mutex::new(vt100::Parser::new(height, width, 0))));
        let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
        let terminal =
            Terminal::with_options(CrosstermBackend::new(screen.clone()), TerminalOptions { viewport });
        (screen, terminal.expect("an in-memory terminal"))
    }

    pub fn text(&self) -> String {
        self.0.lock().unwrap().screen().contents()
    }
}
