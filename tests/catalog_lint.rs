//! `onestop catalog lint DIR` (issue 18), the real binary on copies of the
//! demo catalogue: each rule with a catalogue that breaks it and one that
//! keeps it (the demo itself lints clean); every error listed, not only the
//! first; each line naming file, entry and field. Errors are the ones that
//! stop a server loading the catalogue, which is shown once too.

use std::path::Path;
use std::process::Command;

use common::catalog_dir::{demo_copy, edit};
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use onestop::domain::Lang;
use onestop::kiosk::staff::{Health, StaffInfo};
use onestop::kiosk::{Msg, Screen};

mod common;

struct Lint {
    ok: bool,
    errors: Vec<String>,
    warnings: Vec<String>,
    summary: String,
}

fn lint(dir: &Path, as_of: &str) -> Lint {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_onestop"))
        .args(["--data-dir", data.path().to_str().unwrap(), "catalog", "lint"])
        .arg(dir)
        .args(["--as-of", as_of])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    // One entry a problem, with the indented lines that follow it.
    let pick = |tag: &str| {
        let mut entries: Vec<String> = vec![];
        let mut inside = false;
        for line in stdout.lines() {
            if let Some(first) = line.strip_prefix(tag) {
                entries.push(first.to_owned());
                inside = true;
            } else if inside && line.starts_with("    ") {
                entries.last_mut().unwrap().push_str(&format!("\n{line}"));
            } else {
                inside = false;
            }
        }
        entries
    };
    Lint {
        ok: out.status.success(),
        errors: pick("error: "),
        warnings: pick("warning: "),
        summary: stdout.lines().last().unwrap_or_default().to_owned(),
    }
}

fn one(lines: &[String], parts: &[&str]) {
    assert!(
        lines.iter().any(|l| parts.iter().all(|p| l.contains(p))),
        "no line with all of {parts:?} in {lines:#?}"
    );
}

#[test]
fn the_demo_catalogue_lints_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let l = lint(&dir, "2026-12-02");
    assert!(l.ok && l.errors.is_empty() && l.warnings.is_empty(), "{:?} {:?}", l.errors, l.warnings);
    assert!(l.summary.ends_with("0 errors, 0 warnings (as of 2026-12-02)"), "{}", l.summary);
}

#[test]
fn phones_must_be_written_as_a_citizen_dials_them() {
    let dir = demo_copy();
    edit(
        dir.path(),
        "services/household.toml",
        "enquiry_phone = \"0571-87001101\"",
        "enquiry_phone = \"87001101\"",
    );
    edit(dir.path(), "services/tax.toml", "enquiry_phone = \"12366\"", "enquiry_phone = \"0571 8700 1101\"");
    edit(dir.path(), "halls.toml", "phone = \"0571-87000000\"", "phone = \"0571-870\"");
    let l = lint(dir.path(), "2026-12-02");
    assert!(!l.ok, "errors fail the command");
    // Every error, in each file: not only the first the loader stops at.
    one(
        &l.errors,
        &["services/household.toml", "service `id-card-renewal`", "field `enquiry_phone`", "area code"],
    );
    one(&l.errors, &["services/tax.toml", "field `enquiry_phone`"]);
    one(&l.errors, &["halls.toml", "hall `binjiang`", "field `phone`"]);
    assert_eq!(l.errors.len(), 3, "{:#?}", l.errors);
    // And a server refuses to load it, naming the first of them.
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_onestop"))
        .args(["--data-dir", data.path().to_str().unwrap(), "serve", "--listen", "127.0.0.1:0", "--catalog"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.contains("phone"), "{stderr}");
}

#[test]
fn a_guide_resting_only_on_repealed_documents_is_an_error() {
    let dir = demo_copy();
    // The Civil Code no longer lists the record search: only the repealed
    // Property Law does.
    edit(dir.path(), "policies/marriage.toml", "\"property-record-search\", ", "");
    let l = lint(dir.path(), "2026-12-02");
    assert!(!l.ok);
    one(
        &l.errors,
        &[
            "policies/real-estate.toml",
            "policy `property-law`",
            "field `services[4]`",
            "property-record-search",
        ],
    );
}

#[test]
fn guides_and_documents_not_checked_for_review_months_are_warned_of() {
    let dir = demo_copy();
    let before = lint(dir.path(), "2027-06-01");
    assert!(
        before.ok && before.warnings.is_empty(),
        "six months to the day are not overdue: {:#?}",
        before.warnings
    );
    let after = lint(dir.path(), "2027-06-02");
    assert!(after.ok, "warnings do not fail the command");
    one(
        &after.warnings,
        &["services/household.toml", "service `id-card-renewal`", "field `reviewed`", "2026-12-01"],
    );
    one(&after.warnings, &["policies/household.toml", "policy `resident-id-card-law`", "field `reviewed`"]);
    assert!(after.summary.contains("0 errors"), "{}", after.summary);

    edit(dir.path(), "services/household.toml", "reviewed = \"2026-12-01\"\n", "");
    let never = lint(dir.path(), "2026-12-02");
    assert_eq!(never.warnings.len(), 1, "{:#?}", never.warnings);
    one(&never.warnings, &["services/household.toml", "service `id-card-renewal`", "never checked"]);

    edit(dir.path(), "services/tax.toml", "reviewed = \"2026-12-01\"", "reviewed = \"1 Dec 2026\"");
    one(&lint(dir.path(), "2026-12-02").errors, &["services/tax.toml", "field `reviewed`", "YYYY-MM-DD"]);
}

#[test]
fn an_empty_category_and_an_amended_document_without_its_amendment_are_warned_of() {
    let dir = demo_copy();
    let category = "\n[[category]]\nid = \"empty\"\naudience = \"personal\"\n\
        name = { zh-CN = \"空\", en-US = \"Empty\", zh-HK = \"空\" }\n\
        summary = { zh-CN = \"无\", en-US = \"None\", zh-HK = \"無\" }\n";
    let path = dir.path().join("categories.toml");
    let text = std::fs::read_to_string(&path).unwrap() + category;
    std::fs::write(&path, text).unwrap();
    edit(dir.path(), "policies/household.toml", "replaced_by = \"resident-id-card-law\"\n", "");
    let l = lint(dir.path(), "2026-12-02");
    assert!(l.ok, "{:#?}", l.errors);
    one(&l.warnings, &["categories.toml", "category `empty`", "no service"]);
    one(
        &l.warnings,
        &["policies/household.toml", "policy `resident-id-card-law-2003`", "field `replaced_by`", "amended"],
    );
    assert_eq!(l.warnings.len(), 2, "{:#?}", l.warnings);
}

#[test]
fn missing_guide_elements_materials_and_time_limits_are_errors() {
    let dir = demo_copy();
    edit(dir.path(), "services/marriage.toml", "copies = 1", "copies = 0");
    let l = lint(dir.path(), "2026-12-02");
    one(&l.errors, &["services/marriage.toml", "field `materials[", "copies`", "at least 1"]);

    let dir = demo_copy();
    edit(dir.path(), "services/household.toml", "statutory_unit = \"days\"", "statutory_unit = \"weeks\"");
    one(&lint(dir.path(), "2026-12-02").errors, &["services/household.toml", "statutory_unit"]);

    let dir = demo_copy();
    let path = dir.path().join("services/tax.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let without: String =
        text.lines().filter(|l| !l.starts_with("department = ")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, without).unwrap();
    one(&lint(dir.path(), "2026-12-02").errors, &["services/tax.toml", "department"]);
}

#[test]
fn queues_that_do_not_fit_are_errors_too() {
    let dir = demo_copy();
    edit(dir.path(), "queues.toml", "\"id-card-renewal\",", "\"id-card-renewed\",");
    let l = lint(dir.path(), "2026-12-02");
    assert!(!l.ok);
    one(&l.errors, &["queues.toml", "id-card-renewed"]);
}

/// The staff screen counts the guides overdue for review, so a catalogue
/// nobody checks is never taken for a current one.
#[test]
fn the_staff_screen_counts_the_guides_overdue_for_review() {
    for (lang, today, line) in [
        (Lang::EnUs, "2026-12-02", "Guides: all checked within 6 months (oldest check 1 Dec 2026)"),
        (Lang::EnUs, "2027-06-02", "Guides overdue for review: 66 of 66"),
        (Lang::ZhCn, "2027-06-02", "待复核的办事指南：66 / 66（超过 6 个月未核对"),
    ] {
        let mut s = ready(lang);
        s.config.pin_hash = Some("hash".into());
        let chord = Msg::Key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL | KeyModifiers::ALT));
        send(&mut s, [chord, Msg::Paste("2468".into()), key(KeyCode::Enter), Msg::PinChecked(true)]);
        assert!(matches!(s.screen(), Screen::Staff { .. }));
        let answered = Ok(Health { latency_ms: 3, bookings_today: Some(0) });
        let info =
            StaffInfo { backend: answered, cache_age_minutes: Some(5), today: Some(today.parse().unwrap()) };
        send(&mut s, [Msg::StaffInfoLoaded(info)]);
        let text = screen_text(&s);
        let flat: String = text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
        assert!(flat.contains(line), "{today}: no {line:?} in\n{text}");
    }
}
