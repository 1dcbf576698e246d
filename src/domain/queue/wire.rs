//! What the hall visit's routes take and give (issue 16), shared by the
//! server, the kiosk and the window console. Numbers, queues and windows
//! only: no answer here says who holds a ticket.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Board, Estimate, HallLayout, Lane, Ticket, TicketState};
use crate::domain::{Text, limits::de};

/// Taking a number at the kiosk. Nothing personal is asked.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketRequest {
    /// The service the citizen came for; its queue gives the number.
    #[schema(
        pattern = "^[a-z0-9-]{1,64}$",
        min_length = 1,
        max_length = 64,
        example = "passport-application"
    )]
    #[serde(deserialize_with = "de::id")]
    pub service: String,
    /// One of the hall's priority groups (绿色通道), as the citizen says;
    /// staff check at the window.
    #[schema(pattern = "^[a-z0-9-]{1,64}$", min_length = 1, max_length = 64, example = "senior-70")]
    #[serde(default, deserialize_with = "optional_id", skip_serializing_if = "Option::is_none")]
    pub priority_group: Option<String>,
}

/// Checking a booking in: its code, proven by the phone's last four digits.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInRequest {
    /// Confirmation code, in either case, optionally `XXXX-XXXX`.
    #[schema(
        pattern = "^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$",
        min_length = 8,
        max_length = 9,
        example = "7K3M9QX2"
    )]
    #[serde(deserialize_with = "de::booking_code")]
    pub code: String,
    /// The last four digits of the phone given when booking; anything else
    /// counts as a wrong try.
    #[schema(pattern = "^[0-9]{4}$", min_length = 4, max_length = 4, example = "5678")]
    #[serde(deserialize_with = "de::typed")]
    pub phone_last4: String,
}

/// What a clerk does at a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionName {
    Open,
    Pause,
    CallNext,
    /// Call `number`, out of order.
    Call,
    Recall,
    Start,
    NoShow,
    /// Put missed ticket `number` back in line.
    PutBack,
    Finish,
    /// Send the ticket in hand to queue `to`.
    Transfer,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WindowActionRequest {
    pub action: ActionName,
    /// For `call` and `put_back`: the ticket.
    #[schema(value_type = Option<String>, pattern = "^[A-Z][0-9]{3}$", example = "A023")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<super::TicketNumber>,
    /// For `transfer`: the queue's letter.
    #[schema(value_type = Option<String>, pattern = "^[A-Z]$", example = "B")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<super::QueuePrefix>,
}

/// What an action did (as the event stream announces it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ActionDone {
    /// `opened`, `paused`, `called`, `started`, `missed`, `put_back`,
    /// `finished` or `transferred`.
    pub kind: String,
    pub window: u16,
    #[schema(pattern = "^[A-Z][0-9]{3}$", example = "A023")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// For `called`: 1, more for each call again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls: Option<u8>,
    /// For `transferred`: the queue it left and the one it waits in now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// For `finished`: how long the service took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub took_seconds: Option<i64>,
}

/// The estimated wait: a range of minutes, or honestly not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WaitView {
    /// Between `low` and `high` minutes.
    Minutes { low: u32, high: u32 },
    /// No window that calls the queue is open: nobody can say.
    NoWindowOpen,
    /// No service finished in the queue today to go by.
    Unknown,
}

impl From<Estimate> for WaitView {
    fn from(e: Estimate) -> WaitView {
        match e {
            Estimate::Minutes { low, high } => WaitView::Minutes { low, high },
            Estimate::NoWindowOpen => WaitView::NoWindowOpen,
            Estimate::Unknown => WaitView::Unknown,
        }
    }
}

/// One ticket as the kiosk prints it and the phone page follows it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TicketView {
    pub hall: String,
    /// The service day it counts in, at the hall.
    #[schema(format = Date, example = "2026-12-01")]
    pub day: String,
    #[schema(pattern = "^[A-Z][0-9]{3}$", example = "A023")]
    pub number: String,
    /// The queue it waits in now (another than its letter's after a transfer).
    #[schema(pattern = "^[A-Z]$", example = "A")]
    pub queue: String,
    pub queue_name: Text,
    /// `booked`, `priority` or `ordinary`: earlier lanes are called first.
    pub lane: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_group: Option<String>,
    /// `waiting`, `called`, `serving`, `missed` or `done`.
    pub state: String,
    /// Where to go, once called (and while served there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<u16>,
    /// While waiting: how many of its queue are called before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahead: Option<u32>,
    /// While waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<WaitView>,
    /// The windows that call its queue.
    pub windows: Vec<u16>,
    #[schema(format = DateTime, example = "2026-12-01T01:30:00Z")]
    pub issued_at: String,
}

impl TicketView {
    pub fn new(hall: &HallLayout, board: &Board, t: &Ticket) -> TicketView {
        let (lane, group) = match &t.lane {
            Lane::Booked { .. } => ("booked", None),
            Lane::Priority { group } => ("priority", Some(group.clone())),
            Lane::Ordinary => ("ordinary", None),
        };
        let state = match t.state {
            TicketState::Waiting => "waiting",
            TicketState::Called { .. } => "called",
            TicketState::Serving { .. } => "serving",
            TicketState::Missed { .. } => "missed",
            TicketState::Done { .. } => "done",
        };
        TicketView {
            hall: hall.hall.clone(),
            day: board.day().to_string(),
            number: t.number.to_string(),
            queue: t.queue.to_string(),
            queue_name: hall.queue(t.queue).map(|q| q.name.clone()).unwrap_or_default(),
            lane: lane.into(),
            priority_group: group,
            state: state.into(),
            window: t.at_window(),
            ahead: board.ahead_of(t.number).map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
            estimate: board
                .estimate_for(hall, t.number, hall.queue(t.queue).and_then(|q| q.typical))
                .map(WaitView::from),
            windows: hall.windows_serving(t.queue).map(|w| w.number).collect(),
            issued_at: t.issued_at.to_string(),
        }
    }
}

/// One queue's state now.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QueueView {
    #[schema(pattern = "^[A-Z]$", example = "A")]
    pub prefix: String,
    pub name: Text,
    /// Service ids whose numbers it gives.
    pub services: Vec<String>,
    pub waiting: u32,
    /// Open windows that call it.
    pub open_windows: u32,
    /// For a number taken now.
    pub estimate: WaitView,
    pub windows: Vec<u16>,
    /// Walk-in numbers are given from…until (local time, `HH:MM`).
    pub issue_from: String,
    pub issue_until: String,
    pub daily_cap: u16,
}

/// One window's state now.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WindowView {
    pub number: u16,
    pub open: bool,
    pub queues: Vec<String>,
    /// The ticket called or being served there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_hand: Option<String>,
    /// The same ticket as its clerk needs it: lane, calls, since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<InHandView>,
    /// What waits for this window, in the order it would be called
    /// (numbers only; at most 50).
    #[serde(default)]
    pub waiting: Vec<String>,
    /// Missed tickets of its queues that may still be put back, the most
    /// recently missed first (at most 20).
    #[serde(default)]
    pub missed: Vec<MissedView>,
    /// Tickets this window finished today.
    #[serde(default)]
    pub served_today: u32,
    /// Their mean service time in seconds; none before the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_service_seconds: Option<u32>,
}

/// The ticket a window has in hand, for its clerk's console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InHandView {
    #[schema(pattern = "^[A-Z][0-9]{3}$", example = "A023")]
    pub number: String,
    /// The queue it was called from.
    #[schema(pattern = "^[A-Z]$", example = "A")]
    pub queue: String,
    /// `booked`, `priority` or `ordinary`.
    pub lane: String,
    /// For `priority`: the group the citizen named (staff check it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_group: Option<String>,
    /// `called` or `serving`.
    pub state: String,
    /// While called: 1, more for each call again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls: Option<u8>,
    /// The last call, or the start of its service.
    #[schema(format = DateTime, example = "2026-12-01T01:30:00Z")]
    pub since: String,
    /// Seconds from `since` to when the queues were read (the console
    /// counts on from there, whatever its own clock says).
    pub seconds_since: u32,
}

/// A missed ticket (过号) that may still be put back in line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MissedView {
    #[schema(pattern = "^[A-Z][0-9]{3}$", example = "A023")]
    pub number: String,
    /// Seconds left, when the queues were read, to put it back.
    pub seconds_left: u32,
}

/// A ticket called and not yet done, for the calling screen.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CallView {
    #[schema(pattern = "^[A-Z][0-9]{3}$", example = "A023")]
    pub number: String,
    pub window: u16,
    /// `called` (1 call, or more: `calls`) or `serving`.
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls: Option<u8>,
    #[schema(format = DateTime)]
    pub at: String,
}

/// A priority group the hall serves first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GroupView {
    pub id: String,
    pub name: Text,
}

/// A hall's queues now: what waits, who is called, which windows are open.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HallQueues {
    pub hall: String,
    #[schema(format = Date)]
    pub day: String,
    pub time_zone: String,
    /// False when the hall gives no numbers through onestop: numbers are
    /// given at the desk.
    pub numbers_here: bool,
    pub queues: Vec<QueueView>,
    pub windows: Vec<WindowView>,
    /// Tickets in hand at a window, the latest call first (at most 20).
    pub calls: Vec<CallView>,
    pub priority_groups: Vec<GroupView>,
}

fn optional_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(s) if !crate::domain::limits::is_id(&s) => {
            Err(serde::de::Error::custom("expected an id: 1 to 64 of a-z, 0-9 and '-'"))
        }
        s => Ok(s),
    }
}
