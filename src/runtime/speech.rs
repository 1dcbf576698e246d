//! The kiosk's voice: one `Speaker` (espeak-ng into the hall's audio
//! player), started the first time speech is wanted, and the `Follower`
//! that turns each frame's notes into what is news to say. The speaker
//! runs on its own thread: nothing here waits for it.

use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use tokio::sync::mpsc;

use crate::kiosk::{Msg, State, speech::SpeechOrder};
use crate::speech::{Follower, Settings, Speaker, SpeechEvent, Utterance};
use crate::ui::spoken::Spoken;

pub struct Voice {
    settings: Settings,
    speaker: OnceLock<Speaker>,
    follower: Mutex<Follower>,
    /// Everything handed to the speaker, when asked for (tests record a
    /// whole booking with it).
    transcript: Option<Mutex<Vec<Utterance>>>,
}

impl Voice {
    pub fn new(settings: Settings) -> Voice {
        Voice { settings, speaker: OnceLock::new(), follower: Mutex::default(), transcript: None }
    }

    /// A voice that also keeps everything it hands to the speaker.
    pub fn recording(settings: Settings) -> Voice {
        Voice { transcript: Some(Mutex::default()), ..Voice::new(settings) }
    }

    /// What was handed to the speaker so far (empty unless `recording`).
    pub fn transcript(&self) -> Vec<Utterance> {
        self.transcript.as_ref().map_or_else(Vec::new, |t| lock(t).clone())
    }

    fn say(&self, speaker: &Speaker, utterances: Vec<Utterance>) {
        if let Some(t) = &self.transcript {
            lock(t).extend(utterances.iter().cloned());
        }
        speaker.say(utterances);
    }

    /// The speaker, started the first time; what it finds comes back as
    /// `Msg::SpeechHeard`, once.
    fn speaker(&self, tx: &mpsc::UnboundedSender<Msg>) -> &Speaker {
        self.speaker.get_or_init(|| {
            let tx = tx.clone();
            Speaker::start(self.settings.clone(), move |event| {
                let _ = tx.send(Msg::SpeechHeard(match event {
                    SpeechEvent::Ready(voices) => Ok(voices),
                    SpeechEvent::Failed(e) => Err(e),
                }));
            })
        })
    }

    /// Carries out what the core asked.
    pub fn order(&self, order: SpeechOrder, tx: &mpsc::UnboundedSender<Msg>) {
        let speaker = self.speaker(tx);
        match order {
            SpeechOrder::Start => {}
            SpeechOrder::Say(utterances) => self.say(speaker, utterances),
            SpeechOrder::Repeat => {
                let last = self.follower().repeat();
                self.say(speaker, last);
            }
            SpeechOrder::Stop => speaker.stop(),
            SpeechOrder::Settings { volume, rate } => {
                speaker.set_volume(volume);
                speaker.set_rate(rate);
            }
        }
    }

    /// A frame was drawn: its news is said (a new focus interrupts what
    /// is being said). With speech off nothing is noted, and the next
    /// frame after it comes on is said whole.
    pub fn frame(&self, state: &State, spoken: Spoken) {
        let mut follower = self.follower();
        if !state.speech.on {
            follower.forget();
            return;
        }
        let said = follower.follow(state.lang, state.speech.voices, spoken);
        drop(follower);
        if let (false, Some(speaker)) = (said.is_empty(), self.speaker.get()) {
            self.say(speaker, said);
        }
    }

    fn follower(&self) -> MutexGuard<'_, Follower> {
        lock(&self.follower)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
