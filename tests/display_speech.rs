//! A call as the calling screen says it, through the real espeak-ng: each
//! segment (Mandarin as pinyin for `cmn-latn-pinyin`, then English) made
//! into a WAV file that holds speech. espeak-ng must be installed
//! (`apt-get install espeak-ng`); this test never skips.

use std::path::Path;

use onestop::display::{Call, utterances};
use onestop::speech::{self, Settings, Voice};

/// Samples of a WAV espeak-ng wrote (reading stops at a streamed end).
fn samples(path: &Path) -> (hound::WavSpec, Vec<i16>) {
    let reader = hound::WavReader::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let spec = reader.spec();
    (spec, reader.into_samples::<i16>().map_while(Result::ok).collect())
}

/// Long enough, loud enough, and sound in a good part of its 20 ms frames.
fn assert_speech(path: &Path, at_least_secs: f64) {
    let (spec, s) = samples(path);
    let secs = s.len() as f64 / f64::from(spec.sample_rate);
    assert!(secs >= at_least_secs, "{}: only {secs:.2} s", path.display());
    let rms =
        |s: &[i16]| (s.iter().map(|&x| f64::from(x).powi(2)).sum::<f64>() / s.len().max(1) as f64).sqrt();
    assert!(rms(&s) > 500.0, "{}: silence", path.display());
    let frames: Vec<f64> = s.chunks(441).map(rms).collect();
    let voiced = frames.iter().filter(|&&r| r > 300.0).count() as f64 / frames.len() as f64;
    assert!(voiced > 0.3, "{}: only {:.0}% of frames have sound", path.display(), voiced * 100.0);
}

#[test]
fn a_call_is_spoken_in_mandarin_then_english_into_real_speech() {
    let espeak = speech::find_on_path("espeak-ng").expect("espeak-ng is missing: apt-get install espeak-ng");
    let settings = Settings { espeak: espeak.display().to_string(), ..Settings::default() };
    let said = utterances(&Call { number: "A023".into(), window: 3, calls: 1 });
    let segments: Vec<_> = said.iter().flat_map(|u| u.segments.clone()).collect();
    let voices: Vec<Voice> = segments.iter().map(|s| s.voice).collect();
    assert_eq!(voices, [Voice::Mandarin, Voice::Mandarin, Voice::English, Voice::English]);
    assert_eq!(segments[1].text, "hao4 dao4 san1 hao4 chuang1 kou3,");
    assert_eq!(segments[3].text, "please go to window 3,");
    let dir = tempfile::tempdir().unwrap();
    for (i, segment) in segments.iter().enumerate() {
        let path = dir.path().join(format!("{i}.wav"));
        speech::write_wav(segment, &settings, &path).expect("espeak-ng writes the WAV");
        assert_speech(&path, 0.5);
    }
}
