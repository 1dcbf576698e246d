//! Taking a number, one ticket's state, and the hall's queues now.

use axum::{
    Json,
    extract::{State, rejection::JsonRejection},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use jiff::civil::Date;

use super::{CallView, DayQuery, TicketPath};
use super::{
    GroupView, HallQueues, InHandView, MissedView, QueueView, TicketRequest, TicketView, WaitView,
    WindowView, hall_layout, now, numbering_hall,
};
use crate::domain::queue::{
    Board, HallLayout, IssueRefusal, Lane, TicketState, Window, estimate_with, service_day,
};
use crate::domain::{ApiError, queue::QueuePrefix};
use crate::server::{
    AppState,
    params::{ApiPath, ApiQuery, HallPath, json_refused},
    routes::Fail,
    store::{NewTicket, TakeRefusal},
};

/// An issuing refusal as the kiosk explains it: 409 with its own code.
pub(super) fn refused(refusal: IssueRefusal) -> Fail {
    let (code, detail) = match refusal {
        IssueRefusal::UnknownQueue(_) => ("numbers_at_desk", None),
        IssueRefusal::ClosedToday(_) => ("closed_today", None),
        IssueRefusal::BeforeHours(t) => ("before_hours", Some(t.to_string())),
        IssueRefusal::AfterHours(t) => ("after_hours", Some(t.to_string())),
        IssueRefusal::DailyCapReached(_) => ("daily_cap_reached", None),
        IssueRefusal::NumbersExhausted => ("numbers_exhausted", None),
    };
    let fail = Fail::new(StatusCode::CONFLICT, code, refusal.to_string());
    match detail {
        Some(detail) => fail.detail(detail),
        None => fail,
    }
}

/// Takes a number for a service (取号). Nothing personal is asked: a
/// priority group (绿色通道) is what the citizen says, checked at the window.
#[utoipa::path(
    post,
    path = "/api/v1/halls/{hall}/tickets",
    params(HallPath),
    request_body = TicketRequest,
    responses(
        (status = 201, description = "The ticket: its number, how many are ahead, the estimated wait", body = TicketView),
        (status = 404, description = "`not_found`: no such hall", body = ApiError),
        (status = 409, description = "`numbers_at_desk`: the hall gives no numbers through onestop; \
         `closed_today`, `before_hours`, `after_hours` (the message says when), `daily_cap_reached`", body = ApiError),
        (status = 422, description = "`invalid_field` (`service`, `priority_group`): not at this hall, or not one of its groups", body = ApiError),
    )
)]
pub(in crate::server) async fn take_ticket(
    State(state): State<AppState>,
    ApiPath(HallPath { hall }): ApiPath<HallPath>,
    body: Result<Json<TicketRequest>, JsonRejection>,
) -> Result<Response, Fail> {
    let Json(req) = body.map_err(json_refused)?;
    let layout = numbering_hall(&state, &hall)?;
    let served = state.served.get();
    let handled = served.catalog.services.iter().any(|s| s.id == req.service && s.halls.contains(&hall));
    let queue = match layout.queue_for_service(&req.service) {
        Some(q) if handled => q.prefix,
        _ => return Err(Fail::invalid("service", "this hall does not handle this service")),
    };
    if let Some(group) = &req.priority_group
        && layout.priority_group(group).is_none()
    {
        return Err(Fail::invalid("priority_group", "not one of this hall's priority groups"));
    }
    let who = NewTicket::WalkIn { priority_group: req.priority_group };
    let view = issue_ticket(&state, &layout, queue, who).await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// Takes the ticket and describes it as it stands on the day's board.
pub(super) async fn issue_ticket(
    state: &AppState,
    layout: &HallLayout,
    queue: QueuePrefix,
    who: NewTicket<'_>,
) -> Result<TicketView, Fail> {
    let taken = match state.store.take_ticket(layout, queue, who, now(state)).await.map_err(Fail::internal)? {
        Ok(taken) => taken,
        Err(TakeRefusal::Refused(r)) => return Err(refused(r)),
        Err(TakeRefusal::AlreadyCheckedIn { at, number }) => return Err(super::checkin::already(at, number)),
    };
    let board = state.store.board(&layout.hall, taken.day).await.map_err(Fail::internal)?;
    let ticket = board.ticket(taken.ticket.number).unwrap_or(&taken.ticket);
    Ok(TicketView::new(layout, &board, ticket))
}

/// One ticket's state now, for the phone page: waiting (how many ahead,
/// the estimate), called (which window), or done. Numbers only.
#[utoipa::path(
    get,
    path = "/api/v1/halls/{hall}/tickets/{number}",
    params(TicketPath, DayQuery),
    responses(
        (status = 200, body = TicketView),
        (status = 404, description = "`not_found`: no such hall, or no such ticket that day", body = ApiError),
        (status = 422, description = "`invalid_field` (`day`): not a real date", body = ApiError),
    )
)]
pub(in crate::server) async fn ticket_state(
    State(state): State<AppState>,
    ApiPath(TicketPath { hall, number }): ApiPath<TicketPath>,
    ApiQuery(q): ApiQuery<DayQuery>,
) -> Result<Json<TicketView>, Fail> {
    let none = || Fail::new(StatusCode::NOT_FOUND, "not_found", "no such ticket");
    let layout = hall_layout(&state, &hall)?.ok_or_else(none)?;
    let day = day_or_today(&state, &layout, q.day.as_deref())?;
    let board = state.store.board(&hall, day).await.map_err(Fail::internal)?;
    let ticket = board.ticket(number).ok_or_else(none)?;
    Ok(Json(TicketView::new(&layout, &board, ticket)))
}

fn day_or_today(state: &AppState, layout: &HallLayout, day: Option<&str>) -> Result<Date, Fail> {
    match day {
        Some(d) => d.parse().map_err(|_| Fail::invalid("day", "write the day as YYYY-MM-DD")),
        None => Ok(service_day(&layout.zone, now(state))),
    }
}

/// The hall's queues now: waiting per queue and the estimate for a number
/// taken now, the windows open, and the tickets called (numbers only).
#[utoipa::path(
    get,
    path = "/api/v1/halls/{hall}/queues",
    params(HallPath),
    responses(
        (status = 200, description = "With `numbers_here` false and no queues where the hall gives numbers at the desk", body = HallQueues),
        (status = 404, description = "`not_found`: no such hall", body = ApiError),
    )
)]
pub(in crate::server) async fn hall_queues(
    State(state): State<AppState>,
    ApiPath(HallPath { hall }): ApiPath<HallPath>,
) -> Result<Json<HallQueues>, Fail> {
    let layout = hall_layout(&state, &hall)?;
    let served = state.served.get();
    let time_zone = served.catalog.halls.iter().find(|h| h.id == hall).map(|h| h.time_zone.clone());
    let Some(layout) = layout else {
        let day = crate::server::calendar::today(
            served.catalog.halls.iter().find(|h| h.id == hall).expect("hall_layout found it"),
            now(&state),
        );
        return Ok(Json(HallQueues {
            hall,
            day: day.to_string(),
            time_zone: time_zone.unwrap_or_default(),
            numbers_here: false,
            queues: vec![],
            windows: vec![],
            calls: vec![],
            priority_groups: vec![],
        }));
    };
    let day = service_day(&layout.zone, now(&state));
    let board = state.store.board(&hall, day).await.map_err(Fail::internal)?;
    Ok(Json(HallQueues {
        hall,
        day: day.to_string(),
        time_zone: time_zone.unwrap_or_default(),
        numbers_here: true,
        queues: layout.queues.iter().map(|q| queue_view(&layout, &board, q)).collect(),
        windows: layout.windows.iter().map(|w| window_view(&state, &board, w)).collect(),
        calls: calls(&board),
        priority_groups: layout
            .priority_groups
            .iter()
            .map(|g| GroupView { id: g.id.clone(), name: g.name.clone() })
            .collect(),
    }))
}

fn queue_view(layout: &HallLayout, board: &Board, q: &crate::domain::queue::Queue) -> QueueView {
    let waiting = board.tickets().filter(|t| t.queue == q.prefix && t.is_waiting()).count();
    let open = board.open_windows_for(layout, q.prefix);
    QueueView {
        prefix: q.prefix.to_string(),
        name: q.name.clone(),
        services: q.services.clone(),
        waiting: u32::try_from(waiting).unwrap_or(u32::MAX),
        open_windows: u32::try_from(open).unwrap_or(u32::MAX),
        // A number taken now waits behind everyone waiting in its queue.
        // As a ticket's own estimate: shared windows count in part.
        estimate: WaitView::from(estimate_with(
            waiting,
            board.windows_for(layout, q.prefix),
            &board.service_times(q.prefix),
            q.typical,
        )),
        windows: layout.windows_serving(q.prefix).map(|w| w.number).collect(),
        issue_from: q.issue_from.to_string(),
        issue_until: q.issue_until.to_string(),
        daily_cap: q.daily_cap,
    }
}

/// One window as its clerk's console shows it: the ticket in hand, what
/// waits for it in calling order, the missed tickets it may put back, and
/// its day so far. Numbers only, as everywhere on this public route.
fn window_view(state: &AppState, board: &Board, w: &Window) -> WindowView {
    let at = now(state);
    let rules = &state.call_rules;
    let limit = jiff::SignedDuration::from_mins(i64::from(rules.return_minutes));
    let missed = board
        .missed_for(w, rules, at)
        .into_iter()
        .take(20)
        .filter_map(|t| match t.state {
            TicketState::Missed { at: missed_at, .. } => Some(MissedView {
                number: t.number.to_string(),
                seconds_left: u32::try_from((limit - at.duration_since(missed_at)).as_secs().max(0))
                    .unwrap_or(u32::MAX),
            }),
            _ => None,
        })
        .collect();
    let (served, mean) = board.served_at(w.number);
    WindowView {
        number: w.number,
        open: board.desk(w.number).open,
        queues: w.queues.iter().map(|q| q.to_string()).collect(),
        in_hand: board.in_hand(w.number).map(|t| t.number.to_string()),
        ticket: board.in_hand(w.number).map(|t| in_hand_view(t, at)),
        waiting: board.waiting_for(w).into_iter().take(50).map(|t| t.number.to_string()).collect(),
        missed,
        served_today: u32::try_from(served).unwrap_or(u32::MAX),
        mean_service_seconds: mean.map(|d| u32::try_from(d.as_secs().max(0)).unwrap_or(u32::MAX)),
    }
}

fn in_hand_view(t: &crate::domain::queue::Ticket, now: jiff::Timestamp) -> InHandView {
    let (lane, priority_group) = match &t.lane {
        Lane::Booked { .. } => ("booked", None),
        Lane::Priority { group } => ("priority", Some(group.clone())),
        Lane::Ordinary => ("ordinary", None),
    };
    let (state, calls, since) = match t.state {
        TicketState::Called { at, calls, .. } => ("called", Some(calls), at),
        TicketState::Serving { since, .. } => ("serving", None, since),
        _ => ("", None, t.issued_at),
    };
    InHandView {
        number: t.number.to_string(),
        queue: t.queue.to_string(),
        lane: lane.into(),
        priority_group,
        state: state.into(),
        calls,
        since: since.to_string(),
        seconds_since: u32::try_from(now.duration_since(since).as_secs().max(0)).unwrap_or(u32::MAX),
    }
}

/// Tickets in hand at a window, the latest call first.
fn calls(board: &Board) -> Vec<CallView> {
    let mut calls: Vec<_> = board
        .tickets()
        .filter_map(|t| match t.state {
            TicketState::Called { window, at, calls } => Some((at, t.number, window, "called", Some(calls))),
            TicketState::Serving { window, since } => Some((since, t.number, window, "serving", None)),
            _ => None,
        })
        .collect();
    calls.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    calls
        .into_iter()
        .take(20)
        .map(|(at, number, window, state, calls)| CallView {
            number: number.to_string(),
            window,
            state: state.into(),
            calls,
            at: at.to_string(),
        })
        .collect()
}
