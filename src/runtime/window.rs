//! The window console on the one runtime loop: its `Session` (core, view,
//! keys) and the executor of its effects — the queues read, an action
//! sent, the hall's event stream followed. Nothing here waits on the loop.

use std::sync::{Arc, Mutex, PoisonError};

use crossterm::event::Event;
use ratatui::{Frame, layout::Size};
use tokio::{sync::mpsc, task::AbortHandle};

use super::{FrameChange, Session, hall_stream};
use crate::client::ApiClient;
use crate::domain::queue::wire::WindowActionRequest;
use crate::ui::Theme;
use crate::window::{self, Effect, Msg, State, WindowConfig};

/// How this core hears of the hall's event stream.
const STREAM: hall_stream::Messages<Msg> = hall_stream::Messages {
    opened: || Msg::StreamOpened,
    event: Msg::StreamEvent,
    closed: || Msg::StreamClosed,
};

/// Everything a console is started with.
#[derive(Clone)]
pub struct WindowSetup {
    pub config: WindowConfig,
    pub theme: Theme,
    pub client: ApiClient,
    /// The event stream's reader, ended when another is opened.
    stream: Arc<Mutex<Option<AbortHandle>>>,
}

impl WindowSetup {
    pub fn new(config: WindowConfig, theme: Theme, client: ApiClient) -> WindowSetup {
        WindowSetup { config, theme, client, stream: Arc::default() }
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
        let (client, hall, window) = (self.client.clone(), self.config.hall.clone(), self.config.window);
        match effect {
            Effect::End => return true,
            Effect::Redraw => {}
            Effect::CheckToken => self
                .spawn(tx, async move { Msg::TokenChecked(client.check_window_token(&hall, window).await) }),
            Effect::LoadHalls => self.spawn(tx, async move { Msg::HallsLoaded(client.halls().await) }),
            Effect::LoadQueues => {
                self.spawn(tx, async move { Msg::QueuesLoaded(client.hall_queues(&hall).await) })
            }
            Effect::Act { action, number, to } => self.spawn(tx, async move {
                let req = WindowActionRequest { action, number, to };
                Msg::Acted(client.window_action(&hall, window, &req).await)
            }),
            Effect::Subscribe => {
                let tx = tx.clone();
                let task = tokio::spawn(async move { hall_stream::follow(client, hall, tx, STREAM).await });
                let old =
                    self.stream.lock().unwrap_or_else(PoisonError::into_inner).replace(task.abort_handle());
                if let Some(old) = old {
                    old.abort();
                }
            }
        }
        false
    }
}

impl Session for WindowSetup {
    type State = State;
    type Msg = Msg;
    type Effect = Effect;

    fn start(&self, size: Size) -> (State, Vec<Effect>) {
        State::new(self.config.clone(), size)
    }

    fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
        window::update(state, msg)
    }

    fn view(&self, state: &State, frame: &mut Frame) {
        crate::ui::window::view(state, &self.theme, frame);
    }

    fn screen_reader(state: &State) -> bool {
        state.screen_reader
    }

    fn tick(elapsed_ms: u64) -> Msg {
        Msg::Tick(elapsed_ms)
    }

    /// Ticks, reads and the stream's news redraw only when the core says
    /// the screen changed.
    fn quiet(msg: &Msg) -> bool {
        matches!(msg, Msg::Tick(_) | Msg::StreamEvent(_) | Msg::TokenChecked(Ok(())))
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
            Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
            Event::Resize(width, height) => Some(Msg::Resize(Size { width, height })),
            Event::Paste(_) | Event::FocusGained | Event::FocusLost => None,
        }
    }

    fn run(&self, effects: Vec<Effect>, tx: &mpsc::UnboundedSender<Msg>) -> bool {
        effects.into_iter().any(|e| self.start_effect(e, tx))
    }

    const FIRST_SCREEN: &'static str = "the window's desk";
}
