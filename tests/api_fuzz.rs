//! The API against its own OpenAPI document, fuzzed by schemathesis with
//! every check (`scripts/api-fuzz.sh`, on this build's binary): no server
//! error, and every answer as the document describes it.

use std::process::Command;

mod common;

use serde_json::Value;

const INSTALL: &str = "pip install 'schemathesis==4.32.5'";

/// Runs `scripts/api-fuzz.sh` on this build's binary, with `env` added.
fn fuzz(env: &[(&str, &str)]) {
    let installed = Command::new("schemathesis").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(
        installed,
        "\n\n    schemathesis is not installed, so the API contract cannot be checked.\n    \
         Install it with:  {INSTALL}\n\n"
    );
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/api-fuzz.sh");
    let out = Command::new("bash")
        .arg(script)
        .env("ONESTOP_BIN", env!("CARGO_BIN_EXE_onestop"))
        .envs(env.iter().copied())
        .output()
        .expect("bash runs");
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "schemathesis found problems (exit {:?}):\n{report}", out.status.code());
    assert!(report.contains(" passed"), "schemathesis ran no test:\n{report}");
}

#[test]
fn the_api_keeps_to_its_openapi_document_under_fuzzing() {
    fuzz(&[]);
}

/// The same on PostgreSQL, with fewer examples per operation (the checks
/// of the document are the same; what differs is the store behind it).
#[test]
fn the_api_on_postgresql_keeps_to_its_openapi_document_under_fuzzing() {
    let database = common::postgres::cluster().database();
    fuzz(&[("ONESTOP__SERVER__DATABASE", &database), ("API_FUZZ_EXAMPLES", "25")]);
}

/// What a generated client needs, checked without the fuzzer (fails on
/// the document before issue 13): query parameters in the query, every
/// answer the server gives, the phone pages, and a bound on every string
/// a request carries.
#[tokio::test]
async fn the_document_says_where_each_parameter_goes_and_every_answer() {
    let data = tempfile::tempdir().unwrap();
    let opts = onestop::server::ServerOptions::new(data.path().join("onestop.db"));
    let url = onestop::server::start(&opts, "127.0.0.1:0").await.unwrap().url();
    let doc: Value = reqwest::get(format!("{url}/openapi.json")).await.unwrap().json().await.unwrap();
    let place = |path: &str, name: &str| {
        let params = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        let param = params.iter().find(|p| p["name"] == name).unwrap_or_else(|| panic!("{path}: no {name}"));
        param["in"].as_str().unwrap().to_owned()
    };
    assert_eq!(place("/api/v1/halls/{hall}/days", "service"), "query");
    assert_eq!(place("/api/v1/halls/{hall}/slots", "date"), "query");
    assert_eq!(place("/api/v1/halls/{hall}/slots", "hall"), "path");
    assert_eq!(place("/api/v1/kiosks/{kiosk}/bookings-today", "hall"), "query");

    for path in ["/m/{code}", "/M/{code}", "/m/{code}/cancel", "/M/{code}/cancel"] {
        assert!(doc["paths"][path].is_object(), "{path} is not described");
    }
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let answers = op["responses"].as_object().unwrap();
            assert!(answers.contains_key("405"), "{method} {path}: no 405");
            if !op["requestBody"].is_null() {
                for status in ["400", "415"] {
                    assert!(answers.contains_key(status), "{method} {path}: no {status}");
                }
            }
            for param in op["parameters"].as_array().into_iter().flatten() {
                assert!(bounded(&doc, &param["schema"]), "{method} {path}: {} unbounded", param["name"]);
            }
        }
    }
    for name in ["HoldRequest", "BookingRequest", "PhoneProof", "HandoffRequest", "CancelForm"] {
        let schema = &doc["components"]["schemas"][name];
        for (field, property) in schema["properties"].as_object().unwrap() {
            assert!(bounded(&doc, property), "{name}.{field} unbounded");
        }
    }
    let key = &doc["paths"]["/api/v1/bookings"]["post"]["parameters"][0]["schema"];
    assert_eq!((key["minLength"].as_u64(), key["maxLength"].as_u64()), (Some(8), Some(128)));

    // And the server answers as the document says: 415 for a body not sent as JSON.
    let sent = reqwest::Client::new().post(format!("{url}/api/v1/holds")).body("{}").send().await.unwrap();
    assert_eq!(sent.status(), reqwest::StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

/// A string schema with a length bound, a pattern or a list of values; any
/// other schema (numbers, booleans, references to enums) passes.
fn bounded(doc: &Value, schema: &Value) -> bool {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap();
        return bounded(doc, &doc["components"]["schemas"][name]);
    }
    if let Some(options) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        return options.iter().all(|s| bounded(doc, s));
    }
    let is_string =
        schema["type"] == "string" || schema["type"].as_array().is_some_and(|t| t.contains(&"string".into()));
    !is_string || !schema["maxLength"].is_null() || !schema["enum"].is_null()
}
