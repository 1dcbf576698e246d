//! A booking's personal data is erased `booking.retain_days` after its
//! appointment, on both stores; the anonymized record stays for statistics.

use std::sync::Arc;

use jiff::SignedDuration;
use onestop::domain::{Booking, Hold, Slots};
use onestop::server::{self, Database, ServerOptions, clock::ManualClock};
use reqwest::{Client, StatusCode};
use serde_json::json;

mod common;

use common::backend::{MONDAY_8AM_SHANGHAI, id_number, phone};

/// What the database holds of a booking: name, phone, last four, ID mask,
/// whether erased, status, service.
type Kept = (String, String, String, String, bool, String, String);

async fn kept(database: &Database, code: &str) -> Kept {
    const SQL: &str = "SELECT name, phone, phone_last4, id_masked, erased_utc IS NOT NULL, status, service \
                       FROM bookings WHERE code = $1";
    match database {
        Database::Sqlite(path) => {
            let db = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display())).await.unwrap();
            sqlx::query_as(SQL).bind(code).fetch_one(&db).await.unwrap()
        }
        Database::Postgres(url) => {
            let db = sqlx::PgPool::connect(url).await.unwrap();
            sqlx::query_as(SQL).bind(code).fetch_one(&db).await.unwrap()
        }
    }
}

/// A server on `database` whose clock reads `at`.
async fn server_at(database: &Database, at: jiff::Timestamp) -> String {
    let clock = Arc::new(ManualClock::new(at));
    let opts = ServerOptions { clock, ..ServerOptions::new(database.clone()) };
    server::start(&opts, "127.0.0.1:0").await.unwrap().url()
}

async fn lookup(http: &Client, url: &str, code: &str) -> StatusCode {
    let resp = http.get(format!("{url}/api/v1/bookings/{code}")).header("x-phone-last4", "0007").send().await;
    resp.unwrap().status()
}

on_both_stores! {
    async fn personal_data_goes_thirty_days_after_the_appointment_and_the_record_stays(kind) {
        let dir = tempfile::tempdir().unwrap();
        let database = kind.database(dir.path());
        let monday: jiff::Timestamp = MONDAY_8AM_SHANGHAI.parse().unwrap();
        let url = server_at(&database, monday).await;
        let http = Client::new();

        let slots: Slots = http
            .get(format!("{url}/api/v1/halls/binjiang/slots?service=id-card-renewal&date=2026-11-30"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let start = &slots.slots[0].start;
        let body = json!({ "hall": "binjiang", "service": "id-card-renewal", "start": start });
        let hold: Hold = http.post(format!("{url}/api/v1/holds")).json(&body).send().await.unwrap().json().await.unwrap();
        let body = json!({ "hold": hold.id, "name": "李建国", "phone": phone(7), "id_kind": "resident_id", "id_number": id_number(7) });
        let resp = http.post(format!("{url}/api/v1/bookings")).header("Idempotency-Key", "retention-1").json(&body).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let booking: Booking = resp.json().await.unwrap();

        // 29 days after: still there for the citizen to look up.
        let later = server_at(&database, monday + SignedDuration::from_hours(29 * 24)).await;
        assert_eq!(lookup(&http, &later, &booking.code).await, StatusCode::OK);
        let (name, ..) = kept(&database, &booking.code).await;
        assert_eq!(name, "李建国");

        // 31 days after: erased, by a server starting then (and hourly after).
        let after = server_at(&database, monday + SignedDuration::from_hours(31 * 24)).await;
        assert_eq!(lookup(&http, &after, &booking.code).await, StatusCode::NOT_FOUND);
        let (name, phone, last4, id_masked, erased, status, service) = kept(&database, &booking.code).await;
        assert_eq!((name.as_str(), phone.as_str(), last4.as_str(), id_masked.as_str()), ("", "", "", ""));
        assert!(erased);
        assert_eq!((status.as_str(), service.as_str()), ("active", "id-card-renewal"), "the record stays");
    }
}
