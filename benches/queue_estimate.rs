//! How honest the estimated wait (预计等候) is: simulated hall days drive
//! the pure domain (`Board`, `estimate`) with a clock of their own, and for
//! every ticket compare the range shown when it was issued with the wait it
//! really had (issued → called).
//!
//! The day: one hall on Beijing time, two queues. Queue A (ID cards) is
//! called at windows 1–4, queue B (passports) at windows 4–5; window 4
//! calls both. Arrivals are Poisson, busier in the morning; service times
//! are log-normal (median 6 min for A, 9 for B, σ = 0.6: a long tail of
//! hard cases); 5 % of walk-ins are priority (绿色通道). Windows open and
//! close through the day: window 3 opens late, 1 and 5 take lunch, 2
//! leaves early; every window stays until its queues are empty after the
//! last number is given. The estimator's day starts with a typical service
//! time (7 min for A, 10 for B), as a hall configures.
//!
//! Printed: the share of tickets whose real wait fell inside the range
//! shown at issue (whole minutes, both ends included), how wide the ranges
//! were (top ÷ bottom, for ranges with a bottom above 0), and how many
//! tickets were told "cannot say" (no window open). The goal (issue 16):
//! at least 80 % inside, the top at most twice the bottom.
//!
//! Seeded (SplitMix64, Box–Muller): a run is repeatable; `SEED=n` changes it.
//!
//! Run: cargo bench --bench queue_estimate   (about a second; the figures
//! are the same on every machine for a seed)
//!
//! Measured 2026-12-02, seed 2026, 30 days, 7,534 tickets:
//!
//! | estimator | inside | above | below | top ÷ bottom (bottom > 0) |
//! |---|---:|---:|---:|---|
//! | before (whole shared windows, last 10, no prior) | 58.9 % | 31.4 % | 9.7 % | median 1.94, max 4.00; 81 % at most 2x |
//! | `wait.rs` now (shared windows in part, last 20, prior 3, top ≤ 2x bottom) | 64.7 % | 18.7 % | 16.6 % | median 1.94, max 2.00; all at most 2x |
//! | alternative below (front of the line told "up to") | 75.0 % | | | 1,988 "up to" ranges |
//!
//! The goal of 80 % is missed, and where is plain from the spread of the
//! real wait around the central figure (p10 / p90): 0 ahead 0.00 / 2.78,
//! 1–2 ahead 0.53 / 2.47, 3–5 ahead 0.68 / 1.85, 6–11 0.66 / 1.59, 12–24
//! 0.75 / 1.57. With few ahead the wait is mostly how long the citizens at
//! the windows still take, which no count can tell; a range no wider than
//! twice its bottom cannot hold 80 % of such waits. Inside, by tickets
//! ahead: 0–2 51 %, 3–9 64 %, 10–29 73 %, 30+ 71 %; by hour, the hours
//! before a window closes (11h, 12h, 15h) are the worst (52–62 %).

use std::{cmp::Reverse, collections::BinaryHeap};

use jiff::{SignedDuration, Timestamp, civil::Date, tz::TimeZone};
use onestop::domain::Text;
use onestop::domain::queue::{
    Action, Board, CallRules, ClockTime, Estimate, Event, HallLayout, PriorityGroup, Queue, QueuePrefix,
    Ticket, TicketNumber, Window,
};

/// Days simulated; each its own seed, drawn from the run's.
const DAYS: u64 = 30;

#[path = "queue_estimate/rng.rs"]
mod rng;

use rng::Rng;

fn prefix(c: char) -> QueuePrefix {
    QueuePrefix::new(c).unwrap()
}

fn hall() -> HallLayout {
    let queue = |c: char, service: &str| Queue {
        prefix: prefix(c),
        name: Text::default(),
        services: vec![service.into()],
        daily_cap: 999,
        issue_from: ClockTime::new(9, 0).unwrap(),
        issue_until: ClockTime::new(16, 30).unwrap(),
        // The simulated day hands the estimator its typical time itself.
        typical: None,
    };
    let window =
        |number: u16, queues: &[char]| Window { number, queues: queues.iter().map(|&c| prefix(c)).collect() };
    HallLayout {
        hall: "sim".into(),
        zone: TimeZone::get("Asia/Shanghai").unwrap(),
        open_weekdays: vec![1, 2, 3, 4, 5],
        closed_dates: vec![],
        queues: vec![queue('A', "id-card"), queue('B', "passport")],
        windows: vec![
            window(1, &['A']),
            window(2, &['A']),
            window(3, &['A']),
            window(4, &['A', 'B']),
            window(5, &['B']),
        ],
        priority_groups: vec![PriorityGroup { id: "senior-70".into(), name: Text::default() }],
    }
}

/// Seconds since the day's local midnight, to the instant.
fn at(day_start: Timestamp, secs: i64) -> Timestamp {
    day_start.checked_add(SignedDuration::from_secs(secs)).unwrap()
}

const fn hm(h: i64, m: i64) -> i64 {
    (h * 60 + m) * 60
}

/// Walk-ins per hour by local hour: a morning peak, a lunch dip.
fn arrivals_per_hour(c: char, secs: i64) -> f64 {
    let base = match secs / 3600 {
        9 => 34.0,
        10 => 30.0,
        11 => 24.0,
        12 => 12.0,
        13 => 20.0,
        14 => 24.0,
        15 => 20.0,
        _ => 14.0,
    };
    if c == 'A' { base } else { base * 0.45 }
}

/// When each window opens and closes (local seconds), in pairs.
fn shifts(window: u16) -> &'static [(i64, i64)] {
    const ONE: [(i64, i64); 2] = [(hm(9, 0), hm(12, 0)), (hm(13, 0), hm(17, 0))];
    const TWO: [(i64, i64); 1] = [(hm(9, 0), hm(15, 30))];
    const THREE: [(i64, i64); 1] = [(hm(10, 0), hm(17, 0))];
    const FOUR: [(i64, i64); 1] = [(hm(9, 0), hm(17, 0))];
    const FIVE: [(i64, i64); 2] = [(hm(9, 0), hm(11, 45)), (hm(12, 45), hm(17, 0))];
    match window {
        1 => &ONE,
        2 => &TWO,
        3 => &THREE,
        4 => &FOUR,
        _ => &FIVE,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Happening {
    Open(u16),
    Close(u16),
    Finish(u16),
    Arrive(char),
}

/// What one ticket was told and what it got.
struct Told {
    issued: i64,
    ahead: usize,
    /// The rule's central figure, minutes, and whether a window for the
    /// queue stood idle (for the front-of-line alternative, below).
    central: f64,
    idle: bool,
    estimate: Estimate,
    called: Option<i64>,
}

/// `wait.rs`'s central figure, `(n + ½) × m ÷ w` in minutes, from the
/// same inputs (for the figures by tickets ahead, and the alternative).
fn central(board: &Board, hall: &HallLayout, q: QueuePrefix, ahead: usize, typical: SignedDuration) -> f64 {
    use onestop::domain::queue::wait::{PRIOR, RECENT};
    let times = board.service_times(q);
    let last = &times[times.len().saturating_sub(RECENT)..];
    let sum: i64 = last.iter().map(|d| d.as_secs()).sum::<i64>() + typical.as_secs() * PRIOR as i64;
    let mean = sum as f64 / (last.len() + PRIOR) as f64;
    (ahead as f64 + 0.5) * mean / board.windows_for(hall, q) / 60.0
}

/// The alternative measured beside the rule: a ticket a window stands idle
/// for is told "up to 1 minute"; one with at most [`FRONT`] ahead "up to"
/// 2.5 times the central figure; the others the rule's range.
const FRONT: usize = 2;

fn alternative(t: &Told) -> (u32, u32) {
    let ceil = |m: f64| m.ceil().max(1.0) as u32;
    if t.idle {
        (0, 1)
    } else if t.ahead <= FRONT {
        (0, ceil(2.5 * t.central))
    } else {
        match t.estimate {
            Estimate::Minutes { low, high } => (low, high),
            _ => (0, 0),
        }
    }
}

#[derive(Default)]
struct Tally {
    /// Real wait ÷ central figure, by tickets ahead at issue.
    ratios_by_ahead: Vec<(usize, f64)>,
    /// Inside the alternative's range; of them, "up to" ranges.
    alt_inside: u64,
    alt_up_to: u64,
    inside: u64,
    judged: u64,
    cannot_say: u64,
    up_to: u64,
    ratios: Vec<f64>,
    over: u64,
    under: u64,
    /// Inside, judged: by tickets ahead at issue (0–2, 3–9, 10–29, 30+),
    /// and by the local hour of issue.
    by_ahead: [(u64, u64); 4],
    over_by_ahead: [u64; 4],
    by_hour: [(u64, u64); 24],
}

fn simulate(seed: u64, tally: &mut Tally) {
    let hall = hall();
    let rules = CallRules::default();
    let mut rng = Rng(seed);
    let date = Date::new(2026, 11, 30).unwrap();
    let day_start = date.to_zoned(hall.zone.clone()).unwrap().timestamp();
    let mut board = Board::new(date);
    let mut heap: BinaryHeap<Reverse<(i64, Happening)>> = BinaryHeap::new();
    for w in &hall.windows {
        for &(open, close) in shifts(w.number) {
            heap.push(Reverse((open, Happening::Open(w.number))));
            heap.push(Reverse((close, Happening::Close(w.number))));
        }
    }
    for c in ['A', 'B'] {
        let first = hm(9, 0) + rng.exp(3600.0 / arrivals_per_hour(c, hm(9, 0))) as i64;
        heap.push(Reverse((first, Happening::Arrive(c))));
    }
    let typical = |c: char| SignedDuration::from_mins(if c == 'A' { 7 } else { 10 });
    let mut counters = [0u16; 2];
    let mut told: Vec<(TicketNumber, Told)> = vec![];
    // Windows scheduled to close, still finishing their queues.
    let mut closing = [false; 6];
    while let Some(Reverse((now_secs, happening))) = heap.pop() {
        let now = at(day_start, now_secs);
        match happening {
            Happening::Arrive(c) => {
                if now_secs >= hm(16, 30) {
                    continue;
                }
                let i = usize::from(c == 'B');
                counters[i] += 1;
                let number = TicketNumber::new(prefix(c), counters[i]).unwrap();
                let group = (rng.unit() < 0.05).then(|| "senior-70".to_owned());
                board.add(&hall, Ticket::walk_in(number, now, group)).unwrap();
                let estimate = board.estimate_for(&hall, number, Some(typical(c))).unwrap();
                let ahead = board.ahead_of(number).unwrap();
                let central = central(&board, &hall, prefix(c), ahead, typical(c));
                let idle = hall
                    .windows_serving(prefix(c))
                    .filter(|w| board.desk(w.number).open && board.in_hand(w.number).is_none())
                    .count();
                let idle = ahead < idle;
                told.push((number, Told { issued: now_secs, ahead, central, idle, estimate, called: None }));
                let next = now_secs + rng.exp(3600.0 / arrivals_per_hour(c, now_secs)).max(1.0) as i64;
                heap.push(Reverse((next, Happening::Arrive(c))));
            }
            Happening::Open(w) => {
                closing[usize::from(w)] = false;
                board.act(&hall, &rules, w, Action::Open, now).unwrap();
            }
            Happening::Close(w) => closing[usize::from(w)] = true,
            Happening::Finish(w) => {
                board.act(&hall, &rules, w, Action::Finish, now).unwrap();
            }
        }
        // Every open window with nobody in hand calls the next, or (past
        // its shift, or with nobody left after the last number) closes.
        for w in &hall.windows {
            let n = w.number;
            if !board.desk(n).open || board.in_hand(n).is_some() {
                continue;
            }
            // The windows whose day ends at 17:00 serve whoever holds a number.
            let last_close = shifts(n).last().map_or(0, |&(_, close)| close);
            let stays = now_secs >= last_close && last_close >= hm(17, 0);
            let nothing_left = board.waiting_for(w).is_empty() && now_secs >= hm(16, 30);
            if closing[usize::from(n)] && (!stays || nothing_left) {
                board.act(&hall, &rules, n, Action::Pause, now).unwrap();
                continue;
            }
            let Ok(Event::Called { number, .. }) = board.act(&hall, &rules, n, Action::CallNext, now) else {
                continue;
            };
            board.act(&hall, &rules, n, Action::Start, now).unwrap();
            if let Some((_, t)) = told.iter_mut().find(|(t, _)| *t == number) {
                t.called = Some(now_secs);
            }
            let median = if number.prefix == prefix('A') { 360.0 } else { 540.0 };
            let took = rng.log_normal(median, 0.6).max(30.0) as i64;
            heap.push(Reverse((now_secs + took, Happening::Finish(n))));
        }
    }
    for (number, t) in told {
        let called = t.called.unwrap_or_else(|| panic!("{number} was never called"));
        let waited = called - t.issued;
        tally.ratios_by_ahead.push((t.ahead, waited as f64 / 60.0 / t.central.max(1.0 / 60.0)));
        let (alt_low, alt_high) = alternative(&t);
        if matches!(t.estimate, Estimate::Minutes { .. }) {
            tally.alt_inside +=
                u64::from((i64::from(alt_low) * 60..=i64::from(alt_high) * 60).contains(&waited));
            tally.alt_up_to += u64::from(alt_low == 0);
        }
        match t.estimate {
            Estimate::Minutes { low, high } => {
                tally.judged += 1;
                let (low_s, high_s) = (i64::from(low) * 60, i64::from(high) * 60);
                let inside = (low_s..=high_s).contains(&waited);
                let bucket = match t.ahead {
                    0..=2 => 0,
                    3..=9 => 1,
                    10..=29 => 2,
                    _ => 3,
                };
                let hour = (t.issued / 3600) as usize;
                tally.over_by_ahead[bucket] += u64::from(waited > high_s);
                for judged in [&mut tally.by_ahead[bucket], &mut tally.by_hour[hour]] {
                    judged.0 += u64::from(inside);
                    judged.1 += 1;
                }
                if inside {
                    tally.inside += 1;
                } else if waited > high_s {
                    tally.over += 1;
                } else {
                    tally.under += 1;
                }
                if low > 0 {
                    tally.ratios.push(f64::from(high) / f64::from(low));
                } else {
                    tally.up_to += 1;
                }
            }
            Estimate::NoWindowOpen | Estimate::Unknown => tally.cannot_say += 1,
        }
    }
}

fn main() {
    let seed: u64 = std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(2026);
    let mut tally = Tally::default();
    let mut days = Rng(seed);
    for _ in 0..DAYS {
        simulate(days.next(), &mut tally);
    }
    let pct = |n: u64, of: u64| 100.0 * n as f64 / of.max(1) as f64;
    tally.ratios.sort_by(f64::total_cmp);
    let quantile = |q: f64| tally.ratios[((tally.ratios.len() - 1) as f64 * q) as usize];
    let within_two = tally.ratios.iter().filter(|&&r| r <= 2.0).count() as u64;
    println!("queue_estimate: {DAYS} simulated days, seed {seed}");
    println!("  tickets with a range: {}; told \"cannot say\": {}", tally.judged, tally.cannot_say);
    println!(
        "  real wait inside the range shown at issue: {:.1} % (goal >= 80 %); above it {:.1} %, below it {:.1} %",
        pct(tally.inside, tally.judged),
        pct(tally.over, tally.judged),
        pct(tally.under, tally.judged)
    );
    println!(
        "  width top/bottom (bottom > 0, {} ranges): median {:.2}, p90 {:.2}, max {:.2}; at most 2x: {:.1} % (goal: all)",
        tally.ratios.len(),
        quantile(0.5),
        quantile(0.9),
        quantile(1.0),
        pct(within_two, tally.ratios.len() as u64)
    );
    println!("  ranges \"up to N minutes\" (bottom 0): {}", tally.up_to);
    let share = |(inside, judged): (u64, u64)| format!("{:.0} % of {judged}", pct(inside, judged));
    let ahead: Vec<String> = ["0-2", "3-9", "10-29", "30+"]
        .iter()
        .zip(tally.by_ahead.into_iter().zip(tally.over_by_ahead))
        .map(|(label, (b, over))| format!("{label}: {} ({:.0} % above)", share(b), pct(over, b.1)))
        .collect();
    println!("  inside, by tickets ahead at issue: {}", ahead.join("; "));
    let hours: Vec<String> = (9..17).map(|h| format!("{h:02}h: {}", share(tally.by_hour[h]))).collect();
    println!("  inside, by hour of issue: {}", hours.join("; "));
    println!("  real wait / central figure, by tickets ahead at issue (p10 / p50 / p90):");
    for (lo, hi) in [(0, 0), (1, 2), (3, 5), (6, 11), (12, 24), (25, usize::MAX)] {
        let mut v: Vec<f64> =
            tally.ratios_by_ahead.iter().filter(|x| (lo..=hi).contains(&x.0)).map(|x| x.1).collect();
        v.sort_by(f64::total_cmp);
        if let (Some(_), n) = (v.first(), v.len()) {
            let q = |p: f64| v[((n - 1) as f64 * p) as usize];
            let label = if hi == usize::MAX { format!("{lo}+") } else { format!("{lo}-{hi}") };
            println!("    {label:>5}: {:.2} / {:.2} / {:.2}  ({n} tickets)", q(0.1), q(0.5), q(0.9));
        }
    }
    println!(
        "  alternative (idle window: up to 1 min; {FRONT} or fewer ahead: up to 2.5x central): {:.1} % inside, {} \"up to\" ranges",
        pct(tally.alt_inside, tally.judged),
        tally.alt_up_to
    );
}
