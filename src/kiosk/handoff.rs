//! Continue on the phone: the guide and the confirmation ask the backend for
//! a handoff link, and show it as a QR code when it arrives.

use qrcode::{Color, EcLevel, QrCode};

use super::screen::Screen;
use super::{Effect, Remote, State};
use crate::domain::{FetchError, Handoff, Lang};

/// Light modules around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// A QR code's modules, quiet zone included: `dark[y][x]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    pub dark: Vec<Vec<bool>>,
}

impl QrMatrix {
    /// The code for `text` (error correction L: the kiosk screen is clean and
    /// flat, and a smaller code fits more terminals), or None if too long.
    pub fn new(text: &str) -> Option<QrMatrix> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
        let n = code.width();
        let colors = code.to_colors();
        let side = n + 2 * QUIET_ZONE;
        let dark = (0..side)
            .map(|y| {
                (0..side)
                    .map(|x| {
                        let inside = (QUIET_ZONE..QUIET_ZONE + n).contains(&x)
                            && (QUIET_ZONE..QUIET_ZONE + n).contains(&y);
                        inside && colors[(y - QUIET_ZONE) * n + (x - QUIET_ZONE)] == Color::Dark
                    })
                    .collect()
            })
            .collect();
        Some(QrMatrix { dark })
    }

    /// Modules per side, quiet zone included.
    pub fn side(&self) -> usize {
        self.dark.len()
    }
}

/// What a handoff is for, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffState {
    pub service: String,
    pub booking: Option<String>,
    /// For `booking`: the last four digits of the phone it was booked with,
    /// the proof the server asks before it makes a page for a booking. Kept
    /// from the confirmation so that a new link (another language) can be
    /// asked for; gone when the session resets, like everything personal.
    pub phone_last4: Option<String>,
    pub lang: Lang,
    pub link: Remote<(Handoff, Option<QrMatrix>)>,
}

/// Asks for a link for the guide or confirmation on screen. For a
/// confirmation, the proof kept from `request_booked` goes with it.
pub fn request(state: &mut State) -> Vec<Effect> {
    let (service, booking) = match state.screen() {
        Screen::Guide { service, .. } => (service.clone(), None),
        Screen::BookDone { booking, .. } => (booking.service.clone(), Some(booking.code.clone())),
        _ => return vec![],
    };
    let kept = state.handoff.take().filter(|h| booking.is_some() && h.booking == booking);
    let phone_last4 = kept.and_then(|h| h.phone_last4);
    ask(state, service, booking, phone_last4)
}

/// At the confirmation: the link for the booking just made, proven by the
/// last four digits of the phone it was booked with (`confirmed` takes them
/// from the draft before dropping it).
pub fn request_booked(state: &mut State, phone_last4: Option<String>) -> Vec<Effect> {
    let Screen::BookDone { booking, .. } = state.screen() else { return vec![] };
    let (service, code) = (booking.service.clone(), booking.code.clone());
    ask(state, service, Some(code), phone_last4)
}

fn ask(
    state: &mut State,
    service: String,
    booking: Option<String>,
    phone_last4: Option<String>,
) -> Vec<Effect> {
    let lang = state.lang;
    state.handoff = Some(HandoffState {
        service: service.clone(),
        booking: booking.clone(),
        phone_last4: phone_last4.clone(),
        lang,
        link: Remote::Loading,
    });
    vec![Effect::CreateHandoff { service, lang, booking, phone_last4, ticket: None }]
}

pub fn created(state: &mut State, lang: Lang, result: Result<Handoff, FetchError>) {
    let Some(h) = state.handoff.as_mut() else { return };
    // Only the answer to the latest request counts.
    if h.lang != lang || !matches!(h.link, Remote::Loading) {
        return;
    }
    h.link = match result {
        Ok(handoff) => {
            let qr = QrMatrix::new(&handoff.url);
            Remote::Ready((handoff, qr))
        }
        Err(e) => Remote::Failed(e),
    };
}

/// The link for the screen on view, if it is the one asked for.
pub fn current(state: &State) -> Option<&HandoffState> {
    let h = state.handoff.as_ref()?;
    let matches = match state.screen() {
        Screen::Guide { service, .. } => h.service == *service && h.booking.is_none(),
        Screen::BookDone { booking, .. } => h.booking.as_deref() == Some(booking.code.as_str()),
        _ => false,
    };
    matches.then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upper_case_url_makes_a_small_code_with_its_quiet_zone() {
        let m = QrMatrix::new("HTTP://127.0.0.1:8080/M/ABCDEFGHJKMNPQRS").unwrap();
        assert_eq!(m.side(), 25 + 2 * QUIET_ZONE, "version 2 fits this URL");
        assert!(m.dark[0].iter().all(|d| !d) && m.dark.iter().all(|row| !row[0]), "light border");
        assert!(m.dark[QUIET_ZONE][QUIET_ZONE], "finder pattern corner is dark");
    }
}
