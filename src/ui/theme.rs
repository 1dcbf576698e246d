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
    /// Elderly mode's big letters (no underline: each cell would get one).
    pub banner: Style,
    pub text: Style,
    /// Secondary text: details, sources, hints.
    pub dim: Style,
    /// The focused item (with a ▶ marker besides).
    pub focus: Style,
    pub error: Style,
    pub info: Style,
    /// The key hints bar at the bottom.
    pub status: Style,
    /// Sends no colour at all (even the QR code is drawn in characters).
    pub monochrome: bool,
}

impl Theme {
    pub fn standard() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            title: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(bold),
            crumb: Style::new().fg(Color::Cyan),
            heading: Style::new().add_modifier(bold),
            banner: Style::new(),
            text: Style::new(),
            dim: Style::new().fg(Color::Gray),
            focus: Style::new().add_modifier(Modifier::REVERSED | bold),
            error: Style::new().fg(Color::LightRed).add_modifier(bold),
            info: Style::new().fg(Color::Yellow),
            status: Style::new().fg(Color::Black).bg(Color::Gray),
            monochrome: false,
        }
    }

    /// Black and white with bright accents: for low vision.
    pub fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            title: Style::new().fg(Color::Black).bg(Color::White).add_modifier(bold),
            crumb: Style::new().fg(Color::White).add_modifier(bold),
            heading: Style::new().fg(Color::White).add_modifier(bold | Modifier::UNDERLINED),
            banner: Style::new().fg(Color::White),
            text: Style::new().fg(Color::White),
            dim: Style::new().fg(Color::White),
            focus: Style::new().fg(Color::Black).bg(Color::LightYellow).add_modifier(bold),
            error: Style::new().fg(Color::LightYellow).add_modifier(bold | Modifier::UNDERLINED),
            info: Style::new().fg(Color::LightCyan).add_modifier(bold),
            status: Style::new().fg(Color::Black).bg(Color::White),
            monochrome: false,
        }
    }

    /// A theme by its configuration name.
    pub fn named(name: &str) -> Option<Theme> {
        match name {
            "standard" => Some(Theme::standard()),
            "high-contrast" => Some(Theme::high_contrast()),
            "monochrome" => Some(Theme::monochrome()),
            _ => None,
        }
    }

    /// No colour at all (NO_COLOR): structure by reverse video and bold only.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            title: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            crumb: plain,
            heading: plain.add_modifier(Modifier::BOLD),
            banner: plain,
            text: plain,
            dim: plain,
            focus: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD),
            info: plain,
            status: plain.add_modifier(Modifier::REVERSED),
            monochrome: true,
        }
    }
}
