//! `onestop ssh`: one independent kiosk session per connection, on the same
//! `run_session` loop as the local kiosk. The pty request gives the size,
//! window changes resize, `LANG`/`LC_ALL` choose the language and `NO_COLOR`
//! the monochrome theme. Exec, subsystems (sftp) and forwarding are refused.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use crossterm::{
    cursor::Show,
    event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture},
    execute,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen},
};
use futures_util::{FutureExt, StreamExt};
use ratatui::{Terminal, TerminalOptions, Viewport, backend::CrosstermBackend, layout::Rect};
use russh::{
    Channel, ChannelId, Pty,
    keys::{HashAlg, PrivateKey, PublicKey, ssh_key::LineEnding},
    server::{
        Auth, ChannelOpenHandle, Handler, Msg as SshMsg, PublicKeyOffer, Server, Session, VerifiedPublicKey,
    },
};
use tokio::sync::{broadcast, mpsc};

use super::{input::InputParser, output::ChannelWriter};
use crate::domain::Lang;
use crate::kiosk::Msg;
use crate::limit::PerMinute;
use crate::runtime::{SessionSetup, run_session};
use crate::ui::Theme;

/// Who may connect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SshAuth {
    /// Any user name, no password: public test servers.
    Open,
    /// Keys listed in this authorized_keys file.
    Keys(PathBuf),
}

#[derive(Debug, Clone)]
pub struct SshOptions {
    pub listen: String,
    pub host_key: PathBuf,
    pub auth: SshAuth,
    pub max_sessions: usize,
    pub connections_per_minute: u32,
    pub idle_timeout: Duration,
    pub max_session: Duration,
}

struct Shared {
    template: SessionSetup,
    opts: SshOptions,
    authorized: Vec<PublicKey>,
    sessions: AtomicUsize,
    /// New connections per client address.
    connections: PerMinute,
    shutdown: broadcast::Sender<()>,
}

/// The server's host key: read from `path`, or made (ed25519) and kept there.
pub fn host_key(path: &Path) -> anyhow::Result<PrivateKey> {
    if path.exists() {
        return Ok(PrivateKey::read_openssh_file(path)?);
    }
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let pair = russh::keys::ssh_key::private::Ed25519Keypair::from_seed(&seed);
    let key = PrivateKey::from(pair);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    key.write_openssh_file(path, LineEnding::LF)?;
    Ok(key)
}

fn authorized_keys(path: &Path) -> anyhow::Result<Vec<PublicKey>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| PublicKey::from_openssh(l).ok())
        .collect())
}

/// A running SSH kiosk server.
pub struct Running {
    pub addr: SocketAddr,
    pub fingerprint: String,
    shared: Arc<Shared>,
}

impl Running {
    /// Ends every session (each gets a goodbye line and its terminal back).
    pub async fn shutdown(&self) {
        let _ = self.shared.shutdown.send(());
        for _ in 0..100 {
            if self.shared.sessions.load(Ordering::Acquire) == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub fn sessions(&self) -> usize {
        self.shared.sessions.load(Ordering::Acquire)
    }
}

/// Starts serving in the background.
pub async fn start(opts: SshOptions, template: SessionSetup) -> anyhow::Result<Running> {
    let key = host_key(&opts.host_key)?;
    let fingerprint = key.public_key().fingerprint(HashAlg::Sha256).to_string();
    let authorized = match &opts.auth {
        SshAuth::Open => vec![],
        SshAuth::Keys(path) => authorized_keys(path)
            .map_err(|e| anyhow::anyhow!("cannot read authorized keys {}: {e}", path.display()))?,
    };
    let config = Arc::new(russh::server::Config {
        inactivity_timeout: Some(opts.idle_timeout),
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![key],
        nodelay: true,
        ..Default::default()
    });
    let listener = tokio::net::TcpListener::bind(&opts.listen).await?;
    let addr = listener.local_addr()?;
    let (shutdown, _) = broadcast::channel(1);
    let connections_per_minute = opts.connections_per_minute;
    let shared = Arc::new(Shared {
        template,
        opts,
        authorized,
        sessions: AtomicUsize::new(0),
        connections: PerMinute::new(connections_per_minute),
        shutdown,
    });
    let mut server = KioskServer { shared: shared.clone() };
    tokio::spawn(async move {
        if let Err(e) = server.run_on_socket(config, &listener).await {
            tracing::error!("ssh server stopped: {e}");
        }
    });
    Ok(Running { addr, fingerprint, shared })
}

struct KioskServer {
    shared: Arc<Shared>,
}

impl Server for KioskServer {
    type Handler = Connection;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> Connection {
        let now = jiff::Timestamp::now().as_second();
        let allowed = peer.is_none_or(|p| self.shared.connections.allow(p.ip(), now));
        Connection {
            shared: self.shared.clone(),
            allowed,
            channel: None,
            size: None,
            lang: None,
            no_color: false,
            screen_reader: false,
            input: None,
            parser: Arc::new(Mutex::new(InputParser::default())),
        }
    }
}

/// One client connection: at most one kiosk session.
pub struct Connection {
    shared: Arc<Shared>,
    /// False when the client's address opened too many connections this minute.
    allowed: bool,
    channel: Option<ChannelId>,
    size: Option<(u16, u16)>,
    lang: Option<Lang>,
    no_color: bool,
    screen_reader: bool,
    input: Option<mpsc::UnboundedSender<Msg>>,
    parser: Arc<Mutex<InputParser>>,
}

impl Connection {
    fn key_allowed(&self, key: &PublicKey) -> Auth {
        match self.shared.opts.auth {
            SshAuth::Keys(_)
                if self.allowed && self.shared.authorized.iter().any(|k| k.key_data() == key.key_data()) =>
            {
                Auth::Accept
            }
            _ => Auth::reject(),
        }
    }

    fn send(&self, msgs: Vec<Msg>) {
        if let Some(tx) = &self.input {
            for m in msgs {
                let _ = tx.send(m);
            }
        }
    }

    /// Says one line, then closes the channel.
    fn refuse(session: &mut Session, channel: ChannelId, line: &str) -> Result<(), russh::Error> {
        session.data(channel, format!("{line}\r\n").into_bytes())?;
        session.eof(channel)?;
        session.close(channel)
    }

    fn start_session(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), russh::Error> {
        let Some((width, height)) = self.size else {
            return Self::refuse(session, channel, "onestop needs a terminal: connect with ssh -t.");
        };
        let shared = self.shared.clone();
        if shared.sessions.fetch_add(1, Ordering::AcqRel) >= shared.opts.max_sessions {
            shared.sessions.fetch_sub(1, Ordering::AcqRel);
            return Self::refuse(
                session,
                channel,
                "The kiosk is busy. Please try again later. / 终端繁忙，请稍后再试。",
            );
        }
        let mut setup = shared.template.clone();
        setup.config.lang = self.lang.unwrap_or(setup.config.lang);
        setup.config.screen_reader |= self.screen_reader;
        setup.theme = if self.no_color { Theme::monochrome() } else { setup.theme };
        let (tx, input) = crate::runtime::channel();
        self.input = Some(tx.clone());
        let handle = session.handle();
        let writer = ChannelWriter::start(handle.clone(), channel, &tx);
        let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
        let mut shutdown = shared.shutdown.subscribe();
        let max = shared.opts.max_session;
        tokio::spawn(async move {
            let ended = async move {
                tokio::select! {
                    _ = shutdown.recv() => {},
                    _ = tokio::time::sleep(max) => {},
                }
            };
            let input = input.take_until(Box::pin(ended));
            if let Ok(mut terminal) =
                Terminal::with_options(CrosstermBackend::new(writer), TerminalOptions { viewport })
            {
                let backend = terminal.backend_mut();
                let _ = execute!(backend, EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste);
                // A panic ends this session only; the others carry on.
                let result = std::panic::AssertUnwindSafe(run_session(&mut terminal, input, setup))
                    .catch_unwind()
                    .await;
                if result.is_err() {
                    tracing::error!("an SSH session panicked; it is closed, the others carry on");
                }
                let backend = terminal.backend_mut();
                let _ =
                    execute!(backend, DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
                let _ = std::io::Write::write_all(backend, "Goodbye. / 再见。\r\n".as_bytes());
                let _ = std::io::Write::flush(backend);
            }
            // Let the last frame go out before the channel closes.
            tokio::time::sleep(Duration::from_millis(50)).await;
            let _ = handle.eof(channel).await;
            let _ = handle.close(channel).await;
            shared.sessions.fetch_sub(1, Ordering::AcqRel);
        });
        Ok(())
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, _user: &str) -> Result<Auth, Self::Error> {
        Ok(if self.allowed && self.shared.opts.auth == SshAuth::Open { Auth::Accept } else { Auth::reject() })
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(match self.shared.opts.auth {
            SshAuth::Open if self.allowed => Auth::Accept,
            _ => self.key_allowed(offer.public_key),
        })
    }

    async fn auth_publickey(&mut self, _user: &str, key: VerifiedPublicKey<'_>) -> Result<Auth, Self::Error> {
        Ok(match self.shared.opts.auth {
            SshAuth::Open if self.allowed => Auth::Accept,
            _ => self.key_allowed(key.public_key),
        })
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<SshMsg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One kiosk per connection; dropping `reply` refuses any other.
        if self.channel.is_none() {
            self.channel = Some(channel.id());
            reply.accept().await;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        cols: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = Some((cols.clamp(1, 1000) as u16, rows.clamp(1, 1000) as u16));
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match name {
            // LC_ALL wins over LANG, as in POSIX.
            "LC_ALL" => self.lang = Lang::from_locale(value).or(self.lang),
            "LANG" if self.lang.is_none() => self.lang = Lang::from_locale(value),
            "NO_COLOR" => self.no_color = !value.is_empty(),
            "ONESTOP_A11Y" => self.screen_reader = value == "1",
            _ => {}
        }
        session.channel_success(channel)
    }

    async fn shell_request(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), Self::Error> {
        session.channel_success(channel)?;
        self.start_session(channel, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Self::refuse(
            session,
            channel,
            "Commands are not available here: connect with plain ssh for the kiosk.",
        )
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Self::refuse(session, channel, "Subsystems (sftp) are not available here.")
    }

    async fn agent_request(&mut self, _: ChannelId, _: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn tcpip_forward(&mut self, _: &str, _: &mut u32, _: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let msgs = self.parser.lock().expect("no panics while held").feed(data);
        self.send(msgs);
        // An Esc at the end of a packet: if nothing follows soon, it is the Esc key.
        if self.parser.lock().expect("no panics while held").has_pending() {
            let (parser, tx) = (self.parser.clone(), self.input.clone());
            tokio::spawn(async move {
                tokio::time::sleep(super::input::ESC_WAIT).await;
                let msgs = parser.lock().expect("no panics while held").flush();
                if let Some(tx) = tx {
                    msgs.into_iter().for_each(|m| drop(tx.send(m)));
                }
            });
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn window_change_request(
        &mut self,
        _: ChannelId,
        cols: u32,
        rows: u32,
        _: u32,
        _: u32,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        let size =
            ratatui::layout::Size { width: cols.clamp(1, 1000) as u16, height: rows.clamp(1, 1000) as u16 };
        self.send(vec![Msg::Resize(size)]);
        Ok(())
    }

    async fn channel_eof(&mut self, _: ChannelId, _: &mut Session) -> Result<(), Self::Error> {
        // The client is gone: ending the input ends the session.
        self.input = None;
        Ok(())
    }

    async fn channel_close(&mut self, _: ChannelId, _: &mut Session) -> Result<(), Self::Error> {
        self.input = None;
        Ok(())
    }
}
