//! `onestop ratings export --since DATE [--hall H]`, the real binary over
//! the database a real server wrote (both stores): the provincial 好差评
//! system's columns in order, one line per rating, fields quoted as CSV
//! quotes them, a citizen's formula-like words made text.

use std::process::Command;

use jiff::Timestamp;
use onestop::server::Database;
use serde_json::{Value, json};

mod common;

use common::backend::{Backend, start_on};

fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

async fn post(b: &Backend, path: &str, body: Value) -> Value {
    let resp = b.http.post(format!("{}{path}", b.url)).json(&body).send().await.unwrap();
    assert!(resp.status().is_success(), "{path}");
    resp.json().await.unwrap()
}

/// The binary's stdout and status.
fn export(b: &Backend, args: &[&str]) -> (bool, String) {
    let database = match &b.database {
        Database::Sqlite(path) => path.display().to_string(),
        Database::Postgres(url) => url.clone(),
    };
    let out = Command::new(env!("CARGO_BIN_EXE_onestop"))
        .arg("--data-dir")
        .arg(b.dir.path())
        .args(["ratings", "export"])
        .args(args)
        .env("ONESTOP__SERVER__DATABASE", database)
        .output()
        .expect("onestop runs");
    (out.status.success(), String::from_utf8(out.stdout).expect("UTF-8"))
}

on_both_stores! {
    async fn the_export_has_the_provincial_columns_quoted(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        for service in ["passport-application", "passport-application", "id-card-renewal"] {
            post(&b, "/api/v1/halls/binjiang/tickets", json!({ "service": service })).await;
        }
        for (window, action) in [(7, "open"), (7, "call_next"), (7, "finish"), (7, "call_next"), (7, "finish"), (1, "open"), (1, "call_next"), (1, "finish")] {
            post(&b, &format!("/api/v1/halls/binjiang/windows/{window}/actions"), json!({ "action": action })).await;
        }
        let rate = |n: &str| format!("/api/v1/halls/binjiang/tickets/{n}/rating");
        post(&b, &rate("B001"), json!({ "day": "2026-11-30", "level": "dissatisfied", "reason": "unclear",
            "text": "窗口说\"明天再来\", 没说为什么", "service": "passport-application" })).await;
        post(&b, &rate("B002"), json!({ "day": "2026-11-30", "level": "very_dissatisfied", "reason": "other",
            "text": "=HYPERLINK(\"http://x\")", "service": "passport-application" })).await;
        post(&b, &rate("A001"), json!({ "day": "2026-11-30", "level": "very_satisfied", "service": "id-card-renewal" })).await;
        let code = |id: &str| b.catalog.services.iter().find(|s| s.id == id).unwrap().code.clone();

        let (ok, csv) = export(&b, &["--since", "2026-11-30"]);
        assert!(ok, "{csv}");
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 5, "header, three ratings, and the last line's end: {csv:?}");
        assert_eq!(lines[0], "办件编号,大厅,事项编码,事项,窗口,评价等级,差评原因,评价内容,评价时间");
        let at = monday("09:00").to_string();
        assert_eq!(lines[1], format!("binjiang-20261130-A001,binjiang,{},id-card-renewal,1,非常满意,,,{at}", code("id-card-renewal")));
        assert_eq!(lines[2], format!(
            "binjiang-20261130-B001,binjiang,{},passport-application,7,不满意,告知不清楚,\"窗口说\"\"明天再来\"\", 没说为什么\",{at}",
            code("passport-application")));
        assert_eq!(lines[3], format!(
            "binjiang-20261130-B002,binjiang,{},passport-application,7,非常不满意,其他,\"'=HYPERLINK(\"\"http://x\"\")\",{at}",
            code("passport-application")));
        assert_eq!(lines[4], "");

        // Later days only, another hall only: the header alone.
        assert_eq!(export(&b, &["--since", "2026-12-01"]), (true, "办件编号,大厅,事项编码,事项,窗口,评价等级,差评原因,评价内容,评价时间\r\n".into()));
        assert_eq!(export(&b, &["--since", "2026-11-01", "--hall", "chengbei"]).1.lines().count(), 1);
        assert_eq!(export(&b, &["--since", "2026-11-01", "--hall", "binjiang"]).1.lines().count(), 4);
        let (ok, _) = export(&b, &["--since", "yesterday"]);
        assert!(!ok, "a date it cannot read is refused");
    }
}
