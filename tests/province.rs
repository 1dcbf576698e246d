//! A province: several servers in front of one real PostgreSQL database
//! (started by the test harness), each with its own pools, caches and
//! catalogue copy — only the database joins them.

use std::sync::Arc;

use onestop::domain::{ApiError, Booking, Catalog, Hold, Slots};
use onestop::server::{self, Database, ServerOptions, auth::HoldLimits, clock::ManualClock, store::Role};
use reqwest::{Client, StatusCode};
use serde_json::json;

mod common;

use common::backend::{MONDAY_8AM_SHANGHAI, id_number, phone};

/// Servers sharing one database and one clock.
struct Province {
    urls: Vec<String>,
    http: Client,
    catalog: Catalog,
    database: Database,
    clock: Arc<ManualClock>,
}

async fn province(servers: usize) -> Province {
    let database = Database::Postgres(common::postgres::cluster().database());
    let clock = Arc::new(ManualClock::new(MONDAY_8AM_SHANGHAI.parse().unwrap()));
    let mut urls = vec![];
    for _ in 0..servers {
        let opts = ServerOptions { clock: clock.clone(), ..ServerOptions::new(database.clone()) };
        urls.push(server::start(&opts, "127.0.0.1:0").await.unwrap().url());
    }
    let http = Client::new();
    let catalog = http.get(format!("{}/api/v1/catalog", urls[0])).send().await.unwrap().json().await.unwrap();
    Province { urls, http, catalog, database, clock }
}

impl Province {
    fn url(&self, n: usize) -> &str {
        &self.urls[n % self.urls.len()]
    }

    fn service_with(&self, hall: &str, capacity: u16) -> String {
        let s = self
            .catalog
            .services
            .iter()
            .find(|s| s.booking.capacity == capacity && s.halls.iter().any(|h| h == hall));
        s.expect("the demo catalogue has one").id.clone()
    }

    async fn first_slot(&self, service: &str) -> String {
        let url = format!("{}/api/v1/halls/binjiang/slots?service={service}&date=2026-11-30", self.url(0));
        let slots: Slots = self.http.get(url).send().await.unwrap().json().await.unwrap();
        slots.slots[0].start.clone()
    }

    async fn hold(&self, server: usize, service: &str, start: &str) -> Result<Hold, String> {
        let body = json!({ "hall": "binjiang", "service": service, "start": start });
        let resp =
            self.http.post(format!("{}/api/v1/holds", self.url(server))).json(&body).send().await.unwrap();
        match resp.status() {
            StatusCode::CREATED => Ok(resp.json().await.unwrap()),
            _ => Err(resp.json::<ApiError>().await.unwrap().code),
        }
    }

    async fn confirm(&self, server: usize, key: &str, hold: &str, n: u32) -> reqwest::Response {
        let body = json!({ "hold": hold, "name": "王秀英", "phone": phone(n), "id_kind": "resident_id", "id_number": id_number(n) });
        self.http
            .post(format!("{}/api/v1/bookings", self.url(server)))
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
            .await
            .unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_confirms_over_three_servers_book_exactly_the_capacity() {
    let p = Arc::new(province(3).await);
    let service = p.service_with("binjiang", 3);
    let start = p.first_slot(&service).await;
    let tasks: Vec<_> = (0..500u32)
        .map(|n| {
            let (p, service, start) = (p.clone(), service.clone(), start.clone());
            tokio::spawn(async move {
                // Held at one server, confirmed at the next.
                let hold = p.hold(n as usize, &service, &start).await?;
                let resp = p.confirm(n as usize + 1, &format!("race-{n:04}"), &hold.id, n).await;
                match resp.status() {
                    StatusCode::CREATED => Ok(resp.json::<Booking>().await.unwrap()),
                    _ => Err(resp.json::<ApiError>().await.unwrap().code),
                }
            })
        })
        .collect();
    let (mut booked, mut full) = (vec![], 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(b) => booked.push(b.code),
            Err(code) if code == "slot_full" => full += 1,
            Err(code) => panic!("unexpected answer {code}"),
        }
    }
    assert_eq!((booked.len(), full), (3, 497));
    booked.sort();
    booked.dedup();
    assert_eq!(booked.len(), 3, "three different bookings");
    // Every server sees the slot full.
    for n in 0..3 {
        let url = format!("{}/api/v1/halls/binjiang/slots?service={service}&date=2026-11-30", p.url(n));
        let slots: Slots = p.http.get(url).send().await.unwrap().json().await.unwrap();
        assert_eq!(slots.slots[0].remaining, 0);
    }
    // And the database itself.
    let Database::Postgres(url) = &p.database else { unreachable!() };
    let db = sqlx::PgPool::connect(url).await.unwrap();
    let (rows,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM bookings WHERE service = $1 AND status = 'active'")
            .bind(&service)
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(rows, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_sent_to_another_server_returns_the_same_booking() {
    let p = province(2).await;
    let service = p.service_with("binjiang", 3);
    let start = p.first_slot(&service).await;

    // Answered by the first server, retried at the second.
    let hold = p.hold(0, &service, &start).await.unwrap();
    let first = p.confirm(0, "retry-key-1", &hold.id, 1).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Booking = first.json().await.unwrap();
    let again = p.confirm(1, "retry-key-1", &hold.id, 1).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.json::<Booking>().await.unwrap().code, first.code);

    // Sent to both at the same moment: one booking, the same answer twice.
    let hold = p.hold(1, &service, &start).await.unwrap();
    let (a, b) =
        tokio::join!(p.confirm(0, "retry-key-2", &hold.id, 2), p.confirm(1, "retry-key-2", &hold.id, 2));
    assert!(a.status().is_success() && b.status().is_success(), "{} {}", a.status(), b.status());
    let (a, b): (Booking, Booking) = (a.json().await.unwrap(), b.json().await.unwrap());
    assert_eq!(a.code, b.code);

    // The same key with another person's details is refused at either server.
    let other = p.confirm(1, "retry-key-1", &hold.id, 3).await;
    assert_eq!(other.status(), StatusCode::CONFLICT);
    assert_eq!(other.json::<ApiError>().await.unwrap().code, "idempotency_conflict");
}

/// A booking bot's kiosk token spreading its holds over two servers gets
/// the allowance it would get from one: the minute's counts are the database's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hold_limits_count_across_servers() {
    let database = Database::Postgres(common::postgres::cluster().database());
    let clock = Arc::new(ManualClock::new(MONDAY_8AM_SHANGHAI.parse().unwrap()));
    let opts = ServerOptions {
        clock: clock.clone(),
        tokens_required: true,
        hold_limits: HoldLimits { per_token: 3, per_hall: 5 },
        ..ServerOptions::new(database.clone())
    };
    let servers = [
        server::start(&opts, "127.0.0.1:0").await.unwrap(),
        server::start(&opts, "127.0.0.1:0").await.unwrap(),
    ];
    let bot = servers[0].create_token(Role::Kiosk, "binjiang", "kiosk-bot").await.unwrap();
    let other = servers[1].create_token(Role::Kiosk, "binjiang", "kiosk-02").await.unwrap();
    let http = Client::new();
    let url =
        format!("{}/api/v1/halls/binjiang/slots?service=id-card-renewal&date=2026-11-30", servers[0].url());
    let slots: Slots = http.get(url).send().await.unwrap().json().await.unwrap();
    let hold = |n: usize, token: &str| {
        let req = http.post(format!("{}/api/v1/holds", servers[n % 2].url())).bearer_auth(token).json(
            &json!({ "hall": "binjiang", "service": "id-card-renewal", "start": slots.slots[n % 4].start }),
        );
        async move { req.send().await.unwrap().status() }
    };
    let mut answers = vec![];
    for n in 0..6 {
        answers.push(hold(n, &bot).await);
    }
    let created = answers.iter().filter(|s| **s == StatusCode::CREATED).count();
    assert_eq!(created, 3, "the bot's allowance over both servers together: {answers:?}");
    assert!(answers[3..].iter().all(|s| *s == StatusCode::TOO_MANY_REQUESTS), "{answers:?}");
    // The bot's refused tries used none of the hall's allowance: another
    // kiosk has the two places left of the hall's five, on either server.
    assert_eq!(hold(0, &other).await, StatusCode::CREATED);
    assert_eq!(hold(1, &other).await, StatusCode::CREATED);
    assert_eq!(hold(0, &other).await, StatusCode::TOO_MANY_REQUESTS, "the hall's cap, over both servers");
    clock.advance(jiff::SignedDuration::from_secs(60));
    assert_eq!(hold(1, &bot).await, StatusCode::CREATED, "a new minute, a new allowance");
}

async fn etag(http: &Client, url: &str) -> String {
    let resp = http.get(format!("{url}/api/v1/catalog")).send().await.unwrap();
    resp.headers()["etag"].to_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_gives_the_same_etag_and_serves_a_published_catalogue_at_once() {
    let p = province(2).await;
    let tag = etag(&p.http, p.url(0)).await;
    assert_eq!(tag, etag(&p.http, p.url(1)).await, "the ETag is the content's");
    let cached = p
        .http
        .get(format!("{}/api/v1/catalog", p.url(1)))
        .header("If-None-Match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), StatusCode::NOT_MODIFIED, "a copy from one server is current at another");

    // Staff publish a changed catalogue; both servers serve it, unrestarted.
    let dir = common::catalog_dir::demo_copy();
    common::catalog_dir::edit(dir.path(), "halls.toml", "滨江", "滨江新");
    let version = server::publish_catalog(&p.database, dir.path()).await.unwrap();
    let new_tag = format!("\"{version}\"");
    assert_ne!(new_tag, tag);
    for n in 0..2 {
        // Announced through the database: bounded by a generous wait, not timed.
        let mut seen = String::new();
        for _ in 0..100 {
            seen = etag(&p.http, p.url(n)).await;
            if seen == new_tag {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(seen, new_tag, "server {n} serves the published catalogue");
    }
    // A server started later serves the published catalogue, not its built-in demo.
    let opts = ServerOptions { clock: p.clock.clone(), ..ServerOptions::new(p.database.clone()) };
    let late = server::start(&opts, "127.0.0.1:0").await.unwrap().url();
    assert_eq!(etag(&p.http, &late).await, new_tag);
}
