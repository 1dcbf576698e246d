//! Tickets, desks and the hall's events (issue 16), kept for the pure queue
//! domain (`domain::queue`): the store counts numbers and writes back what
//! a `Board` changed; the rules are the domain's.
//!
//! Across several servers on one PostgreSQL database: a number is taken by
//! one conditional upsert on its (hall, queue, day) counter row, the cap in
//! its WHERE, as `hold` takes a slot's place; a window's action is written
//! back only where the ticket and the desk still have the version read, so
//! two windows calling at once never both get the same ticket (the later
//! one reads the day again and calls the next). Nothing personal is kept: a
//! checked-in booking's ticket names only its confirmation code.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use jiff::{Timestamp, civil::Date};
use tokio::sync::broadcast;

use super::{
    Store, StoreError,
    engine::{Engine, read, violates, write},
};
use crate::domain::queue::{
    Action, ActionError, Board, CallRules, Desk, Entry, Event, HallLayout, IssueRefusal, Lane, QueuePrefix,
    Ticket, TicketNumber, TicketState, issue, service_day,
};

/// The PostgreSQL channel every hall's events go out on.
const QUEUE_CHANNEL: &str = "onestop_queue";
/// Events a slow subscriber may fall behind by before it is told to read
/// the state again (`lagged`).
const BACKLOG: usize = 1024;
/// Reads of the day again when another window changed it meanwhile: each
/// retry follows a change that did succeed, so this is only ever reached
/// under a storm of actions at one hall.
const ACT_TRIES: usize = 32;

/// Who a new ticket is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewTicket<'a> {
    /// A number taken at the kiosk, in a priority group or not.
    WalkIn { priority_group: Option<String> },
    /// A booking just let in by the check-in rules.
    Booked { code: &'a str, slot_start: Timestamp },
}

/// Why no ticket was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TakeRefusal {
    Refused(IssueRefusal),
    /// The booking has its ticket already: this number, checked in at that instant.
    AlreadyCheckedIn {
        at: Timestamp,
        number: TicketNumber,
    },
}

/// A ticket as the store keeps it, and the day it counts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenTicket {
    pub day: Date,
    pub ticket: Ticket,
}

#[derive(sqlx::FromRow)]
struct TicketRow {
    number: String,
    queue: String,
    issued_utc: i64,
    lane: String,
    priority_group: Option<String>,
    slot_start_utc: Option<i64>,
    place_utc: i64,
    state: String,
    window_no: Option<i64>,
    at_utc: Option<i64>,
    started_utc: Option<i64>,
    calls: i64,
    version: i64,
}

const TICKET_COLUMNS: &str = "number, queue, issued_utc, lane, priority_group, slot_start_utc, place_utc, \
     state, window_no, at_utc, started_utc, calls, version";

fn instant(secs: i64) -> Timestamp {
    Timestamp::from_second(secs).unwrap_or(Timestamp::UNIX_EPOCH)
}

impl TicketRow {
    /// The domain's ticket; None for a row no onestop wrote (logged).
    fn ticket(&self) -> Option<Ticket> {
        let window = u16::try_from(self.window_no.unwrap_or(0)).unwrap_or(0);
        let at = instant(self.at_utc.unwrap_or(0));
        let state = match self.state.as_str() {
            "waiting" => TicketState::Waiting,
            "called" => {
                TicketState::Called { window, at, calls: u8::try_from(self.calls).unwrap_or(u8::MAX) }
            }
            "serving" => TicketState::Serving { window, since: at },
            "missed" => TicketState::Missed { window, at },
            "done" => TicketState::Done { window, started: instant(self.started_utc.unwrap_or(0)), at },
            _ => return None,
        };
        let lane = match (self.lane.as_str(), &self.priority_group, self.slot_start_utc) {
            ("booked", _, Some(start)) => Lane::Booked { slot_start: instant(start) },
            ("priority", Some(group), _) => Lane::Priority { group: group.clone() },
            ("ordinary", ..) => Lane::Ordinary,
            _ => return None,
        };
        Some(Ticket {
            number: TicketNumber::parse(&self.number)?,
            queue: QueuePrefix::parse(&self.queue)?,
            issued_at: instant(self.issued_utc),
            lane,
            place_from: instant(self.place_utc),
            state,
        })
    }
}

/// A ticket's state as columns: (state, window, at, started, calls).
fn state_columns(state: TicketState) -> (&'static str, Option<i64>, Option<i64>, Option<i64>, i64) {
    let w = |w: u16| Some(i64::from(w));
    let s = |t: Timestamp| Some(t.as_second());
    match state {
        TicketState::Waiting => ("waiting", None, None, None, 0),
        TicketState::Called { window, at, calls } => ("called", w(window), s(at), None, i64::from(calls)),
        TicketState::Serving { window, since } => ("serving", w(window), s(since), None, 0),
        TicketState::Missed { window, at } => ("missed", w(window), s(at), None, 0),
        TicketState::Done { window, started, at } => ("done", w(window), s(at), s(started), 0),
    }
}

/// A day's board as stored, with the version of each ticket and desk read.
struct Day {
    board: Board,
    tickets: BTreeMap<TicketNumber, i64>,
    desks: BTreeMap<u16, i64>,
}

/// On PostgreSQL, sends `$event` to every server's listeners when
/// transaction `$tx` commits (NOTIFY is transactional): an event is never
/// announced for a change that was rolled back. SQLite announces after its
/// commit instead (`announce`).
macro_rules! notify_in {
    ($store:expr, $tx:ident, $event:expr) => {
        if $store.is_shared() {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(QUEUE_CHANNEL)
                .bind(serde_json::to_string($event)?)
                .execute(&mut *$tx)
                .await?;
        }
    };
}

/// Reads one hall's day on executor `$exec` (a pool, or `&mut *tx`).
macro_rules! load_day {
    ($exec:expr, $hall:expr, $day:expr) => {
        async {
            let (hall, day): (&str, Date) = ($hall, $day);
            let sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE hall = $1 AND day = $2");
            let rows: Vec<TicketRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(hall)
                .bind(day.to_string())
                .fetch_all($exec)
                .await?;
            let desks: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
                "SELECT window_no, open, priority_streak, version FROM desks WHERE hall = $1 AND day = $2",
            )
            .bind(hall)
            .bind(day.to_string())
            .fetch_all($exec)
            .await?;
            let mut tickets = Vec::with_capacity(rows.len());
            let mut versions = BTreeMap::new();
            for row in &rows {
                match row.ticket() {
                    Some(t) => {
                        versions.insert(t.number, row.version);
                        tickets.push(t);
                    }
                    None => tracing::error!(hall, number = %row.number, "unreadable ticket row left out"),
                }
            }
            let mut desk_map = BTreeMap::new();
            let mut desk_versions = BTreeMap::new();
            for (window, open, streak, version) in desks {
                let Ok(window) = u16::try_from(window) else { continue };
                let streak = u8::try_from(streak).unwrap_or(u8::MAX);
                desk_map.insert(window, Desk { open: open != 0, priority_streak: streak });
                desk_versions.insert(window, version);
            }
            Ok::<Day, StoreError>(Day {
                board: Board::restore(day, tickets, desk_map),
                tickets: versions,
                desks: desk_versions,
            })
        }
    };
}

impl Store {
    /// Gives the next number of `queue` at `now`: refused by the domain's
    /// rules (closed, hours, the cap), or taken atomically from the counter
    /// and stored with its ticket in one transaction.
    pub async fn take_ticket(
        &self,
        hall: &HallLayout,
        queue: QueuePrefix,
        who: NewTicket<'_>,
        now: Timestamp,
    ) -> Result<Result<TakenTicket, TakeRefusal>, StoreError> {
        let entry = match who {
            NewTicket::WalkIn { .. } => Entry::WalkIn,
            NewTicket::Booked { .. } => Entry::Booking,
        };
        // Hours and days first, so a refused walk-in takes no number.
        if let Err(refusal) = issue(hall, queue, now, 0, entry) {
            return Ok(Err(TakeRefusal::Refused(refusal)));
        }
        let Some(q) = hall.queue(queue) else {
            return Ok(Err(TakeRefusal::Refused(IssueRefusal::UnknownQueue(queue))));
        };
        let (cap, full) = match entry {
            Entry::WalkIn => (q.daily_cap, IssueRefusal::DailyCapReached(q.daily_cap)),
            Entry::Booking => (crate::domain::queue::number::MAX_SEQUENCE, IssueRefusal::NumbersExhausted),
        };
        let day = service_day(&hall.zone, now);
        let event_hall = hall.hall.clone();
        let taken = write!(self.engine, durable = true, |tx| {
            let n: Option<i64> = sqlx::query_scalar(
                "INSERT INTO ticket_counters (hall, queue, day, n) VALUES ($1, $2, $3, 1) \
                 ON CONFLICT (hall, queue, day) DO UPDATE SET n = ticket_counters.n + 1 \
                 WHERE ticket_counters.n < $4 RETURNING n",
            )
            .bind(&hall.hall)
            .bind(queue.to_string())
            .bind(day.to_string())
            .bind(i64::from(cap))
            .fetch_optional(&mut *tx)
            .await?;
            let Some(n) = n else { return Ok(Err(TakeRefusal::Refused(full))) };
            let given = u16::try_from(n - 1).unwrap_or(u16::MAX);
            let number = match issue(hall, queue, now, given, entry) {
                Ok(issued) => issued.number,
                Err(refusal) => return Ok(Err(TakeRefusal::Refused(refusal))),
            };
            let (ticket, booking) = match &who {
                NewTicket::WalkIn { priority_group } => {
                    (Ticket::walk_in(number, now, priority_group.clone()), None)
                }
                NewTicket::Booked { code, slot_start } => {
                    (Ticket::booked(number, now, *slot_start), Some(*code))
                }
            };
            let (lane, group, slot) = match &ticket.lane {
                Lane::Booked { slot_start } => ("booked", None, Some(slot_start.as_second())),
                Lane::Priority { group } => ("priority", Some(group.as_str()), None),
                Lane::Ordinary => ("ordinary", None, None),
            };
            let inserted = sqlx::query(
                "INSERT INTO tickets (hall, day, number, queue, issued_utc, lane, priority_group, slot_start_utc, \
                 place_utc, state, calls, version, booking) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'waiting', 0, 0, $10)",
            )
            .bind(&hall.hall)
            .bind(day.to_string())
            .bind(number.to_string())
            .bind(queue.to_string())
            .bind(now.as_second())
            .bind(lane)
            .bind(group)
            .bind(slot)
            .bind(ticket.place_from.as_second())
            .bind(booking)
            .execute(&mut *tx)
            .await;
            match inserted {
                Err(e) if violates(&e, "tickets_booking", "tickets.booking") => None,
                other => {
                    other?;
                    let mut event = HallEvent::new(&event_hall, day, "issued");
                    (event.number, event.queue) = (Some(number), Some(queue));
                    notify_in!(self, tx, &event);
                    tx.commit().await?;
                    Some((TakenTicket { day, ticket }, event))
                }
            }
        });
        match (taken, who) {
            (Some((taken, event)), _) => {
                self.announce(event);
                Ok(Ok(taken))
            }
            // Checked in meanwhile, at another kiosk or server.
            (None, NewTicket::Booked { code, .. }) => match self.booking_ticket(code).await? {
                Some((_, _, number, at)) => Ok(Err(TakeRefusal::AlreadyCheckedIn { at, number })),
                None => Err(StoreError::Db(sqlx::Error::RowNotFound)),
            },
            (None, NewTicket::WalkIn { .. }) => Err(StoreError::Db(sqlx::Error::RowNotFound)),
        }
    }

    /// The ticket a booking was given at check-in: hall, day, number and when.
    pub async fn booking_ticket(
        &self,
        code: &str,
    ) -> Result<Option<(String, Date, TicketNumber, Timestamp)>, StoreError> {
        let row: Option<(String, String, String, i64)> = read!(self.engine, |db| {
            sqlx::query_as("SELECT hall, day, number, issued_utc FROM tickets WHERE booking = $1")
                .bind(code)
                .fetch_optional(db)
                .await?
        });
        Ok(row.and_then(|(hall, day, number, at)| {
            Some((hall, day.parse().ok()?, TicketNumber::parse(&number)?, instant(at)))
        }))
    }

    /// One hall's tickets and desks on `day`.
    pub async fn board(&self, hall: &str, day: Date) -> Result<Board, StoreError> {
        let day = read!(self.engine, |db| load_day!(db, hall, day).await?);
        Ok(day.board)
    }

    /// Does `action` at `window` of `hall` at `now` on the day's board, and
    /// writes back what changed: the domain's refusal, or its event (also
    /// announced on the hall's event stream).
    pub async fn act(
        &self,
        hall: &HallLayout,
        rules: &CallRules,
        window: u16,
        action: Action,
        now: Timestamp,
    ) -> Result<Result<Event, ActionError>, StoreError> {
        let date = service_day(&hall.zone, now);
        for _ in 0..ACT_TRIES {
            let done = write!(self.engine, durable = true, |tx| {
                let Day { mut board, tickets, desks } = load_day!(&mut *tx, &hall.hall, date).await?;
                let before = board.clone();
                let event = match board.act(hall, rules, window, action, now) {
                    Ok(event) => event,
                    Err(refused) => return Ok(Err(refused)),
                };
                let mut lost = false;
                for t in board.tickets().filter(|t| before.ticket(t.number) != Some(*t)) {
                    let (state, w, at, started, calls) = state_columns(t.state);
                    let changed = sqlx::query(
                        "UPDATE tickets SET queue = $4, place_utc = $5, state = $6, window_no = $7, at_utc = $8, \
                         started_utc = $9, calls = $10, version = version + 1 \
                         WHERE hall = $1 AND day = $2 AND number = $3 AND version = $11",
                    )
                    .bind(&hall.hall)
                    .bind(date.to_string())
                    .bind(t.number.to_string())
                    .bind(t.queue.to_string())
                    .bind(t.place_from.as_second())
                    .bind(state)
                    .bind(w)
                    .bind(at)
                    .bind(started)
                    .bind(calls)
                    .bind(tickets.get(&t.number).copied().unwrap_or(-1))
                    .execute(&mut *tx)
                    .await?;
                    lost |= changed.rows_affected() == 0;
                }
                // The desk is written at every action, guarded like a
                // ticket: one window's actions, sent to two servers at
                // once, are done one after the other.
                let desk = board.desk(window);
                let changed = sqlx::query(
                    "INSERT INTO desks (hall, day, window_no, open, priority_streak, version) \
                     VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT (hall, day, window_no) DO UPDATE SET \
                     open = excluded.open, priority_streak = excluded.priority_streak, \
                     version = desks.version + 1 WHERE desks.version = $6",
                )
                .bind(&hall.hall)
                .bind(date.to_string())
                .bind(i64::from(window))
                .bind(i64::from(desk.open))
                .bind(i64::from(desk.priority_streak))
                .bind(desks.get(&window).copied().unwrap_or(0))
                .execute(&mut *tx)
                .await?;
                lost |= changed.rows_affected() == 0;
                if lost {
                    // Dropped: rolled back. Someone else's change came first.
                    None
                } else {
                    let announced = HallEvent::of(&hall.hall, date, &event, &board);
                    notify_in!(self, tx, &announced);
                    tx.commit().await?;
                    Some((event, announced))
                }
            });
            if let Some((event, announced)) = done {
                self.announce(announced);
                return Ok(Ok(event));
            }
        }
        Err(StoreError::Db(sqlx::Error::Protocol(
            "the hall's day kept changing under a window's action".into(),
        )))
    }
}

mod events;

pub use events::{HallEvent, Subscription};
