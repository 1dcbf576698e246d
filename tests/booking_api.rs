//! Booking over real HTTP on loopback with a real SQLite file: capacity,
//! holds, idempotency, cancellation, privacy and time zones.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use onestop::domain::{ApiError, Booking, Days, Hold, Slots, grouped_code, person};
use reqwest::StatusCode;
use serde_json::json;

mod common;

use common::backend::{Backend, StoreKind, id_number, phone};

async fn backend(kind: StoreKind) -> Backend {
    common::backend::start_on(kind, |o| o).await
}

impl Backend {
    /// A service at `hall` whose slots take `capacity` people.
    fn service_with(&self, hall: &str, capacity: u16) -> String {
        let s = self
            .catalog
            .services
            .iter()
            .find(|s| s.booking.capacity == capacity && s.halls.iter().any(|h| h == hall));
        s.expect("the demo catalogue has one").id.clone()
    }

    async fn slots(&self, hall: &str, service: &str, date: &str) -> Slots {
        let url = format!("{}/api/v1/halls/{hall}/slots?service={service}&date={date}", self.url);
        self.http.get(url).send().await.unwrap().json().await.unwrap()
    }

    async fn hold(&self, hall: &str, service: &str, start: &str) -> reqwest::Response {
        let body = json!({ "hall": hall, "service": service, "start": start });
        self.http.post(format!("{}/api/v1/holds", self.url)).json(&body).send().await.unwrap()
    }

    async fn book(&self, key: &str, hold: &str, n: u32) -> reqwest::Response {
        let body = json!({ "hold": hold, "name": "张三", "phone": phone(n), "id_kind": "resident_id", "id_number": id_number(n) });
        self.http
            .post(format!("{}/api/v1/bookings", self.url))
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// Holds and books in one go: the booking, or the error code.
    async fn hold_and_book(&self, hall: &str, service: &str, start: &str, n: u32) -> Result<Booking, String> {
        let resp = self.hold(hall, service, start).await;
        if resp.status() != StatusCode::CREATED {
            return Err(resp.json::<ApiError>().await.unwrap().code);
        }
        let hold: Hold = resp.json().await.unwrap();
        let resp = self.book(&format!("key-{}", hold.id), &hold.id, n).await;
        match resp.status() {
            StatusCode::CREATED => Ok(resp.json().await.unwrap()),
            _ => Err(resp.json::<ApiError>().await.unwrap().code),
        }
    }
}

on_both_stores! {
    async fn two_hundred_clients_racing_for_three_places_book_exactly_three(kind) {
    let b = Arc::new(backend(kind).await);
    let service = b.service_with("binjiang", 3);
    let start = b.slots("binjiang", &service, "2026-11-30").await.slots[0].start.clone();
    let tasks: Vec<_> = (0..200)
        .map(|n| {
            let (b, service, start) = (b.clone(), service.clone(), start.clone());
            tokio::spawn(async move { b.hold_and_book("binjiang", &service, &start, n).await })
        })
        .collect();
    let mut booked = 0;
    let mut full = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => booked += 1,
            Err(code) if code == "slot_full" => full += 1,
            Err(code) => panic!("unexpected error {code}"),
        }
    }
    assert_eq!((booked, full), (3, 197));
    let slot = &b.slots("binjiang", &service, "2026-11-30").await.slots[0];
    assert_eq!(slot.remaining, 0);
    // The database itself agrees.
    let rows = b.count("SELECT COUNT(*) FROM bookings WHERE service = $1 AND status = 'active'", &service).await;
    assert_eq!(rows, 3);
}
}

on_both_stores! {
    async fn a_retry_with_the_same_key_returns_the_same_booking(kind) {
    let b = backend(kind).await;
    let service = b.service_with("binjiang", 3);
    let start = b.slots("binjiang", &service, "2026-11-30").await.slots[1].start.clone();
    let hold: Hold = b.hold("binjiang", &service, &start).await.json().await.unwrap();
    let first = b.book("retry-key-1", &hold.id, 7).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Booking = first.json().await.unwrap();
    let again = b.book("retry-key-1", &hold.id, 7).await;
    assert!(again.status().is_success());
    assert_eq!(again.json::<Booking>().await.unwrap(), first);
    // One place taken, not two.
    assert_eq!(b.slots("binjiang", &service, "2026-11-30").await.slots[1].remaining, 2);
    // The same key with another body is refused.
    let other = b.book("retry-key-1", &hold.id, 8).await;
    assert_eq!(other.status(), StatusCode::CONFLICT);
    assert_eq!(other.json::<ApiError>().await.unwrap().code, "idempotency_conflict");
    // No key at all is refused too.
    let resp = b.http.post(format!("{}/api/v1/bookings", b.url)).json(&json!({})).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
}
}

// A kiosk that lost its key (it crashed, or its answer never arrived)
// sends the same confirm under a new one: the booking already made, not
// "choose a slot again" — and only for the very same hold and details.
on_both_stores! {
    async fn a_confirm_sent_again_under_a_new_key_answers_with_the_booking_made(kind) {
    let b = backend(kind).await;
    let service = b.service_with("binjiang", 3);
    let start = b.slots("binjiang", &service, "2026-11-30").await.slots[6].start.clone();
    let hold: Hold = b.hold("binjiang", &service, &start).await.json().await.unwrap();
    let first = b.book("first-key-1", &hold.id, 7).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Booking = first.json().await.unwrap();
    let again = b.book("second-key-2", &hold.id, 7).await;
    assert_eq!(again.status(), StatusCode::OK, "200: made before, not now");
    assert_eq!(again.json::<Booking>().await.unwrap(), first);
    assert_eq!(b.slots("binjiang", &service, "2026-11-30").await.slots[6].remaining, 2, "one place taken");
    // Someone else's details with that hold learn nothing of the booking.
    let other = b.book("third-key-3", &hold.id, 8).await;
    assert_eq!(other.status(), StatusCode::GONE);
    let other = other.text().await.unwrap();
    assert!(other.contains("hold_expired") && !other.contains(&first.code), "{other}");
    // Nor do the same details with a hold that was never theirs.
    let stranger = b.book("fourth-key-4", "00000000000000000000000000000000", 7).await;
    assert_eq!(stranger.status(), StatusCode::GONE);
    // Once cancelled, the place is given back: confirming again means choosing again.
    let cancel = b
        .http
        .post(format!("{}/api/v1/bookings/{}/cancel", b.url, first.code))
        .json(&json!({ "phone_last4": &phone(7)[7..] }))
        .send()
        .await
        .unwrap();
    assert_eq!(cancel.status(), StatusCode::OK);
    assert_eq!(b.book("fifth-key-55", &hold.id, 7).await.status(), StatusCode::GONE);
}
}

on_both_stores! {
    async fn an_expired_hold_frees_its_place_and_cannot_be_confirmed(kind) {
    let b = backend(kind).await;
    let service = b.service_with("binjiang", 3);
    let start = b.slots("binjiang", &service, "2026-11-30").await.slots[2].start.clone();
    let mut holds = vec![];
    for _ in 0..3 {
        let resp = b.hold("binjiang", &service, &start).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        holds.push(resp.json::<Hold>().await.unwrap());
    }
    assert_eq!(holds[0].expires_in, 300, "five minutes by default");
    let resp = b.hold("binjiang", &service, &start).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert_eq!(resp.json::<ApiError>().await.unwrap().code, "slot_full");
    b.clock.advance(SignedDuration::from_mins(5) + SignedDuration::from_secs(1));
    assert_eq!(b.slots("binjiang", &service, "2026-11-30").await.slots[2].remaining, 3);
    let resp = b.book("late-key-01", &holds[0].id, 1).await;
    assert_eq!(resp.status(), StatusCode::GONE);
    assert_eq!(resp.json::<ApiError>().await.unwrap().code, "hold_expired");
    // A hold given back frees its place at once.
    let hold: Hold = b.hold("binjiang", &service, &start).await.json().await.unwrap();
    assert_eq!(b.slots("binjiang", &service, "2026-11-30").await.slots[2].remaining, 2);
    let resp = b.http.delete(format!("{}/api/v1/holds/{}", b.url, hold.id)).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(b.slots("binjiang", &service, "2026-11-30").await.slots[2].remaining, 3);
}
}

on_both_stores! {
    async fn cancelling_frees_the_place_and_needs_the_phone_digits(kind) {
    let b = backend(kind).await;
    let service = b.service_with("binjiang", 3);
    let start = b.slots("binjiang", &service, "2026-11-30").await.slots[3].start.clone();
    let mut codes = vec![];
    for n in 0..3 {
        codes.push(b.hold_and_book("binjiang", &service, &start, n).await.unwrap().code);
    }
    assert_eq!(b.hold_and_book("binjiang", &service, &start, 9).await.unwrap_err(), "slot_full");
    let code = &codes[0];
    assert_eq!(code.len(), 8);
    assert!(code.chars().all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)));
    let get = |code: String, last4: &'static str| {
        let req = b.http.get(format!("{}/api/v1/bookings/{code}", b.url)).header("X-Phone-Last4", last4);
        async move { req.send().await.unwrap() }
    };
    let right = phone(0)[7..].to_owned();
    assert_eq!(right, "0000");
    let found = get(code.to_lowercase(), "0000").await;
    assert_eq!(found.status(), StatusCode::OK, "codes are read case-insensitively");
    // As the kiosk and the phone write it (a space), or with a dash: the same booking.
    for written in [grouped_code(code), format!("{}-{}", &code[..4], &code[4..])] {
        assert_eq!(get(written.clone(), "0000").await.status(), StatusCode::OK, "{written:?}");
    }
    // The kiosk's lookup sends the code as typed, space and all.
    let client = onestop::client::ApiClient::new(&b.url, std::time::Duration::from_secs(5));
    let typed = client.find_booking(&grouped_code(code).to_lowercase(), "0000").await;
    assert_eq!(typed.map(|b| b.code), Ok(code.clone()));
    // A wrong code and wrong digits look exactly alike.
    let wrong_digits = get(code.clone(), "9999").await;
    let wrong_code = get("ZZZZZZZZ".into(), "0000").await;
    assert_eq!(wrong_digits.status(), StatusCode::NOT_FOUND);
    assert_eq!(wrong_code.status(), StatusCode::NOT_FOUND);
    assert_eq!(wrong_digits.text().await.unwrap(), wrong_code.text().await.unwrap());
    let cancel = |last4: &'static str| {
        let req = b
            .http
            .post(format!("{}/api/v1/bookings/{code}/cancel", b.url))
            .json(&json!({ "phone_last4": last4 }));
        async move { req.send().await.unwrap() }
    };
    assert_eq!(cancel("1234").await.status(), StatusCode::NOT_FOUND);
    let cancelled: Booking = cancel("0000").await.json().await.unwrap();
    assert_eq!(cancelled.status, onestop::domain::BookingStatus::Cancelled);
    let again: Booking = cancel("0000").await.json().await.unwrap();
    assert_eq!(again.status, onestop::domain::BookingStatus::Cancelled, "cancelling twice is harmless");
    assert_eq!(b.slots("binjiang", &service, "2026-11-30").await.slots[3].remaining, 1);
    assert!(b.hold_and_book("binjiang", &service, &start, 10).await.is_ok());
}
}

on_both_stores! {
    async fn one_person_one_booking_per_service_per_day(kind) {
    let b = backend(kind).await;
    let service = b.service_with("binjiang", 3);
    let slots = b.slots("binjiang", &service, "2026-11-30").await.slots;
    b.hold_and_book("binjiang", &service, &slots[4].start, 42).await.unwrap();
    assert_eq!(
        b.hold_and_book("binjiang", &service, &slots[5].start, 42).await.unwrap_err(),
        "already_booked"
    );
    let tomorrow = b.slots("binjiang", &service, "2026-12-01").await.slots;
    assert!(
        b.hold_and_book("binjiang", &service, &tomorrow[0].start, 42).await.is_ok(),
        "another day is fine"
    );
}
}

on_both_stores! {
    async fn invalid_details_name_the_field_and_personal_data_stays_masked(kind) {
    let b = backend(kind).await;
    let service = b.service_with("binjiang", 3);
    let start = b.slots("binjiang", &service, "2026-11-30").await.slots[6].start.clone();
    let hold: Hold = b.hold("binjiang", &service, &start).await.json().await.unwrap();
    // A resident ID with the wrong check character.
    let good = id_number(5);
    let wrong = if good.ends_with('0') { '1' } else { '0' };
    let bad_id = format!("{}{wrong}", &good[..17]);
    let cases = [
        (
            "id_number",
            json!({ "hold": hold.id, "name": "张三", "phone": phone(1), "id_kind": "resident_id", "id_number": bad_id }),
        ),
        (
            "phone",
            json!({ "hold": hold.id, "name": "张三", "phone": "1234", "id_kind": "resident_id", "id_number": id_number(1) }),
        ),
        (
            "name",
            json!({ "hold": hold.id, "name": " ", "phone": phone(1), "id_kind": "resident_id", "id_number": id_number(1) }),
        ),
    ];
    for (field, body) in cases {
        let resp = b
            .http
            .post(format!("{}/api/v1/bookings", b.url))
            .header("Idempotency-Key", format!("k-{field}-0001"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let err: ApiError = resp.json().await.unwrap();
        assert_eq!((err.code.as_str(), err.field.as_deref()), ("invalid_field", Some(field)));
    }
    let resp = b.book("privacy-key-1", &hold.id, 3).await;
    let text = resp.text().await.unwrap();
    assert!(!text.contains(&id_number(3)) && !text.contains(&phone(3)) && !text.contains("张三"), "{text}");
    let booking: Booking = serde_json::from_str(&text).unwrap();
    assert_eq!(booking.id_masked, person::mask(&id_number(3), 3, 4));
    assert_eq!(booking.phone_masked, "138********", "not the digits that look it up");
    assert_eq!(booking.name_masked, "张*");
}
}

on_both_stores! {
    async fn times_are_instants_shown_in_each_halls_own_zone(kind) {
    let b = backend(kind).await;
    // 00:30 on 1 December in Shanghai is still 22:30 on 30 November in Ürümqi.
    b.clock.set("2026-11-30T16:30:00Z".parse::<Timestamp>().unwrap());
    let shanghai_service = b.service_with("binjiang", 3);
    let days = |hall: &'static str, service: String| {
        let req = b.http.get(format!("{}/api/v1/halls/{hall}/days?service={service}", b.url));
        async move { req.send().await.unwrap().json::<Days>().await.unwrap() }
    };
    let binjiang = days("binjiang", shanghai_service.clone()).await;
    assert_eq!(
        (binjiang.time_zone.as_str(), binjiang.days[0].date.as_str()),
        ("Asia/Shanghai", "2026-12-01")
    );
    assert_eq!(binjiang.days.len(), 14);
    let urumqi_service =
        b.catalog.services.iter().find(|s| s.halls.iter().any(|h| h == "tianshan")).unwrap().id.clone();
    let tianshan = days("tianshan", urumqi_service.clone()).await;
    assert_eq!((tianshan.time_zone.as_str(), tianshan.days[0].date.as_str()), ("Asia/Urumqi", "2026-11-30"));
    // Slots that already began are not offered: late on the 30th none are left
    // that day, which is closed now rather than fully booked.
    assert_eq!((tianshan.days[0].remaining, tianshan.days[0].open), (0, false));
    let slots = b.slots("tianshan", &urumqi_service, "2026-12-01").await;
    assert_eq!(slots.utc_offset, "+06:00");
    assert_eq!(slots.slots[0].local_start, "10:00");
    assert_eq!(slots.slots[0].start, "2026-12-01T04:00:00Z");
    // Saturdays and holidays are closed.
    let saturday = binjiang.days.iter().find(|d| d.date == "2026-12-05").unwrap();
    assert!(!saturday.open && saturday.remaining == 0);
}
}

on_both_stores! {
    async fn bookings_committed_together_each_stand_or_fall_alone(kind) {
    // Twenty people each try twice at once (two slots, same day): whatever
    // is grouped into one commit, each gets exactly one booking.
    let b = Arc::new(backend(kind).await);
    let service = b.service_with("binjiang", 3);
    let slots = b.slots("binjiang", &service, "2026-12-01").await.slots;
    let tasks: Vec<_> = (0..40u32)
        .map(|n| {
            let (b, service) = (b.clone(), service.clone());
            let start = slots[(n % 14) as usize].start.clone();
            tokio::spawn(async move { b.hold_and_book("binjiang", &service, &start, n % 20).await })
        })
        .collect();
    let mut booked = 0;
    let mut twice = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => booked += 1,
            Err(code) if code == "already_booked" => twice += 1,
            Err(code) => panic!("unexpected {code}"),
        }
    }
    assert_eq!((booked, twice), (20, 20));
}
}

on_both_stores! {
    async fn one_person_holds_at_most_the_configured_upcoming_bookings(kind) {
        let b = common::backend::start_on(kind, |o| onestop::server::ServerOptions { bookings_per_person: 2, ..o }).await;
        // One person, three services the same morning: the third is refused.
        let services: Vec<String> = b
            .catalog
            .services
            .iter()
            .filter(|s| s.halls.iter().any(|h| h == "binjiang"))
            .take(3)
            .map(|s| s.id.clone())
            .collect();
        let mut answers = vec![];
        for service in &services {
            let start = b.slots("binjiang", service, "2026-11-30").await.slots[0].start.clone();
            answers.push(b.hold_and_book("binjiang", service, &start, 7).await.map(|_| ()));
        }
        assert_eq!(answers, vec![Ok(()), Ok(()), Err("too_many_bookings".to_owned())]);
        // Someone else is not counted against them.
        let start = b.slots("binjiang", &services[2], "2026-11-30").await.slots[0].start.clone();
        assert!(b.hold_and_book("binjiang", &services[2], &start, 8).await.is_ok());
    }
}
