//! Catalogue text that could drive a terminal — escapes, bidi overrides,
//! zero-width characters — is refused when the server loads the catalogue
//! (at start and on reload, naming file, entry and field), and stripped by
//! the kiosk from any copy it reads, the offline one on disk included.

mod common;

use common::catalog_dir::{demo_copy, edit};

use std::{
    io::{self, Write},
    path::Path,
    process::Command,
    sync::{Arc, Mutex},
    time::Duration,
};

use futures_util::stream;
use onestop::client::ApiClient;
use onestop::domain::{Catalog, Lang, is_unsafe_char};
use onestop::kiosk::{Msg, SessionConfig};
use onestop::runtime::{SessionSetup, run_session};
use onestop::server::{self, Database, ServerOptions, catalog_source::SourceError};
use onestop::ui::Theme;
use ratatui::{Terminal, TerminalOptions, Viewport, backend::CrosstermBackend, layout::Rect};

/// Loads `dir`, expecting a refusal of `kind` `id`, field `field`, in `file`.
fn assert_refused(dir: &Path, file: &str, kind: &str, id: &str, field: &str) -> String {
    let err = server::catalog_source::from_dir(dir).expect_err("catalogue with hidden characters accepted");
    let SourceError::Invalid { file: named, problem } = &err else { panic!("not a text problem: {err}") };
    assert!(named.ends_with(file), "file {named}, expected {file}");
    assert_eq!((problem.kind, problem.id.as_str(), problem.field.as_str()), (kind, id, field), "{err}");
    let shown = err.to_string();
    assert!(!shown.chars().any(is_unsafe_char), "the message itself carries them: {shown:?}");
    shown
}

// TOML writes ESC as \u001B; the others are put in as they are, as an editor would.

#[test]
fn an_escape_sequence_in_a_service_name_is_refused() {
    let dir = demo_copy();
    let name = "zh-CN = \"普通护照申请（首次申请/换发）\"";
    edit(dir.path(), "services/exit-entry.toml", name, "zh-CN = \"普通护照申请\\u001B[2J\"");
    let shown = assert_refused(
        dir.path(),
        "services/exit-entry.toml",
        "service",
        "passport-application",
        "name.zh-CN",
    );
    assert!(shown.contains("U+001B"), "{shown}");
}

#[test]
fn a_bidi_override_in_a_material_is_refused() {
    let dir = demo_copy();
    let from = "en-US = \"Marriage certificate\"";
    edit(dir.path(), "services/birth-adoption.toml", from, "en-US = \"Marriage \u{202e}etacifitrec\"");
    let shown = assert_refused(
        dir.path(),
        "services/birth-adoption.toml",
        "service",
        "birth-registration",
        "materials[1].name.en-US",
    );
    assert!(shown.contains("U+202E") && shown.contains("bidi"), "{shown}");
}

#[test]
fn a_zero_width_space_in_a_hall_name_is_refused() {
    let dir = demo_copy();
    edit(dir.path(), "halls.toml", "\"滨江市民服务中心\"", "\"滨江\u{200b}市民服务中心\"");
    let shown = assert_refused(dir.path(), "halls.toml", "hall", "binjiang", "name.zh-CN");
    assert!(shown.contains("character 3 is U+200B"), "{shown}");
}

#[test]
fn codes_phones_and_aliases_are_checked_too() {
    let dir = demo_copy();
    edit(dir.path(), "halls.toml", "phone = \"0571-87000000\"", "phone = \"0571\\t87000000\"");
    assert_refused(dir.path(), "halls.toml", "hall", "binjiang", "phone");

    let dir = demo_copy();
    edit(dir.path(), "services/exit-entry.toml", "\"办护照\"", "\"办护照\u{2066}\"");
    assert_refused(
        dir.path(),
        "services/exit-entry.toml",
        "service",
        "passport-application",
        "aliases.zh-CN[0]",
    );
}

/// Ids are what the API is asked about (`^[a-z0-9-]{1,64}$`): a longer one
/// could be served but never named in a request.
#[test]
fn an_id_longer_than_the_api_takes_is_refused() {
    let dir = demo_copy();
    let long = format!("id = \"{}\"", "b".repeat(65));
    edit(dir.path(), "halls.toml", "id = \"binjiang\"", &long);
    let err = server::catalog_source::from_dir(dir.path()).expect_err("a 65-character id accepted");
    assert!(err.to_string().contains("1 to 64"), "{err}");
}

#[test]
fn the_demo_catalogue_is_clean() {
    server::catalog_source::from_dir(demo_copy().path()).expect("demo catalogue loads");
}

#[test]
fn serve_refuses_to_start_and_names_the_place() {
    let dir = demo_copy();
    edit(dir.path(), "halls.toml", "\"滨江市民服务中心\"", "\"滨江\\u001B]0;pwned\\u0007\"");
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_onestop"))
        .args(["--data-dir", data.path().to_str().unwrap(), "serve", "--listen", "127.0.0.1:0", "--catalog"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "served anyway: {stderr}");
    assert!(
        stderr.contains("halls.toml") && stderr.contains("binjiang") && stderr.contains("name.zh-CN"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "the refusal itself drives the terminal: {stderr:?}"
    );
}

// A catalogue reloaded with a bidi override in a name is refused, naming
// the file, the entry and the field; the one served before stays.
on_both_stores! {
    async fn a_reload_with_hidden_characters_is_refused_and_the_old_catalogue_stays(kind) {
        let dir = demo_copy();
        let backend = common::backend::start_on(kind, |o| ServerOptions {
            catalog_dir: Some(dir.path().to_owned()),
            ..o
        })
        .await;
        let before = get_catalog(&backend.url).await;

        edit(dir.path(), "categories.toml", "\"Social security\"", "\"Social security\u{202e}\"");
        let err = backend.running.reload_catalog().await.expect_err("reloaded a catalogue with a bidi override");
        let chain = format!("{:#}", anyhow::Error::from(err));
        assert!(
            chain.contains("categories.toml")
                && chain.contains("social-security")
                && chain.contains("name.en-US"),
            "{chain}"
        );

        let after = get_catalog(&backend.url).await;
        assert_eq!(after, before, "the served catalogue changed");
        assert!(!after.contains('\u{202e}'));
    }

    // The real binary, reloaded by SIGHUP as `systemctl reload` does: it says
    // why it refused, and keeps serving the catalogue it had.
    async fn sighup_with_hidden_characters_keeps_the_old_catalogue(kind) {
        let dir = demo_copy();
        let data = tempfile::tempdir().unwrap();
        let log = data.path().join("stderr.log");
        let database = match kind.database(data.path()) {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => url,
        };
        let mut child = KillOnDrop(
            std::process::Command::new(env!("CARGO_BIN_EXE_onestop"))
                .args([
                    "--data-dir",
                    data.path().to_str().unwrap(),
                    "serve",
                    "--listen",
                    "127.0.0.1:0",
                    "--catalog",
                ])
                .arg(dir.path())
                .env("ONESTOP__SERVER__DATABASE", database)
                .stdout(std::process::Stdio::piped())
                .stderr(std::fs::File::create(&log).unwrap())
                .spawn()
                .unwrap(),
        );
        let mut first = String::new();
        io::BufRead::read_line(&mut io::BufReader::new(child.0.stdout.take().unwrap()), &mut first).unwrap();
        let url = first.trim().rsplit(' ').next().unwrap().to_owned();
        let before = get_catalog(&url).await;

        edit(dir.path(), "services/exit-entry.toml", "\"办护照\"", "\"办护照\u{200d}\"");
        let hup = Command::new("kill").args(["-HUP", &child.0.id().to_string()]).status().unwrap();
        assert!(hup.success());
        let refused = || std::fs::read_to_string(&log).unwrap_or_default().contains("not reloaded");
        wait_until(refused).await;
        let stderr = std::fs::read_to_string(&log).unwrap();
        assert!(stderr.contains("passport-application") && stderr.contains("aliases.zh-CN[0]"), "{stderr}");
        assert!(!stderr.contains('\u{200d}'), "{stderr:?}");
        assert_eq!(get_catalog(&url).await, before, "the served catalogue changed");
    }
}

/// A server process that ends with its test, passed or failed.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn get_catalog(url: &str) -> String {
    reqwest::get(format!("{url}/api/v1/catalog")).await.unwrap().text().await.unwrap()
}

#[test]
fn an_offline_copy_is_cleaned_when_read() {
    let mut catalog = common::demo_catalog();
    let name = catalog.categories[0].name.0.get_mut(&Lang::EnUs).unwrap();
    *name = format!("\u{1b}]0;pwned\u{7}\u{202e}{name}\u{200b}\u{2028}");
    let json = serde_json::to_vec(&catalog).unwrap();
    let read = Catalog::from_untrusted_json(&json).unwrap();
    let shown = read.categories[0].name.get(Lang::EnUs);
    assert_eq!(shown, "]0;pwnedHousehold registration and ID ");
}

/// What a terminal receives: the bytes, and the screen they make.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<(Vec<u8>, Option<vt100::Parser>)>>);

impl Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut inner = self.0.lock().unwrap();
        inner.0.extend_from_slice(buf);
        inner.1.get_or_insert_with(|| vt100::Parser::new(24, 80, 0)).process(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Recorder {
    fn screen(&self) -> String {
        self.0.lock().unwrap().1.as_ref().map(|p| p.screen().contents()).unwrap_or_default()
    }
    fn bytes(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap().0).into_owned()
    }
}

/// The real session loop, offline, starting from a cache file on disk whose
/// first category's English name hides a title-setting escape and bidi and
/// zero-width characters: the screen shows the name, the terminal receives
/// none of them.
#[tokio::test]
async fn the_kiosk_offline_shows_no_escape_from_its_cache_file() {
    let data = tempfile::tempdir().unwrap();
    let cache = data.path().join("catalog-cache.json");
    let mut catalog = common::demo_catalog();
    let name = catalog.categories[0].name.0.get_mut(&Lang::EnUs).unwrap();
    *name = format!("\u{1b}]0;pwned\u{7}{name}\u{202e}\u{200b}");
    std::fs::write(&cache, serde_json::to_vec(&catalog).unwrap()).unwrap();

    let recorder = Recorder::default();
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(recorder.clone()), TerminalOptions { viewport })
            .unwrap();
    let config = SessionConfig { kiosk: "offline".into(), lang: Lang::EnUs, ..SessionConfig::default() };
    let mut setup =
        SessionSetup::new(config, Theme::standard(), ApiClient::new(&closed_port(), Duration::from_secs(2)));
    setup.catalog_cache = Some(cache);
    let (keys, rx) = tokio::sync::mpsc::unbounded_channel::<Msg>();
    let input = Box::pin(stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
    tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });

    wait_until(|| recorder.screen().contains("Household registration and ID")).await;
    let bytes = recorder.bytes();
    for hidden in ["\u{1b}]", "\u{7}", "\u{202e}", "\u{200b}"] {
        assert!(!bytes.contains(hidden), "the terminal received {hidden:?}");
    }
    drop(keys);
}

/// A loopback address where nothing listens: the kiosk is offline.
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    format!("http://{}", listener.local_addr().unwrap())
}

async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("waited five seconds in vain");
}
