//! How identity documents and phone numbers read on screen: each document
//! type's name, and what is wrong with a number typed.

use crate::domain::{FieldError, IdKind};
use crate::i18n::Tr;
use crate::kiosk::booking::Field;

pub fn id_kind_name(tr: &Tr, kind: IdKind) -> String {
    tr.t(match kind {
        IdKind::ResidentId => "id-kind-resident",
        IdKind::Passport => "id-kind-passport",
        IdKind::Other => "id-kind-other",
    })
}

pub fn field_error(tr: &Tr, field: Field, kind: IdKind, error: FieldError) -> String {
    tr.t(match (field, error) {
        (Field::Name, FieldError::Missing) => "err-name-missing",
        (Field::Name, _) => "err-name-format",
        (Field::Phone, FieldError::Missing) => "err-phone-missing",
        (Field::Phone, _) => "err-phone-format",
        (_, FieldError::Missing) => "err-id-missing",
        (_, FieldError::Checksum) => "err-id-checksum",
        (_, FieldError::BirthDate) => "err-id-birth-date",
        (_, FieldError::Region) => "err-id-region",
        (_, FieldError::Format) if kind == IdKind::ResidentId => "err-id-format",
        (_, FieldError::Format) => "err-document-format",
    })
}

