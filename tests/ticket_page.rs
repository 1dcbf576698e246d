//! A ticket (取号) followed on the phone (issue 16), against the real server
//! on loopback over SQLite and PostgreSQL, its clock in the test's hand: a
//! handoff names a ticket of the kiosk's hall (any other is refused), and
//! `/m/{code}` shows the number, how many are ahead, the estimate as the
//! API gives it, "your turn is near" at 3 ahead, the window once called and
//! a plain "served", refreshing itself until then; in three languages, under
//! the pages' Content-Security-Policy, also in headless Chromium.

use jiff::{SignedDuration, Timestamp};
use onestop::server::{ServerOptions, store::Role};
use reqwest::StatusCode;
use serde_json::{Value, json};

mod common;

use common::backend::{Backend, start_on};

/// Monday 30 November 2026 at `hh:mm` in Shanghai.
fn monday(hh_mm: &str) -> Timestamp {
    let t: jiff::civil::DateTime = format!("2026-11-30T{hh_mm}").parse().unwrap();
    t.to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap()).unwrap().timestamp()
}

/// The page as a phone's browser gets it.
struct Page {
    status: StatusCode,
    csp: String,
    html: String,
}

impl Page {
    /// The page's text with tags and line breaks taken out, for sentences.
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
        out
    }

    fn refreshes(&self) -> bool {
        self.html.contains("<meta http-equiv=\"refresh\" content=\"20\">")
    }
}

async fn post(b: &Backend, token: Option<&str>, path: &str, body: Value) -> (StatusCode, Value) {
    let mut req = b.http.post(format!("{}{path}", b.url)).json(&body);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let resp = req.send().await.unwrap();
    (resp.status(), resp.json().await.unwrap_or(Value::Null))
}

/// Takes a passport number at Binjiang; its number.
async fn take(b: &Backend) -> String {
    let (status, t) =
        post(b, None, "/api/v1/halls/binjiang/tickets", json!({ "service": "passport-application" })).await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    t["number"].as_str().unwrap().to_owned()
}

async fn act(b: &Backend, window: u16, action: &str) -> Value {
    let path = format!("/api/v1/halls/binjiang/windows/{window}/actions");
    let (status, done) = post(b, None, &path, json!({ "action": action })).await;
    assert_eq!(status, StatusCode::OK, "{action} at {window}: {done}");
    done
}

/// A handoff for `number` of Monday in `lang`: the answer.
async fn handoff(b: &Backend, token: Option<&str>, number: &str, lang: &str) -> (StatusCode, Value) {
    let body = json!({ "service": "passport-application", "lang": lang,
        "ticket": { "day": "2026-11-30", "number": number } });
    post(b, token, "/api/v1/handoffs", body).await
}

async fn page_url(b: &Backend, number: &str, lang: &str) -> String {
    let (status, made) = handoff(b, None, number, lang).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    made["url"].as_str().unwrap().to_owned()
}

async fn get(b: &Backend, url: &str) -> Page {
    let resp = b.http.get(url).send().await.unwrap();
    let status = resp.status();
    let csp = resp.headers().get("content-security-policy").map_or("", |v| v.to_str().unwrap()).to_owned();
    Page { status, csp, html: resp.text().await.unwrap() }
}

/// The estimate the API gives for the ticket now, as the page words it.
async fn api_estimate(b: &Backend, number: &str) -> String {
    let url = format!("{}/api/v1/halls/binjiang/tickets/{number}", b.url);
    let t: Value = b.http.get(url).send().await.unwrap().json().await.unwrap();
    let e = &t["estimate"];
    assert_eq!(e["kind"], "minutes", "{t}");
    match (e["low"].as_u64().unwrap(), e["high"].as_u64().unwrap()) {
        (0, high) => format!("Estimated wait: up to {high} minutes."),
        (low, high) => format!("Estimated wait: {low} to {high} minutes."),
    }
}

on_both_stores! {
    async fn the_page_follows_the_ticket_from_waiting_to_served(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        for _ in 0..4 {
            take(&b).await;
        }
        let mine = take(&b).await;
        assert_eq!(mine, "B005");
        let url = page_url(&b, &mine, "en-US").await;

        let page = get(&b, &url).await;
        assert_eq!(page.status, StatusCode::OK);
        let text = page.text();
        assert!(page.html.contains("<h1 class=\"number\">Your number: B005</h1>"), "{}", page.html);
        assert!(text.contains("Queue: Exit and entry"), "{text}");
        assert!(text.contains("4 people are ahead of you."), "{text}");
        assert!(text.contains("cannot say yet, as no window for this queue is open"), "{text}");
        assert!(text.contains("Called at windows: 6, 7, 8, 9, 10, 11, 12"), "{text}");
        assert!(!text.contains("Your turn is near"), "{text}");
        assert!(text.contains("Updated at 09:00.") && text.contains("updates itself every 20 seconds"), "{text}");
        assert!(page.refreshes(), "it refreshes itself while waiting");
        assert!(!page.html.contains("<script"), "no script: {}", page.html);
        assert!(page.csp.starts_with("default-src 'none'"), "the pages' policy: {}", page.csp);
        // The service's guide follows, under the ticket's one heading.
        assert_eq!(page.html.matches("<h1").count(), 1, "{}", page.html);
        assert!(text.contains("Required materials") || text.contains("materials"), "{text}");

        // Window 7 opens and serves B001 for 8 minutes: 3 ahead, an estimate in minutes.
        act(&b, 7, "open").await;
        act(&b, 7, "call_next").await;
        b.clock.advance(SignedDuration::from_mins(8));
        act(&b, 7, "finish").await;
        let text = get(&b, &url).await.text();
        assert!(text.contains("3 people are ahead of you."), "{text}");
        assert!(text.contains("Your turn is near: please stay close to the windows."), "{text}");
        assert!(text.contains(&api_estimate(&b, &mine).await), "the API's estimate: {text}");
        assert!(text.contains("Updated at 09:08."), "{text}");

        // Called: where to go.
        for _ in 0..3 {
            act(&b, 7, "call_next").await;
            act(&b, 7, "finish").await;
        }
        assert_eq!(act(&b, 7, "call_next").await["number"], "B005");
        let page = get(&b, &url).await;
        assert!(page.text().contains("It is your turn: please go to window 7."), "{}", page.text());
        assert!(page.refreshes());
        act(&b, 7, "start").await;
        assert!(get(&b, &url).await.text().contains("You are being served at window 7."));
        act(&b, 7, "finish").await;
        let page = get(&b, &url).await;
        let text = page.text();
        assert!(text.contains("Served. Thank you for your visit."), "{text}");
        assert!(!text.contains("ahead") && !text.contains("window 7"), "{text}");
        assert!(!page.refreshes(), "nothing left to follow");
    }

    async fn a_missed_ticket_says_where_to_go_and_the_page_can_hold_still(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        let mine = take(&b).await;
        let url = page_url(&b, &mine, "en-US").await;
        act(&b, 9, "open").await;
        assert!(get(&b, &url).await.text().contains("You are next in line."));
        act(&b, 9, "call_next").await;
        act(&b, 9, "no_show").await;
        let text = get(&b, &url).await.text();
        assert!(text.contains("Your number was called at window 9, but you were not there."), "{text}");

        let still = get(&b, &format!("{url}?refresh=off")).await;
        assert_eq!(still.status, StatusCode::OK);
        assert!(!still.refreshes(), "asked to hold still");
        let code = url.rsplit('/').next().unwrap();
        assert!(still.html.contains(&format!("<a href=\"{code}?\">Update this page again</a>")), "{}", still.html);
        let moving = get(&b, &url).await;
        assert!(moving.html.contains(&format!("<a href=\"{code}?refresh=off\">Stop updating this page</a>")));
        // Any other query is the ordinary page: never a framework error.
        let odd = get(&b, &format!("{url}?refresh=%FF&x")).await;
        assert_eq!((odd.status, odd.refreshes()), (StatusCode::OK, true));
    }

    async fn the_page_speaks_the_handoffs_language(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        take(&b).await;
        let mine = take(&b).await;
        let cn = get(&b, &page_url(&b, &mine, "zh-CN").await).await;
        assert!(cn.html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        let text = cn.text();
        assert!(text.contains("您的号码：B002") && text.contains("您前面还有 1 人。"), "{text}");
        assert!(text.contains("快轮到您了") && text.contains("队列：出入境"), "{text}");
        let hk = get(&b, &page_url(&b, &mine, "zh-HK").await).await;
        let text = hk.text();
        assert!(text.contains("您的籌號：B002") && text.contains("您前面還有 1 人。"), "{text}");
        assert!(text.contains("本頁每 20 秒自動更新"), "{text}");
    }

    async fn a_ticket_page_lives_through_its_day_and_the_days_it_may_be_rated(kind) {
        let b = start_on(kind, |o| ServerOptions { handoff_minutes: 30, rating_open_days: 7, ..o }).await;
        b.clock.set(monday("09:00"));
        let url = page_url(&b, &take(&b).await, "en-US").await;
        // A wait longer than a guide's link lasts: the page still follows it.
        b.clock.advance(SignedDuration::from_hours(3));
        assert_eq!(get(&b, &url).await.status, StatusCode::OK);
        // Seven days after the day ends (Monday midnight in Shanghai), it is gone.
        b.clock.set("2026-12-07T15:59:59Z".parse().unwrap());
        assert_eq!(get(&b, &url).await.status, StatusCode::OK);
        b.clock.set("2026-12-07T16:00:00Z".parse().unwrap());
        let gone = get(&b, &url).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
        // In the phone's language (none sent: zh-CN), like any unknown code.
        assert!(gone.text().contains("链接已失效"), "{}", gone.text());
    }

    async fn only_a_ticket_of_the_kiosks_hall_gets_a_page(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        let mine = take(&b).await;
        let refused = |(status, e): (StatusCode, Value)| {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
            assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("invalid_field"), Some("ticket")), "{e}");
        };
        refused(handoff(&b, None, "B099", "en-US").await);
        refused(handoff(&b, None, "b001", "en-US").await);
        let body = json!({ "service": "passport-application", "lang": "en-US",
            "ticket": { "day": "2026-12-01", "number": mine } });
        refused(post(&b, None, "/api/v1/handoffs", body).await);
        // A malformed day is the body's fault, as for every JSON field.
        let body = json!({ "service": "passport-application", "lang": "en-US",
            "ticket": { "day": "Monday", "number": mine } });
        assert_eq!(post(&b, None, "/api/v1/handoffs", body).await.0, StatusCode::BAD_REQUEST);
    }
}

on_both_stores! {
    async fn with_tokens_the_ticket_must_be_of_the_tokens_hall(kind) {
        let b = start_on(kind, |o| ServerOptions { tokens_required: true, ..o }).await;
        b.clock.set(monday("09:00"));
        let binjiang = b.running.create_token(Role::Kiosk, "binjiang", "kiosk-01").await.unwrap();
        let chengbei = b.running.create_token(Role::Kiosk, "chengbei", "kiosk-01").await.unwrap();
        let (status, t) = post(&b, Some(&binjiang), "/api/v1/halls/binjiang/tickets",
            json!({ "service": "passport-application" })).await;
        assert_eq!(status, StatusCode::CREATED, "{t}");
        let number = t["number"].as_str().unwrap();
        let (status, e) = handoff(&b, Some(&chengbei), number, "en-US").await;
        assert_eq!((status, e["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("ticket")), "{e}");
        let (status, made) = handoff(&b, Some(&binjiang), number, "en-US").await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        let page = get(&b, made["url"].as_str().unwrap()).await;
        assert!(page.text().contains("You are next in line."), "{}", page.text());
    }
}

#[path = "ticket_page/chromium.rs"]
mod chromium;

on_both_stores! {
    async fn headless_chromium_shows_the_ticket_page_with_no_policy_violation(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        take(&b).await;
        let mine = take(&b).await;
        let url = page_url(&b, &mine, "en-US").await;
        tokio::task::spawn_blocking(move || {
            chromium::check(&url, "Your number: B002", "1 person is ahead of you.");
        })
        .await
        .unwrap();
    }
}

/// `application/x-www-form-urlencoded`, as a browser writes a form.
fn form(fields: &[(&str, &str)]) -> String {
    let encode = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
                b' ' => "+".into(),
                b => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

async fn post_form(b: &Backend, url: &str, body: String) -> Page {
    let resp = b
        .http
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let csp = resp.headers().get("content-security-policy").map_or("", |v| v.to_str().unwrap()).to_owned();
    Page { status, csp, html: resp.text().await.unwrap() }
}

/// Takes a number, serves it at window 7 from 09:00 to 09:05: the page's URL in `lang`.
async fn served_ticket(b: &Backend, lang: &str) -> (String, String) {
    b.clock.set(monday("09:00"));
    let mine = take(b).await;
    let url = page_url(b, &mine, lang).await;
    act(b, 7, "open").await;
    act(b, 7, "call_next").await;
    b.clock.set(monday("09:05"));
    act(b, 7, "finish").await;
    (mine, url)
}

on_both_stores! {
    async fn a_finished_ticket_is_rated_once_on_its_page(kind) {
        let b = start_on(kind, |o| o).await;
        b.clock.set(monday("09:00"));
        let mine = take(&b).await;
        let url = page_url(&b, &mine, "en-US").await;
        let code = url.rsplit('/').next().unwrap().to_owned();
        let rate = format!("{url}/rate");
        // Waiting: no form, and a rating is refused politely.
        assert!(!get(&b, &url).await.html.contains("<form"), "nothing to rate yet");
        let early = post_form(&b, &rate, form(&[("level", "satisfied"), ("reason", ""), ("text", "")])).await;
        assert_eq!(early.status, StatusCode::CONFLICT);
        assert!(early.text().contains("This visit can be rated once it is finished at the window."), "{}", early.text());

        act(&b, 7, "open").await;
        act(&b, 7, "call_next").await;
        act(&b, 7, "finish").await;
        let page = get(&b, &url).await;
        let html = &page.html;
        assert!(html.contains(&format!("<form method=\"post\" action=\"{code}/rate\">")), "{html}");
        let levels = ["Very satisfied", "Satisfied", "Fairly satisfied", "Dissatisfied", "Very dissatisfied"];
        let mut at = 0;
        for (value, label) in ["very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", "very_dissatisfied"].iter().zip(levels) {
            let radio = format!("<label class=\"choice\"><input type=\"radio\" name=\"level\" value=\"{value}\" required> {label}</label>");
            let found = html[at..].find(&radio).unwrap_or_else(|| panic!("{radio} in order: {html}"));
            at += found;
        }
        assert!(html.contains("name=\"reason\" value=\"slow\"") && html.contains("name=\"reason\" value=\"\" checked"), "{html}");
        assert!(html.contains("maxlength=\"200\""), "{html}");

        // A low rating without a reason: said in words, the choices kept.
        let words = "等了很久".repeat(50);
        let refused = post_form(&b, &rate, form(&[("level", "dissatisfied"), ("reason", ""), ("text", &words)])).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().contains("please choose what went wrong"), "{}", refused.text());
        assert!(refused.html.contains("value=\"dissatisfied\" checked"), "the level is kept: {}", refused.html);
        assert!(refused.html.contains(&format!(">{words}</textarea>")), "the words are kept");
        assert!(refused.html.contains("role=\"alert\""), "{}", refused.html);
        // A reason with a good level, words past 200 characters: refused alike.
        let good = post_form(&b, &rate, form(&[("level", "satisfied"), ("reason", "slow")])).await;
        assert_eq!(good.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(good.html.contains("value=\"slow\" checked") && good.text().contains("No reason"), "{}", good.text());
        let long = format!("{words}慢");
        let over = post_form(&b, &rate, form(&[("level", "very_dissatisfied"), ("reason", "other"), ("text", &long)])).await;
        assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(over.text().contains("200 characters"), "{}", over.text());
        assert!(over.html.contains("value=\"other\" checked") && over.html.contains("value=\"very_dissatisfied\" checked"));
        let none = post_form(&b, &rate, form(&[("reason", "slow")])).await;
        assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(none.text().contains("Please choose how satisfied you are."), "{}", none.text());

        // 200 Chinese characters and a line break (a space) fit the form's bound.
        let two_lines = format!("{}\r\n{}", "慢".repeat(100), "慢".repeat(99));
        let done = post_form(&b, &rate, form(&[("level", "dissatisfied"), ("reason", "slow"), ("text", &two_lines)])).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.html);
        assert!(done.html.contains("<h1>Thank you for your rating</h1>"), "{}", done.html);
        assert!(done.text().contains("You rated this visit: Dissatisfied. Thank you."), "{}", done.text());
        assert!(done.html.contains(&format!("<a href=\"../{code}\">Back to my number</a>")), "{}", done.html);
        let stored = common::backend::column::<String>(&b.database, "SELECT reason FROM ratings WHERE number = $1", &[&mine]).await;
        assert_eq!(stored, ["slow"]);
        let text = common::backend::column::<String>(&b.database, "SELECT text FROM ratings WHERE number = $1", &[&mine]).await;
        assert_eq!(text, [format!("{} {}", "慢".repeat(100), "慢".repeat(99))]);
        let window = common::backend::column::<i64>(&b.database, "SELECT window_no FROM ratings WHERE number = $1", &[&mine]).await;
        assert_eq!(window, [7], "the ticket's window");

        // Once only: the second is refused politely, and the page shows the first.
        let again = post_form(&b, &rate, form(&[("level", "very_satisfied")])).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        assert!(again.text().contains("This visit is rated already. Thank you!"), "{}", again.text());
        let page = get(&b, &url).await;
        assert!(!page.html.contains("<form"), "{}", page.html);
        assert!(page.text().contains("You rated this visit: Dissatisfied."), "{}", page.text());
        let alone = get(&b, &rate).await;
        assert_eq!(alone.status, StatusCode::OK);
        assert!(alone.text().contains("You rated this visit: Dissatisfied."), "{}", alone.text());
    }

    async fn rating_closes_after_open_days_and_the_page_says_so(kind) {
        let b = start_on(kind, |o| ServerOptions { rating_open_days: 1, ..o }).await;
        let (_, url) = served_ticket(&b, "zh-CN").await;
        // The form on a page of its own, in the handoff's language.
        let alone = get(&b, &format!("{url}/rate")).await;
        assert_eq!(alone.status, StatusCode::OK);
        let text = alone.text();
        for level in ["非常满意", "满意", "基本满意", "不满意", "非常不满意"] {
            assert!(text.contains(level), "{level}: {text}");
        }
        assert!(alone.html.contains("<form method=\"post\" action=\"rate\">"), "{}", alone.html);
        // A day and a second after it was finished: closed, in words.
        b.clock.set(monday("09:05").checked_add(SignedDuration::from_secs(86_401)).unwrap());
        let page = get(&b, &url).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.html.contains("<form"), "{}", page.html);
        assert!(page.text().contains("办结后 1 天内可以评价，现已超过期限。"), "{}", page.text());
        let late = post_form(&b, &format!("{url}/rate"), form(&[("level", "satisfied")])).await;
        assert_eq!(late.status, StatusCode::CONFLICT);
        assert!(late.text().contains("现已超过期限"), "{}", late.text());
    }

    async fn a_rating_form_is_bounded_and_its_refusals_are_pages(kind) {
        let b = start_on(kind, |o| o).await;
        let (_, url) = served_ticket(&b, "zh-HK").await;
        let rate = format!("{url}/rate");
        let huge = post_form(&b, &rate, form(&[("level", "satisfied"), ("text", &"慢".repeat(600))])).await;
        assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(huge.html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-HK\">"), "{}", huge.html);
        let odd = post_form(&b, &rate, form(&[("level", "delighted")])).await;
        assert_eq!(odd.status, StatusCode::BAD_REQUEST);
        assert!(odd.csp.starts_with("default-src 'none'"), "{}", odd.csp);
        let json = b.http.post(&rate).json(&json!({ "level": "satisfied" })).send().await.unwrap();
        assert_eq!(json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        // Traditional characters on the form.
        let text = get(&b, &url).await.text();
        assert!(text.contains("評價本次服務") && text.contains("非常不滿意"), "{text}");
        let done = post_form(&b, &rate, form(&[("level", "very_satisfied"), ("reason", "")])).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.html);
        assert!(done.text().contains("您對本次服務的評價：非常滿意。謝謝！"), "{}", done.text());
    }

    async fn headless_chromium_shows_the_rating_form_with_no_policy_violation(kind) {
        let b = start_on(kind, |o| o).await;
        let (mine, url) = served_ticket(&b, "en-US").await;
        let heading = format!("Your number: {mine}");
        tokio::task::spawn_blocking(move || {
            let dom = chromium::check(&url, &heading, "Served. Thank you for your visit.");
            assert!(dom.contains("Rate this visit"), "{dom}");
        })
        .await
        .unwrap();
    }
}
