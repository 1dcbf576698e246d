//! Booking an appointment: hall → date → time slot (held) → details →
//! check your answers → confirmation. The answers live in a `Draft` that
//! survives going back and forth, network errors and retries.

use super::form::TextField;
use super::screen::{Menu, Screen};
use super::{Effect, Notice, Remote, State};
use crate::domain::{
    Booking, BookingFailure, BookingRequest, Days, FieldError, Hold, IdKind, Slot, Slots, person,
};

/// The fields of the details page, in order. The company comes last, and
/// only for a service that asks for it: the fields a page shows are always
/// the first of these, so a row's place is its field's place here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Phone,
    IdKind,
    IdNumber,
    /// 企业名称, where the service asks (`booking_fields`).
    Company,
}

impl Field {
    pub const ALL: [Field; 5] = [Field::Name, Field::Phone, Field::IdKind, Field::IdNumber, Field::Company];
}

/// Whether the draft's service asks for the company's name.
pub fn asks_company(state: &State) -> bool {
    state
        .draft
        .as_ref()
        .and_then(|d| state.service(&d.service))
        .is_some_and(|s| s.asks(crate::domain::BookingField::Company))
}

/// The fields the details page shows for the draft's service, in order.
pub fn fields(state: &State) -> &'static [Field] {
    if asks_company(state) { &Field::ALL } else { &Field::ALL[..4] }
}

/// What the citizen types. Dropped (and wiped) when the session resets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub name: TextField,
    pub phone: TextField,
    pub id_kind: IdKind,
    pub id_number: TextField,
    /// Asked only where the service wants it; kept (like the rest) until
    /// the session resets, so a citizen booking twice types it once.
    pub company: TextField,
}

impl Default for Details {
    fn default() -> Details {
        Details {
            name: TextField::new(40),
            phone: TextField::phone(20),
            id_kind: IdKind::ResidentId,
            id_number: TextField::new(20),
            company: TextField::new(person::COMPANY_MAX),
        }
    }
}

impl Details {
    /// The text field behind `field` (the document type is a choice, not text).
    pub fn field(&self, field: Field) -> Option<&TextField> {
        match field {
            Field::Name => Some(&self.name),
            Field::Phone => Some(&self.phone),
            Field::IdNumber => Some(&self.id_number),
            Field::Company => Some(&self.company),
            Field::IdKind => None,
        }
    }

    pub fn field_mut(&mut self, field: Field) -> Option<&mut TextField> {
        match field {
            Field::Name => Some(&mut self.name),
            Field::Phone => Some(&mut self.phone),
            Field::IdNumber => Some(&mut self.id_number),
            Field::Company => Some(&mut self.company),
            Field::IdKind => None,
        }
    }

    /// Every problem, in field order; the company's only where it is asked.
    pub fn problems(&self, asks_company: bool) -> Vec<(Field, FieldError)> {
        let company = asks_company.then(|| (Field::Company, person::company(&self.company.text)));
        [
            (Field::Name, person::name(&self.name.text)),
            (Field::Phone, person::phone(&self.phone.text)),
            (Field::IdNumber, person::id_number(self.id_kind, &self.id_number.text)),
        ]
        .into_iter()
        .chain(company)
        .filter_map(|(f, r)| r.err().map(|e| (f, e)))
        .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub service: String,
    pub hall: String,
    pub date: Option<String>,
    pub slot: Option<Slot>,
    pub hold: Option<super::hold::HeldPlace>,
    pub details: Details,
    /// Bumped whenever the answers change. With the hold it makes the
    /// idempotency key: retrying the same answers is the same request.
    pub revision: u32,
}

impl Draft {
    pub fn idempotency_key(&self) -> Option<String> {
        self.hold.as_ref().map(|h| format!("{}-{}", h.id, self.revision))
    }
}

/// Halls that offer the draft's service, this kiosk's own first.
pub fn halls(state: &State) -> Vec<String> {
    let Some(service) = state.draft.as_ref().and_then(|d| state.service(&d.service)) else { return vec![] };
    let mut halls = service.halls.clone();
    halls.sort_by_key(|h| *h != state.config.hall);
    halls
}

/// Items on "check your answers", in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckItem {
    Confirm,
    Change(Field),
    ChangeTime,
}

/// The check page's items: each answer given, the company's where asked.
pub fn check_items(state: &State) -> Vec<CheckItem> {
    let mut items = vec![
        CheckItem::Confirm,
        CheckItem::Change(Field::Name),
        CheckItem::Change(Field::Phone),
        CheckItem::Change(Field::IdNumber),
    ];
    if asks_company(state) {
        items.push(CheckItem::Change(Field::Company));
    }
    items.push(CheckItem::ChangeTime);
    items
}

/// From a guide: start booking its service.
pub fn start(state: &mut State, service: &str) -> Vec<Effect> {
    let Some(svc) = state.service(service) else { return vec![] };
    let only = (svc.halls.len() == 1).then(|| svc.halls[0].clone());
    let keep_details = state.draft.take().map(|d| d.details).unwrap_or_default();
    state.draft = Some(Draft {
        service: service.to_owned(),
        hall: only.clone().unwrap_or_else(|| state.config.hall.clone()),
        date: None,
        slot: None,
        hold: None,
        details: keep_details,
        revision: 0,
    });
    match only {
        Some(_) => open_dates(state),
        None => {
            state.screens.push(Screen::BookHall(Menu::default()));
            vec![]
        }
    }
}

pub fn choose_hall(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(hall) = halls(state).get(index).cloned() else { return vec![] };
    if let Some(d) = state.draft.as_mut() {
        d.hall = hall;
    }
    open_dates(state)
}

fn open_dates(state: &mut State) -> Vec<Effect> {
    state.screens.push(Screen::BookDate { menu: Menu::default(), days: Remote::Loading });
    load_days(state)
}

pub fn load_days(state: &State) -> Vec<Effect> {
    state.draft.as_ref().map_or_else(Vec::new, |d| {
        vec![Effect::LoadDays { hall: d.hall.clone(), service: d.service.clone() }]
    })
}

pub fn load_slots(state: &State) -> Vec<Effect> {
    match state.draft.as_ref() {
        Some(Draft { hall, service, date: Some(date), .. }) => {
            vec![Effect::LoadSlots { hall: hall.clone(), service: service.clone(), date: date.clone() }]
        }
        _ => vec![],
    }
}

pub fn days_loaded(state: &mut State, result: Result<Days, crate::domain::FetchError>) {
    let draft = state.draft.as_ref();
    if let Some(Screen::BookDate { days, .. }) = state.screens.last_mut() {
        match result {
            Ok(d) if draft.is_some_and(|x| x.hall == d.hall && x.service == d.service) => {
                *days = Remote::Ready(d)
            }
            Ok(_) => {}
            Err(e) => *days = Remote::Failed(e),
        }
    }
}

pub fn slots_loaded(state: &mut State, result: Result<Slots, crate::domain::FetchError>) {
    let date = state.draft.as_ref().and_then(|d| d.date.clone());
    if let Some(Screen::BookSlot { slots, .. }) = state.screens.last_mut() {
        match result {
            Ok(s) if Some(&s.date) == date.as_ref() => *slots = Remote::Ready(s),
            Ok(_) => {}
            Err(e) => *slots = Remote::Failed(e),
        }
    }
}

pub fn choose_date(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(Screen::BookDate { days: Remote::Ready(days), .. }) = state.screens.last() else {
        return vec![];
    };
    let Some(day) = days.days.get(index) else { return vec![] };
    if !day.open || day.remaining == 0 {
        state.notice = Some(Notice::DayUnavailable);
        return vec![];
    }
    let date = day.date.clone();
    if let Some(d) = state.draft.as_mut() {
        d.date = Some(date);
    }
    state.screens.push(Screen::BookSlot { menu: Menu::default(), slots: Remote::Loading, holding: false });
    load_slots(state)
}

pub fn choose_slot(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(Screen::BookSlot { slots: Remote::Ready(slots), holding, .. }) = state.screens.last_mut() else {
        return vec![];
    };
    let Some(slot) = slots.slots.get(index).cloned() else { return vec![] };
    if *holding {
        return vec![];
    }
    if slot.remaining == 0 {
        state.notice = Some(Notice::SlotFull);
        return vec![];
    }
    *holding = true;
    let Some(d) = state.draft.as_mut() else { return vec![] };
    d.slot = Some(slot.clone());
    vec![Effect::PlaceHold { hall: d.hall.clone(), service: d.service.clone(), start: slot.start }]
}

pub fn hold_placed(state: &mut State, result: Result<Hold, BookingFailure>) -> Vec<Effect> {
    let waiting = matches!(state.screens.last(), Some(Screen::BookSlot { holding: true, .. }));
    if let Some(Screen::BookSlot { holding, .. }) = state.screens.last_mut() {
        *holding = false;
    }
    match result {
        // The citizen left meanwhile: give the place straight back.
        Ok(hold) if !waiting => vec![Effect::ReleaseHold { id: hold.id }],
        Ok(hold) => {
            let now = state.now_ms;
            if let Some(d) = state.draft.as_mut() {
                let expires_at_ms = now + u64::from(hold.expires_in) * 1000;
                d.hold = Some(super::hold::HeldPlace {
                    id: hold.id,
                    placed_at_ms: now,
                    expires_at_ms,
                    warned: false,
                    extensions: 0,
                    extending: false,
                });
            }
            state.screens.push(Screen::BookDetails {
                focus: Field::Name,
                errors: vec![],
                back_to_check: false,
            });
            vec![]
        }
        Err(failure) if waiting => {
            state.notice = Some(Notice::Booking(failure));
            load_slots(state)
        }
        Err(_) => vec![],
    }
}

/// Gives back the hold, if any (leaving the details, or the whole booking).
pub fn release_hold(state: &mut State) -> Vec<Effect> {
    let hold = state.draft.as_mut().and_then(|d| d.hold.take());
    hold.map_or_else(Vec::new, |h| vec![Effect::ReleaseHold { id: h.id }])
}

/// Continue on the details page: check everything, then go on.
pub fn submit_details(state: &mut State) -> Vec<Effect> {
    let Some(draft) = state.draft.as_ref() else { return vec![] };
    let problems = draft.details.problems(asks_company(state));
    let Some(Screen::BookDetails { errors, focus, back_to_check }) = state.screens.last_mut() else {
        return vec![];
    };
    if let Some((first, _)) = problems.first() {
        *focus = *first;
        *errors = problems;
        // A screen reader hears the summary first.
        state.announce = true;
        return vec![];
    }
    errors.clear();
    *back_to_check = false;
    // A fresh check page, the focus on Confirm.
    state.screens.push(Screen::BookCheck { menu: Menu::default(), sending: false });
    vec![]
}

/// "Change" on the check page (or a field the server refused): back to the
/// details page itself, the field focused, so the way back never holds a
/// step twice; Enter there returns to a fresh check page.
fn change(state: &mut State, field: Field, errors: Vec<(Field, FieldError)>) {
    let at = state.screens.iter().rposition(|s| matches!(s, Screen::BookDetails { .. }));
    match at {
        Some(i) => state.screens.truncate(i + 1),
        None => state.screens.push(Screen::BookDetails { focus: field, errors: vec![], back_to_check: true }),
    }
    if let Some(Screen::BookDetails { focus, errors: shown, back_to_check }) = state.screens.last_mut() {
        (*focus, *shown, *back_to_check) = (field, errors, true);
    }
}

pub fn choose_check(state: &mut State, index: usize) -> Vec<Effect> {
    match check_items(state).get(index) {
        Some(CheckItem::Confirm) => confirm(state),
        Some(CheckItem::Change(field)) => {
            change(state, *field, vec![]);
            vec![]
        }
        Some(CheckItem::ChangeTime) => back_to_slots(state),
        None => vec![],
    }
}

fn confirm(state: &mut State) -> Vec<Effect> {
    let Some(Screen::BookCheck { sending, .. }) = state.screens.last_mut() else { return vec![] };
    if *sending {
        return vec![];
    }
    let Some(draft) = state.draft.as_ref() else { return vec![] };
    let (Some(key), Some(hold)) = (draft.idempotency_key(), draft.hold.as_ref()) else {
        return back_to_slots(state);
    };
    *sending = true;
    let d = &draft.details;
    let request = BookingRequest {
        hold: hold.id.clone(),
        name: d.name.text.trim().to_owned(),
        phone: person::normalize_phone(&d.phone.text),
        id_kind: d.id_kind,
        id_number: d.id_number.text.trim().to_owned(),
        // Sent only where the service asks: no other booking keeps it.
        company: asks_company(state).then(|| d.company.text.trim().to_owned()),
        kiosk: Some(state.config.kiosk.clone()),
    };
    vec![Effect::Book { idempotency_key: key, request }]
}

/// Back to a fresh list of time slots, the hold given back.
pub(super) fn back_to_slots(state: &mut State) -> Vec<Effect> {
    let mut effects = release_hold(state);
    if let Some(i) = state.screens.iter().rposition(|s| matches!(s, Screen::BookSlot { .. })) {
        state.screens.truncate(i + 1);
        if let Some(Screen::BookSlot { slots, holding, .. }) = state.screens.last_mut() {
            *slots = Remote::Loading;
            *holding = false;
        }
        effects.extend(load_slots(state));
    }
    effects
}

pub fn confirmed(state: &mut State, result: Result<Booking, BookingFailure>) -> Vec<Effect> {
    if let Some(Screen::BookCheck { sending, .. }) = state.screens.last_mut() {
        *sending = false;
    }
    match result {
        Ok(booking) => {
            // The booking is made: nothing personal stays on the kiosk, and
            // "back" cannot lead into the finished booking again.
            // Only the phone's last four digits stay, in the handoff: the
            // proof the phone page needs, forgotten when the session resets.
            let phone_last4 = state.draft.take().map(|d| person::phone_last4(&d.details.phone.text));
            state.screens.truncate(1);
            state.screens.push(Screen::BookDone { booking: Box::new(booking), qr: false });
            super::handoff::request_booked(state, phone_last4)
        }
        Err(failure @ (BookingFailure::HoldExpired | BookingFailure::SlotFull)) => {
            state.notice = Some(Notice::Booking(failure));
            back_to_slots(state)
        }
        Err(BookingFailure::Invalid(field)) => {
            let field = match field.as_str() {
                "name" => Field::Name,
                "phone" => Field::Phone,
                "company" => Field::Company,
                _ => Field::IdNumber,
            };
            change(state, field, vec![(field, FieldError::Format)]);
            vec![]
        }
        Err(failure) => {
            state.notice = Some(Notice::Booking(failure));
            vec![]
        }
    }
}
