//! The API's parameters as the OpenAPI document states them — where each
//! one goes (path, query, header), its shape, its bounds, an example — and
//! the extractors that hold a request to exactly that: a path or query
//! outside its shape gets the API's own JSON error, never the framework's
//! text. Also the answers every operation shares (`ApiAnswers`), added to
//! the document in one place.

use axum::{
    extract::{
        FromRequestParts, Path, Query,
        rejection::{JsonRejection, PathRejection, QueryRejection},
    },
    http::{StatusCode, request::Parts},
};
use serde::{Deserialize, de::DeserializeOwned};
use utoipa::{
    IntoParams, Modify,
    openapi::{
        OpenApi, PathItem, Ref, RefOr,
        path::Operation,
        response::{Response, ResponseBuilder},
    },
};

use super::routes::Fail;
use crate::domain::limits::de;

/// `{hall}`: a hall's id, from the catalogue.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub(crate) struct HallPath {
    /// Hall id, from `GET /api/v1/halls`.
    #[param(pattern = "^[a-z0-9-]{1,64}$", min_length = 1, max_length = 64, example = "binjiang")]
    #[serde(deserialize_with = "de::id")]
    pub hall: String,
}

/// `{id}`: a hold, as `POST /api/v1/holds` gave it.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub(crate) struct HoldPath {
    /// Hold id: 128 random bits as 32 lowercase hex digits.
    #[param(
        pattern = "^[0-9a-f]{32}$",
        min_length = 32,
        max_length = 32,
        example = "5f0c3e9a7b2d4e1f8a6c0b9d3e7f2a14"
    )]
    #[serde(deserialize_with = "de::hold_id")]
    pub id: String,
}

/// `{code}`: a booking's confirmation code.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub(crate) struct BookingPath {
    /// Confirmation code: 8 characters of Crockford's base32, read in
    /// either case (I and L as 1, O as 0), optionally split `XXXX-XXXX`
    /// or, as the kiosk and the phone write it, `XXXX XXXX`.
    #[param(
        pattern = "^[0-9A-Za-z]{4}[- ]?[0-9A-Za-z]{4}$",
        min_length = 8,
        max_length = 9,
        example = "7K3M9QX2"
    )]
    #[serde(deserialize_with = "written_code")]
    pub code: String,
}

/// A booking code as it is written (`ZANR 918G`) or typed with a dash:
/// the space stands where a dash may, and the code is checked as one.
fn written_code<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    use serde::de::{Error, IntoDeserializer};
    let s = String::deserialize(d)?;
    let dashed = match s.split_once(' ') {
        Some((a, b)) => format!("{a}-{b}"),
        None => s,
    };
    de::booking_code(dashed.into_deserializer()).map_err(|e: serde::de::value::Error| D::Error::custom(e))
}

/// `{kiosk}`: a kiosk's id, as its configuration names it.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub(crate) struct KioskPath {
    /// Kiosk id (`kiosk.id` in its configuration).
    #[param(pattern = "^[A-Za-z0-9._-]{1,64}$", min_length = 1, max_length = 64, example = "kiosk-01")]
    #[serde(deserialize_with = "de::kiosk_id")]
    pub kiosk: String,
}

/// `?service=`: the service the days are for.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ServiceQuery {
    /// Service id, from the catalogue.
    #[param(
        pattern = "^[a-z0-9-]{1,64}$",
        min_length = 1,
        max_length = 64,
        example = "passport-application"
    )]
    #[serde(deserialize_with = "de::id")]
    pub service: String,
}

/// `?service=&date=`: the service, and the day at the hall.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct SlotsQuery {
    /// Service id, from the catalogue.
    #[param(
        pattern = "^[a-z0-9-]{1,64}$",
        min_length = 1,
        max_length = 64,
        example = "passport-application"
    )]
    #[serde(deserialize_with = "de::id")]
    pub service: String,
    /// Local date at the hall, `YYYY-MM-DD`, as `days` lists it.
    #[param(
        pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        min_length = 10,
        max_length = 10,
        example = "2026-12-01"
    )]
    #[serde(deserialize_with = "de::date")]
    pub date: String,
}

/// `?hall=`: the hall whose time zone says when "today" began.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct HallQuery {
    /// Hall id, from the catalogue.
    #[param(pattern = "^[a-z0-9-]{1,64}$", min_length = 1, max_length = 64, example = "binjiang")]
    #[serde(deserialize_with = "de::id")]
    pub hall: String,
}

/// The `Idempotency-Key` header of a confirmation (documentation only: the
/// route reads it with `limits::is_idempotency_key`).
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub(crate) struct IdempotencyKey {
    /// Unique per confirmation attempt, and the same when it is retried:
    /// 8 to 128 visible ASCII characters (spaces only inside).
    #[param(
        rename = "Idempotency-Key",
        pattern = "^[!-~][ -~]{6,126}[!-~]$",
        min_length = 8,
        max_length = 128,
        example = "kiosk-01-1f6c2b8e"
    )]
    key: String,
}

/// The `X-Phone-Last4` header of a lookup (documentation only).
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub(crate) struct PhoneLast4 {
    /// The last four digits of the phone number given when booking.
    /// Anything else counts as a wrong try.
    #[param(
        rename = "X-Phone-Last4",
        pattern = "^[0-9]{4}$",
        min_length = 4,
        max_length = 4,
        example = "5678"
    )]
    digits: String,
}

/// A path parameter of its documented shape, or the API's JSON error: 404
/// for a value that cannot name anything, 400 for one that is not UTF-8.
pub(crate) struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = Fail;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Fail> {
        use axum::extract::path::ErrorKind;
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(ApiPath(value)),
            Err(PathRejection::FailedToDeserializePathParams(e)) => match e.kind() {
                ErrorKind::InvalidUtf8InPathParam { .. } => {
                    Err(Fail::new(StatusCode::BAD_REQUEST, "bad_request", "the path is not UTF-8"))
                }
                _ => Err(Fail::new(StatusCode::NOT_FOUND, "not_found", "nothing matches")),
            },
            Err(e) => {
                tracing::error!("route without its path parameters: {e}");
                Err(Fail::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "the server could not complete the request",
                ))
            }
        }
    }
}

/// A query of its documented shape, or 400 `bad_request` naming the rule.
pub(crate) struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Fail;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Fail> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| ApiQuery(q))
            .map_err(|e: QueryRejection| Fail::new(StatusCode::BAD_REQUEST, "bad_request", e.body_text()))
    }
}

/// A JSON body's refusal: 415 when it is not sent as JSON, else 400.
pub(crate) fn json_refused(e: JsonRejection) -> Fail {
    match e {
        JsonRejection::MissingJsonContentType(_) => Fail::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as Content-Type: application/json",
        ),
        e => Fail::new(StatusCode::BAD_REQUEST, "bad_request", e.body_text()),
    }
}

/// The answers every JSON operation shares, added wherever the operation
/// does not describe them itself: 405 for a method the path does not take
/// (with `Allow`), and by what the request carries, 400 (a query, a body or
/// a path not UTF-8), 404 (a path parameter naming nothing), 415 (a body
/// not sent as JSON) and 500 (the store failed). The phone pages answer in
/// HTML and describe their own answers but 405; their `/M/…` twins are
/// copied from `/m/…` here.
pub struct ApiAnswers;

/// Operations answered from memory alone: no store, so never a 500.
const FROM_MEMORY: [&str; 4] = ["/api/v1/catalog", "/api/v1/halls", "/healthz", "/openapi.json"];

impl Modify for ApiAnswers {
    fn modify(&self, doc: &mut OpenApi) {
        for (path, item) in doc.paths.paths.iter_mut() {
            let phone_page = path.starts_with("/m/");
            let from_memory = FROM_MEMORY.contains(&path.as_str());
            for op in operations(item) {
                if phone_page {
                    op.responses
                        .responses
                        .entry("405".into())
                        .or_insert_with(|| page_answer(METHOD_NOT_ALLOWED));
                } else {
                    add_shared_answers(op, from_memory);
                }
            }
        }
        link_answers_to_their_uses(doc);
        upper_case_phone_pages(doc);
        super::auth::document(doc);
    }
}

/// What an answer's id or code opens next (OpenAPI links, which clients
/// and schemathesis's stateful tests follow): (path, method, status,
/// operation it opens, its parameter, where the value is in the answer).
const LINKS: [(&str, &str, &str, &str, &str, &str); 7] = [
    ("/api/v1/holds", "post", "201", "extend_hold", "id", "$response.body#/id"),
    ("/api/v1/holds", "post", "201", "delete_hold", "id", "$response.body#/id"),
    ("/api/v1/bookings", "post", "201", "get_booking", "code", "$response.body#/code"),
    ("/api/v1/bookings", "post", "201", "cancel_booking", "code", "$response.body#/code"),
    ("/api/v1/handoffs", "post", "201", "page", "code", "$response.body#/code"),
    ("/api/v1/handoffs", "post", "201", "ask_to_cancel", "code", "$response.body#/code"),
    ("/api/v1/handoffs", "post", "201", "cancel", "code", "$response.body#/code"),
];

fn link_answers_to_their_uses(doc: &mut OpenApi) {
    use utoipa::openapi::link::Link;
    for (path, method, status, target, param, value) in LINKS {
        let Some(item) = doc.paths.paths.get_mut(path) else { continue };
        let op = match method {
            "post" => item.post.as_mut(),
            _ => item.get.as_mut(),
        };
        let answer = op.and_then(|op| op.responses.responses.get_mut(status));
        if let Some(RefOr::T(answer)) = answer {
            let link = Link::builder().operation_id(target).parameter(param, value).build();
            answer.links.insert(target.to_owned(), link.into());
        }
    }
}

const METHOD_NOT_ALLOWED: &str = "This path does not take this method; `Allow` lists those it takes";

/// `/M/…` answers exactly as `/m/…` (a QR code stores an upper-case link
/// more compactly): the same operations, under their own paths, with
/// operation ids of their own.
fn upper_case_phone_pages(doc: &mut OpenApi) {
    let upper: Vec<(String, PathItem)> = doc
        .paths
        .paths
        .iter()
        .filter_map(|(path, item)| Some((format!("/M/{}", path.strip_prefix("/m/")?), item.clone())))
        .collect();
    for (path, mut item) in upper {
        for op in operations(&mut item) {
            op.operation_id = op.operation_id.take().map(|id| format!("{id}_upper_case"));
        }
        doc.paths.paths.insert(path, item);
    }
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch, &mut item.head]
        .into_iter()
        .filter_map(Option::as_mut)
}

fn add_shared_answers(op: &mut Operation, from_memory: bool) {
    use utoipa::openapi::path::ParameterIn;
    let placed = |place: ParameterIn| {
        op.parameters.iter().flatten().any(|p| matches!(p, RefOr::T(p) if p.parameter_in == place))
    };
    let (in_path, in_query) = (placed(ParameterIn::Path), placed(ParameterIn::Query));
    let body = op.request_body.is_some();
    let mut add = |status: &str, when: bool, text: &str| {
        if when {
            op.responses.responses.entry(status.to_owned()).or_insert_with(|| error_answer(text));
        }
    };
    add(
        "400",
        in_path || in_query || body,
        "`bad_request`: a parameter or the body is not of its documented shape",
    );
    add("404", in_path, "`not_found`: nothing has this id or code");
    add(
        "405",
        true,
        "`method_not_allowed`: this path does not take this method; `Allow` lists those it takes",
    );
    add("415", body, "`unsupported_media_type`: the body must be sent as `application/json`");
    add("500", !from_memory, "`internal`: the server could not complete the request (the cause is logged)");
}

fn page_answer(description: &str) -> RefOr<Response> {
    let html = utoipa::openapi::ContentBuilder::new()
        .schema(Some(utoipa::openapi::schema::Object::with_type(utoipa::openapi::schema::Type::String)))
        .build();
    ResponseBuilder::new().description(description).content("text/html", html).build().into()
}

pub(super) fn error_answer(description: &str) -> RefOr<Response> {
    let json = utoipa::openapi::ContentBuilder::new().schema(Some(Ref::from_schema_name("ApiError"))).build();
    ResponseBuilder::new().description(description).content("application/json", json).build().into()
}
