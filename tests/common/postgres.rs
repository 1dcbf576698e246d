//! A throwaway PostgreSQL server for the tests: `initdb` and `pg_ctl` from
//! Debian's packages, on a free loopback port, in a temporary directory, as
//! an unprivileged user (PostgreSQL refuses to run as root). One server per
//! test process, one fresh database per test. A watchdog stops the server
//! and removes its files when the test process ends, however it ends.
//!
//! Missing PostgreSQL is a failure that says what to install, never a skip.

use std::{
    path::{Path, PathBuf},
    process::Command,
    sync::{
        OnceLock,
        atomic::{AtomicU32, Ordering},
    },
};

pub struct Cluster {
    bin: PathBuf,
    port: u16,
}

/// The user PostgreSQL runs as: ourselves, or `nobody` when we are root.
fn run_as() -> Option<&'static str> {
    use std::os::unix::fs::MetadataExt;
    // /proc/self belongs to the process's effective user.
    let root = std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false);
    root.then_some("nobody")
}

/// A command of PostgreSQL's, run as the unprivileged user.
fn pg_command(bin: &Path, program: &str) -> Command {
    let program = bin.join(program);
    match run_as() {
        Some(user) => {
            let mut c = Command::new("runuser");
            c.args(["-u", user, "--"]).arg(program);
            c
        }
        None => Command::new(program),
    }
}

/// The newest installed PostgreSQL's programs.
fn bin_dir() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    match found.pop() {
        Some((_, bin)) => bin,
        None => panic!(
            "PostgreSQL is needed for these tests and is not installed: \
             apt-get install -y postgresql (Debian's package; the tests start their own server)"
        ),
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn check(what: &str, output: std::io::Result<std::process::Output>) {
    let output = output.unwrap_or_else(|e| panic!("{what} could not start: {e}"));
    assert!(
        output.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

impl Cluster {
    fn start() -> Cluster {
        let bin = bin_dir();
        // Not a TempDir: the watchdog removes it after this process is gone.
        let dir = std::env::temp_dir().join(format!("onestop-pg-{}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&dir).unwrap();
        if let Some(user) = run_as() {
            check("chown", Command::new("chown").arg(user).arg(&dir).output());
        }
        let data = dir.join("data");
        check(
            "initdb",
            pg_command(&bin, "initdb")
                .args(["--auth=trust", "--username=onestop", "--encoding=UTF8", "--no-sync", "-D"])
                .arg(&data)
                .output(),
        );
        let port = free_port();
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
            dir.display()
        );
        check(
            "pg_ctl start",
            pg_command(&bin, "pg_ctl")
                .args(["start", "-w", "-D"])
                .arg(&data)
                .arg("-l")
                .arg(dir.join("log"))
                .args(["-o", &options])
                .output(),
        );
        // Stops the server once this test process has ended.
        let watchdog = format!(
            "while [ -d /proc/{pid} ]; do sleep 1; done; {pg_ctl} stop -m immediate -D {data}; rm -rf {dir}",
            pid = std::process::id(),
            pg_ctl = bin.join("pg_ctl").display(),
            data = data.display(),
            dir = dir.display(),
        );
        let mut sh = pg_command(Path::new("/bin"), "sh");
        sh.args(["-c", &watchdog])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        // Never waited for: it outlives this process, and init reaps it.
        #[allow(clippy::zombie_processes)]
        sh.spawn().expect("the watchdog starts");
        Cluster { bin, port }
    }

    /// A new, empty database on the test server; its URL.
    pub fn database(&self) -> String {
        static N: AtomicU32 = AtomicU32::new(0);
        let name = format!("t{}_{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
        check(
            "createdb",
            Command::new(self.bin.join("createdb"))
                .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "onestop", &name])
                .output(),
        );
        format!("postgres://onestop@127.0.0.1:{}/{name}", self.port)
    }
}

/// The test process's PostgreSQL server, started on first use.
pub fn cluster() -> &'static Cluster {
    static CLUSTER: OnceLock<Cluster> = OnceLock::new();
    CLUSTER.get_or_init(Cluster::start)
}
