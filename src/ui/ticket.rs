//! The ticket screen: the number large, its queue, how many are ahead, the
//! estimated wait as a range (or honestly why none), the windows that call
//! it, and the QR code to follow it on the phone. Or, where no number was
//! given, why — and where numbers are given instead.

use ratatui::{
    Frame,
    layout::{Position, Rect},
    text::Line,
};

use crate::domain::queue::wire::{TicketView, WaitView};
use crate::i18n::{self, Tr};
use crate::kiosk::{
    Remote, State,
    visit::{self, TicketStage},
};
use crate::ui::spoken::Line as Spoken;
use crate::ui::{
    Ui, screens,
    widgets::{big_text, qr},
    wrap,
};

/// Rows the number takes in big letters.
const BIG_ROWS: u16 = 8;

pub fn draw(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, qr: bool) {
    let tr = &ui.tr;
    frame.set_cursor_position(Position { x: body.x, y: body.y });
    match &state.visit.ticket {
        Some(TicketStage::Ready { view, .. }) if qr => phone(state, ui, frame, body, view),
        Some(TicketStage::Ready { view, .. }) => ticket(state, ui, frame, body, view),
        Some(TicketStage::Refused(r)) => {
            let (heading, refusal) =
                (tr.t("ticket-refused-heading"), super::visit::refusal_text(state, tr, r));
            let y = wrap::draw(frame, body, body.y, &heading, ui.theme.heading);
            wrap::draw(frame, body, y + 1, &refusal, ui.theme.error);
            ui.spoken.line(Spoken::Text(heading));
            ui.spoken.line(Spoken::Text(refusal));
        }
        Some(TicketStage::Taking { .. }) | None => {
            let taking = tr.t("ticket-taking");
            wrap::draw(frame, body, body.y, &taking, ui.theme.info);
            ui.spoken.line(Spoken::Text(taking));
        }
    }
}

fn ticket(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, view: &TicketView) {
    let (tr, t) = (&ui.tr, &ui.theme);
    // The code beside the words when both fit; else the words alone and P
    // shows it. Never beside for a screen reader: each line read whole
    // needs the full width.
    let code = phone_code(state).filter(|m| {
        let (cols, rows) = qr::size(m);
        !state.screen_reader && cols + 2 + MIN_WORDS <= body.width && rows <= body.height
    });
    let words = match code {
        Some(m) => {
            let (cols, rows) = qr::size(m);
            let at = Rect { x: body.right() - cols, width: cols, height: rows, ..body };
            qr::draw(frame, at, m, t.monochrome);
            Rect { width: body.width - cols - 2, ..body }
        }
        None => body,
    };
    let booked = view.lane == "booked";
    let heading = tr.t(if booked { "ticket-checked-in" } else { "ticket-heading" });
    let mut y = wrap::draw(frame, words, words.y, &heading, t.heading);
    let queue = view.queue_name.get(state.lang);
    ui.spoken.line(Spoken::Ticket { label: heading.clone(), number: view.number.clone() });
    ui.spoken.line(Spoken::Text(queue.to_owned()));
    // A screen reader hears the number spelled out, on the line the cursor is on.
    let number_line = tr.a(
        "ticket-number",
        &[
            (
                "number",
                i18n::s(&if state.screen_reader {
                    visit::spelled(&view.number)
                } else {
                    view.number.clone()
                }),
            ),
            ("queue", i18n::s(view.queue_name.get(state.lang))),
        ],
    );
    let big = Rect { y, height: BIG_ROWS, ..words };
    let rest = words.bottom().saturating_sub(y);
    if !state.screen_reader
        && rest >= BIG_ROWS + 5
        && big_text::draw(&view.number, t.banner, big, frame.buffer_mut())
    {
        y += BIG_ROWS;
    }
    frame.set_cursor_position(Position { x: words.x, y: y.min(words.bottom().saturating_sub(1)) });
    y = wrap::draw(frame, words, y, &number_line, t.focus);
    let facts = facts(tr, view);
    // Elderly mode: a blank row between the facts, where the screen has them.
    let gap = u16::from(state.elderly && words.bottom().saturating_sub(y) > 2 * facts.len() as u16 + 1);
    for line in facts {
        y = wrap::draw(frame, words, y + gap, &line, t.text);
        ui.spoken.line(Spoken::Text(line));
    }
    if code.is_none() {
        let hint = match state.handoff.as_ref().map(|h| &h.link) {
            Some(Remote::Failed(e)) => {
                tr.a("phone-failed", &[("reason", i18n::s(&tr.t(screens::fetch_error_key(*e))))])
            }
            Some(Remote::Ready(_)) => tr.t("ticket-phone-hint"),
            _ => tr.t("phone-making"),
        };
        wrap::draw(frame, words, y, &hint, t.info);
    }
}

/// Columns the ticket's words keep beside the code.
const MIN_WORDS: u16 = 36;

/// The lines under the number: ahead, the wait, the windows, a priority's check.
fn facts(tr: &Tr, view: &TicketView) -> Vec<String> {
    let mut lines = vec![];
    if let Some(ahead) = view.ahead {
        lines.push(tr.a("ticket-ahead", &[("count", i18n::n(ahead))]));
    }
    if let Some(wait) = view.estimate {
        lines.push(match wait {
            WaitView::Minutes { low, high } => {
                tr.a("ticket-wait-minutes", &[("low", i18n::n(low)), ("high", i18n::n(high))])
            }
            WaitView::NoWindowOpen => tr.t("ticket-wait-no-window"),
            WaitView::Unknown => tr.t("ticket-wait-unknown"),
        });
    }
    if !view.windows.is_empty() {
        let list: Vec<String> = view.windows.iter().map(u16::to_string).collect();
        let windows = list.join(tr.t("list-separator").as_str());
        lines.push(tr.a("ticket-windows", &[("windows", i18n::s(&windows))]));
    }
    if view.lane == "priority" {
        lines.push(tr.t("ticket-priority-check"));
    }
    lines
}

/// The link's code, once it has come.
fn phone_code(state: &State) -> Option<&crate::kiosk::handoff::QrMatrix> {
    match &state.handoff.as_ref()?.link {
        Remote::Ready((_, Some(m))) => Some(m),
        _ => None,
    }
}

/// P: the code alone, big enough to scan, with the link as text.
fn phone(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, view: &TicketView) {
    let (tr, t) = (&ui.tr, &ui.theme);
    let link = match state.handoff.as_ref().map(|h| &h.link) {
        Some(Remote::Ready((h, m))) => Some((super::printed_link(&h.url), m.as_ref())),
        _ => None,
    };
    let heading = tr.a("ticket-phone-heading", &[("number", i18n::s(&view.number))]);
    let Some((link, Some(m))) = link else {
        let y = wrap::draw(frame, body, body.y, &heading, t.heading);
        wrap::draw(frame, body, y, &tr.t("phone-making"), t.info);
        return;
    };
    let (cols, rows) = qr::size(m);
    if cols + 2 <= body.width && rows <= body.height {
        qr::draw(frame, Rect { width: cols, height: rows, ..body }, m, t.monochrome);
        let words = Rect { x: body.x + cols + 2, width: body.width - cols - 2, ..body };
        let y = wrap::draw(frame, words, words.y, &heading, t.heading);
        wrap::draw_keeping_brackets(frame, words, y + 1, &link, t.text);
        frame.set_cursor_position(Position { x: words.x, y: words.y });
    } else {
        let y = wrap::draw(frame, body, body.y, &tr.t("phone-too-small"), t.error);
        frame.render_widget(Line::styled(link, t.text), Rect { y, height: 1, ..body });
    }
}
