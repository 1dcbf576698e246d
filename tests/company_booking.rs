//! A company registration booking carries the company's name (the service
//! asks for it: `booking_fields = ["company"]`): through the API on the
//! real loopback server, kept with the booking and shown on the phone's
//! page; refused, naming the field, when it is not a name.

mod common;

use common::backend::{Backend, StoreKind, id_number, phone, start_on};
use onestop::domain::{ApiError, Booking, BookingField, Hold, Slots};
use reqwest::StatusCode;
use serde_json::{Value, json};

const SERVICE: &str = "company-establishment";
const COMPANY: &str = "杭州滨江示例科技有限公司";

/// A fresh hold on the `n`th slot of Monday at Binjiang for company registration.
async fn hold(b: &Backend, n: usize) -> Hold {
    let url = format!("{}/api/v1/halls/binjiang/slots?service={SERVICE}&date=2026-11-30", b.url);
    let slots: Slots = b.http.get(url).send().await.unwrap().json().await.unwrap();
    let body = json!({ "hall": "binjiang", "service": SERVICE, "start": slots.slots[n].start });
    let resp = b.http.post(format!("{}/api/v1/holds", b.url)).json(&body).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    resp.json().await.unwrap()
}

async fn book(b: &Backend, hold: &Hold, n: u32, company: Value) -> reqwest::Response {
    let mut body = json!({
        "hold": hold.id, "name": "张三", "phone": phone(n), "id_kind": "resident_id", "id_number": id_number(n),
    });
    if !company.is_null() {
        body["company"] = company;
    }
    let req = b
        .http
        .post(format!("{}/api/v1/bookings", b.url))
        .header("Idempotency-Key", format!("key-{}", hold.id));
    req.json(&body).send().await.unwrap()
}

/// The phone page of booking `code` (booked with `phone(1)`) in `lang`.
async fn phone_page(b: &Backend, code: &str, lang: &str) -> String {
    let body = json!({ "service": SERVICE, "lang": lang, "booking": code, "phone_last4": &phone(1)[7..] });
    let resp = b.http.post(format!("{}/api/v1/handoffs", b.url)).json(&body).send().await.unwrap();
    let handoff: Value = resp.json().await.unwrap();
    b.http.get(handoff["url"].as_str().unwrap()).send().await.unwrap().text().await.unwrap()
}

async fn kept_and_shown(kind: StoreKind) {
    let b = start_on(kind, |o| o).await;
    let service = b.catalog.services.iter().find(|s| s.id == SERVICE).unwrap();
    assert!(service.asks(BookingField::Company), "the catalogue says the booking asks for it");
    let h = hold(&b, 0).await;
    let resp = book(&b, &h, 1, json!(format!("  {COMPANY} "))).await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let booking: Booking = resp.json().await.unwrap();
    // The phone's page for it, proven by the phone's last four digits.
    let page = phone_page(&b, &booking.code, "zh-CN").await;
    assert!(page.contains(&format!("<p>企业名称：{COMPANY}</p>")), "{page}");
    // In English too.
    let page = phone_page(&b, &booking.code, "en-US").await;
    assert!(page.contains(&format!("<p>Company: {COMPANY}</p>")), "{page}");
}

// On SQLite and on PostgreSQL: each store keeps the company with the booking.
on_both_stores! {
    async fn the_company_is_kept_with_the_booking_and_shown_on_the_phone_page(kind) {
        kept_and_shown(kind).await
    }
}

// Every odd company name is refused on either store, and the hold survives it.
on_both_stores! {
    async fn a_company_name_that_is_not_a_name_is_refused_naming_the_field(kind) {
        let b = start_on(kind, |o| o).await;
        let h = hold(&b, 1).await;
        let too_long = "长".repeat(61);
        for odd in ["示例\u{1b}[2J公司", "示例\u{202e}公司", "12345", too_long.as_str()] {
            let resp = book(&b, &h, 2, json!(odd)).await;
            assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY, "{odd:?}");
            let err: ApiError = resp.json().await.unwrap();
            assert_eq!((err.code.as_str(), err.field.as_deref()), ("invalid_field", Some("company")), "{odd:?}");
        }
        // Beyond what the API reads at all: the body is refused as it is read.
        let resp = book(&b, &h, 2, json!("长".repeat(65))).await;
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
        // The hold is still there: a good name books it.
        assert_eq!(book(&b, &h, 2, json!(COMPANY)).await.status(), StatusCode::CREATED);
    }
}

on_both_stores! {
    async fn a_company_registration_without_the_company_is_refused_and_other_services_keep_none(kind) {
        let b = start_on(kind, |o| o).await;
        let h = hold(&b, 2).await;
        let resp = book(&b, &h, 3, Value::Null).await;
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
        assert_eq!(resp.json::<ApiError>().await.unwrap().code, "missing_field");
        // The hold is kept for the retry with the name.
        assert_eq!(book(&b, &h, 3, json!(COMPANY)).await.status(), StatusCode::CREATED);
    }
}
