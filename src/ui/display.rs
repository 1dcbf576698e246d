//! The hall's calling screen: the newest call in big letters (standing out
//! in reverse video for a few seconds, never blinking), its sentence in
//! Chinese and in English, the calls before it, how many wait in each
//! queue (numbers only), and whether the screen is live. Draws the state,
//! never changes it.

use ratatui::{
    Frame,
    layout::{Position, Rect},
    style::{Modifier, Style},
    text::Line,
    widgets::{Block, Paragraph, Wrap},
};

use crate::display::{Call, Link, State};
use crate::domain::Lang;
use crate::i18n::{Tr, n, s};
use crate::speech::SpeechError;
use crate::ui::Theme;
use crate::ui::widgets::big_text;

/// The smallest screen that shows a call whole.
pub const MIN: (u16, u16) = (40, 12);

pub fn view(state: &State, theme: &Theme, frame: &mut Frame) {
    let tr = Tr::new(state.lang);
    let area = frame.area();
    if area.width < MIN.0 || area.height < MIN.1 {
        let text = tr.a("display-too-small", &[("width", n(area.width)), ("height", n(area.height))]);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    title(state, &tr, theme, frame, area);
    let body = Rect { x: 1, y: 2, width: area.width - 2, height: area.height - 4 };
    let cursor = if let Some(halls) = &state.no_such_hall {
        let text =
            tr.a("display-no-hall", &[("hall", s(&state.config.hall)), ("halls", s(&halls.join(", ")))]);
        frame.render_widget(Paragraph::new(text).style(theme.text).wrap(Wrap { trim: true }), body);
        Position { x: body.x, y: body.y }
    } else {
        calls(state, &tr, theme, frame, body)
    };
    if let Some(e) = &state.speech_off {
        let text = speech_off(&tr, e);
        frame.render_widget(
            Line::styled(format!(" {text}"), theme.error),
            Rect { y: area.height - 2, height: 1, ..area },
        );
    }
    let keys = Rect { y: area.height - 1, height: 1, ..area };
    frame.render_widget(Line::styled(format!(" {}", tr.t("display-keys")), theme.status), keys);
    // A screen reader reads where the cursor is: the newest call.
    if state.screen_reader {
        frame.set_cursor_position(cursor);
    }
}

/// Row 0: the screen and its hall; row 1: whether it is live.
fn title(state: &State, tr: &Tr, theme: &Theme, frame: &mut Frame, area: Rect) {
    let head = tr.a("display-title", &[("hall", s(state.hall_label()))]);
    let bar = Rect { height: 1, ..area };
    frame.render_widget(Line::styled(format!(" {head}"), theme.title), bar);
    frame.render_widget(Line::styled(format!("{} ", tr.t("lang-name")), theme.title).right_aligned(), bar);
    let link = match state.link {
        _ if state.stale && state.link == Link::Live => tr.t("display-link-stale"),
        Link::Live => tr.t("display-link-live"),
        Link::Connecting { attempt: 0 } => tr.t("display-link-connecting"),
        Link::Connecting { .. } | Link::Lost { .. } => tr.t("display-link-lost"),
    };
    let style = if state.offline() { theme.error } else { theme.dim };
    frame.render_widget(Line::styled(format!(" {link}"), style), Rect { y: 1, height: 1, ..area });
}

/// The sentence of a call in Chinese (the screen's own, or Simplified) and
/// in English: the two lines below the big letters.
pub fn sentences(state: &State, call: &Call) -> [String; 2] {
    let chinese = if state.lang == Lang::ZhHk { Lang::ZhHk } else { Lang::ZhCn };
    let args = [("number", s(&call.number)), ("window", n(call.window))];
    [Tr::new(chinese).a("display-call", &args), Tr::new(Lang::EnUs).a("display-call", &args)]
}

/// The body: the newest call, the calls before, the queues. Returns where
/// the cursor goes.
fn calls(state: &State, tr: &Tr, theme: &Theme, frame: &mut Frame, body: Rect) -> Position {
    // Big letters take 8 rows; a tall screen gives them a third of itself.
    let band_height = if body.height >= 30 { body.height / 3 } else { 8.min(body.height.saturating_sub(4)) };
    let band = Rect { height: band_height, ..body };
    let lines_at = Rect { y: band.y + band.height, height: 3, ..body };
    let Some(call) = state.newest() else {
        frame.render_widget(Line::styled(tr.t("display-none"), theme.heading).centered(), lines_at);
        rest(
            state,
            tr,
            theme,
            frame,
            Rect { y: lines_at.y + 2, height: body.bottom() - lines_at.y - 2, ..body },
        );
        return Position { x: lines_at.x, y: lines_at.y };
    };
    // The change of contrast that says "new": reverse video, still.
    let style = if state.highlighted() {
        theme.heading.add_modifier(Modifier::REVERSED | Modifier::BOLD)
    } else {
        theme.heading
    };
    frame.render_widget(Block::new().style(style), Rect { height: band.height + 3, ..band });
    let [chinese, english] = sentences(state, call);
    let short = format!("{} → {}", call.number, call.window);
    for text in [chinese.as_str(), short.as_str(), call.number.as_str()] {
        if let Some(w) = big_text::width(text).filter(|w| *w <= band.width) {
            let at = Rect { x: band.x + (band.width - w) / 2, width: w, ..band };
            if big_text::draw(text, style, at, frame.buffer_mut()) {
                break;
            }
        }
    }
    let mut first = chinese;
    if call.calls > 1 {
        first = format!("{first}  {}", tr.a("display-recall", &[("calls", n(call.calls))]));
    }
    let line =
        |text: String, y: u16| (Line::styled(text, style).centered(), Rect { y, height: 1, ..lines_at });
    let (l, r) = line(first, lines_at.y);
    frame.render_widget(l, r);
    let (l, r) = line(english, lines_at.y + 1);
    frame.render_widget(l, r);
    rest(
        state,
        tr,
        theme,
        frame,
        Rect { y: lines_at.y + 3, height: body.bottom().saturating_sub(lines_at.y + 3), ..body },
    );
    Position { x: lines_at.x, y: lines_at.y }
}

/// Below the newest call: the calls before it, and the queues.
fn rest(state: &State, tr: &Tr, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut lines: Vec<Line> = vec![];
    let recent = state.recent();
    // Two rows stay for the queues.
    let room = usize::from(area.height.saturating_sub(4));
    if !recent.is_empty() && room > 0 {
        lines.push(Line::styled(tr.t("display-recent"), theme.heading));
        for call in recent.iter().take(room) {
            let args = [("number", s(&call.number)), ("window", n(call.window))];
            lines.push(Line::styled(format!("  {}", tr.a("display-recent-entry", &args)), theme.text));
        }
        lines.push(Line::raw(""));
    }
    if !state.waiting.is_empty() {
        lines.push(Line::styled(tr.t("display-waiting"), theme.heading));
        let entries: Vec<String> = state
            .waiting
            .iter()
            .map(|(queue, count)| tr.a("display-waiting-entry", &[("queue", s(queue)), ("count", n(*count))]))
            .collect();
        lines.push(Line::styled(format!("  {}", entries.join("   ")), theme.text));
    }
    frame.render_widget(Paragraph::new(lines).style(Style::new()).wrap(Wrap { trim: false }), area);
}

/// Why speech is off, in words.
fn speech_off(tr: &Tr, e: &SpeechError) -> String {
    match e {
        SpeechError::Missing { program, .. } => {
            tr.a("display-speech-off-missing", &[("program", s(program))])
        }
        _ => tr.t("display-speech-off"),
    }
}
