//! The confirmation code heard through a real terminal screen reader
//! (tdsr2, from PyPI, in its own pty, its speech written to a file): a
//! booking made in screen-reader mode must end with the code spelled
//! character by character, in its two groups, not read as a word and a
//! number ("zanr", "nine hundred and eighteen").

mod common;

use std::time::{Duration, Instant};

use common::personal_key;
use common::pty::Kiosk;

/// The lines tdsr spoke (its speech protocol: `s<text>` says a text).
fn spoken(file: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines().filter_map(|l| l.strip_prefix('s')).map(str::to_owned).collect()
}

/// Waits until tdsr has said something containing `words`; that line.
fn hear(file: &std::path::Path, words: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(line) = spoken(file).into_iter().find(|l| l.contains(words)) {
            return line;
        }
        assert!(
            Instant::now() < deadline,
            "tdsr never said {words:?}; it said:\n{}",
            spoken(file).join("\n")
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `Z A N R, 9 1 8 G`: two groups of four single characters.
fn is_spelled(code: &str) -> bool {
    let groups: Vec<&str> = code.split(", ").collect();
    groups.len() == 2
        && groups.iter().all(|g| {
            let chars: Vec<&str> = g.split(' ').collect();
            chars.len() == 4
                && chars.iter().all(|c| c.len() == 1 && c.bytes().all(|b| b.is_ascii_alphanumeric()))
        })
}

#[test]
fn the_confirmation_code_is_spelled_to_a_screen_reader() {
    let tdsr = which("tdsr").unwrap_or_else(|| {
        panic!("tdsr2 is not installed: `pip install tdsr2==0.2.1 pyte setproctitle` (the screen reader this test listens through)")
    });
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let speech = home.path().join("spoken.txt");
    std::fs::create_dir_all(home.path().join(".config/tdsr")).unwrap();
    // As in screen_reader.rs: tdsr's own terminal in raw mode first, and the
    // kiosk a moment after tdsr has copied its settings to the kiosk's pty.
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
    hear(&speech, "Binjiang Citizen Service Centre"); // the catalogue is here
    k.send(&personal_key()); // 个人办事, after the two visit items
    k.wait_for("Choose a category");
    k.send("1");
    k.wait_for("Replacement");
    k.send("\r");
    k.wait_for("Required materials");
    k.send("\r");
    k.wait_for("Which hall");
    k.send("1");
    k.wait_for("Choose a date");
    let day = k.first_open_day();
    k.send(&day);
    k.wait_for("Choose a time");
    k.send("1");
    k.wait_for("Your details");
    k.send("Li Wei\t13812345678\t\t11010519491231002X\r");
    k.wait_for("Check your answers");
    k.send("\r"); // Confirm
    let line = hear(&speech, "Confirmation code: ");
    // tdsr reads the new screen as one text: the code is the 16 characters
    // after its label ("Z A N R, 9 1 8 G").
    let code: String = line.split("Confirmation code: ").nth(1).unwrap().chars().take(16).collect();
    let code = code.as_str();
    assert!(is_spelled(code), "the code is not spelled: {line:?}");
    // The screen shows the same spelling: what is read is what is written.
    assert!(k.screen().contains(code), "{}", k.screen());
    drop(k);
}

fn which(program: &str) -> Option<String> {
    let out =
        std::process::Command::new("sh").args(["-c", &format!("command -v {program}")]).output().ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (!path.is_empty()).then_some(path)
}
