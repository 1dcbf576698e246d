//! The pieces every phone page is made of: the page shell with its one
//! style sheet, escaped text, and phone numbers a tap can dial.

use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::domain::Lang;
use crate::i18n::{self, Tr};

/// The pages' only styling. It is inline (no second request on a slow
/// phone) and the Content-Security-Policy allows exactly this text by its
/// hash (`headers.rs`), so it must not depend on the page.
pub(super) const STYLE: &str = "\n\
body{font-family:system-ui,sans-serif;font-size:1.1rem;line-height:1.6;margin:0 auto;max-width:40rem;padding:1rem;color:#111;background:#fff}\n\
h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:1.5rem;border-bottom:thin solid #ccc}\n\
ul{list-style:none;padding:0} li{margin:.6rem 0} .note{color:#444;font-size:.95rem}\n\
.code{font-size:1.4rem;font-weight:bold;letter-spacing:.1em} input,button{font-size:1.1rem}\n\
.error{color:#a00;font-weight:bold} a{color:#04c}\n\
.number{font-size:2rem;letter-spacing:.05em} .called,.near{font-size:1.3rem;border-left:.4rem solid #04c;padding-left:.6rem}\n\
.spoken{position:absolute;width:.1rem;height:.1rem;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\n\
fieldset{border:thin solid #ccc;margin:1rem 0;padding:.5rem} legend{font-weight:bold;padding:0 .3rem}\n\
.choice{display:block;min-height:2.75rem;padding:.5rem .3rem;border-bottom:thin solid #eee}\n\
input[type=radio]{width:1.4rem;height:1.4rem;vertical-align:middle;margin-right:.5rem}\n\
textarea{box-sizing:border-box;width:100%;font-size:1.1rem} button{min-height:2.75rem;padding:.5rem 1.2rem}\n\
.notice{border:.2rem solid #a00;padding:.6rem} dt{font-weight:bold} dd{margin:0 0 .5rem 0}\n";

/// A whole page: fits a 360-pixel screen, no fixed widths, no scripts; its
/// content is the page's `main` landmark.
pub(super) fn page(status: StatusCode, lang: Lang, title: &str, body: &str) -> Response {
    refreshing_page(status, lang, title, body, None)
}

/// A page that, with `refresh_secs`, reloads itself that often: a
/// `<meta http-equiv="refresh">`, which needs no script (and so no change
/// to the Content-Security-Policy).
pub(super) fn refreshing_page(
    status: StatusCode,
    lang: Lang,
    title: &str,
    body: &str,
    refresh_secs: Option<u32>,
) -> Response {
    let refresh =
        refresh_secs.map_or_else(String::new, |s| format!("<meta http-equiv=\"refresh\" content=\"{s}\">\n"));
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{refresh}\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        title = escape(title),
    );
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], page)
        .into_response()
}

/// One radio button with its label: a whole line to tap.
pub(super) fn choice(name: &str, value: &str, label: &str, checked: bool, required: bool) -> String {
    format!(
        "<label class=\"choice\"><input type=\"radio\" name=\"{name}\" value=\"{}\"{}{}> {}</label>",
        escape(value),
        if checked { " checked" } else { "" },
        if required { " required" } else { "" },
        escape(label),
    )
}

/// The box for a citizen's own words (`text`, at most `TEXT_MAX`
/// characters), labelled, holding what was written; `described` points it
/// at the error above the form.
pub(super) fn words_box(label: &str, text: &str, described: bool) -> String {
    let max = crate::domain::rating::TEXT_MAX;
    format!(
        "<p><label for=\"words\">{}</label><br>\
         <textarea id=\"words\" name=\"text\" rows=\"4\" maxlength=\"{max}\"{}>{}</textarea></p>",
        escape(label),
        if described { " aria-describedby=\"form-error\"" } else { "" },
        escape(text),
    )
}

/// A refusal's sentence above a form, announced when the page arrives.
pub(super) fn form_error(sentence: &str) -> String {
    format!("<p class=\"error\" id=\"form-error\" role=\"alert\">{}</p>", escape(sentence))
}

/// A text box sends the Enter key as a line break, which the rules for
/// own words refuse (staff read them on a terminal): a space instead.
pub(super) fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

pub(super) fn para(text: &str) -> String {
    format!("<p>{}</p>", escape(text))
}

pub(super) fn heading(text: &str) -> String {
    format!("<h1>{}</h1>", escape(text))
}

/// Escapes text for HTML, dropping control characters on the way.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::domain::sanitize(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Stands for the number while a sentence is translated and escaped; plain
/// ASCII that escaping leaves alone and no translation contains.
const NUMBER_MARK: &str = "@@phone@@";

/// The message `id`, whose `$phone` becomes a `tel:` link, as escaped HTML.
pub(super) fn with_phone(tr: &Tr, id: &str, phone: &str) -> String {
    let text = escape(&tr.a(id, &[("phone", i18n::s(NUMBER_MARK))]));
    text.replacen(NUMBER_MARK, &tel(phone), 1)
}

/// Stands for a link's words while a sentence is translated and escaped.
const LINK_MARK: &str = "@@link@@";

/// The message `id`, whose `$title` becomes a link to `href` with `words`,
/// as escaped HTML.
pub(super) fn with_link(tr: &Tr, id: &str, href: &str, words: &str) -> String {
    let text = escape(&tr.a(id, &[("title", i18n::s(LINK_MARK))]));
    text.replacen(LINK_MARK, &format!("<a href=\"{}\">{}</a>", escape(href), escape(words)), 1)
}

/// `<a href="tel:…">` for a number as the catalogue writes it ("0571-87000000",
/// "12345", "+852 2345 6789"): only digits, `+` and `-` reach the link.
pub(super) fn tel(phone: &str) -> String {
    let dial: String = phone.chars().filter(|c| c.is_ascii_digit() || matches!(c, '+' | '-')).collect();
    format!("<a href=\"tel:{dial}\">{}</a>", escape(phone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_in_a_sentence_is_a_link_and_the_rest_is_escaped() {
        let tr = Tr::new(Lang::EnUs);
        let html = with_phone(&tr, "m-call", "0571-8700 0000");
        assert!(html.contains("<a href=\"tel:0571-87000000\">0571-8700 0000</a>"), "{html}");
        assert_eq!(tel("<b>1\"2"), "<a href=\"tel:12\">&lt;b&gt;1&quot;2</a>");
    }
}
