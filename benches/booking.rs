//! Confirmed bookings per second over real HTTP on loopback, on SQLite, with
//! 128 concurrent clients (each booking = a hold and its confirmation), and
//! a check afterwards that no slot holds more than its capacity. For scale,
//! the raw rate of durable single-row SQLite transactions on the same disk.
//! Goal: ≥1,000 bookings/s.
//!
//! Run: cargo bench --bench booking

use std::{
    sync::{Arc, Mutex},
    time::Instant,
};

use onestop::domain::{Catalog, Days, Hold, Slots, person};
use onestop::server::{self, ServerOptions, clock::ManualClock};
use serde_json::json;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

const CLIENTS: usize = 128;
const BOOKINGS: usize = 6_000;

fn id_number(n: usize) -> String {
    let first17 =
        format!("{:06}1980{:02}{:02}{:03}", 110_000 + n / 28_000, 1 + n / 1000 % 12, 1 + n % 28, n % 1000);
    format!("{first17}{}", person::check_char(first17.as_bytes()))
}

/// A GET of the API, its JSON answer decoded.
async fn get<T: serde::de::DeserializeOwned>(http: &reqwest::Client, url: String) -> T {
    http.get(url).send().await.unwrap().json().await.unwrap()
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new("2026-11-30T00:00:00Z".parse().unwrap()));
    let db = dir.path().join("onestop.db");
    let url = server::start(&ServerOptions { clock, ..ServerOptions::new(db.clone()) }, "127.0.0.1:0")
        .await
        .unwrap()
        .url();
    let http = reqwest::Client::builder().pool_max_idle_per_host(CLIENTS).build().unwrap();

    // Every place on offer, one entry per place (untimed).
    let catalog: Catalog = get(&http, format!("{url}/api/v1/catalog")).await;
    let mut places = vec![];
    'outer: for s in &catalog.services {
        for hall in &s.halls {
            let days: Days = get(&http, format!("{url}/api/v1/halls/{hall}/days?service={}", s.id)).await;
            for day in days.days.iter().filter(|d| d.open) {
                let slots: Slots =
                    get(&http, format!("{url}/api/v1/halls/{hall}/slots?service={}&date={}", s.id, day.date))
                        .await;
                for slot in slots.slots {
                    for _ in 0..slot.remaining {
                        places.push((hall.clone(), s.id.clone(), slot.start.clone()));
                    }
                }
                if places.len() >= BOOKINGS {
                    break 'outer;
                }
            }
        }
    }
    places.truncate(BOOKINGS);
    let total = places.len();
    let queue = Arc::new(Mutex::new(places.into_iter().enumerate().collect::<Vec<_>>()));

    let start = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (queue, http, url) = (queue.clone(), http.clone(), url.clone());
            tokio::spawn(async move {
                let mut booked = 0usize;
                loop {
                    let Some((n, (hall, service, start))) = queue.lock().unwrap().pop() else {
                        return booked;
                    };
                    let hold: Hold = http
                        .post(format!("{url}/api/v1/holds"))
                        .json(&json!({ "hall": hall, "service": service, "start": start }))
                        .send()
                        .await
                        .unwrap()
                        .json()
                        .await
                        .expect("a place was free");
                    let body = json!({ "hold": hold.id, "name": "测试", "phone": format!("139{n:08}"),
                                       "id_kind": "resident_id", "id_number": id_number(n) });
                    let resp = http
                        .post(format!("{url}/api/v1/bookings"))
                        .header("Idempotency-Key", format!("bench-{n:08}"))
                        .json(&body)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
                    booked += 1;
                }
            })
        })
        .collect();
    let mut booked = 0;
    for w in workers {
        booked += w.await.unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{booked} of {total} bookings by {CLIENTS} clients in {secs:.2} s: {:.0} confirmed bookings/s",
        booked as f64 / secs
    );

    // No slot holds more than its capacity.
    let pool =
        SqlitePoolOptions::new().connect_with(SqliteConnectOptions::new().filename(&db)).await.unwrap();
    let (over,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM (SELECT s.capacity, COUNT(b.code) AS n FROM slots s JOIN bookings b \
         ON b.hall = s.hall AND b.service = s.service AND b.start_utc = s.start_utc AND b.status = 'active' \
         GROUP BY s.hall, s.service, s.start_utc HAVING COUNT(b.code) > s.capacity)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM bookings").fetch_one(&pool).await.unwrap();
    println!("after the run: {rows} bookings stored, {over} slots over capacity");
    assert_eq!((over, rows as usize), (0, booked));

    // The floor: one durable transaction per row, one writer.
    for (label, sync) in
        [("synchronous=FULL", SqliteSynchronous::Full), ("synchronous=NORMAL", SqliteSynchronous::Normal)]
    {
        let file = dir.path().join(format!("raw-{label}.db"));
        let opts = SqliteConnectOptions::new()
            .filename(&file)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(sync);
        let pool = SqlitePoolOptions::new().max_connections(1).connect_with(opts).await.unwrap();
        sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)").execute(&pool).await.unwrap();
        let n = 3000;
        let start = Instant::now();
        for i in 0..n {
            sqlx::query("INSERT INTO t (v) VALUES ($1)")
                .bind(format!("row {i}"))
                .execute(&pool)
                .await
                .unwrap();
        }
        let rate = n as f64 / start.elapsed().as_secs_f64();
        println!("raw SQLite single-row transactions, WAL, {label}: {rate:.0}/s");
    }
}
