//! Widgets shared by the screens.

pub mod big_text;
pub mod form;
pub mod menu;
pub mod qr;
