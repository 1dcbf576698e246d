//! 政策查询 at the kiosk (issue 18), against the real server: the library
//! fetched and revalidated with its own ETag, searched with the services'
//! engine (pinyin, initials, typos), narrowed by filters a finger can tap,
//! a document's page with its replacement and governed services, the
//! guide's "Based on", and the library kept on disk for offline use.

mod common;

use std::{sync::Arc, time::Duration};

use common::{backend, ch, key, ready, screen_text, send, tap};
use crossterm::event::KeyCode;
use onestop::client::ApiClient;
use onestop::domain::{
    Lang,
    policy::{Library, Validity},
};
use onestop::kiosk::{
    Effect, GuidePart, Msg, Screen, State,
    policies::{self, FilterKind, ListItem},
    screen::{WelcomeItem, guide_parts_with, welcome_items},
};
use onestop::search::SearchIndex;

/// The library as the real server serves it, through the kiosk's client.
async fn served() -> (backend::Backend, Library) {
    let b = backend::start(|o| o).await;
    let client = ApiClient::new(&b.url, Duration::from_secs(5));
    let library = client.policies(None).await.unwrap().expect("a first fetch brings the library");
    (b, library)
}

/// A session whose catalogue and library (and its index) have arrived.
fn with_library(lang: Lang, library: &Library) -> State {
    let mut s = ready(lang);
    let effects = send(&mut s, [Msg::PoliciesLoaded(Ok(Some(library.clone())))]);
    assert!(effects.contains(&Effect::BuildPolicyIndex(Arc::new(library.clone()))), "{effects:?}");
    send(&mut s, [Msg::PolicyIndexBuilt(Arc::new(SearchIndex::for_policies(library)))]);
    s
}

/// Welcome → 政策查询, by its digit.
fn open_policies(s: &mut State) {
    let n = welcome_items().iter().position(|i| *i == WelcomeItem::Policies).unwrap();
    assert!(n < 9, "政策查询 is on Welcome's first page");
    // Welcome has no text field: a digit picks.
    send(s, [ch(char::from(b'1' + n as u8))]);
    assert!(matches!(s.screen(), Screen::Policies { .. }), "{}", screen_text(s));
}

fn found(s: &State) -> Vec<String> {
    let Screen::Policies { found, .. } = s.screen() else { panic!("not on Policies") };
    let lib = policies::library(s).unwrap();
    found.iter().map(|i| lib.policies[*i].id.clone()).collect()
}

/// A tap on the first row that shows `text`.
fn tap_on(s: &mut State, text: &str) {
    let text_now = screen_text(s);
    let row =
        text_now.lines().position(|l| l.contains(text)).unwrap_or_else(|| panic!("{text}:\n{text_now}"));
    send(s, [tap(6, row as u16)]);
}

fn typed(s: &mut State, text: &str) {
    send(s, [key(KeyCode::Esc)]);
    open_policies(s);
    send(s, [Msg::Paste(text.into())]);
}

#[tokio::test]
async fn the_library_is_revalidated_with_its_own_etag() {
    let (b, library) = served().await;
    let client = ApiClient::new(&b.url, Duration::from_secs(5));
    assert!(client.policies(Some(&library.version)).await.unwrap().is_none(), "304: the copy is current");
    assert!(client.policies(Some("old")).await.unwrap().is_some());
    // The kiosk asks for it from the start, and again when it checks the catalogue.
    let s = common::session(Lang::ZhCn, (80, 24));
    let (_, first) = State::new(s.config.clone(), s.size);
    assert!(first.contains(&Effect::LoadPolicies { etag: None }), "{first:?}");
    let mut s = with_library(Lang::ZhCn, &library);
    let later = s.config.catalog_refresh_ms + 1;
    let effects = send(&mut s, [Msg::Tick(later)]);
    assert!(effects.contains(&Effect::LoadPolicies { etag: Some(library.version.clone()) }), "{effects:?}");
}

#[tokio::test]
async fn search_finds_documents_by_pinyin_initials_numbers_and_english_with_a_typo() {
    let (_b, library) = served().await;
    let mut s = with_library(Lang::ZhCn, &library);
    open_policies(&mut s);
    // Nothing typed: every document, newest first, after the three filters.
    assert_eq!(found(&s).len(), library.policies.len());
    let text = screen_text(&s);
    assert!(text.contains("发文机关：全部") && text.contains("时效：全部"), "{text}");
    for query in ["居民身份证法", "jumin shenfenzheng", "jmsfz", "主席令第五十一号"] {
        typed(&mut s, query);
        assert_eq!(found(&s).first().map(String::as_str), Some("resident-id-card-law"), "{query}");
    }
    let mut en = with_library(Lang::EnUs, &library);
    open_policies(&mut en);
    send(&mut en, [Msg::Paste("identty card".into())]);
    assert!(found(&en).iter().any(|id| id == "resident-id-card-law"), "a typo is forgiven: {:?}", found(&en));
    // The in-force revision before the amended original.
    let ids = found(&en);
    let at = |id: &str| ids.iter().position(|x| x == id).unwrap();
    assert!(at("resident-id-card-law") < at("resident-id-card-law-2003"), "{ids:?}");
}

#[tokio::test]
async fn filters_are_choices_a_finger_taps() {
    let (_b, library) = served().await;
    let mut s = with_library(Lang::ZhCn, &library);
    open_policies(&mut s);
    // Tap the validity filter (the third item), then 已修改.
    tap_on(&mut s, "时效：全部");
    assert!(matches!(s.screen(), Screen::PolicyFilter { kind: FilterKind::Validity, .. }));
    tap_on(&mut s, "已修改");
    assert!(matches!(s.screen(), Screen::Policies { .. }));
    let amended: Vec<&str> =
        library.policies.iter().filter(|p| p.validity == Validity::Amended).map(|p| p.id.as_str()).collect();
    assert!(!amended.is_empty());
    assert_eq!(found(&s).len(), amended.len());
    assert!(found(&s).iter().all(|id| amended.contains(&id.as_str())));
    assert!(screen_text(&s).contains("时效：已修改"), "{}", screen_text(&s));
    // The year: 2003 alone.
    tap_on(&mut s, "发布年份：全部");
    let Screen::PolicyFilter { kind: FilterKind::Year, .. } = s.screen() else {
        panic!("{}", screen_text(&s))
    };
    tap_on(&mut s, "2003年");
    let of_2003: Vec<&str> =
        amended.iter().copied().filter(|id| library.get(id).unwrap().published.starts_with("2003")).collect();
    assert!(of_2003.contains(&"resident-id-card-law-2003"));
    assert_eq!(found(&s).len(), of_2003.len());
    assert!(found(&s).iter().all(|id| of_2003.contains(&id.as_str())));
    // Only years that find something are offered: 2003 and the other amended documents' years.
    tap_on(&mut s, "发布年份：2003年");
    let years = common::screen_text(&s);
    assert!(!years.contains("2025年"), "{years}");
    tap_on(&mut s, "全部");
    // The issuer: each joint issuer counts; "全部" undoes a filter.
    tap_on(&mut s, "时效：已修改");
    tap_on(&mut s, "1. 全部");
    assert_eq!(found(&s).len(), library.policies.len());
    tap_on(&mut s, "发文机关：全部");
    tap_on(&mut s, "2. ");
    let Some(issuer) = s.policies.filter.issuer.clone() else { panic!("an issuer chosen") };
    assert!(!found(&s).is_empty());
    for id in found(&s) {
        let p = library.get(&id).unwrap();
        assert!(p.issuers.iter().any(|i| i.get(Lang::ZhCn) == issuer), "{id}");
    }
    // Nothing found says so, and how to undo it.
    send(&mut s, [Msg::Paste("zzqqxx".into())]);
    assert!(found(&s).is_empty());
    assert!(screen_text(&s).contains("没有符合条件的文件"), "{}", screen_text(&s));
}

#[tokio::test]
async fn an_amended_document_says_so_first_and_opens_what_applies_now() {
    let (_b, library) = served().await;
    let mut s = with_library(Lang::ZhCn, &library);
    open_policies(&mut s);
    send(&mut s, [Msg::Paste("jmsfz".into())]);
    let Screen::Policies { found, .. } = s.screen().clone() else { panic!() };
    let old = found.iter().position(|i| library.policies[*i].id == "resident-id-card-law-2003").unwrap();
    let list_index =
        policies::list_items(&found).iter().position(|x| *x == ListItem::Document(found[old])).unwrap();
    send(&mut s, [key(KeyCode::Down)]);
    send(&mut s, (0..list_index).map(|_| key(KeyCode::Down)));
    let effects = send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Policy { id, .. } if id == "resident-id-card-law-2003"));
    assert_eq!(
        effects,
        vec![Effect::LoadPolicyLink { id: "resident-id-card-law-2003".into(), lang: Lang::ZhCn }]
    );
    let text = screen_text(&s);
    let lines: Vec<&str> = text.lines().collect();
    let first_body = lines.iter().position(|l| l.contains("注意：本文件已修改")).expect(&text);
    assert!(first_body <= 3, "said at the top:\n{text}");
    assert!(text.contains("现在适用：中华人民共和国居民身份证法（2011年修正）"), "{text}");
    assert!(text.contains("时效：已修改") && text.contains("发文字号：中华人民共和国主席令第四号"), "{text}");
    assert!(text.contains("信息核对于 2026年12月1日"), "{text}");
    // ↓ to the replacement; the key bar says Enter opens it.
    send(&mut s, [key(KeyCode::Down)]);
    assert!(screen_text(&s).contains("Enter 打开"), "{}", screen_text(&s));
    send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Policy { id, .. } if id == "resident-id-card-law"));
    let text = screen_text(&s);
    assert!(!text.contains("注意："), "in force: no warning\n{text}");
    // Down to the governed services: Enter opens a guide.
    send(&mut s, (0..40).map(|_| key(KeyCode::Down)));
    send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Guide { .. }), "{}", screen_text(&s));
    // Back twice: the documents, in order.
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Policy { id, .. } if id == "resident-id-card-law"));
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Policy { id, .. } if id == "resident-id-card-law-2003"));
}

#[tokio::test]
async fn the_guide_lists_what_it_is_based_on_and_opens_it() {
    let (_b, library) = served().await;
    let mut s = with_library(Lang::EnUs, &library);
    s.screens.push(Screen::Guide { service: "id-card-renewal".into(), focus: 0, qr: false });
    let based = library.for_service("id-card-renewal");
    assert!(!based.is_empty());
    send(&mut s, (0..100).map(|_| key(KeyCode::Down)));
    let service = s.service("id-card-renewal").unwrap().clone();
    let parts = guide_parts_with(&service, based.len());
    let Screen::Guide { focus, .. } = s.screen() else { panic!() };
    assert_eq!(parts[*focus], GuidePart::BasedOn(based.len() - 1));
    let text = screen_text(&s);
    let last = based[based.len() - 1];
    assert!(text.contains("Based on") && text.contains(last.doc_number.as_deref().unwrap()), "{text}");
    assert!(text.contains("In force"), "validity in words: {text}");
    assert!(text.contains("Enter Open"), "{text}");
    send(&mut s, [key(KeyCode::Enter)]);
    assert!(matches!(s.screen(), Screen::Policy { id, .. } if *id == based[based.len() - 1].id));
}

#[tokio::test]
async fn the_next_citizen_finds_no_query_or_filter_but_the_library_stays() {
    let (_b, library) = served().await;
    let mut s = with_library(Lang::ZhCn, &library);
    open_policies(&mut s);
    send(&mut s, [Msg::Paste("hukou".into())]);
    s.policies.filter.validity = Some(Validity::InForce);
    send(&mut s, [key(KeyCode::Esc)]);
    assert!(matches!(s.screen(), Screen::Welcome(_)));
    assert!(s.policies.query.text.is_empty() && s.policies.filter.is_empty());
    s.reset();
    assert!(policies::library(&s).is_some() && s.policies.index.is_some());
}

/// A loopback address where nothing listens: the kiosk is offline.
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    format!("http://{}", listener.local_addr().unwrap())
}

async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..1000 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("waited ten seconds in vain for {what}");
}

/// The real session loop on an in-memory terminal, keeping its copies in `cache`.
fn kiosk(
    backend: &str,
    cache: &std::path::Path,
) -> (common::vt::Screen, tokio::sync::mpsc::UnboundedSender<Msg>) {
    use onestop::runtime::{SessionSetup, run_session};
    let (screen, mut terminal) = common::vt::Screen::new(80, 24);
    let config = onestop::kiosk::SessionConfig { kiosk: "policies".into(), ..Default::default() };
    let client = ApiClient::new(backend, Duration::from_secs(2));
    let mut setup = SessionSetup::new(config, onestop::ui::Theme::standard(), client);
    setup.catalog_cache = Some(cache.to_owned());
    let (keys, rx) = tokio::sync::mpsc::unbounded_channel::<Msg>();
    let input =
        Box::pin(futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) }));
    tokio::spawn(async move { run_session(&mut terminal, input, setup).await.unwrap() });
    (screen, keys)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_the_policies_work_from_the_copy_kept_beside_the_catalogue() {
    let (b, _) = served().await;
    let data = tempfile::tempdir().unwrap();
    let cache = data.path().join("catalog-cache.json");
    let kept = onestop::runtime::policies::cache_path(&cache);
    assert_eq!(kept.parent(), cache.parent(), "beside the catalogue's");
    let (_online, keys) = kiosk(&b.url, &cache);
    wait_until("both copies on disk", || cache.exists() && kept.exists()).await;
    drop(keys);

    let (screen, keys) = kiosk(&closed_port(), &cache);
    wait_until("Welcome from the copy", || screen.text().contains("政策查询")).await;
    let n = welcome_items().iter().position(|i| *i == WelcomeItem::Policies).unwrap();
    keys.send(ch(char::from(b'1' + n as u8))).unwrap();
    keys.send(Msg::Paste("jmsfz".into())).unwrap();
    wait_until("a search from the copy", || {
        screen.text().contains("现行有效 · 2011年 · 中华人民共和国居民身份证法")
    })
    .await;
    // ↓ to the list, ↓↓↓ past the filters to the first document, Enter.
    for _ in 0..4 {
        keys.send(key(KeyCode::Down)).unwrap();
    }
    keys.send(key(KeyCode::Enter)).unwrap();
    wait_until("the document's page", || screen.text().contains("发文字号：中华人民共和国主席令第五十一号"))
        .await;
    // The phone link needs the network, and says so.
    keys.send(ch('p')).unwrap();
    wait_until("the phone link's reason", || screen.text().contains("暂时无法生成二维码")).await;
    drop(keys);
}
