//! The hall visit (issue 16): queues and windows, ticket numbers, the order
//! of calling, estimated waits and checking in a booking. Pure: time arrives
//! as arguments, nothing here reads a clock, a file or the network, so the
//! server's store and the window console drive it deterministically.
//!
//! - [`hall`]: a hall's queues, windows and priority groups; [`load`] reads
//!   them from `queues.toml` and checks them against the catalogue.
//! - [`number`]: the service day in the hall's zone, and the next number.
//! - [`ticket`] and [`board`]: one service day's tickets as a state machine
//!   (call, call again, no-show, put back, start, finish, transfer);
//!   [`order`] says who is called next.
//! - [`wait`]: the estimated wait, as a range or honestly unknown.
//! - [`checkin`]: whether a booking may be checked in now.
//! - [`wire`]: what the routes take and give, for server and clients alike.

pub mod board;
pub mod checkin;
pub mod hall;
pub mod load;
pub mod number;
pub mod order;
pub mod problem;
pub mod ticket;
pub mod wait;
pub mod wire;

pub use board::{Action, ActionError, Board, Desk, Event};
pub use checkin::{BookingToCheck, CheckInRefusal, CheckedIn, check_in};
pub use hall::{ClockTime, HallLayout, PriorityGroup, Queue, QueueCatalog, QueuePrefix, Window};
pub use load::load;
pub use number::{Entry, IssueRefusal, Issued, TicketNumber, issue, local_time, service_day};
pub use order::CallRules;
pub use problem::{LoadError, ProblemKind, QueueProblem};
pub use ticket::{Lane, Ticket, TicketState};
pub use wait::{Estimate, estimate, estimate_with};

/// The file a catalogue directory keeps its queues in, beside `halls.toml`.
pub const FILE_NAME: &str = "queues.toml";
