//! Speech: from a key to the first audio byte leaving espeak-ng (issue 19). Not yet written.
fn main() {}
