//! Ticket numbers: the queue's letter and three digits (A023), counted per
//! queue per service day. The day is the hall's local day, so numbering
//! restarts at the hall's midnight: a hall on Xinjiang time (Asia/Urumqi,
//! UTC+6) starts again two hours after one on Beijing time.

use jiff::{Timestamp, civil::Date, tz::TimeZone};

use super::hall::{ClockTime, HallLayout, QueuePrefix};

/// The highest sequence three digits can show.
pub const MAX_SEQUENCE: u16 = 999;

/// A ticket's number; unique in a hall for a service day, since each queue
/// has its own prefix. It stays the ticket's number when the ticket is
/// transferred (the citizen holds it on paper and on the phone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TicketNumber {
    pub prefix: QueuePrefix,
    /// 1 to 999.
    pub sequence: u16,
}

impl TicketNumber {
    pub fn new(prefix: QueuePrefix, sequence: u16) -> Option<TicketNumber> {
        (1..=MAX_SEQUENCE).contains(&sequence).then_some(TicketNumber { prefix, sequence })
    }

    /// `A023` (exactly a capital letter and three digits).
    pub fn parse(s: &str) -> Option<TicketNumber> {
        let (letter, digits) = s.split_at_checked(1)?;
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        TicketNumber::new(QueuePrefix::parse(letter)?, digits.parse().ok()?)
    }
}

/// As the API and the store carry it: `"A023"`.
impl serde::Serialize for TicketNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for TicketNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        TicketNumber::parse(&s).ok_or_else(|| {
            serde::de::Error::custom("a ticket number is a letter and three digits, e.g. A023")
        })
    }
}

impl std::fmt::Display for TicketNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{:03}", self.prefix, self.sequence)
    }
}

/// The hall's local date at `at`: the day a ticket's number counts in.
pub fn service_day(zone: &TimeZone, at: Timestamp) -> Date {
    at.to_zoned(zone.clone()).date()
}

/// The hall's local time of day at `at`, to the minute.
pub fn local_time(zone: &TimeZone, at: Timestamp) -> ClockTime {
    let time = at.to_zoned(zone.clone()).time();
    // jiff's hour and minute are always in range, so this never falls back.
    ClockTime::new(time.hour() as u8, time.minute() as u8).unwrap_or(ClockTime::new(0, 0).expect("midnight"))
}

/// Who the number is for: a walk-in takes one at the kiosk; a booking gets
/// one when it is checked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    WalkIn,
    /// Already limited by its slot's capacity and let in by the check-in
    /// rules (`checkin`), so neither the daily cap nor the issuing hours
    /// refuse it: a citizen who booked is never turned away by them.
    Booking,
}

/// A number given: which, and the service day it counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issued {
    pub number: TicketNumber,
    pub day: Date,
}

/// Why no number can be given now; each has its own sentence at the kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IssueRefusal {
    #[error("the hall has no queue {0}")]
    UnknownQueue(QueuePrefix),
    #[error("the hall is closed on {0}")]
    ClosedToday(Date),
    #[error("numbers are given from {0}")]
    BeforeHours(ClockTime),
    #[error("numbers were given until {0}")]
    AfterHours(ClockTime),
    #[error("today's {0} numbers have all been given")]
    DailyCapReached(u16),
    /// Only bookings get here (walk-ins stop at the cap): all 999 numbers
    /// of the queue are gone for the day.
    #[error("no three-digit number is left in this queue today")]
    NumbersExhausted,
}

/// The next number of `queue` at `at`, when `issued_today` numbers (walk-in
/// and booked alike) have already been given in it on the same service day.
/// The store counts, and takes the number atomically; this says what it is
/// and whether it may be given.
pub fn issue(
    hall: &HallLayout,
    queue: QueuePrefix,
    at: Timestamp,
    issued_today: u16,
    entry: Entry,
) -> Result<Issued, IssueRefusal> {
    let q = hall.queue(queue).ok_or(IssueRefusal::UnknownQueue(queue))?;
    let day = service_day(&hall.zone, at);
    if !hall.opens_on(day) {
        return Err(IssueRefusal::ClosedToday(day));
    }
    if entry == Entry::WalkIn {
        let now = local_time(&hall.zone, at);
        if now < q.issue_from {
            return Err(IssueRefusal::BeforeHours(q.issue_from));
        }
        if now >= q.issue_until {
            return Err(IssueRefusal::AfterHours(q.issue_until));
        }
        if issued_today >= q.daily_cap {
            return Err(IssueRefusal::DailyCapReached(q.daily_cap));
        }
    }
    let number = issued_today
        .checked_add(1)
        .and_then(|n| TicketNumber::new(queue, n))
        .ok_or(IssueRefusal::NumbersExhausted)?;
    Ok(Issued { number, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::queue::hall::{Queue, Window};

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn hall(zone: &str) -> HallLayout {
        let a = QueuePrefix::new('A').unwrap();
        HallLayout {
            hall: "h".into(),
            zone: TimeZone::get(zone).unwrap(),
            open_weekdays: vec![1, 2, 3, 4, 5],
            closed_dates: vec![jiff::civil::date(2027, 1, 1)],
            queues: vec![Queue {
                prefix: a,
                name: Default::default(),
                services: vec!["s".into()],
                daily_cap: 3,
                issue_from: ClockTime::new(9, 0).unwrap(),
                issue_until: ClockTime::new(16, 30).unwrap(),
                typical: None,
            }],
            windows: vec![Window { number: 1, queues: vec![a] }],
            priority_groups: vec![],
        }
    }

    fn a() -> QueuePrefix {
        QueuePrefix::new('A').unwrap()
    }

    #[test]
    fn numbers_are_a_letter_and_three_digits() {
        let n = TicketNumber::new(a(), 23).unwrap();
        assert_eq!(n.to_string(), "A023");
        assert_eq!(TicketNumber::parse("A023"), Some(n));
        assert_eq!(TicketNumber::new(a(), 999).unwrap().to_string(), "A999");
        for bad in ["A000", "A1000", "A23", "a023", "AA23", "A02X", "023", ""] {
            assert_eq!(TicketNumber::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn numbers_travel_as_strings() {
        let n = TicketNumber::new(a(), 7).unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), r#""A007""#);
        assert_eq!(serde_json::from_str::<TicketNumber>(r#""A007""#).unwrap(), n);
        assert!(serde_json::from_str::<TicketNumber>(r#""A7""#).is_err());
    }

    #[test]
    fn the_service_day_turns_at_the_halls_own_midnight() {
        let shanghai = TimeZone::get("Asia/Shanghai").unwrap();
        let urumqi = TimeZone::get("Asia/Urumqi").unwrap();
        // 15:59:59Z is 23:59:59 in Shanghai, 21:59:59 in Urumqi.
        assert_eq!(service_day(&shanghai, at("2026-12-01T15:59:59Z")), jiff::civil::date(2026, 12, 1));
        assert_eq!(service_day(&shanghai, at("2026-12-01T16:00:00Z")), jiff::civil::date(2026, 12, 2));
        assert_eq!(service_day(&urumqi, at("2026-12-01T16:00:00Z")), jiff::civil::date(2026, 12, 1));
        assert_eq!(service_day(&urumqi, at("2026-12-01T17:59:59Z")), jiff::civil::date(2026, 12, 1));
        assert_eq!(service_day(&urumqi, at("2026-12-01T18:00:00Z")), jiff::civil::date(2026, 12, 2));
    }

    #[test]
    fn the_next_number_follows_those_given_today() {
        let hall = hall("Asia/Shanghai");
        // 09:00 in Shanghai on Tuesday 1 December 2026.
        let issued = issue(&hall, a(), at("2026-12-01T01:00:00Z"), 0, Entry::WalkIn).unwrap();
        assert_eq!((issued.number.to_string(), issued.day), ("A001".into(), jiff::civil::date(2026, 12, 1)));
        let issued = issue(&hall, a(), at("2026-12-01T01:00:00Z"), 2, Entry::WalkIn).unwrap();
        assert_eq!(issued.number.to_string(), "A003");
    }

    #[test]
    fn walk_ins_are_refused_outside_issuing_hours_each_with_its_reason() {
        let hall = hall("Asia/Shanghai");
        let refused = |t| issue(&hall, a(), at(t), 0, Entry::WalkIn).unwrap_err();
        assert_eq!(refused("2026-12-01T00:59:00Z"), IssueRefusal::BeforeHours(ClockTime::new(9, 0).unwrap()));
        assert_eq!(
            refused("2026-12-01T08:30:00Z"),
            IssueRefusal::AfterHours(ClockTime::new(16, 30).unwrap())
        );
        assert!(issue(&hall, a(), at("2026-12-01T08:29:59Z"), 0, Entry::WalkIn).is_ok());
        assert_eq!(
            refused("2026-12-05T02:00:00Z"),
            IssueRefusal::ClosedToday(jiff::civil::date(2026, 12, 5))
        );
        assert_eq!(refused("2027-01-01T02:00:00Z"), IssueRefusal::ClosedToday(jiff::civil::date(2027, 1, 1)));
    }

    #[test]
    fn the_daily_cap_refuses_walk_ins_but_not_bookings() {
        let hall = hall("Asia/Shanghai");
        let t = at("2026-12-01T02:00:00Z");
        assert_eq!(issue(&hall, a(), t, 3, Entry::WalkIn), Err(IssueRefusal::DailyCapReached(3)));
        assert_eq!(issue(&hall, a(), t, 3, Entry::Booking).unwrap().number.to_string(), "A004");
        assert_eq!(issue(&hall, a(), t, 999, Entry::Booking), Err(IssueRefusal::NumbersExhausted));
        // A booking checked in after the issuing hours still gets its number.
        assert!(issue(&hall, a(), at("2026-12-01T08:45:00Z"), 0, Entry::Booking).is_ok());
    }

    #[test]
    fn issuing_hours_are_read_in_the_halls_zone() {
        let hall = hall("Asia/Urumqi");
        // 03:30Z is 11:30 in Shanghai but 09:30 in Urumqi: open there.
        assert!(issue(&hall, a(), at("2026-12-01T03:30:00Z"), 0, Entry::WalkIn).is_ok());
        // 02:30Z is 08:30 in Urumqi: not yet.
        let refused = issue(&hall, a(), at("2026-12-01T02:30:00Z"), 0, Entry::WalkIn);
        assert_eq!(refused, Err(IssueRefusal::BeforeHours(ClockTime::new(9, 0).unwrap())));
    }

    #[test]
    fn an_unknown_queue_is_refused() {
        let z = QueuePrefix::new('Z').unwrap();
        let refused = issue(&hall("Asia/Shanghai"), z, at("2026-12-01T02:00:00Z"), 0, Entry::WalkIn);
        assert_eq!(refused, Err(IssueRefusal::UnknownQueue(z)));
    }
}
