//! The speaker's thread: find the programs once, then speak each call.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering::SeqCst;
use std::sync::mpsc;
use std::time::Duration;

use super::{
    Job, Output, Settings, Shared, SpeechError, SpeechEvent, Status, Voices, copy, espeak_args, failed,
    find_program, said, start_error, tail,
};

/// How often the thread looks whether the player has finished: the only
/// wait that is not on a pipe (see the module's comment in speaker.rs).
const POLL: Duration = Duration::from_millis(10);

/// Players tried in turn when `speech.command` is unset. aplay first: a
/// hall terminal often runs no sound server, and ALSA reaches one if it does.
const PLAYERS: [(&str, &[&str]); 2] = [("aplay", &["-q"]), ("paplay", &[])];

struct Programs {
    espeak: PathBuf,
    player: PathBuf,
    player_args: Vec<String>,
    voices: Voices,
}

pub(super) fn worker(
    shared: &Shared,
    settings: &Settings,
    queue: &mpsc::Receiver<Job>,
    on_event: &dyn Fn(SpeechEvent),
) {
    let programs = match probe(settings) {
        Ok(p) => p,
        Err(e) => return disable(shared, e, on_event),
    };
    *shared.status() = Status::Ready(programs.voices);
    on_event(SpeechEvent::Ready(programs.voices));
    while let Ok(job) = queue.recv() {
        if job.generation != shared.generation.load(SeqCst) {
            continue; // Superseded before it began.
        }
        let result = play(shared, &programs, &job);
        reap(shared);
        if let Err(e) = result {
            return disable(shared, e, on_event);
        }
    }
}

fn disable(shared: &Shared, e: SpeechError, on_event: &dyn Fn(SpeechEvent)) {
    tracing::warn!(error = %e, "speech disabled");
    *shared.status() = Status::Disabled(e.clone());
    on_event(SpeechEvent::Failed(e));
}

fn probe(settings: &Settings) -> Result<Programs, SpeechError> {
    let espeak = find_program(&settings.espeak, "apt-get install espeak-ng")?;
    let out = Command::new(&espeak)
        .arg("--voices")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| start_error(&espeak, e))?;
    if !out.status.success() {
        return Err(failed(&espeak, out.status, String::from_utf8_lossy(&out.stderr).trim().to_owned()));
    }
    let list = String::from_utf8_lossy(&out.stdout);
    // Lines: priority, language, age/gender, name, file, other languages.
    let has = |voice: &str| list.lines().any(|l| l.split_whitespace().nth(1) == Some(voice));
    for voice in ["cmn-latn-pinyin", "en-us"] {
        if !has(voice) {
            return Err(SpeechError::NoVoice { voice });
        }
    }
    let voices = Voices { cantonese: has("yue") };
    let (player, player_args) = match &settings.command {
        Some(command) if !command.is_empty() => {
            (find_program(&command[0], "check speech.command")?, command[1..].to_vec())
        }
        _ => PLAYERS
            .iter()
            .find_map(|(name, args)| {
                Some((super::find_on_path(name)?, args.iter().map(|a| a.to_string()).collect()))
            })
            .ok_or(SpeechError::NoPlayer)?,
    };
    Ok(Programs { espeak, player, player_args, voices })
}

/// Speaks one call's utterances into one player process. Returns early,
/// without error, once a newer call has begun.
fn play(shared: &Shared, programs: &Programs, job: &Job) -> Result<(), SpeechError> {
    let current = || shared.generation.load(SeqCst) == job.generation;
    let segments: Vec<_> = job.utterances.iter().flat_map(|u| &u.segments).collect();
    if segments.is_empty() {
        return Ok(());
    }
    let mut player = Command::new(&programs.player)
        .args(&programs.player_args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| start_error(&programs.player, e))?;
    let mut sink = player.stdin.take().expect("stdin is piped");
    let player_said = tail(player.stderr.take());
    if !keep(shared, job.generation, player, |s| &mut s.player) {
        return Ok(());
    }
    for (i, segment) in segments.iter().enumerate() {
        if !current() {
            return Ok(());
        }
        let (volume, rate) = (shared.volume.load(SeqCst), shared.rate.load(SeqCst));
        let mut espeak = Command::new(&programs.espeak)
            .args(espeak_args(segment, volume, rate, &Output::Stdout))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| start_error(&programs.espeak, e))?;
        let mut audio = espeak.stdout.take().expect("stdout is piped");
        let espeak_said = tail(espeak.stderr.take());
        if !keep(shared, job.generation, espeak, |s| &mut s.espeak) {
            return Ok(());
        }
        let player_reads = copy(&mut audio, &mut sink, i > 0);
        // Closing our end ends an espeak-ng whose player has gone.
        drop(audio);
        let Some(mut espeak) = shared.slot().espeak.take() else { return Ok(()) };
        let status = espeak.wait().map_err(|e| start_error(&programs.espeak, e))?;
        if !current() {
            return Ok(());
        }
        if !status.success() && player_reads {
            return Err(failed(&programs.espeak, status, said(&espeak_said)));
        }
        if !player_reads {
            break; // The player's own status says why.
        }
    }
    drop(sink);
    let status = loop {
        if !current() {
            return Ok(());
        }
        let mut slot = shared.slot();
        let Some(player) = slot.player.as_mut() else { return Ok(()) };
        if let Some(status) = player.try_wait().map_err(|e| start_error(&programs.player, e))? {
            slot.player = None;
            break status;
        }
        drop(slot);
        std::thread::sleep(POLL);
    };
    if !status.success() && current() {
        return Err(failed(&programs.player, status, said(&player_said)));
    }
    Ok(())
}

/// Puts `child` in the slot where a new call can kill it; if a new call
/// has already begun, kills it instead and says so.
fn keep(
    shared: &Shared,
    generation: u64,
    mut child: Child,
    place: fn(&mut super::Slot) -> &mut Option<Child>,
) -> bool {
    let mut slot = shared.slot();
    if shared.generation.load(SeqCst) == generation {
        *place(&mut slot) = Some(child);
        return true;
    }
    drop(slot);
    let _ = child.kill();
    let _ = child.wait();
    false
}

/// Kills and reaps whatever a call left in the slot.
fn reap(shared: &Shared) {
    let children = {
        let mut slot = shared.slot();
        [slot.espeak.take(), slot.player.take()]
    };
    for mut child in children.into_iter().flatten() {
        let _ = child.kill();
        let _ = child.wait();
    }
}
