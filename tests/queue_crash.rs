//! Across a `kill -9` of the real `onestop serve` (its SQLite file in a data
//! directory), no acknowledged ticket is lost and none is issued twice:
//! kiosks take numbers at full speed, the server is killed mid-stream,
//! started again on the same file, and asked for every number it answered
//! 201 to; the numbers it gives after the restart are new ones.
//!
//! The binary keeps the system clock, and a hall gives numbers only in its
//! hours on its days: the server runs under libfaketime (Debian's
//! `faketime`), started at Monday 30 November 2026, 10:00 in Shanghai, so
//! the test does not depend on when it runs. Missing libfaketime is a loud
//! failure that says what to install, never a skip.

use std::{
    collections::BTreeSet,
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use reqwest::StatusCode;
use serde_json::{Value, json};

/// Debian's libfaketime, preloaded into the server.
fn libfaketime() -> PathBuf {
    let candidates = [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
    ];
    candidates.iter().map(PathBuf::from).find(|p| p.is_file()).expect(
        "libfaketime is not installed, and this test needs it to run the real server on a Monday morning: \
         apt-get install faketime",
    )
}

fn onestop(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_onestop"));
    c.arg("--data-dir").arg(data);
    c
}

/// `onestop serve` on `port` over `data`, its clock Monday 10:00 in
/// Shanghai (ticking from there), killed when dropped.
struct Server(Child);

impl Server {
    fn start(data: &Path, port: u16) -> Server {
        // Held at once, so a server that never listens is killed and
        // waited for too (Drop).
        let server = Server(
            onestop(data)
                .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
                .env("LD_PRELOAD", libfaketime())
                .env("FAKETIME", "@2026-11-30 02:00:00")
                .env("TZ", "UTC")
                // Timers and timeouts keep real time: only the wall clock moves.
                .env("FAKETIME_DONT_FAKE_MONOTONIC", "1")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("onestop serve starts"),
        );
        for _ in 0..800 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("the server did not start");
    }

    /// SIGKILL: no shutdown, no flush, nothing but what was committed.
    fn kill_9(mut self) {
        self.0.kill().unwrap();
        self.0.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Takes passport numbers at Binjiang as fast as it is answered, until
/// `stop`: every number acknowledged with 201, in order. A request the
/// kill cut off is not acknowledged, and ends this kiosk.
async fn kiosk(url: String, token: String, stop: Arc<AtomicBool>) -> Vec<String> {
    let http = reqwest::Client::new();
    let mut acknowledged = vec![];
    while !stop.load(Ordering::Relaxed) {
        let sent = http
            .post(format!("{url}/api/v1/halls/binjiang/tickets"))
            .bearer_auth(&token)
            .json(&json!({ "service": "passport-application" }))
            .send()
            .await;
        let Ok(resp) = sent else { break };
        if resp.status() != StatusCode::CREATED {
            panic!("refused: {} {}", resp.status(), resp.text().await.unwrap_or_default());
        }
        let Ok(ticket) = resp.json::<Value>().await else { break };
        assert_eq!(ticket["day"], "2026-11-30", "the server's clock is Monday: {ticket}");
        acknowledged.push(ticket["number"].as_str().unwrap().to_owned());
    }
    acknowledged
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_9_loses_no_acknowledged_ticket_and_gives_none_twice() {
    let data = tempfile::tempdir().unwrap();
    let made = onestop(data.path())
        .args(["token", "create", "--role", "kiosk", "--hall", "binjiang", "--name", "kiosk-01"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let token = String::from_utf8(made.stdout).unwrap().trim().to_owned();
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}");

    let server = Server::start(data.path(), port);
    let stop = Arc::new(AtomicBool::new(false));
    let kiosks: Vec<_> =
        (0..8).map(|_| tokio::spawn(kiosk(url.clone(), token.clone(), stop.clone()))).collect();
    // Killed mid-stream, once a good number of tickets were answered.
    let http = reqwest::Client::new();
    let queues = format!("{url}/api/v1/halls/binjiang/queues");
    loop {
        let state: Value = http.get(&queues).send().await.unwrap().json().await.unwrap();
        let waiting =
            state["queues"].as_array().unwrap().iter().find(|q| q["prefix"] == "B").unwrap()["waiting"]
                .as_u64()
                .unwrap();
        if waiting >= 120 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::task::spawn_blocking(move || server.kill_9()).await.unwrap();
    stop.store(true, Ordering::Relaxed);
    let mut before = vec![];
    for k in kiosks {
        before.extend(k.await.unwrap());
    }
    let acknowledged: BTreeSet<String> = before.iter().cloned().collect();
    assert_eq!(acknowledged.len(), before.len(), "no number was answered twice before the kill");
    assert!(acknowledged.len() >= 120, "{} acknowledged", acknowledged.len());

    let _server = Server::start(data.path(), port);
    for number in &acknowledged {
        let resp =
            http.get(format!("{url}/api/v1/halls/binjiang/tickets/{number}?day=2026-11-30")).send().await;
        let resp = resp.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "acknowledged {number} survives the kill");
        let t: Value = resp.json().await.unwrap();
        assert_eq!(t["state"], "waiting", "{t}");
    }
    // The next numbers are new ones, and follow on from the last stored.
    let mut after = vec![];
    for _ in 0..20 {
        let resp = http
            .post(format!("{url}/api/v1/halls/binjiang/tickets"))
            .bearer_auth(&token)
            .json(&json!({ "service": "passport-application" }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        after.push(resp.json::<Value>().await.unwrap()["number"].as_str().unwrap().to_owned());
    }
    for number in &after {
        assert!(!acknowledged.contains(number), "{number} was given before the kill too");
    }
    let state: Value = http.get(&queues).send().await.unwrap().json().await.unwrap();
    let stored = state["queues"].as_array().unwrap().iter().find(|q| q["prefix"] == "B").unwrap()["waiting"]
        .as_u64()
        .unwrap();
    // Requests cut off by the kill may have been stored unanswered; never
    // more than the kiosks had in flight (8), and they keep their numbers.
    let given = (acknowledged.len() + after.len()) as u64;
    eprintln!("{} acknowledged before the kill, {stored} stored after 20 more", acknowledged.len());
    assert!((given..=given + 8).contains(&stored), "{stored} stored, {given} acknowledged");
    let highest = after.iter().max().unwrap();
    assert_eq!(highest, &format!("B{stored:03}"), "numbers run on without a gap past those stored");
}
