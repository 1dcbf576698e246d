//! The booking proof (code + the phone's last four digits) over real HTTP
//! on loopback: wrong tries lock a booking, and a guessing address, for a
//! while; an unknown code is counted and answered exactly like wrong digits.

use std::net::IpAddr;

use jiff::SignedDuration;
use onestop::domain::{ApiError, Booking, Hold, Slots};
use onestop::server::ServerOptions;
use reqwest::{Response, StatusCode, header::RETRY_AFTER};
use serde_json::json;

mod common;

use common::backend::{Backend, StoreKind, id_number, phone};

/// A server that believes X-Forwarded-For from loopback, so one test can
/// speak from many client addresses.
async fn backend(kind: StoreKind) -> Backend {
    common::backend::start_on(kind, |o| ServerOptions {
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..o
    })
    .await
}

fn last4(n: u32) -> String {
    phone(n)[7..].to_owned()
}

impl Backend {
    /// A new booking for person `n` on Monday; its code.
    async fn booking(&self, n: u32) -> String {
        let service = self.catalog.services.iter().find(|s| s.halls.iter().any(|h| h == "binjiang")).unwrap();
        let url = format!("{}/api/v1/halls/binjiang/slots?service={}&date=2026-11-30", self.url, service.id);
        let slots: Slots = self.http.get(url).send().await.unwrap().json().await.unwrap();
        let start = &slots.slots[n as usize % slots.slots.len()].start;
        let body = json!({ "hall": "binjiang", "service": service.id, "start": start });
        let hold: Hold = self
            .http
            .post(format!("{}/api/v1/holds", self.url))
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let body = json!({ "hold": hold.id, "name": "张三", "phone": phone(n), "id_kind": "resident_id", "id_number": id_number(n) });
        let resp = self
            .http
            .post(format!("{}/api/v1/bookings", self.url))
            .header("Idempotency-Key", format!("key-{}", hold.id))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        resp.json::<Booking>().await.unwrap().code
    }

    /// `GET /api/v1/bookings/{code}` from client address `from`.
    async fn lookup(&self, code: &str, digits: &str, from: &str) -> Response {
        self.http
            .get(format!("{}/api/v1/bookings/{code}", self.url))
            .header("X-Phone-Last4", digits)
            .header("X-Forwarded-For", from)
            .send()
            .await
            .unwrap()
    }

    /// `POST /api/v1/bookings/{code}/cancel` from client address `from`.
    async fn cancel(&self, code: &str, digits: &str, from: &str) -> Response {
        self.http
            .post(format!("{}/api/v1/bookings/{code}/cancel", self.url))
            .header("X-Forwarded-For", from)
            .json(&json!({ "phone_last4": digits }))
            .send()
            .await
            .unwrap()
    }
}

/// The seconds of a 429's Retry-After, after checking it is a proper one.
async fn locked(resp: Response) -> u64 {
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = resp.headers().get(RETRY_AFTER).expect("Retry-After").to_str().unwrap().parse().unwrap();
    let err: ApiError = resp.json().await.unwrap();
    assert_eq!(err.code, "too_many_tries");
    assert!(err.message.contains(&wait.to_string()), "the message says how long: {}", err.message);
    wait
}

on_both_stores! {
    async fn five_wrong_digits_lock_the_booking_even_against_the_right_ones(kind) {
    let b = backend(kind).await;
    let code = b.booking(1).await;
    // Wrong tries from five addresses: the booking's own count locks it.
    for (i, digits) in ["1111", "2222", "3333", "4444", "5555"].into_iter().enumerate() {
        let resp = b.lookup(&code, digits, &format!("203.0.113.{i}")).await;
        assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(locked(b.lookup(&code, &last4(1), "198.51.100.1").await).await, 900);
    assert_eq!(locked(b.cancel(&code, &last4(1), "198.51.100.2").await).await, 900, "cancel is locked too");
    // Another booking is not.
    let other = b.booking(2).await;
    assert_eq!(b.lookup(&other, &last4(2), "203.0.113.0").await.status(), StatusCode::OK);
}
}

on_both_stores! {
    async fn after_the_lock_the_right_digits_work_and_the_next_lock_is_longer(kind) {
    let b = backend(kind).await;
    let code = b.booking(1).await;
    // Lookups and cancels add up to one count.
    for _ in 0..3 {
        assert_eq!(b.lookup(&code, "9999", "203.0.113.1").await.status(), StatusCode::NOT_FOUND);
    }
    for _ in 0..2 {
        assert_eq!(b.cancel(&code, "9999", "203.0.113.1").await.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(locked(b.lookup(&code, &last4(1), "203.0.113.2").await).await, 900);
    b.clock.advance(SignedDuration::from_mins(10));
    assert_eq!(locked(b.lookup(&code, &last4(1), "203.0.113.2").await).await, 300, "the wait counts down");
    b.clock.advance(SignedDuration::from_mins(5));
    assert_eq!(b.lookup(&code, &last4(1), "203.0.113.2").await.status(), StatusCode::OK);
    // The right digits forgot the lock: five more wrong lock for 15 minutes again.
    for _ in 0..5 {
        assert_eq!(b.lookup(&code, "9999", "203.0.113.3").await.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(locked(b.lookup(&code, "9999", "203.0.113.3").await).await, 900);
    // Without the right digits in between, the next lock lasts twice as long.
    b.clock.advance(SignedDuration::from_mins(15));
    for _ in 0..5 {
        assert_eq!(b.lookup(&code, "9999", "203.0.113.4").await.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(locked(b.lookup(&code, &last4(1), "203.0.113.4").await).await, 1800);
}
}

on_both_stores! {
    async fn one_address_guessing_across_bookings_is_locked(kind) {
    let b = backend(kind).await;
    let code = b.booking(1).await;
    // Twenty wrong from one address, each at another (unknown) code.
    for n in 0..20 {
        let resp = b.lookup(&format!("ZZZZ{n:04}"), "0000", "203.0.113.9").await;
        assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(locked(b.lookup(&code, &last4(1), "203.0.113.9").await).await, 900);
    assert_eq!(locked(b.cancel(&code, &last4(1), "203.0.113.9").await).await, 900);
    // The booking itself is not locked: its owner elsewhere still gets in.
    assert_eq!(b.lookup(&code, &last4(1), "198.51.100.7").await.status(), StatusCode::OK);
    // Behind the trusted proxy the address is the one it forwards, not the proxy's:
    // the proxy's own address (loopback, no header) has its own count.
    let direct = b.http.get(format!("{}/api/v1/bookings/{code}", b.url)).header("X-Phone-Last4", last4(1));
    assert_eq!(direct.send().await.unwrap().status(), StatusCode::OK);
    b.clock.advance(SignedDuration::from_mins(15));
    assert_eq!(b.lookup(&code, &last4(1), "203.0.113.9").await.status(), StatusCode::OK);
}
}

on_both_stores! {
    async fn an_unknown_code_answers_exactly_like_wrong_digits(kind) {
    let b = backend(kind).await;
    let code = b.booking(1).await;
    for _ in 0..6 {
        let known = b.lookup(&code, "9999", "203.0.113.1").await;
        let unknown = b.lookup("ZZZZZZZZ", "9999", "203.0.113.2").await;
        assert_eq!(known.status(), unknown.status());
        assert_eq!(known.headers().get(RETRY_AFTER), unknown.headers().get(RETRY_AFTER));
        assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());
    }
    // Malformed digits count as wrong ones, for a real code and an unknown one alike.
    let other = b.booking(2).await;
    for _ in 0..5 {
        assert_eq!(b.cancel(&other, "12a4", "203.0.113.3").await.status(), StatusCode::NOT_FOUND);
        assert_eq!(b.cancel("YYYYYYYY", "12a4", "203.0.113.4").await.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(locked(b.cancel(&other, &last4(2), "203.0.113.3").await).await, 900);
    assert_eq!(locked(b.cancel("YYYYYYYY", &last4(2), "203.0.113.4").await).await, 900);
}
}

on_both_stores! {
    async fn ipv6_clients_count_per_64_prefix(kind) {
    let b = backend(kind).await;
    let code = b.booking(1).await;
    for n in 0..20 {
        let from: IpAddr = format!("2001:db8:1:2::{n:x}").parse().unwrap();
        let resp = b.lookup(&format!("ZZZZ{n:04}"), "0000", &from.to_string()).await;
        assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(locked(b.lookup(&code, &last4(1), "2001:db8:1:2::ffff").await).await, 900);
    assert_eq!(b.lookup(&code, &last4(1), "2001:db8:1:3::1").await.status(), StatusCode::OK);
}
}

on_both_stores! {
    async fn the_kiosk_client_reads_a_lock_as_too_many_tries_with_its_wait(kind) {
    use onestop::{client::ApiClient, domain::BookingFailure};
    let b = backend(kind).await;
    let code = b.booking(1).await;
    let kiosk = ApiClient::new(&b.url, std::time::Duration::from_secs(5));
    for _ in 0..5 {
        assert_eq!(kiosk.find_booking(&code, "9999").await.unwrap_err(), BookingFailure::NotFound);
    }
    let locked = BookingFailure::TooManyTries { retry_after_secs: 900 };
    assert_eq!(kiosk.find_booking(&code, &last4(1)).await.unwrap_err(), locked);
    assert_eq!(kiosk.cancel_booking(&code, &last4(1)).await.unwrap_err(), locked);
}
}
