//! How identity documents and phone numbers read on screen: each document
//! type's name, and what is wrong with a number typed — for a document,
//! in words that say what its number looks like.

use crate::domain::{FieldError, IdKind};
use crate::i18n::Tr;
use crate::kiosk::booking::Field;

pub fn id_kind_name(tr: &Tr, kind: IdKind) -> String {
    tr.t(match kind {
        IdKind::ResidentId => "id-kind-resident",
        IdKind::HkMacaoPermit => "id-kind-hk-macao-permit",
        IdKind::TaiwanPermit => "id-kind-taiwan-permit",
        IdKind::ResidencePermit => "id-kind-residence-permit",
        IdKind::ForeignPermanentResident => "id-kind-permanent-residence",
        IdKind::Passport => "id-kind-passport",
    })
}

pub fn field_error(tr: &Tr, field: Field, kind: IdKind, error: FieldError) -> String {
    tr.t(match (field, error) {
        (Field::Name, FieldError::Missing) => "err-name-missing",
        (Field::Name, _) => "err-name-format",
        (Field::Phone, FieldError::Missing) => "err-phone-missing",
        (Field::Phone, FieldError::NotMobile) => "err-phone-not-mobile",
        (Field::Phone, _) => "err-phone-format",
        (Field::Company, FieldError::Missing) => "err-company-missing",
        (Field::Company, _) => "err-company-format",
        (_, error) => document_error(kind, error),
    })
}

/// The resident ID keeps its own words (they name the ID); the other kinds
/// share the wording of checks they have in common.
fn document_error(kind: IdKind, error: FieldError) -> &'static str {
    let resident = kind == IdKind::ResidentId;
    match error {
        FieldError::Missing => "err-id-missing",
        FieldError::Checksum if resident => "err-id-checksum",
        FieldError::Checksum => "err-document-checksum",
        FieldError::BirthDate if resident => "err-id-birth-date",
        FieldError::BirthDate => "err-document-birth-date",
        FieldError::Region if resident => "err-id-region",
        // The permit's format already says which code it begins with.
        FieldError::Region if kind == IdKind::ResidencePermit => format_message(kind),
        FieldError::Region => "err-document-region",
        FieldError::Format | FieldError::NotMobile => format_message(kind),
    }
}

/// What a number of this kind looks like.
fn format_message(kind: IdKind) -> &'static str {
    match kind {
        IdKind::ResidentId => "err-id-format",
        IdKind::HkMacaoPermit => "err-document-hk-macao-permit",
        IdKind::TaiwanPermit => "err-document-taiwan-permit",
        IdKind::ResidencePermit => "err-document-residence-permit",
        IdKind::ForeignPermanentResident => "err-document-permanent-residence",
        IdKind::Passport => "err-document-format",
    }
}

/// The document's short name, where a line also holds the number (the check page).
pub fn id_kind_short_name(tr: &Tr, kind: IdKind) -> String {
    tr.t(match kind {
        IdKind::ResidentId => "id-kind-short-resident",
        IdKind::HkMacaoPermit => "id-kind-short-hk-macao-permit",
        IdKind::TaiwanPermit => "id-kind-short-taiwan-permit",
        IdKind::ResidencePermit => "id-kind-short-residence-permit",
        IdKind::ForeignPermanentResident => "id-kind-short-permanent-residence",
        IdKind::Passport => "id-kind-short-passport",
    })
}
