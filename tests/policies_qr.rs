//! A policy document's QR code for the phone (issue 18), against the real
//! server: the kiosk asks `GET /api/v1/policies/{id}/link?lang=…` for
//! `{"url": "…"}`, shows the code and the link beside the document (or
//! alone, after P), and the link opens the same document on the phone.
//! Needs the server's link route (helper H1's branch).

mod common;

use std::{sync::Arc, time::Duration};

use common::{backend, ch, ready, screen_text, send};
use onestop::client::ApiClient;
use onestop::domain::Lang;
use onestop::kiosk::{Effect, Msg, Remote, Screen};
use onestop::search::SearchIndex;

#[tokio::test]
async fn the_document_page_shows_a_qr_code_for_the_same_page_on_the_phone() {
    let b = backend::start(|o| o).await;
    let client = ApiClient::new(&b.url, Duration::from_secs(5));
    let library = client.policies(None).await.unwrap().unwrap();
    for lang in Lang::ALL {
        let mut s = ready(lang);
        send(&mut s, [Msg::PoliciesLoaded(Ok(Some(library.clone())))]);
        send(&mut s, [Msg::PolicyIndexBuilt(Arc::new(SearchIndex::for_policies(&library)))]);
        s.screens.push(Screen::Policy { id: "resident-id-card-law".into(), focus: 0, qr: false });
        // F2 round the three languages: the link is asked for again in the one shown.
        let effects = send(&mut s, [Msg::Key(key_f2()), Msg::Key(key_f2()), Msg::Key(key_f2())]);
        let Some(Effect::LoadPolicyLink { id, lang: asked }) = effects.first().cloned() else {
            panic!("{effects:?}")
        };
        assert_eq!((id.as_str(), asked), ("resident-id-card-law", lang));
        let result = client.policy_link(&id, asked).await;
        let url = result.clone().expect("the server makes a link for a document");
        send(&mut s, [Msg::PolicyLinkCreated { id, lang: asked, result }]);
        let link = s.policies.link.as_ref().unwrap();
        assert!(matches!(&link.link, Remote::Ready((u, Some(_))) if *u == url), "a code is made: {link:?}");
        send(&mut s, [ch('p')]);
        let text = screen_text(&s);
        assert!(text.contains(&onestop::ui::printed_link(&url)), "{text}");
        // The phone's page is the same document.
        let page = reqwest::get(&url).await.unwrap();
        assert!(page.status().is_success(), "{}", page.status());
        let html = page.text().await.unwrap();
        let title = library.get("resident-id-card-law").unwrap().title.get(lang);
        // As the page writes it (an apostrophe is escaped in HTML).
        assert!(html.contains(&title.replace('\'', "&#39;")), "{lang}: {html}");
    }
}

fn key_f2() -> crossterm::event::KeyEvent {
    crossterm::event::KeyEvent::new(crossterm::event::KeyCode::F(2), crossterm::event::KeyModifiers::NONE)
}
