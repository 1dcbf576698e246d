//! A policy document's phone page (issue 18), against the real server on
//! loopback over SQLite and PostgreSQL: `/m/policy/{id}?lang=` shows the
//! header fields, the validity in words, for a document no longer in force
//! a notice at the top linking what applies now, the summary, the
//! interpretations, the services and when it was checked; the guide's
//! "Based on" list links each document; `GET /api/v1/policies/{id}/link`
//! gives the kiosk the page's address. The page's HTML is snapshotted in
//! three languages and held to the phone pages' rules in headless Chromium.

use onestop::domain::{PolicyLink, policy::Library};
use onestop::server::{ServerOptions, store::Role};
use reqwest::StatusCode;
use serde_json::{Value, json};

mod common;

use common::backend::{Backend, start, start_on};

#[path = "ticket_page/chromium.rs"]
mod chromium;

struct Page {
    status: StatusCode,
    csp: String,
    html: String,
}

impl Page {
    /// The text with the tags taken out.
    fn text(&self) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in self.html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
    }

    /// The body, as a snapshot holds it (the style is the same on every page).
    fn body(&self) -> &str {
        let start = self.html.find("<body>").expect("a body");
        &self.html[start..]
    }
}

async fn get(b: &Backend, path: &str, accept_language: Option<&str>) -> Page {
    let url = if path.to_ascii_lowercase().starts_with("http") {
        path.to_owned()
    } else {
        format!("{}{path}", b.url)
    };
    let mut req = b.http.get(url);
    if let Some(langs) = accept_language {
        req = req.header("accept-language", langs);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let csp = resp.headers().get("content-security-policy").map_or("", |v| v.to_str().unwrap()).to_owned();
    Page { status, csp, html: resp.text().await.unwrap() }
}

async fn link(b: &Backend, token: Option<&str>, id: &str, query: &str) -> (StatusCode, Value) {
    let mut req = b.http.get(format!("{}/api/v1/policies/{id}/link{query}", b.url));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let resp = req.send().await.unwrap();
    (resp.status(), resp.json().await.unwrap_or(Value::Null))
}

on_both_stores! {
    async fn a_policy_page_shows_the_document_in_words(kind) {
        let b = start_on(kind, |o| o).await;
        let page = get(&b, "/m/policy/passport-law?lang=en-US", None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.csp.starts_with("default-src 'none'"), "the phone pages' policy: {}", page.csp);
        assert!(page.html.starts_with("<!DOCTYPE html>\n<html lang=\"en-US\">"), "{}", page.html);
        assert!(page.html.contains("<h1>Passport Law of the People&#39;s Republic of China</h1>"), "{}", page.html);
        let text = page.text();
        for line in [
            "Issued byStanding Committee of the National People's Congress",
            "Document number中华人民共和国主席令第五十号",
            "Adopted on29 Apr 2006",
            "In effect from1 Jan 2007",
            "CategoryPublic security and justice / Exit and entry",
            "ValidityIn force",
            "In plain words",
            "Q: How soon do I get my passport?",
            "For example: Lin, aged 15",
            "Services it governs",
            "Passport application or renewal",
            "Checked on 1 Dec 2026",
        ] {
            assert!(text.contains(line), "{line:?} in {text}");
        }
        assert!(!page.html.contains("class=\"notice\""), "in force: no notice");

        // Repealed: said at the top, in words, with what applies now.
        let old = get(&b, "/m/policy/citizens-exit-entry-law-1985?lang=zh-CN", None).await;
        let notice = "<p class=\"notice\"><strong>本文件已废止。</strong> 现行适用的是：\
            <a href=\"exit-entry-administration-law?lang=zh-CN\">中华人民共和国出境入境管理法</a></p>";
        assert!(old.html.contains(&format!("<main>\n{notice}<h1>")), "{}", old.html);
        assert!(old.text().contains("时效已废止"), "{}", old.text());
        let followed = get(&b, "/m/policy/exit-entry-administration-law?lang=zh-CN", None).await;
        assert_eq!(followed.status, StatusCode::OK);

        // Without ?lang=, the phone's own language; upper case (a QR code's) too.
        let hk = get(&b, "/M/POLICY/PASSPORT-LAW", Some("zh-HK,zh;q=0.8")).await;
        assert_eq!(hk.status, StatusCode::OK);
        assert!(hk.html.contains("<html lang=\"zh-HK\">") && hk.text().contains("現行有效"), "{}", hk.html);
        let odd = get(&b, "/m/policy/passport-law?x=%FF&refresh", None).await;
        assert_eq!(odd.status, StatusCode::OK, "other keys are left alone");
        // A language we do not speak: a page that says so, in the phone's.
        let french = get(&b, "/m/policy/passport-law?lang=fr-FR", Some("en-US")).await;
        assert_eq!(french.status, StatusCode::BAD_REQUEST);
        assert!(french.html.contains("<h1>This request could not be read</h1>"), "{}", french.html);
        // An unknown document is a page in the phone's language.
        let missing = get(&b, "/m/policy/no-such-law?lang=en-US", None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.html.contains("<h1>Document not found</h1>"), "{}", missing.html);
        assert!(missing.csp.starts_with("default-src 'none'"));
    }

    async fn the_guide_page_links_the_documents_it_is_based_on(kind) {
        let b = start_on(kind, |o| o).await;
        let made = json!({ "service": "passport-application", "lang": "en-US" });
        let handoff: Value = b.http.post(format!("{}/api/v1/handoffs", b.url)).json(&made).send().await.unwrap().json().await.unwrap();
        let url = handoff["url"].as_str().unwrap();
        let guide = get(&b, url, None).await;
        let based = guide.html.split("<h2>Based on</h2>").nth(1).expect("a Based on list").split("</ul>").next().unwrap().to_owned();
        let library: Library = b.http.get(format!("{}/api/v1/policies", b.url)).send().await.unwrap().json().await.unwrap();
        let expected = library.for_service("passport-application");
        assert!(expected.len() >= 2, "the demo passport guide rests on several documents");
        let hrefs: Vec<&str> = based.split("<a href=\"").skip(1).map(|a| a.split('"').next().unwrap()).collect();
        let wanted: Vec<String> = expected.iter().map(|p| format!("policy/{}?lang=en-US", p.id)).collect();
        assert_eq!(hrefs, wanted, "in force first: {based}");
        assert!(based.contains("In force") && based.contains("Repealed"), "validity in words: {based}");
        // Each resolves from the guide's address to the document's page.
        let base = url.rsplit_once('/').unwrap().0;
        for href in hrefs {
            let page = get(&b, &format!("{base}/{href}"), None).await;
            assert_eq!(page.status, StatusCode::OK, "{href}");
            assert!(page.html.contains("<html lang=\"en-US\">"), "{href}");
        }
    }

    async fn the_kiosk_asks_for_a_policy_pages_address(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
        let kiosk = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let window = b.running.create_token(Role::Window, "binjiang", "window-1").await.unwrap();
        let (status, e) = link(&b, None, "passport-law", "?lang=zh-CN").await;
        assert_eq!((status, e["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("unregistered_terminal")), "{e}");
        assert_eq!(link(&b, Some(&window), "passport-law", "?lang=zh-CN").await.0, StatusCode::FORBIDDEN);
        let (status, found) = link(&b, Some(&kiosk), "passport-law", "?lang=zh-HK").await;
        assert_eq!(status, StatusCode::OK, "{found}");
        let found: PolicyLink = serde_json::from_value(found).unwrap();
        // The base has no path: upper case, as the handoff links are.
        assert_eq!(found.url, format!("{}/M/POLICY/PASSPORT-LAW?LANG=ZH-HK", b.url.to_ascii_uppercase()));
        let page = get(&b, &found.url, None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.html.contains("<html lang=\"zh-HK\">") && page.html.contains("中華人民共和國護照法"), "{}", page.html);

        let (status, e) = link(&b, Some(&kiosk), "no-such-law", "?lang=zh-CN").await;
        assert_eq!((status, e["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")), "{e}");
        for query in ["?lang=fr-FR", "", "?lang="] {
            let (status, e) = link(&b, Some(&kiosk), "passport-law", query).await;
            assert_eq!((status, e["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("lang")), "{query}: {e}");
        }
        // Documented as it answers.
        let doc: Value = b.http.get(format!("{}/openapi.json", b.url)).send().await.unwrap().json().await.unwrap();
        let op = &doc["paths"]["/api/v1/policies/{id}/link"]["get"];
        assert_eq!(op["security"], json!([{ "kiosk": [] }]), "{op}");
        for status in ["200", "401", "403", "404", "422"] {
            assert!(op["responses"][status].is_object(), "{status}: {op}");
        }
        assert!(doc["paths"]["/m/policy/{id}"]["get"].is_object(), "the page is documented too");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_policy_page_in_three_languages() {
    let b = start(|o| o).await;
    for lang in ["zh-CN", "en-US", "zh-HK"] {
        let page = get(&b, &format!("/m/policy/passport-law?lang={lang}"), None).await;
        insta::assert_snapshot!(format!("passport_law_{lang}"), page.body());
    }
    let repealed = get(&b, "/m/policy/citizens-exit-entry-law-1985?lang=en-US", None).await;
    insta::assert_snapshot!("repealed_en-US", repealed.body());
}

on_both_stores! {
    async fn headless_chromium_holds_the_policy_page_to_the_phone_pages_rules(kind) {
        let b = start_on(kind, |o| o).await;
        let en = format!("{}/m/policy/citizens-exit-entry-law-1985?lang=en-US", b.url);
        let cn = format!("{}/M/POLICY/PASSPORT-LAW?LANG=ZH-CN", b.url);
        tokio::task::spawn_blocking(move || {
            let title = "Law of the People's Republic of China on the Control of the Exit and Entry of Citizens";
            let dom = chromium::check_page(&en, "en-US", &format!("<h1>{title}</h1>"), title);
            assert!(dom.contains("This document has been repealed."), "{dom}");
            chromium::check_page(&cn, "zh-CN", "<h1>中华人民共和国护照法</h1>", "中华人民共和国护照法");
        })
        .await
        .unwrap();
    }
}
