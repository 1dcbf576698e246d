//! Keeping a held place longer, over real HTTP on loopback with a real
//! SQLite file: at most twice, never past the demand for the slot's last
//! place, never for a hold that is gone.

use jiff::SignedDuration;
use onestop::domain::{ApiError, Hold, Slots};
use reqwest::StatusCode;
use serde_json::json;

mod common;

use common::backend::{Backend, StoreKind};

async fn backend(kind: StoreKind) -> Backend {
    common::backend::start_on(kind, |o| o).await
}

impl Backend {
    /// A slot at Binjiang tomorrow of a service taking `capacity` people.
    async fn slot(&self, capacity: u16) -> (String, String) {
        let service = self
            .catalog
            .services
            .iter()
            .find(|s| s.booking.capacity == capacity && s.halls.iter().any(|h| h == "binjiang"))
            .expect("the demo catalogue has one")
            .id
            .clone();
        let url = format!("{}/api/v1/halls/binjiang/slots?service={service}&date=2026-12-01", self.url);
        let slots: Slots = self.http.get(url).send().await.unwrap().json().await.unwrap();
        (service, slots.slots[0].start.clone())
    }

    async fn hold(&self, service: &str, start: &str) -> reqwest::Response {
        let body = json!({ "hall": "binjiang", "service": service, "start": start });
        self.http.post(format!("{}/api/v1/holds", self.url)).json(&body).send().await.unwrap()
    }

    async fn extend(&self, id: &str) -> reqwest::Response {
        self.http.post(format!("{}/api/v1/holds/{id}/extend", self.url)).send().await.unwrap()
    }
}

async fn refused(resp: reqwest::Response, status: StatusCode, code: &str) {
    assert_eq!(resp.status(), status);
    assert_eq!(resp.json::<ApiError>().await.unwrap().code, code);
}

on_both_stores! {
    async fn a_hold_is_kept_longer_twice_at_most(kind) {
    let b = backend(kind).await;
    let (service, start) = b.slot(4).await;
    let hold: Hold = b.hold(&service, &start).await.json().await.unwrap();
    b.clock.advance(SignedDuration::from_secs(250));
    let resp = b.extend(&hold.id).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let kept: Hold = resp.json().await.unwrap();
    assert_eq!(kept.id, hold.id);
    assert_eq!(kept.expires_in, hold.expires_in, "another full hold time, from now");
    // The old expiry has passed; the hold lives on.
    b.clock.advance(SignedDuration::from_secs(100));
    assert_eq!(b.extend(&hold.id).await.status(), StatusCode::OK);
    refused(b.extend(&hold.id).await, StatusCode::CONFLICT, "extend_refused").await;
}
}

on_both_stores! {
    async fn a_hold_on_the_last_place_is_not_kept_longer(kind) {
    let b = backend(kind).await;
    let (service, start) = b.slot(2).await;
    let first: Hold = b.hold(&service, &start).await.json().await.unwrap();
    assert_eq!(b.extend(&first.id).await.status(), StatusCode::OK, "a place is left for others");
    let second: Hold = b.hold(&service, &start).await.json().await.unwrap();
    // The slot is full now: neither hold may keep its place from others longer.
    refused(b.extend(&second.id).await, StatusCode::CONFLICT, "extend_refused").await;
    refused(b.extend(&first.id).await, StatusCode::CONFLICT, "extend_refused").await;
}
}

on_both_stores! {
    async fn an_expired_or_unknown_hold_is_gone(kind) {
    let b = backend(kind).await;
    let (service, start) = b.slot(4).await;
    let hold: Hold = b.hold(&service, &start).await.json().await.unwrap();
    b.clock.advance(SignedDuration::from_secs(i64::from(hold.expires_in) + 1));
    refused(b.extend(&hold.id).await, StatusCode::GONE, "hold_expired").await;
    refused(b.extend(&"0".repeat(32)).await, StatusCode::GONE, "hold_expired").await;
    // Not a hold id at all (32 hex digits): names nothing, like any path of the wrong shape.
    refused(b.extend("no-such-hold").await, StatusCode::NOT_FOUND, "not_found").await;
}
}
