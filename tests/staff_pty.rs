//! The real kiosk in a pty against the real `onestop serve` (which asks for
//! tokens): `backend.staff_token` (here as ONESTOP__BACKEND__STAFF_TOKEN)
//! opens the day's figures on the staff screen; without it the page says
//! to set one.

mod common;

use std::net::TcpListener;

use common::pty::Kiosk;
use common::serve::{serve, token};

const CHORD: &str = "\x1b\x0b"; // ctrl+alt+k

/// A kiosk overlay with the staff PIN 2468, in English.
fn kiosk_config(dir: &std::path::Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_onestop"))
        .args(["config", "hash-pin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(b"2468\n2468\n")?;
            child.wait_with_output()
        })
        .unwrap();
    let pin_line = String::from_utf8(out.stdout).unwrap();
    let path = dir.join("kiosk.toml");
    std::fs::write(&path, format!("[kiosk]\nlanguage = \"en-US\"\n\n[staff]\n{pin_line}")).unwrap();
    path.display().to_string()
}

#[test]
fn the_staff_token_set_in_the_configuration_opens_the_days_figures() {
    let server_data = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let _server = serve(server_data.path(), port);
    let url = format!("http://127.0.0.1:{port}");
    let kiosk = token(server_data.path(), "kiosk", "kiosk-01");
    let staff = token(server_data.path(), "staff", "desk");

    let data = tempfile::tempdir().unwrap();
    let config = kiosk_config(data.path());
    let dir = data.path().to_str().unwrap();
    let args = ["--config", &config, "--data-dir", dir, "--backend", &url];
    for (staff_token, said) in
        [(Some(staff.as_str()), "No ratings yet today."), (None, "The backend asks for a staff token")]
    {
        let mut env = vec![("ONESTOP__BACKEND__TOKEN", kiosk.as_str())];
        env.extend(staff_token.map(|t| ("ONESTOP__BACKEND__STAFF_TOKEN", t)));
        let mut k = Kiosk::start(&args, &env, 80, 24);
        k.wait_for("Household registration and ID");
        k.send(CHORD);
        k.wait_for("PIN");
        k.send("2468\r");
        k.wait_for("Refresh today's figures");
        k.send("\x1b[C"); // →
        k.wait_for(said);
        if staff_token.is_some() {
            k.send("\x1b[C");
            k.wait_for("Nobody has reported a mistake");
        }
        k.quit();
    }
}
