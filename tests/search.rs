//! Search finds a service the way people type it.

mod common;

use common::{pty::Kiosk, *};
use onestop::search::{Rank, SearchIndex};

fn top(index: &SearchIndex, catalog: &onestop::domain::Catalog, query: &str) -> (String, Rank) {
    let hit =
        index.search(query, 1).into_iter().next().unwrap_or_else(|| panic!("nothing found for {query:?}"));
    (catalog.services[hit.service].id.clone(), hit.rank)
}

#[test]
fn each_way_of_typing_finds_the_expected_service_first() {
    let catalog = demo_catalog();
    let index = SearchIndex::build(&catalog);
    let table = [
        // Chinese names and aliases (zh-CN)
        ("居民身份证换领", "id-card-renewal", Rank::NameExact),
        ("居民身份证", "id-card-renewal", Rank::NamePrefix),
        ("身份证", "id-card-renewal", Rank::NameContains),
        ("社保", "social-security-card-application", Rank::Alias),
        ("驾照", "driving-licence-renewal", Rank::Alias),
        // full pinyin, initials, mixed, with and without spaces
        ("shebao", "social-security-card-application", Rank::Pinyin),
        ("she bao", "social-security-card-application", Rank::Pinyin),
        ("sfz", "id-card-renewal", Rank::Pinyin),
        ("shbx", "pension-insurance-transfer", Rank::Pinyin),
        ("shehuibaoxian", "pension-insurance-transfer", Rank::Pinyin),
        ("社保ka", "social-security-card-application", Rank::Pinyin),
        ("gjj", "housing-fund-withdrawal-rent", Rank::Pinyin),
        ("huzhao", "passport-application", Rank::Pinyin),
        // English, with small typos (en-US)
        ("passport", "passport-application", Rank::NamePrefix),
        ("pasport", "passport-application", Rank::Fuzzy),
        // several words, in any order
        ("passport renewal", "passport-application", Rank::Words),
        ("renewal passport", "passport-application", Rank::Words),
        ("marrige", "marriage-registration", Rank::Fuzzy),
        ("driving licence", "driving-licence-renewal", Rank::NamePrefix),
        // Traditional Chinese (zh-HK)
        ("護照", "passport-application", Rank::NameContains),
        ("身份證", "id-card-renewal", Rank::NameContains),
        ("結婚", "marriage-registration", Rank::NamePrefix),
    ];
    for (query, id, rank) in table {
        assert_eq!(top(&index, &catalog, query), (id.to_owned(), rank), "query {query:?}");
    }
}

#[test]
fn a_category_name_its_pinyin_and_initials_find_its_services() {
    let catalog = demo_catalog();
    let index = SearchIndex::build(&catalog);
    // 企业开办 is a category on the start screen, in no service's own name.
    for query in ["企业开办", "qykb", "qiyekaiban", "qiye kaiban", "企業開辦", "starting a business"]
    {
        let hits = index.search(query, 50);
        let ids: Vec<&str> = hits.iter().map(|h| catalog.services[h.service].category.as_str()).collect();
        assert!(!hits.is_empty(), "{query:?} finds nothing");
        assert!(ids.iter().all(|c| *c == "business-startup"), "{query:?}: {ids:?}");
        let whole = catalog.services.iter().filter(|s| s.category == "business-startup").count();
        assert_eq!(hits.len(), whole, "{query:?}: every service of the category");
        assert_eq!(hits[0].rank, Rank::Category, "{query:?}");
    }
    assert_eq!(top(&index, &catalog, "企业开办").0, "company-establishment", "the most asked-for first");
    // A service's own name still ranks above its category.
    let hits = index.search("社会保障", 50);
    assert_eq!(catalog.services[hits[0].service].id, "social-security-card-application");
    assert!(hits.iter().any(|h| h.rank == Rank::Category));
}

#[test]
fn english_words_each_forgive_a_typo() {
    let catalog = demo_catalog();
    let index = SearchIndex::build(&catalog);
    let table = [
        ("driving lisence", "driving-licence-renewal"),
        ("residance permit", "foreigner-residence-permit"),
        ("pasport renewal", "passport-application"),
        ("divorse", "divorce-registration"),
        ("socail security", "social-security-card-application"),
        ("Socail Security Card", "social-security-card-application"),
        ("lisence driving", "driving-licence-renewal"),
    ];
    for (query, id) in table {
        assert_eq!(top(&index, &catalog, query), (id.to_owned(), Rank::Fuzzy), "query {query:?}");
    }
    // Short words are taken as typed: one letter away is another word.
    assert!(index.search("cat", 50).iter().all(|h| h.rank != Rank::Fuzzy), "cat is not car");
    // Two typos in a six-letter word are too many.
    assert!(index.search("pssprt", 50).is_empty());
}

#[test]
fn a_whole_word_ranks_above_a_part_of_one() {
    let catalog = demo_catalog();
    let index = SearchIndex::build(&catalog);
    let hits = index.search("car", 50);
    let ids: Vec<&str> = hits.iter().map(|h| catalog.services[h.service].id.as_str()).collect();
    let vehicle = ["vehicle-transfer", "vehicle-inspection-mark", "vehicle-registration"];
    let first_card = ids.iter().position(|id| id.contains("id-card")).expect("ID card services too");
    for id in vehicle {
        let at = ids.iter().position(|i| *i == id).unwrap_or_else(|| panic!("{id} not found: {ids:?}"));
        assert!(at < first_card, "{id} before the ID cards: {ids:?}");
    }
    // A plural finds the singular ("used car" for cars), and the other way round.
    let cars: Vec<&str> =
        index.search("cars", 3).iter().map(|h| catalog.services[h.service].id.as_str()).collect();
    assert!(cars.iter().all(|id| vehicle.contains(id)) && cars.contains(&"vehicle-transfer"), "{cars:?}");
}

#[test]
fn departments_and_materials_match_below_services() {
    let catalog = demo_catalog();
    let index = SearchIndex::build(&catalog);
    let hits = index.search("户口簿", 50);
    assert!(!hits.is_empty() && hits.iter().all(|h| h.rank == Rank::Material), "a material only");
    let hits = index.search("出入境管理", 50);
    assert!(hits.iter().any(|h| h.rank == Rank::Department));
    // A service name outranks a material that says the same.
    let hits = index.search("结婚证", 50);
    assert_eq!(hits[0].rank, Rank::NameContains);
    assert!(hits.iter().any(|h| h.rank == Rank::Material));
}

#[test]
fn ties_go_to_the_more_asked_for_service() {
    let catalog = demo_catalog();
    let index = SearchIndex::build(&catalog);
    let hits = index.search("身份证", 3);
    let pops: Vec<u8> = hits.iter().map(|h| catalog.services[h.service].popularity).collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]), "{pops:?}");
}

#[test]
fn nothing_found_offers_the_categories() {
    let mut s = ready(onestop::domain::Lang::EnUs);
    s.search_index = Some(std::sync::Arc::new(SearchIndex::build(&demo_catalog())));
    send(&mut s, [ch('/'), onestop::kiosk::Msg::Paste("zzqqxx".into())]);
    let text = screen_text(&s);
    assert!(text.contains("Nothing found for “zzqqxx”") && text.contains("For individuals"), "{text}");
    // However long the query, the help phone is there whole.
    send(&mut s, [onestop::kiosk::Msg::Paste(" and then some more words".into())]);
    assert!(screen_text(&s).contains("0571-87000000"), "{}", screen_text(&s));
    send(&mut s, [key(crossterm::event::KeyCode::Enter)]);
    assert!(matches!(s.screen(), onestop::kiosk::Screen::Categories { .. }));
}

#[test]
fn after_a_failed_search_a_digit_picks_from_the_numbered_list() {
    let mut s = ready(onestop::domain::Lang::EnUs);
    s.search_index = Some(std::sync::Arc::new(SearchIndex::build(&demo_catalog())));
    send(&mut s, [ch('/'), onestop::kiosk::Msg::Paste("zzqqxx".into())]);
    assert!(screen_text(&s).contains("2. For businesses"), "{}", screen_text(&s));
    send(&mut s, [ch('2')]);
    assert!(
        matches!(
            s.screen(),
            onestop::kiosk::Screen::Categories { audience: onestop::domain::Audience::Business, .. }
        ),
        "{}",
        screen_text(&s)
    );
    // Where results are listed, or a number is being typed, a digit is text.
    send(&mut s, [key(crossterm::event::KeyCode::Esc), onestop::kiosk::Msg::Paste("1".into()), ch('2')]);
    assert!(screen_text(&s).contains("[zzqqxx12]"), "{}", screen_text(&s));
}

#[test]
fn typing_shbx_in_the_real_binary_finds_social_insurance_and_enter_opens_it() {
    let data = tempfile::tempdir().unwrap();
    let mut k = Kiosk::start(&["--data-dir", data.path().to_str().unwrap()], &[], 80, 24);
    k.wait_for("户籍与身份证");
    k.send("/");
    k.wait_for("搜索：[]");
    for c in "shbx".chars() {
        k.send(&c.to_string());
    }
    k.wait_for("搜索：[shbx]");
    k.wait_for("社会保险");
    let screen = k.screen();
    let first = screen.lines().find(|l| l.contains("  1. ")).unwrap().to_owned();
    assert!(first.contains("保险"), "a social insurance service first: {first}");
    k.send("\r");
    k.wait_for("申请材料");
    k.wait_for("社会保险");
    k.send("\x1b");
    k.wait_for("搜索：[shbx]");
    k.send("\x03");
    assert_eq!(k.wait_exit(), 0);
}

#[test]
fn a_service_found_by_another_name_says_which_with_the_match_marked() {
    let mut s = ready(onestop::domain::Lang::ZhCn);
    s.search_index = Some(std::sync::Arc::new(SearchIndex::build(&demo_catalog())));
    send(&mut s, [ch('/'), onestop::kiosk::Msg::Paste("shbx".into())]);
    let terminal = render(&s, onestop::ui::Theme::standard());
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width as usize;
    let text = screen_text(&s);
    let y = text.lines().position(|r| r.contains("  1. ")).expect("a first result");
    let row = text.lines().nth(y).unwrap();
    assert!(row.contains("基本养老保险关系转移接续  又称“社会保险转移”"), "{row}");
    let marked: String = buffer.content()[y * width..(y + 1) * width]
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED) && c.symbol() != " ")
        .map(|c| c.symbol())
        .collect();
    assert_eq!(marked, "社会保险", "the characters shbx stands for");
    // Found by its own name: nothing more is said.
    let mut t = ready(onestop::domain::Lang::ZhCn);
    t.search_index = s.search_index.clone();
    send(&mut t, [ch('/'), onestop::kiosk::Msg::Paste("sfz".into())]);
    let text = screen_text(&t);
    assert!(text.contains("  1. 居民身份证") && !text.contains("又称"), "{text}");
}
