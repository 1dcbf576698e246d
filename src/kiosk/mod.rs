//! The application core, in The Elm Architecture: `State`, `Msg`, `update`,
//! `Effect`. Pure: no I/O, no clock, no terminal. The runtime feeds it
//! messages and carries out its effects; the UI draws its state.

mod keymap;
pub mod layout;
pub mod screen;
mod update;

use std::sync::Arc;

pub use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};
use ratatui::layout::Size;

pub use screen::{GuidePart, Menu, Screen};
pub use update::update;

use crate::domain::{Catalog, FetchError, Hall, Lang};

/// Everything that can happen to a session.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(Size),
    /// Time passes; carries the session's clock in milliseconds since it began.
    Tick(u64),
    CatalogLoaded(Result<Option<Catalog>, FetchError>),
}

/// What the core asks of the world. Each result comes back as a `Msg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Fetch the catalogue, revalidating the copy with this ETag if any;
    /// answers `CatalogLoaded(Ok(None))` when that copy is current.
    LoadCatalog { etag: Option<String> },
    /// Redraw although no input arrived (e.g. after a tick changed the screen).
    Redraw,
    /// The session is over: restore the terminal and leave.
    EndSession,
}

/// Settings a session starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionConfig {
    pub hall: String,
    pub lang: Lang,
    /// Quit keys work only when this is false.
    pub lockdown: bool,
}

/// Where the catalogue stands.
#[derive(Debug, Clone)]
pub enum CatalogState {
    Loading,
    Failed(FetchError),
    Ready(Arc<Catalog>),
}

/// A message shown in the one fixed place above the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    StillLoading,
    Unavailable(FetchError),
}

#[derive(Debug, Clone)]
pub struct State {
    pub config: SessionConfig,
    pub lang: Lang,
    pub catalog: CatalogState,
    /// The way back: the first entry is always Welcome, the last is on screen.
    pub screens: Vec<Screen>,
    pub notice: Option<Notice>,
    pub size: Size,
}

impl State {
    /// A fresh session at Welcome, and what it needs first.
    pub fn new(config: SessionConfig, size: Size) -> (State, Vec<Effect>) {
        let state = State {
            lang: config.lang,
            config,
            catalog: CatalogState::Loading,
            screens: vec![Screen::Welcome(Menu::default())],
            notice: None,
            size,
        };
        (state, vec![Effect::LoadCatalog { etag: None }])
    }

    pub fn screen(&self) -> &Screen {
        self.screens.last().expect("Welcome is never popped")
    }

    pub fn catalog(&self) -> Option<&Catalog> {
        match &self.catalog {
            CatalogState::Ready(c) => Some(c),
            _ => None,
        }
    }

    /// The hall this kiosk stands in, once the catalogue is here.
    pub fn hall(&self) -> Option<&Hall> {
        let catalog = self.catalog()?;
        catalog.halls.iter().find(|h| h.id == self.config.hall).or(catalog.halls.first())
    }

    /// Whether the terminal is big enough to use.
    pub fn fits(&self) -> bool {
        self.size.width >= layout::MIN_WIDTH && self.size.height >= layout::MIN_HEIGHT
    }
}
