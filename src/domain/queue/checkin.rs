//! Checking in a booking (预约签到) at a hall's kiosk: accepted from
//! `checkin_early_minutes` before the slot starts (included) until the slot
//! ends (excluded). Each refusal is its own variant, so the kiosk can give
//! each its own sentence.
//!
//! Checked in this order, so the citizen hears the reason that matters
//! most: a cancelled booking is cancelled wherever and whenever it is; a
//! booking for another hall is not this hall's to judge the time of; a
//! booking already checked in says so even after its slot has ended.

use jiff::{SignedDuration, Timestamp};

use crate::domain::BookingStatus;

/// What the check needs of a booking, as the store has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingToCheck<'a> {
    pub hall: &'a str,
    pub status: BookingStatus,
    pub slot_start: Timestamp,
    pub slot_end: Timestamp,
    /// When it was checked in, if it was.
    pub checked_in_at: Option<Timestamp>,
}

/// A check-in accepted: the booking gets a number now (see
/// `number::issue` with `Entry::Booking` and `Ticket::booked`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedIn {
    pub at: Timestamp,
    pub slot_start: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckInRefusal {
    #[error("the booking was cancelled")]
    Cancelled,
    #[error("the booking is for another hall, `{0}`")]
    OtherHall(String),
    #[error("the booking was checked in already, at {0}")]
    AlreadyCheckedIn(Timestamp),
    #[error("check-in opens at {0}")]
    TooEarly(Timestamp),
    #[error("the slot ended at {0}")]
    TooLate(Timestamp),
}

/// Whether `booking` may be checked in at `hall` at `now`.
pub fn check_in(
    booking: &BookingToCheck<'_>,
    hall: &str,
    now: Timestamp,
    early_minutes: u16,
) -> Result<CheckedIn, CheckInRefusal> {
    if booking.status == BookingStatus::Cancelled {
        return Err(CheckInRefusal::Cancelled);
    }
    if booking.hall != hall {
        return Err(CheckInRefusal::OtherHall(booking.hall.to_owned()));
    }
    if let Some(at) = booking.checked_in_at {
        return Err(CheckInRefusal::AlreadyCheckedIn(at));
    }
    let opens = booking.slot_start.saturating_sub(SignedDuration::from_mins(i64::from(early_minutes)));
    let opens = opens.unwrap_or(booking.slot_start);
    if now < opens {
        return Err(CheckInRefusal::TooEarly(opens));
    }
    if now >= booking.slot_end {
        return Err(CheckInRefusal::TooLate(booking.slot_end));
    }
    Ok(CheckedIn { at: now, slot_start: booking.slot_start })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        format!("2026-12-01T{s}:00Z").parse().unwrap()
    }

    /// A slot of 02:00–02:15 UTC (10:00–10:15 in Shanghai) at binjiang.
    fn booking() -> BookingToCheck<'static> {
        BookingToCheck {
            hall: "binjiang",
            status: BookingStatus::Active,
            slot_start: at("02:00"),
            slot_end: at("02:15"),
            checked_in_at: None,
        }
    }

    #[test]
    fn accepted_from_the_early_minutes_until_the_slot_ends() {
        for now in ["01:30", "01:59", "02:00", "02:14"] {
            let done = check_in(&booking(), "binjiang", at(now), 30);
            assert_eq!(done, Ok(CheckedIn { at: at(now), slot_start: at("02:00") }), "{now}");
        }
    }

    #[test]
    fn too_early_says_when_it_opens_and_too_late_when_it_ended() {
        assert_eq!(
            check_in(&booking(), "binjiang", at("01:29"), 30),
            Err(CheckInRefusal::TooEarly(at("01:30")))
        );
        assert_eq!(
            check_in(&booking(), "binjiang", at("02:15"), 30),
            Err(CheckInRefusal::TooLate(at("02:15")))
        );
        // With no early minutes, only the slot itself.
        assert_eq!(
            check_in(&booking(), "binjiang", at("01:59"), 0),
            Err(CheckInRefusal::TooEarly(at("02:00")))
        );
    }

    #[test]
    fn cancelled_other_hall_and_already_checked_in_are_told_apart() {
        let cancelled = BookingToCheck { status: BookingStatus::Cancelled, ..booking() };
        assert_eq!(check_in(&cancelled, "binjiang", at("02:00"), 30), Err(CheckInRefusal::Cancelled));
        assert_eq!(
            check_in(&booking(), "chengbei", at("02:00"), 30),
            Err(CheckInRefusal::OtherHall("binjiang".into()))
        );
        let done = BookingToCheck { checked_in_at: Some(at("01:45")), ..booking() };
        assert_eq!(
            check_in(&done, "binjiang", at("02:00"), 30),
            Err(CheckInRefusal::AlreadyCheckedIn(at("01:45")))
        );
    }

    #[test]
    fn the_reason_that_matters_most_is_given_first() {
        // Cancelled, for another hall and long over: cancelled.
        let b = BookingToCheck { status: BookingStatus::Cancelled, ..booking() };
        assert_eq!(check_in(&b, "tianshan", at("05:00"), 30), Err(CheckInRefusal::Cancelled));
        // Checked in, and its slot over since: already checked in.
        let b = BookingToCheck { checked_in_at: Some(at("01:50")), ..booking() };
        assert_eq!(
            check_in(&b, "binjiang", at("05:00"), 30),
            Err(CheckInRefusal::AlreadyCheckedIn(at("01:50")))
        );
        // For another hall, and too early: another hall.
        assert_eq!(
            check_in(&booking(), "tianshan", at("00:00"), 30),
            Err(CheckInRefusal::OtherHall("binjiang".into()))
        );
    }
}
