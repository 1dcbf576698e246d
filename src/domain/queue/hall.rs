//! A hall's queues, windows and priority groups, as checked from
//! `queues.toml` against the catalogue (see `load.rs`). Once built, every
//! reference inside holds: each window's queues exist, each service the hall
//! handles is in exactly one queue, every queue has a window.

use jiff::{civil::Date, tz::TimeZone};

use crate::domain::Text;

/// The letter a queue's numbers start with (A in A023): one of A to Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QueuePrefix(u8);

impl QueuePrefix {
    /// `c` as a prefix, when it is an upper-case ASCII letter.
    pub fn new(c: char) -> Option<QueuePrefix> {
        c.is_ascii_uppercase().then_some(QueuePrefix(c as u8))
    }

    /// The prefix written as one letter in a file or a request (`"A"`).
    pub fn parse(s: &str) -> Option<QueuePrefix> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => QueuePrefix::new(c),
            _ => None,
        }
    }

    pub fn as_char(self) -> char {
        char::from(self.0)
    }
}

impl serde::Serialize for QueuePrefix {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for QueuePrefix {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        QueuePrefix::parse(&s).ok_or_else(|| serde::de::Error::custom("a queue prefix is one letter A to Z"))
    }
}

impl std::fmt::Display for QueuePrefix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_char())
    }
}

/// A local time of day to the minute, as a hall's hours are written
/// (`"08:30"`). Kept as minutes since midnight so hours compare as numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    /// `hour:minute`, when both are in range.
    pub fn new(hour: u8, minute: u8) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then(|| ClockTime(u16::from(hour) * 60 + u16::from(minute)))
    }

    /// Exactly `HH:MM` (two digits each), as `data/halls.toml` writes hours.
    pub fn parse(s: &str) -> Option<ClockTime> {
        let b = s.as_bytes();
        if b.len() != 5 || b[2] != b':' || ![b[0], b[1], b[3], b[4]].iter().all(u8::is_ascii_digit) {
            return None;
        }
        ClockTime::new(s[..2].parse().ok()?, s[3..].parse().ok()?)
    }

    pub fn minutes_since_midnight(self) -> u16 {
        self.0
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// One queue of a hall: the services whose numbers it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queue {
    pub prefix: QueuePrefix,
    pub name: Text,
    /// Service ids, from the catalogue; each in no other queue of the hall.
    pub services: Vec<String>,
    /// Numbers given per service day, 1 to 999 (three digits).
    pub daily_cap: u16,
    /// Walk-in numbers are given from `issue_from` (included) until
    /// `issue_until` (excluded), local time, inside the hall's opening hours.
    pub issue_from: ClockTime,
    pub issue_until: ClockTime,
    /// How long one service typically takes (`typical_minutes`): weighed
    /// as a few services beside today's, it gives the day's first numbers
    /// an estimate before any service has finished.
    pub typical: Option<jiff::SignedDuration>,
}

/// A counter where a clerk calls numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// As painted above the counter, 1 to 999, unique in the hall.
    pub number: u16,
    /// The queues it calls from, at least one.
    pub queues: Vec<QueuePrefix>,
}

impl Window {
    pub fn serves(&self, queue: QueuePrefix) -> bool {
        self.queues.contains(&queue)
    }
}

/// Citizens the hall serves first (绿色通道): the citizen says so at the
/// kiosk, staff check at the window. Nothing personal is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityGroup {
    /// e.g. `senior-70`; what a ticket records, never who the citizen is.
    pub id: String,
    pub name: Text,
}

/// Everything about one hall that the visit needs: its zone and days (from
/// `halls.toml`), its queues, windows and priority groups (from `queues.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HallLayout {
    pub hall: String,
    pub zone: TimeZone,
    /// 1 = Monday … 7 = Sunday.
    pub open_weekdays: Vec<u8>,
    pub closed_dates: Vec<Date>,
    /// Empty: the hall gives no numbers through onestop (the kiosk says
    /// numbers are given at the desk).
    pub queues: Vec<Queue>,
    pub windows: Vec<Window>,
    pub priority_groups: Vec<PriorityGroup>,
}

impl HallLayout {
    pub fn queue(&self, prefix: QueuePrefix) -> Option<&Queue> {
        self.queues.iter().find(|q| q.prefix == prefix)
    }

    /// The queue whose number a citizen takes for `service`: none when the
    /// hall has no queues (or does not handle the service).
    pub fn queue_for_service(&self, service: &str) -> Option<&Queue> {
        self.queues.iter().find(|q| q.services.iter().any(|s| s == service))
    }

    pub fn window(&self, number: u16) -> Option<&Window> {
        self.windows.iter().find(|w| w.number == number)
    }

    /// The windows that call `queue`'s numbers, in the order listed.
    pub fn windows_serving(&self, queue: QueuePrefix) -> impl Iterator<Item = &Window> + '_ {
        self.windows.iter().filter(move |w| w.serves(queue))
    }

    pub fn priority_group(&self, id: &str) -> Option<&PriorityGroup> {
        self.priority_groups.iter().find(|g| g.id == id)
    }

    /// Whether the hall opens on `day` at all (its weekdays, less closed dates).
    pub fn opens_on(&self, day: Date) -> bool {
        let weekday = day.weekday().to_monday_one_offset() as u8;
        self.open_weekdays.contains(&weekday) && !self.closed_dates.contains(&day)
    }
}

/// Every hall's layout; a hall that `queues.toml` does not name has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueCatalog {
    pub halls: Vec<HallLayout>,
}

impl QueueCatalog {
    pub fn hall(&self, id: &str) -> Option<&HallLayout> {
        self.halls.iter().find(|h| h.hall == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_one_capital_letter() {
        assert_eq!(QueuePrefix::parse("A").map(QueuePrefix::as_char), Some('A'));
        assert_eq!(QueuePrefix::parse("Z").map(|p| p.to_string()), Some("Z".to_owned()));
        for bad in ["", "a", "AB", "1", "Ａ", "É"] {
            assert_eq!(QueuePrefix::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn prefixes_travel_as_one_letter_strings() {
        let a = QueuePrefix::new('A').unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), r#""A""#);
        assert_eq!(serde_json::from_str::<QueuePrefix>(r#""A""#).unwrap(), a);
        assert!(serde_json::from_str::<QueuePrefix>(r#""a""#).is_err());
    }

    #[test]
    fn clock_times_read_and_print_as_hh_mm() {
        let t = ClockTime::parse("08:30").unwrap();
        assert_eq!(t.minutes_since_midnight(), 510);
        assert_eq!(t.to_string(), "08:30");
        assert!(ClockTime::parse("09:00").unwrap() > t);
        for bad in ["8:30", "24:00", "08:60", "08-30", "0830", "08:3a", "+8:30"] {
            assert_eq!(ClockTime::parse(bad), None, "{bad:?}");
        }
    }

    fn layout() -> HallLayout {
        let text = Text::default();
        let queue = |c, services: &[&str]| Queue {
            prefix: QueuePrefix::new(c).unwrap(),
            name: text.clone(),
            services: services.iter().map(|s| s.to_string()).collect(),
            daily_cap: 100,
            issue_from: ClockTime::new(9, 0).unwrap(),
            issue_until: ClockTime::new(16, 30).unwrap(),
            typical: None,
        };
        let a = QueuePrefix::new('A').unwrap();
        let b = QueuePrefix::new('B').unwrap();
        HallLayout {
            hall: "h".into(),
            zone: TimeZone::get("Asia/Shanghai").unwrap(),
            open_weekdays: vec![1, 2, 3, 4, 5],
            closed_dates: vec![jiff::civil::date(2027, 1, 1)],
            queues: vec![queue('A', &["id-card-renewal"]), queue('B', &["passport-application"])],
            windows: vec![Window { number: 1, queues: vec![a] }, Window { number: 2, queues: vec![a, b] }],
            priority_groups: vec![],
        }
    }

    #[test]
    fn a_layout_answers_which_queue_and_which_windows() {
        let hall = layout();
        let b = QueuePrefix::new('B').unwrap();
        assert_eq!(hall.queue_for_service("passport-application").map(|q| q.prefix), Some(b));
        assert_eq!(hall.queue_for_service("marriage-registration"), None);
        let windows: Vec<u16> = hall.windows_serving(b).map(|w| w.number).collect();
        assert_eq!(windows, [2]);
        assert!(hall.window(2).unwrap().serves(b) && !hall.window(1).unwrap().serves(b));
    }

    #[test]
    fn a_hall_opens_on_its_weekdays_but_not_on_closed_dates() {
        let hall = layout();
        assert!(hall.opens_on(jiff::civil::date(2026, 12, 1))); // a Tuesday
        assert!(!hall.opens_on(jiff::civil::date(2026, 12, 5))); // a Saturday
        assert!(!hall.opens_on(jiff::civil::date(2027, 1, 1))); // a Friday, New Year's Day
    }
}
