//! From "call next" at a window to the `called` event at each of the
//! hall's Server-Sent Events subscribers.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::sync::mpsc;

pub const SUBSCRIBERS: usize = 500;
/// Calls measured a run, each waited for at every subscriber.
const CALLS: usize = 30;

/// Milliseconds: over every subscriber and call; and the slowest
/// subscriber of each call, its median over the calls.
pub struct Figures {
    pub p50: f64,
    pub p99: f64,
    pub last_p50: f64,
}

/// One subscriber: reads the stream, says when it is listening, then
/// reports each `called` event's number and the instant it was read.
async fn subscribe(
    http: reqwest::Client,
    url: String,
    ready: mpsc::Sender<()>,
    seen: mpsc::UnboundedSender<(String, Instant)>,
) {
    let mut stream = http.get(url).send().await.unwrap();
    assert_eq!(stream.status(), reqwest::StatusCode::OK);
    let mut buffer = String::new();
    let mut listening = false;
    while let Some(chunk) = stream.chunk().await.unwrap() {
        buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            if !listening && block.contains("event: ready") {
                listening = true;
                ready.send(()).await.unwrap();
            }
            if let Some(data) = block.strip_prefix("event: called\ndata: ") {
                let event: Value = serde_json::from_str(data.trim()).unwrap();
                let _ = seen.send((event["number"].as_str().unwrap().to_owned(), Instant::now()));
            }
        }
    }
}

async fn post(http: &reqwest::Client, url: String, body: Value) -> Value {
    let resp = http.post(url).json(&body).send().await.unwrap();
    assert!(resp.status().is_success(), "{}", resp.status());
    resp.json().await.unwrap()
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// `CALLS` calls at window 7 of `caller`, heard by `SUBSCRIBERS` streams of
/// `listener` (the same server, or another on the same database).
pub async fn run(caller: &str, listener: &str, label: &str) -> Figures {
    let http = reqwest::Client::new();
    for _ in 0..CALLS {
        let url = format!("{caller}/api/v1/halls/binjiang/tickets");
        post(&http, url, json!({ "service": "passport-application" })).await;
    }
    let act = format!("{caller}/api/v1/halls/binjiang/windows/7/actions");
    post(&http, act.clone(), json!({ "action": "open" })).await;

    let (ready_tx, mut ready) = mpsc::channel(SUBSCRIBERS);
    let (seen_tx, mut seen) = mpsc::unbounded_channel();
    let events = format!("{listener}/api/v1/halls/binjiang/events");
    // One client (and so one connection) per subscriber, as phones are.
    let subscribers: Vec<_> = (0..SUBSCRIBERS)
        .map(|_| {
            tokio::spawn(subscribe(reqwest::Client::new(), events.clone(), ready_tx.clone(), seen_tx.clone()))
        })
        .collect();
    for _ in 0..SUBSCRIBERS {
        ready.recv().await.unwrap();
    }

    let (mut all, mut last) = (vec![], vec![]);
    for _ in 0..CALLS {
        let sent = Instant::now();
        let called = post(&http, act.clone(), json!({ "action": "call_next" })).await;
        let number = called["number"].as_str().unwrap().to_owned();
        let mut slowest = 0.0f64;
        for _ in 0..SUBSCRIBERS {
            let (heard, at) = tokio::time::timeout(Duration::from_secs(60), seen.recv())
                .await
                .expect("every subscriber hears the call")
                .unwrap();
            assert_eq!(heard, number, "calls are heard in order");
            let ms = at.duration_since(sent).as_secs_f64() * 1000.0;
            slowest = slowest.max(ms);
            all.push(ms);
        }
        last.push(slowest);
        post(&http, act.clone(), json!({ "action": "finish" })).await;
    }
    subscribers.iter().for_each(|s| s.abort());
    all.sort_by(f64::total_cmp);
    last.sort_by(f64::total_cmp);
    let figures =
        Figures { p50: quantile(&all, 0.5), p99: quantile(&all, 0.99), last_p50: quantile(&last, 0.5) };
    println!(
        "  {label:<42} p50 {:>6.2} ms  p99 {:>6.2} ms  slowest subscriber p50 {:>6.2} ms",
        figures.p50, figures.p99, figures.last_p50
    );
    figures
}
