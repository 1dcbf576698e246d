//! Kiosk routes need a kiosk's token; the public routes do not; only a hash
//! of a token is kept; holds are limited per token and per hall. On both stores.

use onestop::domain::{ApiError, Slots};
use onestop::server::{auth::HoldLimits, store::Role};
use reqwest::StatusCode;
use serde_json::json;

mod common;

use common::backend::{Backend, StoreKind, start_on};

async fn backend(kind: StoreKind, limits: HoldLimits) -> Backend {
    start_on(kind, |o| onestop::server::ServerOptions { tokens_required: true, hold_limits: limits, ..o })
        .await
}

impl Backend {
    async fn first_start(&self) -> String {
        let url = format!("{}/api/v1/halls/binjiang/slots?service=id-card-renewal&date=2026-11-30", self.url);
        let slots: Slots = self.http.get(url).send().await.unwrap().json().await.unwrap();
        slots.slots[0].start.clone()
    }

    /// POST /holds with this bearer token (or none): status, error code.
    async fn hold_with(&self, token: Option<&str>, hall: &str, start: &str) -> (StatusCode, Option<String>) {
        let body = json!({ "hall": hall, "service": "id-card-renewal", "start": start });
        let mut req = self.http.post(format!("{}/api/v1/holds", self.url)).json(&body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        match status.is_success() {
            true => (status, None),
            false => (status, Some(resp.json::<ApiError>().await.unwrap().code)),
        }
    }
}

on_both_stores! {
    async fn kiosk_routes_need_a_live_kiosk_token_and_public_ones_do_not(kind) {
        let b = backend(kind, HoldLimits::default()).await;
        let start = b.first_start().await;
        // Public: the catalogue, halls, days and slots (above), the phone pages.
        for path in ["/api/v1/catalog", "/api/v1/halls", "/healthz", "/openapi.json"] {
            assert_eq!(b.http.get(format!("{}{path}", b.url)).send().await.unwrap().status(), StatusCode::OK, "{path}");
        }
        let page = b.http.get(format!("{}/m/NOSUCHCODE", b.url)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::NOT_FOUND, "a phone page answers without a token");

        let none = b.hold_with(None, "binjiang", &start).await;
        assert_eq!(none, (StatusCode::UNAUTHORIZED, Some("unregistered_terminal".into())));
        let today = b.http.get(format!("{}/api/v1/kiosks/kiosk-01/bookings-today", b.url)).send().await.unwrap();
        assert_eq!(today.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(today.headers()["www-authenticate"], "Bearer");
        let made_up = b.hold_with(Some("onestop_0000000000000000000000000000000"), "binjiang", &start).await;
        assert_eq!(made_up.0, StatusCode::UNAUTHORIZED);

        let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        assert_eq!(b.hold_with(Some(&kiosk), "binjiang", &start).await, (StatusCode::CREATED, None));
        let elsewhere = b.hold_with(Some(&kiosk), "chengbei", &start).await;
        assert_eq!(elsewhere, (StatusCode::FORBIDDEN, Some("other_hall".into())), "a kiosk holds at its own hall");

        let window = b.running.create_token(Role::Window, "binjiang", "window-3").await.unwrap();
        assert_eq!(b.hold_with(Some(&window), "binjiang", &start).await, (StatusCode::FORBIDDEN, Some("wrong_role".into())));

        // The same name again while live: refused; after revoking, a new token, and the old one is dead.
        let again = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await;
        assert!(again.is_err(), "one live token per name");
        let store = onestop::server::store::Store::open(&b.database).await.unwrap();
        let listed = store.tokens().await.unwrap();
        let id = listed.iter().find(|t| t.name == "kiosk-01").unwrap().id.clone();
        assert!(store.revoke_token(&id, 0).await.unwrap());
        assert_eq!(b.hold_with(Some(&kiosk), "binjiang", &start).await.0, StatusCode::UNAUTHORIZED, "revoked");
        let renewed = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        assert_eq!(b.hold_with(Some(&renewed), "binjiang", &start).await.0, StatusCode::CREATED);

        // Only hashes are kept: no secret anywhere in the table.
        let hashes: Vec<String> = common::backend::column(&b.database, "SELECT hash FROM tokens", &[]).await;
        assert!(!hashes.is_empty());
        for secret in [&kiosk, &window, &renewed] {
            assert!(!hashes.iter().any(|h| h.contains(secret.as_str())));
        }
    }

    async fn holds_are_limited_per_token_and_per_hall_each_minute(kind) {
        let b = backend(kind, HoldLimits { per_token: 3, per_hall: 4 }).await;
        let start = b.first_start().await;
        let one = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let two = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-02").await.unwrap();
        for _ in 0..3 {
            assert_eq!(b.hold_with(Some(&one), "binjiang", &start).await.0, StatusCode::CREATED);
        }
        let bot = b.http
            .post(format!("{}/api/v1/holds", b.url))
            .bearer_auth(&one)
            .json(&json!({ "hall": "binjiang", "service": "id-card-renewal", "start": start }))
            .send()
            .await
            .unwrap();
        assert_eq!(bot.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(bot.headers().contains_key("retry-after"));
        assert_eq!(bot.json::<ApiError>().await.unwrap().code, "too_many_holds");
        // Another kiosk of the hall, until the hall's count is full.
        assert_eq!(b.hold_with(Some(&two), "binjiang", &start).await.0, StatusCode::CREATED);
        assert_eq!(b.hold_with(Some(&two), "binjiang", &start).await.0, StatusCode::TOO_MANY_REQUESTS, "the hall's cap");
        // A new minute, a new allowance.
        b.clock.advance(jiff::SignedDuration::from_secs(60));
        assert_eq!(b.hold_with(Some(&two), "binjiang", &start).await.0, StatusCode::CREATED);
    }
}
