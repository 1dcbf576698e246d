//! Time limits in their own units: working days (行政许可法's count), calendar
//! days (居民身份证法's 六十日) or on the spot (婚姻登记条例's 当场), on the
//! kiosk's guide and on the phone's page, in every language; and catalogues
//! written before the unit existed still load, read as working days.

mod common;

use std::path::Path;

use common::{demo_catalog, ready, screen_text};
use onestop::domain::{Catalog, Lang, TimeLimit};
use onestop::kiosk::{GuidePart, Screen, screen::guide_parts};
use onestop::server::{self, ServerOptions};
use serde_json::{Value, json};

fn service<'a>(catalog: &'a Catalog, id: &str) -> &'a onestop::domain::Service {
    catalog.services.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no service {id}"))
}

#[test]
fn the_demo_catalogue_counts_each_limit_as_its_law_does() {
    let catalog = demo_catalog();
    let limits = |id: &str| (service(&catalog, id).statutory(), service(&catalog, id).promised());
    assert_eq!(limits("id-card-renewal"), (TimeLimit::Days(60), TimeLimit::WorkingDays(15)));
    assert_eq!(limits("id-card-replacement").0, TimeLimit::Days(60));
    assert_eq!(limits("passport-application").0, TimeLimit::Days(15));
    assert_eq!(limits("marriage-registration"), (TimeLimit::OnTheSpot, TimeLimit::OnTheSpot));
    // 市场主体登记管理条例: 3 个工作日.
    assert_eq!(limits("company-establishment"), (TimeLimit::WorkingDays(3), TimeLimit::WorkingDays(1)));
}

/// A copy of the demo catalogue with every `statutory_unit` line taken out:
/// a catalogue as it was written before the unit existed.
fn catalogue_without_units() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir(dir.path().join("services")).unwrap();
    for name in ["halls.toml", "categories.toml"] {
        std::fs::copy(data.join(name), dir.path().join(name)).unwrap();
    }
    let mut removed = 0;
    for entry in std::fs::read_dir(data.join("services")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.contains("_unit =")).collect();
        removed += text.lines().count() - kept.len();
        std::fs::write(dir.path().join("services").join(path.file_name().unwrap()), kept.join("\n")).unwrap();
    }
    assert!(removed > 0, "the demo catalogue states units, so this test takes them out");
    dir
}

#[test]
fn a_catalogue_without_units_loads_as_working_days() {
    let dir = catalogue_without_units();
    let catalog = server::catalog_source::from_dir(dir.path()).expect("an old catalogue still loads");
    assert_eq!(service(&catalog, "id-card-renewal").statutory(), TimeLimit::WorkingDays(60));
    assert!(catalog.services.iter().all(|s| !matches!(s.statutory(), TimeLimit::Days(_))));
}

#[test]
fn an_offline_copy_saved_without_units_still_reads() {
    // The kiosk's copy on disk, written by a version that had no units.
    let mut value = serde_json::to_value(demo_catalog()).unwrap();
    for svc in value["services"].as_array_mut().unwrap() {
        let svc = svc.as_object_mut().unwrap();
        assert!(svc.remove("statutory_unit").is_some() && svc.remove("promised_unit").is_some());
    }
    let bytes = serde_json::to_vec(&value).unwrap();
    let catalog = Catalog::from_untrusted_json(&bytes).expect("the old copy reads");
    assert_eq!(service(&catalog, "id-card-renewal").statutory(), TimeLimit::WorkingDays(60));
}

#[test]
fn a_promise_longer_than_the_law_is_refused_across_units() {
    let dir = catalogue_without_units();
    let file = dir.path().join("services/household.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // 身份证换领: the law's 60 days made 10 calendar days, the promise 15
    // working days: at least 19 days, past the law's 10.
    let changed = text.replacen("statutory_days = 60", "statutory_days = 10\nstatutory_unit = \"days\"", 1);
    std::fs::write(&file, changed).unwrap();
    let err = server::catalog_source::from_dir(dir.path()).expect_err("a promise past the law");
    let shown = err.to_string();
    assert!(shown.contains("id-card-renewal") && shown.contains("promised_days"), "{shown}");
    // 25 calendar days hold 15 working days: accepted.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("statutory_days = 10", "statutory_days = 25", 1)).unwrap();
    server::catalog_source::from_dir(dir.path()).expect("15 working days fit in 25 days");
}

/// The kiosk's guide of `id`, opened at its time limits.
fn guide_time_limits(lang: Lang, id: &str) -> String {
    let mut state = ready(lang);
    let catalog = demo_catalog();
    let focus = guide_parts(service(&catalog, id)).iter().position(|p| *p == GuidePart::TimeLimits).unwrap();
    state.screens.push(Screen::Guide { service: id.into(), focus, qr: false });
    screen_text(&state)
}

#[test]
fn the_kiosk_guide_states_each_unit() {
    let cases = [
        (Lang::ZhCn, "id-card-renewal", ["法定办结时限：60 个自然日", "承诺办结时限：15 个工作日"]),
        (Lang::EnUs, "id-card-renewal", ["Statutory time limit: 60 calendar days", "within 15 working days"]),
        (Lang::ZhHk, "id-card-renewal", ["法定辦結時限：60 個曆日", "承諾辦結時限：15 個工作天"]),
        (Lang::ZhCn, "marriage-registration", ["法定办结时限：当场办结", "承诺办结时限：即办"]),
        (
            Lang::EnUs,
            "marriage-registration",
            ["Statutory time limit: done on the spot", "done while you wait"],
        ),
        (Lang::ZhHk, "marriage-registration", ["法定辦結時限：即場辦結", "承諾辦結時限：即辦"]),
        (Lang::ZhCn, "company-establishment", ["法定办结时限：3 个工作日", "承诺办结时限：1 个工作日"]),
    ];
    for (lang, id, lines) in cases {
        let screen = guide_time_limits(lang, id);
        for line in lines {
            assert!(screen.contains(line), "{lang:?} {id}: no {line:?} in\n{screen}");
        }
    }
}

/// The phone page a kiosk's QR code opens for the guide of `service`.
async fn phone_page(url: &str, service: &str, lang: &str) -> String {
    let http = reqwest::Client::new();
    let handoff: Value = http
        .post(format!("{url}/api/v1/handoffs"))
        .json(&json!({ "service": service, "lang": lang }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let code = handoff["code"].as_str().expect("a handoff code");
    let page = http.get(format!("{url}/m/{code}")).send().await.unwrap();
    assert!(page.status().is_success(), "{}", page.status());
    page.text().await.unwrap()
}

// The page the QR code opens states each unit, and when the guide was
// checked, from either store.
on_both_stores! {
    async fn the_phone_page_states_each_unit(kind) {
        let dir = tempfile::tempdir().unwrap();
        let url = server::start(&ServerOptions::new(kind.database(dir.path())), "127.0.0.1:0").await.unwrap().url();
        let cases = [
            ("id-card-renewal", "zh-CN", "法定办结时限：60 个自然日"),
            ("id-card-renewal", "en-US", "Statutory time limit: 60 calendar days"),
            ("id-card-renewal", "zh-HK", "法定辦結時限：60 個曆日"),
            ("marriage-registration", "zh-CN", "法定办结时限：当场办结"),
            ("marriage-registration", "en-US", "Statutory time limit: done on the spot"),
            ("company-establishment", "zh-HK", "法定辦結時限：3 個工作天"),
            // And when the guide was last checked, as the kiosk says it.
            ("id-card-renewal", "zh-CN", "信息核对于 2026年12月1日"),
            ("id-card-renewal", "en-US", "Checked on 1 Dec 2026"),
        ];
        for (service, lang, line) in cases {
            let html = phone_page(&url, service, lang).await;
            assert!(html.contains(line), "{service} {lang}: no {line:?} in\n{html}");
        }
    }
}
