//! Screen-reader mode heard through a real terminal screen reader: tdsr2
//! (from PyPI) runs the real kiosk in its own pty and hands what it would
//! say to a speech command, here one that writes it to a file. A scripted
//! booking must be spoken as sentences, words intact.

mod common;

use std::time::{Duration, Instant};

use common::personal_key;
use common::pty::Kiosk;

/// The lines tdsr spoke (its speech protocol: `s<text>` says a text).
fn spoken(file: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines().filter_map(|l| l.strip_prefix('s')).map(str::to_owned).collect()
}

/// Waits until tdsr has said something containing `words`.
fn hear(file: &std::path::Path, words: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let said = spoken(file);
        if said.iter().any(|l| l.contains(words)) {
            return said;
        }
        assert!(Instant::now() < deadline, "tdsr never said {words:?}; it said:\n{}", said.join("\n"));
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_booking_is_spoken_in_whole_words() {
    let tdsr = which("tdsr").unwrap_or_else(|| {
        panic!("tdsr2 is not installed: `pip install tdsr2==0.2.1 pyte setproctitle` (the screen reader these tests listen through)")
    });
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let speech = home.path().join("spoken.txt");
    // tdsr writes its settings there on first start.
    std::fs::create_dir_all(home.path().join(".config/tdsr")).unwrap();
    // tdsr reads its own terminal as it finds it, so that terminal is put in
    // raw mode first (as a tester's terminal emulator is); and tdsr copies
    // its settings to the kiosk's pty just after starting it, which would
    // undo the kiosk's raw mode: the kiosk starts a moment later, as it does
    // over SSH, where the client sets the mode.
    let script = home.path().join("listen.sh");
    std::fs::write(
        &script,
        format!(
            "stty raw -echo\nexec {tdsr} -s \"sh -c 'cat >> {speech}'\" -- \"/bin/sh -c 'sleep 1; exec {kiosk} --data-dir {data} --lang en-US'\"\n",
            speech = speech.display(),
            kiosk = env!("CARGO_BIN_EXE_onestop"),
            data = data.path().display(),
        ),
    )
    .unwrap();
    let env = [("HOME", home.path().to_str().unwrap()), ("ONESTOP__SESSION__SCREEN_READER", "true")];
    let mut k = Kiosk::spawn("/bin/sh", &[script.to_str().unwrap()], &env, 80, 24);
    hear(&speech, "Welcome. What would you like to do?");
    hear(&speech, "Binjiang Citizen Service Centre"); // the catalogue is here
    k.send(&personal_key()); // Personal matters
    hear(&speech, "Choose a category:");
    k.send("1");
    k.wait_for("Replacement");
    k.send("\r"); // the most asked-for service's guide
    k.wait_for("Required materials");
    k.send("\r"); // book
    k.wait_for("Which hall");
    k.send("1");
    k.wait_for("Choose a date");
    let day = k.first_open_day();
    k.send(&day);
    k.wait_for("Choose a time");
    k.send("1");
    let said = hear(&speech, "Your details");
    // The name field's line says what it is: label, value and error together.
    k.send("Li Wei");
    k.send("\t13812345678\t\t");
    k.send("11010519491231002X\r");
    let said_after = hear(&speech, "Check your answers");
    let all = [said, said_after].concat().join("\n");
    for broken in ["acategory", "areboked", "Rplacemet", "When:Wed"] {
        assert!(!all.contains(broken), "words ran together ({broken}):\n{all}");
    }
    assert!(
        all.contains("Name: [Li Wei]") || all.contains("Name: [Li Wei"),
        "a field is read with its label:\n{all}"
    );
    drop(k);
}

fn which(program: &str) -> Option<String> {
    let out =
        std::process::Command::new("sh").args(["-c", &format!("command -v {program}")]).output().ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (!path.is_empty()).then_some(path)
}
