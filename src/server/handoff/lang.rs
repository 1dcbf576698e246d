//! The language of a page that has no handoff to take it from (an unknown
//! or expired code, a malformed address): the phone's `Accept-Language`.

use axum::http::{HeaderMap, header};

use crate::domain::Lang;

/// The language the phone prefers most among those we speak, else zh-CN.
/// Equal weights keep the phone's order.
pub(super) fn preferred(headers: &HeaderMap) -> Lang {
    let mut best: Option<(u16, Lang)> = None;
    let ranges = headers.get_all(header::ACCEPT_LANGUAGE).iter().filter_map(|v| v.to_str().ok());
    for range in ranges.flat_map(|v| v.split(',')) {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let weight = parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1000), quality);
        let (Some(weight), Some(lang)) = (weight, spoken(tag)) else { continue };
        if weight > 0 && best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, lang));
        }
    }
    best.map_or(Lang::FALLBACK, |(_, lang)| lang)
}

/// A weight `0`…`1` with up to three decimals, in thousandths.
fn quality(q: &str) -> Option<u16> {
    let value: f32 = q.trim().parse().ok()?;
    (0.0..=1.0).contains(&value).then(|| (value * 1000.0).round() as u16)
}

/// Which of our languages a BCP 47 tag asks for: Traditional Chinese by
/// its script or by Hong Kong, Macao or Taiwan (zh-Hans wins over the
/// region); any other Chinese is Simplified; any English is en-US.
fn spoken(tag: &str) -> Option<Lang> {
    let lower = tag.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    match subtags.next()? {
        "zh" => {
            let rest: Vec<&str> = subtags.collect();
            let traditional = if rest.contains(&"hans") {
                false
            } else {
                rest.iter().any(|s| matches!(*s, "hant" | "hk" | "mo" | "tw"))
            };
            Some(if traditional { Lang::ZhHk } else { Lang::ZhCn })
        }
        "en" => Some(Lang::EnUs),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(value: &str) -> Lang {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, value.parse().unwrap());
        preferred(&headers)
    }

    #[test]
    fn the_phones_preference_among_our_languages() {
        assert_eq!(lang("zh-TW"), Lang::ZhHk);
        assert_eq!(lang("zh-Hant-CN"), Lang::ZhHk);
        assert_eq!(lang("zh-Hans-HK"), Lang::ZhCn);
        assert_eq!(lang("zh-HK,zh;q=0.9"), Lang::ZhHk);
        assert_eq!(lang("zh"), Lang::ZhCn);
        assert_eq!(lang("en-GB,en;q=0.8"), Lang::EnUs);
        assert_eq!(lang("fr-FR,en;q=0.5,zh-CN;q=0.7"), Lang::ZhCn, "the highest weight we speak");
        assert_eq!(lang("en;q=0.5,zh-TW;q=0.5"), Lang::EnUs, "equal weights keep the order");
        assert_eq!(lang("en;q=0,fr"), Lang::ZhCn, "q=0 means not this one");
        assert_eq!(lang("de, *"), Lang::ZhCn);
        assert_eq!(preferred(&HeaderMap::new()), Lang::ZhCn);
    }
}
