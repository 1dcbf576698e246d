//! The policy library (issue 18): the demo library loads clean against the
//! demo catalogue, guides can find the documents behind them, and every rule
//! of the loader refuses a broken library file, naming file, entry and field.

use std::path::{Path, PathBuf};

use onestop::domain::Catalog;
use onestop::domain::policy::{self, LoadError, Problem, Validity};

fn catalog() -> Catalog {
    onestop::server::catalog_source::embedded().expect("demo catalogue is valid")
}

fn demo() -> policy::Library {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    policy::from_dir(&data, &catalog()).unwrap_or_else(|e| panic!("demo library refused:\n{e}"))
}

#[test]
fn the_demo_library_loads_clean_with_thirty_documents_or_more() {
    let library = demo();
    assert!(library.policies.len() >= 30, "only {} documents", library.policies.len());
    let catalog = catalog();
    for p in &library.policies {
        for s in &p.services {
            assert!(catalog.services.iter().any(|c| &c.id == s), "{}: no service {s}", p.id);
        }
    }
    assert!(!library.version.is_empty());
}

/// Each kind of demo service has the law it rests on, so no guide's
/// "Based on" is empty for the services issue 18 names.
#[test]
fn every_kind_of_demo_service_has_a_document_behind_it() {
    let library = demo();
    for service in [
        "id-card-renewal",
        "newborn-hukou",
        "pension-insurance-transfer",
        "out-of-area-medical-filing",
        "housing-fund-loan",
        "property-deed-tax",
        "marriage-registration",
        "adoption-registration",
        "birth-certificate-reissue",
        "passport-application",
        "property-transfer-resale",
        "company-establishment",
    ] {
        let found = library.for_service(service);
        assert!(found.iter().any(|p| p.validity == Validity::InForce), "{service}: nothing in force");
    }
}

#[test]
fn a_guide_lists_what_applies_now_before_what_was_replaced() {
    let library = demo();
    let found: Vec<&str> =
        library.for_service("marriage-registration").iter().map(|p| p.id.as_str()).collect();
    let first_old = found.iter().position(|id| library.get(id).unwrap().validity != Validity::InForce);
    let last_current = found.iter().rposition(|id| library.get(id).unwrap().validity == Validity::InForce);
    assert!(first_old.is_some() && last_current < first_old, "{found:?}");
    assert!(
        found.contains(&"marriage-law") && found.contains(&"marriage-registration-regulation"),
        "{found:?}"
    );
}

#[test]
fn a_replaced_document_leads_to_what_applies_now() {
    let library = demo();
    let old = library.get("marriage-registration-regulation-2003").unwrap();
    assert_eq!(old.validity, Validity::Amended);
    let now = library.current_replacement(old).unwrap();
    assert_eq!((now.id.as_str(), now.validity), ("marriage-registration-regulation", Validity::InForce));
    let code = library.get("civil-code").unwrap();
    let replaced: Vec<&str> = library.replaces(code).map(|p| p.id.as_str()).collect();
    for id in ["marriage-law", "adoption-law", "property-law"] {
        assert!(replaced.contains(&id), "{replaced:?}");
    }
    // Every document not in force that names a replacement reaches one in force.
    for p in library.policies.iter().filter(|p| p.replaced_by.is_some()) {
        assert_eq!(library.current_replacement(p).unwrap().validity, Validity::InForce, "{}", p.id);
    }
}

// --- the loader's rules, each broken once in a library of our own ---

/// Two good documents, the second amended into the first.
const GOOD: &str = r#"
[[policy]]
id = "alpha"
title = { zh-CN = "甲办法", en-US = "Alpha measures", zh-HK = "甲辦法" }
issuers = [{ zh-CN = "国务院", en-US = "State Council", zh-HK = "國務院" }]
doc_number = "国发〔2020〕1号"
written = "2020-01-02"
published = "2020-01-03"
topic = { zh-CN = "综合政务", en-US = "General", zh-HK = "綜合政務" }
validity = "in_force"
summary = { zh-CN = "甲。", en-US = "Alpha.", zh-HK = "甲。" }
services = ["id-card-renewal"]
reviewed = "2026-12-01"

[[policy.interpretations]]
date = "2026-12-01"
example = { zh-CN = "例。", en-US = "Example.", zh-HK = "例。" }

[[policy.interpretations.questions]]
question = { zh-CN = "问？", en-US = "Question?", zh-HK = "問？" }
answer = { zh-CN = "答。", en-US = "Answer.", zh-HK = "答。" }

[[policy]]
id = "beta"
title = { zh-CN = "乙办法", en-US = "Beta measures", zh-HK = "乙辦法" }
issuers = [{ zh-CN = "国务院", en-US = "State Council", zh-HK = "國務院" }]
written = "2010-05-06"
published = "2010-05-06"
topic = { zh-CN = "综合政务", en-US = "General", zh-HK = "綜合政務" }
validity = "amended"
replaced_by = "alpha"
summary = { zh-CN = "乙。", en-US = "Beta.", zh-HK = "乙。" }
services = ["id-card-renewal", "passport-application"]
reviewed = "2026-12-01"
"#;

/// A catalogue directory holding `policies/<name>` for each pair.
fn library(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("policies")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("policies").join(name), text).unwrap();
    }
    dir
}

/// GOOD with the first `from` replaced by `to` (which must be there).
fn good_with(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "no {from:?} in GOOD");
    GOOD.replacen(from, to, 1)
}

fn problems(dir: &Path) -> Vec<Problem> {
    match policy::from_dir(dir, &catalog()) {
        Err(LoadError::Invalid(problems)) => problems,
        other => panic!("expected the library to be refused as invalid, got {other:?}"),
    }
}

/// The problem at `file`, entry `id`, field `field`; its message says all three.
fn refused(dir: &Path, file: &str, id: &str, field: &str) -> Problem {
    let all = problems(dir);
    let found = all.iter().find(|p| p.file.ends_with(file) && p.id == id && p.field == field);
    let problem = found.unwrap_or_else(|| panic!("no problem at {file} {id} {field} in {all:#?}")).clone();
    let shown = problem.to_string();
    assert!(shown.contains(file) && shown.contains(&format!("`{id}`")) && shown.contains(field), "{shown}");
    problem
}

fn path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().to_owned()
}

#[test]
fn the_good_library_loads_so_each_refusal_below_is_for_its_own_rule() {
    let dir = library(&[("a.toml", GOOD)]);
    let lib = policy::from_dir(&path(&dir), &catalog()).unwrap();
    assert_eq!(lib.policies.len(), 2);
    let ids: Vec<&str> = lib.for_service("id-card-renewal").iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["alpha", "beta"]);
    assert!(lib.for_service("marriage-registration").is_empty());
}

#[test]
fn a_catalogue_without_a_library_has_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    assert!(policy::from_dir(dir.path(), &catalog()).unwrap().policies.is_empty());
}

#[test]
fn an_id_used_twice_is_refused_in_the_second_file() {
    let second = GOOD.split("[[policy]]\nid = \"beta\"").next().unwrap();
    let dir = library(&[("a.toml", GOOD), ("b.toml", second)]);
    let p = refused(&path(&dir), "b.toml", "alpha", "id");
    assert!(p.message.contains("a.toml"), "{}", p.message);
}

#[test]
fn an_id_the_api_cannot_name_is_refused() {
    let dir = library(&[("a.toml", &good_with("id = \"alpha\"", "id = \"Alpha One\""))]);
    refused(&path(&dir), "a.toml", "Alpha One", "id");
}

#[test]
fn a_service_not_in_the_catalogue_is_refused() {
    let dir = library(&[("a.toml", &good_with("\"passport-application\"", "\"passport-renewal\""))]);
    let p = refused(&path(&dir), "a.toml", "beta", "services[1]");
    assert!(p.message.contains("passport-renewal"), "{}", p.message);
}

#[test]
fn a_replacement_we_do_not_hold_is_refused() {
    let dir = library(&[("a.toml", &good_with("replaced_by = \"alpha\"", "replaced_by = \"gamma\""))]);
    refused(&path(&dir), "a.toml", "beta", "replaced_by");
}

#[test]
fn a_document_in_force_with_a_replacement_is_refused() {
    let dir = library(&[("a.toml", &good_with("validity = \"amended\"", "validity = \"in_force\""))]);
    refused(&path(&dir), "a.toml", "beta", "replaced_by");
}

#[test]
fn replacements_that_go_round_in_a_circle_are_refused() {
    let text = good_with("validity = \"in_force\"", "validity = \"repealed\"\nreplaced_by = \"beta\"");
    let dir = library(&[("a.toml", &text)]);
    refused(&path(&dir), "a.toml", "alpha", "replaced_by");
    refused(&path(&dir), "a.toml", "beta", "replaced_by");
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    let dir = library(&[("a.toml", &good_with("written = \"2020-01-02\"", "written = \"2021-02-29\""))]);
    refused(&path(&dir), "a.toml", "alpha", "written");
    let dir = library(&[("a.toml", &good_with("reviewed = \"2026-12-01\"", "reviewed = \"1.12.2026\""))]);
    refused(&path(&dir), "a.toml", "alpha", "reviewed");
}

#[test]
fn published_before_written_is_refused() {
    let dir = library(&[("a.toml", &good_with("published = \"2020-01-03\"", "published = \"2019-12-31\""))]);
    let p = refused(&path(&dir), "a.toml", "alpha", "published");
    assert!(p.message.contains("2020-01-02"), "{}", p.message);
}

#[test]
fn an_interpretation_dated_before_the_document_is_refused() {
    let dir = library(&[("a.toml", &good_with("date = \"2026-12-01\"", "date = \"2019-06-01\""))]);
    refused(&path(&dir), "a.toml", "alpha", "interpretations[0].date");
}

#[test]
fn a_missing_language_is_refused() {
    let dir = library(&[("a.toml", &good_with(", zh-HK = \"甲辦法\"", ""))]);
    let p = refused(&path(&dir), "a.toml", "alpha", "title");
    assert!(p.message.contains("zh-HK"), "{}", p.message);
    let dir = library(&[(
        "a.toml",
        &good_with(
            "answer = { zh-CN = \"答。\", en-US = \"Answer.\"",
            "answer = { zh-CN = \"答。\", en-US = \" \"",
        ),
    )]);
    refused(&path(&dir), "a.toml", "alpha", "interpretations[0].questions[0].answer");
}

#[test]
fn terminal_control_characters_are_refused() {
    let dir = library(&[("a.toml", &good_with("en-US = \"Alpha.\"", "en-US = \"Alpha\\u001B[2J.\""))]);
    let p = refused(&path(&dir), "a.toml", "alpha", "summary.en-US");
    assert!(p.message.contains("U+001B"), "{}", p.message);
    assert!(!p.to_string().contains('\u{1b}'));
    let dir = library(&[("a.toml", &good_with("\"国发〔2020〕1号\"", "\"国发\u{202e}〔2020〕1号\""))]);
    refused(&path(&dir), "a.toml", "alpha", "doc_number");
}

#[test]
fn text_longer_than_a_screen_is_refused() {
    let long = "word ".repeat(200);
    let dir = library(&[("a.toml", &good_with("en-US = \"Alpha.\"", &format!("en-US = \"{long}\"")))]);
    let p = refused(&path(&dir), "a.toml", "alpha", "summary.en-US");
    assert!(p.message.contains("1000 characters"), "{}", p.message);
}

#[test]
fn a_field_we_do_not_know_names_its_file() {
    let dir = library(&[(
        "a.toml",
        &good_with("validity = \"in_force\"", "validity = \"in_force\"\nstatus = \"ok\""),
    )]);
    match policy::from_dir(&path(&dir), &catalog()) {
        Err(LoadError::Syntax { file, message }) => {
            assert!(file.ends_with("a.toml") && message.contains("status"), "{file}: {message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// The remaining rules, one broken field each.
#[test]
fn each_other_rule_names_its_field() {
    let cases = [
        ("reviewed = \"2026-12-01\"", "reviewed = \"2020-01-01\"", "alpha", "reviewed"),
        (
            "published = \"2020-01-03\"",
            "published = \"2020-01-03\"\neffective = \"2019-01-01\"",
            "alpha",
            "effective",
        ),
        ("doc_number = \"国发〔2020〕1号\"", "doc_number = \" \"", "alpha", "doc_number"),
        ("doc_number", "source = \"www.gov.cn\"\ndoc_number", "alpha", "source"),
        ("services = [\"id-card-renewal\"]", "services = []", "alpha", "services"),
        (
            "\"id-card-renewal\", \"passport-application\"",
            "\"id-card-renewal\", \"id-card-renewal\"",
            "beta",
            "services[1]",
        ),
        (
            "issuers = [{ zh-CN = \"国务院\", en-US = \"State Council\", zh-HK = \"國務院\" }]",
            "issuers = []",
            "alpha",
            "issuers",
        ),
    ];
    for (from, to, id, field) in cases {
        let dir = library(&[("a.toml", &good_with(from, to))]);
        refused(&path(&dir), "a.toml", id, field);
    }
    // An interpretation with no questions: its question table dropped.
    let start = GOOD.find("[[policy.interpretations.questions]]").unwrap();
    let end = start + GOOD[start..].find("\n\n").unwrap();
    let text =
        format!("{}{}", &GOOD[..start], &GOOD[end..]).replacen("date = ", "questions = []\ndate = ", 1);
    let dir = library(&[("a.toml", &text)]);
    refused(&path(&dir), "a.toml", "alpha", "interpretations[0].questions");
}
