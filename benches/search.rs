//! Search on a generated catalogue of 10,000 services: building the index
//! (goal ≤200 ms) and one search per keystroke for queries of 1 to 12
//! characters, typed one character at a time (goal ≤2 ms at p99).
//!
//! Run: cargo bench --bench search

use std::time::Instant;

use onestop::domain::{Catalog, Lang};
use onestop::search::SearchIndex;

const SERVICES: usize = 10_000;

/// The demo catalogue, its services repeated with numbered names and ids.
fn big_catalog() -> Catalog {
    let mut catalog = onestop::server::catalog_source::embedded().unwrap();
    let demo = std::mem::take(&mut catalog.services);
    catalog.services = (0..SERVICES)
        .map(|i| {
            let mut s = demo[i % demo.len()].clone();
            s.id = format!("{}-{i}", s.id);
            for lang in Lang::ALL {
                if let Some(name) = s.name.0.get_mut(&lang) {
                    name.push_str(&format!(" {}", i / demo.len()));
                }
            }
            s.popularity = (i % 97) as u8;
            s
        })
        .collect();
    catalog.version = "bench".into();
    catalog
}

fn main() {
    let catalog = big_catalog();
    let mut builds = vec![];
    let mut index = None;
    for _ in 0..5 {
        let start = Instant::now();
        index = Some(SearchIndex::build(&catalog));
        builds.push(start.elapsed().as_secs_f64() * 1e3);
    }
    builds.sort_by(f64::total_cmp);
    let index = index.unwrap();
    println!(
        "index build for {SERVICES} services: median {:.1} ms (min {:.1}, max {:.1})",
        builds[2], builds[0], builds[4]
    );

    let queries = [
        "居民身份证换领补领",
        "shehuibaoxianka",
        "sfz",
        "passport renewal",
        "marrige",
        "社保ka",
        "gongjijintiqu",
        "驾驶证期满换证",
        "business regist",
        "营业执照",
        "hzsq",
        "unemployment",
        "出生医学证明",
        "not there at all",
    ];
    let mut times = vec![];
    for q in queries {
        let chars: Vec<char> = q.chars().collect();
        for n in 1..=chars.len().min(12) {
            let typed: String = chars[..n].iter().collect();
            let start = Instant::now();
            let hits = index.search(&typed, 45);
            times.push(start.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(hits);
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "search per keystroke over {SERVICES} services, {} queries of 1–12 characters: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(0.5),
        pct(0.99),
        times[times.len() - 1]
    );
}
