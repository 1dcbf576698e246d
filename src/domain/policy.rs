//! The policy library (issue 18): documents, their validity and their
//! interpretations. Being written.
