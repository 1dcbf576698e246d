//! The terminal backend of an SSH session: crossterm's escapes into the
//! channel, but the size is the client's, never the server's own terminal.
//! (ratatui asks the backend for the size when it clears a fixed viewport,
//! on every window change and repaint; crossterm's answer comes from the
//! server process's tty, or from running `tput`, and fails when the server
//! has no terminal, as under systemd: that ended the session.)

use std::io::{self, Write};

use ratatui::{
    backend::{Backend, ClearType, CrosstermBackend, WindowSize},
    buffer::Cell,
    layout::{Position, Size},
};

use super::{
    output::{ChannelWriter, FrameEnd},
    size::ClientSize,
};

pub struct SshBackend {
    inner: CrosstermBackend<ChannelWriter>,
    end: FrameEnd,
    size: ClientSize,
    /// Where the kiosk last put the cursor (the server cannot ask the client).
    cursor: Position,
    /// The size note as last written; None after a clear may have wiped it.
    note_shown: Option<Vec<u8>>,
}

impl SshBackend {
    /// A backend over `writer`, which ends its frames when `end` says so.
    pub fn new(writer: ChannelWriter, end: FrameEnd, size: ClientSize) -> SshBackend {
        let inner = CrosstermBackend::new(writer);
        SshBackend { inner, end, size, cursor: Position::ORIGIN, note_shown: None }
    }

    /// The note below the kiosk, when the terminal is bigger than the kiosk
    /// draws: written again whenever it changed or may have been cleared.
    fn write_note(&mut self) -> io::Result<()> {
        let note = self.size.get().note;
        if note != self.note_shown {
            if let Some(line) = &note {
                self.inner.write_all(line)?;
            }
            self.note_shown = note;
        }
        Ok(())
    }
}

impl Backend for SshBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.inner.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if matches!(clear_type, ClearType::All | ClearType::AfterCursor) {
            self.note_shown = None;
        }
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size.get().terminal)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: self.size.get().terminal, pixels: Size::ZERO })
    }

    /// The end of a frame: it goes out as one packet.
    fn flush(&mut self) -> io::Result<()> {
        self.write_note()?;
        let inner = &mut self.inner;
        self.end.flushing(|| Backend::flush(inner))
    }
}

/// For the session's own escapes (the alternate screen, the goodbye line).
impl Write for SshBackend {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(self)
    }
}
