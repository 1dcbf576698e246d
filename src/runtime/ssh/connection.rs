//! One client connection: its authentication, its requests, and at most one
//! kiosk session, which its bytes and window changes feed.

use std::sync::Arc;

use russh::{
    Channel, ChannelId, Pty,
    keys::PublicKey,
    server::{Auth, ChannelOpenHandle, Handler, Msg as SshMsg, PublicKeyOffer, Session, VerifiedPublicKey},
};

use super::{
    inbox::Inbox,
    server::{Shared, SshAuth},
    session::{self, Seat},
    size::{ClientSize, Fit},
};
use crate::domain::Lang;
use crate::kiosk::Msg;
use crate::ui::Theme;

/// Said to a client, then its channel closes. Bilingual: the session's
/// language is not known (or not chosen) yet.
const NEEDS_PTY: &str =
    "onestop needs a terminal: connect with ssh -t. / onestop 需要终端：请用 ssh -t 连接。";
const BUSY: &str = "The kiosk is busy. Please try again later. / 终端繁忙，请稍后再试。";
const TOO_MANY: &str = "Too many connections from your address. Please try again in a minute. / 您的地址连接过于频繁，请一分钟后再试。";
const NO_COMMANDS: &str = "Commands are not available here: connect with plain ssh for the kiosk. / 此处不能执行命令：请直接用 ssh 连接终端。";
const NO_SUBSYSTEMS: &str = "Subsystems (sftp) are not available here. / 此处不提供子系统（sftp）。";

pub struct Connection {
    shared: Arc<Shared>,
    /// False when the client's address opened too many connections this
    /// minute: it may still log in, to be told so, but gets no session.
    allowed: bool,
    channel: Option<ChannelId>,
    /// The pty's size as the client asked (clamped only once it is used).
    pty: Option<(u32, u32)>,
    lang: Option<Lang>,
    no_color: bool,
    screen_reader: bool,
    live: Option<Live>,
}

/// The running session's ends on this side.
struct Live {
    inbox: Inbox,
    size: ClientSize,
    lang: Lang,
}

impl Connection {
    pub(super) fn new(shared: Arc<Shared>, allowed: bool) -> Connection {
        Connection {
            shared,
            allowed,
            channel: None,
            pty: None,
            lang: None,
            no_color: false,
            screen_reader: false,
            live: None,
        }
    }

    fn key_allowed(&self, key: &PublicKey) -> Auth {
        let listed = || self.shared.authorized.iter().any(|k| k.key_data() == key.key_data());
        if self.shared.opts.auth == SshAuth::Open || listed() { Auth::Accept } else { Auth::reject() }
    }

    /// Says one line, then closes the channel.
    fn refuse(session: &mut Session, channel: ChannelId, line: &str) -> Result<(), russh::Error> {
        session.data(channel, format!("{line}\r\n").into_bytes())?;
        session.eof(channel)?;
        session.close(channel)
    }

    fn start_session(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), russh::Error> {
        if !self.allowed {
            return Self::refuse(session, channel, TOO_MANY);
        }
        let Some((cols, rows)) = self.pty else {
            return Self::refuse(session, channel, NEEDS_PTY);
        };
        let Some(seat) = Seat::take(&self.shared) else {
            return Self::refuse(session, channel, BUSY);
        };
        let mut setup = self.shared.template.clone();
        setup.config.lang = self.lang.unwrap_or(setup.config.lang);
        setup.config.screen_reader |= self.screen_reader;
        setup.theme = if self.no_color { Theme::monochrome() } else { setup.theme };
        let lang = setup.config.lang;
        let size = ClientSize::new(Fit::new(cols, rows, lang));
        let (inbox, repaint, events) = Inbox::open();
        self.live = Some(Live { inbox, size: size.clone(), lang });
        let ends = session::Ends { handle: session.handle(), channel, size, events, repaint };
        session::spawn(seat, setup, ends);
        Ok(())
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, _user: &str) -> Result<Auth, Self::Error> {
        Ok(if self.shared.opts.auth == SshAuth::Open { Auth::Accept } else { Auth::reject() })
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.key_allowed(offer.public_key))
    }

    async fn auth_publickey(&mut self, _user: &str, key: VerifiedPublicKey<'_>) -> Result<Auth, Self::Error> {
        Ok(self.key_allowed(key.public_key))
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
        self.pty = Some((cols, rows));
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
            "ONESTOP_A11Y" => self.screen_reader = crate::runtime::screen_reader_asked(value),
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
        Self::refuse(session, channel, NO_COMMANDS)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Self::refuse(session, channel, NO_SUBSYSTEMS)
    }

    async fn agent_request(&mut self, _: ChannelId, _: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn tcpip_forward(&mut self, _: &str, _: &mut u32, _: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    /// Waits while the session's input is full: see `inbox` for why that
    /// holds the client back.
    async fn data(&mut self, _: ChannelId, data: &[u8], _: &mut Session) -> Result<(), Self::Error> {
        if let Some(live) = &self.live {
            live.inbox.bytes(data).await;
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
        let Some(live) = &self.live else {
            self.pty = Some((cols, rows));
            return Ok(());
        };
        let fit = Fit::new(cols, rows, live.lang);
        let kiosk = fit.kiosk;
        // The size first: the backend reads it when the session resizes.
        live.size.set(fit);
        live.inbox.send(Msg::Resize(kiosk)).await;
        Ok(())
    }

    async fn channel_eof(&mut self, _: ChannelId, _: &mut Session) -> Result<(), Self::Error> {
        // The client is gone: ending the input ends the session.
        if let Some(live) = self.live.take() {
            live.inbox.close().await;
        }
        Ok(())
    }

    async fn channel_close(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), Self::Error> {
        self.channel_eof(channel, session).await
    }
}
