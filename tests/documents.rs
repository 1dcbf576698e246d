//! Numbers and documents from anywhere: each kind of identity document with
//! its real format, and mobile numbers from the mainland, Hong Kong, Macao,
//! Taiwan and abroad, typed as people type them; masks and the last-four
//! proof for each; and one booking over real HTTP with a Hong Kong phone and
//! a Home Return Permit, which no answer repeats.

use onestop::domain::{ApiError, Booking, FieldError, Hold, IdKind, Slots, person};
use onestop::server::{self, ServerOptions, clock::ManualClock};
use reqwest::StatusCode;
use serde_json::json;

mod common;

use common::backend::StoreKind;

use FieldError::{BirthDate, Checksum, Format, Missing, NotMobile, Region};

/// A GB 11643 number from its first 17 digits.
fn with_check(first17: &str) -> String {
    format!("{first17}{}", person::check_char(first17.as_bytes()))
}

/// The same number with another check character.
fn wrong_check(id: &str) -> String {
    let wrong = if id.ends_with('0') { '1' } else { '0' };
    format!("{}{wrong}", &id[..17])
}

fn check(kind: IdKind, cases: &[(&str, Result<(), FieldError>)]) {
    for (typed, expected) in cases {
        assert_eq!(person::id_number(kind, typed), *expected, "{kind:?} {typed:?}");
    }
}

#[test]
fn resident_ids_keep_the_gb_11643_checks() {
    // The standard's own example (not a person).
    let sample = "11010519491231002X";
    check(
        IdKind::ResidentId,
        &[
            (sample, Ok(())),
            ("11010519491231002x", Ok(())),
            ("110105 19491231 002X", Ok(())),
            ("110105194912310021", Err(Checksum)),
            ("110105194913310021", Err(BirthDate)),
            ("11010519491231002", Err(Format)),
            ("1101051949123100AX", Err(Format)),
            (" ", Err(Missing)),
            (&with_check("00000019491231000"), Err(Region)),
            (&with_check("99010519491231000"), Err(Region)),
        ],
    );
}

#[test]
fn residence_permits_are_gb_11643_numbers_from_810000_820000_or_830000() {
    let hong_kong = with_check("81000019940823002");
    let taiwan = with_check("83000019920130002");
    check(
        IdKind::ResidencePermit,
        &[
            (&hong_kong, Ok(())),
            (&with_check("82000020010101001"), Ok(())),
            (&taiwan, Ok(())),
            (&wrong_check(&hong_kong), Err(Checksum)),
            (&with_check("81000019941323002"), Err(BirthDate)),
            // A resident ID is not a permit, nor is an 81 with a city in it.
            ("11010519491231002X", Err(Region)),
            (&with_check("81010019940823002"), Err(Region)),
            ("8100001994082300", Err(Format)),
        ],
    );
    // The resident ID check has always taken these numbers too.
    assert_eq!(person::id_number(IdKind::ResidentId, &hong_kong), Ok(()));
}

#[test]
fn home_return_permits_are_h_or_m_and_8_digits_or_10_on_older_cards() {
    check(
        IdKind::HkMacaoPermit,
        &[
            ("H12345678", Ok(())),
            ("M87654321", Ok(())),
            ("h1234 5678", Ok(())),
            ("H1234567801", Ok(())),
            ("H1234567", Err(Format)),
            ("H123456789", Err(Format)),
            ("A12345678", Err(Format)),
            ("12345678", Err(Format)),
            ("HM1234567", Err(Format)),
            ("", Err(Missing)),
        ],
    );
}

#[test]
fn taiwan_permits_are_8_digits_or_10_on_older_permits() {
    check(
        IdKind::TaiwanPermit,
        &[
            ("12345678", Ok(())),
            ("0725 7456", Ok(())),
            ("1234567890", Ok(())),
            ("1234567", Err(Format)),
            ("123456789", Err(Format)),
            ("T1234567", Err(Format)),
        ],
    );
}

#[test]
fn permanent_residence_ids_in_both_forms() {
    // 2023 card: 9, Beijing (11), Kazakhstan (398), born 1990-12-31, 002, check.
    let card_2023 = "911398199012310021";
    assert_eq!(card_2023, with_check("91139819901231002"));
    // Earlier card: KAZ, Beijing (1100), born 90-12-31, 0, check digit 5.
    let card_2004 = "KAZ110090123105";
    check(
        IdKind::ForeignPermanentResident,
        &[
            (card_2023, Ok(())),
            (card_2004, Ok(())),
            ("kaz 1100 901231 05", Ok(())),
            (&wrong_check(card_2023), Err(Checksum)),
            (&with_check("91139819901331002"), Err(BirthDate)),
            (&with_check("99939819901231002"), Err(Region)),
            ("KAZ110090123107", Err(Checksum)),
            ("KAZ110090023105", Err(BirthDate)),
            ("KAZ990090123105", Err(Region)),
            ("KA1110090123105", Err(Format)),
            // A resident ID is not a permanent residence ID.
            ("11010519491231002X", Err(Format)),
            ("91139819901231002", Err(Format)),
        ],
    );
    assert_eq!(onestop::domain::document::icao_check_digit(b"KAZ11009012310"), '5');
}

#[test]
fn passports_from_any_country_are_letters_and_digits() {
    check(
        IdKind::Passport,
        &[
            ("E12345678", Ok(())),
            ("123456789", Ok(())),
            ("GB 123 456 7", Ok(())),
            ("E1", Err(Format)),
            ("E1234<5678", Err(Format)),
            ("E12345678901234567890", Err(Format)),
        ],
    );
}

#[test]
fn the_legacy_other_kind_still_reads_but_is_not_offered() {
    let legacy: IdKind = serde_json::from_str("\"other\"").unwrap();
    assert_eq!(legacy, IdKind::Passport);
    assert_eq!(serde_json::to_string(&legacy).unwrap(), "\"passport\"");
    let names: Vec<String> = IdKind::ALL.iter().map(|k| serde_json::to_string(k).unwrap()).collect();
    assert_eq!(
        names,
        [
            "\"resident_id\"",
            "\"hk_macao_permit\"",
            "\"taiwan_permit\"",
            "\"residence_permit\"",
            "\"foreign_permanent_resident\"",
            "\"passport\"",
        ]
    );
}

#[test]
fn mobiles_from_anywhere_as_people_type_them() {
    let cases: &[(&str, Result<&str, FieldError>)] = &[
        // The mainland, typed several ways.
        ("13812345678", Ok("+8613812345678")),
        ("138 1234 5678", Ok("+8613812345678")),
        ("138-1234-5678", Ok("+8613812345678")),
        ("+86 138 1234 5678", Ok("+8613812345678")),
        ("+86-138-1234-5678", Ok("+8613812345678")),
        ("86 138 1234 5678", Ok("+8613812345678")),
        ("(+86) 0138 1234 5678", Ok("+8613812345678")),
        ("0086 13812345678", Ok("+8613812345678")),
        ("８６１３８１２３４５６７８", Ok("+8613812345678")),
        // Hong Kong, Macao, Taiwan.
        ("+852 9123 4567", Ok("+85291234567")),
        ("00852 6123 4567", Ok("+85261234567")),
        ("+853 6612 3456", Ok("+85366123456")),
        ("+886 912 345 678", Ok("+886912345678")),
        ("+886 0912 345 678", Ok("+886912345678")),
        // Abroad, in international form.
        ("+44 7400 123456", Ok("+447400123456")),
        ("+44 (0)7400 123456", Ok("+447400123456")),
        ("0044 7400 123456", Ok("+447400123456")),
        ("+1 (650) 253-0000", Ok("+16502530000")),
        ("001 650 253 0000", Ok("+16502530000")),
        ("+49 1512 3456789", Ok("+4915123456789")),
        // Landlines are no good for a text message.
        ("010 8888 6666", Err(NotMobile)),
        ("+86 21 6888 8888", Err(NotMobile)),
        ("+852 2123 4567", Err(NotMobile)),
        ("+44 20 7946 0958", Err(NotMobile)),
        ("+86 400 810 8888", Err(NotMobile)),
        // Garbage, and numbers that are not numbers.
        ("", Err(Missing)),
        ("  ", Err(Missing)),
        ("12812345678", Err(Format)),
        ("1381234567", Err(Format)),
        ("00000000000", Err(Format)),
        ("138abc12345", Err(Format)),
        ("1-800-FLOWERS", Err(Format)),
        ("+999 1234 5678", Err(Format)),
        ("12345", Err(Format)),
        ("95588", Err(Format)),
        ("+86 138 1234 5678 ext 12", Err(Format)),
        // Without their +, Hong Kong, Macao and Taiwan numbers are theirs
        // where the mainland reading is no mobile (0852 is Zunyi's code).
        ("852 9123 4567", Ok("+85291234567")),
        ("(853) 6612 3456", Ok("+85366123456")),
        ("886 912 345 678", Ok("+886912345678")),
        ("852 2123 4567", Err(NotMobile)),
        // Without any code, a Hong Kong number is no mainland one.
        ("9123 4567", Err(Format)),
    ];
    for (typed, expected) in cases {
        let got = person::phone(typed).map(|()| person::normalize_phone(typed));
        assert_eq!(got.as_deref().map_err(|e| *e), *expected, "{typed:?}");
    }
}

#[test]
fn masks_and_last_four_for_every_kind_of_phone() {
    let cases = [
        ("+8613812345678", "138********", "5678", "138 1234 5678"),
        // A booking stored before E.164: 11 bare digits.
        ("13812345678", "138********", "5678", "138 1234 5678"),
        ("+85291234567", "+852 ********", "4567", "+852 9123 4567"),
        ("+85366123456", "+853 ********", "3456", "+853 6612 3456"),
        ("+886912345678", "+886 9********", "5678", "+886 912 345 678"),
        ("+447400123456", "+44 74********", "3456", "+44 7400 123456"),
        ("+16502530000", "+1 65********", "0000", "+1 650-253-0000"),
    ];
    for (stored, masked, last4, shown) in cases {
        assert_eq!(person::mask_phone(stored), masked, "{stored}");
        assert_eq!(person::phone_last4(stored), last4, "{stored}");
        assert_eq!(person::display_phone(stored), shown, "{stored}");
        assert!(!masked.ends_with(last4), "{stored}: the mask must not give the proof away");
    }
    assert_eq!(person::normalize_phone("13812345678"), "+8613812345678", "old bookings read as new");
}

#[test]
fn document_masks_hide_most_of_every_kind() {
    let cases = [
        ("11010519491231002X", "110***********002X"),
        ("911398199012310021", "911***********0021"),
        ("KAZ110090123105", "KAZ********3105"),
        ("H12345678", "H******78"),
        ("H1234567801", "H********01"),
        ("12345678", "1*****78"),
        ("E12345678", "E******78"),
    ];
    for (id, masked) in cases {
        assert_eq!(person::mask_id(id), masked);
    }
}

#[test]
fn each_short_document_name_and_its_longest_number_fit_the_check_page_at_80_columns() {
    use unicode_width::UnicodeWidthStr;
    let longest = [
        ("id-kind-short-resident", "11010519491231002X"),
        ("id-kind-short-hk-macao-permit", "H1234567801"),
        ("id-kind-short-taiwan-permit", "1234567890"),
        ("id-kind-short-residence-permit", "810000199408230021"),
        ("id-kind-short-permanent-residence", "911398199012310021"),
        ("id-kind-short-passport", "E1234567890123456789"),
    ];
    let room = (onestop::kiosk::layout::MIN_WIDTH - 2) as usize;
    for lang in onestop::domain::Lang::ALL {
        let tr = onestop::i18n::Tr::new(lang);
        for (kind, number) in longest {
            let (label, value) = (tr.t("field-id-number"), format!("{} {number}", tr.t(kind)));
            let args = [("label", onestop::i18n::s(&label)), ("value", onestop::i18n::s(&value))];
            // "▶ 6. label: value  change", as the menu draws an answer.
            let row = format!("▶ 6. {}  {}", tr.a("check-answer", &args), tr.t("check-change"));
            assert!(row.width() <= room, "{lang} {kind}: {row:?} is {} columns", row.width());
        }
    }
}

struct Backend {
    url: String,
    http: reqwest::Client,
    dir: tempfile::TempDir,
    service: String,
    slots: Slots,
}

/// A server on loopback on either store, on a Monday morning.
async fn backend(kind: StoreKind) -> Backend {
    let dir = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(ManualClock::new("2026-11-30T00:00:00Z".parse().unwrap()));
    let opts = ServerOptions { clock, ..ServerOptions::new(kind.database(dir.path())) };
    let url = server::start(&opts, "127.0.0.1:0").await.unwrap().url();
    let http = reqwest::Client::new();
    let catalog: onestop::domain::Catalog =
        http.get(format!("{url}/api/v1/catalog")).send().await.unwrap().json().await.unwrap();
    let service = catalog.services.iter().find(|s| s.halls.iter().any(|h| h == "binjiang")).unwrap();
    let service = service.id.clone();
    let slots = format!("{url}/api/v1/halls/binjiang/slots?service={service}&date=2026-11-30");
    let slots = http.get(slots).send().await.unwrap().json().await.unwrap();
    Backend { url, http, dir, service, slots }
}

impl Backend {
    async fn hold(&self, slot: usize) -> String {
        let body =
            json!({ "hall": "binjiang", "service": self.service, "start": self.slots.slots[slot].start });
        let resp = self.http.post(format!("{}/api/v1/holds", self.url)).json(&body).send().await.unwrap();
        resp.json::<Hold>().await.unwrap().id
    }

    async fn book(&self, key: &str, body: serde_json::Value) -> reqwest::Response {
        let req = self.http.post(format!("{}/api/v1/bookings", self.url)).header("Idempotency-Key", key);
        req.json(&body).send().await.unwrap()
    }

    async fn find(&self, code: &str, last4: &str) -> reqwest::Response {
        let req =
            self.http.get(format!("{}/api/v1/bookings/{code}", self.url)).header("X-Phone-Last4", last4);
        req.send().await.unwrap()
    }
}

// A Hong Kong resident books with a Hong Kong mobile and a Home Return
// Permit, then looks the booking up with its code and the last four
// digits; no answer carries the phone or the permit's number.
on_both_stores! {
    async fn a_hong_kong_resident_books_and_finds_it_and_no_answer_repeats_their_numbers(kind) {
    let b = backend(kind).await;
    let hold = b.hold(0).await;
    let request = |phone: &str, id: &str| json!({ "hold": hold, "name": "陳大文", "phone": phone, "id_kind": "hk_macao_permit", "id_number": id });
    let answer = b.book("hk-resident-1", request("+852 9123-4567", "h1234 5678")).await;
    assert_eq!(answer.status(), StatusCode::CREATED);
    let mut answers = vec![answer.text().await.unwrap()];
    let booking: Booking = serde_json::from_str(&answers[0]).unwrap();
    assert_eq!((booking.phone_masked.as_str(), booking.id_masked.as_str()), ("+852 ********", "H******78"));
    // Retried as the kiosk sends it now (normal forms), it is the same request.
    let retry = b.book("hk-resident-1", request("+85291234567", "H12345678")).await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    answers.push(retry.text().await.unwrap());
    assert_eq!(serde_json::from_str::<Booking>(&answers[1]).unwrap().code, booking.code);

    let found = b.find(&booking.code, "4567").await;
    assert_eq!(found.status(), StatusCode::OK);
    answers.push(found.text().await.unwrap());
    assert_eq!(b.find(&booking.code, "5678").await.status(), StatusCode::NOT_FOUND);
    let cancel = b.http.post(format!("{}/api/v1/bookings/{}/cancel", b.url, booking.code));
    let cancelled = cancel.json(&json!({ "phone_last4": "4567" })).send().await.unwrap();
    assert_eq!(cancelled.status(), StatusCode::OK);
    answers.push(cancelled.text().await.unwrap());
    for answer in &answers {
        for private in ["91234567", "9123 4567", "9123-4567", "H12345678", "1234 5678", "陳大文"] {
            assert!(!answer.contains(private), "{private} in {answer}");
        }
    }

    // A landline is refused, naming the field.
    let landline = b.book("hk-resident-2", request("+852 2123 4567", "H12345678")).await;
    assert_eq!(landline.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(landline.json::<ApiError>().await.unwrap().field.as_deref(), Some("phone"));
}
}

/// Bookings stored before E.164 hold 11 bare digits: found by their last
/// four and masked as before. An older client's `other` still books. (Only
/// SQLite files predate E.164: PostgreSQL stores came after it.)
#[tokio::test]
async fn bookings_in_the_old_forms_still_work() {
    let b = backend(StoreKind::Sqlite).await;
    let hold = b.hold(1).await;
    let body = json!({
        "hold": hold, "name": "张三", "phone": "13812345678", "id_kind": "other", "id_number": "E12345678",
    });
    let resp = b.book("legacy-other-1", body).await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let code = resp.json::<Booking>().await.unwrap().code;
    let db = format!("sqlite:{}", b.dir.path().join("onestop.db").display());
    let db = sqlx::SqlitePool::connect(&db).await.unwrap();
    let (stored,): (String,) = sqlx::query_as("SELECT phone FROM bookings WHERE code = $1")
        .bind(&code)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(stored, "+8613812345678", "stored in E.164");
    sqlx::query("UPDATE bookings SET phone = '13812345678' WHERE code = $1")
        .bind(&code)
        .execute(&db)
        .await
        .unwrap();
    let found = b.find(&code, "5678").await;
    assert_eq!(found.status(), StatusCode::OK);
    assert_eq!(found.json::<Booking>().await.unwrap().phone_masked, "138********");
}

// A residence permit's number is a GB 11643 number, which the resident ID
// check also takes: one person whichever of the two kinds was chosen.
on_both_stores! {
    async fn a_residence_permit_number_is_one_person_under_either_kind(kind) {
    let b = backend(kind).await;
    let permit = with_check("81000019940823002");
    let body = |hold: String, kind: &str| json!({ "hold": hold, "name": "陳小明", "phone": "+852 6123 4567", "id_kind": kind, "id_number": permit });
    let first = b.book("permit-1", body(b.hold(2).await, "residence_permit")).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let second = b.book("permit-2", body(b.hold(3).await, "resident_id")).await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    assert_eq!(second.json::<ApiError>().await.unwrap().code, "already_booked");
}
}
