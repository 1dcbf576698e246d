//! Hall operations with the real binary in a pty: lockdown, the staff PIN,
//! crash recovery, offline starts from the cache, a backend that never answers.

mod common;

use std::{
    io::Write,
    net::TcpListener,
    process::{Child, Command, Stdio},
    time::Duration,
};

use common::personal_key;
use common::pty::Kiosk;

const CHORD: &str = "\x1b\x0b"; // ctrl+alt+k

fn onestop() -> Command {
    Command::new(env!("CARGO_BIN_EXE_onestop"))
}

/// A config file with lockdown on and the staff PIN 2468.
fn locked_config(dir: &std::path::Path) -> String {
    let mut child = onestop()
        .args(["config", "hash-pin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"2468\n2468\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let pin_line = String::from_utf8(out.stdout).unwrap();
    assert!(pin_line.starts_with("pin_hash = \"$argon2id$"), "{pin_line}");
    let path = dir.join("hall.toml");
    std::fs::write(&path, format!("[kiosk]\nlockdown = true\nlanguage = \"en-US\"\n\n[staff]\n{pin_line}"))
        .unwrap();
    path.display().to_string()
}

#[test]
fn in_lockdown_quit_keys_do_nothing_and_five_wrong_pins_lock_the_prompt() {
    let data = tempfile::tempdir().unwrap();
    let config = locked_config(data.path());
    let mut k =
        Kiosk::start(&["--config", &config, "--data-dir", data.path().to_str().unwrap()], &[], 80, 24);
    k.wait_for("Household registration and ID");
    k.send("q\x03\x1a\x1c\x04");
    std::thread::sleep(Duration::from_millis(300));
    assert!(k.child.try_wait().unwrap().is_none(), "still running");
    k.wait_for("What would you like to do?");
    assert!(!k.screen().contains("Quit"), "no quit key is offered");
    k.send(CHORD);
    k.wait_for("Staff: enter the PIN");
    for left in (1..=4).rev() {
        k.send("1111\r");
        k.wait_for(&format!("{left} tries left"));
    }
    k.send("1111\r");
    k.wait_for("try again in 5 minutes");
    k.send("2468\r");
    std::thread::sleep(Duration::from_millis(500));
    assert!(k.screen().contains("try again in 5 minutes"), "even the right PIN waits");
}

#[test]
fn the_right_pin_opens_the_staff_screen_whose_exit_leaves() {
    let data = tempfile::tempdir().unwrap();
    let config = locked_config(data.path());
    let mut k =
        Kiosk::start(&["--config", &config, "--data-dir", data.path().to_str().unwrap()], &[], 80, 24);
    k.wait_for("Household registration and ID");
    k.send(CHORD);
    k.wait_for("Staff: enter the PIN");
    k.send("2468\r");
    k.wait_for("Leave the kiosk program");
    k.wait_for("answering in");
    assert!(k.screen().contains("Bookings from this kiosk today: 0"));
    assert!(k.screen().contains("copy on this kiosk saved 0 min ago"), "{}", k.screen());
    k.send("3");
    assert_eq!(k.wait_exit(), 0);
    assert!(!k.parser.lock().unwrap().screen().alternate_screen());
}

#[test]
fn a_panic_starts_a_fresh_session_and_is_logged() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let mut k =
        Kiosk::start(&["--data-dir", dir, "--lang", "en-US"], &[("ONESTOP_TEST_PANIC_KEY", "9")], 80, 24);
    k.wait_for("Household registration and ID");
    k.send(&personal_key());
    k.wait_for("Choose a category");
    k.send("9");
    k.wait_for("What would you like to do?");
    assert!(k.child.try_wait().unwrap().is_none(), "the kiosk is still running");
    assert!(k.parser.lock().unwrap().screen().alternate_screen(), "and still full-screen");
    let log = std::fs::read_to_string(data.path().join("onestop.log")).unwrap();
    assert!(log.contains("panic injected") && log.contains("fresh one at Welcome"), "{log}");
    k.quit();
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Server(Child);

impl Server {
    /// `onestop serve` on `port`, keeping its data in `data` (its log in
    /// `data/serve.log`), with extra environment.
    fn start(port: u16, data: &std::path::Path, env: &[(&str, &str)]) -> Server {
        let log = std::fs::File::options().create(true).append(true).open(data.join("serve.log")).unwrap();
        let server = Server(
            onestop()
                .args([
                    "--data-dir",
                    data.to_str().unwrap(),
                    "serve",
                    "--listen",
                    &format!("127.0.0.1:{port}"),
                ])
                .envs(env.iter().copied())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .unwrap(),
        );
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("the backend did not start");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn offline_the_kiosk_starts_from_its_cache_and_reconnects_by_itself() {
    let (server_data, kiosk_data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let port = free_port();
    let backend = format!("http://127.0.0.1:{port}");
    let args = ["--data-dir", kiosk_data.path().to_str().unwrap(), "--backend", &backend, "--lang", "en-US"];
    let server = Server::start(port, server_data.path(), &[]);
    let mut k = Kiosk::start(&args, &[], 80, 24);
    k.wait_for("Household registration and ID");
    k.send("q");
    k.wait_exit();
    drop(server);

    let mut k = Kiosk::start(&args, &[], 80, 24);
    k.wait_for("saved earlier");
    k.send(&personal_key());
    k.wait_for("Household registration and ID");
    let _server = Server::start(port, server_data.path(), &[]);
    for _ in 0..200 {
        if !k.screen().contains("saved earlier") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!k.screen().contains("saved earlier"), "back online: {}", k.screen());
    k.quit();
}

#[test]
fn a_backend_that_never_answers_does_not_stall_the_keys() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accept connections and say nothing, ever.
    std::thread::spawn(move || {
        let mut held = vec![];
        for conn in listener.incoming() {
            held.push(conn);
        }
    });
    let data = tempfile::tempdir().unwrap();
    let backend = format!("http://127.0.0.1:{port}");
    let mut k = Kiosk::start(
        &["--data-dir", data.path().to_str().unwrap(), "--backend", &backend],
        &[("ONESTOP__BACKEND__TIMEOUT_SECS", "3")],
        80,
        24,
    );
    k.wait_for("欢迎");
    k.send("\x1bOQ"); // F2, while the catalogue request hangs
    k.wait_for("Welcome. What would you like to do?");
    k.send(&personal_key());
    k.wait_for("still loading");
    k.wait_for("took too long to answer");
    k.quit();
}

#[test]
fn sighup_reloads_the_configuration_and_a_broken_file_keeps_the_old_one() {
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("hall.toml");
    std::fs::write(&config, "[kiosk]\nlanguage = \"en-US\"\nhall = \"binjiang\"\n").unwrap();
    let mut k = Kiosk::start(
        &["--config", config.to_str().unwrap(), "--data-dir", data.path().to_str().unwrap()],
        &[],
        80,
        24,
    );
    k.wait_for("Binjiang Citizen Service Centre");
    let hup = |k: &Kiosk| {
        let pid = k.child.process_id().expect("a running kiosk").to_string();
        assert!(Command::new("kill").args(["-HUP", &pid]).status().unwrap().success());
    };
    std::fs::write(&config, "[kiosk]\nlanguage = \"en-US\"\nhall = \"tianshan\"\n").unwrap();
    hup(&k);
    k.wait_for("Configuration reloaded.");
    k.wait_for("Tianshan Road Service Point");
    std::fs::write(&config, "[kiosk]\nlanguage = \"en-US\"\nhall = \"\"\n").unwrap();
    hup(&k);
    k.wait_for("The new configuration has errors; the old one stays");
    assert!(k.screen().contains("Tianshan Road Service Point"), "{}", k.screen());
    assert!(k.child.try_wait().unwrap().is_none(), "still running");
}

/// Copies the demo catalogue (data/) to `dir`.
fn copy_catalog(dir: &std::path::Path) {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir_all(dir.join("services")).unwrap();
    for file in ["halls.toml", "categories.toml"] {
        std::fs::copy(data.join(file), dir.join(file)).unwrap();
    }
    for entry in std::fs::read_dir(data.join("services")).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.join("services").join(entry.file_name())).unwrap();
    }
}

#[test]
fn a_catalogue_reloaded_by_the_backend_reaches_a_kiosk_without_a_restart() {
    let (server_data, kiosk_data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let catalog = server_data.path().join("catalog");
    copy_catalog(&catalog);
    let port = free_port();
    let server = Server::start(
        port,
        server_data.path(),
        &[("ONESTOP__SERVER__CATALOG_DIR", catalog.to_str().unwrap())],
    );
    let backend = format!("http://127.0.0.1:{port}");
    let mut k = Kiosk::start(
        &["--data-dir", kiosk_data.path().to_str().unwrap(), "--backend", &backend, "--lang", "en-US"],
        &[("ONESTOP__BACKEND__CATALOG_REFRESH_SECS", "1")],
        80,
        24,
    );
    k.wait_for("Household registration and ID");
    k.send(&personal_key());
    k.wait_for("1. Household registration and ID");

    let categories = catalog.join("categories.toml");
    let text = std::fs::read_to_string(&categories).unwrap();
    std::fs::write(
        &categories,
        text.replace("Household registration and ID", "Residence and identity cards"),
    )
    .unwrap();
    let hup = || {
        let pid = server.0.id().to_string();
        assert!(Command::new("kill").args(["-HUP", &pid]).status().unwrap().success());
    };
    hup();
    k.wait_for("1. Residence and identity cards");
    let log = || std::fs::read_to_string(server_data.path().join("serve.log")).unwrap();
    assert!(log().contains("catalogue reloaded"), "{}", log());

    // A broken file is refused; the backend goes on serving the last good one.
    std::fs::write(&categories, "[[category]\nthis is not TOML").unwrap();
    hup();
    for _ in 0..100 {
        if log().contains("not reloaded") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(log().contains("catalogue not reloaded, the old one stays"), "{}", log());
    std::thread::sleep(Duration::from_millis(2500)); // two more checks by the kiosk
    let screen = k.screen();
    assert!(
        screen.contains("1. Residence and identity cards") && !screen.contains("saved earlier"),
        "{screen}"
    );
    k.quit();
}
