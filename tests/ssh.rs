//! The kiosk over SSH, reached with the real OpenSSH client in a pty.

mod common;

use std::{process::Command, time::Duration};

use common::personal_key;
use common::pty::Kiosk;
use onestop::client::ApiClient;
use onestop::kiosk::SessionConfig;
use onestop::runtime::{
    SessionSetup,
    ssh::{self, Running, SshAuth, SshOptions},
};
use onestop::server::{self, ServerOptions};
use onestop::ui::Theme;

struct Fixture {
    ssh: Running,
    dir: tempfile::TempDir,
}

async fn fixture(auth: impl FnOnce(&std::path::Path) -> SshAuth, max_sessions: usize) -> Fixture {
    fixture_with(auth, |o| o.max_sessions = max_sessions).await
}

/// A server whose options `adjust` changes from the usual ones.
async fn fixture_with(
    auth: impl FnOnce(&std::path::Path) -> SshAuth,
    adjust: impl FnOnce(&mut SshOptions),
) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let backend = server::start(&ServerOptions::new(dir.path().join("db")), "127.0.0.1:0").await.unwrap();
    let client = ApiClient::new(&backend.url(), Duration::from_secs(5));
    let setup = SessionSetup::new(SessionConfig::default(), Theme::standard(), client);
    let mut opts = SshOptions {
        listen: "127.0.0.1:0".into(),
        host_key: dir.path().join("host_key"),
        auth: auth(dir.path()),
        max_sessions: 10,
        connections_per_minute: 100,
        idle_timeout: Duration::from_secs(600),
        max_session: Duration::from_secs(600),
    };
    adjust(&mut opts);
    Fixture { ssh: ssh::start(opts, setup).await.unwrap(), dir }
}

impl Fixture {
    fn base_args(&self) -> Vec<String> {
        let port = self.ssh.addr.port().to_string();
        [
            "-p",
            &port,
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-F",
            "/dev/null",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// `ssh -tt` in a pty, with environment variables sent by SetEnv.
    fn connect(&self, env: &str, cols: u16, rows: u16) -> Kiosk {
        let mut args = self.base_args();
        args.push("-tt".into());
        if !env.is_empty() {
            args.extend(["-o".into(), format!("SetEnv={env}")]);
        }
        args.push("tester@127.0.0.1".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Kiosk::spawn("ssh", &args, &[], cols, rows)
    }

    async fn wait_sessions(&self, n: usize) {
        for _ in 0..200 {
            if self.ssh.sessions() == n {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("{} sessions, expected {n}", self.ssh.sessions());
    }
}

fn open(_: &std::path::Path) -> SshAuth {
    SshAuth::Open
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tester_browses_in_their_language_and_the_window_follows_their_terminal() {
    let f = fixture(open, 10).await;
    assert!(f.ssh.fingerprint.starts_with("SHA256:"));
    let mut k = f.connect("LANG=en_US.UTF-8", 90, 26);
    k.wait_for("Household registration and ID");
    f.wait_sessions(1).await;
    k.send(&personal_key());
    k.wait_for("Choose a category");
    k.send("1");
    k.wait_for("Resident ID card renewal");
    k.send("\r");
    k.wait_for("Required materials");
    // A resize redraws at the new size.
    k.resize(70, 20);
    k.wait_for("too small (70×20)");
    k.resize(100, 30);
    k.wait_for("Required materials");
    k.send("q");
    k.wait_exit();
    f.wait_sessions(0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_sessions_in_two_languages_keep_to_themselves() {
    let f = fixture(open, 10).await;
    let mut zh = f.connect("LANG=zh_CN.UTF-8", 80, 24);
    let mut en = f.connect("LC_ALL=en_US.UTF-8", 80, 24);
    zh.wait_for("户籍与身份证");
    en.wait_for("Household registration and ID");
    f.wait_sessions(2).await;
    zh.send(
        &common::welcome_char(onestop::kiosk::screen::WelcomeItem::Browse(
            onestop::domain::Audience::Business,
        ))
        .to_string(),
    );
    zh.wait_for("企业开办");
    std::thread::sleep(Duration::from_millis(300));
    assert!(en.screen().contains("What would you like to do?"), "English session still at the start");
    assert!(!en.screen().contains("企业开办"));
    zh.send("q");
    zh.wait_exit();
    f.wait_sessions(1).await;
    en.send("q");
    en.wait_exit();
    f.wait_sessions(0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_color_means_no_colour_escapes() {
    let f = fixture(open, 10).await;
    let mut k = f.connect("NO_COLOR=1 LANG=en_US.UTF-8", 80, 24);
    k.wait_for("Household registration and ID");
    k.send(&personal_key());
    k.wait_for("Choose a category");
    let raw = k.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    for sgr in ["[38;", "[48;", "[31m", "[32m", "[33m", "[34m", "[36m", "[37m", "[90m", "[91m", "[39m[49m"] {
        assert!(!text.contains(sgr), "colour escape {sgr:?} sent with NO_COLOR");
    }
    k.send("q");
    k.wait_exit();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_connection_frees_its_session() {
    let f = fixture(open, 10).await;
    let k = f.connect("", 80, 24);
    k.wait_for("户籍与身份证");
    f.wait_sessions(1).await;
    drop(k); // kills the client
    f.wait_sessions(0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_sftp_and_a_full_house_are_refused() {
    let f = fixture(open, 1).await;
    let args = f.base_args();
    let said = |out: &std::process::Output| {
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    };
    let exec = Command::new("ssh").args(&args).args(["tester@127.0.0.1", "ls", "/"]).output().unwrap();
    assert!(!exec.status.success(), "{}", said(&exec));
    assert!(
        said(&exec).contains("exec request failed") || said(&exec).contains("not available"),
        "{}",
        said(&exec)
    );
    let sftp = Command::new("ssh").args(&args).args(["-s", "tester@127.0.0.1", "sftp"]).output().unwrap();
    assert!(!sftp.status.success(), "sftp refused: {}", said(&sftp));
    assert!(
        said(&sftp).contains("subsystem request failed") || said(&sftp).contains("not available"),
        "{}",
        said(&sftp)
    );
    // One session allowed: the second is told to come back later.
    let first = f.connect("", 80, 24);
    first.wait_for("户籍与身份证");
    let mut second = f.connect("", 80, 24);
    second.wait_for("busy");
    second.wait_exit();
    assert_eq!(f.ssh.sessions(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_mode_lets_in_only_listed_keys() {
    let dir = tempfile::tempdir().unwrap();
    let keygen = |name: &str| {
        let path = dir.path().join(name);
        let ok = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&path)
            .status()
            .unwrap()
            .success();
        assert!(ok);
        path
    };
    let (known, stranger) = (keygen("known"), keygen("stranger"));
    let listed = std::fs::read_to_string(known.with_extension("pub")).unwrap();
    let f = fixture(
        |d| {
            let path = d.join("authorized_keys");
            std::fs::write(&path, format!("# testers\n{listed}")).unwrap();
            SshAuth::Keys(path)
        },
        10,
    )
    .await;
    let try_key = |key: &std::path::Path| {
        let mut args = f.base_args();
        args.extend(["-i".into(), key.display().to_string(), "-tt".into(), "tester@127.0.0.1".into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Kiosk::spawn("ssh", &args, &[], 80, 24)
    };
    let mut refused = try_key(&stranger);
    refused.wait_for("Permission denied");
    refused.wait_exit();
    let mut admitted = try_key(&known);
    admitted.wait_for("户籍与身份证");
    admitted.send("q");
    admitted.wait_exit();
    let _ = f.dir.path();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stops_reading_does_not_hold_up_another() {
    let f = fixture(open, 10).await;
    // This client's output is never read: its pty fills, ssh stops reading.
    let mut args = f.base_args();
    args.extend(["-tt".into(), "tester@127.0.0.1".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut stalled = Kiosk::spawn_unread("ssh", &args, 200, 60);
    let mut active = f.connect("LANG=en_US.UTF-8", 80, 24);
    active.wait_for("Household registration and ID");
    f.wait_sessions(2).await;
    // Flood the stalled session with keys that each redraw a large screen.
    for _ in 0..400 {
        stalled.send("\x1bOQ\x1b[B");
    }
    // The other session still answers each key.
    let business = common::welcome_char(onestop::kiosk::screen::WelcomeItem::Browse(
        onestop::domain::Audience::Business,
    ))
    .to_string();
    for (key, expect) in [
        (personal_key(), "Choose a category"),
        ("\x1b".into(), "What would you like to do?"),
        (business, "Starting a business"),
    ] {
        active.send(&key);
        active.wait_for(expect);
    }
    active.send("q");
    active.wait_exit();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutting_down_says_goodbye_and_gives_the_terminal_back() {
    let f = fixture(open, 10).await;
    let mut k = f.connect("LANG=en_US.UTF-8", 80, 24);
    k.wait_for("Household registration and ID");
    assert!(k.parser.lock().unwrap().screen().alternate_screen());
    f.ssh.shutdown().await;
    k.wait_for("Goodbye");
    k.wait_exit();
    assert!(!k.parser.lock().unwrap().screen().alternate_screen(), "the terminal is restored");
    assert_eq!(f.ssh.sessions(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_over_the_connection_rate_is_told_to_come_back_later_in_both_languages() {
    // No new connection allowed this minute: every client is over the rate.
    let f = fixture_with(open, |o| o.connections_per_minute = 0).await;
    let mut k = f.connect("LANG=en_US.UTF-8", 80, 24);
    k.wait_for("Please try again in a minute");
    k.wait_for("请一分钟后再试");
    k.wait_exit();
    assert!(!k.screen().contains("Permission denied"), "{}", k.screen());
    assert_eq!(f.ssh.sessions(), 0, "no session for it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_terminal_bigger_than_the_kiosk_draws_is_told_so_below_the_kiosk() {
    assert_eq!((ssh::MAX_COLS, ssh::MAX_ROWS), (400, 150));
    let f = fixture(open, 10).await;
    let mut k = f.connect("LANG=en_US.UTF-8", 500, 200);
    k.wait_for("Household registration and ID");
    let note = "Your terminal is 500×200; the kiosk uses 400×150 of it";
    k.wait_for(note);
    let row = |k: &Kiosk, text: &str| k.screen().lines().position(|l| l.contains(text));
    assert_eq!(row(&k, note), Some(150), "on the row below the kiosk");
    // The note follows window changes, and goes once the terminal fits.
    k.resize(450, 160);
    k.wait_for("Your terminal is 450×160; the kiosk uses 400×150 of it");
    k.send(&personal_key());
    k.wait_for("Choose a category");
    k.resize(100, 30);
    k.wait_for("Choose a category");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!k.screen().contains("Your terminal is"), "{}", k.screen());
    k.send("q");
    k.wait_exit();
    // In the session's language.
    let mut zh = f.connect("LANG=zh_CN.UTF-8", 420, 60);
    zh.wait_for("户籍与身份证");
    zh.wait_for("您的终端为 420×60，本机只用其中 400×59");
    zh.send("q");
    zh.wait_exit();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paste_split_across_packets_arrives_whole() {
    let f = fixture(open, 10).await;
    let mut k = f.connect("LANG=en_US.UTF-8", 80, 24);
    k.wait_for("Household registration and ID");
    k.send("/");
    k.wait_for("Search");
    // Two writes well apart (longer than the Esc wait): two packets.
    // (Letters no hint on the screen holds.)
    k.send("\x1b[200~zqx");
    std::thread::sleep(Duration::from_millis(300));
    k.send("wvk\x1b[201~");
    k.wait_for("zqxwvk");
    k.send("\x1b");
    k.wait_for("What would you like to do?");
    k.send("q");
    k.wait_exit();
}
