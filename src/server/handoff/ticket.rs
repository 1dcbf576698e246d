//! A ticket (取号) followed on the phone: the kiosk names the ticket it just
//! printed, the page shows where it stands now — its number, how many are
//! ahead, the estimate as a range, the window once called, and a plain
//! "served" at the end. Numbers only: nothing on the page says who holds it.
//!
//! The page refreshes itself (`<meta http-equiv="refresh">`, no script),
//! and offers a copy that does not, for a reader who wants the page to
//! hold still (WCAG 2.2.1: moving content the user can stop).

use std::fmt::Write as _;

use axum::response::{IntoResponse, Response};
use jiff::{Timestamp, civil::Date};

use super::html::{escape, para};
use crate::domain::{
    TicketRef,
    queue::{
        TicketNumber, TicketState,
        wire::{TicketView, WaitView},
    },
};
use crate::i18n::{self, Tr};
use crate::server::{
    AppState,
    routes::Fail,
    store::{HandoffTicket, TokenInfo},
};

/// Seconds between the page's own refreshes: often enough that a call is
/// seen before the citizen is marked missed, seldom enough for a hall full
/// of phones on one server.
pub(super) const REFRESH_SECS: u32 = 20;

/// With this many or fewer ahead, "your turn is near".
pub(super) const NEAR: u32 = 3;

/// The ticket the kiosk named, if it exists at the kiosk's hall: the hall
/// of its token, or (tokens not required) of the service's halls the first
/// that has it. Anything else is the one 422, saying nothing of other halls.
pub(super) async fn known(
    state: &AppState,
    token: Option<&TokenInfo>,
    service: &str,
    wanted: &TicketRef,
) -> Result<HandoffTicket, Response> {
    let unknown = || Fail::invalid("ticket", "no such ticket at this kiosk's hall").into_response();
    let (Some(number), Ok(day)) = (TicketNumber::parse(&wanted.number), wanted.day.parse::<Date>()) else {
        return Err(unknown());
    };
    let halls: Vec<String> = match token {
        Some(token) => vec![token.hall.clone()],
        None => {
            let served = state.served.get();
            let service = served.catalog.services.iter().find(|s| s.id == service);
            service.map(|s| s.halls.clone()).unwrap_or_default()
        }
    };
    for hall in halls {
        let board = state.store.board(&hall, day).await.map_err(|e| Fail::internal(e).into_response())?;
        if board.ticket(number).is_some() {
            return Ok(HandoffTicket { hall, day: day.to_string(), number: number.to_string() });
        }
    }
    Err(unknown())
}

/// A ticket as it stands now, and the window its state names (a missed
/// ticket's too, which the API's view leaves out: the citizen is sent back
/// there).
pub(super) struct Now {
    pub view: TicketView,
    pub window: Option<u16>,
}

/// The ticket as it stands now, or None when it is gone from its day (the
/// day's rows removed): the page then says so rather than guess.
pub(super) async fn now_view(
    state: &AppState,
    t: &HandoffTicket,
) -> Result<Option<Now>, crate::server::store::StoreError> {
    let (Some(number), Ok(day)) = (TicketNumber::parse(&t.number), t.day.parse::<Date>()) else {
        return Ok(None);
    };
    let served = state.served.get();
    let Some(layout) = served.queues.hall(&t.hall) else { return Ok(None) };
    let board = state.store.board(&t.hall, day).await?;
    Ok(board.ticket(number).map(|ticket| {
        let window = match ticket.state {
            TicketState::Waiting => None,
            TicketState::Called { window, .. }
            | TicketState::Serving { window, .. }
            | TicketState::Missed { window, .. }
            | TicketState::Done { window, .. } => Some(window),
        };
        Now { view: TicketView::new(layout, &board, ticket), window }
    }))
}

/// Whether the page should refresh itself: not once the ticket is done (or
/// gone), and not when the reader asked it to hold still.
pub(super) fn refreshes(now: Option<&Now>, still: bool) -> bool {
    !still && now.is_some_and(|n| n.view.state != "done")
}

/// The ticket's section of the page: its number as the heading, then what
/// to do now. `code` is the handoff's (for the links to this page), `at`
/// when the ticket was read, in the hall's zone.
pub(super) fn section(tr: &Tr, number: &str, code: &str, now: Option<&Now>, at: &str, still: bool) -> String {
    let mut out = format!(
        "<h1 class=\"number\">{}</h1>",
        escape(&tr.a("m-ticket-title", &[("number", i18n::s(number))]))
    );
    let Some(Now { view: v, window }) = now else {
        return out + &para(&tr.t("m-ticket-gone"));
    };
    out += &para(&tr.a("m-ticket-queue", &[("queue", i18n::s(v.queue_name.get(tr.lang)))]));
    // role="status": a screen reader hears the news at each refresh.
    out += "<div role=\"status\">";
    out += &state_lines(tr, v, *window);
    out += "</div>";
    if v.state != "done" {
        let _ =
            write!(out, "<p class=\"note\">{}", escape(&tr.a("m-ticket-updated", &[("time", i18n::s(at))])));
        // Holding still, the page says how to follow again; else how often
        // it updates, and how to stop it.
        let (id, href) = if still {
            ("m-ticket-resume", "?")
        } else {
            let every = tr.a("m-ticket-refresh", &[("seconds", i18n::n(REFRESH_SECS))]);
            let _ = write!(out, " {}", escape(&every));
            ("m-ticket-hold-still", "?refresh=off")
        };
        let _ =
            write!(out, "<br><a href=\"{}\">{}</a></p>", escape(&format!("{code}{href}")), escape(&tr.t(id)));
    }
    out
}

/// What the citizen should know and do now, by the ticket's state.
fn state_lines(tr: &Tr, v: &TicketView, window: Option<u16>) -> String {
    let window = |id: &str| tr.a(id, &[("window", i18n::n(window.unwrap_or(0)))]);
    match v.state.as_str() {
        "waiting" => {
            let ahead = v.ahead.unwrap_or(0);
            let mut out = para(&tr.a("m-ticket-waiting", &[("ahead", i18n::n(ahead))]));
            out += &para(&estimate_line(tr, v.estimate));
            if ahead <= NEAR {
                let _ =
                    write!(out, "<p class=\"near\"><strong>{}</strong></p>", escape(&tr.t("m-ticket-near")));
            }
            let windows: Vec<String> = v.windows.iter().map(u16::to_string).collect();
            out + &para(&tr.a("m-ticket-windows", &[("windows", i18n::s(&windows.join(", ")))]))
        }
        "called" => {
            format!("<p class=\"called\"><strong>{}</strong></p>", escape(&window("m-ticket-called")))
        }
        "serving" => para(&window("m-ticket-serving")),
        "missed" => para(&window("m-ticket-missed")),
        _ => para(&tr.t("m-ticket-served")),
    }
}

fn estimate_line(tr: &Tr, estimate: Option<WaitView>) -> String {
    match estimate {
        Some(WaitView::Minutes { low: 0, high }) => {
            tr.a("m-ticket-estimate-up-to", &[("high", i18n::n(high))])
        }
        Some(WaitView::Minutes { low, high }) => {
            tr.a("m-ticket-estimate", &[("low", i18n::n(low)), ("high", i18n::n(high))])
        }
        Some(WaitView::NoWindowOpen) => tr.t("m-ticket-no-window"),
        Some(WaitView::Unknown) | None => tr.t("m-ticket-unknown"),
    }
}

/// "HH:MM" now at the ticket's hall.
pub(super) fn local_time(state: &AppState, hall: &str) -> String {
    let served = state.served.get();
    let zone = served.catalog.halls.iter().find(|h| h.id == hall).map(crate::server::calendar::zone);
    let now = Timestamp::from_second(state.clock.now().as_second()).unwrap_or(Timestamp::UNIX_EPOCH);
    crate::server::calendar::hh_mm(&now.to_zoned(zone.unwrap_or(jiff::tz::TimeZone::UTC)))
}

/// `?refresh=off`, exactly: anything else is the refreshing page (a query
/// is never refused, so no framework text can reach the phone).
pub(super) fn holds_still(query: Option<&str>) -> bool {
    query == Some("refresh=off")
}
