//! onestop: a terminal kiosk for one-stop government service halls, and the
//! reference backend it talks to. See `DESIGN.md` for the shape of it.

pub mod app;
pub mod client;
pub mod config;
pub mod display;
pub mod domain;
pub mod i18n;
pub mod kiosk;
pub mod limit;
pub mod runtime;
pub mod search;
pub mod server;
pub mod speech;
pub mod ui;
pub mod window;
