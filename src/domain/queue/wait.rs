//! The estimated wait (预计等候), as a range, or honestly not known.
//!
//! The rule: with `m` the mean of the queue's last [`RECENT`] service times
//! today and `w` the windows open for the queue, a citizen with `n` ahead
//! waits about `(n + ½) × m ÷ w` — the `n` ahead, and half of whoever each
//! window is serving now. The range shown runs from 0.8 to 1.5 times that
//! (waits run over more often than under), in whole minutes, the bottom
//! rounded down and the top up. With no window open nobody can say; with no
//! service finished today, only a configured typical time stands in for `m`,
//! and without one the wait is unknown — never a number made up.

use jiff::SignedDuration;

use super::board::Board;
use super::hall::{HallLayout, QueuePrefix};
use super::number::TicketNumber;
use super::order;
use super::ticket::TicketState;

/// How many of the latest service times the mean is taken over: enough to
/// smooth one long case, few enough to follow the day as it changes.
pub const RECENT: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimate {
    /// Between `low` and `high` minutes.
    Minutes { low: u32, high: u32 },
    /// No window serving the queue is open: "cannot say".
    NoWindowOpen,
    /// No service finished today and no typical time configured.
    Unknown,
}

/// The estimate for a ticket with `ahead` waiting before it, `open_windows`
/// open for its queue, the queue's `recent` service times today (oldest
/// first; only the last [`RECENT`] count), and the hall's configured
/// `typical` service time for a day's start, if any.
pub fn estimate(
    ahead: usize,
    open_windows: usize,
    recent: &[SignedDuration],
    typical: Option<SignedDuration>,
) -> Estimate {
    if open_windows == 0 {
        return Estimate::NoWindowOpen;
    }
    let last = &recent[recent.len().saturating_sub(RECENT)..];
    let mean_secs = if last.is_empty() {
        match typical {
            Some(t) => t.as_secs().max(0),
            None => return Estimate::Unknown,
        }
    } else {
        last.iter().map(|d| d.as_secs().max(0)).sum::<i64>() / last.len() as i64
    };
    let ahead = i64::try_from(ahead).unwrap_or(i64::MAX / 4);
    let windows = i64::try_from(open_windows).unwrap_or(i64::MAX);
    // (n + ½) × m ÷ w, in seconds, kept in integers: doubled, then halved.
    let central = (2 * ahead + 1).saturating_mul(mean_secs) / (2 * windows);
    let low = central.saturating_mul(4) / 5 / 60;
    // Rounded up: every input is a count or a non-negative time.
    let high = (central.saturating_mul(3) / 2).saturating_add(59) / 60;
    let clamp = |m: i64| u32::try_from(m).unwrap_or(u32::MAX);
    Estimate::Minutes { low: clamp(low), high: clamp(high.max(low + 1)) }
}

impl Board {
    /// Service times of `queue`'s finished tickets today, oldest first
    /// (by when they finished).
    pub fn service_times(&self, queue: QueuePrefix) -> Vec<SignedDuration> {
        let mut done: Vec<_> = self
            .tickets()
            .filter(|t| t.queue == queue)
            .filter_map(|t| match t.state {
                TicketState::Done { started, at, .. } => Some((at, at.duration_since(started))),
                _ => None,
            })
            .collect();
        done.sort_by_key(|&(at, _)| at);
        done.into_iter().map(|(_, took)| took).collect()
    }

    /// Open windows that call `queue`.
    pub fn open_windows_for(&self, hall: &HallLayout, queue: QueuePrefix) -> usize {
        hall.windows_serving(queue).filter(|w| self.desk(w.number).open).count()
    }

    /// How many wait ahead of ticket `number` in its queue (none once it
    /// is no longer waiting).
    pub fn ahead_of(&self, number: TicketNumber) -> Option<usize> {
        let ticket = self.ticket(number).filter(|t| t.is_waiting())?;
        Some(order::ahead_of(ticket, self.tickets()))
    }

    /// The estimate for waiting ticket `number`, `None` if it is not waiting.
    pub fn estimate_for(
        &self,
        hall: &HallLayout,
        number: TicketNumber,
        typical: Option<SignedDuration>,
    ) -> Option<Estimate> {
        let ahead = self.ahead_of(number)?;
        let queue = self.ticket(number)?.queue;
        Some(estimate(ahead, self.open_windows_for(hall, queue), &self.service_times(queue), typical))
    }

    /// Tickets `window` finished today and their mean service time (for
    /// the console's "today" line); the mean is `None` before the first.
    pub fn served_at(&self, window: u16) -> (usize, Option<SignedDuration>) {
        let times: Vec<i64> = self
            .tickets()
            .filter_map(|t| match t.state {
                TicketState::Done { window: w, .. } if w == window => t.service_time(),
                _ => None,
            })
            .map(|d| d.as_secs())
            .collect();
        let mean = (!times.is_empty())
            .then(|| SignedDuration::from_secs(times.iter().sum::<i64>() / times.len() as i64));
        (times.len(), mean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mins(m: i64) -> SignedDuration {
        SignedDuration::from_mins(m)
    }

    #[test]
    fn the_range_comes_from_those_ahead_the_mean_and_the_windows() {
        // 4 ahead, 10 minutes each, 2 windows: (4.5 × 10) ÷ 2 = 22.5 min.
        let recent = [mins(8), mins(12), mins(10)];
        assert_eq!(estimate(4, 2, &recent, None), Estimate::Minutes { low: 18, high: 34 });
        // Twice the windows, about half the wait.
        assert_eq!(estimate(4, 4, &recent, None), Estimate::Minutes { low: 9, high: 17 });
    }

    #[test]
    fn the_top_is_at_most_twice_the_bottom_for_waits_of_half_an_hour_or_more() {
        // Below that, rounding to whole minutes outweighs the factors.
        for ahead in 13..200 {
            let Estimate::Minutes { low, high } = estimate(ahead, 3, &[mins(7)], None) else { panic!() };
            assert!(low > 0 && high <= 2 * low, "{ahead} ahead: {low}–{high}");
        }
    }

    #[test]
    fn first_in_line_waits_at_most_about_one_service() {
        assert_eq!(estimate(0, 1, &[mins(10)], None), Estimate::Minutes { low: 4, high: 8 });
        // A range is never empty, even when the service is quick.
        assert_eq!(
            estimate(0, 5, &[SignedDuration::from_secs(30)], None),
            Estimate::Minutes { low: 0, high: 1 }
        );
    }

    #[test]
    fn only_the_latest_services_count() {
        let mut recent = vec![mins(60); 5];
        recent.extend([mins(5); RECENT]);
        assert_eq!(estimate(1, 1, &recent, None), estimate(1, 1, &[mins(5)], None));
    }

    #[test]
    fn without_history_or_open_windows_it_says_so() {
        assert_eq!(estimate(3, 2, &[], None), Estimate::Unknown);
        assert_eq!(estimate(3, 0, &[mins(5)], None), Estimate::NoWindowOpen);
        assert_eq!(estimate(3, 0, &[], Some(mins(5))), Estimate::NoWindowOpen);
        // A configured typical time stands in until the first service ends.
        assert_eq!(estimate(3, 1, &[], Some(mins(6))), estimate(3, 1, &[mins(6)], None));
    }
}
