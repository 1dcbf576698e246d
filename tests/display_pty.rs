//! The real binary: `onestop serve` over a temporary data directory, a
//! display token and a window token made with `onestop token create`, a
//! number taken with a kiosk token; `onestop display --hall binjiang` in a
//! pty shows the call made at window 6, says when the server goes away,
//! comes back by itself when it restarts and shows the next call. With
//! speech on and no espeak-ng, it says so once and goes on.

use std::net::TcpListener;

mod common;

use common::pty::Kiosk;
use common::serve::{onestop, serve, token};

async fn post(url: &str, token: &str, path: &str, body: serde_json::Value) -> serde_json::Value {
    let resp = reqwest::Client::new()
        .post(format!("{url}{path}"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{path}: {}", resp.status());
    resp.json().await.unwrap()
}

async fn call_next(url: &str, window: &str) -> String {
    let done = post(
        url,
        window,
        "/api/v1/halls/binjiang/windows/6/actions",
        serde_json::json!({ "action": "call_next" }),
    )
    .await;
    done["number"].as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_display_shows_a_call_and_survives_the_servers_restart() {
    let data = tempfile::tempdir().unwrap();
    let display = token(data.path(), "display", "display-01");
    let window = token(data.path(), "window", "window-06");
    let kiosk = token(data.path(), "kiosk", "kiosk-01");
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server = serve(data.path(), port);
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..2 {
        post(
            &url,
            &kiosk,
            "/api/v1/halls/binjiang/tickets",
            serde_json::json!({ "service": "id-card-renewal" }),
        )
        .await;
    }
    let dir = data.path().display().to_string();
    let mut screen = Kiosk::start(
        &["--data-dir", &dir, "--lang", "en-US", "display", "--hall", "binjiang", "--backend", &url],
        &[("ONESTOP__BACKEND__TOKEN", display.as_str())],
        80,
        24,
    );
    screen.wait_for("Connected to the backend");
    screen.wait_for("No number called yet");
    screen.wait_for("Queue A: 2");
    post(&url, &window, "/api/v1/halls/binjiang/windows/6/actions", serde_json::json!({ "action": "open" }))
        .await;
    assert_eq!(call_next(&url, &window).await, "A001");
    screen.wait_for("A001 → Window 6");
    screen.wait_for("Queue A: 1");
    // The server goes away: said within seconds, never frozen (F2 answers).
    drop(server);
    screen.wait_for("connection lost — reconnecting");
    screen.send("\x1bOQ");
    screen.wait_for("連接中斷 — 正在重新連接");
    screen.send("\x1bOQ");
    screen.send("\x1bOQ");
    screen.wait_for("connection lost — reconnecting");
    // Back on the same data: found again by itself; the next call shows.
    let _server = serve(data.path(), port);
    screen.wait_for("Connected to the backend");
    let missed = serde_json::json!({ "action": "no_show" });
    post(&url, &window, "/api/v1/halls/binjiang/windows/6/actions", missed).await;
    assert_eq!(call_next(&url, &window).await, "A002");
    screen.wait_for("A002 → Window 6");
    screen.wait_for("Recent calls");
    screen.wait_for("A001 → Window 6");
    screen.quit();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_speech_on_and_no_espeak_ng_it_says_so_and_goes_on() {
    let data = tempfile::tempdir().unwrap();
    let window = token(data.path(), "window", "window-06");
    let kiosk = token(data.path(), "kiosk", "kiosk-01");
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let _server = serve(data.path(), port);
    let url = format!("http://127.0.0.1:{port}");
    post(&url, &kiosk, "/api/v1/halls/binjiang/tickets", serde_json::json!({ "service": "id-card-renewal" }))
        .await;
    let dir = data.path().display().to_string();
    // No token: the routes a calling screen reads are public.
    let mut screen = Kiosk::start(
        &["--data-dir", &dir, "--lang", "en-US", "display", "--backend", &url],
        &[("ONESTOP__DISPLAY__SPEAK", "true"), ("PATH", "/nonexistent")],
        80,
        24,
    );
    screen.wait_for("Speech is off: espeak-ng is not installed");
    screen.wait_for("Connected to the backend");
    post(&url, &window, "/api/v1/halls/binjiang/windows/6/actions", serde_json::json!({ "action": "open" }))
        .await;
    assert_eq!(call_next(&url, &window).await, "A001");
    screen.wait_for("A001 → Window 6");
    screen.quit();
}

#[test]
fn without_a_backend_it_says_what_to_do() {
    let data = tempfile::tempdir().unwrap();
    let out = onestop(data.path(), &["--lang", "en-US", "display"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("onestop display needs the backend's address: give it with --backend URL"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
