//! The kiosk over SSH (`onestop ssh`), for remote testers and their own
//! terminals and screen readers.

mod backend;
mod connection;
mod inbox;
pub mod input;
mod keys;
mod output;
mod server;
mod session;
mod size;

pub use keys::host_key;
pub use server::{Running, SshAuth, SshOptions, start};
pub use size::{MAX_COLS, MAX_ROWS};
