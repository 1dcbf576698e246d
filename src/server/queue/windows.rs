//! A clerk's actions at one window: open, pause, call next, call a ticket,
//! call again, start, no-show, put back, finish, transfer.

use axum::{
    Json,
    extract::{State, rejection::JsonRejection},
    http::StatusCode,
};

use super::{ActionDone, ActionName, WindowActionRequest, WindowPath, now, numbering_hall};
use crate::domain::ApiError;
use crate::domain::queue::{Action, ActionError, Event};
use crate::server::{
    AppState,
    params::{ApiPath, json_refused},
    routes::Fail,
};

/// The request as the domain's action; a missing `number` or `to` is the
/// field at fault.
fn action(req: &WindowActionRequest) -> Result<Action, Fail> {
    let number = || req.number.ok_or_else(|| Fail::invalid("number", "this action names the ticket"));
    Ok(match req.action {
        ActionName::Open => Action::Open,
        ActionName::Pause => Action::Pause,
        ActionName::CallNext => Action::CallNext,
        ActionName::Call => Action::Call(number()?),
        ActionName::Recall => Action::Recall,
        ActionName::Start => Action::Start,
        ActionName::NoShow => Action::NoShow,
        ActionName::PutBack => Action::PutBack(number()?),
        ActionName::Finish => Action::Finish,
        ActionName::Transfer => Action::Transfer {
            to: req.to.ok_or_else(|| Fail::invalid("to", "a transfer names the queue it sends to"))?,
        },
    })
}

/// Each refusal with its own code; the message is the domain's sentence.
fn refused(e: ActionError) -> Fail {
    let code = match &e {
        ActionError::UnknownWindow(_) => return Fail::new(StatusCode::NOT_FOUND, "not_found", e.to_string()),
        ActionError::UnknownTicket(_) => return Fail::invalid("number", &e.to_string()),
        ActionError::UnknownQueue(_) => return Fail::invalid("to", &e.to_string()),
        ActionError::WindowNotOpen(_) => "window_not_open",
        ActionError::WindowBusy { .. } => "window_busy",
        ActionError::NothingWaiting(_) => "nothing_waiting",
        ActionError::NothingInHand(_) => "nothing_in_hand",
        ActionError::NotWaiting { .. } => "not_waiting",
        ActionError::NotCalled { .. } => "not_called",
        ActionError::NotMissed { .. } => "not_missed",
        ActionError::TooLateToPutBack { .. } => "too_late_to_put_back",
        ActionError::NotServedHere { .. } => "not_served_here",
        ActionError::SameQueue { .. } => "same_queue",
        // Only adding a ticket can meet these; an action never does.
        ActionError::DuplicateNumber(_)
        | ActionError::UnknownPriorityGroup(_)
        | ActionError::OtherDay { .. } => {
            return Fail::internal(e);
        }
    };
    Fail::new(StatusCode::CONFLICT, code, e.to_string())
}

fn done(event: Event) -> ActionDone {
    let mut d = ActionDone {
        kind: String::new(),
        window: 0,
        number: None,
        calls: None,
        from: None,
        to: None,
        took_seconds: None,
    };
    let (kind, window, number) = match event {
        Event::Opened { window } => ("opened", window, None),
        Event::Paused { window } => ("paused", window, None),
        Event::Called { window, number, calls } => {
            d.calls = Some(calls);
            ("called", window, Some(number))
        }
        Event::Started { window, number } => ("started", window, Some(number)),
        Event::Missed { window, number } => ("missed", window, Some(number)),
        Event::PutBack { window, number } => ("put_back", window, Some(number)),
        Event::Finished { window, number, took } => {
            d.took_seconds = Some(took.as_secs());
            ("finished", window, Some(number))
        }
        Event::Transferred { window, number, from, to } => {
            (d.from, d.to) = (Some(from.to_string()), Some(to.to_string()));
            ("transferred", window, Some(number))
        }
    };
    d.kind = kind.into();
    d.window = window;
    d.number = number.map(|n| n.to_string());
    d
}

/// Does a clerk's action at a window, behind a window token of the hall.
/// Two windows calling at once never get the same ticket, on any server.
#[utoipa::path(
    post,
    path = "/api/v1/halls/{hall}/windows/{window}/actions",
    params(WindowPath),
    request_body = WindowActionRequest,
    responses(
        (status = 200, description = "Done; the same event goes out on the hall's stream", body = ActionDone),
        (status = 404, description = "`not_found`: no such hall, or no such window there", body = ApiError),
        (status = 409, description = "`numbers_at_desk`, `window_not_open`, `window_busy`, `nothing_waiting`, \
         `nothing_in_hand`, `not_waiting`, `not_called`, `not_missed`, `too_late_to_put_back`, \
         `not_served_here`, `same_queue`", body = ApiError),
        (status = 422, description = "`invalid_field` (`number`, `to`): missing, or no such ticket today or queue", body = ApiError),
    )
)]
pub(in crate::server) async fn window_action(
    State(state): State<AppState>,
    ApiPath(WindowPath { hall, window }): ApiPath<WindowPath>,
    body: Result<Json<WindowActionRequest>, JsonRejection>,
) -> Result<Json<ActionDone>, Fail> {
    let Json(req) = body.map_err(json_refused)?;
    let layout = numbering_hall(&state, &hall)?;
    let action = action(&req)?;
    let result = state.store.act(&layout, &state.call_rules, window, action, now(&state)).await;
    Ok(Json(done(result.map_err(Fail::internal)?.map_err(refused)?)))
}
