//! Every colour and text style the kiosk uses. No widget picks its own.
//! Meaning never rests on colour alone: focus has a marker and reverse
//! video, errors say "Error" in words.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The hall name bar at the top.
    pub title: Style,
    pub crumb: Style,
    pub heading: Style,
    pub text: Style,
    /// Secondary text: details, sources, hints.
    pub dim: Style,
    /// The focused item (with a ▶ marker besides).
    pub focus: Style,
    pub error: Style,
    pub info: Style,
    /// The key hints bar at the bottom.
    pub status: Style,
}

impl Theme {
    pub fn standard() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            title: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(bold),
            crumb: Style::new().fg(Color::Cyan),
            heading: Style::new().add_modifier(bold),
            text: Style::new(),
            dim: Style::new().fg(Color::Gray),
            focus: Style::new().add_modifier(Modifier::REVERSED | bold),
            error: Style::new().fg(Color::LightRed).add_modifier(bold),
            info: Style::new().fg(Color::Yellow),
            status: Style::new().fg(Color::Black).bg(Color::Gray),
        }
    }

    /// No colour at all (NO_COLOR): structure by reverse video and bold only.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            title: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            crumb: plain,
            heading: plain.add_modifier(Modifier::BOLD),
            text: plain,
            dim: plain,
            focus: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD),
            info: plain,
            status: plain.add_modifier(Modifier::REVERSED),
        }
    }
}
