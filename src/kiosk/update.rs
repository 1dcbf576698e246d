//! `update`: the only place the state changes. Synchronous and deterministic.

use std::sync::Arc;

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::keymap::{self, Action};
use super::layout::{self, MenuLayout};
use super::screen::{self, Menu, Screen, WelcomeItem};
use super::typing::{self, Outcome};
use super::{
    CatalogState, Effect, Msg, Notice, State, booking, handoff, idle, keybar, lookup, search, staff,
};
use crate::domain::IdKind;

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    if matches!(msg, Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_)) {
        state.announce = false;
    }
    let before = state.notice.clone();
    let effects = apply(state, msg);
    typing::follow_focus(state);
    // A new message is announced: in screen-reader mode the cursor moves to it.
    if state.notice.is_some() && state.notice != before {
        state.announce = true;
    }
    effects
}

fn apply(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) if state.idle_warning => {
            // Any input means "still here": it only dismisses the warning.
            state.idle_warning = false;
            state.last_input_ms = state.now_ms;
            vec![]
        }
        Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) if state.now_ms < state.input_guard_until_ms => {
            state.last_input_ms = state.now_ms;
            vec![]
        }
        Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) if !state.fits() => {
            // The screen only asks for a bigger window: nothing may happen
            // unseen, but the quit keys still quit.
            state.last_input_ms = state.now_ms;
            match msg {
                Msg::Key(key) if key_action(state, &key) == Some(Action::Quit) => act(state, Action::Quit),
                _ => vec![],
            }
        }
        Msg::Key(key) => {
            state.last_input_ms = state.now_ms;
            if state.config.staff_key.is_some_and(|chord| keymap::is_chord(&key, chord)) {
                staff::open_prompt(state);
                return vec![];
            }
            if typing::visible(state)
                && let Some(outcomes) = typing::key(state, &key)
            {
                return carry_out(state, outcomes);
            }
            key_action(state, &key).map_or_else(Vec::new, |a| act(state, a))
        }
        Msg::Mouse(mouse) => {
            state.last_input_ms = state.now_ms;
            let effects = click(state, mouse);
            // A tap means a touch screen: with `kiosk.touch = "auto"` the
            // keyboard shows from now on (after the tap, which was aimed at
            // the screen as it was).
            if matches!(mouse.kind, MouseEventKind::Down(_)) {
                state.keyboard.touched = true;
            }
            effects
        }
        Msg::Paste(text) => {
            state.last_input_ms = state.now_ms;
            type_text(state, &text);
            vec![]
        }
        Msg::Resize(size) => {
            state.size = size;
            vec![]
        }
        Msg::Repaint => vec![Effect::Redraw],
        Msg::Tick(now) => {
            let before = std::mem::replace(&mut state.now_ms, now);
            let mut effects = booking::tick(state, before);
            effects.extend(idle::tick(state));
            effects.extend(check_catalog_when_due(state));
            let lock_changed =
                staff::locked_minutes(&state.staff, before) != staff::locked_minutes(&state.staff, now);
            if lock_changed && matches!(state.screen(), Screen::StaffPin { .. }) {
                effects.push(Effect::Redraw);
            }
            effects
        }
        Msg::CatalogCached(catalog) => {
            if !matches!(state.catalog, CatalogState::Ready(_)) {
                state.catalog = CatalogState::Ready(Arc::new(catalog));
                if matches!(state.notice, Some(Notice::StillLoading)) {
                    state.notice = None;
                }
            }
            index_if_new(state)
        }
        Msg::IndexBuilt(index) => {
            state.search_index = Some(index);
            search::refresh(state);
            vec![Effect::Redraw]
        }
        Msg::CatalogLoaded(Ok(fresh)) => {
            // A check that finds nothing new changes nothing on screen.
            let mut changed = fresh.is_some() || state.online != Some(true);
            if let Some(catalog) = fresh {
                state.catalog = CatalogState::Ready(Arc::new(catalog));
                forget_vanished(state);
            }
            state.online = Some(true);
            state.catalog_check_at_ms = Some(state.now_ms + state.config.catalog_refresh_ms);
            state.backoff_ms = super::FIRST_BACKOFF_MS;
            if matches!(
                state.notice,
                Some(Notice::Unavailable(_) | Notice::StillLoading | Notice::BookingOffline)
            ) {
                state.notice = None;
                changed = true;
            }
            let mut effects = index_if_new(state);
            if changed {
                effects.push(Effect::Redraw);
            }
            effects
        }
        Msg::CatalogLoaded(Err(e)) => {
            // A copy already on screen (even from the disk cache) stays
            // usable; the kiosk says it is offline and tries again later.
            if !matches!(state.catalog, CatalogState::Ready(_)) {
                state.catalog = CatalogState::Failed(e);
            }
            state.online = Some(false);
            state.catalog_check_at_ms = Some(state.now_ms + state.backoff_ms);
            state.backoff_ms = (state.backoff_ms * 2).min(super::MAX_BACKOFF_MS);
            state.notice = Some(Notice::Unavailable(e));
            vec![Effect::Redraw]
        }
        Msg::PinChecked(ok) => staff::checked(state, ok),
        Msg::StaffInfoLoaded(result) => {
            staff::info_loaded(state, result);
            vec![]
        }
        Msg::ConfigReloaded(result) => {
            staff::reloaded(state, result);
            vec![Effect::Redraw]
        }
        Msg::DaysLoaded(result) => {
            booking::days_loaded(state, result);
            vec![]
        }
        Msg::SlotsLoaded(result) => {
            booking::slots_loaded(state, result);
            vec![]
        }
        Msg::HoldPlaced(result) => booking::hold_placed(state, result),
        Msg::HoldExtended(result) => booking::hold_extended(state, result),
        Msg::BookingConfirmed(result) => booking::confirmed(state, result),
        Msg::BookingFound(result) => {
            lookup::found(state, result);
            vec![]
        }
        Msg::BookingCancelled(result) => {
            lookup::cancelled(state, result);
            vec![]
        }
        Msg::HandoffCreated { lang, result } => {
            handoff::created(state, lang, result);
            vec![]
        }
    }
}

/// What a key means on the screen shown: where the citizen types, letters are text.
fn key_action(state: &State, key: &crossterm::event::KeyEvent) -> Option<Action> {
    if state.screen().takes_text() { keymap::text_action(key) } else { keymap::action(key) }
}

/// A new catalogue (version) needs a new search index.
fn index_if_new(state: &State) -> Vec<Effect> {
    match &state.catalog {
        CatalogState::Ready(c) if state.search_index.as_ref().is_none_or(|i| i.version != c.version) => {
            vec![Effect::BuildIndex(Arc::clone(c))]
        }
        _ => vec![],
    }
}

/// Asks for the catalogue again when due: after a back-off while the
/// backend is unreachable, or to look for a newer one.
fn check_catalog_when_due(state: &mut State) -> Vec<Effect> {
    match state.catalog_check_at_ms {
        Some(at) if state.now_ms >= at => {
            state.catalog_check_at_ms = None;
            let etag = state.catalog().map(|c| c.version.clone());
            vec![Effect::LoadCatalog { etag }]
        }
        _ => vec![],
    }
}

fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let deeper = state.screens.len() > 1;
    let mut effects = act_on(state, action);
    if deeper && state.screens.len() == 1 {
        effects.extend(forget_citizen(state));
    }
    effects
}

/// Arriving back at the start (Home, or Back all the way), nothing of the last
/// citizen's stays for the next: what they typed is wiped (text fields zero
/// their memory when dropped) and a held place goes back.
fn forget_citizen(state: &mut State) -> Vec<Effect> {
    let effects = booking::release_hold(state);
    state.draft = None;
    state.lookup = lookup::LookupForm::default();
    state.search.clear();
    effects
}

fn act_on(state: &mut State, action: Action) -> Vec<Effect> {
    // A message stays until the next key; a lost connection stays until it comes back.
    state.notice = state.notice.take().filter(|n| matches!(n, Notice::Unavailable(_)));
    // On the search screen, a text key while a result is chosen first brings
    // the focus back to the query, the caret at its end; a key that only
    // moves the caret does no more than that.
    let edits = matches!(action, Action::Type(_) | Action::Erase | Action::Delete);
    let moves = matches!(action, Action::Left | Action::Right | Action::Start | Action::End);
    let refocused = (edits || moves) && back_to_query(state);
    if refocused && moves {
        return vec![];
    }
    match action {
        Action::Quit if !state.config.lockdown => vec![Effect::EndSession],
        Action::Quit => vec![],
        Action::SwitchLanguage => {
            state.lang = state.lang.next();
            // The phone page speaks the language chosen.
            handoff::request(state)
        }
        Action::Search => {
            search::open(state);
            vec![]
        }
        Action::Keyboard => {
            typing::toggle(state);
            vec![]
        }
        Action::KeepPlace => booking::keep_longer(state),
        Action::Phone => {
            if let Some(Screen::Guide { qr, .. } | Screen::BookDone { qr, .. }) = state.screens.last_mut() {
                *qr = !*qr;
            }
            vec![]
        }
        Action::Home => {
            state.screens.truncate(1);
            vec![]
        }
        Action::Back => back(state),
        Action::Retry => retry(state),
        Action::Type(c) => {
            type_text(state, c.encode_utf8(&mut [0; 4]));
            vec![]
        }
        Action::Erase => {
            edit_focused(state, |f| f.erase());
            vec![]
        }
        Action::Delete => {
            edit_focused(state, |f| f.delete());
            vec![]
        }
        Action::Left | Action::Right => {
            let right = action == Action::Right;
            if !cycle_id_kind(state, right) {
                edit_field(state, false, |f| f.step(if right { 1 } else { -1 }));
            }
            vec![]
        }
        Action::Start | Action::End => {
            edit_field(state, false, |f| f.jump(action == Action::End));
            vec![]
        }
        _ if state.screen().takes_text() => form_action(state, action),
        Action::Up => move_focus(state, -1),
        Action::Down => move_focus(state, 1),
        Action::PageUp => move_focus(state, -page(state)),
        Action::PageDown => move_focus(state, page(state)),
        Action::Pick(n) => {
            let (len, menu) = menu_of(state);
            if let Some(menu) = menu {
                let layout = MenuLayout::new(
                    layout::menu_area(state.screen(), layout::bands(state).body),
                    len,
                    state.page_limit(),
                );
                let index = layout.page_start(menu.selected) + n;
                if n < layout.page_size && index < len {
                    return choose(state, index);
                }
            }
            vec![]
        }
        Action::Activate => match (state.screen(), menu_of(state)) {
            (Screen::Guide { .. }, _) if state.online == Some(false) => {
                state.notice = Some(Notice::BookingOffline);
                vec![]
            }
            (Screen::Guide { service, .. }, _) => {
                let service = service.clone();
                booking::start(state, &service)
            }
            (_, (_, Some(menu))) => choose(state, menu.selected),
            _ => vec![],
        },
    }
}

/// One step back; leaving the details page gives the held place back. A
/// QR code shown over its guide or confirmation is a step of its own.
fn back(state: &mut State) -> Vec<Effect> {
    if let Some(Screen::Guide { qr, .. } | Screen::BookDone { qr, .. }) = state.screens.last_mut()
        && *qr
    {
        *qr = false;
        return vec![];
    }
    if state.screens.len() <= 1 {
        return vec![];
    }
    let left = state.screens.pop();
    let mut effects = vec![];
    match left {
        Some(Screen::BookDetails { back_to_check: false, .. }) => {
            effects = booking::release_hold(state);
            effects.extend(booking::load_slots(state));
            if let Some(Screen::BookSlot { slots, .. }) = state.screens.last_mut() {
                *slots = super::Remote::Loading;
            }
        }
        Some(Screen::BookDate { .. } | Screen::BookHall(_)) if !in_booking(state) => state.draft = None,
        _ => {}
    }
    effects
}

fn in_booking(state: &State) -> bool {
    state.screens.iter().any(|s| matches!(s, Screen::BookHall(_) | Screen::BookDate { .. }))
}

fn retry(state: &mut State) -> Vec<Effect> {
    if let CatalogState::Failed(_) = state.catalog {
        state.catalog = CatalogState::Loading;
        state.notice = None;
        return vec![Effect::LoadCatalog { etag: None }];
    }
    match state.screens.last_mut() {
        Some(Screen::BookDate { days, .. }) if matches!(days, super::Remote::Failed(_)) => {
            *days = super::Remote::Loading;
            booking::load_days(state)
        }
        Some(Screen::BookSlot { slots, .. }) if matches!(slots, super::Remote::Failed(_)) => {
            *slots = super::Remote::Loading;
            booking::load_slots(state)
        }
        _ => vec![],
    }
}

/// Enter, Up and Down on a form.
fn form_action(state: &mut State, action: Action) -> Vec<Effect> {
    match state.screens.last_mut() {
        Some(Screen::BookDetails { focus, back_to_check, .. }) => {
            let fields = booking::Field::ALL;
            let i = fields.iter().position(|f| f == focus).unwrap_or(0);
            match action {
                Action::Up => *focus = fields[i.saturating_sub(1)],
                Action::Down => *focus = fields[(i + 1).min(fields.len() - 1)],
                // Enter on a good field goes to the next one; after "change"
                // on the check page it goes straight back there.
                Action::Activate
                    if !*back_to_check
                        && i + 1 < fields.len()
                        && state
                            .draft
                            .as_ref()
                            .is_some_and(|d| d.details.problems().iter().all(|(f, _)| f != focus)) =>
                {
                    *focus = fields[i + 1]
                }
                Action::Activate => return booking::submit_details(state),
                _ => {}
            }
            vec![]
        }
        Some(Screen::Search { .. }) => {
            let (len, by) = (menu_of(state).0, page(state).unsigned_abs());
            let Some(Screen::Search { menu, browsing, .. }) = state.screens.last_mut() else { return vec![] };
            match action {
                // ↑ from the first result goes back to the query.
                Action::Up if menu.selected == 0 => *browsing = false,
                Action::Up => menu.selected -= 1,
                Action::Down if !*browsing && len > 0 => *browsing = true,
                Action::Down => menu.selected = (menu.selected + 1).min(len.saturating_sub(1)),
                // A page of results; the focus goes to them.
                Action::PageUp | Action::PageDown if len > 0 => {
                    *browsing = true;
                    menu.selected = if action == Action::PageDown {
                        (menu.selected + by).min(len - 1)
                    } else {
                        menu.selected.saturating_sub(by)
                    };
                }
                Action::Activate => {
                    let index = menu.selected;
                    return search::choose(state, index);
                }
                _ => {}
            }
            vec![]
        }
        Some(Screen::StaffPin { .. }) => match action {
            Action::Activate => staff::submit(state),
            _ => vec![],
        },
        Some(Screen::Lookup { focus, .. }) => {
            match action {
                Action::Up => *focus = lookup::LookupField::Code,
                Action::Down => *focus = lookup::LookupField::PhoneLast4,
                Action::Activate if *focus == lookup::LookupField::Code => {
                    *focus = lookup::LookupField::PhoneLast4;
                }
                Action::Activate => return lookup::submit(state),
                _ => {}
            }
            vec![]
        }
        _ => vec![],
    }
}

/// What the keyboard's keys do to the field, done as the same keys typed would.
fn carry_out(state: &mut State, outcomes: Vec<Outcome>) -> Vec<Effect> {
    let mut effects = vec![];
    for outcome in outcomes {
        match outcome {
            Outcome::Type(text) => text.chars().for_each(|c| effects.extend(act(state, Action::Type(c)))),
            Outcome::Act(action) => effects.extend(act(state, action)),
            Outcome::ClearField => edit_focused(state, |f| f.clear()),
        }
    }
    effects
}

/// Typed or pasted text goes to the focused field.
fn type_text(state: &mut State, text: &str) {
    edit_focused(state, |f| f.insert(text));
}

/// Search: from the results back to the query, the caret at its end; false
/// when the focus was already there (or this is not the search screen).
fn back_to_query(state: &mut State) -> bool {
    let Some(Screen::Search { browsing: browsing @ true, .. }) = state.screens.last_mut() else {
        return false;
    };
    *browsing = false;
    state.search.jump(true);
    true
}

/// Edits the focused field; the search screen searches again.
fn edit_focused(state: &mut State, edit: impl FnOnce(&mut super::form::TextField)) {
    edit_field(state, true, edit);
    if matches!(state.screen(), Screen::Search { .. }) {
        search::refresh(state);
    }
}

/// Applies `edit` to the focused text field; `changes_text` is false for a
/// move of the caret, which leaves the answers (and the request they make) as
/// they were.
fn edit_field(state: &mut State, changes_text: bool, edit: impl FnOnce(&mut super::form::TextField)) {
    match state.screens.last() {
        Some(Screen::BookDetails { focus, .. }) => {
            let focus = *focus;
            if let Some(d) = state.draft.as_mut()
                && let Some(field) = d.details.field_mut(focus)
            {
                edit(field);
                d.revision += u32::from(changes_text);
            }
        }
        Some(Screen::Lookup { focus, .. }) => edit(state.lookup.field_mut(*focus)),
        Some(Screen::StaffPin { .. }) => edit(&mut state.staff.pin),
        Some(Screen::Search { .. }) => edit(&mut state.search),
        _ => {}
    }
}

/// On the document type, ←→ change it; false elsewhere.
fn cycle_id_kind(state: &mut State, forward: bool) -> bool {
    let Some(Screen::BookDetails { focus: booking::Field::IdKind, errors, .. }) = state.screens.last_mut()
    else {
        return false;
    };
    if let Some(d) = state.draft.as_mut() {
        let kinds = IdKind::ALL;
        let i = kinds.iter().position(|k| *k == d.details.id_kind).unwrap_or(0);
        let n = kinds.len();
        d.details.id_kind = kinds[if forward { (i + 1) % n } else { (i + n - 1) % n }];
        d.revision += 1;
        // What was wrong with the number was judged for the other kind.
        errors.retain(|(field, _)| *field != booking::Field::IdNumber);
    }
    true
}

/// How many items the list on screen has, and its menu (None where there is no list).
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
            (state.service(service).map_or(0, |s| screen::guide_parts(s).len()), None)
        }
        Screen::BookHall(menu) => (booking::halls(state).len(), Some(*menu)),
        Screen::BookDate { menu, days } => (ready_len(days, |d| d.days.len()), Some(*menu)),
        Screen::BookSlot { menu, slots, .. } => (ready_len(slots, |s| s.slots.len()), Some(*menu)),
        Screen::BookCheck { menu, .. } => (booking::CHECK_ITEMS.len(), Some(*menu)),
        Screen::LookupResult { booking, menu, confirming, .. } => {
            (lookup::result_items(booking, *confirming).len(), Some(*menu))
        }
        Screen::Staff { menu, .. } => (staff::ITEMS.len(), Some(*menu)),
        Screen::Search { menu, hits, .. } => (search::items(state, hits).len(), Some(*menu)),
        Screen::BookDetails { .. }
        | Screen::Lookup { .. }
        | Screen::BookDone { .. }
        | Screen::StaffPin { .. } => (0, None),
    }
}

fn ready_len<T>(remote: &super::Remote<T>, len: impl Fn(&T) -> usize) -> usize {
    match remote {
        super::Remote::Ready(t) => len(t),
        _ => 0,
    }
}

fn page(state: &State) -> isize {
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

fn move_focus(state: &mut State, by: isize) -> Vec<Effect> {
    let (len, _) = menu_of(state);
    let last = len.saturating_sub(1);
    let step = |i: &mut usize| *i = i.saturating_add_signed(by).min(last);
    match state.screens.last_mut().expect("Welcome is never popped") {
        Screen::Guide { focus, .. } => step(focus),
        screen => {
            if let Some(menu) = menu_mut(screen) {
                step(&mut menu.selected);
            }
        }
    }
    vec![]
}

fn menu_mut(screen: &mut Screen) -> Option<&mut Menu> {
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
        | Screen::Search { menu, .. } => Some(menu),
        _ => None,
    }
}

/// Opens item `index` of the list on screen.
fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    if let Some(menu) = state.screens.last_mut().and_then(menu_mut) {
        menu.selected = index;
    }
    let next = match (state.screen(), state.catalog()) {
        (Screen::Welcome(_), catalog) => match screen::welcome_items()[index] {
            WelcomeItem::Language(lang) => {
                state.lang = lang;
                return vec![];
            }
            WelcomeItem::MyBooking => {
                lookup::open(state);
                return vec![];
            }
            WelcomeItem::Search => {
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
            state.screens.push(Screen::Guide { service, focus: 0, qr: false });
            return handoff::request(state);
        }
        (Screen::BookHall(_), _) => return booking::choose_hall(state, index),
        (Screen::BookDate { .. }, _) => return booking::choose_date(state, index),
        (Screen::BookSlot { .. }, _) => return booking::choose_slot(state, index),
        (Screen::BookCheck { .. }, _) => return booking::choose_check(state, index),
        (Screen::LookupResult { .. }, _) => return lookup::choose(state, index),
        (Screen::Staff { .. }, _) => return staff::choose(state, index),
        (Screen::Search { .. }, _) => return search::choose(state, index),
        _ => return vec![],
    };
    state.screens.push(next);
    vec![]
}

/// Touch screens send clicks: a click on an item chooses it; the wheel scrolls.
fn click(state: &mut State, mouse: MouseEvent) -> Vec<Effect> {
    match mouse.kind {
        MouseEventKind::ScrollUp => act(state, Action::Up),
        MouseEventKind::ScrollDown => act(state, Action::Down),
        MouseEventKind::Down(MouseButton::Left) if let Some(button) = on_button(state, mouse) => {
            act(state, button)
        }
        MouseEventKind::Down(MouseButton::Left)
            if let Some(hint) = keybar::at(state, mouse.column, mouse.row) =>
        {
            act(state, hint)
        }
        MouseEventKind::Down(MouseButton::Left)
            if let Some(outcomes) = typing::tap(state, mouse.column, mouse.row) =>
        {
            carry_out(state, outcomes)
        }
        MouseEventKind::Down(MouseButton::Left)
            if layout::form_top(state.screen(), layout::bands(state).body).is_some() =>
        {
            focus_field_at(state, mouse.row);
            vec![]
        }
        MouseEventKind::Down(MouseButton::Left) => match menu_of(state) {
            (len, Some(menu)) => MenuLayout::new(
                layout::menu_area(state.screen(), layout::bands(state).body),
                len,
                state.page_limit(),
            )
            .item_at(mouse.row, len, menu.selected)
            .map_or_else(Vec::new, |i| choose(state, i)),
            _ => vec![],
        },
        _ => vec![],
    }
}

/// The Back or Home button under a click, if any (there are none on Welcome).
fn on_button(state: &State, mouse: MouseEvent) -> Option<Action> {
    if state.screens.len() <= 1 {
        return None;
    }
    let (back, home) = layout::buttons(state.size);
    let at = (mouse.column, mouse.row).into();
    if back.contains(at) {
        Some(Action::Back)
    } else if home.contains(at) {
        Some(Action::Home)
    } else {
        None
    }
}

/// A tap on a form field's label or value focuses it.
fn focus_field_at(state: &mut State, row: u16) {
    let Some((top, first)) = layout::form_window(state, layout::bands(state).body) else { return };
    let pitch = layout::field_pitch(state);
    // The label or the value row (not the blank row between fields).
    let Some(index) = row.checked_sub(top).filter(|r| r % pitch < 2).map(|r| first + (r / pitch) as usize)
    else {
        return;
    };
    match state.screens.last_mut() {
        Some(Screen::BookDetails { focus, .. }) => {
            if let Some(f) = booking::Field::ALL.get(index) {
                *focus = *f;
            }
        }
        Some(Screen::Lookup { focus, .. }) => {
            if let Some(f) = lookup::LookupField::ALL.get(index) {
                *focus = *f;
            }
        }
        _ => {}
    }
}

/// After a catalogue update, drops screens whose category or service is gone.
fn forget_vanished(state: &mut State) {
    let CatalogState::Ready(catalog) = &state.catalog else { return };
    let catalog = Arc::clone(catalog);
    let keep = state
        .screens
        .iter()
        .take_while(|s| match s {
            Screen::Services { category, .. } => screen::category(&catalog, category).is_some(),
            Screen::Guide { service, .. } => screen::service(&catalog, service).is_some(),
            _ => true,
        })
        .count();
    state.screens.truncate(keep.max(1));
}
