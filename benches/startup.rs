//! Cold start to the first full frame with the embedded backend (fresh data
//! directory, so the SQLite file is created and seeded), and the process's
//! peak RSS. Goals: ≤150 ms, ≤30 MB. Needs Linux (/proc).
//!
//! Run: cargo bench --bench startup

#[path = "../tests/common/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
}

fn main() {
    let runs = 10;
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    let mut rss = Vec::new();
    for i in 0..runs * 2 {
        // Even runs: a new data directory (first start, seeds the store).
        // Odd runs: the same directory again (the store is already seeded).
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_str().unwrap().to_owned();
        for (round, times) in [(0, &mut cold), (1, &mut warm)] {
            if i % 2 != round {
                continue;
            }
            if round == 1 {
                // Seed once, untimed.
                let mut k = pty::Kiosk::start(&["--data-dir", &path], &[], 120, 40);
                k.wait_for("户籍与身份证");
                k.send("q");
                k.wait_exit();
            }
            let start = Instant::now();
            let mut k = pty::Kiosk::start(&["--data-dir", &path], &[], 120, 40);
            // The full first frame: Welcome with the categories of the catalogue.
            while !k.screen().contains("户籍与身份证") {
                assert!(start.elapsed() < Duration::from_secs(20), "no first frame");
                std::thread::sleep(Duration::from_micros(200));
            }
            times.push(start.elapsed().as_secs_f64() * 1e3);
            if let Some(kib) = k.child.process_id().and_then(peak_rss_kib) {
                rss.push(kib);
            }
            k.send("q");
            k.wait_exit();
        }
    }
    cold.sort_by(f64::total_cmp);
    warm.sort_by(f64::total_cmp);
    rss.sort_unstable();
    println!(
        "start to first full frame, new data dir: median {:.0} ms (min {:.0}, max {:.0})",
        cold[runs / 2],
        cold[0],
        cold[runs - 1]
    );
    println!(
        "start to first full frame, seeded data dir: median {:.0} ms (min {:.0}, max {:.0})",
        warm[runs / 2],
        warm[0],
        warm[runs - 1]
    );
    println!(
        "peak RSS: median {:.1} MB, max {:.1} MB",
        rss[rss.len() / 2] as f64 / 1024.0,
        rss[rss.len() - 1] as f64 / 1024.0
    );
}
