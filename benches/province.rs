//! The province's figures: PostgreSQL beside SQLite (issue 15). Not yet written.
fn main() {}
