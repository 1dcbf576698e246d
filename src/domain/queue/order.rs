//! The order of calling at a window, across every queue it serves:
//!
//! 1. checked-in bookings first, by their place (slot start, or a late
//!    check-in);
//! 2. then priority tickets (绿色通道) — but after `max_priority_in_a_row`
//!    priority calls in a row at this window, an ordinary ticket that is
//!    waiting goes first once, so the ordinary line always moves;
//! 3. then ordinary tickets, the longest-waiting first.
//!
//! Ties (the same instant) go to the lower number, so the order is total
//! and the same on every server.

use std::cmp::Ordering;

use super::hall::Window;
use super::ticket::{Lane, Ticket};

/// The hall's rules for calling (from the configuration's `queue` section).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallRules {
    /// Priority calls a window makes in a row while ordinary tickets wait;
    /// at least 1 (0 is read as 1: priority tickets still go first).
    pub max_priority_in_a_row: u8,
    /// How long after a no-show the ticket may be put back in line.
    pub return_minutes: u16,
}

impl Default for CallRules {
    fn default() -> CallRules {
        CallRules { max_priority_in_a_row: 2, return_minutes: 30 }
    }
}

/// Orders two waiting tickets within one lane-aware line: lane, then place,
/// then number.
pub fn line_order(a: &Ticket, b: &Ticket) -> Ordering {
    (a.lane.rank(), a.place_from, a.number).cmp(&(b.lane.rank(), b.place_from, b.number))
}

/// The ticket `window` calls next, given every ticket of the day and the
/// number of priority tickets it has called in a row just before.
pub fn next_in_line<'a>(
    window: &Window,
    tickets: impl IntoIterator<Item = &'a Ticket>,
    priority_streak: u8,
    rules: &CallRules,
) -> Option<&'a Ticket> {
    let mut first: [Option<&Ticket>; 3] = [None; 3];
    for t in tickets.into_iter().filter(|t| t.is_waiting() && window.serves(t.queue)) {
        let slot = &mut first[usize::from(t.lane.rank())];
        if slot.is_none_or(|best| line_order(t, best) == Ordering::Less) {
            *slot = Some(t);
        }
    }
    let [booked, priority, ordinary] = first;
    let ordinary_due = priority_streak >= rules.max_priority_in_a_row.max(1);
    booked.or(match (priority, ordinary) {
        (Some(_), Some(o)) if ordinary_due => Some(o),
        (p, o) => p.or(o),
    })
}

/// The priority streak after calling `lane`: a priority call adds one, an
/// ordinary call ends it, a booking leaves it as it was (bookings are not
/// what the limit protects the ordinary line from).
pub fn streak_after(streak: u8, lane: &Lane) -> u8 {
    match lane {
        Lane::Priority { .. } => streak.saturating_add(1),
        Lane::Ordinary => 0,
        Lane::Booked { .. } => streak,
    }
}

/// How many tickets of `ticket`'s queue wait ahead of it in line. Other
/// queues sharing its windows, and the priority limit, are left out: the
/// estimate built on it is a range, not a promise.
pub fn ahead_of<'a>(ticket: &Ticket, tickets: impl IntoIterator<Item = &'a Ticket>) -> usize {
    tickets
        .into_iter()
        .filter(|t| t.is_waiting() && t.queue == ticket.queue && line_order(t, ticket) == Ordering::Less)
        .count()
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::domain::queue::{QueuePrefix, TicketNumber, TicketState};

    fn at(minute: i64) -> Timestamp {
        Timestamp::from_second(1_795_000_000 + minute * 60).unwrap()
    }

    fn walk_in(n: &str, minute: i64, group: Option<&str>) -> Ticket {
        Ticket::walk_in(TicketNumber::parse(n).unwrap(), at(minute), group.map(str::to_owned))
    }

    fn window(queues: &str) -> Window {
        Window { number: 1, queues: queues.chars().map(|c| QueuePrefix::new(c).unwrap()).collect() }
    }

    fn next(w: &Window, tickets: &[Ticket], streak: u8) -> String {
        next_in_line(w, tickets, streak, &CallRules::default()).map_or("-".into(), |t| t.number.to_string())
    }

    #[test]
    fn first_come_first_served_across_the_windows_queues() {
        let tickets = [walk_in("A002", 5, None), walk_in("B001", 3, None), walk_in("C001", 1, None)];
        assert_eq!(next(&window("AB"), &tickets, 0), "B001");
        assert_eq!(next(&window("A"), &tickets, 0), "A002");
        assert_eq!(next(&window("D"), &tickets, 0), "-");
    }

    #[test]
    fn bookings_then_priority_then_ordinary() {
        let booked = Ticket::booked(TicketNumber::parse("A009").unwrap(), at(30), at(20));
        let tickets = [walk_in("A001", 1, None), walk_in("A002", 2, Some("senior-70")), booked];
        assert_eq!(next(&window("A"), &tickets, 0), "A009");
        assert_eq!(next(&window("A"), &tickets[..2], 0), "A002");
        assert_eq!(next(&window("A"), &tickets[..1], 0), "A001");
    }

    #[test]
    fn after_the_priority_limit_an_ordinary_ticket_goes_once() {
        let tickets = [walk_in("A001", 1, None), walk_in("A002", 2, Some("disability"))];
        assert_eq!(next(&window("A"), &tickets, 1), "A002");
        assert_eq!(next(&window("A"), &tickets, 2), "A001");
        // With no ordinary ticket waiting, priority goes on regardless.
        assert_eq!(next(&window("A"), &tickets[1..], 5), "A002");
        // Bookings are not held back by the limit.
        let booked = [Ticket::booked(TicketNumber::parse("A003").unwrap(), at(3), at(3))];
        assert_eq!(next(&window("A"), &[&tickets[..], &booked[..]].concat(), 2), "A003");
    }

    #[test]
    fn the_streak_counts_priority_calls_only() {
        let priority = Lane::Priority { group: "pregnancy".into() };
        assert_eq!(streak_after(1, &priority), 2);
        assert_eq!(streak_after(2, &Lane::Ordinary), 0);
        assert_eq!(streak_after(2, &Lane::Booked { slot_start: at(0) }), 2);
    }

    #[test]
    fn only_waiting_tickets_are_called_and_ties_go_to_the_lower_number() {
        let mut called = walk_in("A001", 1, None);
        called.state = TicketState::Called { window: 2, at: at(4), calls: 1 };
        let tickets = [called, walk_in("A003", 2, None), walk_in("A002", 2, None)];
        assert_eq!(next(&window("A"), &tickets, 0), "A002");
    }

    #[test]
    fn ahead_counts_the_waiting_before_it_in_its_own_queue() {
        let tickets = [
            walk_in("A001", 1, None),
            walk_in("A002", 2, None),
            walk_in("B001", 0, None),
            walk_in("A003", 3, Some("military")),
            walk_in("A004", 4, None),
        ];
        assert_eq!(ahead_of(&tickets[4], &tickets), 3);
        assert_eq!(ahead_of(&tickets[3], &tickets), 0);
        assert_eq!(ahead_of(&tickets[1], &tickets), 2, "A001, and A003 in the priority lane");
    }
}
