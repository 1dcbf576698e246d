//! Speech through the real espeak-ng (issue 19): the pinyin it is handed,
//! the WAV it makes, the speaker's stream into a player, interruption, and
//! what happens when a program is missing. espeak-ng must be installed
//! (`apt-get install espeak-ng`, as CI does); these tests never skip.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use onestop::domain::Lang;
use onestop::speech::{
    self, FieldKind, Output, Say, Segment, Settings, Speaker, SpeechError, SpeechEvent, Status, Utterance,
    Voice, Voices,
};

#[path = "speech/texts.rs"]
mod texts;

/// The installed espeak-ng, or a loud failure saying how to get it.
fn espeak() -> PathBuf {
    speech::find_on_path("espeak-ng").expect("espeak-ng is missing: apt-get install espeak-ng")
}

const YUE: Voices = Voices { cantonese: true };

fn one(lang: Lang, part: Say<'_>) -> Utterance {
    let mut all = speech::utterances(lang, YUE, &[part]);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

/// Samples of a WAV espeak-ng wrote. A streamed WAV's header claims more
/// data than there is, so reading stops at the first error (its end).
fn samples(path: &Path) -> (hound::WavSpec, Vec<i16>) {
    let reader = hound::WavReader::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let spec = reader.spec();
    (spec, reader.into_samples::<i16>().map_while(Result::ok).collect())
}

/// Asserts the WAV holds speech: long enough, loud enough, and mostly not
/// silence. Returns its length in seconds and its RMS.
fn assert_speech(path: &Path, at_least_secs: f64) -> (f64, f64) {
    let (spec, s) = samples(path);
    assert_eq!((spec.channels, spec.sample_rate, spec.bits_per_sample), (1, 22050, 16));
    let secs = s.len() as f64 / f64::from(spec.sample_rate);
    assert!(secs >= at_least_secs, "{}: only {secs:.2} s", path.display());
    let rms =
        |s: &[i16]| (s.iter().map(|&x| f64::from(x).powi(2)).sum::<f64>() / s.len().max(1) as f64).sqrt();
    let all = rms(&s);
    assert!(all > 500.0, "{}: RMS {all:.0}, silence", path.display());
    // 20 ms frames: speech has sound in most of them, pauses in some.
    let frames: Vec<f64> = s.chunks(441).map(rms).collect();
    let voiced = frames.iter().filter(|&&r| r > 300.0).count() as f64 / frames.len() as f64;
    assert!(voiced > 0.4, "{}: only {:.0}% of frames have sound", path.display(), voiced * 100.0);
    (secs, all)
}

/// What espeak-ng makes of a segment, in its phoneme notation (`-x`).
fn phonemes(segment: &Segment) -> String {
    let mut args = speech::espeak_args(segment, 50, 150, &Output::Stdout);
    args.retain(|a| a != "--stdout");
    let out = Command::new(espeak()).arg("-q").arg("-x").args(&args).output().expect("espeak-ng runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Without stress marks, which espeak-ng places as it likes.
    String::from_utf8(out.stdout).expect("phonemes are UTF-8").replace(['\'', ','], "")
}

fn wav(dir: &Path, name: &str, segment: &Segment, settings: &Settings) -> PathBuf {
    let path = dir.join(name);
    speech::write_wav(
        segment,
        &Settings { espeak: espeak().display().to_string(), ..settings.clone() },
        &path,
    )
    .expect("espeak-ng writes the WAV");
    path
}

#[test]
fn mandarin_with_polyphones_is_pinyin_and_makes_speech() {
    let dir = tempfile::tempdir().unwrap();
    let u = one(Lang::ZhCn, Say::Error("请重新选择银行网点，或向工作人员求助。"));
    assert_eq!(u.segments.len(), 1);
    let segment = &u.segments[0];
    assert_eq!(segment.voice, Voice::Mandarin);
    assert_eq!(
        segment.text,
        "qing3 chong2 xin1 xuan3 ze2 yin2 hang2 wang3 dian3, huo4 xiang4 gong1 zuo4 ren2 yuan2 qiu2 zhu4."
    );
    // The voice reads it as pinyin: ch of chong2, h…ng of hang2, and no
    // word taken for English (the plain cmn voice would switch to it).
    let p = phonemes(segment);
    assert!(p.contains("ts.hong35"), "chong2 not read: {p}");
    assert!(p.contains("Xa35N"), "hang2 not read: {p}");
    assert!(!p.contains("(en)"), "read as English: {p}");
    assert_speech(&wav(dir.path(), "zh.wav", segment, &Settings::default()), 2.0);
}

#[test]
fn english_and_hong_kong_make_speech() {
    let dir = tempfile::tempdir().unwrap();
    let en = one(Lang::EnUs, Say::Title("Choose a time slot. Your confirmation code follows."));
    assert_eq!(en.segments[0].voice, Voice::English);
    assert!(!phonemes(&en.segments[0]).contains("(cmn)"));
    assert_speech(&wav(dir.path(), "en.wav", &en.segments[0], &Settings::default()), 2.0);

    let hk = one(Lang::ZhHk, Say::Title("請重新選擇銀行網點"));
    assert_eq!(hk.to_string(), "[yue] 請重新選擇銀行網點,");
    // Cantonese: 重新 cung4 san1, 銀行 ngan4 hong4, from yue's own dictionary.
    let p = phonemes(&hk.segments[0]);
    assert!(p.contains("cung4"), "重 not cung4: {p}");
    assert!(p.contains("hong4"), "行 not hong4: {p}");
    assert_speech(&wav(dir.path(), "hk.wav", &hk.segments[0], &Settings::default()), 1.0);
}

#[test]
fn volume_and_rate_change_the_sound() {
    let dir = tempfile::tempdir().unwrap();
    let u = one(Lang::ZhCn, Say::Text("请重新选择银行"));
    let s = &u.segments[0];
    let quiet =
        assert_speech(&wav(dir.path(), "q.wav", s, &Settings { volume: 25, ..Settings::default() }), 0.5);
    let loud =
        assert_speech(&wav(dir.path(), "l.wav", s, &Settings { volume: 75, ..Settings::default() }), 0.5);
    assert!(loud.1 > quiet.1 * 2.0, "louder is not louder: {loud:?} {quiet:?}");
    let slow =
        assert_speech(&wav(dir.path(), "s.wav", s, &Settings { rate: 100, ..Settings::default() }), 0.5);
    let fast =
        assert_speech(&wav(dir.path(), "f.wav", s, &Settings { rate: 300, ..Settings::default() }), 0.5);
    assert!(slow.0 > fast.0 * 1.5, "slower is not slower: {slow:?} {fast:?}");
}

/// A speaker with this player, and its events.
fn speaker(command: &[&str]) -> (Speaker, mpsc::Receiver<SpeechEvent>) {
    let (tx, rx) = mpsc::channel();
    let settings = Settings {
        espeak: espeak().display().to_string(),
        command: Some(command.iter().map(|s| s.to_string()).collect()),
        ..Settings::default()
    };
    let speaker = Speaker::start(settings, move |e| {
        let _ = tx.send(e);
    });
    (speaker, rx)
}

fn event(rx: &mpsc::Receiver<SpeechEvent>) -> SpeechEvent {
    rx.recv_timeout(Duration::from_secs(20)).expect("the speaker says whether it is ready")
}

/// Waits for `done`, failing with `what` if it never comes: a deadline
/// against hanging, not a measure of speed.
fn wait_for<T>(what: &str, mut done: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(t) = done() {
            return t;
        }
        assert!(Instant::now() < deadline, "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_speaker_streams_every_segment_into_one_player() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("played.wav");
    let (speaker, rx) = speaker(&["tee", out.to_str().unwrap()]);
    assert_eq!(event(&rx), SpeechEvent::Ready(YUE), "this espeak-ng has yue (Debian's does)");
    let parts =
        [Say::Text("请按 Enter 确认"), Say::Field { label: "姓名", value: "王秀英", kind: FieldKind::Name }];
    let said = speech::utterances(Lang::ZhCn, YUE, &parts);
    let text: Vec<String> = said.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "[cmn-latn-pinyin] qing3 an4 [en-us] Enter [cmn-latn-pinyin] que4 ren4,",
            "[cmn-latn-pinyin] xing4 ming2, wang2 xiu4 ying1,"
        ]
    );
    // One WAV: each segment's samples, back to back, under one header.
    let mut expected = vec![];
    for (i, segment) in said.iter().flat_map(|u| &u.segments).enumerate() {
        expected.extend(samples(&wav(dir.path(), &format!("{i}.wav"), segment, &Settings::default())).1);
    }
    speaker.say(said.clone());
    // Done: the player has all of it and has exited.
    wait_for("the player has played it all", || {
        let bytes = std::fs::metadata(&out).map_or(0, |m| m.len() as usize);
        (bytes >= 44 + 2 * expected.len() && speaker.playing().is_none()).then_some(())
    });
    assert_eq!(speaker.status(), Status::Ready(YUE));
    assert_eq!(samples(&out).1, expected);
    assert_speech(&out, 2.0);
    // English in the middle really is English.
    assert!(phonemes(&said[0].segments[1]).contains("Ent3"));
}

fn alive(pid: u32) -> bool {
    // A killed child not yet reaped is a zombie: not speaking any more.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| s.rsplit(')').next().and_then(|r| r.split_whitespace().next()) != Some("Z"))
}

fn cmdline(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/cmdline")).unwrap_or_default().replace('\0', " ")
}

#[test]
fn a_new_utterance_kills_the_one_being_spoken() {
    // A player that never reads: espeak-ng fills the pipes and waits, as it
    // would behind a slow sound card, so both stay alive until killed.
    let (speaker, rx) = speaker(&["sleep", "600"]);
    assert!(matches!(event(&rx), SpeechEvent::Ready(_)));
    let long = "请携带居民身份证原件和复印件，到二楼 C 区 13–20 号窗口办理。".repeat(8);
    speaker.say(speech::utterances(Lang::ZhCn, YUE, &[Say::Text(&long)]));
    let first = wait_for("the first is spoken", || speaker.playing().filter(|p| p.espeak.is_some()));
    let (espeak1, player1) = (first.espeak.unwrap(), first.player.unwrap());
    assert!(cmdline(espeak1).contains("xie2 dai4"), "{}", cmdline(espeak1));

    // Long too, so that its espeak-ng is still there to be seen.
    speaker.say(speech::utterances(Lang::ZhCn, YUE, &[Say::Text(&"请选择日期。".repeat(40))]));
    let second = wait_for("the second is spoken", || {
        speaker
            .playing()
            .and_then(|p| p.espeak)
            .filter(|&pid| pid != espeak1 && cmdline(pid).contains("xuan3 ze2"))
    });
    wait_for("the first espeak-ng is gone", || (!alive(espeak1)).then_some(()));
    wait_for("the first player is gone", || (!alive(player1)).then_some(()));
    assert!(alive(second));
    assert!(matches!(speaker.status(), Status::Ready(_)), "an interruption is not an error");
    assert!(rx.try_recv().is_err(), "nothing more reported");
    drop(speaker);
    wait_for("dropping the speaker stops it", || (!alive(second)).then_some(()));
}

/// The error reported once, then nothing: the speaker's thread has ended
/// and dropped the callback, so the channel is closed.
fn failed_once(speaker: &Speaker, rx: &mpsc::Receiver<SpeechEvent>) -> SpeechError {
    let SpeechEvent::Failed(e) = event(rx) else { panic!("not a failure") };
    assert_eq!(speaker.status(), Status::Disabled(e.clone()));
    speaker.say(speech::utterances(Lang::ZhCn, YUE, &[Say::Title("欢迎")]));
    assert_eq!(rx.recv_timeout(Duration::from_secs(20)), Err(mpsc::RecvTimeoutError::Disconnected));
    assert_eq!(speaker.playing(), None);
    e
}

#[test]
fn a_missing_espeak_or_player_is_an_error_value_once() {
    let (tx, rx) = mpsc::channel();
    let settings = Settings { espeak: "/nonexistent/espeak-ng".into(), ..Settings::default() };
    let no_espeak = Speaker::start(settings, move |e| {
        let _ = tx.send(e);
    });
    let e = failed_once(&no_espeak, &rx);
    assert!(matches!(&e, SpeechError::Missing { program, .. } if program == "/nonexistent/espeak-ng"));
    assert!(e.to_string().contains("apt-get install espeak-ng"), "{e}");

    let (speaker, rx) = speaker(&["no-such-player-onestop"]);
    let e = failed_once(&speaker, &rx);
    assert!(e.to_string().contains("no-such-player-onestop was not found"), "{e}");
}

#[test]
fn a_failing_player_is_reported_when_it_fails() {
    let (speaker, rx) = speaker(&["false"]);
    assert!(matches!(event(&rx), SpeechEvent::Ready(_)));
    speaker.say(speech::utterances(Lang::EnUs, YUE, &[Say::Title("Welcome")]));
    let e = failed_once(&speaker, &rx);
    assert!(matches!(&e, SpeechError::Failed { program, .. } if program.ends_with("false")), "{e}");
}
