//! The real binary in a pseudo-terminal, its screen parsed by vt100.
#![allow(dead_code)]

use std::{
    io::{Read, Write},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Kiosk {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks on the raw stream.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

impl Kiosk {
    /// Starts `onestop ARGS` at `cols`×`rows` with extra environment variables.
    pub fn start(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Kiosk {
        Kiosk::spawn(env!("CARGO_BIN_EXE_onestop"), args, env, cols, rows)
    }

    /// Starts any program in a pty (e.g. the OpenSSH client).
    pub fn spawn(program: &str, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Kiosk {
        Kiosk::open(program, args, env, cols, rows, true)
    }

    fn open(program: &str, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16, read: bool) -> Kiosk {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (parser.clone(), raw.clone());
        // Unread, the pty fills and the program blocks on its output.
        std::thread::spawn(move || {
            if !read {
                return;
            }
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Kiosk { parser, raw, writer, child, master: pair.master }
    }

    /// A program in a pty whose output nobody reads (a client that stalls).
    pub fn spawn_unread(program: &str, args: &[&str], cols: u16, rows: u16) -> Kiosk {
        Kiosk::open(program, args, &[], cols, rows, false)
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen after 20 s.
    pub fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen());
    }

    /// The digit of the first bookable day on the date screen shown (the
    /// tests run on the real clock: today may be closed, or past its last slot).
    pub fn first_open_day(&self) -> String {
        let screen = self.screen();
        let row = screen
            .lines()
            .find(|l| l.contains("places left") || l.contains("个名额"))
            .unwrap_or_else(|| panic!("no bookable day on the first page:\n{screen}"));
        row.trim_start_matches([' ', '▶']).chars().take_while(char::is_ascii_digit).collect()
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        self.parser.lock().unwrap().screen_mut().set_size(rows, cols);
    }

    /// Q, and the kiosk ends cleanly.
    pub fn quit(&mut self) {
        self.send("q");
        assert_eq!(self.wait_exit(), 0, "Q ends the kiosk cleanly");
    }

    /// Waits for the program to exit; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("onestop did not exit; the screen was:\n{}", self.screen());
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
