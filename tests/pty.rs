//! The real binary in a pseudo-terminal, as a citizen would use it.

mod common;

use common::personal_key;
use common::pty::Kiosk;

#[test]
fn browse_to_a_service_guide_and_quit_leaving_the_terminal_restored() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut k = Kiosk::start(&["--data-dir", dir], &[], 100, 30);
    k.wait_for("滨江市民服务中心");
    k.wait_for("户籍与身份证");
    k.send(&personal_key()); // 个人办事 (after 取号 and 预约签到)
    k.wait_for("请选择服务分类");
    k.send("1"); // 户籍与身份证
    k.wait_for("居民身份证换领");
    // The most asked-for service comes first: open it with Enter.
    k.send("\r");
    k.wait_for("申请材料");
    k.wait_for("居民户口簿");
    k.send("\x1b[B\x1b[B\x1b[B"); // scroll down
    k.wait_for("原居民身份证");
    // Switch language in place.
    k.send("\x1bOQ"); // F2
    k.wait_for("Your current ID card");
    k.quit();
    let parser = k.parser.lock().unwrap();
    assert!(!parser.screen().alternate_screen(), "the alternate screen was left");
    assert!(!parser.screen().hide_cursor(), "the cursor is visible again");
    let raw = k.raw.lock().unwrap();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]);
    assert!(tail.contains("\x1b[?1000l") || tail.contains("\x1b[?1006l"), "mouse capture turned off");
    assert!(tail.contains("\x1b[?2004l"), "bracketed paste turned off");
}

#[test]
fn an_unreachable_backend_is_explained_and_keys_keep_working() {
    let data = tempfile::tempdir().unwrap();
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let backend = format!("http://127.0.0.1:{port}");
    let mut k = Kiosk::start(
        &["--data-dir", data.path().to_str().unwrap(), "--backend", &backend, "--lang", "en-US"],
        &[],
        80,
        24,
    );
    k.wait_for("Error: the server cannot be reached right now");
    k.send(&personal_key());
    k.wait_for("Press R to try again");
    k.send("\x1bOQ"); // F2 still works
    k.wait_for("繁體中文");
    k.quit();
}

#[test]
fn a_small_window_asks_to_be_enlarged_and_recovers() {
    let data = tempfile::tempdir().unwrap();
    let mut k = Kiosk::start(&["--data-dir", data.path().to_str().unwrap(), "--lang", "en-US"], &[], 70, 20);
    k.wait_for("too small (70×20)");
    k.resize(80, 24);
    k.wait_for("What would you like to do?");
    k.quit();
}
