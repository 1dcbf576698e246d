//! The loader against a small catalogue: two halls, four services.

use serde_json::json;

use super::*;
use crate::domain::{Lang, Service};

const TEXT: &str = r#"{ zh-CN = "户籍", en-US = "Household", zh-HK = "戶籍" }"#;

fn catalog() -> Catalog {
    let text = json!({ "zh-CN": "文", "en-US": "text", "zh-HK": "文" });
    let hall = |id: &str| -> Hall {
        serde_json::from_value(json!({
            "id": id, "name": text, "address": text, "hours": text,
            "time_zone": "Asia/Shanghai", "phone": "0571-87000000",
            "open_weekdays": [1, 2, 3, 4, 5], "opens": "09:00", "closes": "17:00",
        }))
        .unwrap()
    };
    let service = |id: &str, halls: &[&str]| -> Service {
        serde_json::from_value(json!({
            "id": id, "code": id, "category": "c", "name": text, "popularity": 1,
            "department": text, "conditions": text, "statutory_days": 1, "promised_days": 1,
            "charged": false, "visits": 0, "online": false, "cross_province": false,
            "halls": halls, "location": text, "enquiry_phone": "1", "complaint_phone": "2",
            "booking": { "slot_minutes": 15, "capacity": 1 }, "materials": [],
        }))
        .unwrap()
    };
    Catalog {
        version: String::new(),
        halls: vec![hall("east"), hall("west")],
        categories: vec![],
        services: vec![
            service("id-card", &["east", "west"]),
            service("passport", &["east"]),
            service("marriage", &["east", "west"]),
            service("tax", &["west"]),
        ],
    }
}

/// East with queues A (id-card, passport) and M (marriage), windows 1 and 2.
fn good() -> String {
    format!(
        r#"
[[east.priority]]
id = "senior-70"
name = {TEXT}

[[east.queue]]
prefix = "A"
name = {TEXT}
services = ["id-card", "passport"]
daily_cap = 300
issue_from = "09:00"
issue_until = "16:30"

[[east.queue]]
prefix = "M"
name = {TEXT}
services = ["marriage"]
daily_cap = 80
issue_from = "09:00"
issue_until = "16:00"

[[east.window]]
number = 1
queues = ["A"]

[[east.window]]
number = 2
queues = ["A", "M"]
"#
    )
}

fn problems(text: &str) -> Vec<(String, String, ProblemKind)> {
    match load("queues.toml", text, &catalog()) {
        Err(LoadError::Invalid(problems)) => {
            problems.into_iter().map(|p| (p.entry, p.field, p.kind)).collect()
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

fn one(entry: &str, field: &str, kind: ProblemKind) -> Vec<(String, String, ProblemKind)> {
    vec![(entry.to_owned(), field.to_owned(), kind)]
}

#[test]
fn a_good_file_gives_each_hall_its_layout() {
    let queues = load("queues.toml", &good(), &catalog()).unwrap();
    let east = queues.hall("east").unwrap();
    assert_eq!(east.queue_for_service("passport").map(|q| q.prefix.as_char()), Some('A'));
    assert_eq!(
        east.windows_serving(QueuePrefix::new('M').unwrap()).map(|w| w.number).collect::<Vec<_>>(),
        [2]
    );
    assert_eq!(east.queue(QueuePrefix::new('M').unwrap()).unwrap().issue_until.to_string(), "16:00");
    assert_eq!(east.priority_group("senior-70").unwrap().name.get(Lang::EnUs), "Household");
    assert_eq!(east.zone, TimeZone::get("Asia/Shanghai").unwrap());
    // West is not in the file: it has no queues, and that is fine.
    assert!(queues.hall("west").is_none());
}

#[test]
fn a_hall_without_queues_may_leave_its_services_out() {
    let text = format!("[[west.priority]]\nid = \"disability\"\nname = {TEXT}\n");
    let queues = load("queues.toml", &text, &catalog()).unwrap();
    assert!(queues.hall("west").unwrap().queues.is_empty());
}

#[test]
fn unknown_halls_services_and_queues_are_named() {
    let text = good().replace("[[east.window]]\nnumber = 2", "[[nowhere.window]]\nnumber = 2");
    assert!(problems(&text).contains(&(
        "nowhere".into(),
        "".into(),
        ProblemKind::UnknownHall("nowhere".into())
    )));
    let text = good().replace(r#"["id-card", "passport"]"#, r#"["id-card", "passport", "visa"]"#);
    assert_eq!(problems(&text), one("east.queue[0]", "services", ProblemKind::UnknownService("visa".into())));
    let text = good().replace(r#"["id-card", "passport"]"#, r#"["id-card", "passport", "tax"]"#);
    assert_eq!(
        problems(&text),
        one("east.queue[0]", "services", ProblemKind::ServiceNotAtHall("tax".into()))
    );
    let text = good().replace(r#"queues = ["A", "M"]"#, r#"queues = ["A", "M", "Q"]"#);
    assert_eq!(problems(&text), one("east.window[1]", "queues", ProblemKind::UnknownQueue("Q".into())));
}

#[test]
fn every_service_of_a_hall_with_queues_is_in_exactly_one() {
    let text = good().replace(r#"services = ["marriage"]"#, r#"services = ["marriage", "id-card"]"#);
    let kind = ProblemKind::ServiceInTwoQueues { service: "id-card".into(), first: 0 };
    assert_eq!(problems(&text), one("east.queue[1]", "services", kind));
    let text = good().replace(r#"["id-card", "passport"]"#, r#"["id-card"]"#);
    assert_eq!(problems(&text), one("east", "queue", ProblemKind::ServiceInNoQueue("passport".into())));
    let text = good().replace(r#"services = ["marriage"]"#, "services = []");
    let found = problems(&text);
    assert!(
        found.contains(&("east.queue[1]".into(), "services".into(), ProblemKind::NoServices)),
        "{found:?}"
    );
}

#[test]
fn prefixes_are_single_letters_and_unique() {
    let text = good().replace(r#"prefix = "M""#, r#"prefix = "A""#);
    let found = problems(&text);
    let kind = ProblemKind::DuplicatePrefix { prefix: QueuePrefix::new('A').unwrap(), first: 0 };
    assert!(found.contains(&("east.queue[1]".into(), "prefix".into(), kind)), "{found:?}");
    let text = good().replace(r#"prefix = "M""#, r#"prefix = "m""#);
    let found = problems(&text);
    assert!(found.contains(&("east.queue[1]".into(), "prefix".into(), ProblemKind::BadPrefix("m".into()))));
}

#[test]
fn caps_and_hours_are_checked() {
    for cap in [0, 1000] {
        let text = good().replace("daily_cap = 80", &format!("daily_cap = {cap}"));
        assert_eq!(problems(&text), one("east.queue[1]", "daily_cap", ProblemKind::BadCap(cap)));
    }
    let text = good().replace(r#"issue_until = "16:00""#, r#"issue_until = "4pm""#);
    assert_eq!(problems(&text), one("east.queue[1]", "issue_until", ProblemKind::BadTime("4pm".into())));
    let t = |s| ClockTime::parse(s).unwrap();
    let text = good().replace(r#"issue_until = "16:00""#, r#"issue_until = "09:00""#);
    let kind = ProblemKind::EmptyHours { from: t("09:00"), until: t("09:00") };
    assert_eq!(problems(&text), one("east.queue[1]", "issue_until", kind));
    let outside = ProblemKind::HoursOutsideOpening { opens: t("09:00"), closes: t("17:00") };
    let text = good().replace(
        r#"issue_from = "09:00"
issue_until = "16:00""#,
        r#"issue_from = "08:30"
issue_until = "16:00""#,
    );
    assert_eq!(problems(&text), one("east.queue[1]", "issue_from", outside.clone()));
    let text = good().replace(r#"issue_until = "16:00""#, r#"issue_until = "17:30""#);
    assert_eq!(problems(&text), one("east.queue[1]", "issue_until", outside));
}

#[test]
fn windows_serve_known_queues_and_every_queue_has_one() {
    let text = good().replace(r#"queues = ["A", "M"]"#, "queues = []");
    let found = problems(&text);
    assert!(found.contains(&("east.window[1]".into(), "queues".into(), ProblemKind::WindowServesNoQueue)));
    let m = QueuePrefix::new('M').unwrap();
    assert!(found.contains(&(
        "east.queue[1]".into(),
        "prefix".into(),
        ProblemKind::QueueServedByNoWindow(m)
    )));
    let text = good().replace("number = 2", "number = 1");
    let kind = ProblemKind::DuplicateWindow { number: 1, first: 0 };
    assert_eq!(problems(&text), one("east.window[1]", "number", kind));
    let text = good().replace("number = 2", "number = 0");
    assert_eq!(problems(&text), one("east.window[1]", "number", ProblemKind::BadWindowNumber(0)));
    let text = good().replace(r#"queues = ["A", "M"]"#, r#"queues = ["A", "M", "A"]"#);
    let kind = ProblemKind::QueueListedTwice(QueuePrefix::new('A').unwrap());
    assert_eq!(problems(&text), one("east.window[1]", "queues", kind));
}

#[test]
fn priority_groups_have_ids_and_every_language() {
    let text = good().replace(r#"id = "senior-70""#, r#"id = "Senior 70""#);
    assert_eq!(problems(&text), one("east.priority[0]", "id", ProblemKind::BadGroupId("Senior 70".into())));
    let text = format!("{}\n[[east.priority]]\nid = \"senior-70\"\nname = {TEXT}\n", good());
    let kind = ProblemKind::DuplicateGroup { id: "senior-70".into(), first: 0 };
    assert_eq!(problems(&text), one("east.priority[1]", "id", kind));
    let text = good().replacen(TEXT, r#"{ zh-CN = "长者", en-US = "Elders" }"#, 1);
    assert_eq!(problems(&text), one("east.priority[0]", "name", ProblemKind::MissingText(Lang::ZhHk)));
}

#[test]
fn text_that_could_drive_a_terminal_is_refused() {
    let text = good().replacen(r#"en-US = "Household""#, r#"en-US = "House\u001b[2Jhold""#, 1);
    assert_eq!(problems(&text), one("east.priority[0]", "name.en-US", ProblemKind::UnsafeText('\u{1b}')));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = good()
        .replace("daily_cap = 300", "daily_cap = 0")
        .replace("number = 2", "number = 1")
        .replace(r#"services = ["marriage"]"#, r#"services = ["marriage", "visa"]"#);
    let found: Vec<_> =
        problems(&text).into_iter().map(|(entry, field, _)| format!("{entry} {field}")).collect();
    assert_eq!(found, ["east.queue[0] daily_cap", "east.queue[1] services", "east.window[1] number"]);
    // The operator reads them one per line, each naming the file.
    let shown = load("data/queues.toml", &text, &catalog()).unwrap_err().to_string();
    assert_eq!(shown.lines().filter(|l| l.starts_with("data/queues.toml: east.")).count(), 3, "{shown}");
}

#[test]
fn syntax_and_unknown_fields_name_the_file() {
    let err = load("data/queues.toml", "[east\n", &catalog()).unwrap_err();
    assert!(matches!(&err, LoadError::Syntax { file, .. } if file == "data/queues.toml"), "{err}");
    let err = load("data/queues.toml", &good().replace("daily_cap", "cap"), &catalog()).unwrap_err();
    assert!(err.to_string().starts_with("data/queues.toml: ") && err.to_string().contains("cap"), "{err}");
}
