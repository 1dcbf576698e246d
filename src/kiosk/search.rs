//! The search screen: `/` anywhere (or the item on Welcome) opens it; every
//! keystroke searches again; Enter opens the chosen service's guide. With no
//! result, the categories are offered instead, numbered: a digit picks one.

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

/// After a search that found nothing, a digit picks from the numbered list
/// offered instead (1 is the first): its index. None where the digit is
/// text: results are listed, nothing was typed yet, or the query already
/// holds digits (a number being typed, such as 12345).
pub fn offered_pick(state: &State, c: char) -> Option<usize> {
    let Screen::Search { hits, .. } = state.screen() else { return None };
    let query = &state.search.text;
    if !hits.is_empty() || query.trim().is_empty() || query.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let nth = usize::try_from(c.to_digit(10)?.checked_sub(1)?).ok()?;
    (nth < items(state, hits).len()).then_some(nth)
}

/// A typed character that picks from the list offered after a failed
/// search (see `offered_pick`) opens it; None when it is text for the query.
pub fn type_picks(state: &mut State, c: char) -> Option<Vec<Effect>> {
    offered_pick(state, c).map(|nth| choose(state, nth))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::kiosk::{Msg, SessionConfig, update};

    fn searching(query: &str) -> State {
        let size = ratatui::layout::Size { width: 80, height: 24 };
        let mut state = State::new(SessionConfig::default(), size).0;
        let catalog = crate::server::catalog_source::embedded().unwrap();
        state.search_index = Some(Arc::new(crate::search::SearchIndex::build(&catalog)));
        update(&mut state, Msg::CatalogLoaded(Ok(Some(catalog))));
        open(&mut state);
        state.search.insert(query);
        refresh(&mut state);
        state
    }

    #[test]
    fn a_digit_picks_from_the_list_offered_after_a_failed_search() {
        let mut state = searching("zzqqxx");
        assert_eq!(offered_pick(&state, '1'), Some(0));
        assert_eq!(offered_pick(&state, '3'), None, "only two lists are offered");
        assert_eq!(offered_pick(&state, '0'), None);
        type_picks(&mut state, '2');
        assert!(matches!(state.screen(), Screen::Categories { audience: Audience::Business, .. }));
    }

    #[test]
    fn a_digit_is_text_where_results_are_listed_or_a_number_is_being_typed() {
        assert_eq!(offered_pick(&searching("passport"), '1'), None);
        assert_eq!(offered_pick(&searching("zz9"), '1'), None);
        assert_eq!(offered_pick(&searching(""), '1'), None);
    }
}
