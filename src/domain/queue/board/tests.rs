//! The board driven through a morning at a two-queue hall, by a manual clock.

use jiff::{SignedDuration, Timestamp, civil::date, tz::TimeZone};

use super::*;
use crate::domain::queue::{ClockTime, PriorityGroup, Queue, QueuePrefix, Ticket, TicketNumber};

fn p(c: char) -> QueuePrefix {
    QueuePrefix::new(c).unwrap()
}

fn n(s: &str) -> TicketNumber {
    TicketNumber::parse(s).unwrap()
}

/// Minutes after 09:00 in Shanghai on Tuesday 1 December 2026.
fn at(minute: i64) -> Timestamp {
    let nine: Timestamp = "2026-12-01T01:00:00Z".parse().unwrap();
    nine.checked_add(SignedDuration::from_mins(minute)).unwrap()
}

/// Queues A and B; window 1 calls A, window 2 calls A and B, window 3 B.
fn hall() -> HallLayout {
    let queue = |c| Queue {
        prefix: p(c),
        name: Default::default(),
        services: vec![format!("service-{c}")],
        daily_cap: 200,
        issue_from: ClockTime::new(9, 0).unwrap(),
        issue_until: ClockTime::new(16, 30).unwrap(),
        typical: None,
    };
    HallLayout {
        hall: "h".into(),
        zone: TimeZone::get("Asia/Shanghai").unwrap(),
        open_weekdays: vec![1, 2, 3, 4, 5],
        closed_dates: vec![],
        queues: vec![queue('A'), queue('B')],
        windows: vec![
            Window { number: 1, queues: vec![p('A')] },
            Window { number: 2, queues: vec![p('A'), p('B')] },
            Window { number: 3, queues: vec![p('B')] },
        ],
        priority_groups: vec![PriorityGroup { id: "senior-70".into(), name: Default::default() }],
    }
}

struct Day {
    hall: HallLayout,
    board: Board,
    rules: CallRules,
}

impl Day {
    fn new() -> Day {
        Day { hall: hall(), board: Board::new(date(2026, 12, 1)), rules: CallRules::default() }
    }

    fn walk_in(&mut self, number: &str, minute: i64, group: Option<&str>) {
        let ticket = Ticket::walk_in(n(number), at(minute), group.map(str::to_owned));
        self.board.add(&self.hall, ticket).unwrap();
    }

    fn act(&mut self, window: u16, action: Action, minute: i64) -> Result<Event, ActionError> {
        self.board.act(&self.hall, &self.rules, window, action, at(minute))
    }

    /// Calls next at `window` and says which number came.
    fn call_next(&mut self, window: u16, minute: i64) -> String {
        match self.act(window, Action::CallNext, minute) {
            Ok(Event::Called { number, .. }) => number.to_string(),
            other => format!("{other:?}"),
        }
    }

    fn state(&self, number: &str) -> TicketState {
        self.board.ticket(n(number)).unwrap().state
    }
}

#[test]
fn a_ticket_goes_from_waiting_to_done() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.act(1, Action::Open, 1).unwrap();
    assert_eq!(day.call_next(1, 2), "A001");
    assert_eq!(day.state("A001"), TicketState::Called { window: 1, at: at(2), calls: 1 });
    assert_eq!(day.act(1, Action::Recall, 3), Ok(Event::Called { window: 1, number: n("A001"), calls: 2 }));
    assert_eq!(day.act(1, Action::Start, 4), Ok(Event::Started { window: 1, number: n("A001") }));
    let finished = day.act(1, Action::Finish, 16);
    assert_eq!(
        finished,
        Ok(Event::Finished { window: 1, number: n("A001"), took: SignedDuration::from_mins(12) })
    );
    assert_eq!(day.board.served_at(1), (1, Some(SignedDuration::from_mins(12))));
    assert_eq!(day.board.in_hand(1), None);
}

#[test]
fn finishing_without_start_counts_from_the_last_call() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.act(1, Action::Open, 0).unwrap();
    day.call_next(1, 1);
    day.act(1, Action::Recall, 2).unwrap();
    day.act(1, Action::Finish, 10).unwrap();
    assert_eq!(day.board.service_times(p('A')), [SignedDuration::from_mins(8)]);
}

#[test]
fn a_window_calls_across_its_queues_first_come_first_served() {
    let mut day = Day::new();
    day.walk_in("A001", 1, None);
    day.walk_in("B001", 0, None);
    day.walk_in("A002", 2, None);
    for w in [1, 2] {
        day.act(w, Action::Open, 3).unwrap();
    }
    assert_eq!(day.call_next(2, 4), "B001");
    assert_eq!(day.call_next(1, 4), "A001");
    day.act(2, Action::Finish, 5).unwrap();
    assert_eq!(day.call_next(2, 6), "A002");
    day.act(2, Action::Finish, 7).unwrap();
    assert_eq!(day.act(2, Action::CallNext, 8), Err(ActionError::NothingWaiting(2)));
}

#[test]
fn priority_goes_first_but_at_most_twice_in_a_row() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.walk_in("A002", 1, None);
    for (i, number) in ["A003", "A004", "A005"].into_iter().enumerate() {
        day.walk_in(number, 2 + i as i64, Some("senior-70"));
    }
    day.act(1, Action::Open, 5).unwrap();
    let mut calls = vec![];
    for minute in 6..11 {
        calls.push(day.call_next(1, minute));
        day.act(1, Action::Finish, minute).unwrap();
    }
    assert_eq!(calls, ["A003", "A004", "A001", "A005", "A002"]);
}

#[test]
fn checked_in_bookings_are_called_before_everyone() {
    let mut day = Day::new();
    day.walk_in("A001", 0, Some("senior-70"));
    day.board.add(&day.hall, Ticket::booked(n("A002"), at(20), at(30))).unwrap();
    day.act(1, Action::Open, 21).unwrap();
    assert_eq!(day.call_next(1, 21), "A002");
}

#[test]
fn a_missed_ticket_can_be_put_back_within_the_limit_behind_those_waiting() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.walk_in("A002", 1, None);
    day.act(1, Action::Open, 2).unwrap();
    day.call_next(1, 2);
    assert_eq!(day.act(1, Action::NoShow, 5), Ok(Event::Missed { window: 1, number: n("A001") }));
    let window = day.hall.window(1).unwrap().clone();
    assert_eq!(day.board.missed_for(&window, &day.rules, at(35)).len(), 1);
    assert_eq!(day.board.missed_for(&window, &day.rules, at(36)).len(), 0);
    // A third ticket arrives; the citizen of A001 comes back at minute 20.
    day.walk_in("A003", 10, None);
    assert_eq!(
        day.act(1, Action::PutBack(n("A001")), 20),
        Ok(Event::PutBack { window: 1, number: n("A001") })
    );
    let order: Vec<String> = day.board.waiting_for(&window).iter().map(|t| t.number.to_string()).collect();
    assert_eq!(order, ["A002", "A003", "A001"]);
}

#[test]
fn putting_back_too_late_or_what_was_not_missed_is_refused() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.walk_in("B001", 0, None);
    day.act(1, Action::Open, 0).unwrap();
    day.call_next(1, 1);
    day.act(1, Action::NoShow, 2).unwrap();
    let late = day.act(1, Action::PutBack(n("A001")), 33);
    assert_eq!(late, Err(ActionError::TooLateToPutBack { number: n("A001"), minutes: 30 }));
    assert_eq!(day.state("A001"), TicketState::Missed { window: 1, at: at(2) });
    let waiting = day.act(3, Action::PutBack(n("B001")), 3);
    assert_eq!(waiting, Err(ActionError::NotMissed { number: n("B001"), state: "waiting" }));
    let elsewhere = day.act(3, Action::PutBack(n("A001")), 3);
    assert_eq!(elsewhere, Err(ActionError::NotServedHere { window: 3, queue: p('A') }));
}

#[test]
fn a_transfer_keeps_the_number_and_the_place_by_issue_time() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.walk_in("B001", 5, None);
    day.walk_in("B002", 6, None);
    day.act(1, Action::Open, 7).unwrap();
    day.act(3, Action::Open, 7).unwrap();
    day.call_next(1, 8);
    day.act(1, Action::Start, 9).unwrap();
    let moved = day.act(1, Action::Transfer { to: p('B') }, 12);
    assert_eq!(moved, Ok(Event::Transferred { window: 1, number: n("A001"), from: p('A'), to: p('B') }));
    let t = day.board.ticket(n("A001")).unwrap();
    assert_eq!((t.queue, t.state, t.place_from), (p('B'), TicketState::Waiting, at(0)));
    // Issued before B001 and B002, it is called first in B.
    assert_eq!(day.call_next(3, 13), "A001");
    assert_eq!(day.board.ahead_of(n("B002")), Some(1));
}

#[test]
fn a_transfer_must_go_somewhere_else_that_exists() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.act(1, Action::Open, 0).unwrap();
    assert_eq!(day.act(1, Action::Transfer { to: p('B') }, 1), Err(ActionError::NothingInHand(1)));
    day.call_next(1, 1);
    assert_eq!(day.act(1, Action::Transfer { to: p('Z') }, 2), Err(ActionError::UnknownQueue(p('Z'))));
    let same = day.act(1, Action::Transfer { to: p('A') }, 2);
    assert_eq!(same, Err(ActionError::SameQueue { number: n("A001"), queue: p('A') }));
}

#[test]
fn calls_are_refused_at_closed_busy_or_unknown_windows() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.walk_in("A002", 0, None);
    assert_eq!(day.act(1, Action::CallNext, 1), Err(ActionError::WindowNotOpen(1)));
    assert_eq!(day.act(9, Action::Open, 1), Err(ActionError::UnknownWindow(9)));
    day.act(1, Action::Open, 1).unwrap();
    day.call_next(1, 2);
    assert_eq!(
        day.act(1, Action::CallNext, 3),
        Err(ActionError::WindowBusy { window: 1, number: n("A001") })
    );
    // Paused with a ticket in hand: it can still be finished, but nothing new called.
    day.act(1, Action::Pause, 4).unwrap();
    assert!(day.act(1, Action::Finish, 5).is_ok());
    assert_eq!(day.act(1, Action::CallNext, 6), Err(ActionError::WindowNotOpen(1)));
}

#[test]
fn calling_a_chosen_ticket_needs_it_waiting_and_served_here() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.walk_in("B001", 0, None);
    day.act(1, Action::Open, 0).unwrap();
    day.act(2, Action::Open, 0).unwrap();
    assert_eq!(
        day.act(1, Action::Call(n("B001")), 1),
        Err(ActionError::NotServedHere { window: 1, queue: p('B') })
    );
    assert_eq!(day.act(1, Action::Call(n("A009")), 1), Err(ActionError::UnknownTicket(n("A009"))));
    assert!(day.act(2, Action::Call(n("A001")), 1).is_ok());
    let taken = day.act(1, Action::Call(n("A001")), 2);
    assert_eq!(taken, Err(ActionError::NotWaiting { number: n("A001"), state: "called" }));
}

#[test]
fn only_a_called_ticket_is_called_again_started_or_missed() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    day.act(1, Action::Open, 0).unwrap();
    assert_eq!(day.act(1, Action::Recall, 1), Err(ActionError::NothingInHand(1)));
    day.call_next(1, 1);
    day.act(1, Action::Start, 2).unwrap();
    let serving = "being served";
    assert_eq!(
        day.act(1, Action::Recall, 3),
        Err(ActionError::NotCalled { number: n("A001"), state: serving })
    );
    assert_eq!(
        day.act(1, Action::NoShow, 3),
        Err(ActionError::NotCalled { number: n("A001"), state: serving })
    );
    assert_eq!(
        day.act(1, Action::Start, 3),
        Err(ActionError::NotCalled { number: n("A001"), state: serving })
    );
}

#[test]
fn tickets_are_added_only_once_for_this_day_queue_and_group() {
    let mut day = Day::new();
    day.walk_in("A001", 0, None);
    let again = Ticket::walk_in(n("A001"), at(1), None);
    assert_eq!(day.board.add(&day.hall, again), Err(ActionError::DuplicateNumber(n("A001"))));
    let nowhere = Ticket::walk_in(n("C001"), at(1), None);
    assert_eq!(day.board.add(&day.hall, nowhere), Err(ActionError::UnknownQueue(p('C'))));
    let group = Ticket::walk_in(n("A002"), at(1), Some("astronaut".into()));
    assert_eq!(day.board.add(&day.hall, group), Err(ActionError::UnknownPriorityGroup("astronaut".into())));
    // 16:00Z is midnight in Shanghai: the next day's board.
    let tomorrow = Ticket::walk_in(n("A003"), "2026-12-01T16:00:00Z".parse().unwrap(), None);
    let refused = day.board.add(&day.hall, tomorrow);
    assert_eq!(
        refused,
        Err(ActionError::OtherDay { number: n("A003"), its_day: date(2026, 12, 2), day: date(2026, 12, 1) })
    );
}

#[test]
fn the_estimate_follows_open_windows_and_finished_services() {
    let mut day = Day::new();
    for (i, number) in ["A001", "A002", "A003", "A004"].into_iter().enumerate() {
        day.walk_in(number, i as i64, None);
    }
    assert_eq!(day.board.estimate_for(&day.hall, n("A004"), None), Some(Estimate::NoWindowOpen));
    day.act(1, Action::Open, 5).unwrap();
    assert_eq!(day.board.estimate_for(&day.hall, n("A004"), None), Some(Estimate::Unknown));
    day.call_next(1, 5);
    day.act(1, Action::Finish, 15).unwrap();
    // 2 ahead (A002, A003), 10 minutes each, 1 window: 25 minutes.
    let expected = Some(Estimate::Minutes { low: 20, high: 38 });
    assert_eq!(day.board.estimate_for(&day.hall, n("A004"), None), expected);
    day.act(2, Action::Open, 15).unwrap();
    assert_eq!(
        day.board.estimate_for(&day.hall, n("A004"), None),
        Some(Estimate::Minutes { low: 10, high: 19 })
    );
    assert_eq!(day.board.estimate_for(&day.hall, n("A001"), None), None, "A001 is done");
}

use crate::domain::queue::Estimate;
