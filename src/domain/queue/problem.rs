//! What can be wrong with `queues.toml`, each kind its own variant so that
//! tests and tools can tell them apart, and its own sentence for the operator.

use super::hall::{ClockTime, QueuePrefix};
use crate::domain::{Lang, escape_unsafe};

/// One thing wrong in the file: where (file, entry, field) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueProblem {
    pub file: String,
    /// The hall's id, or the entry inside it: `binjiang.queue[2]`,
    /// `binjiang.window[0]`, `binjiang.priority[1]` (counted from 0).
    pub entry: String,
    /// The field inside the entry, e.g. `daily_cap` or `name.en-US`; empty
    /// when the whole entry is at fault.
    pub field: String,
    pub kind: ProblemKind,
}

impl std::fmt::Display for QueueProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The kind may quote the file's own text: never pass its control
        // characters on to the operator's terminal.
        let what = self.kind.to_string();
        write!(f, "{}: {}", self.file, self.entry)?;
        if !self.field.is_empty() {
            write!(f, ": field `{}`", self.field)?;
        }
        write!(f, ": {}", escape_unsafe(&what))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("no hall `{0}` in halls.toml: each table of queues.toml is named by a hall's id")]
    UnknownHall(String),
    #[error("the hall's time zone `{0}` is not in the time zone database")]
    UnknownZone(String),
    #[error("no service `{0}` in the catalogue (data/services)")]
    UnknownService(String),
    #[error("service `{0}` is not handled at this hall: its `halls` in data/services does not list it")]
    ServiceNotAtHall(String),
    #[error(
        "service `{service}` is already taken by queue[{first}]: a service belongs to one queue, \
         so the kiosk knows which number to give"
    )]
    ServiceInTwoQueues { service: String, first: usize },
    #[error(
        "the hall handles service `{0}` but no queue takes it: a hall with queues gives a number \
         for every service it handles"
    )]
    ServiceInNoQueue(String),
    #[error("lists no services: a citizen could never take its number")]
    NoServices,
    #[error("prefix `{0}` must be one capital letter, A to Z")]
    BadPrefix(String),
    #[error("prefix {prefix} is also queue[{first}]'s: numbers must say which queue they are in")]
    DuplicatePrefix { prefix: QueuePrefix, first: usize },
    #[error("must be 1 to 999: a number has three digits")]
    BadCap(u32),
    #[error("must be 1 to 240 minutes (a typical service), not {0}")]
    BadTypical(u32),
    #[error("`{0}` is not a time of day written HH:MM, e.g. 08:30")]
    BadTime(String),
    #[error("numbers would be given from {from} until {until}: the start must come before the end")]
    EmptyHours { from: ClockTime, until: ClockTime },
    #[error("numbers must be given within the hall's opening hours, {opens} to {closes} (halls.toml)")]
    HoursOutsideOpening { opens: ClockTime, closes: ClockTime },
    #[error("queue {0} is called at no window: list it in some window's `queues`")]
    QueueServedByNoWindow(QueuePrefix),
    #[error("window number {0} must be 1 to 999")]
    BadWindowNumber(u32),
    #[error("window {number} is also window[{first}]")]
    DuplicateWindow { number: u16, first: usize },
    #[error("serves no queue: list the prefixes of the queues it calls")]
    WindowServesNoQueue,
    #[error("no queue `{0}` at this hall")]
    UnknownQueue(String),
    #[error("queue {0} is listed twice")]
    QueueListedTwice(QueuePrefix),
    #[error("`{0}` must be 1 to 64 lowercase letters, digits and '-'")]
    BadGroupId(String),
    #[error("priority group `{id}` is also priority[{first}]")]
    DuplicateGroup { id: String, first: usize },
    #[error("no text in {0}")]
    MissingText(Lang),
    #[error(
        "holds U+{:04X}, a control, bidi or zero-width character; text is one line of visible characters",
        u32::from(*.0)
    )]
    UnsafeText(char),
}

/// Why `queues.toml` could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    /// Every problem found, in file order, hall by hall.
    #[error("{}", problems_text(.0))]
    Invalid(Vec<QueueProblem>),
}

fn problems_text(problems: &[QueueProblem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_file_entry_and_field() {
        let problem = QueueProblem {
            file: "data/queues.toml".into(),
            entry: "binjiang.queue[2]".into(),
            field: "daily_cap".into(),
            kind: ProblemKind::BadCap(0),
        };
        assert_eq!(
            problem.to_string(),
            "data/queues.toml: binjiang.queue[2]: field `daily_cap`: must be 1 to 999: a number has three digits"
        );
    }

    #[test]
    fn quoted_text_never_reaches_the_terminal_as_control_characters() {
        let problem = QueueProblem {
            file: "q.toml".into(),
            entry: "h.window[0]".into(),
            field: "queues".into(),
            kind: ProblemKind::UnknownQueue("\u{1b}[2J".into()),
        };
        let shown = problem.to_string();
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        assert!(shown.contains("\\u{1b}[2J"), "{shown}");
    }
}
