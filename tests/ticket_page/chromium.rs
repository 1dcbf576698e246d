//! The ticket's page in headless Chromium (Debian's `chromium`, as
//! `tests/phone_pages.rs` uses it): the DOM it built, under the pages'
//! Content-Security-Policy, held to the phone pages' accessibility rules.
// Each test file that includes this uses what it needs.
#![allow(dead_code)]

use std::{
    io::{Read, Write},
    path::PathBuf,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

/// Debian's chromium, or a loud failure: never a skip.
fn chromium() -> PathBuf {
    let paths = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&paths).map(|dir| dir.join("chromium")).find(|p| p.is_file()).expect(
        "chromium is not installed, and this test needs it to load the ticket page: apt-get install chromium",
    )
}

/// Loads `url`: the DOM, and what the console said (CSP violations go there).
pub fn load(url: &str) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .args(["--enable-logging=stderr", "--v=0", "--window-size=360,1400", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("chromium took over a minute on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// `html` served under a policy that forbids its style: the control that
/// shows a violation would be reported where `check` looks for one.
pub fn serve_forbidding_style(html: String) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().map_while(Result::ok) {
            let _ = stream.read(&mut [0; 4096]);
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\n\
                 content-security-policy: default-src 'none'; style-src 'none'\r\n\
                 content-length: {}\r\nconnection: close\r\n\r\n",
                html.len()
            );
            let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(html.as_bytes()));
        }
    });
    url
}

/// Loads the ticket page at `url`: it shows `heading` as its one `h1` and
/// `line`, in a live region, and passes `check_page`. The DOM.
pub fn check(url: &str, heading: &str, line: &str) -> String {
    let dom = check_page(url, "en-US", &format!("<h1 class=\"number\">{heading}</h1>"), heading);
    let status = dom.split("<div role=\"status\">").nth(1).expect("a live region for the news");
    assert!(status.split("</div>").next().unwrap().contains(line), "{line:?} is announced: {dom}");
    dom
}

/// Loads a phone page at `url` and holds it to the phone pages'
/// accessibility rules: its language is declared (`lang`), its content is
/// its `main` landmark, one heading
/// names it (`h1`, as written) and so does its title, every link has
/// words, every form control a label, and nothing breaks the page's
/// policy (a control under a policy forbidding the style shows that a
/// violation would be seen). The DOM.
pub fn check_page(url: &str, lang: &str, h1: &str, title: &str) -> String {
    let (dom, console) = load(url);
    assert!(!console.contains("Content Security Policy"), "{url}: {console}");
    assert!(dom.contains(&format!("<html lang=\"{lang}\">")), "the page's language: {dom}");
    assert_eq!(dom.matches("<main>").count(), 1, "the page's content is its main landmark: {dom}");
    assert!(dom.contains(h1), "{h1}: {dom}");
    assert_eq!(dom.matches("<h1").count(), 1, "one heading names the page: {dom}");
    for link in dom.split("<a ").skip(1) {
        let words = link.split('>').nth(1).unwrap_or_default().split("</a").next().unwrap_or_default();
        assert!(!words.trim().is_empty(), "a link without words: <a {link}");
    }
    for control in ["<input", "<textarea", "<select"] {
        for (at, _) in dom.match_indices(control) {
            let before = &dom[..at];
            let in_label = before
                .rfind("<label")
                .is_some_and(|open| before.rfind("</label>").is_none_or(|close| close < open));
            let tag = &dom[at..at + dom[at..].find('>').unwrap()];
            let by_for = tag
                .split(" id=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .is_some_and(|id| dom.contains(&format!("<label for=\"{id}\">")));
            assert!(in_label || by_for, "a form control without a label: {tag}");
        }
    }
    let found = dom.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap_or_default();
    assert_eq!(found, title, "the title says what the page is");

    let control = serve_forbidding_style(dom.clone());
    let (_, console) = load(&control);
    assert!(console.contains("Content Security Policy"), "the control's violation is reported: {console}");
    dom
}
