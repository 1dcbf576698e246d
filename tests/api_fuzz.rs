//! The API against its own OpenAPI document, fuzzed by schemathesis with
//! every check (`scripts/api-fuzz.sh`, on this build's binary): no server
//! error, and every answer as the document describes it.

use std::process::Command;

const INSTALL: &str = "pip install 'schemathesis==4.32.5'";

#[test]
fn the_api_keeps_to_its_openapi_document_under_fuzzing() {
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
        .output()
        .expect("bash runs");
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "schemathesis found problems (exit {:?}):\n{report}", out.status.code());
    assert!(report.contains(" passed"), "schemathesis ran no test:\n{report}");
}
