//! The runtime's side of speech: espeak-ng run as a subprocess per segment,
//! its WAV stream copied into one audio player process per call, on a
//! thread of its own so that no caller ever waits. A new call interrupts
//! (kills) whatever is being spoken. A missing program or a failing player
//! is reported once, through the event callback and [`Speaker::status`],
//! and speech is then off.
//!
//! std::process on a plain thread, not tokio: the crate's tokio lacks the
//! `process` feature, and nothing here needs the event loop. Killing needs
//! the `Child` while the thread waits on it, so the children live in a
//! shared slot: the thread blocks only in reads and writes on their pipes
//! (a kill ends those) and polls `try_wait` while the player drains.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU8, AtomicU16, AtomicU64, Ordering::SeqCst};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use super::{Segment, SpeechError, Utterance, Voices};

mod run;

/// How speech is produced: the `speech.*` configuration keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The espeak-ng program: a name looked up on PATH, or a path.
    pub espeak: String,
    /// `speech.command`: the player and its arguments, reading a WAV stream
    /// on standard input; `None` picks aplay, else paplay, from PATH.
    pub command: Option<Vec<String>>,
    /// `speech.volume`, 0–100; 50 is espeak-ng's own loudness.
    pub volume: u8,
    /// `speech.rate`, words per minute, 80–450 (espeak-ng's range).
    pub rate: u16,
}

impl Default for Settings {
    fn default() -> Settings {
        // A little slower than espeak-ng's 175: many who need speech are old.
        Settings { espeak: "espeak-ng".into(), command: None, volume: 50, rate: 150 }
    }
}

pub const RATES: std::ops::RangeInclusive<u16> = 80..=450;

/// Where espeak-ng's audio goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// A WAV stream on standard output (`--stdout`).
    Stdout,
    /// A WAV file (`-w`).
    File(PathBuf),
}

/// espeak-ng's arguments for one segment. The text comes last, after `--`,
/// so nothing in it can pass for an option; `-b 1` says it is UTF-8
/// whatever the locale of the kiosk's unit.
pub fn espeak_args(segment: &Segment, volume: u8, rate: u16, output: &Output) -> Vec<String> {
    let amplitude = u16::from(volume.min(100)) * 2;
    let rate = rate.clamp(*RATES.start(), *RATES.end());
    let mut args: Vec<String> = ["-b", "1", "-v", segment.voice.espeak_name()].map(String::from).into();
    args.extend(["-a".into(), amplitude.to_string(), "-s".into(), rate.to_string()]);
    match output {
        Output::Stdout => args.push("--stdout".into()),
        Output::File(path) => args.extend(["-w".into(), path.to_string_lossy().into_owned()]),
    }
    args.extend(["--".into(), segment.text.clone()]);
    args
}

/// Writes one segment to a WAV file with espeak-ng (blocking): for the
/// staff screen's test and for the tests.
pub fn write_wav(segment: &Segment, settings: &Settings, path: &Path) -> Result<(), SpeechError> {
    let espeak = find_program(&settings.espeak, "apt-get install espeak-ng")?;
    let output = Output::File(path.to_owned());
    let out = Command::new(&espeak)
        .args(espeak_args(segment, settings.volume, settings.rate, &output))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| start_error(&espeak, e))?;
    if !out.status.success() {
        return Err(failed(&espeak, out.status, String::from_utf8_lossy(&out.stderr).trim().to_owned()));
    }
    Ok(())
}

/// A program by name on PATH, or by path; `None` when there is none.
pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let executable = |p: &Path| {
        use std::os::unix::fs::PermissionsExt;
        p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if program.contains('/') {
        let p = PathBuf::from(program);
        return executable(&p).then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| executable(p))
}

fn find_program(program: &str, hint: &'static str) -> Result<PathBuf, SpeechError> {
    find_on_path(program).ok_or_else(|| SpeechError::Missing { program: program.to_owned(), hint })
}

fn start_error(program: &Path, e: io::Error) -> SpeechError {
    SpeechError::Start { program: program.display().to_string(), reason: e.to_string() }
}

fn failed(program: &Path, status: ExitStatus, stderr: String) -> SpeechError {
    SpeechError::Failed { program: program.display().to_string(), status: status.to_string(), stderr }
}

/// What the speaker tells the runtime, once each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeechEvent {
    /// espeak-ng and the player were found; these voices are there.
    Ready(Voices),
    /// Speech is off for good, and why.
    Failed(SpeechError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Still looking for espeak-ng, the player and the voices.
    Starting,
    Ready(Voices),
    Disabled(SpeechError),
}

/// The processes speaking now, by id (for the staff screen and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Playing {
    pub espeak: Option<u32>,
    pub player: Option<u32>,
}

/// The children of the call being spoken, where a new call can kill them.
#[derive(Default)]
struct Slot {
    espeak: Option<Child>,
    player: Option<Child>,
}

impl Slot {
    fn kill(&mut self) {
        // The player first: the sound stops at once.
        for child in [&mut self.player, &mut self.espeak].into_iter().flatten() {
            let _ = child.kill();
        }
    }
}

struct Shared {
    /// Bumped by every call; a job whose number is not current is over.
    generation: AtomicU64,
    volume: AtomicU8,
    rate: AtomicU16,
    slot: Mutex<Slot>,
    status: Mutex<Status>,
}

impl Shared {
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        // A panic elsewhere cannot leave a Slot half-changed.
        self.slot.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn status(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }
}

struct Job {
    generation: u64,
    utterances: Vec<Utterance>,
}

/// Speaks utterances through espeak-ng and the audio player; see the
/// module's comment. Cheap to share behind an `Arc`; dropping it stops
/// whatever is being said.
pub struct Speaker {
    shared: Arc<Shared>,
    jobs: mpsc::Sender<Job>,
}

impl Speaker {
    /// Starts the speaker's thread, which first finds espeak-ng, its voices
    /// and the player, then tells `on_event` (`Ready` or `Failed`).
    pub fn start(settings: Settings, on_event: impl Fn(SpeechEvent) + Send + 'static) -> Speaker {
        let shared = Arc::new(Shared {
            generation: AtomicU64::new(0),
            volume: AtomicU8::new(settings.volume.min(100)),
            rate: AtomicU16::new(settings.rate.clamp(*RATES.start(), *RATES.end())),
            slot: Mutex::default(),
            status: Mutex::new(Status::Starting),
        });
        let (jobs, queue) = mpsc::channel();
        let worker = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("speech".into())
            .spawn(move || run::worker(&worker, &settings, &queue, &on_event));
        if let Err(e) = spawned {
            *shared.status() = Status::Disabled(SpeechError::Start {
                program: "speech thread".into(),
                reason: e.to_string(),
            });
        }
        Speaker { shared, jobs }
    }

    /// Says `utterances` in order, first stopping whatever is being said.
    /// Returns at once; does nothing once speech is disabled.
    pub fn say(&self, utterances: Vec<Utterance>) {
        if matches!(*self.shared.status(), Status::Disabled(_)) {
            return;
        }
        let generation = self.interrupt();
        let _ = self.jobs.send(Job { generation, utterances });
    }

    /// Stops whatever is being said (the citizen left speech mode).
    pub fn stop(&self) {
        self.interrupt();
    }

    /// Ends the current call (its number is no longer current) and kills
    /// its processes; returns the new call's number.
    fn interrupt(&self) -> u64 {
        let generation = self.shared.generation.fetch_add(1, SeqCst) + 1;
        self.shared.slot().kill();
        generation
    }

    /// From the next utterance on: 0–100.
    pub fn set_volume(&self, volume: u8) {
        self.shared.volume.store(volume.min(100), SeqCst);
    }

    /// From the next utterance on: words per minute, clamped to 80–450.
    pub fn set_rate(&self, rate: u16) {
        self.shared.rate.store(rate.clamp(*RATES.start(), *RATES.end()), SeqCst);
    }

    pub fn status(&self) -> Status {
        self.shared.status().clone()
    }

    /// The processes speaking now, if any.
    pub fn playing(&self) -> Option<Playing> {
        let slot = self.shared.slot();
        let playing = Playing {
            espeak: slot.espeak.as_ref().map(Child::id),
            player: slot.player.as_ref().map(Child::id),
        };
        (playing.espeak.is_some() || playing.player.is_some()).then_some(playing)
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        // The thread ends when its queue closes, after reaping the killed.
        self.interrupt();
    }
}

/// The last part of what a child writes on stderr, read on a thread of its
/// own so that a chatty child never blocks on a full pipe.
fn tail(stderr: Option<ChildStderr>) -> mpsc::Receiver<String> {
    const KEEP: usize = 1024;
    let (tx, rx) = mpsc::channel();
    if let Some(mut stderr) = stderr {
        std::thread::spawn(move || {
            let (mut kept, mut buf) = (Vec::new(), [0u8; 4096]);
            while let Ok(n @ 1..) = stderr.read(&mut buf) {
                kept.extend_from_slice(&buf[..n]);
                let over = kept.len().saturating_sub(KEEP);
                kept.drain(..over);
            }
            let _ = tx.send(String::from_utf8_lossy(&kept).trim().to_owned());
        });
    }
    rx
}

/// What a failed child said, waiting a little for its stderr to close (a
/// grandchild may hold it open).
fn said(rx: &mpsc::Receiver<String>) -> String {
    rx.recv_timeout(Duration::from_millis(500)).unwrap_or_default()
}

/// Copies espeak-ng's WAV stream into the player; every stream after the
/// first loses its 44-byte header, so the player hears one WAV (all voices
/// write 22050 Hz mono 16-bit). Returns whether the player still reads.
fn copy(from: &mut impl Read, to: &mut impl Write, skip_header: bool) -> bool {
    const HEADER: usize = 44;
    let mut skip = if skip_header { HEADER } else { 0 };
    let mut buf = [0u8; 8192];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => return true,
            Ok(n) => n,
        };
        let dropped = skip.min(n);
        skip -= dropped;
        if to.write_all(&buf[dropped..n]).and_then(|()| to.flush()).is_err() {
            return false;
        }
    }
}
