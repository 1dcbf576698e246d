//! The console's connection to the hall's event stream: listening, or
//! lost and trying again after a back-off that doubles up to half a
//! minute, so a server that comes back is found within seconds and one
//! that stays away is not hammered.

/// Where the event stream stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Opening the stream; `attempt` counts the tries since it was last live.
    Connecting { attempt: u32 },
    /// Listening: every event reads the queues again.
    Live,
    /// Gone; the next try at `retry_ms` (the console's clock).
    Lost { attempt: u32, retry_ms: u64 },
}

/// The wait before try `attempt` (1, 2, …): 1 s, 2 s, 4 s … at most 30 s.
pub fn backoff_ms(attempt: u32) -> u64 {
    let doubled = 1_000u64.saturating_mul(1 << attempt.saturating_sub(1).min(5));
    doubled.min(30_000)
}

/// What the stream said, as a core hears it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum News {
    /// It opened (its `ready` event).
    Opened,
    /// Something happened at the hall.
    Event,
    /// It ended, or fell silent.
    Closed,
}

/// What a core does on the stream's news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heard {
    /// Read the queues again: something changed, or may have while away.
    pub read: bool,
    /// The link's state on screen changed.
    pub redraw: bool,
}

impl Link {
    /// The stream's `news` at `now_ms`: the link's new state, and what to do.
    pub fn hear(&mut self, news: News, now_ms: u64) -> Heard {
        let was_live = *self == Link::Live;
        *self = match news {
            News::Opened | News::Event => Link::Live,
            News::Closed => self.lost(now_ms),
        };
        match news {
            News::Opened => Heard { read: true, redraw: true },
            News::Event => Heard { read: true, redraw: !was_live },
            News::Closed => Heard { read: false, redraw: true },
        }
    }

    /// The stream ended at `now_ms`: wait, then try again.
    pub fn lost(self, now_ms: u64) -> Link {
        let attempt = match self {
            Link::Connecting { attempt } | Link::Lost { attempt, .. } => attempt + 1,
            Link::Live => 1,
        };
        Link::Lost { attempt, retry_ms: now_ms + backoff_ms(attempt) }
    }

    /// Whether it is time to try again.
    pub fn due(self, now_ms: u64) -> bool {
        matches!(self, Link::Lost { retry_ms, .. } if now_ms >= retry_ms)
    }

    pub fn retrying(self) -> Link {
        match self {
            Link::Lost { attempt, .. } => Link::Connecting { attempt },
            other => other,
        }
    }
}
