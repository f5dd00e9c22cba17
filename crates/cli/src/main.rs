//! `silkway`: the command-line face of the platform.
//!
//! Data goes to stdout, logs and progress to stderr. Each area lives in
//! its own module under `cmd/` and only parses, calls a library and prints.

mod cmd;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use output::Format;

/// Engineering and operations platform for the satellite and fiber
/// infrastructure of the Caspian and Central Asia.
#[derive(Debug, Parser)]
#[command(name = "silkway", version, about, propagate_version = true)]
struct Cli {
    /// Output format (each command says which ones it supports).
    #[arg(long, global = true, value_enum)]
    format: Option<Format>,

    /// More log output on stderr (-v info, -vv debug, -vvv trace).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,

    #[command(subcommand)]
    area: Area,
}

#[derive(Debug, Subcommand)]
enum Area {
    /// Scenario files: validate, show, export.
    Scenario(cmd::scenario::Args),
    /// Orbits: element sets, propagation, look angles, passes, eclipses, tracks.
    Orbit(cmd::orbit::Args),
    /// Install and inspect run-time data (ITU-R maps).
    Data(cmd::data::Args),
    /// ITU-R P-series propagation models, one command per Recommendation.
    Itu(cmd::itu::Args),
    /// Satellite link budgets with ACM availability; attenuation maps toward GEO.
    Link(cmd::link::Args),
    /// Earth observation: SPOT5 benchmark (imaging access and planning to come).
    Eo(cmd::eo::Args),
    /// Satellite capacity: carrier plans, PEB, leases, service sizing.
    Capacity(cmd::capacity::Args),
    /// Transit network: paths, disjoint pairs, failures, max-flow, availability, demand routing.
    Net(cmd::net::Args),
    /// Spectrum engineering: interference, border screening, App. 8 ΔT/T, Monte Carlo, patterns.
    Spectrum(cmd::spectrum::Args),
    /// Run the HTTP API over a database (SQLite by default, or PostgreSQL).
    Serve(cmd::serve::Args),
    /// Administration of a database: bootstrap users and tokens.
    Admin(cmd::admin::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let ctx = cmd::Context { format: cli.format };
    let result = match cli.area {
        Area::Scenario(args) => cmd::scenario::run(&ctx, args),
        Area::Orbit(args) => cmd::orbit::run(&ctx, args),
        Area::Data(args) => cmd::data::run(&ctx, args),
        Area::Itu(args) => cmd::itu::run(&ctx, args),
        Area::Link(args) => cmd::link::run(&ctx, args),
        Area::Eo(args) => cmd::eo::run(&ctx, args),
        Area::Capacity(args) => cmd::capacity::run(&ctx, args),
        Area::Net(args) => cmd::net::run(&ctx, args),
        Area::Spectrum(args) => cmd::spectrum::run(&ctx, args),
        Area::Serve(args) => cmd::serve::run(args),
        Area::Admin(args) => cmd::admin::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("SILKWAY_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
