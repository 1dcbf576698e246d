//! The hall's event stream (Server-Sent Events): every number issued and
//! every window's action, from whichever server did it, for the window
//! consoles, the calling screen and the phone pages.

use std::convert::Infallible;

use axum::{
    extract::State,
    http::StatusCode,
    response::sse::{Event, KeepAlive, Sse},
};
use futures_util::{Stream, StreamExt, stream};

use super::{StreamEvent, hall_layout};
use crate::domain::ApiError;
use crate::server::{
    AppState,
    params::{ApiPath, HallPath},
    routes::Fail,
    store::Subscription,
};

/// The hall's events as they happen. The first, `ready`, says the stream
/// is listening; then each event is named by its kind (`issued`, `opened`,
/// `paused`, `called`, `started`, `missed`, `put_back`, `finished`,
/// `transferred`) with JSON data `{hall, day, kind, window?, number?,
/// queue?, calls?, to?}`: numbers and windows only. `lagged` says events
/// were missed (a slow reader, a lost database connection): read
/// `GET /api/v1/halls/{hall}/queues` again.
#[utoipa::path(
    get,
    path = "/api/v1/halls/{hall}/events",
    params(HallPath),
    responses(
        (status = 200, description = "`text/event-stream`, kept alive with a comment every 15 seconds",
         content_type = "text/event-stream", body = StreamEvent),
        (status = 404, description = "`not_found`: no such hall", body = ApiError),
        (status = 503, description = "`too_many_subscribers`: this server streams to as many as it can; try another or later", body = ApiError),
    )
)]
pub(in crate::server) async fn hall_events(
    State(state): State<AppState>,
    ApiPath(HallPath { hall }): ApiPath<HallPath>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, Fail> {
    hall_layout(&state, &hall)?;
    let subscription = state.store.hall_events().await.map_err(Fail::internal)?.ok_or_else(|| {
        Fail::new(StatusCode::SERVICE_UNAVAILABLE, "too_many_subscribers", "too many event streams open here")
    })?;
    let ready = Event::default().event("ready").data(format!("{{\"hall\":\"{hall}\"}}"));
    let events = stream::unfold((subscription, hall), next);
    Ok(Sse::new(stream::once(async { Ok(ready) }).chain(events)).keep_alive(KeepAlive::default()))
}

/// The next event of `hall` (or for every hall), as SSE.
async fn next(
    (mut sub, hall): (Subscription, String),
) -> Option<(Result<Event, Infallible>, (Subscription, String))> {
    loop {
        let event = match sub.recv().await? {
            Ok(e) if e.hall == hall || e.hall.is_empty() => {
                let data = serde_json::to_string(&*e).unwrap_or_default();
                Event::default().event(e.kind.as_str()).data(data)
            }
            Ok(_) => continue,
            Err(missed) => Event::default().event("lagged").data(format!("{{\"missed\":{missed}}}")),
        };
        return Some((Ok(event), (sub, hall)));
    }
}
