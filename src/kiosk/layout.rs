//! Where things sit on screen. Shared by the view (to draw) and by `update`
//! (to know what a click landed on), so the two can never disagree.

use ratatui::layout::{Rect, Size};

use super::State;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The three bands every screen has, plus the fixed message line and, in
/// elderly mode, the banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands {
    /// Hall name, breadcrumb, language.
    pub title: Rect,
    /// Elderly mode: the screen's name in big letters, where there is room.
    pub banner: Option<Rect>,
    /// One task per screen.
    pub body: Rect,
    /// The on-screen keyboard, below the body, while it shows.
    pub keyboard: Option<Rect>,
    /// Messages and errors, always here (two rows, so none is ever cut).
    pub notice: Rect,
    /// Keys that work here, and the help phone.
    pub status: Rect,
}

/// Rows of the elderly banner: letters eight rows high, then a blank row.
pub const BANNER_ROWS: u16 = 9;

/// The banner shows in elderly mode when the terminal is tall enough to keep
/// every screen's body as it is at the smallest size; never to a screen
/// reader, for which block letters are noise.
fn has_banner(state: &State) -> bool {
    state.elderly && !state.screen_reader && state.size.height >= MIN_HEIGHT + BANNER_ROWS
}

pub fn bands(state: &State) -> Bands {
    let (w, h) = (state.size.width, state.size.height);
    let banner = has_banner(state).then(|| Rect::new(1, 2, w.saturating_sub(2), BANNER_ROWS));
    let top = 2 + banner.map_or(0, |b| b.height);
    let body = Rect::new(1, top, w.saturating_sub(2), h.saturating_sub(top + 4));
    // The keyboard takes the body's last rows, a blank row above it.
    let keys = super::typing::height(state).filter(|k| k + 1 < body.height);
    let keyboard = keys.map(|k| Rect { y: body.bottom() - k, height: k, ..body });
    let body = Rect { height: body.height - keys.map_or(0, |k| k + 1), ..body };
    Bands {
        title: Rect::new(0, 0, w, 2.min(h)),
        banner,
        body,
        keyboard,
        notice: Rect::new(1, h.saturating_sub(4), w.saturating_sub(2), 2),
        status: Rect::new(0, h.saturating_sub(2), w, 2),
    }
}

/// Touch targets on the breadcrumb row, right-aligned: Back, then Home. Each
/// is as wide as its zone, whatever the language's label.
pub const BUTTON_WIDTH: u16 = 9;

/// (back, home) buttons, on screens other than Welcome.
pub fn buttons(size: Size) -> (Rect, Rect) {
    let y = 1;
    let home = Rect::new(size.width.saturating_sub(BUTTON_WIDTH + 1), y, BUTTON_WIDTH, 1);
    let back = Rect { x: home.x.saturating_sub(BUTTON_WIDTH + 1), ..home };
    (back, home)
}

/// The first row of a form's fields (each field: a label row, then its value
/// row), on screens that have a form.
pub fn form_top(screen: &super::Screen, body: Rect) -> Option<u16> {
    match screen {
        super::Screen::BookDetails { .. } => Some(body.y + 4),
        super::Screen::Lookup { .. } => Some(body.y + 3),
        super::Screen::StaffPin { .. } => Some(body.y + 2),
        super::Screen::Rating(super::rating::RateStep::Number | super::rating::RateStep::Words)
        | super::Screen::Report(super::report::ReportStep::Words) => Some(body.y + 3),
        _ => None,
    }
}

/// The fields a form shows: its first row, and the first field drawn there.
/// When the keyboard leaves too little room for all, the form scrolls so the
/// focused field stays in sight.
pub fn form_window(state: &State, body: Rect) -> Option<(u16, usize)> {
    let top = form_top(state.screen(), body)?;
    let pitch = field_pitch(state);
    // The last field needs its own rows only, not the blank row after it.
    let room = (body.bottom().saturating_sub(top) + pitch - field_rows(state)) / pitch;
    let focus = match state.screen() {
        super::Screen::BookDetails { focus, .. } => {
            super::booking::Field::ALL.iter().position(|f| f == focus).unwrap_or(0)
        }
        super::Screen::Lookup { focus, .. } => {
            super::lookup::LookupField::ALL.iter().position(|f| f == focus).unwrap_or(0)
        }
        _ => 0,
    };
    Some((top, (focus + 1).saturating_sub(room.max(1) as usize)))
}

/// Rows from one form field to the next: its label and its value, and in
/// elderly mode a blank row between fields.
pub fn field_pitch(state: &State) -> u16 {
    field_rows(state) + u16::from(state.elderly)
}

/// Rows one field takes: its label, then its value; in screen-reader mode
/// one line holds label, value and error, so the line under the cursor
/// says what the field is.
pub fn field_rows(state: &State) -> u16 {
    if state.screen_reader { 1 } else { 2 }
}

/// Rows kept above the menu on screens that show details first (a booking
/// found).
pub const DETAILS_ROWS: u16 = 8;
/// Rows above the staff screen's menu: the tab bar, a warning of two
/// lines, the facts (the guides overdue for review wrap to two in English),
/// a blank line.
pub const STAFF_DETAILS_ROWS: u16 = 11;
/// Rows above the search screen's results (the query and a blank line).
pub const QUERY_ROWS: u16 = 2;

/// Where a screen's menu sits in the body: most menus fill it; some sit below
/// other content. The view draws there and clicks are read there.
pub fn menu_area(screen: &super::Screen, body: Rect) -> Rect {
    let skip = match screen {
        super::Screen::Search { .. } | super::Screen::Policies { .. } => QUERY_ROWS,
        super::Screen::LookupResult { .. } => DETAILS_ROWS,
        super::Screen::Staff { .. } => STAFF_DETAILS_ROWS,
        _ => 0,
    };
    Rect { y: body.y + skip, height: body.height.saturating_sub(skip), ..body }
}

/// Rows a menu screen spends above its list (heading and a blank line).
pub const MENU_HEADER: u16 = 2;
/// Rows kept below the list, for the page indicator.
pub const MENU_FOOTER: u16 = 1;

/// How a menu's items sit in the body: one item every `spacing` rows (two,
/// for air, when the list fits that way), in pages of at most nine, so
/// that one digit key picks any item on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MenuLayout {
    pub area: Rect,
    pub spacing: u16,
    pub page_size: usize,
}

impl MenuLayout {
    /// `max_page`: at most 9 (one digit picks), fewer in elderly mode.
    pub fn new(body: Rect, len: usize, max_page: usize) -> MenuLayout {
        let area = Rect {
            y: body.y + MENU_HEADER,
            height: body.height.saturating_sub(MENU_HEADER + MENU_FOOTER),
            ..body
        };
        let max_page = max_page.clamp(1, 9);
        let spacing = if (len.min(max_page) * 2).saturating_sub(1) <= area.height as usize { 2 } else { 1 };
        let fit = area.height.div_ceil(spacing) as usize;
        MenuLayout { area, spacing, page_size: fit.clamp(1, max_page) }
    }

    pub fn pages(&self, len: usize) -> usize {
        len.div_ceil(self.page_size).max(1)
    }

    /// First item of the page that shows `selected`.
    pub fn page_start(&self, selected: usize) -> usize {
        selected / self.page_size * self.page_size
    }

    /// The row of item `index` when `selected` is focused, if it is on screen.
    pub fn row_of(&self, index: usize, selected: usize) -> Option<u16> {
        let start = self.page_start(selected);
        (start..start + self.page_size)
            .contains(&index)
            .then(|| self.area.y + (index - start) as u16 * self.spacing)
    }

    /// The item under screen row `row`, given `len` items and the focused one.
    pub fn item_at(&self, row: u16, len: usize, selected: usize) -> Option<usize> {
        if row < self.area.y || row >= self.area.y + self.area.height {
            return None;
        }
        let offset = row - self.area.y;
        if !offset.is_multiple_of(self.spacing) {
            return None;
        }
        let index = self.page_start(selected) + (offset / self.spacing) as usize;
        (index < len && index < self.page_start(selected) + self.page_size).then_some(index)
    }
}
