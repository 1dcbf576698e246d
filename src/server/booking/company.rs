//! The company a booking is for, where the service asks for it
//! (`booking_fields = ["company"]` in the catalogue): checked as it
//! arrives, required by such a service, not kept by others.

use axum::http::StatusCode;

use crate::domain::{BookingField, Service, person};
use crate::server::routes::Fail;

/// The company's name a booking keeps, trimmed. Malformed: 422
/// `invalid_field` (`company`). Missing where `service` asks for it: 400
/// `missing_field`. Given where `service` does not ask: not kept. With
/// `service` unknown (`None`) a name given is checked and kept.
pub(super) fn company_for(
    service: Option<&Service>,
    company: Option<String>,
) -> Result<Option<String>, Fail> {
    // A blank name sent is a malformed name (the document's minLength), not none.
    let given = company.map(|c| c.trim().to_owned());
    match (service.map(|s| s.asks(BookingField::Company)), given) {
        (Some(true), None) => Err(Fail::new(
            StatusCode::BAD_REQUEST,
            "missing_field",
            "this service asks for the company's name: send `company`",
        )),
        (Some(false), _) | (None, None) => Ok(None),
        (_, Some(name)) => {
            person::company(&name).map_err(|_| {
                Fail::invalid("company", "a company name: 1 to 60 letters and digits, no control characters")
            })?;
            Ok(Some(name))
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::response::IntoResponse;

    use super::*;

    fn service(asks: bool) -> Service {
        let catalog = crate::server::catalog_source::embedded().unwrap();
        let mut s = catalog.services.into_iter().find(|s| s.id == "company-establishment").unwrap();
        assert!(s.asks(BookingField::Company), "the demo asks for it here");
        if !asks {
            s.booking_fields.clear();
        }
        s
    }

    fn status(result: Result<Option<String>, Fail>) -> StatusCode {
        result.map_or_else(|f| f.into_response().status(), |_| StatusCode::OK)
    }

    #[test]
    fn a_service_that_asks_requires_a_well_formed_name() {
        let asks = service(true);
        let name = Some(" 杭州滨江示例科技有限公司 ".to_owned());
        assert_eq!(company_for(Some(&asks), name).ok(), Some(Some("杭州滨江示例科技有限公司".to_owned())));
        assert_eq!(status(company_for(Some(&asks), None)), StatusCode::BAD_REQUEST);
        // Sent but blank: a malformed name (the document's minLength), not a missing one.
        assert_eq!(status(company_for(Some(&asks), Some("  ".into()))), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(status(company_for(None, Some(String::new()))), StatusCode::UNPROCESSABLE_ENTITY);
        let escape = Some("示例\u{1b}[2J公司".to_owned());
        assert_eq!(status(company_for(Some(&asks), escape)), StatusCode::UNPROCESSABLE_ENTITY);
    }

    #[test]
    fn a_service_that_does_not_ask_keeps_nothing() {
        let plain = service(false);
        assert_eq!(company_for(Some(&plain), Some("示例有限公司".into())).ok(), Some(None));
        assert_eq!(company_for(Some(&plain), None).ok(), Some(None));
    }
}
