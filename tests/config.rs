//! Configuration: layering, validation, and `onestop config check`.

use std::process::Command;

use onestop::config::{CatalogToCheck, DEFAULT_TOML, KioskConfig, LIMITS};

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
    assert!(full.kiosk.hall_name.is_some() && full.kiosk.help_phone.is_some());
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

/// `onestop config check FILE` on `text`: (passed, stdout, stderr).
fn check(text: &str) -> (bool, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hall.toml");
    std::fs::write(&path, text).unwrap();
    // Named as written, relative to the working directory.
    let out = onestop().args(["config", "check", "hall.toml"]).current_dir(dir.path()).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.success(), text(out.stdout), text(out.stderr))
}

#[test]
fn config_check_reports_every_problem_at_once() {
    let (ok, _, err) = check(
        "[kiosk]\nlockdown = \"yes\"\nhall = \"nowhere\"\nlanguag = \"en-US\"\n\n\
         [session]\nidle_timeout_secs = 25\nidle_warning_secs = 20\n\n[log]\nlevel = \"loud\"\n\n[kiosks]\nid = \"x\"\n",
    );
    assert!(!ok);
    for key in [
        "kiosk.lockdown",
        "kiosk.hall",
        "kiosk.languag",
        "session.idle_timeout_secs",
        "log.level",
        "`kiosks`",
    ] {
        assert!(err.contains(key), "{key} is named: {err}");
    }
    assert_eq!(err.lines().count(), 6, "one line each: {err}");
    assert!(err.lines().all(|l| l.starts_with("hall.toml: key `")), "each names the file as written: {err}");
}

#[test]
fn booleans_must_be_booleans_and_numbers_numbers() {
    for value in ["\"yes\"", "\"false\"", "1", "\"on\""] {
        let (ok, _, err) = check(&format!("[kiosk]\nlockdown = {value}\n"));
        assert!(!ok && err.contains("kiosk.lockdown") && err.contains("true or false"), "{value}: {err}");
    }
    let (ok, _, err) = check("[session]\nelderly = \"true\"\nidle_timeout_secs = \"120\"\n");
    assert!(!ok && err.contains("session.elderly") && err.contains("session.idle_timeout_secs"), "{err}");
    let (ok, _, err) = check("[kiosk]\nlockdown = false\n[session]\nidle_timeout_secs = 300\n");
    assert!(ok, "{err}");
}

#[test]
fn log_levels_must_be_levels() {
    for level in ["loud", "info,loud", "onestop=noisy"] {
        let (ok, _, err) = check(&format!("[log]\nlevel = \"{level}\"\n"));
        assert!(!ok && err.contains("log.level"), "{level}: {err}");
    }
    for level in ["warn", "info,onestop::search=debug", "off"] {
        let (ok, _, err) = check(&format!("[log]\nlevel = \"{level}\"\n"));
        assert!(ok, "{level}: {err}");
    }
}

#[test]
fn an_unknown_section_and_an_unknown_key_are_worded_alike() {
    let (_, _, section) = check("[kiosks]\nid = \"x\"\n");
    let (_, _, key) = check("[kiosk]\nlanguag = \"en-US\"\n");
    assert!(section.contains("key `kiosks`: unknown section; did you mean `kiosk`?"), "{section}");
    assert!(key.contains("key `kiosk.languag`: unknown key; did you mean `kiosk.language`?"), "{key}");
    assert!(section.contains("the sections are") && key.contains("the keys of [kiosk] are"));
}

/// The demo catalogue copied to `dir`, with one more hall, `xihu`.
fn catalogue_with_another_hall(dir: &std::path::Path) {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir_all(dir.join("services")).unwrap();
    for entry in std::fs::read_dir(data.join("services")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("services").join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(data.join("categories.toml"), dir.join("categories.toml")).unwrap();
    let halls = std::fs::read_to_string(data.join("halls.toml")).unwrap();
    let first = &halls[halls.find("[[hall]]").unwrap()..];
    let first = &first[..first[1..].find("[[hall]]").map_or(first.len(), |i| i + 1)];
    let xihu = first.replacen("id = \"binjiang\"", "id = \"xihu\"", 1);
    std::fs::write(dir.join("halls.toml"), format!("{halls}\n{xihu}")).unwrap();
}

#[test]
fn the_hall_must_be_in_the_catalogue_the_kiosk_will_show() {
    let (ok, _, err) = check("[kiosk]\nhall = \"nowhere\"\n");
    assert!(!ok && err.contains("kiosk.hall") && err.contains("binjiang, chengbei, tianshan"), "{err}");
    // Another catalogue: named on the command line, or the one the kiosk serves.
    let dir = tempfile::tempdir().unwrap();
    catalogue_with_another_hall(dir.path());
    let file = dir.path().join("kiosk.toml");
    std::fs::write(&file, "[kiosk]\nhall = \"xihu\"\n").unwrap();
    let against = |catalog| KioskConfig::check_file(&file, catalog).problems;
    let builtin = against(CatalogToCheck::Configured);
    assert_eq!(builtin.len(), 1, "not in the built-in one: {builtin:?}");
    assert_eq!((builtin[0].origin.as_str(), builtin[0].key.as_str()), (file.to_str().unwrap(), "kiosk.hall"));
    // Layered as the kiosk reads them, the problem names the layer that set it.
    let layered = KioskConfig::check(std::slice::from_ref(&file), &[], CatalogToCheck::Configured).problems;
    assert_eq!(layered, builtin);
    assert_eq!(against(CatalogToCheck::Dir(dir.path())), vec![]);
    let served = format!("[kiosk]\nhall = \"xihu\"\n[server]\ncatalog_dir = \"{}\"\n", dir.path().display());
    let (ok, _, err) = check(&served);
    assert!(ok, "{err}");
}

#[test]
fn config_check_holds_the_hall_against_the_catalogue_named_with_catalog_dir() {
    let dir = tempfile::tempdir().unwrap();
    catalogue_with_another_hall(dir.path());
    std::fs::write(dir.path().join("kiosk.toml"), "[kiosk]\nhall = \"xihu\"\n").unwrap();
    let run = |args: &[&str]| {
        let out = onestop().args(args).current_dir(dir.path()).output().unwrap();
        (out.status.success(), String::from_utf8(out.stderr).unwrap())
    };
    let catalog = dir.path().to_str().unwrap();
    // A file on its own, and the layers as the kiosk reads them.
    let (ok, err) = run(&["config", "check", "--catalog", catalog, "kiosk.toml"]);
    assert!(ok, "{err}");
    let (ok, err) = run(&["--config", "kiosk.toml", "config", "check", "--catalog", catalog]);
    assert!(ok, "{err}");
    // Without it, the built-in catalogue has no such hall.
    let (ok, err) = run(&["config", "check", "kiosk.toml"]);
    assert!(!ok && err.contains("no hall \"xihu\""), "{err}");
    let (ok, err) = run(&["--config", "kiosk.toml", "config", "check"]);
    assert!(!ok && err.starts_with("kiosk.toml: key `kiosk.hall`"), "named by the layer that set it: {err}");
    // A directory that holds no catalogue says so.
    let empty = tempfile::tempdir().unwrap();
    let (ok, err) = run(&["config", "check", "--catalog", empty.path().to_str().unwrap(), "kiosk.toml"]);
    assert!(!ok && err.contains("does not load"), "{err}");
}

#[test]
fn the_hall_name_and_help_phone_for_a_kiosk_with_no_catalogue_are_checked() {
    let (ok, _, err) = check(
        "[kiosk]\nhall_name = { zh-CN = \"滨江市民服务中心\", en-US = \"Binjiang\" }\nhelp_phone = \"0571-87000000\"\n",
    );
    assert!(ok, "{err}");
    let (ok, _, err) = check("[kiosk]\nhall_name = { en-US = \"Binjiang\" }\nhelp_phone = \"\"\n");
    assert!(!ok && err.contains("kiosk.hall_name") && err.contains("zh-CN"), "{err}");
    assert!(err.contains("kiosk.help_phone"), "{err}");
    let (ok, _, err) = check("[kiosk]\nhall_name = { fr-FR = \"Binjiang\" }\n");
    assert!(!ok && err.contains("kiosk.hall_name"), "{err}");
}

#[test]
fn in_lockdown_a_qr_link_phones_cannot_reach_is_a_warning() {
    let embedded = "[kiosk]\nlockdown = true\n";
    let (ok, out, err) = check(embedded);
    assert!(ok && out.trim() == "ok", "a warning, not a problem: {err}");
    assert!(err.contains("warning:") && err.contains("handoff.public_url"), "{err}");
    let (_, _, err) = check(&format!("{embedded}[handoff]\npublic_url = \"http://127.0.0.1:8080\"\n"));
    assert!(err.contains("warning:") && err.contains("loopback"), "{err}");
    let (_, _, err) = check(&format!("{embedded}[handoff]\npublic_url = \"https://zwfw.example.gov.cn\"\n"));
    assert!(err.is_empty(), "{err}");
    // With a backend of its own, the link is made there, from its own setting.
    let (_, _, err) = check(&format!("{embedded}[backend]\nurl = \"http://10.20.0.5:8080\"\n"));
    assert!(err.is_empty(), "{err}");
    let (_, _, err) = check("[kiosk]\nlockdown = false\n");
    assert!(err.is_empty(), "out of lockdown a developer's loopback is fine: {err}");
}

#[test]
fn default_toml_states_each_minimum_beside_its_key() {
    for limit in LIMITS {
        let (section, key) = limit.key.split_once('.').unwrap();
        let start = DEFAULT_TOML.find(&format!("[{section}]")).unwrap();
        let lines: Vec<&str> = DEFAULT_TOML[start..].lines().collect();
        let at = lines.iter().position(|l| l.starts_with(&format!("{key} = "))).unwrap();
        let comment: String = lines[..at]
            .iter()
            .rev()
            .take_while(|l| l.starts_with('#'))
            .map(|l| l.trim_start_matches('#'))
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = comment.split(|c: char| !c.is_ascii_digit()).collect();
        for number in std::iter::once(limit.min).chain(limit.max) {
            assert!(words.contains(&number.to_string().as_str()), "{}: {number} in “{comment}”", limit.key);
        }
    }
}
