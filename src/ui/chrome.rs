//! The bands around every screen: title and breadcrumb, the fixed message
//! line, and the status bar with the keys that work here.

use ratatui::{
    Frame,
    layout::Rect,
    style::Modifier,
    text::{Line, Span},
};

use crate::domain::{Audience, Lang};
use crate::i18n::{self, Tr};
use crate::kiosk::{
    CatalogState, Notice, State,
    screen::{self, Screen},
};
use crate::ui::Ui;

pub fn title(state: &State, ui: &Ui, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let lang = state.lang;
    let hall = state.hall().map_or_else(|| ui.tr.t("hall-fallback"), |h| h.name.get(lang).to_owned());
    let bar = Rect { height: 1, ..area };
    frame.render_widget(Line::styled(format!(" {hall}"), t.title), bar);
    let lang_name = format!("{} ", ui.tr.t("lang-name"));
    frame.render_widget(Line::styled(lang_name, t.title).right_aligned(), bar);
    let crumbs = breadcrumb(state, &ui.tr).join(" › ");
    frame.render_widget(
        Line::styled(format!(" {crumbs}"), t.crumb),
        Rect { y: area.y + 1, height: 1, ..area },
    );
}

/// Where the citizen is: 首页 › 个人办事 › 社会保障 › 社保卡申领.
pub fn breadcrumb(state: &State, tr: &Tr) -> Vec<String> {
    let lang = state.lang;
    let catalog = state.catalog();
    state
        .screens
        .iter()
        .map(|s| match s {
            Screen::Welcome(_) => tr.t("crumb-home"),
            Screen::Categories { audience, .. } => tr.t(audience_key(*audience)),
            Screen::Services { category, .. } => catalog
                .and_then(|c| screen::category(c, category))
                .map_or_else(String::new, |c| c.name.get(lang).to_owned()),
            Screen::Guide { service, .. } => catalog
                .and_then(|c| screen::service(c, service))
                .map_or_else(String::new, |s| s.name.get(lang).to_owned()),
        })
        .collect()
}

pub fn audience_key(audience: Audience) -> &'static str {
    match audience {
        Audience::Personal => "audience-personal",
        Audience::Business => "audience-business",
    }
}

pub fn notice(state: &State, ui: &Ui, frame: &mut Frame, area: Rect) {
    let (text, style) = match state.notice {
        None => return,
        Some(Notice::StillLoading) => (ui.tr.t("notice-still-loading"), ui.theme.info),
        Some(Notice::Unavailable(e)) => {
            let reason = ui.tr.t(super::screens::fetch_error_key(e));
            let retry = matches!(state.catalog, CatalogState::Failed(_));
            let key = if retry { "notice-unavailable-retry" } else { "notice-unavailable" };
            (ui.tr.a(key, &[("reason", i18n::s(&reason))]), ui.theme.error)
        }
    };
    frame.render_widget(Line::styled(text, style), area);
}

pub fn status(state: &State, ui: &Ui, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let tr = &ui.tr;
    let mut keys: Vec<(&str, String)> = Vec::new();
    match state.screen() {
        Screen::Guide { .. } => keys.push(("↑↓", tr.t("key-scroll"))),
        _ => {
            keys.push(("↑↓", tr.t("key-select")));
            keys.push(("1–9", tr.t("key-pick")));
            keys.push(("Enter", tr.t("key-open")));
        }
    }
    if state.screens.len() > 1 {
        keys.push(("Esc", tr.t("key-back")));
        keys.push(("Home", tr.t("key-home")));
    }
    if matches!(state.catalog, CatalogState::Failed(_)) {
        keys.push(("R", tr.t("key-retry")));
    }
    keys.push(("F2", Tr::new(state.lang.next()).t("lang-name")));
    if !state.config.lockdown {
        keys.push(("Q", tr.t("key-quit")));
    }
    let mut spans = vec![Span::styled(" ", t.status)];
    for (key, label) in keys {
        spans.push(Span::styled(key, t.status.add_modifier(Modifier::BOLD)));
        spans.push(Span::styled(format!(" {label}  "), t.status));
    }
    let bar = Rect { height: 1, ..area };
    frame.render_widget(Line::from(spans).style(t.status), bar);
    let phone = state.hall().map(|h| h.phone.as_str());
    if let Some(phone) = phone {
        let help = tr.a("help-phone", &[("phone", i18n::s(phone))]);
        frame.render_widget(
            Line::styled(format!(" {help}"), t.dim),
            Rect { y: area.y + 1, height: 1, ..area },
        );
    }
}

/// The name a language calls itself, for menus.
pub fn language_name(lang: Lang) -> String {
    Tr::new(lang).t("lang-name")
}
