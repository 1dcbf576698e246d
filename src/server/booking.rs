//! Booking routes: halls, days, slots, holds, bookings, lookup and cancel.

use std::sync::Arc;

use axum::{
    Extension, Json,
    extract::{State, rejection::JsonRejection},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use jiff::{Timestamp, civil::Date};

use super::{
    AppState,
    calendar::{self, SlotTime},
    params::{
        ApiPath, ApiQuery, HallPath, HallQuery, HoldPath, IdempotencyKey, KioskPath, ServiceQuery,
        SlotsQuery, json_refused,
    },
    routes::Fail,
    store::{self, BookError, HoldSlot, NewBooking, StoredBooking, TokenInfo},
};
use crate::domain::{
    ApiError, Booking, BookingRequest, BookingStatus, Day, Days, FieldError, Hall, Hold, HoldRequest,
    Service, Slot, Slots, document, limits, person,
};

mod company;
mod lookup;

// The routes and their OpenAPI descriptions, where `routes.rs` names them.
pub(super) use lookup::{__path_cancel_booking, __path_get_booking, cancel_booking, get_booking};

type ApiResult<T> = Result<T, Fail>;

fn not_found() -> Fail {
    Fail::new(StatusCode::NOT_FOUND, "not_found", "nothing matches")
}

fn json<T>(body: Result<Json<T>, JsonRejection>) -> ApiResult<T> {
    body.map(|Json(b)| b).map_err(json_refused)
}

fn now_secs(state: &AppState) -> (Timestamp, i64) {
    let now = state.clock.now();
    (now, now.as_second())
}

fn hall_and_service<'a>(
    catalog: &'a crate::domain::Catalog,
    hall: &str,
    service: &str,
) -> ApiResult<(&'a Hall, &'a Service)> {
    let hall = catalog.halls.iter().find(|h| h.id == hall).ok_or_else(not_found)?;
    let service = catalog
        .services
        .iter()
        .find(|s| s.id == service)
        .ok_or_else(|| Fail::invalid("service", "no such service"))?;
    if !service.halls.contains(&hall.id) {
        return Err(Fail::invalid("service", "this hall does not handle this service"));
    }
    Ok((hall, service))
}

/// Halls with their hours and time zones.
#[utoipa::path(get, path = "/api/v1/halls", responses((status = 200, body = Vec<Hall>)))]
pub(super) async fn halls(State(state): State<AppState>) -> Json<Vec<Hall>> {
    Json(state.served.get().catalog.halls.clone())
}

/// The next 14 days at a hall for a service: open or closed, places left.
#[utoipa::path(
    get,
    path = "/api/v1/halls/{hall}/days",
    params(HallPath, ServiceQuery),
    responses(
        (status = 200, body = Days),
        (status = 404, description = "`not_found`: no such hall", body = ApiError),
        (status = 422, description = "`invalid_field` (`service`): no such service, or not at this hall", body = ApiError),
    )
)]
pub(super) async fn days(
    State(state): State<AppState>,
    ApiPath(HallPath { hall }): ApiPath<HallPath>,
    ApiQuery(q): ApiQuery<ServiceQuery>,
) -> ApiResult<Json<Days>> {
    let served = state.served.get();
    let (hall, service) = hall_and_service(&served.catalog, &hall, &q.service)?;
    let (now, secs) = now_secs(&state);
    state.store.release_expired(secs).await.map_err(Fail::internal)?;
    let dates = calendar::bookable_dates(hall, now);
    let (from, to) = (secs, secs + 15 * 86_400);
    let taken = state.store.taken(&hall.id, &service.id, from, to).await.map_err(Fail::internal)?;
    let days = dates
        .into_iter()
        .map(|date| {
            let slots = calendar::slots(hall, service.booking, date, now);
            let remaining = slots.iter().map(|s| remaining(service, &taken, s)).sum();
            Day {
                date: date.to_string(),
                weekday: calendar::weekday(date),
                // Today after the last slot has begun is closed, not full.
                open: calendar::is_open(hall, date) && !slots.is_empty(),
                remaining,
            }
        })
        .collect();
    Ok(Json(Days {
        hall: hall.id.clone(),
        service: service.id.clone(),
        time_zone: hall.time_zone.clone(),
        days,
    }))
}

fn remaining(service: &Service, taken: &[(i64, u32)], slot: &SlotTime) -> u32 {
    let start = slot.start.timestamp().as_second();
    let used = taken.iter().find(|(s, _)| *s == start).map_or(0, |(_, t)| *t);
    u32::from(service.booking.capacity).saturating_sub(used)
}

/// The slots of one day, with places left, in the hall's time zone.
#[utoipa::path(
    get,
    path = "/api/v1/halls/{hall}/slots",
    params(HallPath, SlotsQuery),
    responses(
        (status = 200, body = Slots),
        (status = 404, description = "`not_found`: no such hall", body = ApiError),
        (status = 422, description = "`invalid_field` (`service`, `date`): no such service, not at this hall, or not a real date", body = ApiError),
    )
)]
pub(super) async fn slots(
    State(state): State<AppState>,
    ApiPath(HallPath { hall }): ApiPath<HallPath>,
    ApiQuery(q): ApiQuery<SlotsQuery>,
) -> ApiResult<Json<Slots>> {
    let served = state.served.get();
    let (hall, service) = hall_and_service(&served.catalog, &hall, &q.service)?;
    let date: Date = q.date.parse().map_err(|_| Fail::invalid("date", "write the date as YYYY-MM-DD"))?;
    let (now, secs) = now_secs(&state);
    state.store.release_expired(secs).await.map_err(Fail::internal)?;
    let offered = if calendar::bookable_dates(hall, now).contains(&date) {
        calendar::slots(hall, service.booking, date, now)
    } else {
        vec![]
    };
    let (from, to) = match (offered.first(), offered.last()) {
        (Some(f), Some(l)) => (f.start.timestamp().as_second(), l.start.timestamp().as_second() + 1),
        _ => (0, 0),
    };
    let taken = state.store.taken(&hall.id, &service.id, from, to).await.map_err(Fail::internal)?;
    let tz = calendar::zone(hall);
    let offset = date.to_zoned(tz).map(|z| offset_text(z.offset())).unwrap_or_default();
    let slots = offered
        .iter()
        .map(|s| Slot {
            start: s.start.timestamp().to_string(),
            local_start: calendar::hh_mm(&s.start),
            local_end: calendar::hh_mm(&s.end),
            capacity: u32::from(service.booking.capacity),
            remaining: remaining(service, &taken, s),
        })
        .collect();
    Ok(Json(Slots {
        hall: hall.id.clone(),
        service: service.id.clone(),
        date: date.to_string(),
        time_zone: hall.time_zone.clone(),
        utc_offset: offset,
        slots,
    }))
}

/// Keeps a place in a slot for a few minutes while the citizen fills in details.
#[utoipa::path(
    post,
    path = "/api/v1/holds",
    request_body = HoldRequest,
    responses(
        (status = 201, body = Hold),
        (status = 409, description = "`slot_full`", body = ApiError),
        (status = 422, description = "`invalid_field` (`hall`, `service`, `start`): no such hall or service, or not a slot that can be booked now", body = ApiError),
    )
)]
pub(super) async fn create_hold(
    State(state): State<AppState>,
    kiosk: Option<Extension<Arc<TokenInfo>>>,
    body: Result<Json<HoldRequest>, JsonRejection>,
) -> ApiResult<Response> {
    let req = json(body)?;
    let served = state.served.get();
    // A hall named in a body is a field, not the resource the path names.
    if !served.catalog.halls.iter().any(|h| h.id == req.hall) {
        return Err(Fail::invalid("hall", "no such hall"));
    }
    // A kiosk books for its own hall only.
    if let Some(Extension(kiosk)) = kiosk
        && kiosk.hall != req.hall
    {
        return Err(Fail::new(StatusCode::FORBIDDEN, "other_hall", "this kiosk books for its own hall only"));
    }
    let (hall, service) = hall_and_service(&served.catalog, &req.hall, &req.service)?;
    let start: Timestamp = req.start.parse().map_err(|_| Fail::invalid("start", "an RFC 3339 instant"))?;
    let (now, secs) = now_secs(&state);
    let slot = calendar::find_slot(hall, service.booking, start, now)
        .ok_or_else(|| Fail::invalid("start", "not a slot that can be booked now"))?;
    state.store.release_expired(secs).await.map_err(Fail::internal)?;
    let local_date = slot.start.date().to_string();
    let hold_slot = HoldSlot {
        hall: &hall.id,
        service: &service.id,
        start: slot.start.timestamp().as_second(),
        end: slot.end.timestamp().as_second(),
        local_date: &local_date,
        capacity: u32::from(service.booking.capacity),
    };
    let expires = secs + state.hold_secs;
    match state.store.hold(&hold_slot, expires).await.map_err(Fail::internal)? {
        None => Err(Fail::new(StatusCode::CONFLICT, "slot_full", "no places left in this slot")),
        Some(id) => {
            let expires_at = Timestamp::from_second(expires).map(|t| t.to_string()).unwrap_or_default();
            let hold = Hold { id, expires_at, expires_in: state.hold_secs as u32 };
            Ok((StatusCode::CREATED, Json(hold)).into_response())
        }
    }
}

/// Keeps a held place for another full hold time, while the citizen is
/// still typing: at most twice, and only while the slot has a place left
/// for others.
#[utoipa::path(
    post,
    path = "/api/v1/holds/{id}/extend",
    params(HoldPath),
    responses(
        (status = 200, body = Hold),
        (status = 409, description = "`extend_refused`: kept longer twice already, or the slot is full", body = ApiError),
        (status = 410, description = "`hold_expired`: no such hold, or it ran out", body = ApiError),
    )
)]
pub(super) async fn extend_hold(
    State(state): State<AppState>,
    ApiPath(HoldPath { id }): ApiPath<HoldPath>,
) -> ApiResult<Json<Hold>> {
    let (_, secs) = now_secs(&state);
    let expires = secs + state.hold_secs;
    match state.store.extend(&id, secs, expires).await.map_err(Fail::internal)? {
        store::Extend::Kept => {
            let expires_at = Timestamp::from_second(expires).map(|t| t.to_string()).unwrap_or_default();
            Ok(Json(Hold { id, expires_at, expires_in: state.hold_secs as u32 }))
        }
        store::Extend::Gone => {
            Err(Fail::new(StatusCode::GONE, "hold_expired", "the hold expired; choose a slot again"))
        }
        store::Extend::TooOften | store::Extend::NoRoom => Err(Fail::new(
            StatusCode::CONFLICT,
            "extend_refused",
            "the place cannot be kept longer; confirm the booking or choose again",
        )),
    }
}

/// Gives a held place back (the citizen left, or the session was reset).
#[utoipa::path(
    delete,
    path = "/api/v1/holds/{id}",
    params(HoldPath),
    responses(
        (status = 204, description = "Given back"),
        (status = 404, description = "`not_found`: no such hold (given back already, or it ran out)", body = ApiError),
    )
)]
pub(super) async fn delete_hold(
    State(state): State<AppState>,
    ApiPath(HoldPath { id }): ApiPath<HoldPath>,
) -> ApiResult<StatusCode> {
    match state.store.release(&id).await.map_err(Fail::internal)? {
        true => Ok(StatusCode::NO_CONTENT),
        false => Err(not_found()),
    }
}

/// Confirms a hold as a booking. A retry with the same `Idempotency-Key`
/// returns the same booking; the key with another body is refused. The
/// same request sent again under a new key (a kiosk that lost its key)
/// answers 200 with the booking its hold already became.
#[utoipa::path(
    post,
    path = "/api/v1/bookings",
    request_body = BookingRequest,
    params(IdempotencyKey),
    responses(
        (status = 201, description = "Booked now (or a retry under the same key)", body = Booking),
        (status = 200, description = "Booked before: this very request (same hold and details) was \
         confirmed under another key; the booking then made", body = Booking),
        (status = 400, description = "`missing_idempotency_key`: no `Idempotency-Key`, or not 8 to 128 visible characters; \
         `bad_request`: the body is not a booking request of the documented shape; \
         or `missing_field`: the service asks for `company` and none was sent", body = ApiError),
        (status = 409, description = "`already_booked`, `too_many_bookings` (the person's upcoming bookings, `booking.bookings_per_person`) or `idempotency_conflict`", body = ApiError),
        (status = 410, description = "`hold_expired`", body = ApiError),
        (status = 422, description = "`invalid_field`, naming the field (`name`, `phone`, `id_number`, `company`)", body = ApiError),
    )
)]
pub(super) async fn create_booking(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<BookingRequest>, JsonRejection>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    let new = new_booking(&state, key, json(body)?).await?;
    let request_hash = new.request_hash.clone();
    match state.store.book(new).await {
        Ok(b) => Ok((StatusCode::CREATED, Json(view(&state, &b))).into_response()),
        Err(BookError::HoldExpired) => made_before(&state, &request_hash).await,
        Err(BookError::AlreadyBooked) => Err(Fail::new(
            StatusCode::CONFLICT,
            "already_booked",
            "this person already has a booking for this service that day",
        )),
        Err(BookError::TooManyBookings) => Err(Fail::new(
            StatusCode::CONFLICT,
            "too_many_bookings",
            "this person already has as many upcoming bookings as one may",
        )),
        Err(BookError::IdempotencyConflict) => Err(Fail::new(
            StatusCode::CONFLICT,
            "idempotency_conflict",
            "this Idempotency-Key was used with a different request",
        )),
        Err(BookError::Store(e)) => Err(Fail::internal(e)),
    }
}

fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| limits::is_idempotency_key(k))
        .map(str::to_owned)
        .ok_or_else(|| {
            Fail::new(StatusCode::BAD_REQUEST, "missing_idempotency_key", "send an Idempotency-Key header")
        })
}

/// The request checked field by field, in the one shape it is stored and hashed in.
async fn new_booking(state: &AppState, key: String, req: BookingRequest) -> ApiResult<NewBooking> {
    person::name(&req.name).map_err(|_| Fail::invalid("name", "a name of 1 to 40 letters"))?;
    person::phone(&req.phone).map_err(|e| Fail::invalid("phone", phone_rule(e)))?;
    person::id_number(req.id_kind, &req.id_number)
        .map_err(|_| Fail::invalid("id_number", document::describe(req.id_kind)))?;
    let id_number = person::normalize_id(&req.id_number);
    // One form for every number however it was typed (E.164): the same
    // request always hashes the same, and lookups read one shape.
    let phone = person::normalize_phone(&req.phone);
    // The hold's service says whether a company's name is asked for; with
    // the hold gone, a name given is checked and kept, and the store answers
    // for the hold.
    let held = state.store.hold_service(&req.hold).await.map_err(Fail::internal)?;
    let served = state.served.get();
    let service = held.and_then(|id| served.catalog.services.iter().find(|s| s.id == id));
    let company = company::company_for(service, req.company)?;
    let (_, secs) = now_secs(state);
    let mut request_hash = format!("{:?}", (&req.hold, req.name.trim(), &phone, req.id_kind, &id_number));
    // Only with a company: a request without one hashes as it always did.
    if let Some(company) = &company {
        request_hash += &format!("{company:?}");
    }
    Ok(NewBooking {
        idempotency_key: key,
        request_hash: sha_hex(&request_hash),
        id_masked: person::mask_id(&id_number),
        hold: req.hold,
        name: req.name.trim().to_owned(),
        phone,
        id_kind: req.id_kind,
        id_number,
        kiosk: req.kiosk,
        company,
        max_upcoming: state.bookings_per_person,
        now: secs,
    })
}

/// The hold is gone: if this same request (the hold's secret id and the
/// same person's details, as hashed) made a booking of it, that booking,
/// as the first answer gave it; anything else gets the hold's usual 410.
/// Answering 200 rather than 409 lets a kiosk that lost its key carry on
/// to the confirmation as if its first answer had arrived.
async fn made_before(state: &AppState, request_hash: &str) -> ApiResult<Response> {
    match state.store.booking_made_by(request_hash).await.map_err(Fail::internal)? {
        Some(b) => Ok((StatusCode::OK, Json(view(state, &b))).into_response()),
        None => Err(Fail::new(StatusCode::GONE, "hold_expired", "the hold expired; choose a slot again")),
    }
}

/// Why a phone number was refused, for the developer reading the answer.
fn phone_rule(error: FieldError) -> &'static str {
    match error {
        FieldError::NotMobile => "a mobile number, not a landline: reminders go out as text messages",
        _ => "a mobile number: 11 mainland digits, or + (or 00) and the country code",
    }
}

/// `+08:00` style, as RFC 3339 writes offsets.
fn offset_text(offset: jiff::tz::Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", secs.abs() / 3600, secs.abs() % 3600 / 60)
}

fn sha_hex(s: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn view(state: &AppState, b: &StoredBooking) -> Booking {
    let served = state.served.get();
    let hall = served.catalog.halls.iter().find(|h| h.id == b.hall);
    let tz = hall.map_or(jiff::tz::TimeZone::UTC, calendar::zone);
    let local = |t: i64| {
        Timestamp::from_second(t).map(|t| calendar::hh_mm(&t.to_zoned(tz.clone()))).unwrap_or_default()
    };
    Booking {
        code: b.code.clone(),
        status: if b.active { BookingStatus::Active } else { BookingStatus::Cancelled },
        hall: b.hall.clone(),
        service: b.service.clone(),
        start: Timestamp::from_second(b.start).map(|t| t.to_string()).unwrap_or_default(),
        date: b.local_date.clone(),
        local_start: local(b.start),
        local_end: local(b.end),
        time_zone: hall.map_or_else(String::new, |h| h.time_zone.clone()),
        name_masked: person::mask(&b.name, 1, 0),
        // Not the last four digits: with the code they look a booking up.
        // Bookings stored before E.164 hold 11 digits: masked the same.
        phone_masked: person::mask_phone(&b.phone),
        id_masked: b.id_masked.clone(),
    }
}

/// Bookings made from one kiosk today (for the hall's staff screen).
#[utoipa::path(
    get,
    path = "/api/v1/kiosks/{kiosk}/bookings-today",
    params(KioskPath, HallQuery),
    responses(
        (status = 200, body = crate::domain::Count),
        (status = 404, description = "`not_found`: no such hall", body = ApiError),
    )
)]
pub(super) async fn bookings_today(
    State(state): State<AppState>,
    ApiPath(KioskPath { kiosk }): ApiPath<KioskPath>,
    ApiQuery(q): ApiQuery<HallQuery>,
) -> ApiResult<Json<crate::domain::Count>> {
    let served = state.served.get();
    let hall = served.catalog.halls.iter().find(|h| h.id == q.hall).ok_or_else(not_found)?;
    let (now, _) = now_secs(&state);
    let midnight = calendar::today(hall, now)
        .to_zoned(calendar::zone(hall))
        .map(|z| z.timestamp().as_second())
        .map_err(|_| not_found())?;
    let count = state.store.bookings_since(&kiosk, midnight).await.map_err(Fail::internal)?;
    Ok(Json(crate::domain::Count { count }))
}
