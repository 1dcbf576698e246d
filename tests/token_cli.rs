//! Tokens as staff use them, with the real binary: `onestop token create`,
//! `list` and `revoke` against a data directory, `onestop serve` requiring
//! them, and a kiosk with a wrong token saying it is not registered.

use std::{
    net::TcpListener,
    process::{Child, Command, Output, Stdio},
    time::Duration,
};

mod common;

use common::personal_key;
use common::pty::Kiosk;

fn onestop(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onestop"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .expect("onestop runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `onestop serve` on a free port over `data`; its URL.
fn serve(data: &std::path::Path) -> (Server, String) {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_onestop"))
            .arg("--data-dir")
            .arg(data)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    for _ in 0..400 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return (server, format!("http://127.0.0.1:{port}"));
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the backend did not start");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_make_list_and_revoke_tokens_and_serve_holds_them_to_it() {
    let data = tempfile::tempdir().unwrap();
    let made = onestop(
        data.path(),
        &["token", "create", "--role", "kiosk", "--hall", "binjiang", "--name", "kiosk-01"],
    );
    assert!(made.status.success(), "{}", text(&made.stderr));
    let token = text(&made.stdout).trim().to_owned();
    assert!(token.starts_with("onestop_") && token.len() == 40, "the token alone on stdout: {token:?}");
    assert!(text(&made.stderr).contains("shown only now"));

    let twice = onestop(
        data.path(),
        &["token", "create", "--role", "kiosk", "--hall", "binjiang", "--name", "kiosk-01"],
    );
    assert!(!twice.status.success() && text(&twice.stderr).contains("already has a token"));
    let nowhere =
        onestop(data.path(), &["token", "create", "--role", "kiosk", "--hall", "nowhere", "--name", "k"]);
    assert!(!nowhere.status.success() && text(&nowhere.stderr).contains("binjiang, chengbei, tianshan"));
    let badname =
        onestop(data.path(), &["token", "create", "--role", "kiosk", "--hall", "binjiang", "--name", "k 1"]);
    assert!(!badname.status.success() && text(&badname.stderr).contains("1 to 64 letters"));

    let list = text(&onestop(data.path(), &["token", "list"]).stdout);
    assert!(list.contains("kiosk-01") && list.contains("binjiang"), "{list}");
    assert!(!list.contains(&token), "never the secret");
    let id =
        list.lines().find(|l| l.contains("kiosk-01")).unwrap().split_whitespace().next().unwrap().to_owned();

    let (_server, url) = serve(data.path());
    let http = reqwest::Client::new();
    let hold = |token: Option<String>| {
        let mut req = http
            .post(format!("{url}/api/v1/holds"))
            .json(&serde_json::json!({ "hall": "binjiang", "service": "id-card-renewal", "start": "2026-11-30T01:00:00Z" }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        async move { req.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(hold(None).await, 401, "serve needs a token");
    assert_ne!(hold(Some(token.clone())).await, 401, "the staff's token is known to the running server");

    let revoked = onestop(data.path(), &["token", "revoke", &id]);
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    assert_eq!(hold(Some(token.clone())).await, 401, "revoked: refused at once");
    let again = onestop(data.path(), &["token", "revoke", &id]);
    assert!(!again.status.success() && text(&again.stderr).contains("no live token"));
}

#[test]
fn a_kiosk_with_a_wrong_token_says_it_is_not_registered() {
    let data = tempfile::tempdir().unwrap();
    let (_server, url) = serve(data.path());
    let kiosk_data = tempfile::tempdir().unwrap();
    let mut k = Kiosk::start(
        &["--data-dir", kiosk_data.path().to_str().unwrap(), "--lang", "en-US", "--backend", &url],
        &[("ONESTOP__BACKEND__TOKEN", "onestop_NOTAREALTOKEN0000000000000000000")],
        80,
        24,
    );
    // The catalogue is public: the kiosk browses; holding a place is not.
    k.wait_for("Household registration and ID");
    k.send(&format!("{}1\r", personal_key())); // 个人办事 (after 取号 and 签到) › the first category › its first service
    k.wait_for("Required materials");
    k.send("\r1");
    // The first day with places left (the real clock), its first time.
    k.wait_for("places left");
    let day = k.first_open_day();
    k.send(&day);
    k.wait_for("Choose a time");
    k.send("1");
    k.wait_for("not registered");
    k.quit();
}
