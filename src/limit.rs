//! Requests per key per minute, in this process: the phone pages' lookups
//! and new SSH connections, per client address. (Holds are counted in the
//! database, across servers: `server::store::hold_counts`.)

use std::{collections::HashMap, hash::Hash, net::IpAddr, sync::Mutex};

pub struct PerMinute<K = IpAddr> {
    per_minute: u32,
    seen: Mutex<HashMap<K, (i64, u32)>>,
}

impl<K: Hash + Eq> PerMinute<K> {
    pub fn new(per_minute: u32) -> PerMinute<K> {
        PerMinute { per_minute, seen: Mutex::new(HashMap::new()) }
    }

    /// Counts one from `key` at `now` (seconds); false when over the limit.
    pub fn allow(&self, key: K, now: i64) -> bool {
        let minute = now.div_euclid(60);
        let mut seen = self.seen.lock().expect("never poisoned: no panics inside");
        // Old minutes are forgotten once the table grows.
        if seen.len() > 10_000 {
            seen.retain(|_, (m, _)| *m == minute);
        }
        let entry = seen.entry(key).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        entry.1 += 1;
        entry.1 <= self.per_minute
    }
}

#[cfg(test)]
mod tests {
    use super::PerMinute;

    #[test]
    fn counts_per_address_per_minute() {
        let limit: PerMinute = PerMinute::new(2);
        let (a, b) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        assert!(limit.allow(a, 0) && limit.allow(a, 59) && !limit.allow(a, 59));
        assert!(limit.allow(b, 59), "another address has its own count");
        assert!(limit.allow(a, 60), "a new minute, a new allowance");
    }
}
