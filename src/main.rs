//! The command line. It parses, then calls the library; no logic lives here.

use std::{io::Write, path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use onestop::{app, config::KioskConfig, domain::Lang};

#[derive(Parser)]
#[command(
    name = "onestop",
    version,
    about = "Self-service kiosk for government service halls, and its backend"
)]
struct Cli {
    /// A configuration file over the defaults (repeatable; later files win).
    #[arg(long = "config", value_name = "FILE", global = true)]
    configs: Vec<PathBuf>,
    /// Where the database, logs and caches live.
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// The language sessions start in.
    #[arg(long, value_name = "zh-CN|en-US|zh-HK", global = true)]
    lang: Option<Lang>,
    /// The backend's base URL (default: an embedded backend).
    #[arg(long, value_name = "URL")]
    backend: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the backend: the JSON API and its OpenAPI document.
    Serve {
        /// Address and port to listen on.
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        /// Serve the catalogue in this directory instead of the built-in demo.
        #[arg(long, value_name = "DIR")]
        catalog: Option<PathBuf>,
    },
    /// Run the kiosk over SSH: one session per connection.
    Ssh {
        /// Address and port to listen on.
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        /// The backend's base URL (default: an embedded backend).
        #[arg(long, value_name = "URL")]
        backend: Option<String>,
    },
    /// The clerk's console at one window: call, call again, missed, transfer.
    Window {
        /// The window's number, as painted above the counter.
        #[arg(long, value_name = "N")]
        window: Option<u16>,
        /// The hall it is in (default: kiosk.hall).
        #[arg(long, value_name = "HALL")]
        hall: Option<String>,
        /// The backend's base URL.
        #[arg(long, value_name = "URL")]
        backend: Option<String>,
    },
    /// The hall's calling screen (叫号屏): the newest call in big letters,
    /// the calls before it, how many wait; optionally spoken.
    Display {
        /// The hall it shows (default: display.hall, else kiosk.hall).
        #[arg(long, value_name = "HALL")]
        hall: Option<String>,
        /// The backend's base URL.
        #[arg(long, value_name = "URL")]
        backend: Option<String>,
    },
    /// Check configuration files.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Tokens of kiosks, window consoles, calling screens and staff.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The service catalogue in the database.
    Catalog {
        #[command(subcommand)]
        command: CatalogCommand,
    },
    /// 好差评: the ratings, for the provincial system.
    Ratings {
        #[command(subcommand)]
        command: RatingsCommand,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Make a token and print it (shown only now; only its hash is kept).
    Create {
        #[arg(long, value_parser = ["kiosk", "window", "display", "staff"])]
        role: String,
        /// The hall it acts for (an id of the catalogue's halls).
        #[arg(long)]
        hall: String,
        /// A name for it, unique per hall and role, e.g. kiosk-01.
        #[arg(long)]
        name: String,
    },
    /// List the tokens (never their secrets).
    List,
    /// Revoke a token by its id (see `token list`).
    Revoke { id: String },
}

#[derive(Subcommand)]
enum RatingsCommand {
    /// Writes CSV to stdout: every rating of tickets from DATE on.
    Export {
        #[arg(long, value_name = "DATE")]
        since: jiff::civil::Date,
        #[arg(long, value_name = "HALL")]
        hall: Option<String>,
    },
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Check the catalogue in DIR and make it the one every server on the
    /// configured database serves.
    Publish { dir: PathBuf },
    /// Check the catalogue in DIR as a server loading it would, and list
    /// what its editors should look at: errors (which stop the load) and
    /// warnings (guides overdue for review, empty categories, …).
    Lint {
        dir: PathBuf,
        /// As of this date (YYYY-MM-DD) instead of today: what will be
        /// overdue for review by then.
        #[arg(long, value_name = "DATE")]
        as_of: Option<jiff::civil::Date>,
    },
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Validate FILEs on their own, or (with none) the configuration as loaded.
    Check {
        files: Vec<PathBuf>,
        /// Hold `kiosk.hall` against the catalogue in DIR (the one the kiosk's
        /// backend serves) instead of `server.catalog_dir` or the built-in one.
        #[arg(long, value_name = "DIR")]
        catalog: Option<PathBuf>,
    },
    /// Read a staff PIN (twice, without echo) and print the line for `staff.pin_hash`.
    HashPin,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut overrides: Vec<(&str, String)> = Vec::new();
    if let Some(dir) = &cli.data_dir {
        overrides.push(("paths.data_dir", dir.display().to_string()));
    }
    if let Some(lang) = cli.lang {
        overrides.push(("kiosk.language", lang.tag().to_owned()));
    }
    if let Some(url) = &cli.backend {
        overrides.push(("backend.url", url.clone()));
    }
    match &cli.command {
        Some(Command::Serve { listen, catalog }) => {
            overrides.extend(listen.iter().map(|l| ("server.listen", l.clone())));
            overrides.extend(catalog.iter().map(|c| ("server.catalog_dir", c.display().to_string())));
        }
        Some(Command::Ssh { listen, backend }) => {
            overrides.extend(listen.iter().map(|l| ("ssh.listen", l.clone())));
            overrides.extend(backend.iter().map(|b| ("backend.url", b.clone())));
        }
        Some(Command::Window { window, hall, backend }) => {
            overrides.extend(window.iter().map(|w| ("window.number", w.to_string())));
            overrides.extend(hall.iter().map(|h| ("window.hall", h.clone())));
            overrides.extend(backend.iter().map(|b| ("backend.url", b.clone())));
        }
        Some(Command::Display { hall, backend }) => {
            overrides.extend(hall.iter().map(|h| ("display.hall", h.clone())));
            overrides.extend(backend.iter().map(|b| ("backend.url", b.clone())));
        }
        Some(Command::Config { command: ConfigCommand::HashPin }) => {
            return match app::hash_pin() {
                Ok(line) => {
                    println!("{line}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("onestop: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        Some(Command::Config { command: ConfigCommand::Check { files, catalog } }) => {
            let ok = app::config_check_against(files, &cli.configs, &overrides, catalog.as_deref());
            return if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE };
        }
        Some(Command::Token { .. } | Command::Catalog { .. } | Command::Ratings { .. }) | None => {}
    }
    let cfg = match KioskConfig::load(&cli.configs, &overrides) {
        Ok(cfg) => cfg,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let rt = tokio::runtime::Runtime::new().expect("tokio runtime starts");
    let configs = cli.configs.clone();
    let reload = move || KioskConfig::load(&configs, &overrides);
    let result = rt.block_on(async {
        match cli.command {
            Some(Command::Serve { .. }) => app::serve(cfg).await,
            Some(Command::Ssh { .. }) => app::ssh(cfg).await,
            Some(Command::Window { .. }) => app::window(cfg).await,
            Some(Command::Display { .. }) => app::display(cfg).await,
            Some(Command::Token { command: TokenCommand::Create { role, hall, name } }) => {
                let role =
                    onestop::server::store::Role::parse(&role).expect("clap allows only the four roles");
                app::token_create(&cfg, role, &hall, &name).await
            }
            Some(Command::Token { command: TokenCommand::List }) => app::token_list(&cfg).await,
            Some(Command::Token { command: TokenCommand::Revoke { id } }) => {
                app::token_revoke(&cfg, &id).await
            }
            Some(Command::Catalog { command: CatalogCommand::Publish { dir } }) => {
                app::catalog_publish(&cfg, &dir).await
            }
            Some(Command::Catalog { command: CatalogCommand::Lint { dir, as_of } }) => {
                app::catalog_lint(&cfg, &dir, as_of)
            }
            Some(Command::Ratings { command: RatingsCommand::Export { since, hall } }) => {
                app::ratings_export(&cfg, since, hall.as_deref()).await
            }
            _ => app::kiosk(cfg, reload).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Not eprintln!: when the terminal hung up, stderr went with it.
            let _ = writeln!(std::io::stderr(), "onestop: {e:#}");
            ExitCode::FAILURE
        }
    }
}
