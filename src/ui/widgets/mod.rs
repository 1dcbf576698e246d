//! Widgets shared by the screens.

pub mod big_text;
pub mod form;
pub mod keyboard;
pub mod menu;
pub mod qr;
