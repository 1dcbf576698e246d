//! The search screen: `/` anywhere (or the item on Welcome) opens it; every
//! keystroke searches again; Enter opens the chosen service's guide. With no
//! result, the categories are offered instead.

use super::screen::{Menu, Screen};
use super::{Effect, State, handoff};
use crate::domain::Audience;

/// How many results are kept (a few pages).
const LIMIT: usize = 45;

/// What the search screen lists: results, or with none, the categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchItem {
    Result(usize),
    Browse(Audience),
}

pub fn items(state: &State, hits: &[crate::search::Hit]) -> Vec<SearchItem> {
    if hits.is_empty() && !state.search.text.trim().is_empty() {
        vec![SearchItem::Browse(Audience::Personal), SearchItem::Browse(Audience::Business)]
    } else {
        hits.iter().map(|h| SearchItem::Result(h.service)).collect()
    }
}

pub fn open(state: &mut State) {
    if !matches!(state.screen(), Screen::Search { .. }) {
        state.search.clear();
        state.screens.push(Screen::Search { menu: Menu::default(), hits: vec![], browsing: false });
    }
}

/// The query changed: search again; the focus goes back to the query, the
/// best result chosen.
pub fn refresh(state: &mut State) {
    let hits = match &state.search_index {
        Some(index) => index.search(&state.search.text, LIMIT),
        None => vec![],
    };
    if let Some(Screen::Search { menu, hits: shown, browsing }) = state.screens.last_mut() {
        *shown = hits;
        *menu = Menu::default();
        *browsing = false;
    }
}

/// Opens the chosen result (or category, when nothing was found).
pub fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(Screen::Search { hits, .. }) = state.screens.last() else { return vec![] };
    let Some(item) = items(state, hits).get(index).copied() else { return vec![] };
    match item {
        SearchItem::Result(i) => {
            let Some(service) = state.catalog().and_then(|c| c.services.get(i)).map(|s| s.id.clone()) else {
                return vec![];
            };
            state.screens.push(Screen::Guide { service, focus: 0, qr: false });
            handoff::request(state)
        }
        SearchItem::Browse(audience) if state.catalog().is_some() => {
            state.screens.push(Screen::Categories { audience, menu: Menu::default() });
            vec![]
        }
        SearchItem::Browse(_) => vec![],
    }
}
