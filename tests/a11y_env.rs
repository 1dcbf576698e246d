//! `ONESTOP_A11Y` asks for screen-reader mode in words as well as digits
//! (1, true, yes, on; any case): in the kiosk's own environment, and sent
//! by an SSH client with SetEnv. The real binaries in a pty.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::pty::Kiosk;

const ON: &str = "Screen-reader mode  on";
const OFF: &str = "Screen-reader mode  off";

#[test]
fn onestop_a11y_in_words_turns_screen_reader_mode_on_locally() {
    for (value, expected) in [("yes", ON), ("True", ON), ("1", ON), ("no", OFF)] {
        let data = tempfile::tempdir().unwrap();
        let args = ["--data-dir", data.path().to_str().unwrap(), "--lang", "en-US"];
        let mut k = Kiosk::start(&args, &[("ONESTOP_A11Y", value)], 80, 24);
        // The mode switches are on Welcome's second page.
        k.wait_for("PgDn next page");
        k.send("\x1b[6~");
        k.wait_for("Screen-reader mode");
        k.wait_for(expected);
        k.quit();
    }
}

/// `onestop ssh` on a free loopback port; killed when dropped.
struct SshServer {
    child: Child,
    port: String,
    _data: tempfile::TempDir,
}

impl SshServer {
    fn start() -> SshServer {
        let data = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_onestop"))
            .args(["ssh", "--listen", "127.0.0.1:0", "--data-dir", data.path().to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().expect("the server says where it listens").unwrap();
        let port = first.rsplit(':').next().unwrap().trim().to_owned();
        assert!(first.starts_with("onestop ssh listening on") && port.parse::<u16>().is_ok(), "{first}");
        // Keep reading, so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        SshServer { child, port, _data: data }
    }

    /// The OpenSSH client in a pty, sending `env` with SetEnv.
    fn connect(&self, env: &str) -> Kiosk {
        let setenv = format!("SetEnv={env}");
        let args = [
            "-tt",
            "-p",
            &self.port,
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            "-F",
            "/dev/null",
            "-o",
            &setenv,
            "tester@127.0.0.1",
        ];
        Kiosk::spawn("ssh", &args, &[], 80, 24)
    }
}

impl Drop for SshServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn onestop_a11y_in_words_turns_screen_reader_mode_on_over_ssh() {
    assert!(
        Command::new("ssh").arg("-V").output().is_ok(),
        "this test needs the OpenSSH client: apt-get install openssh-client"
    );
    let server = SshServer::start();
    for (value, expected) in [("TRUE", ON), ("yes", ON), ("0", OFF)] {
        let mut k = server.connect(&format!("LANG=en_US.UTF-8 ONESTOP_A11Y={value}"));
        k.wait_for("PgDn next page");
        k.send("\x1b[6~");
        k.wait_for("Screen-reader mode");
        k.wait_for(expected);
        k.send("q");
        k.wait_exit();
    }
}
