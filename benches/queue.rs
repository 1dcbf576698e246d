//! The hall visit's figures (issue 16), every request over real HTTP on
//! loopback to servers started in-process, SQLite beside PostgreSQL:
//!
//! 1. Tickets issued per second (取号): 64 concurrent kiosks taking walk-in
//!    numbers at Binjiang, spread over its 11 queues (the demo catalogue,
//!    copied with every cap at 999 so no run meets a cap). After each run
//!    the database itself is asked whether every number was given once and
//!    the numbers of each queue run 1..n without a gap. PostgreSQL as the
//!    tests' harness runs it (`fsync=off`), then restarted with `fsync=on`
//!    (like SQLite's `synchronous=FULL`, which the store uses for tickets);
//!    with fsync=on also 2 servers on one database.
//! 2. From "call next" at a window to the `called` event at each of 500
//!    Server-Sent Events subscribers of the hall: the time from sending the
//!    window's request to each subscriber reading the event, p50 and p99
//!    over all subscribers and calls, and the p50 of the slowest
//!    subscriber per call. On PostgreSQL the event travels through
//!    `pg_notify` and the server's one LISTEN connection; also with the
//!    500 subscribed at a second server.
//!
//! Each figure is measured in 2 rounds with the engines interleaved, and
//! the best kept: the machine's other load only ever slows a run down.
//!
//! Run: cargo bench --bench queue   (needs `apt-get install postgresql`)
//!
//! Measured 2026-12-02 on the shared 2-core machine (servers, clients and
//! PostgreSQL on those 2 cores, other engineers' builds running, load 3–4):
//! read the shapes, not the absolute numbers. Two runs, best of 2 rounds:
//!
//! | figure                                   | SQLite  | PostgreSQL |
//! |------------------------------------------|--------:|-----------:|
//! | tickets/s, PG fsync=off, 1 server        | 106–109 |    219–228 |
//! | tickets/s, PG fsync=on, 1 server         | 106–109 |    194–258 |
//! | tickets/s, PG fsync=on, 2 servers        | 106–109 |    174–242 |
//! | the day's first 1,000 tickets, /s        | 348–366 |    449–587 |
//! | the day's last 1,000 (of 4,000), /s      |      67 |    116–168 |
//! | call → `called`, p50 ms, 500 subscribers | 5.1–8.6 |    6.6–6.8 |
//! | call → `called`, p99 ms                  |  14–28  |      19–22 |
//! | slowest subscriber per call, p50 ms      | 6.4–11  |    8.0–9.4 |
//! | PG, 500 subscribers at a 2nd server: p50 / p99 ms | | 7.2–8.9 / 23–24 |
//!
//! What they say: issuing slows as the day fills (5x from the first
//! thousand to the fourth, on both engines): each answer reads the hall's
//! whole day (`queue::tickets::issue_ticket` loads the board to say how
//! many are ahead), so a ticket costs O(tickets today). A busy hall gives
//! 1,000–2,000 numbers a day, where this is still 100–350 a second; a
//! province of halls on one PostgreSQL database is more. Events reach 500
//! phones in about 10 ms, through pg_notify to a second server too.

use std::{
    collections::BTreeMap,
    path::Path,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Instant,
};

use onestop::server::{self, Database, ServerOptions, clock::ManualClock};
use serde_json::{Value, json};
use sqlx::{AssertSqlSafe, PgPool};

#[path = "../tests/common/postgres.rs"]
mod postgres;

#[path = "queue/sse.rs"]
mod sse;

const KIOSKS: usize = 64;
const TICKETS: usize = 4_000;
const ROUNDS: usize = 2;
/// Monday 30 November 2026, 10:00 in Shanghai: Binjiang gives numbers.
const NOW: &str = "2026-11-30T02:00:00Z";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The demo catalogue with every queue's cap at 999.
fn catalogue(dir: &Path) {
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), dir);
    let path = dir.join("queues.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let capped: Vec<String> = text
        .lines()
        .map(|l| if l.starts_with("daily_cap = ") { "daily_cap = 999".to_owned() } else { l.to_owned() })
        .collect();
    std::fs::write(path, capped.join("\n") + "\n").unwrap();
}

/// `servers` servers on one database, one manual clock, the big catalogue.
pub async fn start(database: &Database, servers: usize, catalog: &Path) -> Vec<String> {
    let clock = Arc::new(ManualClock::new(NOW.parse().unwrap()));
    let mut urls = vec![];
    for _ in 0..servers {
        let opts = ServerOptions {
            clock: clock.clone(),
            catalog_dir: Some(catalog.to_owned()),
            ..ServerOptions::new(database.clone())
        };
        urls.push(server::start(&opts, "127.0.0.1:0").await.unwrap().url());
    }
    urls
}

/// One service of each of Binjiang's queues.
async fn services(http: &reqwest::Client, url: &str) -> Vec<String> {
    let state: Value =
        http.get(format!("{url}/api/v1/halls/binjiang/queues")).send().await.unwrap().json().await.unwrap();
    state["queues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["services"][0].as_str().unwrap().to_owned())
        .collect()
}

/// Tickets a second over `servers` (kiosk `k` asks server `k % n`); then
/// the database says whether each queue's numbers run 1..n, once each.
async fn tickets(
    http: &reqwest::Client,
    database: &Database,
    servers: usize,
    catalog: &Path,
    label: &str,
) -> f64 {
    let urls = Arc::new(start(database, servers, catalog).await);
    let services = Arc::new(services(http, &urls[0]).await);
    let next = Arc::new(AtomicUsize::new(0));
    let began = Instant::now();
    let kiosks: Vec<_> = (0..KIOSKS)
        .map(|k| {
            let (http, urls, services, next) = (http.clone(), urls.clone(), services.clone(), next.clone());
            tokio::spawn(async move {
                let url = format!("{}/api/v1/halls/binjiang/tickets", urls[k % urls.len()]);
                let mut done = vec![];
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= TICKETS {
                        return done;
                    }
                    let body = json!({ "service": services[n % services.len()] });
                    let resp = http.post(&url).json(&body).send().await.unwrap();
                    assert_eq!(resp.status(), reqwest::StatusCode::CREATED, "{}", resp.text().await.unwrap());
                    done.push(began.elapsed().as_secs_f64());
                }
            })
        })
        .collect();
    let mut done = vec![];
    for k in kiosks {
        done.extend(k.await.unwrap());
    }
    let rate = TICKETS as f64 / began.elapsed().as_secs_f64();
    // The day's first and last thousand: each answer reads the whole day.
    done.sort_by(f64::total_cmp);
    let first = 1000.0 / done[999];
    let last = 1000.0 / (done[TICKETS - 1] - done[TICKETS - 1001]);
    let per_queue = stored_numbers(database).await;
    let total: usize = per_queue.values().map(Vec::len).sum();
    assert_eq!(total, TICKETS, "{label}: every ticket stored once");
    for (queue, numbers) in &per_queue {
        let expected: Vec<i64> = (1..=numbers.len() as i64).collect();
        assert_eq!(numbers, &expected, "{label}: queue {queue} numbered 1..n without a gap or a repeat");
    }
    println!(
        "  {label:<32} {rate:>8.0} tickets/s (the day's first 1,000: {first:.0}/s, last 1,000: {last:.0}/s)"
    );
    rate
}

/// Each queue's sequence numbers as stored, sorted.
async fn stored_numbers(database: &Database) -> BTreeMap<String, Vec<i64>> {
    let sql = "SELECT number FROM tickets WHERE hall = 'binjiang'";
    let numbers: Vec<String> = match database {
        Database::Sqlite(path) => {
            let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display())).await.unwrap();
            sqlx::query_scalar(sql).fetch_all(&pool).await.unwrap()
        }
        Database::Postgres(url) => {
            let pool = PgPool::connect(url).await.unwrap();
            sqlx::query_scalar(sql).fetch_all(&pool).await.unwrap()
        }
    };
    let mut per_queue: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for n in numbers {
        per_queue.entry(n[..1].to_owned()).or_default().push(n[1..].parse().unwrap());
    }
    per_queue.values_mut().for_each(|v| v.sort());
    per_queue
}

/// Restarts the harness's cluster with `fsync=on` (see `benches/province.rs`).
async fn durable_postgres(url: &str) {
    let pool = PgPool::connect(url).await.unwrap();
    let show = async |name: &'static str| -> String {
        sqlx::query_scalar(AssertSqlSafe(format!("SHOW {name}"))).fetch_one(&pool).await.unwrap()
    };
    let (data, port, sockets) =
        (show("data_directory").await, show("port").await, show("unix_socket_directories").await);
    pool.close().await;
    let opts = std::fs::read_to_string(format!("{data}/postmaster.opts")).unwrap();
    let pg_ctl = Path::new(opts.split_whitespace().next().unwrap()).with_file_name("pg_ctl");
    let options =
        format!("-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300");
    let root = std::fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0);
    let mut cmd = if root.unwrap_or(false) {
        let mut c = std::process::Command::new("runuser");
        c.args(["-u", "nobody", "--"]).arg(&pg_ctl);
        c
    } else {
        std::process::Command::new(&pg_ctl)
    };
    let out = cmd
        .args(["restart", "-w", "-m", "fast", "-D", &data, "-l", &format!("{data}/../log"), "-o", &options])
        .output()
        .unwrap();
    assert!(out.status.success(), "pg_ctl restart: {}", String::from_utf8_lossy(&out.stderr));
}

fn best(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::MIN, f64::max)
}

fn least(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::MAX, f64::min)
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("catalogue");
    catalogue(&catalog);
    let http = reqwest::Client::builder().pool_max_idle_per_host(KIOSKS).build().unwrap();
    let sqlite = |name: String| Database::Sqlite(dir.path().join(name));
    let pg = || Database::Postgres(postgres::cluster().database());

    println!("— tickets issued, {KIOSKS} kiosks, {TICKETS} tickets a run; PostgreSQL fsync=off —");
    let mut issued: [Vec<f64>; 5] = Default::default();
    for r in 0..ROUNDS {
        issued[0].push(tickets(&http, &sqlite(format!("t-{r}.db")), 1, &catalog, "SQLite, 1 server").await);
        issued[1].push(tickets(&http, &pg(), 1, &catalog, "PostgreSQL fsync=off, 1 server").await);
    }

    println!("— call next → `called` at {} subscribers —", sse::SUBSCRIBERS);
    let mut calls: [Vec<sse::Figures>; 3] = Default::default();
    for r in 0..ROUNDS {
        let url = start(&sqlite(format!("sse-{r}.db")), 1, &catalog).await.remove(0);
        calls[0].push(sse::run(&url, &url, "SQLite").await);
        let url = start(&pg(), 1, &catalog).await.remove(0);
        calls[1].push(sse::run(&url, &url, "PostgreSQL, 1 server").await);
        let urls = start(&pg(), 2, &catalog).await;
        calls[2].push(sse::run(&urls[0], &urls[1], "PostgreSQL, subscribers at a 2nd server").await);
    }

    println!("— tickets issued again, PostgreSQL restarted with fsync=on —");
    durable_postgres(&postgres::cluster().database()).await;
    for _ in 0..ROUNDS {
        issued[2].push(tickets(&http, &pg(), 1, &catalog, "PostgreSQL fsync=on, 1 server").await);
        issued[3].push(tickets(&http, &pg(), 2, &catalog, "PostgreSQL fsync=on, 2 servers").await);
    }

    println!("\n| figure (best of {ROUNDS}) | SQLite | PostgreSQL |");
    println!("|---|---:|---:|");
    println!("| tickets/s, PG fsync=off, 1 server | {:.0} | {:.0} |", best(&issued[0]), best(&issued[1]));
    println!("| tickets/s, PG fsync=on, 1 server | {:.0} | {:.0} |", best(&issued[0]), best(&issued[2]));
    println!("| tickets/s, PG fsync=on, 2 servers | {:.0} | {:.0} |", best(&issued[0]), best(&issued[3]));
    let fig = |i: usize, f: fn(&sse::Figures) -> f64| least(&calls[i].iter().map(f).collect::<Vec<_>>());
    for (name, f) in [
        ("call → event p50 ms", (|x: &sse::Figures| x.p50) as fn(&sse::Figures) -> f64),
        ("call → event p99 ms", |x| x.p99),
        ("call → last subscriber, p50 ms", |x| x.last_p50),
    ] {
        println!("| {name} | {:.2} | {:.2} (2nd server: {:.2}) |", fig(0, f), fig(1, f), fig(2, f));
    }
}
