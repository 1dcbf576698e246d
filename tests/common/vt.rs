//! A terminal in memory: ratatui's crossterm backend writes real escape
//! sequences, a vt100 parser turns them into the screen a person would see.

use std::{
    io::{self, Write},
    sync::{Arc, Mutex},
};

use ratatui::{Terminal, TerminalOptions, Viewport, backend::CrosstermBackend, layout::Rect};

/// An in-memory terminal screen. What the terminal writes is held back
/// until it flushes (ratatui flushes once a frame is drawn), so a test reads
/// whole frames only, never one half drawn.
pub struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    pending: Vec<u8>,
}

impl Clone for Screen {
    fn clone(&self) -> Screen {
        Screen { parser: self.parser.clone(), pending: Vec::new() }
    }
}

impl Write for Screen {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.parser.lock().unwrap().process(&self.pending);
        self.pending.clear();
        Ok(())
    }
}

impl Screen {
    /// A screen of `width`×`height` and a terminal that draws on it.
    pub fn new(width: u16, height: u16) -> (Screen, Terminal<CrosstermBackend<Screen>>) {
        let screen = Screen {
            parser: Arc::new(Mutex::new(vt100::Parser::new(height, width, 0))),
            pending: Vec::new(),
        };
        let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
        let terminal =
            Terminal::with_options(CrosstermBackend::new(screen.clone()), TerminalOptions { viewport });
        (screen, terminal.expect("an in-memory terminal"))
    }

    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }
}
