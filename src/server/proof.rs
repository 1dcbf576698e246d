//! Guesses at a booking's proof: its code and the phone's last four digits.
//! Four digits are only 10,000 values, so wrong tries are counted per
//! booking (5 wrong lock that booking's lookups and cancels) and per client
//! address (many wrong tries across bookings lock that address). One guard
//! is shared by every route that checks a proof — the JSON lookup and
//! cancel and the phone page's cancel form — so they count together.
//!
//! A try is reserved by `check` and settled by `record`: requests racing
//! each other cannot slip more guesses past the limit than it allows, and
//! an unknown code is counted exactly like a wrong proof (no oracle).

use std::{
    collections::HashMap,
    hash::Hash,
    net::{IpAddr, Ipv6Addr},
    sync::{Arc, Mutex, PoisonError},
};

use axum::{
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{clock::Clock, routes::Fail, store::normalize_code};

/// How many wrong tries, for how long, and how much is remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProofLimits {
    /// Wrong proofs for one booking before its lookups and cancels lock.
    pub per_booking: u32,
    /// Wrong proofs from one client address, over all bookings, before it locks.
    pub per_address: u32,
    /// Wrong tries are counted over this many seconds; a lock lasts as long.
    pub lock_secs: i64,
    /// Each further lock of the same booking (without the right digits in
    /// between) lasts twice as long, up to this: 5 tries every 15 minutes
    /// would try 6,720 of the 10,000 values in the two weeks a booking can
    /// lie ahead; doubling up to a day leaves about 100 (1 in 100).
    pub max_booking_lock_secs: i64,
    /// Most bookings, and most addresses, remembered at once (each).
    pub max_entries: usize,
}

impl Default for ProofLimits {
    fn default() -> ProofLimits {
        ProofLimits {
            per_booking: 5,
            per_address: 20,
            lock_secs: 15 * 60,
            max_booking_lock_secs: 24 * 60 * 60,
            max_entries: 50_000,
        }
    }
}

/// Guesses at a booking's proof, counted per booking and per address.
pub struct ProofGuard {
    clock: Arc<dyn Clock>,
    // One lock for both tables: a try is reserved in both or in neither.
    tables: Mutex<Tables>,
}

struct Tables {
    bookings: Table<String>,
    addresses: Table<IpAddr>,
}

impl ProofGuard {
    pub fn new(limits: ProofLimits, clock: Arc<dyn Clock>) -> ProofGuard {
        let booking_rule = Rule {
            max_failures: limits.per_booking.max(1),
            window_secs: limits.lock_secs.max(1),
            max_lock_secs: limits.max_booking_lock_secs.max(limits.lock_secs.max(1)),
        };
        // An address is never locked longer than one window: a whole hall may share one.
        let address_rule = Rule {
            max_failures: limits.per_address.max(1),
            max_lock_secs: booking_rule.window_secs,
            ..booking_rule
        };
        let cap = limits.max_entries.max(8);
        let tables =
            Tables { bookings: Table::new(booking_rule, cap), addresses: Table::new(address_rule, cap) };
        ProofGuard { clock, tables: Mutex::new(tables) }
    }

    /// Before checking a proof for booking `code` from `addr`: Err(seconds to wait) while locked.
    pub fn check(&self, code: &str, addr: std::net::IpAddr) -> Result<(), u64> {
        let (code, addr, now) = (booking_key(code), address_key(addr), self.now());
        let mut tables = self.tables();
        let booking = tables.bookings.gate(&code, now);
        let address = tables.addresses.gate(&addr, now);
        match (booking, address) {
            (Ok(()), Ok(())) => {
                tables.bookings.reserve(code, now);
                tables.addresses.reserve(addr, now);
                Ok(())
            }
            (Err(a), Err(b)) => Err(a.max(b)),
            (Err(wait), _) | (_, Err(wait)) => Err(wait),
        }
    }

    /// After checking: a wrong proof (or unknown code) counts against the booking and the address; a right one clears the booking's count.
    pub fn record(&self, code: &str, addr: std::net::IpAddr, ok: bool) {
        let (code, addr, now) = (booking_key(code), address_key(addr), self.now());
        let mut tables = self.tables();
        if ok {
            tables.bookings.forget(&code);
            tables.addresses.settle(addr, now, false);
            return;
        }
        if let Some(secs) = tables.bookings.settle(code.clone(), now, true) {
            tracing::warn!(booking = %prefix(&code), secs, "wrong proofs: booking's lookups locked");
        }
        if let Some(secs) = tables.addresses.settle(addr, now, true) {
            tracing::warn!(address = %addr, secs, "wrong proofs: address locked");
        }
    }

    /// A try that could not be checked (the store failed): neither right
    /// nor wrong, it only stops being in flight.
    pub fn abandon(&self, code: &str, addr: std::net::IpAddr) {
        let (code, addr, now) = (booking_key(code), address_key(addr), self.now());
        let mut tables = self.tables();
        tables.bookings.settle(code, now, false);
        tables.addresses.settle(addr, now, false);
    }

    fn now(&self) -> i64 {
        self.clock.now().as_second()
    }

    fn tables(&self) -> std::sync::MutexGuard<'_, Tables> {
        // Nothing inside panics; a poisoned lock still holds whole counts.
        self.tables.lock().unwrap_or_else(PoisonError::into_inner)
    }

    #[cfg(test)]
    fn sizes(&self) -> (usize, usize) {
        let tables = self.tables();
        (tables.bookings.entries.len(), tables.addresses.entries.len())
    }
}

/// The address a request counts against: the peer's, unless the peer is a
/// trusted proxy; then the last X-Forwarded-For address that is not itself
/// a trusted proxy (each proxy appends the address it saw). The same rule as
/// the phone pages' per-address limit in `handoff.rs`.
pub(crate) fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let chain: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in chain.into_iter().rev() {
        // Anything unreadable was written before a trusted proxy: stop there.
        let Ok(ip) = hop.parse::<IpAddr>() else { break };
        client = ip;
        if !trusted.contains(&ip) {
            break;
        }
    }
    client
}

/// The JSON API's answer while locked: 429 `too_many_tries` with `Retry-After`.
pub(crate) fn too_many_tries(wait_secs: u64) -> Response {
    let wait = wait_secs.max(1);
    let message =
        format!("too many wrong tries for this booking or from this address; try again in {wait} seconds");
    let mut response = Fail::new(StatusCode::TOO_MANY_REQUESTS, "too_many_tries", message).into_response();
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
    response
}

/// Real codes have 8 characters; a longer one is still counted (as the
/// unknown code it is) but cannot make an entry larger than this.
const KEY_CHARS: usize = 16;

fn booking_key(code: &str) -> String {
    normalize_code(code).chars().take(KEY_CHARS).collect()
}

/// One IPv6 subscriber gets a whole /64: counting each of its addresses
/// apart would give it 2^64 allowances. IPv4 inside IPv6 counts as IPv4.
fn address_key(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(v6.to_bits() & !u128::from(u64::MAX))),
        },
    }
}

/// Enough of a code for an operator to tell bookings apart in the log,
/// never enough to look one up.
fn prefix(code: &str) -> String {
    let head: String = code.chars().take(3).collect();
    format!("{head}…")
}

#[derive(Debug, Clone, Copy)]
struct Rule {
    max_failures: u32,
    window_secs: i64,
    max_lock_secs: i64,
}

impl Rule {
    /// The `locks`-th lock (0 first) lasts twice the one before, up to the maximum.
    fn lock_secs(&self, locks: u32) -> i64 {
        let doubled = self.window_secs.saturating_mul(1i64.checked_shl(locks.min(32)).unwrap_or(i64::MAX));
        doubled.min(self.max_lock_secs)
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Strikes {
    /// Wrong tries settled in the current window.
    failures: u32,
    /// Tries let through and not settled yet (they may still be wrong).
    pending: u32,
    /// When the current window began.
    since: i64,
    /// Locked until then (0: never locked in this window).
    locked_until: i64,
    /// Locks so far, for the next lock's length.
    locks: u32,
    /// Last try: what is evicted first when the table is full.
    seen: i64,
}

struct Table<K> {
    rule: Rule,
    cap: usize,
    entries: HashMap<K, Strikes>,
}

impl<K: Hash + Eq + Clone> Table<K> {
    fn new(rule: Rule, cap: usize) -> Table<K> {
        Table { rule, cap, entries: HashMap::new() }
    }

    /// Err(seconds) while `key` may not try.
    fn gate(&mut self, key: &K, now: i64) -> Result<(), u64> {
        let Some(strikes) = self.entries.get_mut(key) else { return Ok(()) };
        refresh(strikes, &self.rule, now);
        if strikes.locked_until > now {
            return Err((strikes.locked_until - now) as u64);
        }
        if strikes.failures + strikes.pending >= self.rule.max_failures {
            // Tries in flight would use up what is left: wait for them.
            return Err(1);
        }
        Ok(())
    }

    /// Counts a try in flight (after `gate` let it through).
    fn reserve(&mut self, key: K, now: i64) {
        if !self.entries.contains_key(&key) && self.entries.len() >= self.cap {
            self.make_room(now);
        }
        let strikes = self.entries.entry(key).or_insert(Strikes { since: now, ..Strikes::default() });
        strikes.pending += 1;
        strikes.seen = now;
    }

    /// Settles a try; Some(lock seconds) when this wrong try locked `key`.
    fn settle(&mut self, key: K, now: i64, wrong: bool) -> Option<i64> {
        if !self.entries.contains_key(&key) && !wrong {
            return None;
        }
        if !self.entries.contains_key(&key) && self.entries.len() >= self.cap {
            self.make_room(now);
        }
        let rule = self.rule;
        let strikes = self.entries.entry(key).or_insert(Strikes { since: now, ..Strikes::default() });
        strikes.pending = strikes.pending.saturating_sub(1);
        strikes.seen = now;
        if !wrong || strikes.locked_until > now {
            return None;
        }
        refresh(strikes, &rule, now);
        strikes.failures += 1;
        if strikes.failures < rule.max_failures {
            return None;
        }
        let secs = rule.lock_secs(strikes.locks);
        strikes.locked_until = now + secs;
        strikes.locks += 1;
        Some(secs)
    }

    fn forget(&mut self, key: &K) {
        self.entries.remove(key);
    }

    /// Drops what no longer matters; when a flood of new keys leaves the
    /// table full anyway, an eighth of it goes: plain tries idle longest
    /// first, locks last.
    fn make_room(&mut self, now: i64) {
        let rule = self.rule;
        self.entries.retain(|_, s| !stale(s, &rule, now));
        // Room for an eighth at once, or a full table would be swept at every new key.
        let keep = self.cap * 7 / 8;
        if self.entries.len() <= keep {
            return;
        }
        let mut order: Vec<(Worth, i64, K)> = self
            .entries
            .iter()
            .map(|(k, s)| match worth(s, now) {
                Worth::LockedNow => (Worth::LockedNow, s.locked_until, k.clone()),
                other => (other, s.seen, k.clone()),
            })
            .collect();
        order.sort_unstable_by_key(|(worth, at, _)| (*worth, *at));
        let drop = self.entries.len() - keep;
        let locks_dropped = order.iter().take(drop).filter(|(w, ..)| *w == Worth::LockedNow).count();
        for (_, _, key) in order.into_iter().take(drop) {
            self.entries.remove(&key);
        }
        tracing::warn!(dropped = drop, locks_dropped, "proof guard full: forgot the oldest tries");
    }
}

/// What forgetting an entry would give away, least first: a few wrong
/// tries; the length of a booking's next lock; a lock in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Worth {
    Tries,
    LockedBefore,
    LockedNow,
}

fn worth(strikes: &Strikes, now: i64) -> Worth {
    if strikes.locked_until > now {
        Worth::LockedNow
    } else if strikes.locks > 0 {
        Worth::LockedBefore
    } else {
        Worth::Tries
    }
}

/// A window that has passed, or a lock that has ended, starts counting anew
/// (earlier locks still lengthen the next one).
fn refresh(strikes: &mut Strikes, rule: &Rule, now: i64) {
    let lock_over = strikes.locked_until != 0 && strikes.locked_until <= now;
    let window_over = strikes.locked_until == 0 && now - strikes.since >= rule.window_secs;
    if lock_over || window_over {
        *strikes = Strikes { since: now, locks: strikes.locks, seen: strikes.seen, ..Strikes::default() };
    }
}

/// Nothing left to remember: not locked and idle for a window (a try still
/// "in flight" after that was never settled). A booking locked before is
/// remembered for a longest lock after its last lock ended, for the next
/// lock's length.
fn stale(strikes: &Strikes, rule: &Rule, now: i64) -> bool {
    let memory = if strikes.locks > 0 { rule.max_lock_secs } else { rule.window_secs };
    strikes.locked_until <= now && now - strikes.seen.max(strikes.locked_until) >= memory
}

#[cfg(test)]
mod tests;
