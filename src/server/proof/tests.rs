use std::{
    net::{IpAddr, Ipv4Addr, Ipv6Addr},
    sync::Arc,
};

use jiff::SignedDuration;

use super::{ProofGuard, ProofLimits};
use crate::server::clock::ManualClock;

fn guard(limits: ProofLimits) -> (ProofGuard, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new("2026-11-30T00:00:00Z".parse().unwrap()));
    (ProofGuard::new(limits, clock.clone()), clock)
}

fn ip(n: u32) -> IpAddr {
    IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + n))
}

/// A wrong try, as a route makes it: asked first, then counted.
fn wrong(g: &ProofGuard, code: &str, addr: IpAddr) -> Result<(), u64> {
    g.check(code, addr)?;
    g.record(code, addr, false);
    Ok(())
}

#[test]
fn five_wrong_lock_the_booking_for_fifteen_minutes() {
    let (g, clock) = guard(ProofLimits::default());
    for _ in 0..5 {
        assert_eq!(wrong(&g, "ABCD1234", ip(1)), Ok(()));
    }
    assert_eq!(g.check("ABCD1234", ip(1)), Err(900), "even before the right digits are looked at");
    assert_eq!(g.check("abcd-1234", ip(2)), Err(900), "one count per booking, however it is written");
    assert_eq!(g.check("ABCD1235", ip(3)), Ok(()), "another booking is not locked");
    clock.advance(SignedDuration::from_mins(15));
    assert_eq!(g.check("ABCD1234", ip(1)), Ok(()));
}

#[test]
fn the_right_digits_clear_the_bookings_count_but_not_the_addresses() {
    let limits = ProofLimits { per_address: 6, ..ProofLimits::default() };
    let (g, _) = guard(limits);
    for _ in 0..4 {
        wrong(&g, "ABCD1234", ip(1)).unwrap();
    }
    g.check("ABCD1234", ip(1)).unwrap();
    g.record("ABCD1234", ip(1), true);
    for _ in 0..2 {
        wrong(&g, "ABCD1234", ip(2)).unwrap();
    }
    assert_eq!(g.check("ABCD1234", ip(2)), Ok(()), "counted from zero again after the right digits");
    g.record("ABCD1234", ip(2), true);
    // An attacker cannot wash its address clean with a booking of its own.
    wrong(&g, "ZZZZ0000", ip(1)).unwrap();
    wrong(&g, "ZZZZ0001", ip(1)).unwrap();
    assert_eq!(g.check("ZZZZ0002", ip(1)), Err(900), "4 + 2 wrong from one address");
}

#[test]
fn tries_in_flight_cannot_slip_past_the_limit() {
    let (g, _) = guard(ProofLimits::default());
    // Five requests checked at once, none answered yet: a sixth waits.
    for _ in 0..5 {
        g.check("ABCD1234", ip(1)).unwrap();
    }
    assert_eq!(g.check("ABCD1234", ip(1)), Err(1));
    for _ in 0..5 {
        g.record("ABCD1234", ip(1), false);
    }
    assert_eq!(g.check("ABCD1234", ip(1)), Err(900));
}

#[test]
fn a_try_that_could_not_be_checked_counts_for_nothing() {
    let (g, _) = guard(ProofLimits::default());
    for _ in 0..10 {
        g.check("ABCD1234", ip(1)).unwrap();
        g.abandon("ABCD1234", ip(1));
    }
    assert_eq!(g.check("ABCD1234", ip(1)), Ok(()));
}

#[test]
fn each_further_lock_of_a_booking_lasts_twice_as_long_up_to_a_day() {
    let (g, clock) = guard(ProofLimits::default());
    let mut expected = 900;
    for _ in 0..10 {
        for _ in 0..5 {
            wrong(&g, "ABCD1234", ip(1)).unwrap();
        }
        let wait = g.check("ABCD1234", ip(1)).unwrap_err();
        assert_eq!(wait, expected);
        clock.advance(SignedDuration::from_secs(wait as i64));
        expected = (expected * 2).min(86_400);
    }
    // The right digits forget the booking's history too.
    g.check("ABCD1234", ip(1)).unwrap();
    g.record("ABCD1234", ip(1), true);
    for _ in 0..5 {
        wrong(&g, "ABCD1234", ip(1)).unwrap();
    }
    assert_eq!(g.check("ABCD1234", ip(1)), Err(900));
}

#[test]
fn wrong_tries_spread_over_time_are_forgotten() {
    let (g, clock) = guard(ProofLimits::default());
    for _ in 0..20 {
        wrong(&g, "ABCD1234", ip(1)).unwrap();
        // Four wrong in every 15 minutes: never five in one window.
        clock.advance(SignedDuration::from_mins(4));
    }
}

#[test]
fn one_ipv6_subscriber_is_one_address() {
    let limits = ProofLimits { per_address: 3, ..ProofLimits::default() };
    let (g, _) = guard(limits);
    let v6 = |last: u16| IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 2, 0, 0, 0, last));
    for n in 0..3 {
        wrong(&g, &format!("CODE000{n}"), v6(n as u16)).unwrap();
    }
    assert!(g.check("CODE0009", v6(99)).is_err(), "the same /64");
    let other = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 3, 0, 0, 0, 1));
    assert_eq!(g.check("CODE0009", other), Ok(()), "another /64");
    let mapped = IpAddr::V6(Ipv4Addr::new(10, 0, 0, 1).to_ipv6_mapped());
    wrong(&g, "CODE1000", mapped).unwrap();
    wrong(&g, "CODE1001", ip(1)).unwrap();
    wrong(&g, "CODE1002", ip(1)).unwrap();
    assert!(g.check("CODE1003", ip(1)).is_err(), "IPv4 written as IPv6 is the same address");
}

#[test]
fn a_flood_of_random_codes_and_addresses_stays_within_the_cap() {
    let limits = ProofLimits { max_entries: 1_000, ..ProofLimits::default() };
    let (g, clock) = guard(limits);
    // A booking locked before the flood.
    for _ in 0..5 {
        wrong(&g, "LOCKED00", ip(0)).unwrap();
    }
    for n in 1..200_000u32 {
        let code = format!("{n:08X}");
        let _ = wrong(&g, &code, ip(n));
        if n % 1000 == 0 {
            clock.advance(SignedDuration::from_secs(1));
        }
        let (bookings, addresses) = g.sizes();
        assert!(bookings <= 1_000 && addresses <= 1_000, "{bookings} bookings, {addresses} addresses");
    }
    assert!(g.check("LOCKED00", ip(1)).is_err(), "a lock outlives a flood of idle entries");
    // An overlong code is kept by its first 16 characters: it costs no
    // more than a real one, and is still counted.
    let long = "X".repeat(100_000);
    for n in 0..5 {
        wrong(&g, &long, ip(300_000 + n)).unwrap();
    }
    assert!(g.check(&long[..16], ip(400_000)).is_err());
}

#[test]
fn stale_entries_are_dropped_once_the_table_fills() {
    let limits = ProofLimits { max_entries: 100, ..ProofLimits::default() };
    let (g, clock) = guard(limits);
    for n in 0..100 {
        wrong(&g, &format!("OLD{n:05}"), ip(n)).unwrap();
    }
    clock.advance(SignedDuration::from_mins(16));
    wrong(&g, "NEW00000", ip(500)).unwrap();
    assert_eq!(g.sizes(), (1, 1), "everything older than a window is gone");
}

#[test]
fn a_purge_keeps_what_the_next_locks_length_needs() {
    let limits = ProofLimits { max_entries: 100, ..ProofLimits::default() };
    let (g, clock) = guard(limits);
    for _ in 0..5 {
        wrong(&g, "LOCKED00", ip(1)).unwrap();
    }
    // The lock ends; a flood of new codes fills the table and purges it.
    clock.advance(SignedDuration::from_mins(16));
    for n in 0..200 {
        wrong(&g, &format!("NEW{n:05}"), ip(100 + n)).unwrap();
    }
    clock.advance(SignedDuration::from_mins(16));
    for n in 0..100 {
        wrong(&g, &format!("NEWER{n:03}"), ip(300 + n)).unwrap();
    }
    for _ in 0..5 {
        wrong(&g, "LOCKED00", ip(2)).unwrap();
    }
    assert_eq!(g.check("LOCKED00", ip(3)), Err(1800), "the second lock is still the longer one");
}

/// What `tracing` wrote while a closure ran, on this thread only.
fn logged(run: impl FnOnce()) -> String {
    use std::sync::Mutex;
    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt().with_writer(move || writer.clone()).with_ansi(false).finish();
    tracing::subscriber::with_default(subscriber, run);
    String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap()
}

#[test]
fn a_lock_is_logged_with_the_codes_first_characters_only() {
    let (g, _) = guard(ProofLimits::default());
    let log = logged(|| {
        for _ in 0..5 {
            wrong(&g, "ABCD1234", ip(1)).unwrap();
        }
    });
    assert!(log.contains("locked") && log.contains("ABC…"), "{log}");
    assert!(!log.contains("ABCD"), "never the whole code: {log}");
}
