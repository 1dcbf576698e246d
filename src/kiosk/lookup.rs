//! "My appointment": find a booking by its code and the phone's last four
//! digits, and cancel it after a second "yes".

use super::form::TextField;
use super::screen::{Menu, Screen};
use super::{Effect, Notice, State};
use crate::domain::{Booking, BookingFailure, BookingStatus, FieldError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupField {
    Code,
    PhoneLast4,
}

impl LookupField {
    pub const ALL: [LookupField; 2] = [LookupField::Code, LookupField::PhoneLast4];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupForm {
    pub code: TextField,
    pub last4: TextField,
}

impl Default for LookupForm {
    fn default() -> LookupForm {
        LookupForm { code: TextField::new(12), last4: TextField::phone(4) }
    }
}

impl LookupForm {
    pub fn field(&self, field: LookupField) -> &TextField {
        match field {
            LookupField::Code => &self.code,
            LookupField::PhoneLast4 => &self.last4,
        }
    }

    pub fn field_mut(&mut self, field: LookupField) -> &mut TextField {
        match field {
            LookupField::Code => &mut self.code,
            LookupField::PhoneLast4 => &mut self.last4,
        }
    }

    pub fn problems(&self) -> Vec<(LookupField, FieldError)> {
        let code: String = self.code.text.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        let mut out = vec![];
        match code.len() {
            0 => out.push((LookupField::Code, FieldError::Missing)),
            8 => {}
            _ => out.push((LookupField::Code, FieldError::Format)),
        }
        let digits = self.last4.text.trim();
        if digits.is_empty() {
            out.push((LookupField::PhoneLast4, FieldError::Missing));
        } else if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            out.push((LookupField::PhoneLast4, FieldError::Format));
        }
        out
    }
}

pub fn open(state: &mut State) {
    state.screens.push(Screen::Lookup { focus: LookupField::Code, errors: vec![], searching: false });
}

pub fn submit(state: &mut State) -> Vec<Effect> {
    let problems = state.lookup.problems();
    let Some(Screen::Lookup { focus, errors, searching }) = state.screens.last_mut() else { return vec![] };
    if let Some((first, _)) = problems.first() {
        *focus = *first;
        *errors = problems;
        // A screen reader hears the summary first.
        state.announce = true;
        return vec![];
    }
    errors.clear();
    if *searching {
        return vec![];
    }
    // Offline: say so now rather than after the request's timeout.
    if state.online == Some(false) {
        state.notice = Some(Notice::Booking(BookingFailure::Fetch(crate::domain::FetchError::Offline)));
        return vec![];
    }
    *searching = true;
    vec![Effect::FindBooking { code: state.lookup.code.text.clone(), last4: state.lookup.last4.text.clone() }]
}

pub fn found(state: &mut State, result: Result<Booking, BookingFailure>) {
    let Some(Screen::Lookup { searching, .. }) = state.screens.last_mut() else { return };
    *searching = false;
    match result {
        Ok(booking) => state.screens.push(Screen::LookupResult {
            booking: Box::new(booking),
            menu: Menu::default(),
            confirming: false,
            cancelling: false,
        }),
        Err(failure) => state.notice = Some(Notice::Booking(failure)),
    }
}

/// What the result screen offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultItem {
    Cancel,
    ConfirmCancel,
    Keep,
}

pub fn result_items(booking: &Booking, confirming: bool) -> Vec<ResultItem> {
    match (booking.status, confirming) {
        (BookingStatus::Cancelled, _) => vec![],
        (BookingStatus::Active, false) => vec![ResultItem::Cancel],
        (BookingStatus::Active, true) => vec![ResultItem::Keep, ResultItem::ConfirmCancel],
    }
}

pub fn choose(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(Screen::LookupResult { booking, confirming, cancelling, menu }) = state.screens.last_mut()
    else {
        return vec![];
    };
    match result_items(booking, *confirming).get(index) {
        Some(ResultItem::Cancel) => {
            *confirming = true;
            *menu = Menu::default();
            vec![]
        }
        Some(ResultItem::Keep) => {
            *confirming = false;
            *menu = Menu::default();
            vec![]
        }
        Some(ResultItem::ConfirmCancel) if !*cancelling => {
            *cancelling = true;
            vec![Effect::CancelBooking { code: booking.code.clone(), last4: state.lookup.last4.text.clone() }]
        }
        _ => vec![],
    }
}

pub fn cancelled(state: &mut State, result: Result<Booking, BookingFailure>) {
    let Some(Screen::LookupResult { booking, confirming, cancelling, menu }) = state.screens.last_mut()
    else {
        return;
    };
    *cancelling = false;
    match result {
        Ok(b) => {
            **booking = b;
            *confirming = false;
            *menu = Menu::default();
            state.notice = Some(Notice::Cancelled);
        }
        Err(failure) => state.notice = Some(Notice::Booking(failure)),
    }
}
