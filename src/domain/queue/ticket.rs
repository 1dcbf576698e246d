//! One ticket: the number a citizen holds, the lane it waits in, and where
//! it is between being issued and being served.

use jiff::{SignedDuration, Timestamp};

use super::hall::QueuePrefix;
use super::number::TicketNumber;

/// Which line a ticket waits in; earlier lanes are called first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lane {
    /// A booking, checked in: the citizen was promised this time.
    Booked {
        slot_start: Timestamp,
    },
    /// 绿色通道: the citizen said they belong to this priority group of the
    /// hall (its id); staff check at the window.
    Priority {
        group: String,
    },
    Ordinary,
}

impl Lane {
    /// Booked before priority before ordinary.
    pub fn rank(&self) -> u8 {
        match self {
            Lane::Booked { .. } => 0,
            Lane::Priority { .. } => 1,
            Lane::Ordinary => 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketState {
    Waiting,
    /// Shown and spoken: the citizen is on the way to `window`. `calls`
    /// counts the first call and every call again (重呼).
    Called {
        window: u16,
        at: Timestamp,
        calls: u8,
    },
    /// The citizen is at the window.
    Serving {
        window: u16,
        since: Timestamp,
    },
    /// 过号: called and not come. It may be put back in line for a while
    /// (`CallRules::return_minutes`).
    Missed {
        window: u16,
        at: Timestamp,
    },
    /// Served, from `started` (the call, or the start if the clerk pressed
    /// it) to `at`.
    Done {
        window: u16,
        started: Timestamp,
        at: Timestamp,
    },
}

impl TicketState {
    /// For messages: what the ticket is doing.
    pub fn name(self) -> &'static str {
        match self {
            TicketState::Waiting => "waiting",
            TicketState::Called { .. } => "called",
            TicketState::Serving { .. } => "being served",
            TicketState::Missed { .. } => "missed",
            TicketState::Done { .. } => "done",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub number: TicketNumber,
    /// The queue it waits in now: its number's at first, another after a
    /// transfer (the number stays, so the citizen's paper stays right).
    pub queue: QueuePrefix,
    pub issued_at: Timestamp,
    pub lane: Lane,
    /// Where in its lane it stands: tickets in the same lane are called
    /// in the order of this instant. A walk-in's is its issue time; a
    /// booking's its slot's start, or its check-in if that was later (a
    /// late arrival waits behind those on time); put back after a no-show,
    /// the moment it was put back. A transfer keeps it.
    pub place_from: Timestamp,
    pub state: TicketState,
}

impl Ticket {
    /// A number taken at the kiosk, ordinary or in a priority group.
    pub fn walk_in(number: TicketNumber, issued_at: Timestamp, priority_group: Option<String>) -> Ticket {
        let lane = priority_group.map_or(Lane::Ordinary, |group| Lane::Priority { group });
        Ticket {
            number,
            queue: number.prefix,
            issued_at,
            lane,
            place_from: issued_at,
            state: TicketState::Waiting,
        }
    }

    /// The number given to a booking when it is checked in at `checked_in_at`.
    pub fn booked(number: TicketNumber, checked_in_at: Timestamp, slot_start: Timestamp) -> Ticket {
        Ticket {
            number,
            queue: number.prefix,
            issued_at: checked_in_at,
            lane: Lane::Booked { slot_start },
            place_from: slot_start.max(checked_in_at),
            state: TicketState::Waiting,
        }
    }

    /// The window that has it in hand (called, or being served there).
    pub fn at_window(&self) -> Option<u16> {
        match self.state {
            TicketState::Called { window, .. } | TicketState::Serving { window, .. } => Some(window),
            _ => None,
        }
    }

    pub fn is_waiting(&self) -> bool {
        self.state == TicketState::Waiting
    }

    /// How long its service took, once done.
    pub fn service_time(&self) -> Option<SignedDuration> {
        match self.state {
            TicketState::Done { started, at, .. } => Some(at.duration_since(started)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn number(s: &str) -> TicketNumber {
        TicketNumber::parse(s).unwrap()
    }

    #[test]
    fn a_walk_in_stands_where_it_was_issued() {
        let t = Ticket::walk_in(number("A007"), at("2026-12-01T01:10:00Z"), None);
        assert_eq!((t.queue, t.place_from, &t.lane), (number("A007").prefix, t.issued_at, &Lane::Ordinary));
        let p = Ticket::walk_in(number("A008"), at("2026-12-01T01:11:00Z"), Some("senior-70".into()));
        assert_eq!(p.lane, Lane::Priority { group: "senior-70".into() });
        assert!(p.lane.rank() < Lane::Ordinary.rank());
    }

    #[test]
    fn a_booking_stands_at_its_slot_or_its_late_arrival() {
        let slot = at("2026-12-01T02:00:00Z");
        let early = Ticket::booked(number("A010"), at("2026-12-01T01:40:00Z"), slot);
        assert_eq!(early.place_from, slot);
        let late = Ticket::booked(number("A011"), at("2026-12-01T02:05:00Z"), slot);
        assert_eq!(late.place_from, at("2026-12-01T02:05:00Z"));
        assert!(late.lane.rank() < Lane::Priority { group: "x".into() }.rank());
    }

    #[test]
    fn service_time_runs_from_start_to_finish() {
        let mut t = Ticket::walk_in(number("A001"), at("2026-12-01T01:00:00Z"), None);
        assert_eq!(t.service_time(), None);
        t.state = TicketState::Done {
            window: 1,
            started: at("2026-12-01T01:20:00Z"),
            at: at("2026-12-01T01:32:30Z"),
        };
        assert_eq!(t.service_time(), Some(SignedDuration::from_secs(750)));
        assert_eq!(t.at_window(), None);
    }
}
