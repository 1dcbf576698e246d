//! `update`: the only place the state changes. Synchronous and deterministic.

use std::sync::Arc;

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::keymap::{self, Action};
use super::layout::{self, MenuLayout};
use super::screen::{self, Menu, Screen, WelcomeItem};
use super::{CatalogState, Effect, Msg, Notice, State};

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => keymap::action(&key).map_or_else(Vec::new, |a| act(state, a)),
        Msg::Mouse(mouse) => click(state, mouse),
        Msg::Paste(_) => vec![],
        Msg::Resize(size) => {
            state.size = size;
            vec![]
        }
        Msg::Tick(_) => vec![],
        Msg::CatalogLoaded(Ok(Some(catalog))) => {
            state.catalog = CatalogState::Ready(Arc::new(catalog));
            state.notice = None;
            forget_vanished(state);
            vec![]
        }
        Msg::CatalogLoaded(Ok(None)) => vec![],
        Msg::CatalogLoaded(Err(e)) => {
            // A copy already on screen stays usable; only a first load fails.
            if !matches!(state.catalog, CatalogState::Ready(_)) {
                state.catalog = CatalogState::Failed(e);
            }
            state.notice = Some(Notice::Unavailable(e));
            vec![]
        }
    }
}

fn act(state: &mut State, action: Action) -> Vec<Effect> {
    state.notice = state.notice.filter(|n| matches!(n, Notice::Unavailable(_)));
    match action {
        Action::Quit if !state.config.lockdown => return vec![Effect::EndSession],
        Action::Quit => {}
        Action::SwitchLanguage => state.lang = state.lang.next(),
        Action::Home => state.screens.truncate(1),
        Action::Back => {
            if state.screens.len() > 1 {
                state.screens.pop();
            }
        }
        Action::Retry => return retry(state),
        Action::Up => move_focus(state, -1),
        Action::Down => move_focus(state, 1),
        Action::PageUp => move_focus(state, -page(state)),
        Action::PageDown => move_focus(state, page(state)),
        Action::Pick(n) => {
            let (len, menu) = menu_of(state);
            if let Some(menu) = menu {
                let layout = MenuLayout::new(layout::bands(state.size).body, len);
                let index = layout.page_start(menu.selected) + n;
                if n < layout.page_size && index < len {
                    return choose(state, index);
                }
            }
        }
        Action::Activate => {
            if let (_, Some(menu)) = menu_of(state) {
                return choose(state, menu.selected);
            }
        }
    }
    vec![]
}

fn retry(state: &mut State) -> Vec<Effect> {
    match state.catalog {
        CatalogState::Failed(_) => {
            state.catalog = CatalogState::Loading;
            state.notice = None;
            vec![Effect::LoadCatalog { etag: None }]
        }
        _ => vec![],
    }
}

/// How many items the focused list has, and its menu (None on a guide).
fn menu_of(state: &State) -> (usize, Option<Menu>) {
    let catalog = state.catalog();
    match state.screen() {
        Screen::Welcome(menu) => (screen::welcome_items().len(), Some(*menu)),
        Screen::Categories { audience, menu } => {
            (catalog.map_or(0, |c| screen::categories(c, *audience).len()), Some(*menu))
        }
        Screen::Services { category, menu } => {
            (catalog.map_or(0, |c| screen::services(c, category).len()), Some(*menu))
        }
        Screen::Guide { service, .. } => {
            let parts =
                catalog.and_then(|c| screen::service(c, service)).map_or(0, |s| screen::guide_parts(s).len());
            (parts, None)
        }
    }
}

fn page(state: &State) -> isize {
    match menu_of(state) {
        (len, Some(_)) => MenuLayout::new(layout::bands(state.size).body, len).page_size as isize,
        (_, None) => 3,
    }
}

fn move_focus(state: &mut State, by: isize) {
    let (len, _) = menu_of(state);
    let last = len.saturating_sub(1);
    let step = |i: &mut usize| *i = i.saturating_add_signed(by).min(last);
    match state.screens.last_mut().expect("Welcome is never popped") {
        Screen::Welcome(menu) | Screen::Categories { menu, .. } | Screen::Services { menu, .. } => {
            step(&mut menu.selected);
        }
        Screen::Guide { focus, .. } => step(focus),
    }
}

/// Opens item `index` of the list on screen.
fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    set_selected(state, index);
    let next = match (state.screen(), state.catalog()) {
        (Screen::Welcome(_), catalog) => match screen::welcome_items()[index] {
            WelcomeItem::Language(lang) => {
                state.lang = lang;
                return vec![];
            }
            WelcomeItem::Browse(audience) => match catalog {
                Some(_) => Screen::Categories { audience, menu: Menu::default() },
                None => {
                    state.notice = Some(match state.catalog {
                        CatalogState::Failed(e) => Notice::Unavailable(e),
                        _ => Notice::StillLoading,
                    });
                    return vec![];
                }
            },
        },
        (Screen::Categories { audience, .. }, Some(c)) => {
            let category = screen::categories(c, *audience)[index].id.clone();
            Screen::Services { category, menu: Menu::default() }
        }
        (Screen::Services { category, .. }, Some(c)) => {
            let service = screen::services(c, category)[index].id.clone();
            Screen::Guide { service, focus: 0 }
        }
        _ => return vec![],
    };
    state.screens.push(next);
    vec![]
}

fn set_selected(state: &mut State, index: usize) {
    if let Some(Screen::Welcome(menu) | Screen::Categories { menu, .. } | Screen::Services { menu, .. }) =
        state.screens.last_mut()
    {
        menu.selected = index;
    }
}

/// Touch screens send clicks: a click on an item chooses it; the wheel scrolls.
fn click(state: &mut State, mouse: MouseEvent) -> Vec<Effect> {
    match mouse.kind {
        MouseEventKind::ScrollUp => act(state, Action::Up),
        MouseEventKind::ScrollDown => act(state, Action::Down),
        MouseEventKind::Down(MouseButton::Left) => {
            let bands = layout::bands(state.size);
            if bands.title.contains((mouse.column, mouse.row).into()) && state.screens.len() > 1 {
                return act(state, Action::Back);
            }
            match menu_of(state) {
                (len, Some(menu)) => MenuLayout::new(bands.body, len)
                    .item_at(mouse.row, len, menu.selected)
                    .map_or_else(Vec::new, |i| choose(state, i)),
                _ => vec![],
            }
        }
        _ => vec![],
    }
}

/// After a catalogue update, drops screens whose category or service is gone.
fn forget_vanished(state: &mut State) {
    let CatalogState::Ready(catalog) = &state.catalog else {
        return;
    };
    let catalog = Arc::clone(catalog);
    let keep = state.screens.iter().take_while(|s| match s {
        Screen::Services { category, .. } => screen::category(&catalog, category).is_some(),
        Screen::Guide { service, .. } => screen::service(&catalog, service).is_some(),
        _ => true,
    });
    let keep = keep.count();
    state.screens.truncate(keep.max(1));
}
