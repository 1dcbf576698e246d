//! `onestop ssh`: one independent kiosk session per connection, on the same
//! `run_session` loop as the local kiosk. The pty request gives the size,
//! window changes resize, `LANG`/`LC_ALL` choose the language and `NO_COLOR`
//! the monochrome theme. Exec, subsystems (sftp) and forwarding are refused.

use std::{
    net::SocketAddr,
    path::PathBuf,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use russh::{
    keys::{HashAlg, PublicKey},
    server::Server,
};
use tokio::sync::broadcast;

use super::{
    connection::Connection,
    input::PASTE_MAX,
    keys::{authorized_keys, host_key},
};
use crate::limit::PerMinute;
use crate::runtime::SessionSetup;

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

/// What every connection of one server shares.
pub(super) struct Shared {
    pub template: SessionSetup,
    pub opts: SshOptions,
    pub authorized: Vec<PublicKey>,
    pub sessions: AtomicUsize,
    /// New connections per client address.
    pub connections: PerMinute,
    pub shutdown: broadcast::Sender<()>,
}

/// The SSH window each channel grants: the most a client may send ahead of
/// what its session has taken (see `inbox`). Typing needs a few bytes; this
/// still takes a large paste in a few round trips.
const WINDOW: u32 = 4 * PASTE_MAX as u32;

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
        window_size: WINDOW,
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
        Connection::new(self.shared.clone(), allowed)
    }
}
