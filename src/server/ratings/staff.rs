//! The hall's day of ratings for staff, behind a staff token of that hall:
//! per window and per service, the share of 差评, each 差评 with its reason,
//! and the figures the staff screen draws (tickets issued per hour, mean
//! wait per queue, the share of each level per window).

use std::collections::BTreeMap;

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode},
};

use crate::domain::{
    ApiError,
    queue::{Board, TicketState, service_day},
    rating::{
        DayRatings, HourCount, Level, LevelShare, QueueFigures, RatingView, ServiceRatings, WindowRatings,
        permille,
    },
};
use crate::server::{
    AppState,
    params::{ApiPath, ApiQuery, HallPath},
    queue::DayQuery,
    routes::Fail,
    store::{Role, StoredRating},
};

pub(super) fn view(r: &StoredRating) -> RatingView {
    RatingView {
        hall: r.hall.clone(),
        day: r.day.clone(),
        number: r.number.clone(),
        service: r.service.clone(),
        window: r.window,
        level: r.level,
        reason: r.reason,
        text: r.text.clone(),
        at: jiff::Timestamp::from_second(r.at).unwrap_or(jiff::Timestamp::UNIX_EPOCH).to_string(),
    }
}

/// A day's ratings at a hall (today when `day` is left out), for staff.
#[utoipa::path(
    get,
    path = "/api/v1/halls/{hall}/ratings",
    params(HallPath, DayQuery),
    responses(
        (status = 200, body = DayRatings),
        (status = 404, description = "`not_found`: no such hall", body = ApiError),
        (status = 422, description = "`invalid_field` (`day`): not a real date", body = ApiError),
    )
)]
pub(in crate::server) async fn day_ratings(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(HallPath { hall }): ApiPath<HallPath>,
    ApiQuery(q): ApiQuery<DayQuery>,
) -> Result<Json<DayRatings>, Fail> {
    super::token::require(&state, &headers, Role::Staff, Some(&hall)).await?;
    let served = state.served.get();
    let Some(h) = served.catalog.halls.iter().find(|h| h.id == hall) else {
        return Err(Fail::new(StatusCode::NOT_FOUND, "not_found", "no such hall"));
    };
    let now =
        jiff::Timestamp::from_second(state.clock.now().as_second()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let layout = served.queues.hall(&hall).cloned();
    let day = match (q.day.as_deref(), &layout) {
        (Some(d), _) => d.parse().map_err(|_| Fail::invalid("day", "write the day as YYYY-MM-DD"))?,
        (None, Some(l)) => service_day(&l.zone, now),
        (None, None) => crate::server::calendar::today(h, now),
    };
    let ratings = state.store.ratings_of_day(&hall, &day.to_string()).await.map_err(Fail::internal)?;
    let board = match &layout {
        Some(_) => Some(state.store.board(&hall, day).await.map_err(Fail::internal)?),
        None => None,
    };
    let zone = layout.as_ref().map(|l| l.zone.clone()).unwrap_or(jiff::tz::TimeZone::UTC);
    let (issued_per_hour, queues) = board.as_ref().map(|b| figures(b, &zone)).unwrap_or_default();
    let count = len(ratings.len());
    let bad = len(ratings.iter().filter(|r| r.level.is_bad()).count());
    Ok(Json(DayRatings {
        hall: hall.clone(),
        day: day.to_string(),
        count,
        bad,
        bad_permille: permille(bad, count),
        windows: per_window(&ratings),
        services: per_service(&ratings),
        bad_ratings: ratings.iter().filter(|r| r.level.is_bad()).map(view).collect(),
        issued_per_hour,
        queues,
    }))
}

fn len(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn per_window(ratings: &[StoredRating]) -> Vec<WindowRatings> {
    let mut windows: BTreeMap<u16, Vec<Level>> = BTreeMap::new();
    for r in ratings {
        windows.entry(r.window).or_default().push(r.level);
    }
    windows
        .into_iter()
        .map(|(window, levels)| {
            let count = len(levels.len());
            let bad = len(levels.iter().filter(|l| l.is_bad()).count());
            let levels = Level::ALL
                .into_iter()
                .map(|level| {
                    let n = len(levels.iter().filter(|l| **l == level).count());
                    LevelShare { level, count: n, permille: permille(n, count) }
                })
                .collect();
            WindowRatings { window, count, bad, bad_permille: permille(bad, count), levels }
        })
        .collect()
}

fn per_service(ratings: &[StoredRating]) -> Vec<ServiceRatings> {
    let mut services: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for r in ratings {
        let entry = services.entry(&r.service).or_default();
        entry.0 += 1;
        entry.1 += u32::from(r.level.is_bad());
    }
    services
        .into_iter()
        .map(|(service, (count, bad))| ServiceRatings {
            service: service.to_owned(),
            count,
            bad,
            bad_permille: permille(bad, count),
        })
        .collect()
}

/// Tickets issued per local hour (every hour from the first to the last
/// that had any, so a chart's gaps show), and per queue the mean wait from
/// issue to the start of service.
fn figures(board: &Board, zone: &jiff::tz::TimeZone) -> (Vec<HourCount>, Vec<QueueFigures>) {
    let mut hours: BTreeMap<u8, u32> = BTreeMap::new();
    let mut queues: BTreeMap<String, (u32, u32, i64)> = BTreeMap::new();
    for t in board.tickets() {
        *hours.entry(t.issued_at.to_zoned(zone.clone()).hour() as u8).or_default() += 1;
        let q = queues.entry(t.queue.to_string()).or_default();
        q.0 += 1;
        let started = match t.state {
            TicketState::Serving { since, .. } => Some(since),
            TicketState::Done { started, .. } => Some(started),
            _ => None,
        };
        if let Some(started) = started {
            q.1 += 1;
            q.2 += started.duration_since(t.issued_at).as_secs().max(0);
        }
    }
    let per_hour = match (hours.keys().next(), hours.keys().next_back()) {
        (Some(&first), Some(&last)) => (first..=last)
            .map(|hour| HourCount { hour, count: hours.get(&hour).copied().unwrap_or(0) })
            .collect(),
        _ => vec![],
    };
    let queues = queues
        .into_iter()
        .map(|(queue, (issued, started, waited))| QueueFigures {
            queue,
            issued,
            started,
            mean_wait_seconds: (started > 0)
                .then(|| u32::try_from(waited / i64::from(started)).unwrap_or(u32::MAX)),
        })
        .collect();
    (per_hour, queues)
}
