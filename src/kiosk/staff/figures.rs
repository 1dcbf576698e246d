//! What the staff screen fetches besides the kiosk's own facts (issue 17):
//! the hall's day of ratings, the reports of mistakes in guides, and the
//! names of the hall's queues. Each part says on its own why it is missing,
//! so a refused staff token never hides the queues, nor an outage the token.

use crate::domain::rating::{DayRatings, Reports};
use crate::domain::{FetchError, Text};

/// The day's figures, as the backend gave them.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub ratings: Result<DayRatings, StaffRefusal>,
    pub reports: Result<Reports, StaffRefusal>,
    /// The hall's queues (their names, its time zone), when they could be read.
    pub queues: Option<QueueNames>,
}

// Counts and words only: nothing in the figures compares loosely.
impl Eq for Figures {}

/// The hall's queues as people know them: "A" is 户籍与身份证.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueNames {
    /// IANA time zone of the hall, for the times of ratings and reports.
    pub time_zone: String,
    /// Each queue's prefix and name.
    pub names: Vec<(String, Text)>,
}

impl QueueNames {
    pub fn name(&self, prefix: &str) -> Option<&Text> {
        self.names.iter().find(|(p, _)| p == prefix).map(|(_, n)| n)
    }
}

/// Why a staff figure is missing, each in its own sentence: the kiosk asks
/// with `backend.staff_token`, and the backend may want one it lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffRefusal {
    /// The backend did not answer, or not with the figures.
    Fetch(FetchError),
    /// The backend asks for a staff token and `backend.staff_token` is not set.
    NoToken,
    /// The token set is unknown to the backend, or revoked.
    TokenRefused,
    /// The token set is not a staff token (another role's).
    NotStaff,
    /// The staff token is another hall's.
    OtherHall,
    /// The backend knows no hall by this kiosk's `kiosk.hall`.
    NoSuchHall,
}
