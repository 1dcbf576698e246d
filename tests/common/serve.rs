//! The real `onestop serve` as a child process over a temporary data
//! directory, its clock stopped inside the hall's hours (`ONESTOP_TEST_NOW`,
//! test builds only), and tokens made with `onestop token create`: for the
//! pty tests of the window console and the calling screen.

use std::{
    path::Path,
    process::{Child, Command, Output, Stdio},
    time::Duration,
};

/// Monday 30 November 2026, 10:00 in Shanghai: inside the hall's hours.
pub const MONDAY_10AM: &str = "2026-11-30T02:00:00Z";

pub fn onestop(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onestop"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("ONESTOP_TEST_NOW", MONDAY_10AM)
        .env_remove("ONESTOP__BACKEND__URL")
        .env_remove("ONESTOP__BACKEND__TOKEN")
        .output()
        .expect("onestop runs")
}

pub fn token(data: &Path, role: &str, name: &str) -> String {
    let out = onestop(data, &["token", "create", "--role", role, "--hall", "binjiang", "--name", name]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

pub struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `onestop serve` on `port` over `data`, once it accepts connections.
pub fn serve(data: &Path, port: u16) -> Server {
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_onestop"))
            .arg("--data-dir")
            .arg(data)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .env("ONESTOP_TEST_NOW", MONDAY_10AM)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    for _ in 0..400 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the backend did not start");
}
