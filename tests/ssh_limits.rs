//! `onestop ssh` at its limits, as deployed: the real binary in its own
//! process with no terminal of its own (as under systemd), reached with the
//! real OpenSSH client. Its memory is read from /proc.

mod common;

use std::{
    io::{BufRead, BufReader, Write},
    process::{Child, Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use common::personal_key;
use common::pty::Kiosk;

/// What a flood types at most, and the server's peak memory it must stay under.
const FLOOD: usize = 16 << 20;
const PEAK_LIMIT_KIB: u64 = 200 * 1024;

struct Server {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Server {
    /// `onestop ssh` in a session of its own (setsid: no controlling
    /// terminal) and without TERM, as a service runs.
    fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new("setsid")
            .arg(env!("CARGO_BIN_EXE_onestop"))
            .args(["--data-dir", dir.path().to_str().unwrap(), "ssh", "--listen", "127.0.0.1:0"])
            .env_remove("TERM")
            .env("ONESTOP__LOG__LEVEL", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("setsid and onestop start");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let port = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| {
                l.strip_prefix("onestop ssh listening on ")
                    .map(|a| a.rsplit(':').next().unwrap().parse().unwrap())
            })
            .expect("the server says where it listens");
        // Read on: a closed pipe would fail the server's next line.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, port, _dir: dir }
    }

    fn ssh_args(&self) -> Vec<String> {
        let port = self.port.to_string();
        let options =
            ["StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null", "LogLevel=ERROR", "BatchMode=yes"];
        let mut args = vec!["-p".to_owned(), port, "-F".into(), "/dev/null".into()];
        for o in options {
            args.extend(["-o".to_owned(), o.to_owned()]);
        }
        args
    }

    /// `ssh -tt` in a pty.
    fn connect(&self, env: &str, cols: u16, rows: u16) -> Kiosk {
        let mut args = self.ssh_args();
        args.extend(["-o".into(), format!("SetEnv={env}"), "-tt".into(), "tester@127.0.0.1".into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Kiosk::spawn("ssh", &args, &[], cols, rows)
    }

    /// The server's peak resident memory so far (VmHWM), in KiB.
    fn peak_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).unwrap();
        line.trim().trim_end_matches(" kB").parse().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// OpenSSH with its input from a pipe, fed `FLOOD` bytes of typing by a
/// thread (which stops when the client is killed); the bytes taken so far.
fn flood(server: &Server) -> (Child, Arc<AtomicUsize>) {
    let mut client = Command::new("ssh")
        .args(server.ssh_args())
        .args(["-tt", "tester@127.0.0.1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = client.stdin.take().unwrap();
    let typed = Arc::new(AtomicUsize::new(0));
    let count = typed.clone();
    std::thread::spawn(move || {
        let chunk = vec![b'z'; 64 << 10];
        while count.load(Ordering::Relaxed) < FLOOD && input.write_all(&chunk).is_ok() {
            count.fetch_add(chunk.len(), Ordering::Relaxed);
        }
    });
    (client, typed)
}

#[test]
fn a_flood_of_typing_is_held_back_at_the_ssh_window_and_no_one_else_waits() {
    let server = Server::start();
    let mut other = server.connect("LANG=en_US.UTF-8", 80, 24);
    other.wait_for("Household registration and ID");
    let (mut client, typed) = flood(&server);
    let started = Instant::now();
    let typed_kib = || typed.load(Ordering::Relaxed) >> 10;
    // While the flood lasts (at most 20 s: the flooded session takes keys at
    // its own pace), the other session is tried once and the server's peak
    // memory watched closely, so that a server that queues it all is
    // stopped early.
    let mut answered = false;
    let mut peak = server.peak_kib();
    while started.elapsed() < Duration::from_secs(20) && typed_kib() < FLOOD >> 10 && peak < PEAK_LIMIT_KIB {
        if !answered && (typed_kib() >= 512 || started.elapsed() > Duration::from_secs(5)) {
            other.send(&personal_key());
            other.wait_for("Choose a category");
            other.send("\x1b");
            other.wait_for("What would you like to do?");
            answered = true;
        }
        std::thread::sleep(Duration::from_millis(10));
        peak = server.peak_kib();
    }
    let _ = client.kill();
    let _ = client.wait();
    let typed = typed_kib();
    eprintln!("server peak RSS {} MB with {typed} KiB typed into one session", peak >> 10);
    assert!(peak < PEAK_LIMIT_KIB, "server peak RSS {} MB after {typed} KiB typed", peak >> 10);
    assert!(answered, "the other session answered during the flood");
    other.send("q");
    other.wait_exit();
}

#[test]
fn a_window_change_keeps_the_session_on_a_server_without_a_terminal() {
    let server = Server::start();
    let mut k = server.connect("LANG=en_US.UTF-8", 80, 24);
    k.wait_for("Household registration and ID");
    k.resize(100, 30);
    k.send(&personal_key());
    k.wait_for("Choose a category");
    k.resize(90, 26);
    k.send("\x1b");
    k.wait_for("What would you like to do?");
    assert!(!k.screen().contains("Goodbye"), "{}", k.screen());
    k.send("q");
    k.wait_exit();
}
