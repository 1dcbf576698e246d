//! The kiosk over SSH (`onestop ssh`), for remote testers and their own
//! terminals and screen readers.

pub mod input;
mod output;
mod server;

pub use server::{Running, SshAuth, SshOptions, host_key, start};
