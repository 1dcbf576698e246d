//! 评价 Rate a service and 报告错误 Report a mistake: the number, the
//! service, the five levels, the reason, the words, and the answer; what
//! is wrong in a guide, the words, and the answer.

use ratatui::{Frame, layout::Rect};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::rating::{Level, Reason, Wrong};
use crate::i18n::{self, Tr};
use crate::kiosk::{
    State,
    form::TextField,
    rating::{self, RateStep, RatingNotice, Refusal},
    report::ReportStep,
    screen::Screen,
};
use crate::ui::{
    Ui, screens,
    widgets::{
        form::{self, FieldView},
        menu::{self, Item},
    },
    wrap,
};

pub fn level_key(level: Level) -> &'static str {
    match level {
        Level::VerySatisfied => "level-very-satisfied",
        Level::Satisfied => "level-satisfied",
        Level::FairlySatisfied => "level-fairly-satisfied",
        Level::Dissatisfied => "level-dissatisfied",
        Level::VeryDissatisfied => "level-very-dissatisfied",
    }
}

fn reason_key(reason: Reason) -> &'static str {
    match reason {
        Reason::Slow => "reason-slow",
        Reason::Attitude => "reason-attitude",
        Reason::AskedAgain => "reason-asked-again",
        Reason::NotDone => "reason-not-done",
        Reason::Unclear => "reason-unclear",
        Reason::Other => "reason-other",
    }
}

fn wrong_key(what: Wrong) -> &'static str {
    match what {
        Wrong::Materials => "wrong-materials",
        Wrong::Fees => "wrong-fees",
        Wrong::TimeLimits => "wrong-time-limits",
        Wrong::PlaceAndHours => "wrong-place-and-hours",
        Wrong::Other => "wrong-other",
    }
}

fn items(tr: &Tr, keys: impl IntoIterator<Item = &'static str>) -> Vec<Item> {
    keys.into_iter().map(|k| Item { label: tr.t(k), detail: String::new() }).collect()
}

/// A heading of up to two rows at the top of the body; the form starts below.
fn heading(frame: &mut Frame, ui: &Ui, body: Rect, text: &str) {
    wrap::draw(frame, Rect { height: 2.min(body.height), ..body }, body.y, text, ui.theme.heading);
}

/// One text field as drawn: the part of a long text around the caret.
fn field<'a>(body: Rect, label: String, text: &'a TextField) -> FieldView<'a> {
    // The marker, the brackets and the label's line in screen-reader mode.
    let room = (body.width as usize).saturating_sub(8 + label.width());
    let chars: Vec<char> = text.text.chars().collect();
    let mut start = 0;
    let width =
        |from: usize, to: usize| chars[from..to].iter().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    while width(start, text.caret) > room {
        start += 1;
    }
    if start == 0 && width(0, chars.len()) <= room {
        return FieldView::text(label, text);
    }
    let mut end = text.caret;
    while end < chars.len() && width(start, end + 1) <= room {
        end += 1;
    }
    let value: String = chars[start..end].iter().collect();
    FieldView { caret: width(start, text.caret), value: value.into(), ..FieldView::text(label, text) }
}

/// How many characters are typed, of how many.
fn count_line(frame: &mut Frame, ui: &Ui, state: &State, body: Rect, text: &TextField) {
    let y = body.y + 3 + crate::kiosk::layout::field_rows(state);
    if y < body.bottom() {
        let n = text.text.chars().count() as u32;
        let line = ui.tr.a("words-count", &[("count", i18n::n(n)), ("max", i18n::n(text.max as u32))]);
        frame.render_widget(ratatui::text::Line::styled(line, ui.theme.dim), Rect { y, height: 1, ..body });
    }
}

pub fn draw(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, step: RateStep) {
    let tr = &ui.tr;
    let r = &state.rating;
    let number = i18n::s(r.ticket.as_deref().unwrap_or(""));
    match step {
        RateStep::Number => {
            let key = if r.handoff.is_some() { "rate-number-after-link" } else { "rate-number-heading" };
            heading(frame, ui, body, &tr.t(key));
            let view = FieldView { focused: true, ..field(body, tr.t("field-ticket-number"), &r.number) };
            form::draw(frame, ui, state, body, &[view]);
        }
        RateStep::Service(menu) => {
            let lang = state.lang;
            let names: Vec<Item> = rating::services(state)
                .iter()
                .map(|id| Item {
                    label: state.service(id).map_or_else(|| id.clone(), |s| s.name.get(lang).to_owned()),
                    detail: String::new(),
                })
                .collect();
            menu::draw(
                frame,
                ui,
                body,
                &tr.a("rate-service-heading", &[("number", number)]),
                &names,
                menu.selected,
            );
        }
        RateStep::Level(menu) => {
            let list = items(tr, Level::ALL.map(level_key));
            menu::draw(
                frame,
                ui,
                body,
                &tr.a("rate-level-heading", &[("number", number)]),
                &list,
                menu.selected,
            );
        }
        RateStep::Reason(menu) => {
            let list = items(tr, Reason::ALL.map(reason_key));
            menu::draw(frame, ui, body, &tr.t("rate-reason-heading"), &list, menu.selected);
        }
        RateStep::Words => {
            heading(frame, ui, body, &tr.t("rate-words-heading"));
            let view = FieldView { focused: true, ..field(body, tr.t("field-own-words"), &r.words) };
            form::draw(frame, ui, state, body, &[view]);
            count_line(frame, ui, state, body, &r.words);
        }
        RateStep::Sent => {
            let (text, after) = match r.answer {
                None => (tr.t("rate-sending"), None),
                Some(Ok(())) if r.level.is_some_and(Level::is_bad) => {
                    (tr.t("rate-thanks-bad"), Some("rate-back-soon"))
                }
                Some(Ok(())) => (tr.t("rate-thanks"), Some("rate-back-soon")),
                Some(Err(refusal)) => (refusal_text(tr, refusal), Some("rate-after-refusal")),
            };
            answer(frame, ui, body, &text, after.map(|k| tr.t(k)), r.answer.is_some_and(|a| a.is_err()));
        }
    }
}

pub fn draw_report(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, step: ReportStep) {
    let tr = &ui.tr;
    let lang = state.lang;
    let name = state.service(&state.report.service).map_or("", |s| s.name.get(lang));
    match step {
        ReportStep::What(menu) => {
            let list = items(tr, Wrong::ALL.map(wrong_key));
            let heading = tr.a("report-what-heading", &[("service", i18n::s(name))]);
            menu::draw(frame, ui, body, &heading, &list, menu.selected);
        }
        ReportStep::Words => {
            heading(frame, ui, body, &tr.t("report-words-heading"));
            let words = &state.report.words;
            let view = FieldView { focused: true, ..field(body, tr.t("field-report-words"), words) };
            form::draw(frame, ui, state, body, &[view]);
            count_line(frame, ui, state, body, words);
        }
        ReportStep::Sent => {
            let (text, after) = match state.report.answer {
                None => (tr.t("report-sending"), None),
                Some(Ok(())) => (tr.t("report-thanks"), Some("report-back-soon")),
                Some(Err(Refusal::TooManyTries { .. })) => {
                    (tr.t("report-too-many"), Some("report-after-refusal"))
                }
                Some(Err(refusal)) => (refusal_text(tr, refusal), Some("report-after-refusal")),
            };
            let refused = state.report.answer.is_some_and(|a| a.is_err());
            answer(frame, ui, body, &text, after.map(|k| tr.t(k)), refused);
        }
    }
}

/// The answer: the sentence, then what the keys do now; the cursor on the
/// sentence, so a screen reader says it first.
fn answer(frame: &mut Frame, ui: &Ui, body: Rect, text: &str, after: Option<String>, refused: bool) {
    let style = if refused { ui.theme.error } else { ui.theme.heading };
    let y = wrap::draw(frame, body, body.y, text, style);
    if let Some(after) = after {
        wrap::draw(frame, body, y + 1, &after, ui.theme.text);
    }
    frame.set_cursor_position((body.x, body.y));
}

/// A refusal, in its own sentence.
pub fn refusal_text(tr: &Tr, refusal: Refusal) -> String {
    match refusal {
        Refusal::Fetch(e) => {
            let reason = tr.t(screens::fetch_error_key(e));
            tr.a("rate-fetch", &[("reason", i18n::s(&reason))])
        }
        Refusal::AlreadyRated => tr.t("rate-already"),
        Refusal::NotFinished => tr.t("rate-not-finished"),
        Refusal::Closed => tr.t("rate-closed"),
        Refusal::NotFound => tr.t("rate-not-found"),
        Refusal::TooManyTries { retry_after_secs } => {
            let minutes = retry_after_secs.div_ceil(60).clamp(1, u64::from(u32::MAX)) as u32;
            tr.a("rate-too-many", &[("minutes", i18n::n(minutes))])
        }
        Refusal::Invalid => tr.t("rate-invalid"),
    }
}

/// The message line's words for a rating notice.
pub fn notice_text(tr: &Tr, notice: &RatingNotice) -> String {
    match notice {
        RatingNotice::NumberFormat => tr.t("rate-number-format"),
        RatingNotice::NoSuchQueue { letters } => tr.a("rate-no-such-queue", &[("letters", i18n::s(letters))]),
        RatingNotice::BadLink => tr.t("rate-bad-link"),
        RatingNotice::LinkRead => tr.t("rate-link-read"),
        RatingNotice::Waiting => tr.t("rate-waiting"),
        RatingNotice::Offline => tr.t("rate-offline"),
        RatingNotice::Refused(r) => refusal_text(tr, *r),
    }
}

/// Whether the notice is good news (the link read) rather than a problem.
pub fn is_info(notice: &RatingNotice) -> bool {
    matches!(notice, RatingNotice::LinkRead | RatingNotice::Waiting)
}

/// The elderly banner's words on these screens.
pub fn banner_key(screen: &Screen) -> &'static str {
    match screen {
        Screen::Report(_) => "banner-report",
        _ => "banner-rate",
    }
}

/// The breadcrumb's step for one of these screens.
pub fn crumb_key(screen: &Screen) -> &'static str {
    match screen {
        Screen::Rating(RateStep::Number) => "crumb-rate",
        Screen::Rating(RateStep::Service(_)) => "crumb-rate-service",
        Screen::Rating(RateStep::Level(_)) => "crumb-rate-level",
        Screen::Rating(RateStep::Reason(_)) => "crumb-rate-reason",
        Screen::Rating(RateStep::Words) | Screen::Report(ReportStep::Words) => "crumb-words",
        Screen::Report(ReportStep::What(_)) => "crumb-report",
        _ => "crumb-sent",
    }
}
