//! 找错 over the API (issue 17), on both stores: a report names the guide and
//! what is wrong, is stored with the catalogue version being served and
//! nothing personal; without a kiosk's token an address may send only a
//! few a minute; staff read the counts per guide and the latest.

use onestop::server::{ServerOptions, store::Role};
use reqwest::StatusCode;
use serde_json::{Value, json};

mod common;

use common::backend::{Backend, start_on};

async fn report(b: &Backend, token: Option<&str>, body: Value) -> (StatusCode, Value) {
    let mut req = b.http.post(format!("{}/api/v1/reports", b.url)).json(&body);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let resp = req.send().await.unwrap();
    (resp.status(), resp.json().await.unwrap())
}

async fn list(b: &Backend, token: Option<&str>) -> (StatusCode, Value) {
    let mut req = b.http.get(format!("{}/api/v1/reports", b.url));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let resp = req.send().await.unwrap();
    (resp.status(), resp.json().await.unwrap())
}

on_both_stores! {
    async fn reports_are_bounded_limited_and_counted_per_guide(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: true, lookups_per_minute: 4, ..o }).await;
        let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let staff = b.running.create_token(Role::Staff, "binjiang", "desk").await.unwrap();
        let fees = json!({ "service": "passport-application", "what": "fees", "text": "收费标准已调整" });

        // From a phone: four this minute, then 429 with Retry-After.
        let (status, r) = report(&b, None, fees.clone()).await;
        assert_eq!(status, StatusCode::CREATED, "{r}");
        assert_eq!((r["catalog_version"].as_str(), r["what"].as_str()), (Some(b.catalog.version.as_str()), Some("fees")));
        let unknown = json!({ "service": "no-such-guide", "what": "fees" });
        assert_eq!(report(&b, None, unknown).await.1["field"], "service");
        let long = json!({ "service": "passport-application", "what": "other", "text": "错".repeat(201) });
        assert_eq!(report(&b, None, long).await.1["field"], "text");
        let wrong = json!({ "service": "passport-application", "what": "spelling" });
        assert_eq!(report(&b, None, wrong).await.0, StatusCode::BAD_REQUEST, "what is wrong is one of the list");
        let resp = b.http.post(format!("{}/api/v1/reports", b.url)).json(&fees).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(resp.headers().contains_key("retry-after"));
        // The next minute, another four.
        b.clock.advance(jiff::SignedDuration::from_mins(1));
        let hours = json!({ "service": "id-card-renewal", "what": "place_and_hours" });
        assert_eq!(report(&b, None, hours).await.0, StatusCode::CREATED);

        // A kiosk is not limited so; a token sent must be a kiosk's.
        for what in ["materials", "time_limits", "materials", "other", "materials"] {
            let body = json!({ "service": "passport-application", "what": what });
            assert_eq!(report(&b, Some(&kiosk), body).await.0, StatusCode::CREATED);
        }
        assert_eq!(report(&b, Some(&staff), fees.clone()).await.1["code"], "wrong_role");
        assert_eq!(report(&b, Some("onestop_madeup"), fees).await.0, StatusCode::UNAUTHORIZED);

        // Staff only.
        assert_eq!(list(&b, None).await.0, StatusCode::UNAUTHORIZED);
        assert_eq!(list(&b, Some(&kiosk)).await.1["code"], "wrong_role");
        let (status, all) = list(&b, Some(&staff)).await;
        assert_eq!(status, StatusCode::OK, "{all}");
        assert_eq!(all["guides"], json!([{ "service": "passport-application", "count": 6 }, { "service": "id-card-renewal", "count": 1 }]));
        let latest = all["latest"].as_array().unwrap();
        assert_eq!(latest.len(), 7);
        assert_eq!(latest[0]["what"], "materials", "newest first");
        assert_eq!(latest[6]["text"], "收费标准已调整");
    }
}
