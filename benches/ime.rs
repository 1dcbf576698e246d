//! Candidate lookup for the built-in pinyin and stroke input, on every
//! keystroke: a name typed letter by letter (w, wa, wan, wang, … wangxiuying,
//! with the surname, then the given-name ranking), strokes (hhsh for 王, and
//! the 17 strokes of 赢), and search words over the demo catalogue's vocabulary
//! (shenfenzheng, gongjijin), each ranking up to 200 candidates. Goal: ≤1 ms
//! at p99. The first lookup, which parses the character data, is timed
//! apart, and so is building the vocabulary of a 10,000-service catalogue
//! (part of `SearchIndex::build`, whose goal is ≤200 ms in `benches/search`).
//!
//! Run: cargo bench --bench ime

use std::time::Instant;

use onestop::domain::Service;
use onestop::kiosk::input::ime::{Composition, Context, Purpose, Script, Stroke};
use onestop::search::SearchIndex;

const ROUNDS: usize = 50;

/// Every prefix of `keys`, typed one key at a time, each looked up once.
fn type_and_look_up(keys: &str, script: Script, ctx: &Context, times: &mut Vec<f64>) {
    let mut c = Composition::new(script);
    for k in keys.chars() {
        match script {
            Script::Pinyin => c.push_letter(k),
            Script::Strokes => c.push_stroke(stroke(k)),
        };
        let start = Instant::now();
        let found = c.candidates(ctx);
        times.push(start.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(found);
    }
}

/// A copy of a demo service with a numbered name, as in `benches/search`.
fn numbered(service: &Service, i: usize) -> Service {
    let mut s = service.clone();
    s.id = format!("{}-{i}", s.id);
    for name in s.name.0.values_mut() {
        name.push_str(&format!(" {}", i / 40));
    }
    s.popularity = (i % 97) as u8;
    s
}

fn stroke(letter: char) -> Stroke {
    match letter {
        'h' => Stroke::Heng,
        's' => Stroke::Shu,
        'p' => Stroke::Pie,
        'n' => Stroke::Dian,
        _ => Stroke::Zhe,
    }
}

fn main() {
    let name = Context { purpose: Purpose::Name, before: 0, vocabulary: &[] };
    let start = Instant::now();
    std::hint::black_box(Composition::new(Script::Pinyin).candidates(&name));
    let mut first = Composition::new(Script::Pinyin);
    first.push_letter('w');
    std::hint::black_box(first.candidates(&name));
    println!("first lookup (parses the character data): {:.1} ms", start.elapsed().as_secs_f64() * 1e3);

    let catalog = onestop::server::catalog_source::embedded().unwrap();
    let index = SearchIndex::build(&catalog);
    let search = Context { purpose: Purpose::Search, before: 0, vocabulary: index.vocabulary() };
    let given = Context { purpose: Purpose::Name, before: 1, vocabulary: &[] };

    let mut big = catalog.clone();
    big.services = (0..10_000).map(|i| numbered(&catalog.services[i % catalog.services.len()], i)).collect();
    let start = Instant::now();
    let words = onestop::search::vocabulary::build(&big);
    println!(
        "vocabulary of 10000 services: {:.1} ms ({} words)",
        start.elapsed().as_secs_f64() * 1e3,
        words.len()
    );

    let mut times = vec![];
    for _ in 0..ROUNDS {
        type_and_look_up("wangxiuying", Script::Pinyin, &name, &mut times);
        type_and_look_up("xiuying", Script::Pinyin, &given, &mut times);
        type_and_look_up("zhangsan", Script::Pinyin, &name, &mut times);
        type_and_look_up("hhsh", Script::Strokes, &name, &mut times);
        type_and_look_up("nhzszhpzhhszpnpzn", Script::Strokes, &search, &mut times);
        type_and_look_up("shenfenzheng", Script::Pinyin, &search, &mut times);
        type_and_look_up("gongjijin", Script::Pinyin, &search, &mut times);
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "candidates per keystroke, {} lookups ({} words in the vocabulary): p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        index.vocabulary().len(),
        pct(0.5),
        pct(0.99),
        times[times.len() - 1]
    );
}
