//! One hall's service day as a state machine: the tickets and the windows'
//! desks, changed only by [`Board::add`] and [`Board::act`]. Each action
//! either changes what it says and returns the [`Event`] to announce
//! (calling screen, phone pages, consoles), or changes nothing and says why.
//!
//! A ticket's life: waiting → called (again and again: 重呼) → being served
//! → done. From called: missed (过号), and from missed back to waiting
//! within `CallRules::return_minutes`, behind those waiting then. From
//! called or being served: transferred to another queue, where it waits
//! again keeping its number and its place (see `Ticket::place_from`), in
//! its lane — a citizen sent on is not sent to the back.
//!
//! The store keeps the board: after an action it writes the ticket the
//! event names and the window's desk.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp, civil::Date};

use super::hall::{HallLayout, QueuePrefix, Window};
use super::number::{TicketNumber, service_day};
use super::order::{self, CallRules};
use super::ticket::{Lane, Ticket, TicketState};

#[cfg(test)]
mod tests;

/// A window's own state for the day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Desk {
    /// A clerk is there and calling; a window starts the day closed.
    pub open: bool,
    /// Priority tickets called in a row (see `order`).
    pub priority_streak: u8,
}

/// What a clerk does at a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Start calling (sign in, or come back from a pause).
    Open,
    /// Stop calling new numbers; the ticket in hand may still be finished.
    Pause,
    /// Call the next ticket in the order of calling.
    CallNext,
    /// Call this waiting ticket, out of order (e.g. one just put back).
    Call(TicketNumber),
    /// Call the ticket in hand again (重呼).
    Recall,
    /// The citizen called has come to the window.
    Start,
    /// The citizen called has not come (过号).
    NoShow,
    /// A missed ticket's citizen has come back: it waits again.
    PutBack(TicketNumber),
    /// Done with the ticket in hand.
    Finish,
    /// Send the ticket in hand to another queue.
    Transfer { to: QueuePrefix },
}

/// What happened, to announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Opened {
        window: u16,
    },
    Paused {
        window: u16,
    },
    /// `calls` is 1 for the first call, more for each call again.
    Called {
        window: u16,
        number: TicketNumber,
        calls: u8,
    },
    Started {
        window: u16,
        number: TicketNumber,
    },
    Missed {
        window: u16,
        number: TicketNumber,
    },
    PutBack {
        window: u16,
        number: TicketNumber,
    },
    Finished {
        window: u16,
        number: TicketNumber,
        took: SignedDuration,
    },
    Transferred {
        window: u16,
        number: TicketNumber,
        from: QueuePrefix,
        to: QueuePrefix,
    },
}

/// Why an action changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    #[error("the hall has no window {0}")]
    UnknownWindow(u16),
    #[error("window {0} is not open")]
    WindowNotOpen(u16),
    #[error("window {window} already has {number} in hand")]
    WindowBusy { window: u16, number: TicketNumber },
    #[error("no ticket waits for window {0}")]
    NothingWaiting(u16),
    #[error("window {0} has no ticket in hand")]
    NothingInHand(u16),
    #[error("no ticket {0} today")]
    UnknownTicket(TicketNumber),
    #[error("ticket {number} is not waiting (it is {state})")]
    NotWaiting { number: TicketNumber, state: &'static str },
    #[error("ticket {number} is not called and awaited (it is {state})")]
    NotCalled { number: TicketNumber, state: &'static str },
    #[error("ticket {number} has not been missed (it is {state})")]
    NotMissed { number: TicketNumber, state: &'static str },
    #[error("ticket {number} was missed more than {minutes} minutes ago: it can no longer be put back")]
    TooLateToPutBack { number: TicketNumber, minutes: u16 },
    #[error("window {window} does not serve queue {queue}")]
    NotServedHere { window: u16, queue: QueuePrefix },
    #[error("the hall has no queue {0}")]
    UnknownQueue(QueuePrefix),
    #[error("ticket {number} is already in queue {queue}")]
    SameQueue { number: TicketNumber, queue: QueuePrefix },
    #[error("ticket {0} exists already")]
    DuplicateNumber(TicketNumber),
    #[error("the hall has no priority group `{0}`")]
    UnknownPriorityGroup(String),
    #[error("ticket {number} belongs to {its_day}, not to this board's day {day}")]
    OtherDay { number: TicketNumber, its_day: Date, day: Date },
}

/// One hall's tickets and desks for one service day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    day: Date,
    tickets: BTreeMap<TicketNumber, Ticket>,
    desks: BTreeMap<u16, Desk>,
}

impl Board {
    pub fn new(day: Date) -> Board {
        Board { day, tickets: BTreeMap::new(), desks: BTreeMap::new() }
    }

    /// A board as the store kept it (tickets and desks it wrote).
    pub fn restore(day: Date, tickets: Vec<Ticket>, desks: BTreeMap<u16, Desk>) -> Board {
        Board { day, tickets: tickets.into_iter().map(|t| (t.number, t)).collect(), desks }
    }

    pub fn day(&self) -> Date {
        self.day
    }

    pub fn ticket(&self, number: TicketNumber) -> Option<&Ticket> {
        self.tickets.get(&number)
    }

    pub fn tickets(&self) -> impl Iterator<Item = &Ticket> + '_ {
        self.tickets.values()
    }

    pub fn desk(&self, window: u16) -> Desk {
        self.desks.get(&window).copied().unwrap_or_default()
    }

    /// A ticket just issued (walk-in) or given to a checked-in booking.
    pub fn add(&mut self, hall: &HallLayout, ticket: Ticket) -> Result<(), ActionError> {
        if self.tickets.contains_key(&ticket.number) {
            return Err(ActionError::DuplicateNumber(ticket.number));
        }
        if hall.queue(ticket.queue).is_none() {
            return Err(ActionError::UnknownQueue(ticket.queue));
        }
        if let Lane::Priority { group } = &ticket.lane
            && hall.priority_group(group).is_none()
        {
            return Err(ActionError::UnknownPriorityGroup(group.clone()));
        }
        let its_day = service_day(&hall.zone, ticket.issued_at);
        if its_day != self.day {
            return Err(ActionError::OtherDay { number: ticket.number, its_day, day: self.day });
        }
        self.tickets.insert(ticket.number, ticket);
        Ok(())
    }

    /// Does `action` at `window` at `now`.
    pub fn act(
        &mut self,
        hall: &HallLayout,
        rules: &CallRules,
        window: u16,
        action: Action,
        now: Timestamp,
    ) -> Result<Event, ActionError> {
        let w = hall.window(window).ok_or(ActionError::UnknownWindow(window))?;
        match action {
            Action::Open => {
                self.desks.entry(window).or_default().open = true;
                Ok(Event::Opened { window })
            }
            Action::Pause => {
                self.desks.entry(window).or_default().open = false;
                Ok(Event::Paused { window })
            }
            Action::CallNext => {
                self.ready_to_call(window)?;
                let desk = self.desk(window);
                let next = order::next_in_line(w, self.tickets.values(), desk.priority_streak, rules);
                let number = next.ok_or(ActionError::NothingWaiting(window))?.number;
                Ok(self.call(window, number, now))
            }
            Action::Call(number) => {
                self.ready_to_call(window)?;
                let t = self.get(number)?;
                if !t.is_waiting() {
                    return Err(ActionError::NotWaiting { number, state: t.state.name() });
                }
                serves(w, t.queue)?;
                Ok(self.call(window, number, now))
            }
            Action::Recall => {
                let t = self.in_hand_mut(window)?;
                match &mut t.state {
                    TicketState::Called { calls, at, .. } => {
                        *calls = calls.saturating_add(1);
                        *at = now;
                        Ok(Event::Called { window, number: t.number, calls: *calls })
                    }
                    state => Err(ActionError::NotCalled { number: t.number, state: state.name() }),
                }
            }
            Action::Start => {
                let t = self.in_hand_mut(window)?;
                if !matches!(t.state, TicketState::Called { .. }) {
                    return Err(ActionError::NotCalled { number: t.number, state: t.state.name() });
                }
                t.state = TicketState::Serving { window, since: now };
                Ok(Event::Started { window, number: t.number })
            }
            Action::NoShow => {
                let t = self.in_hand_mut(window)?;
                if !matches!(t.state, TicketState::Called { .. }) {
                    return Err(ActionError::NotCalled { number: t.number, state: t.state.name() });
                }
                t.state = TicketState::Missed { window, at: now };
                Ok(Event::Missed { window, number: t.number })
            }
            Action::PutBack(number) => {
                let t = self.get(number)?;
                serves(w, t.queue)?;
                let TicketState::Missed { at, .. } = t.state else {
                    return Err(ActionError::NotMissed { number, state: t.state.name() });
                };
                if now.duration_since(at) > SignedDuration::from_mins(i64::from(rules.return_minutes)) {
                    return Err(ActionError::TooLateToPutBack { number, minutes: rules.return_minutes });
                }
                let t = self.tickets.get_mut(&number).expect("found above");
                t.state = TicketState::Waiting;
                t.place_from = now;
                Ok(Event::PutBack { window, number })
            }
            Action::Finish => {
                let t = self.in_hand_mut(window)?;
                let started = match t.state {
                    TicketState::Called { at, .. } => at,
                    TicketState::Serving { since, .. } => since,
                    _ => unreachable!("a ticket in hand is called or being served"),
                };
                t.state = TicketState::Done { window, started, at: now };
                Ok(Event::Finished { window, number: t.number, took: now.duration_since(started) })
            }
            Action::Transfer { to } => {
                if hall.queue(to).is_none() {
                    return Err(ActionError::UnknownQueue(to));
                }
                let t = self.in_hand_mut(window)?;
                let from = t.queue;
                if from == to {
                    return Err(ActionError::SameQueue { number: t.number, queue: to });
                }
                t.queue = to;
                t.state = TicketState::Waiting;
                Ok(Event::Transferred { window, number: t.number, from, to })
            }
        }
    }

    fn get(&self, number: TicketNumber) -> Result<&Ticket, ActionError> {
        self.tickets.get(&number).ok_or(ActionError::UnknownTicket(number))
    }

    /// The ticket called or being served at `window`.
    pub fn in_hand(&self, window: u16) -> Option<&Ticket> {
        self.tickets.values().find(|t| t.at_window() == Some(window))
    }

    fn in_hand_mut(&mut self, window: u16) -> Result<&mut Ticket, ActionError> {
        let found = self.tickets.values_mut().find(|t| t.at_window() == Some(window));
        found.ok_or(ActionError::NothingInHand(window))
    }

    /// A window may call when it is open and has nobody in hand.
    fn ready_to_call(&self, window: u16) -> Result<(), ActionError> {
        if !self.desk(window).open {
            return Err(ActionError::WindowNotOpen(window));
        }
        match self.in_hand(window) {
            Some(t) => Err(ActionError::WindowBusy { window, number: t.number }),
            None => Ok(()),
        }
    }

    fn call(&mut self, window: u16, number: TicketNumber, now: Timestamp) -> Event {
        let t = self.tickets.get_mut(&number).expect("the caller found it waiting");
        t.state = TicketState::Called { window, at: now, calls: 1 };
        let desk = self.desks.entry(window).or_default();
        desk.priority_streak = order::streak_after(desk.priority_streak, &t.lane);
        Event::Called { window, number, calls: 1 }
    }

    /// What waits for `window`, in the order it would be called (ignoring
    /// the priority limit, which only ever moves one ordinary ticket up).
    pub fn waiting_for<'a>(&'a self, window: &Window) -> Vec<&'a Ticket> {
        let mut waiting: Vec<_> =
            self.tickets.values().filter(|t| t.is_waiting() && window.serves(t.queue)).collect();
        waiting.sort_by(|a, b| order::line_order(a, b));
        waiting
    }

    /// Missed tickets of `window`'s queues that may still be put back at
    /// `now`, the most recently missed first.
    pub fn missed_for<'a>(&'a self, window: &Window, rules: &CallRules, now: Timestamp) -> Vec<&'a Ticket> {
        let limit = SignedDuration::from_mins(i64::from(rules.return_minutes));
        let mut missed: Vec<_> = self
            .tickets
            .values()
            .filter(|t| window.serves(t.queue))
            .filter_map(|t| match t.state {
                TicketState::Missed { at, .. } if now.duration_since(at) <= limit => Some((at, t)),
                _ => None,
            })
            .collect();
        missed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.number.cmp(&b.1.number)));
        missed.into_iter().map(|(_, t)| t).collect()
    }
}

fn serves(window: &Window, queue: QueuePrefix) -> Result<(), ActionError> {
    if window.serves(queue) {
        Ok(())
    } else {
        Err(ActionError::NotServedHere { window: window.number, queue })
    }
}
