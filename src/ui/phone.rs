//! The "continue on your phone" panel: a QR code and its link as text.

use ratatui::{
    Frame,
    layout::{Position, Rect},
    style::Style,
    text::Line,
};

use crate::i18n::{self, Tr};
use crate::kiosk::{Remote, State, handoff, handoff::QrMatrix};
use crate::ui::{Ui, screens, widgets::qr, wrap};

/// Columns a side panel needs: the code and a margin.
pub fn panel_width(state: &State) -> Option<u16> {
    match link(state, None)?.0 {
        Remote::Ready((_, Some(m))) => Some(qr::size(m).0 + 2),
        _ => None,
    }
}

/// A link ready to show: its address, and its QR code if one could be made.
type Shown<'a> = (&'a str, Option<&'a QrMatrix>);

/// The phone link of the screen on view (a guide's or a booking's
/// handoff, a policy document's page): where it stands, and with `tr`,
/// the words that go with it.
fn link<'a>(state: &'a State, tr: Option<&Tr>) -> Option<(Remote<Shown<'a>>, String)> {
    let words = |key: &str, booking: bool| {
        tr.map_or_else(String::new, |tr| {
            tr.a(key, &[("booking", i18n::s(if booking { "yes" } else { "no" }))])
        })
    };
    let (link, scan) = match crate::kiosk::policies::current_link(state) {
        Some(l) => (
            match &l.link {
                Remote::Ready((url, m)) => Remote::Ready((url.as_str(), m.as_ref())),
                Remote::Loading => Remote::Loading,
                Remote::Failed(e) => Remote::Failed(*e),
            },
            words("policy-phone-scan", false),
        ),
        None => {
            let h = handoff::current(state)?;
            let link = match &h.link {
                Remote::Ready((h, m)) => Remote::Ready((h.url.as_str(), m.as_ref())),
                Remote::Loading => Remote::Loading,
                Remote::Failed(e) => Remote::Failed(*e),
            };
            (link, words("phone-scan", h.booking.is_some()))
        }
    };
    Some((link, scan))
}

/// Draws the phone panel for a guide or confirmation: alone when asked for
/// (`qr`; then there is no room left, None), beside the content when both
/// fit. The area left for the content.
pub fn beside(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, qr: bool) -> Option<Rect> {
    if qr {
        panel(state, ui, frame, body, true);
        return None;
    }
    match panel_width(state) {
        Some(w) if body.width >= w + MIN_CONTENT => {
            panel(state, ui, frame, Rect { x: body.x + body.width - w + 2, width: w - 2, ..body }, false);
            Some(Rect { width: body.width - w, ..body })
        }
        _ => Some(body),
    }
}

/// Columns the content keeps beside a phone panel.
const MIN_CONTENT: u16 = 60;

/// Draws the panel in `area`: heading, code, link; or why there is no code.
/// The text goes above the code when the area is tall, beside it when wide.
pub fn panel(state: &State, ui: &Ui, frame: &mut Frame, area: Rect, focused: bool) {
    let (tr, t) = (&ui.tr, &ui.theme);
    if focused {
        frame.set_cursor_position(Position { x: area.x, y: area.y });
    }
    let text = |frame: &mut Frame, area: Rect, lines: &[(String, Style)]| {
        lines
            .iter()
            .fold(area.y, |y, (text, style)| wrap::draw_keeping_brackets(frame, area, y, text, *style))
    };
    let (link, scan) = match link(state, Some(tr)) {
        Some((link, scan)) => (Some(link), scan),
        None => (None, String::new()),
    };
    let (url, m) = match link {
        None | Some(Remote::Loading) => {
            text(frame, area, &[(tr.t("phone-making"), t.info)]);
            return;
        }
        Some(Remote::Failed(e)) => {
            let failed = tr.a("phone-failed", &[("reason", i18n::s(&tr.t(screens::fetch_error_key(e))))]);
            text(frame, area, &[(failed, t.error)]);
            return;
        }
        Some(Remote::Ready((url, m))) => (url, m),
    };
    let link = printed_link(url);
    let link_width = Line::raw(link.as_str()).width() as u16;
    let words = [(scan, t.heading), (link.clone(), t.text)];
    let Some(m) = m else {
        text(frame, area, &words);
        return;
    };
    let (cols, rows) = qr::size(m);
    let link_rows = wrap::wrap(&link, area.width as usize).len() as u16;
    if cols + 22 <= area.width && rows <= area.height {
        // Beside: words on the left, the code on the right; a link too
        // long for the words' column goes unbroken under the code, if
        // there is a row for it.
        let words_area = Rect { width: area.width - cols - 2, ..area };
        let under = link_width > words_area.width && link_width <= area.width && rows < area.height;
        text(frame, words_area, if under { &words[..1] } else { &words });
        qr::draw(
            frame,
            Rect { x: area.x + area.width - cols, width: cols, height: rows, ..area },
            m,
            t.monochrome,
        );
        if under {
            text(frame, Rect { y: area.y + rows, height: 1, ..area }, &words[1..]);
        }
    } else if cols <= area.width && rows + 1 + link_rows <= area.height {
        // Above and below: the heading, the code, the whole link.
        let heading = text(frame, Rect { height: area.height - rows - link_rows, ..area }, &words[..1]);
        qr::draw(frame, Rect { y: heading, height: rows, ..area }, m, t.monochrome);
        text(frame, Rect { y: heading + rows, height: link_rows, ..area }, &words[1..]);
    } else {
        // A cut code would not scan: say so, and give the link as text.
        text(frame, area, &[(tr.t("phone-too-small"), t.error), (link, t.text)]);
    }
}

/// The link as a citizen types it into a phone: in lower case wherever
/// the server ignores case. The QR code keeps its upper case (a QR code
/// stores upper-case letters far more densely), but upper case is harder
/// to read and to type. The scheme and the host ignore case; the server
/// takes `/m/` for `/M/` and reads a code in either case; a path the hall's
/// public address has before them is left as written.
pub fn printed_link(url: &str) -> String {
    let Some((base, code)) = url.rsplit_once("/M/") else { return url.to_owned() };
    let Some((scheme, rest)) = base.split_once("://") else { return url.to_owned() };
    let (host, path) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
    if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return url.to_owned();
    }
    format!(
        "{}://{}{path}/m/{}",
        scheme.to_ascii_lowercase(),
        host.to_ascii_lowercase(),
        code.to_ascii_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::printed_link;

    #[test]
    fn the_printed_link_is_lower_case_where_the_server_ignores_case() {
        assert_eq!(
            printed_link("HTTP://127.0.0.1:8080/M/ABCDEFGHJKMNPQRS"),
            "http://127.0.0.1:8080/m/abcdefghjkmnpqrs"
        );
        assert_eq!(printed_link("HTTPS://ZWFW.EXAMPLE.GOV.CN/M/ABCD"), "https://zwfw.example.gov.cn/m/abcd");
        // A path of the hall's own (behind a proxy) is kept as written.
        assert_eq!(
            printed_link("https://Example.gov.cn/Kiosk/M/ABCD"),
            "https://example.gov.cn/Kiosk/m/abcd"
        );
        // Not a phone page's link: left alone.
        assert_eq!(printed_link("HTTP://HOST/X/ABCD"), "HTTP://HOST/X/ABCD");
    }
}
