//! The real binary: `onestop serve` over a temporary data directory, a
//! window token made with `onestop token create`, a number taken through
//! the API with a kiosk token, then `onestop window --window 6` in a pty
//! calls it and shows it; the server killed and started again, the
//! console says the connection is lost and comes back by itself. And
//! without a backend or a token, it says what to do, in words.

use std::net::TcpListener;

mod common;

use common::pty::Kiosk;
use common::serve::{onestop, serve, token};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_calls_a_ticket_taken_at_the_kiosk_and_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let window = token(data.path(), "window", "window-06");
    let kiosk = token(data.path(), "kiosk", "kiosk-01");
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server = serve(data.path(), port);
    let url = format!("http://127.0.0.1:{port}");
    let resp = reqwest::Client::new()
        .post(format!("{url}/api/v1/halls/binjiang/tickets"))
        .bearer_auth(&kiosk)
        .json(&serde_json::json!({ "service": "id-card-renewal" }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let dir = data.path().display().to_string();
    let mut console = Kiosk::start(
        &["--data-dir", &dir, "--lang", "en-US", "window", "--window", "6", "--backend", &url],
        &[("ONESTOP__BACKEND__TOKEN", window.as_str())],
        80,
        24,
    );
    console.wait_for("Connected to the backend");
    console.wait_for("Waiting (in calling order)  A: 1  B: 0");
    console.wait_for("A001");
    console.send("p");
    console.wait_for("The window is open");
    console.send("n");
    console.wait_for("Called A001.");
    console.wait_for("Ticket in hand  A001  called once");
    // The server goes away: said within seconds, and the console keeps
    // answering keys meanwhile.
    drop(server);
    console.wait_for("Connection lost — reconnecting");
    console.send("\x1bOQ");
    console.wait_for("與後台的連接中斷");
    console.send("\x1bOQ");
    console.wait_for("与后台的连接中断");
    console.send("\x1bOQ");
    console.wait_for("English");
    // Back on the same data: found again by itself, the ticket still in hand.
    let _server = serve(data.path(), port);
    console.wait_for("Connected to the backend");
    console.wait_for("Ticket in hand  A001");
    console.send("f");
    console.wait_for("A001 is finished.");
    console.quit();
}

#[test]
fn without_a_backend_or_a_token_it_says_what_to_do() {
    let data = tempfile::tempdir().unwrap();
    let out = onestop(data.path(), &["--lang", "en-US", "window", "--window", "3"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("onestop window needs the backend's address: give it with --backend URL"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
    let out = onestop(data.path(), &["window", "--window", "3", "--backend", "http://127.0.0.1:9"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("onestop token create --role window --hall binjiang --name window-03"), "{err}");
    assert!(err.contains("窗口令牌"), "{err}");
    let out = onestop(data.path(), &["--lang", "zh-HK", "window", "--backend", "http://127.0.0.1:9"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("需要窗口號"), "{err}");
}
