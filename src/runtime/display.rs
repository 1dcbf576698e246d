//! The calling screen on the one runtime loop: its `Session` (core, view,
//! keys) and the executor of its effects — the queues read, the hall's
//! event stream followed, calls spoken. Nothing here waits on the loop:
//! speech runs on the speaker's own thread, fed call by call by a task.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crossterm::event::Event;
use ratatui::{Frame, layout::Size};
use tokio::{sync::mpsc, task::AbortHandle};

use super::{FrameChange, Session, hall_stream};
use crate::client::ApiClient;
use crate::display::{self, DisplayConfig, Effect, Msg, State};
use crate::speech::{Settings, Speaker, SpeechEvent, Utterance};
use crate::ui::Theme;

/// How this core hears of the hall's event stream.
const STREAM: hall_stream::Messages<Msg> = hall_stream::Messages {
    opened: || Msg::StreamOpened,
    event: Msg::StreamEvent,
    closed: || Msg::StreamClosed,
};

/// Everything a calling screen is started with.
#[derive(Clone)]
pub struct DisplaySetup {
    pub config: DisplayConfig,
    pub theme: Theme,
    pub client: ApiClient,
    pub speech: Settings,
    /// The event stream's reader, ended when another is opened.
    stream: Arc<Mutex<Option<AbortHandle>>>,
    /// Calls waiting to be said, in order; set once speech starts.
    say: Arc<Mutex<Option<mpsc::UnboundedSender<Vec<Utterance>>>>>,
}

impl DisplaySetup {
    pub fn new(config: DisplayConfig, theme: Theme, client: ApiClient) -> DisplaySetup {
        DisplaySetup {
            config,
            theme,
            client,
            speech: Settings::default(),
            stream: Arc::default(),
            say: Arc::default(),
        }
    }

    fn spawn<Fut>(&self, tx: &mpsc::UnboundedSender<Msg>, fut: Fut)
    where
        Fut: Future<Output = Msg> + Send + 'static,
    {
        let tx = tx.clone();
        tokio::spawn(async move {
            // The session may have ended meanwhile; nobody to tell then.
            let _ = tx.send(fut.await);
        });
    }

    fn start_effect(&self, effect: Effect, tx: &mpsc::UnboundedSender<Msg>) -> bool {
        let (client, hall) = (self.client.clone(), self.config.hall.clone());
        match effect {
            Effect::End => return true,
            Effect::Redraw => {}
            Effect::LoadHalls => self.spawn(tx, async move { Msg::HallsLoaded(client.halls().await) }),
            Effect::LoadQueues => {
                self.spawn(tx, async move { Msg::QueuesLoaded(client.hall_queues(&hall).await) })
            }
            Effect::Subscribe => {
                let tx = tx.clone();
                let task = tokio::spawn(async move { hall_stream::follow(client, hall, tx, STREAM).await });
                let old =
                    self.stream.lock().unwrap_or_else(PoisonError::into_inner).replace(task.abort_handle());
                if let Some(old) = old {
                    old.abort();
                }
            }
            Effect::StartSpeech => {
                self.speaking(tx);
            }
            Effect::Speak(utterances) => {
                let _ = self.speaking(tx).send(utterances);
            }
        }
        false
    }

    /// The queue of calls to say, starting the speaker the first time.
    fn speaking(&self, tx: &mpsc::UnboundedSender<Msg>) -> mpsc::UnboundedSender<Vec<Utterance>> {
        let mut slot = self.say.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(queue) = slot.as_ref() {
            return queue.clone();
        }
        let told = tx.clone();
        let speaker = Speaker::start(self.speech.clone(), move |event| {
            if let SpeechEvent::Failed(e) = event {
                let _ = told.send(Msg::SpeechOff(e));
            }
        });
        let (queue, calls) = mpsc::unbounded_channel();
        tokio::spawn(say_in_turn(speaker, calls));
        *slot = Some(queue.clone());
        queue
    }
}

/// Says each call after the one before has been said: the speaker itself
/// interrupts, which suits a kiosk's screen but would cut a call short.
async fn say_in_turn(speaker: Speaker, mut calls: mpsc::UnboundedReceiver<Vec<Utterance>>) {
    while let Some(utterances) = calls.recv().await {
        speaker.say(utterances);
        // The speaker's thread starts its processes a moment after `say`.
        tokio::time::sleep(Duration::from_millis(500)).await;
        while speaker.playing().is_some() {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Session for DisplaySetup {
    type State = State;
    type Msg = Msg;
    type Effect = Effect;

    fn start(&self, size: Size) -> (State, Vec<Effect>) {
        State::new(self.config.clone(), size)
    }

    fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
        display::update(state, msg)
    }

    fn view(&self, state: &State, frame: &mut Frame) {
        crate::ui::display::view(state, &self.theme, frame);
    }

    fn screen_reader(state: &State) -> bool {
        state.screen_reader
    }

    fn tick(elapsed_ms: u64) -> Msg {
        Msg::Tick(elapsed_ms)
    }

    /// Ticks and the stream's news redraw only when the core says the
    /// screen changed.
    fn quiet(msg: &Msg) -> bool {
        matches!(msg, Msg::Tick(_) | Msg::StreamEvent(_))
    }

    fn asks_redraw(effect: &Effect) -> bool {
        *effect == Effect::Redraw
    }

    fn frame_change(msg: &Msg) -> Option<FrameChange> {
        match msg {
            Msg::Resize(size) => Some(FrameChange::Resize(*size)),
            Msg::Repaint => Some(FrameChange::Repaint),
            _ => None,
        }
    }

    fn from_event(event: Event) -> Option<Msg> {
        match event {
            Event::Key(key) => Some(Msg::Key(key)),
            Event::Resize(width, height) => Some(Msg::Resize(Size { width, height })),
            Event::Mouse(_) | Event::Paste(_) | Event::FocusGained | Event::FocusLost => None,
        }
    }

    fn run(&self, effects: Vec<Effect>, tx: &mpsc::UnboundedSender<Msg>) -> bool {
        effects.into_iter().any(|e| self.start_effect(e, tx))
    }

    const FIRST_SCREEN: &'static str = "the calling screen";
}
