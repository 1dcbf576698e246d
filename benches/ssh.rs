//! The kiosk over SSH: sessions held at once by `onestop ssh` (release build,
//! its own process), the memory each extra session costs, keystroke-to-frame
//! latency over loopback, and bytes sent per navigation key and per full
//! screen at 120×40. Goals: ≥100 sessions, ≤2 MB each, p99 ≤20 ms, ≤300 bytes.
//! Then one session is flooded with typing (16 MiB, or 30 s: it takes keys
//! at its own pace): the server's memory while it lasts (goal: a few MB
//! more, never the flood's size) and the other sessions' keystrokes meanwhile.
//!
//! Run: cargo bench --bench ssh

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use russh::{ChannelMsg, client};

const SESSIONS: usize = 100;
const FLOOD: usize = 16 << 20;
const FLOOD_TIME: Duration = Duration::from_secs(30);

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;
    async fn check_server_key(
        &mut self,
        _: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

struct Tty {
    _handle: client::Handle<Client>,
    channel: russh::Channel<client::Msg>,
}

impl Tty {
    async fn open(port: u16) -> Tty {
        let config = Arc::new(client::Config::default());
        let mut handle = client::connect(config, ("127.0.0.1", port), Client).await.unwrap();
        assert!(handle.authenticate_none("bench").await.unwrap().success());
        let channel = handle.channel_open_session().await.unwrap();
        channel.request_pty(false, "xterm-256color", 120, 40, 0, 0, &[]).await.unwrap();
        channel.set_env(false, "LANG", "zh_CN.UTF-8").await.unwrap();
        channel.request_shell(false).await.unwrap();
        Tty { _handle: handle, channel }
    }

    /// Bytes received until the line has been quiet for `quiet`.
    async fn read_until_quiet(&mut self, quiet: Duration) -> usize {
        let mut total = 0;
        while let Ok(Some(msg)) = tokio::time::timeout(quiet, self.channel.wait()).await {
            if let ChannelMsg::Data { data } = msg {
                total += data.len();
            }
        }
        total
    }

    /// Sends `key`; the time to the first bytes of the answer, and its size.
    async fn key(&mut self, key: &[u8]) -> (Duration, usize) {
        let start = Instant::now();
        self.channel.data(key).await.unwrap();
        loop {
            match self.channel.wait().await {
                Some(ChannelMsg::Data { data }) => {
                    let first = start.elapsed();
                    let rest = self.read_until_quiet(Duration::from_millis(30)).await;
                    return (first, data.len() + rest);
                }
                Some(_) => {}
                None => panic!("session closed"),
            }
        }
    }
}

fn rss_kib(pid: u32) -> u64 {
    status_kib(pid, "VmRSS:")
}

fn status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .unwrap()
        .trim()
        .trim_end_matches(" kB")
        .parse()
        .unwrap()
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_onestop"))
        .args(["--data-dir", dir.path().to_str().unwrap(), "ssh", "--listen", "127.0.0.1:0"])
        .env("ONESTOP__SSH__MAX_SESSIONS", "500")
        .env("ONESTOP__SSH__CONNECTIONS_PER_MINUTE", "1000")
        .env("ONESTOP__LOG__LEVEL", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let port: u16 = lines
        .find_map(|l| {
            l.ok()?
                .strip_prefix("onestop ssh listening on ")
                .map(|a| a.rsplit(':').next().unwrap().parse().unwrap())
        })
        .expect("the server says where it listens");

    let mut first = Tty::open(port).await;
    let full_screen = first.read_until_quiet(Duration::from_millis(500)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let base = rss_kib(server.id());
    let mut ttys = vec![first];
    for _ in 1..SESSIONS {
        let mut t = Tty::open(port).await;
        t.read_until_quiet(Duration::from_millis(200)).await;
        ttys.push(t);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let all = rss_kib(server.id());
    println!(
        "{SESSIONS} sessions held at once; server RSS {:.1} MB with 1, {:.1} MB with {SESSIONS}: {:.2} MB per extra session",
        base as f64 / 1024.0,
        all as f64 / 1024.0,
        (all - base) as f64 / 1024.0 / (SESSIONS - 1) as f64
    );
    println!("bytes for the first full screen at 120×40 (with the terminal set-up): {full_screen}");

    let mut latencies = vec![];
    let mut sizes = vec![];
    for round in 0..400 {
        let tty = &mut ttys[round % SESSIONS];
        let key: &[u8] = if (round / SESSIONS).is_multiple_of(2) { b"\x1b[B" } else { b"\x1b[A" };
        let (latency, bytes) = tty.key(key).await;
        latencies.push(latency.as_secs_f64() * 1e3);
        sizes.push(bytes);
    }
    latencies.sort_by(f64::total_cmp);
    sizes.sort_unstable();
    let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
    println!(
        "keystroke to first frame byte over loopback, {} keys across {SESSIONS} live sessions: p50 {:.2} ms, p99 {:.2} ms",
        latencies.len(),
        pct(0.5),
        pct(0.99)
    );
    println!(
        "bytes per navigation keystroke: median {}, max {}",
        sizes[sizes.len() / 2],
        sizes[sizes.len() - 1]
    );
    flood(port, server.id(), &mut ttys).await;
    let _ = server.kill();
    let _ = server.wait();
}

/// One more session typed into as fast as SSH lets the client: how much it
/// took, the server's memory meanwhile, and keystrokes in the others.
async fn flood(port: u16, pid: u32, ttys: &mut [Tty]) {
    let Tty { _handle: handle, channel } = Tty::open(port).await;
    let (mut output, input) = channel.split();
    tokio::spawn(async move { while output.wait().await.is_some() {} });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = rss_kib(pid);
    let typed = Arc::new(AtomicUsize::new(0));
    let count = typed.clone();
    let start = Instant::now();
    let typing = tokio::spawn(async move {
        let chunk = vec![b'z'; 32 << 10];
        while count.load(Ordering::Relaxed) < FLOOD && start.elapsed() < FLOOD_TIME {
            input.data(&chunk[..]).await.unwrap();
            count.fetch_add(chunk.len(), Ordering::Relaxed);
        }
    });
    let (mut most, mut latencies) = (before, vec![]);
    for round in 0..200 {
        let key: &[u8] = if (round / ttys.len()).is_multiple_of(2) { b"\x1b[B" } else { b"\x1b[A" };
        let n = ttys.len();
        latencies.push(ttys[round % n].key(key).await.0.as_secs_f64() * 1e3);
        most = most.max(rss_kib(pid));
    }
    while !typing.is_finished() {
        most = most.max(rss_kib(pid));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (secs, mib) =
        (start.elapsed().as_secs_f64(), typed.load(Ordering::Relaxed) as f64 / f64::from(1 << 20));
    latencies.sort_by(f64::total_cmp);
    let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
    println!(
        "flood: {mib:.1} MiB typed into one session in {secs:.1} s ({:.2} MiB/s, its own pace); server RSS {:.1} MB before, at most {:.1} MB during it (peak ever {:.1} MB)",
        mib / secs,
        before as f64 / 1024.0,
        most as f64 / 1024.0,
        status_kib(pid, "VmHWM:") as f64 / 1024.0
    );
    println!(
        "keystroke in the other sessions during the flood, {} keys: p50 {:.2} ms, p99 {:.2} ms",
        latencies.len(),
        pct(0.5),
        pct(0.99)
    );
    drop(handle);
}
