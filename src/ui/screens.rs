//! The menu screens: Welcome, categories, and the services of a category.

use ratatui::{Frame, layout::Rect};

use crate::domain::{Audience, FetchError};
use crate::kiosk::{
    CatalogState, State,
    screen::{self, WelcomeItem},
};
use crate::ui::{
    Ui, chrome,
    widgets::menu::{self, Item},
};

pub fn fetch_error_key(e: FetchError) -> &'static str {
    match e {
        FetchError::Offline => "error-offline",
        FetchError::Timeout => "error-timeout",
        FetchError::Server => "error-server",
        FetchError::BadData => "error-bad-data",
        FetchError::Unregistered => "error-unregistered",
    }
}

pub fn welcome(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, selected: usize) {
    let lang = state.lang;
    let items: Vec<Item> = screen::welcome_items()
        .into_iter()
        .map(|item| match item {
            WelcomeItem::Browse(audience) => Item {
                label: ui.tr.t(chrome::audience_key(audience)),
                detail: match (state.catalog(), &state.catalog) {
                    (Some(c), _) => {
                        let names: Vec<_> =
                            screen::categories(c, audience).iter().map(|k| k.name.get(lang)).collect();
                        names.join(ui.tr.t("list-separator").as_str())
                    }
                    // Said before the key is pressed, not only after.
                    (None, CatalogState::Failed(_)) => ui.tr.t("welcome-browse-unavailable"),
                    (None, _) => String::new(),
                },
            },
            // Offline, said before the key is pressed: no number from this kiosk now.
            WelcomeItem::TakeNumber => Item {
                label: ui.tr.t("welcome-take-number"),
                detail: ui.tr.t(if state.online == Some(false) {
                    "welcome-take-number-offline"
                } else {
                    "welcome-take-number-detail"
                }),
            },
            WelcomeItem::CheckIn => Item {
                label: ui.tr.t("welcome-check-in"),
                detail: ui.tr.t(if state.online == Some(false) {
                    "welcome-check-in-offline"
                } else {
                    "welcome-check-in-detail"
                }),
            },
            WelcomeItem::Search => {
                Item { label: ui.tr.t("welcome-search"), detail: ui.tr.t("welcome-search-detail") }
            }
            WelcomeItem::MyBooking => {
                Item { label: ui.tr.t("welcome-my-booking"), detail: ui.tr.t("welcome-my-booking-detail") }
            }
            WelcomeItem::Elderly => Item {
                label: ui.tr.t("welcome-elderly"),
                detail: ui.tr.t(if state.elderly { "mode-on" } else { "mode-off" }),
            },
            WelcomeItem::ScreenReader => Item {
                label: ui.tr.t("welcome-screen-reader"),
                detail: ui.tr.t(if state.screen_reader { "mode-on" } else { "mode-off" }),
            },
            WelcomeItem::Policies => {
                Item { label: ui.tr.t("welcome-policies"), detail: ui.tr.t("welcome-policies-detail") }
            }
            WelcomeItem::Rate => Item {
                label: ui.tr.t("welcome-rate"),
                detail: ui.tr.t(if state.online == Some(false) {
                    "welcome-rate-offline"
                } else {
                    "welcome-rate-detail"
                }),
            },
            WelcomeItem::Language(l) => Item {
                label: chrome::language_name(l),
                detail: if l == lang { ui.tr.t("language-current") } else { String::new() },
            },
        })
        .collect();
    menu::draw(frame, ui, body, &ui.tr.t("welcome-heading"), &items, selected);
    // How long the kiosk waits for a citizen (WCAG 2.2.1: say so up front).
    let timeout = state.idle_timeout_ms();
    let line = if timeout.is_multiple_of(60_000) {
        ui.tr.a("welcome-idle", &[("minutes", crate::i18n::n((timeout / 60_000) as u32))])
    } else {
        ui.tr.a("welcome-idle-seconds", &[("seconds", crate::i18n::n(timeout.div_ceil(1000) as u32))])
    };
    // On the line between the heading and the menu, which menus leave free.
    frame.render_widget(
        ratatui::text::Line::styled(line, ui.theme.dim),
        Rect { y: body.y + 1, height: 1, ..body },
    );
}

pub fn categories(
    state: &State,
    ui: &Ui,
    frame: &mut Frame,
    body: Rect,
    audience: Audience,
    selected: usize,
) {
    let Some(catalog) = state.catalog() else {
        return;
    };
    let lang = state.lang;
    let items: Vec<Item> = screen::categories(catalog, audience)
        .into_iter()
        .map(|c| Item { label: c.name.get(lang).to_owned(), detail: c.summary.get(lang).to_owned() })
        .collect();
    menu::draw(frame, ui, body, &ui.tr.t("categories-heading"), &items, selected);
}

pub fn services(state: &State, ui: &Ui, frame: &mut Frame, body: Rect, category: &str, selected: usize) {
    let Some(catalog) = state.catalog() else {
        return;
    };
    let lang = state.lang;
    let items: Vec<Item> = screen::services(catalog, category)
        .into_iter()
        .map(|s| Item {
            label: s.name.get(lang).to_owned(),
            detail: if s.online { ui.tr.t("service-online-tag") } else { String::new() },
        })
        .collect();
    menu::draw(frame, ui, body, &ui.tr.t("services-heading"), &items, selected);
}
