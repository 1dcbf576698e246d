//! What a kiosk session starts with: who and where it is, its language,
//! lockdown and timings, and what the staff screen reports.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{input, parse_chord, staff};
use crate::domain::{Lang, Text};

/// Settings a session starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionConfig {
    /// This kiosk's id, sent with bookings.
    pub kiosk: String,
    pub hall: String,
    pub lang: Lang,
    /// Quit keys work only when this is false.
    pub lockdown: bool,
    /// Without input this long, the session resets to Welcome…
    pub idle_timeout_ms: u64,
    /// …after a warning shown for this long before.
    pub idle_warning_ms: u64,
    /// How often to look for a newer catalogue while the backend answers.
    pub catalog_refresh_ms: u64,
    /// The chord that opens the staff PIN prompt.
    pub staff_key: Option<(KeyCode, KeyModifiers)>,
    /// The staff PIN's argon2 hash (checked by the runtime, off the UI thread).
    pub pin_hash: Option<String>,
    /// Start sessions in screen-reader mode (the cursor follows the focus,
    /// nothing ticks, messages are announced) and in elderly mode.
    pub screen_reader: bool,
    pub elderly: bool,
    /// When the on-screen keyboard shows (`kiosk.touch`).
    pub touch: input::keyboard::Touch,
    /// For the staff screen.
    pub backend_url: String,
    pub log_file: String,
    /// The hall's name and help phone from the configuration, shown until
    /// a catalogue (whose hall has its own) has arrived: a kiosk that has
    /// never reached its backend still says where it stands and whom to call.
    pub hall_name: Option<Text>,
    pub help_phone: Option<String>,
    /// In lockdown: why phones may not open the QR code's link, for the staff screen.
    pub phone_link_warning: Option<staff::PhoneLinkWarning>,
    /// Months after which the staff screen counts a guide as overdue for review.
    pub review_months: u32,
    /// Spoken guidance (`speech.*`): whether it can be started here.
    pub speech: super::speech::SpeechConfig,
}

impl Default for SessionConfig {
    fn default() -> SessionConfig {
        SessionConfig {
            kiosk: "kiosk-01".into(),
            hall: "binjiang".into(),
            lang: Lang::ZhCn,
            lockdown: false,
            idle_timeout_ms: 120_000,
            idle_warning_ms: 30_000,
            catalog_refresh_ms: 300_000,
            staff_key: parse_chord("ctrl+alt+k"),
            pin_hash: None,
            screen_reader: false,
            elderly: false,
            touch: input::keyboard::Touch::Auto,
            backend_url: String::new(),
            log_file: String::new(),
            hall_name: None,
            help_phone: None,
            phone_link_warning: None,
            review_months: 6,
            speech: super::speech::SpeechConfig::default(),
        }
    }
}
