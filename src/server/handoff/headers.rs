//! What every answer under `/m/` and `/M/` says about itself: a layer on
//! those routes adds it, so pages, error pages, 429s and the framework's
//! own rejections and fallbacks all carry it.
//!
//! The pages have no scripts, no images, no fonts and no frames, so the
//! policy allows nothing but their one inline style (by its hash) and
//! forms posted back to this server.

use std::sync::LazyLock;

use axum::{
    http::{HeaderName, HeaderValue, header},
    response::Response,
};
use sha2::{Digest, Sha256};

use super::html::STYLE;

/// The policy, with the style's hash filled in.
pub(super) static CONTENT_SECURITY_POLICY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "default-src 'none'; style-src '{}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        style_source()
    )
});

/// The CSP source that allows exactly `STYLE`: `sha256-` and its base64 hash.
fn style_source() -> String {
    format!("sha256-{}", base64(&Sha256::digest(STYLE.as_bytes())))
}

/// Adds the headers to an answer (for `axum::middleware::map_response`).
pub(super) async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let policy = HeaderValue::from_str(&CONTENT_SECURITY_POLICY).expect("the policy is ASCII");
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    // For browsers older than frame-ancestors.
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // A page is never worth keeping: it may show a booking.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// Standard base64 with padding (RFC 4648 §4), as CSP hashes are written.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from_be_bytes([0, b[0], b[1], b[2]]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648_writes_it() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn the_policy_allows_the_style_by_its_hash_and_nothing_else() {
        let policy = &*CONTENT_SECURITY_POLICY;
        assert!(policy.starts_with("default-src 'none'; style-src 'sha256-"), "{policy}");
        assert!(!policy.contains("unsafe") && !policy.contains("script"), "{policy}");
        // SHA-256 is 32 bytes: 44 characters of base64.
        assert_eq!(style_source().len(), "sha256-".len() + 44);
    }
}
