//! Which days a hall opens and which slots it offers, in its own time zone.

use jiff::{
    Timestamp, ToSpan, Zoned,
    civil::{Date, Time},
    tz::TimeZone,
};

use crate::domain::{BookingRule, Hall};

/// How many days ahead a citizen may book, today included.
pub const DAYS_AHEAD: i32 = 14;

#[derive(Debug, Clone)]
pub struct SlotTime {
    pub start: Zoned,
    pub end: Zoned,
}

pub fn zone(hall: &Hall) -> TimeZone {
    // Validated at load; UTC only if the tz database lacks the zone.
    TimeZone::get(&hall.time_zone).unwrap_or(TimeZone::UTC)
}

pub fn today(hall: &Hall, now: Timestamp) -> Date {
    now.to_zoned(zone(hall)).date()
}

/// The dates a citizen may choose from now: today and the next days.
pub fn bookable_dates(hall: &Hall, now: Timestamp) -> Vec<Date> {
    let first = today(hall, now);
    (0..DAYS_AHEAD).filter_map(|i| first.checked_add(i.days()).ok()).collect()
}

pub fn weekday(date: Date) -> u8 {
    date.weekday().to_monday_one_offset() as u8
}

pub fn is_open(hall: &Hall, date: Date) -> bool {
    hall.open_weekdays.contains(&weekday(date)) && !hall.closed_dates.iter().any(|d| *d == date.to_string())
}

/// Slots of `rule` on `date` that have not started yet at `now`.
pub fn slots(hall: &Hall, rule: BookingRule, date: Date, now: Timestamp) -> Vec<SlotTime> {
    if !is_open(hall, date) {
        return vec![];
    }
    let (Ok(opens), Ok(closes)) = (hall.opens.parse::<Time>(), hall.closes.parse::<Time>()) else {
        return vec![];
    };
    let tz = zone(hall);
    let (Ok(mut start), Ok(end_of_day)) =
        (date.to_datetime(opens).to_zoned(tz.clone()), date.to_datetime(closes).to_zoned(tz))
    else {
        return vec![];
    };
    let step = i64::from(rule.slot_minutes.max(1)).minutes();
    let mut out = vec![];
    while let Ok(end) = start.checked_add(step) {
        if end > end_of_day {
            break;
        }
        if start.timestamp() > now {
            out.push(SlotTime { start: start.clone(), end: end.clone() });
        }
        start = end;
    }
    out
}

/// Whether `start` is exactly the start of a slot the citizen may book now.
pub fn find_slot(hall: &Hall, rule: BookingRule, start: Timestamp, now: Timestamp) -> Option<SlotTime> {
    let date = start.to_zoned(zone(hall)).date();
    if !bookable_dates(hall, now).contains(&date) {
        return None;
    }
    slots(hall, rule, date, now).into_iter().find(|s| s.start.timestamp() == start)
}

/// `HH:MM` of a zoned time.
pub fn hh_mm(z: &Zoned) -> String {
    z.strftime("%H:%M").to_string()
}
