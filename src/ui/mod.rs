//! Views: draw the state, never change it. One file per screen.

mod booking;
mod chrome;
pub mod display;
mod documents;
pub(crate) mod guide;
mod lookup;
mod phone;
mod policies;
mod rating;
mod screens;
mod search;
pub mod spoken;
mod staff;
pub mod theme;
mod ticket;
mod visit;
pub mod widgets;
pub mod window;
pub mod wrap;

use ratatui::{
    Frame,
    layout::Rect,
    text::Line,
    widgets::{Paragraph, Wrap},
};

use crate::i18n::{self, Tr};
use crate::kiosk::{State, layout, screen::Screen};
pub use phone::printed_link;
pub use theme::Theme;

/// What a view needs besides the state: the session's words and colours.
pub struct Ui {
    pub tr: Tr,
    pub theme: Theme,
    /// Items per menu page (fewer in elderly mode).
    pub page_limit: usize,
    /// What the frame shows for speech to read, noted as it is drawn.
    pub spoken: spoken::Notes,
}

impl Ui {
    pub fn new(state: &State, theme: Theme) -> Ui {
        Ui {
            tr: Tr::new(state.lang),
            theme,
            page_limit: state.page_limit(),
            spoken: spoken::Notes::new(state.speech.on),
        }
    }
}

pub fn view(state: &State, ui: &Ui, frame: &mut Frame) {
    if !state.fits() {
        too_small(state, ui, frame);
        return;
    }
    let bands = layout::bands(state);
    chrome::title(state, ui, frame, bands.title);
    if let Some(area) = bands.banner {
        chrome::banner(state, ui, frame, area);
    }
    if state.idle_warning {
        staff::idle_warning(state, ui, frame, bands.body);
        chrome::status(state, ui, frame, bands.status);
        return;
    }
    match state.screen() {
        Screen::Welcome(menu) => screens::welcome(state, ui, frame, bands.body, menu.selected),
        Screen::Categories { audience, menu } => {
            screens::categories(state, ui, frame, bands.body, *audience, menu.selected);
        }
        Screen::Services { category, menu } => {
            screens::services(state, ui, frame, bands.body, category, menu.selected);
        }
        Screen::Guide { service, focus, qr } => {
            guide::draw(state, ui, frame, bands.body, service, *focus, *qr)
        }
        Screen::BookHall(menu) => booking::hall(state, ui, frame, bands.body, menu.selected),
        Screen::BookDate { menu, days } => booking::date(state, ui, frame, bands.body, menu.selected, days),
        Screen::BookSlot { menu, slots, holding } => {
            booking::slot(state, ui, frame, bands.body, menu.selected, slots, *holding);
        }
        Screen::BookDetails { focus, errors, .. } => {
            booking::details(state, ui, frame, bands.body, *focus, errors)
        }
        Screen::BookCheck { menu, sending } => {
            booking::check(state, ui, frame, bands.body, menu.selected, *sending)
        }
        Screen::BookDone { booking, qr } => booking::done(state, ui, frame, bands.body, booking, *qr),
        Screen::Lookup { focus, errors, searching } if crate::kiosk::checkin::checking_in(state) => {
            visit::check_in(state, ui, frame, bands.body, *focus, errors, *searching);
        }
        Screen::Lookup { focus, errors, searching } => {
            lookup::form(state, ui, frame, bands.body, *focus, errors, *searching);
        }
        Screen::TakeNumber(menu) => visit::take_number(state, ui, frame, bands.body, menu.selected),
        Screen::Priority { menu, .. } => visit::priority(state, ui, frame, bands.body, menu.selected),
        Screen::Ticket { qr } => ticket::draw(state, ui, frame, bands.body, *qr),
        Screen::StaffPin { checking } => staff::pin(state, ui, frame, bands.body, *checking),
        Screen::Search { menu, hits, browsing } => {
            search::draw(state, ui, frame, bands.body, menu.selected, hits, *browsing)
        }
        Screen::Staff { menu, info, .. } => staff::screen(state, ui, frame, bands.body, menu.selected, info),
        Screen::LookupResult { booking, menu, confirming, .. } => {
            lookup::result(state, ui, frame, bands.body, booking, menu.selected, *confirming);
        }
        Screen::Policies { menu, found, browsing } => {
            policies::list(state, ui, frame, bands.body, menu.selected, found, *browsing)
        }
        Screen::PolicyFilter { kind, menu } => {
            policies::filter(state, ui, frame, bands.body, *kind, menu.selected)
        }
        Screen::Policy { id, focus, qr } => policies::document(state, ui, frame, bands.body, id, *focus, *qr),
        Screen::Rating(step) => rating::draw(state, ui, frame, bands.body, *step),
        Screen::Report(step) => rating::draw_report(state, ui, frame, bands.body, *step),
    }
    if let Some(area) = bands.keyboard {
        widgets::keyboard::draw(frame, ui, state, area);
    }
    let notice = chrome::notice_area(state, &bands);
    chrome::notice(state, ui, frame, notice);
    chrome::status(state, ui, frame, bands.status);
    // A screen reader follows the cursor: a new message is read first.
    if state.screen_reader && state.announce && state.notice.is_some() {
        frame.set_cursor_position((notice.x, notice.y));
    }
}

fn too_small(state: &State, ui: &Ui, frame: &mut Frame) {
    let text = ui.tr.a(
        "too-small",
        &[
            ("width", i18n::n(state.size.width)),
            ("height", i18n::n(state.size.height)),
            ("min_width", i18n::n(layout::MIN_WIDTH)),
            ("min_height", i18n::n(layout::MIN_HEIGHT)),
        ],
    );
    let area = Rect::new(0, 0, state.size.width, state.size.height);
    frame.render_widget(Paragraph::new(Line::styled(text, ui.theme.error)).wrap(Wrap { trim: true }), area);
    frame.set_cursor_position((0, 0));
}

/// A line's text without its styles (for speech).
pub(crate) fn plain(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect::<String>().trim().to_owned()
}
