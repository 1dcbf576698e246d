//! Widgets shared by the screens.

pub mod form;
pub mod menu;
pub mod qr;
