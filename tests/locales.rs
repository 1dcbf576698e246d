//! Every language has every message, with the same arguments.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use onestop::i18n::SOURCES;

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_vars(inline, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_vars(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

/// message id → its variables.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).expect("locale file parses");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables(p, &mut vars);
                }
                Some((m.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_locale_has_the_same_messages_and_arguments() {
    let (_, fallback) = SOURCES[0];
    let reference = messages(fallback);
    assert!(reference.len() > 40, "zh-CN defines the messages");
    for (lang, source) in &SOURCES[1..] {
        let other = messages(source);
        let missing: Vec<_> = reference.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !reference.contains_key(*k)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:?}, unknown {extra:?}");
        for (id, vars) in &reference {
            assert_eq!(&other[id], vars, "{lang}: message `{id}` takes other arguments than in zh-CN");
        }
    }
}

#[test]
fn every_message_the_code_uses_exists() {
    // Scan the sources for literal message ids passed to Tr.
    let (_, fallback) = SOURCES[0];
    let known = messages(fallback);
    let mut used = BTreeSet::new();
    for dir in ["src/ui", "src/kiosk"] {
        // theme.rs names themes ("high-contrast"), not messages.
        for entry in walk(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .into_iter()
            .filter(|p| !p.ends_with("theme.rs"))
        {
            let text = std::fs::read_to_string(&entry).unwrap();
            for piece in text.split('"').skip(1).step_by(2) {
                let looks_like_id = piece.contains('-')
                    && piece.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !piece.starts_with('-');
                if looks_like_id {
                    used.insert(piece.to_owned());
                }
            }
        }
    }
    let unknown: Vec<_> = used.iter().filter(|id| !known.contains_key(*id)).collect();
    assert!(unknown.is_empty(), "ids used in code but not in zh-CN: {unknown:?}");
}

fn walk(dir: std::path::PathBuf) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

#[test]
fn arguments_are_not_wrapped_in_isolation_marks() {
    let tr = onestop::i18n::Tr::new(onestop::domain::Lang::EnUs);
    let text = tr.a("help-phone", &[("phone", onestop::i18n::s("12345"))]);
    assert!(text.contains("12345") && !text.contains('\u{2068}'), "{text:?}");
}

#[test]
fn every_banner_fits_the_narrowest_screen_in_big_letters() {
    let room = onestop::kiosk::layout::MIN_WIDTH - 2;
    for (lang, source) in SOURCES {
        let tr = onestop::i18n::Tr::new(lang);
        let banners: Vec<_> = messages(source).into_keys().filter(|id| id.starts_with("banner-")).collect();
        // 16, the hall visit's three (take a number, the ticket, check in),
        // the policies' two (the list, a document), and 评价 and 报告错误's two.
        assert_eq!(banners.len(), 23, "{lang}: one banner a kind of screen, and the idle warning's");
        for id in banners {
            let text = tr.t(&id);
            let width = onestop::ui::widgets::big_text::width(&text);
            assert!(
                width.is_some_and(|w| w <= room),
                "{lang} `{id}` = {text:?}: {width:?} columns of {room}"
            );
        }
    }
}

#[test]
fn form_labels_and_their_errors_fit_one_row_at_80_columns() {
    use unicode_width::UnicodeWidthStr;
    let room = (onestop::kiosk::layout::MIN_WIDTH - 2) as usize;
    // A label row is "  label  error"; a choice row is "▶ ◀ value ▶".
    let pairs = [
        ("field-name", "err-name-"),
        ("field-phone", "err-phone-"),
        ("field-id-number", "err-id-"),
        ("field-id-number", "err-document-"),
        ("field-code", "err-code-"),
        ("field-last4", "err-last4-"),
    ];
    let mut too_wide = vec![];
    for (lang, source) in SOURCES {
        let tr = onestop::i18n::Tr::new(lang);
        let ids: Vec<String> = messages(source).into_keys().collect();
        for (label, prefix) in pairs {
            for error in ids.iter().filter(|id| id.starts_with(prefix)) {
                let row = format!("  {}  {}", tr.t(label), tr.t(error));
                if row.width() > room {
                    too_wide.push(format!("{lang} {label} + {error}: {} columns", row.width()));
                }
            }
        }
        for kind in ids.iter().filter(|id| id.starts_with("id-kind-")) {
            let row = format!("▶ ◀ {} ▶", tr.t(kind));
            if row.width() > room {
                too_wide.push(format!("{lang} {kind}: {} columns", row.width()));
            }
        }
    }
    assert!(too_wide.is_empty(), "wider than {room} columns:\n{}", too_wide.join("\n"));
}
