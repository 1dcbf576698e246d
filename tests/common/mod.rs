//! Helpers shared by the test files: a session on the demo catalogue, keys,
//! rendering to text, and the real binary in a pty.
#![allow(dead_code)]

pub mod backend;
pub mod catalog_dir;
pub mod postgres;
pub mod pty;
pub mod screens;
pub mod serve;
pub mod vt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::domain::{Catalog, Lang};
use onestop::kiosk::{Effect, Msg, SessionConfig, State, update};
use onestop::ui::{Theme, Ui, view};
use ratatui::{Terminal, backend::TestBackend, layout::Size};

pub fn demo_catalog() -> Catalog {
    onestop::server::catalog_source::embedded().expect("demo catalogue is valid")
}

pub fn session(lang: Lang, size: (u16, u16)) -> State {
    let config = SessionConfig { kiosk: "test-kiosk".into(), lang, ..SessionConfig::default() };
    State::new(config, Size { width: size.0, height: size.1 }).0
}

/// A session at 80×24 whose catalogue has arrived.
pub fn ready(lang: Lang) -> State {
    let mut state = session(lang, (80, 24));
    update(&mut state, Msg::CatalogLoaded(Ok(Some(demo_catalog()))));
    state
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A left click (or a tap on a touch screen) at a cell.
pub fn tap(column: u16, row: u16) -> Msg {
    Msg::Mouse(crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

pub fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

/// The digit that picks `item` on Welcome's first page, whatever the order
/// of its items.
pub fn welcome(item: onestop::kiosk::screen::WelcomeItem) -> Msg {
    ch(welcome_char(item))
}

/// The digit key of `item` on Welcome's first page.
pub fn welcome_char(item: onestop::kiosk::screen::WelcomeItem) -> char {
    let i = onestop::kiosk::screen::welcome_items().iter().position(|w| *w == item).expect("on Welcome");
    assert!(i < 9, "{item:?} is on Welcome's first page");
    char::from(b'1' + i as u8)
}

/// Keys that open `item` from Welcome in any mode (its page may be the
/// second in elderly mode): ↓ to it, then Enter.
pub fn welcome_keys(item: onestop::kiosk::screen::WelcomeItem) -> Vec<Msg> {
    let i = onestop::kiosk::screen::welcome_items().iter().position(|w| *w == item).expect("on Welcome");
    (0..i).map(|_| key(KeyCode::Down)).chain([key(KeyCode::Enter)]).collect()
}

/// What a terminal sends for Welcome's 个人办事 (for the real binary in a pty).
pub fn personal_key() -> String {
    welcome_char(onestop::kiosk::screen::WelcomeItem::Browse(onestop::domain::Audience::Personal)).to_string()
}

/// Welcome's 个人办事 (for individuals) and 法人办事 (for businesses).
pub fn personal() -> Msg {
    welcome(onestop::kiosk::screen::WelcomeItem::Browse(onestop::domain::Audience::Personal))
}

pub fn business() -> Msg {
    welcome(onestop::kiosk::screen::WelcomeItem::Browse(onestop::domain::Audience::Business))
}

/// Sends messages in order; returns the effects of the last.
pub fn send(state: &mut State, msgs: impl IntoIterator<Item = Msg>) -> Vec<Effect> {
    msgs.into_iter().fold(vec![], |_, m| update(state, m))
}

/// The screen as text, one line per row (wide characters handled).
pub fn render(state: &State, theme: Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(state.size.width, state.size.height)).unwrap();
    let ui = Ui::new(state, theme);
    terminal.draw(|f| view(state, &ui, f)).unwrap();
    terminal
}

pub fn screen_text(state: &State) -> String {
    render(state, Theme::standard()).backend().to_string()
}
