//! Lists: how many items a screen offers, moving the focus, opening one.

use super::*;

/// How many items the list on screen has, and its menu (None where there is no list).
pub(super) fn menu_of(state: &State) -> (usize, Option<Menu>) {
    let catalog = state.catalog();
    match state.screen() {
        Screen::Welcome(menu) => (screen::welcome_items().len(), Some(*menu)),
        Screen::Categories { audience, menu } => {
            (catalog.map_or(0, |c| screen::categories(c, *audience).len()), Some(*menu))
        }
        Screen::Services { category, menu } => {
            (catalog.map_or(0, |c| screen::services(c, category).len()), Some(*menu))
        }
        Screen::Guide { service, .. } => (
            state.service(service).map_or(0, |s| {
                screen::guide_parts_with(s, crate::kiosk::policies::based_on(state, service).len()).len()
            }),
            None,
        ),
        Screen::BookHall(menu) => (booking::halls(state).len(), Some(*menu)),
        Screen::BookDate { menu, days } => (ready_len(days, |d| d.days.len()), Some(*menu)),
        Screen::BookSlot { menu, slots, .. } => (ready_len(slots, |s| s.slots.len()), Some(*menu)),
        Screen::BookCheck { menu, .. } => (booking::check_items(state).len(), Some(*menu)),
        Screen::LookupResult { booking, menu, confirming, .. } => {
            (lookup::result_items(booking, *confirming).len(), Some(*menu))
        }
        Screen::Staff { .. } => staff::menu_of(state.screen()),
        Screen::Search { menu, hits, .. } => (search::items(state, hits).len(), Some(*menu)),
        Screen::TakeNumber(menu) => (visit::start_items(state).len(), Some(*menu)),
        Screen::Priority { menu, .. } => (ticket::priority_len(state), Some(*menu)),
        Screen::Policies { menu, found, .. } => {
            (crate::kiosk::policies::list_items(found).len(), Some(*menu))
        }
        Screen::PolicyFilter { kind, menu } => (policies::choices_len(state, *kind), Some(*menu)),
        Screen::Policy { id, .. } => (policies::parts_len(state, id), None),
        Screen::Rating(
            crate::kiosk::rating::RateStep::Service(menu)
            | crate::kiosk::rating::RateStep::Level(menu)
            | crate::kiosk::rating::RateStep::Reason(menu),
        )
        | Screen::Report(crate::kiosk::report::ReportStep::What(menu)) => {
            (super::rating::menu_len(state), Some(*menu))
        }
        Screen::Rating(_) | Screen::Report(_) => (0, None),
        Screen::BookDetails { .. }
        | Screen::Lookup { .. }
        | Screen::BookDone { .. }
        | Screen::Ticket { .. }
        | Screen::StaffPin { .. } => (0, None),
    }
}

pub(super) fn ready_len<T>(remote: &Remote<T>, len: impl Fn(&T) -> usize) -> usize {
    match remote {
        Remote::Ready(t) => len(t),
        _ => 0,
    }
}

pub(super) fn page(state: &State) -> isize {
    match menu_of(state) {
        (len, Some(_)) => {
            MenuLayout::new(
                layout::menu_area(state.screen(), layout::bands(state).body),
                len,
                state.page_limit(),
            )
            .page_size as isize
        }
        (_, None) => 3,
    }
}

pub(super) fn move_focus(state: &mut State, by: isize) -> Vec<Effect> {
    let (len, _) = menu_of(state);
    let last = len.saturating_sub(1);
    let step = |i: &mut usize| *i = i.saturating_add_signed(by).min(last);
    match state.screens.last_mut().expect("Welcome is never popped") {
        Screen::Guide { focus, .. } | Screen::Policy { focus, .. } => step(focus),
        screen => {
            if let Some(menu) = menu_mut(screen) {
                step(&mut menu.selected);
            }
        }
    }
    vec![]
}

pub(super) fn menu_mut(screen: &mut Screen) -> Option<&mut Menu> {
    match screen {
        Screen::Welcome(menu)
        | Screen::Categories { menu, .. }
        | Screen::Services { menu, .. }
        | Screen::BookHall(menu)
        | Screen::BookDate { menu, .. }
        | Screen::BookSlot { menu, .. }
        | Screen::BookCheck { menu, .. }
        | Screen::LookupResult { menu, .. }
        | Screen::Staff { menu, .. }
        | Screen::Search { menu, .. }
        | Screen::TakeNumber(menu)
        | Screen::Priority { menu, .. }
        | Screen::Policies { menu, .. }
        | Screen::PolicyFilter { menu, .. }
        | Screen::Rating(
            crate::kiosk::rating::RateStep::Service(menu)
            | crate::kiosk::rating::RateStep::Level(menu)
            | crate::kiosk::rating::RateStep::Reason(menu),
        )
        | Screen::Report(crate::kiosk::report::ReportStep::What(menu)) => Some(menu),
        _ => None,
    }
}

/// Opens item `index` of the list on screen.
pub(super) fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    if let Some(menu) = state.screens.last_mut().and_then(menu_mut) {
        menu.selected = index;
    }
    let next = match (state.screen(), state.catalog()) {
        (Screen::Welcome(_), catalog) => match screen::welcome_items()[index] {
            WelcomeItem::TakeNumber => return visit::open_take_number(state),
            WelcomeItem::CheckIn => return visit::open_check_in(state),
            WelcomeItem::Rate => return super::super::rating::open(state),
            WelcomeItem::Language(lang) => {
                state.lang = lang;
                return vec![];
            }
            WelcomeItem::MyBooking => {
                state.visit.purpose = visit::Purpose::Guide;
                lookup::open(state);
                return vec![];
            }
            WelcomeItem::Search => {
                state.visit.purpose = visit::Purpose::Guide;
                search::open(state);
                return vec![];
            }
            WelcomeItem::Elderly => {
                state.elderly = !state.elderly;
                return vec![];
            }
            WelcomeItem::ScreenReader => {
                state.screen_reader = !state.screen_reader;
                return vec![];
            }
            WelcomeItem::Policies => {
                policies::open(state);
                return vec![];
            }
            WelcomeItem::Browse(audience) => match catalog {
                Some(_) => {
                    state.visit.purpose = visit::Purpose::Guide;
                    Screen::Categories { audience, menu: Menu::default() }
                }
                None => {
                    // Nothing to open: say why, rather than leave the key unanswered.
                    state.notice = Some(match state.catalog {
                        CatalogState::Failed(e) => Notice::NothingToOpen(e),
                        _ => Notice::StillLoading,
                    });
                    return vec![];
                }
            },
        },
        (Screen::TakeNumber(_), _) => return visit::choose_start(state, index),
        (Screen::Priority { .. }, _) => return ticket::choose_priority(state, index),
        (Screen::Categories { audience, .. }, Some(c)) => {
            let category = screen::categories(c, *audience)[index].id.clone();
            Screen::Services { category, menu: Menu::default() }
        }
        (Screen::Services { category, .. }, Some(c)) => {
            let service = screen::services(c, category)[index].id.clone();
            if let Some(effects) = ticket::service_chosen(state, &service) {
                return effects;
            }
            state.screens.push(Screen::Guide { service, focus: 0, qr: false });
            return handoff::request(state);
        }
        (Screen::BookHall(_), _) => return booking::choose_hall(state, index),
        (Screen::BookDate { .. }, _) => return booking::choose_date(state, index),
        (Screen::BookSlot { .. }, _) => return booking::choose_slot(state, index),
        (Screen::BookCheck { .. }, _) => return booking::choose_check(state, index),
        (Screen::LookupResult { .. }, _) => return lookup::choose(state, index),
        (Screen::Staff { .. }, _) => return staff::choose(state, index),
        (Screen::Search { .. }, _) => return choose_found(state, index),
        (Screen::Policies { .. }, _) => return policies::choose(state, index),
        (Screen::PolicyFilter { .. }, _) => return policies::choose_filter(state, index),
        (Screen::Rating(_) | Screen::Report(_), _) => return super::rating::choose(state, index),
        _ => return vec![],
    };
    state.screens.push(next);
    vec![]
}

/// A search result opens its guide, or when the search is for a number,
/// takes it for that service.
pub(super) fn choose_found(state: &mut State, index: usize) -> Vec<Effect> {
    let Screen::Search { hits, .. } = state.screen() else { return vec![] };
    let found = match search::items(state, hits).get(index) {
        Some(search::SearchItem::Result(i)) => {
            state.catalog().and_then(|c| c.services.get(*i)).map(|s| s.id.clone())
        }
        _ => None,
    };
    if let Some(service) = found
        && let Some(effects) = ticket::service_chosen(state, &service)
    {
        return effects;
    }
    search::choose(state, index)
}
