//! A whole booking by taps alone — no key events — in the real binary in a
//! pty: the taps arrive as a terminal sends them (SGR mouse sequences), the
//! name is typed through the pinyin keyboard, the numbers on the keypads.

mod common;

use common::pty::Kiosk;
use unicode_width::UnicodeWidthStr;

/// Where `text` is on the screen: (column, row) of its first cell, searching
/// rows from `from_row` down.
fn find(k: &Kiosk, text: &str, from_row: u16) -> Option<(u16, u16)> {
    let parser = k.parser.lock().unwrap();
    let screen = parser.screen();
    let (_, cols) = screen.size();
    screen
        .rows(0, cols)
        .enumerate()
        .skip(from_row as usize)
        .find_map(|(y, row)| row.find(text).map(|i| (row[..i].width() as u16, y as u16)))
}

/// A finger on `text` (its middle), searching from `from_row` down; waits
/// for it to show first.
fn tap_on(k: &mut Kiosk, text: &str, from_row: u16) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let (x, y) = loop {
        if let Some(at) = find(k, text, from_row) {
            break at;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "never saw {text:?} to tap; the screen was:\n{}",
            k.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let x = x + text.trim().width() as u16 / 2 + (text.len() - text.trim_start().len()) as u16;
    k.send(&format!("\x1b[<0;{};{}M\x1b[<0;{};{}m", x + 1, y + 1, x + 1, y + 1));
    settle(k);
}

/// Waits until the screen has stopped changing, so the next tap is aimed at
/// what the last one drew (a loaded machine may take a while).
fn settle(k: &Kiosk) {
    let mut last = k.screen();
    let mut still = std::time::Instant::now();
    let deadline = still + std::time::Duration::from_secs(20);
    while still.elapsed() < std::time::Duration::from_millis(300) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(25));
        let now = k.screen();
        if now != last {
            last = now;
            still = std::time::Instant::now();
        }
    }
}

/// Taps keys of the on-screen keyboard (in its rows at the bottom).
fn tap_keys(k: &mut Kiosk, keys: &str, keyboard_top: u16) {
    for c in keys.chars() {
        tap_on(k, &format!("  {c}  "), keyboard_top);
    }
}

#[test]
fn a_whole_booking_by_taps_alone() {
    let data = tempfile::tempdir().unwrap();
    let mut k = Kiosk::start(&["--data-dir", data.path().to_str().unwrap()], &[], 80, 24);
    k.wait_for("户籍与身份证");
    tap_on(&mut k, "个人办事", 2);
    tap_on(&mut k, "户籍与身份证", 3);
    tap_on(&mut k, "居民身份证换领", 3);
    k.wait_for("申请材料");
    tap_on(&mut k, "Enter 预约办理", 20);
    tap_on(&mut k, "滨江市民服务中心", 3);
    k.wait_for("请选择日期");
    tap_on(&mut k, "剩余", 3);
    k.wait_for("请选择时段");
    tap_on(&mut k, "剩余", 3);
    k.wait_for("请填写预约人信息");
    // The first tap on a touch screen brings the keyboard up.
    tap_on(&mut k, "姓名", 3);
    k.wait_for("请输入拼音");
    let top = 10;
    for (letters, pick) in [("wang", "1王"), ("xiu", "1秀"), ("ying", "1英")] {
        tap_keys(&mut k, letters, top);
        tap_on(&mut k, pick, top);
    }
    k.wait_for("[王秀英]");
    tap_on(&mut k, "下一项", top);
    tap_keys(&mut k, "13812345678", top);
    k.wait_for("[13812345678]");
    tap_on(&mut k, "下一项", top);
    // Each tap waits for the screen it lands on: a key found on the frame
    // before may have moved (the document kind has a keyboard of two keys).
    k.wait_for("▶ ◀ 居民身份证 ▶");
    tap_on(&mut k, "下一项", top);
    k.wait_for("  X  ");
    tap_keys(&mut k, "11010519491231002X", top);
    tap_on(&mut k, "完成", top);
    tap_on(&mut k, "确认无误，提交预约", 3);
    k.wait_for("预约成功");
    let screen = k.screen();
    assert!(screen.contains("王*"), "the name, masked, on the confirmation:\n{screen}");
}
