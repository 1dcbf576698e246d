//! The codes the store hands out: confirmation codes people read aloud and
//! type back, and ids no one reads.

/// Crockford's base32: no I, L, O or U, so a code read aloud is unambiguous.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `len` random characters of Crockford's base32: 5 random bits each.
pub fn crockford(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).expect("the OS has randomness");
    bytes.iter().map(|b| CROCKFORD[(b & 31) as usize] as char).collect()
}

/// A random id with 128 bits, hex.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the OS has randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a code as people type it: case, spaces and look-alike letters forgiven.
pub fn normalize_code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}
