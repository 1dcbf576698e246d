//! What staff read: a hall's day of ratings with the figures its screen
//! draws, and the reports per guide.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Level, RatingView, ReportView};

/// A hall's day of ratings, for the staff screen: counts, shares (in per
/// mille, so figures add up exactly), each 差评 with its reason, and the
/// day's figures drawn as charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DayRatings {
    pub hall: String,
    pub day: String,
    pub count: u32,
    /// How many were 差评 (the two lowest levels).
    pub bad: u32,
    pub bad_permille: u32,
    pub windows: Vec<WindowRatings>,
    pub services: Vec<ServiceRatings>,
    /// Every 差评 of the day, in the order given, for follow-up.
    pub bad_ratings: Vec<RatingView>,
    /// Tickets issued in each local hour that had any, from the first to the last.
    pub issued_per_hour: Vec<HourCount>,
    pub queues: Vec<QueueFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WindowRatings {
    pub window: u16,
    pub count: u32,
    pub bad: u32,
    pub bad_permille: u32,
    /// Each of the five levels, best first.
    pub levels: Vec<LevelShare>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LevelShare {
    pub level: Level,
    pub count: u32,
    pub permille: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ServiceRatings {
    pub service: String,
    pub count: u32,
    pub bad: u32,
    pub bad_permille: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HourCount {
    /// Local hour at the hall, 0 to 23.
    pub hour: u8,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QueueFigures {
    pub queue: String,
    pub issued: u32,
    /// Tickets whose service began (the wait is from issue to that).
    pub started: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_wait_seconds: Option<u32>,
}

/// The reports for staff: how many per guide, and the latest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Reports {
    pub guides: Vec<GuideReports>,
    /// The latest 50, newest first.
    pub latest: Vec<ReportView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct GuideReports {
    pub service: String,
    pub count: u32,
}

/// `part` of `whole` in per mille, rounded half up; 0 of nothing.
pub fn permille(part: u32, whole: u32) -> u32 {
    if whole == 0 { 0 } else { ((u64::from(part) * 2000 + u64::from(whole)) / (2 * u64::from(whole))) as u32 }
}
