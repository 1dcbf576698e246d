//! 政策查询 as `update` does it: the library arriving (from the backend or
//! the disk), the Policies screen's query, filters and list, a document's
//! page and its phone link, and the guide's "Based on" items.

use std::sync::Arc;

use super::*;
use crate::domain::policy::Library;
use crate::domain::{FetchError, Lang};
use crate::kiosk::handoff::QrMatrix;
use crate::kiosk::policies::{self as lib, DocPart, FilterChoice, FilterKind, LinkState, ListItem};
use crate::search::SearchIndex;

/// A fresh library from the backend (`None`: the copy held is current).
pub(super) fn loaded(state: &mut State, result: Result<Option<Library>, FetchError>) -> Vec<Effect> {
    match result {
        Ok(Some(library)) => {
            state.policies.library = Some(Arc::new(library));
            state.policies.failed = None;
            forget_vanished(state);
            refresh_kept(state);
            let mut effects = index_if_new(state);
            effects.push(Effect::Redraw);
            effects
        }
        Ok(None) => vec![],
        // A copy held (even from the disk) stays usable; the next check of
        // the catalogue asks again.
        Err(e) => {
            if state.policies.library.is_none() {
                state.policies.failed = Some(e);
                return vec![Effect::Redraw];
            }
            vec![]
        }
    }
}

pub(super) fn cached(state: &mut State, library: Library) -> Vec<Effect> {
    if state.policies.library.is_none() {
        state.policies.library = Some(Arc::new(library));
        refresh_kept(state);
    }
    index_if_new(state)
}

pub(super) fn index_built(state: &mut State, index: Arc<SearchIndex>) -> Vec<Effect> {
    state.policies.index = Some(index);
    refresh_kept(state);
    vec![Effect::Redraw]
}

fn index_if_new(state: &State) -> Vec<Effect> {
    match &state.policies.library {
        Some(l) if state.policies.index.as_ref().is_none_or(|i| i.version != l.version) => {
            vec![Effect::BuildPolicyIndex(Arc::clone(l))]
        }
        _ => vec![],
    }
}

/// What to ask for when the catalogue is checked: the library too.
pub(super) fn load(state: &State) -> Effect {
    Effect::LoadPolicies { etag: state.policies.library.as_ref().map(|l| l.version.clone()) }
}

/// After an update of the library, drops the pages of documents that are gone.
fn forget_vanished(state: &mut State) {
    let keep = state
        .screens
        .iter()
        .take_while(|s| match s {
            Screen::Policy { id, .. } => lib::policy(state, id).is_some(),
            _ => true,
        })
        .count();
    state.screens.truncate(keep.max(1));
}

/// Welcome's 政策查询: the Policies screen, nothing typed or chosen yet.
pub(super) fn open(state: &mut State) {
    if matches!(state.screen(), Screen::Policies { .. }) {
        return;
    }
    state.policies.query.clear();
    state.policies.filter = lib::Filter::default();
    let found = lib::find(state);
    state.screens.push(Screen::Policies { menu: Menu::default(), found, browsing: false });
}

/// The query changed: find again, the focus back on the query.
pub(super) fn refresh(state: &mut State) {
    let found = lib::find(state);
    if let Some(Screen::Policies { menu, found: shown, browsing }) = state.screens.last_mut() {
        *shown = found;
        *menu = Menu::default();
        *browsing = false;
    }
}

/// The library, its index or a filter changed: find again, the focus where it was.
fn refresh_kept(state: &mut State) {
    let found = lib::find(state);
    for screen in &mut state.screens {
        if let Screen::Policies { menu, found: shown, .. } = screen {
            *shown = found.clone();
            menu.selected = menu.selected.min(lib::list_items(shown).len() - 1);
        }
    }
}

/// Enter, ↑↓ and the page keys on the Policies screen: between the query
/// and the list, as on the search screen.
pub(super) fn form_action(state: &mut State, action: Action) -> Vec<Effect> {
    let by = page(state).unsigned_abs();
    let Some(Screen::Policies { menu, found, browsing }) = state.screens.last_mut() else { return vec![] };
    let len = lib::list_items(found).len();
    match action {
        Action::Up if menu.selected == 0 => *browsing = false,
        Action::Up => menu.selected -= 1,
        Action::Down if !*browsing => *browsing = true,
        Action::Down => menu.selected = (menu.selected + 1).min(len - 1),
        Action::PageUp | Action::PageDown => {
            *browsing = true;
            menu.selected = if action == Action::PageDown {
                (menu.selected + by).min(len - 1)
            } else {
                menu.selected.saturating_sub(by)
            };
        }
        // Enter on the query goes to the first document found.
        Action::Activate if !*browsing => {
            *browsing = true;
            menu.selected = if len > FilterKind::ALL.len() { FilterKind::ALL.len() } else { 0 };
        }
        Action::Activate => {
            let index = menu.selected;
            return choose(state, index);
        }
        _ => {}
    }
    vec![]
}

/// A filter opens its choices; a document opens its page.
pub(super) fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(Screen::Policies { found, menu, browsing }) = state.screens.last_mut() else { return vec![] };
    let Some(item) = lib::list_items(found).get(index).copied() else { return vec![] };
    (menu.selected, *browsing) = (index, true);
    match item {
        ListItem::Filter(kind) => {
            let selected = lib::library(state).map_or(0, |l| {
                let f = &state.policies.filter;
                lib::choices(l, f, kind).iter().position(|c| lib::holds(f, kind, c)).unwrap_or(0)
            });
            state.screens.push(Screen::PolicyFilter { kind, menu: Menu { selected } });
            vec![]
        }
        ListItem::Document(i) => match lib::library(state).and_then(|l| l.policies.get(i)) {
            Some(p) => {
                let id = p.id.clone();
                open_document(state, id)
            }
            None => vec![],
        },
    }
}

/// A filter's choice is taken: back to the list, found again.
pub(super) fn choose_filter(state: &mut State, index: usize) -> Vec<Effect> {
    let Screen::PolicyFilter { kind, .. } = state.screen() else { return vec![] };
    let kind = *kind;
    let Some(choice) = lib::library(state)
        .and_then(|l| lib::choices(l, &state.policies.filter, kind).get(index).cloned().map(owned))
    else {
        return vec![];
    };
    let f = &mut state.policies.filter;
    match (kind, choice) {
        (FilterKind::Issuer, Owned::Text(t)) => f.issuer = t,
        (FilterKind::Year, Owned::Text(y)) => f.year = y,
        (FilterKind::Validity, Owned::Validity(v)) => f.validity = Some(v),
        (FilterKind::Validity, Owned::Text(_)) => f.validity = None,
        _ => {}
    }
    state.screens.pop();
    refresh_kept(state);
    vec![]
}

/// A choice taken out of the library's borrow ("any" is `Text(None)`).
enum Owned {
    Text(Option<String>),
    Validity(crate::domain::policy::Validity),
}

fn owned(choice: FilterChoice) -> Owned {
    match choice {
        FilterChoice::Any => Owned::Text(None),
        FilterChoice::Issuer(t) => Owned::Text(Some(t.get(Lang::ZhCn).to_owned())),
        FilterChoice::Year(y) => Owned::Text(Some(y.to_owned())),
        FilterChoice::Validity(v) => Owned::Validity(v),
    }
}

/// A document's page, and its phone link asked for.
pub(super) fn open_document(state: &mut State, id: String) -> Vec<Effect> {
    if lib::policy(state, &id).is_none() {
        return vec![];
    }
    state.visit.purpose = visit::Purpose::Guide;
    state.screens.push(Screen::Policy { id, focus: 0, qr: false });
    request_link(state)
}

/// Asks for the phone link of the document on screen, in the language shown.
pub(super) fn request_link(state: &mut State) -> Vec<Effect> {
    let Screen::Policy { id, .. } = state.screen() else { return vec![] };
    let (id, lang) = (id.clone(), state.lang);
    state.policies.link = Some(LinkState { id: id.clone(), lang, link: Remote::Loading });
    vec![Effect::LoadPolicyLink { id, lang }]
}

pub(super) fn link_created(state: &mut State, id: &str, lang: Lang, result: Result<String, FetchError>) {
    let Some(link) = state.policies.link.as_mut() else { return };
    // Only the answer to the latest request counts.
    if link.id != id || link.lang != lang || !matches!(link.link, Remote::Loading) {
        return;
    }
    link.link = match result {
        Ok(url) => {
            let qr = QrMatrix::new(&url);
            Remote::Ready((url, qr))
        }
        Err(e) => Remote::Failed(e),
    };
}

/// Enter on an item that opens something: a "Based on" document in a
/// guide, a replacement or a governed service on a document's page. None
/// where Enter means something else (a guide's booking).
pub(super) fn activate(state: &mut State) -> Option<Vec<Effect>> {
    match state.screen() {
        Screen::Guide { service, focus, .. } => {
            let s = state.service(service)?;
            let parts = screen::guide_parts_with(s, lib::based_on(state, service).len());
            let screen::GuidePart::BasedOn(i) = parts.get(*focus)? else { return None };
            let id = lib::based_on(state, service).get(*i)?.id.clone();
            Some(open_document(state, id))
        }
        Screen::Policy { id, focus, .. } => {
            let Some(p) = lib::policy(state, id) else { return Some(vec![]) };
            let opens = match lib::doc_parts(state, p).get(*focus) {
                Some(DocPart::Replacement) => lib::library(state)
                    .and_then(|l| l.current_replacement(p))
                    .map(|r| Opens::Doc(r.id.clone())),
                Some(DocPart::Service(i)) => {
                    lib::governed(state, p).get(*i).map(|s| Opens::Guide(s.id.clone()))
                }
                _ => None,
            };
            Some(match opens {
                Some(Opens::Doc(id)) => open_document(state, id),
                Some(Opens::Guide(service)) => {
                    state.screens.push(Screen::Guide { service, focus: 0, qr: false });
                    handoff::request(state)
                }
                None => vec![],
            })
        }
        _ => None,
    }
}

enum Opens {
    Doc(String),
    Guide(String),
}

/// Parts on the page of the document on screen.
pub(super) fn parts_len(state: &State, id: &str) -> usize {
    lib::policy(state, id).map_or(0, |p| lib::doc_parts(state, p).len())
}

/// A filter's choices, for its list.
pub(super) fn choices_len(state: &State, kind: FilterKind) -> usize {
    lib::library(state).map_or(0, |l| lib::choices(l, &state.policies.filter, kind).len())
}
