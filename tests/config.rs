//! Configuration: layering, validation, and `onestop config check`.

use std::process::Command;

use onestop::config::{DEFAULT_TOML, KioskConfig};

fn onestop() -> Command {
    Command::new(env!("CARGO_BIN_EXE_onestop"))
}

#[test]
fn the_defaults_load_and_document_every_key() {
    let cfg = KioskConfig::load(&[], &[]).expect("defaults are valid");
    assert!(!cfg.kiosk.lockdown, "a developer can always quit with the defaults");
    assert_eq!(cfg.backend.url, None, "embedded backend by default");
    // Uncommenting every `# key = value` line gives a complete, valid file:
    // every key the program knows is written down in default.toml.
    let full: String = DEFAULT_TOML
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.split_once(" = ").is_some_and(|(k, _)| !k.contains(' ')) => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let full: KioskConfig = toml::from_str(&full).expect("every documented key is a real key");
    assert!(
        full.backend.url.is_some() && full.server.database.is_some() && full.server.catalog_dir.is_some()
    );
    assert!(full.paths.data_dir.is_some() && full.log.file.is_some());
}

#[test]
fn layers_apply_in_order_files_then_environment_then_options() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&a, "[kiosk]\nid = \"from-a\"\nhall = \"chengbei\"\n").unwrap();
    std::fs::write(&b, "[kiosk]\nid = \"from-b\"\n").unwrap();
    let cfg = KioskConfig::load(&[a.clone(), b.clone()], &[]).unwrap();
    assert_eq!((cfg.kiosk.id.as_str(), cfg.kiosk.hall.as_str()), ("from-b", "chengbei"));
    let cfg = KioskConfig::load(&[a, b], &[("kiosk.id", "from-cli".into())]).unwrap();
    assert_eq!(cfg.kiosk.id, "from-cli");
}

#[test]
fn the_environment_overrides_files() {
    // Through the real binary, so the test does not change its own environment.
    let out =
        onestop().args(["config", "check"]).env("ONESTOP__BACKEND__TIMEOUT_SECS", "0").output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("backend.timeout_secs"), "{err}");
    let out =
        onestop().args(["config", "check"]).env("ONESTOP__KIOSK__LOCKDOWN", "perhaps").output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("kiosk.lockdown") && err.contains("environment"), "{err}");
}

#[test]
fn config_check_names_the_file_and_key_of_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("typo.toml", "[kiosk]\nlanguag = \"en-US\"\n", "kiosk.languag"),
        ("type.toml", "[kiosk]\nlockdown = \"maybe\"\n", "kiosk.lockdown"),
        ("lang.toml", "[kiosk]\nlanguage = \"fr-FR\"\n", "kiosk.language"),
        ("url.toml", "[backend]\nurl = \"ftp://example\"\n", "backend.url"),
        ("listen.toml", "[server]\nlisten = \"nowhere\"\n", "server.listen"),
        ("proxy.toml", "[handoff]\ntrusted_proxies = [\"10.0.0.300\"]\n", "handoff.trusted_proxies[0]"),
        ("refresh.toml", "[backend]\ncatalog_refresh_secs = 0\n", "backend.catalog_refresh_secs"),
        ("syntax.toml", "[kiosk\n", "line 1"),
    ];
    for (name, text, key) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = onestop().args(["config", "check"]).arg(&path).output().unwrap();
        assert!(!out.status.success(), "{name} must fail");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&path.display().to_string()) && err.contains(key), "{name}: {err}");
    }
}

#[test]
fn config_check_says_ok_for_the_shipped_files() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = onestop()
        .args(["config", "check"])
        .arg(format!("{root}/kiosk-config/default.toml"))
        .arg(format!("{root}/kiosk-config/examples/binjiang-hall.toml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "ok");
}
