//! `silkway eo contacts`: downlink contacts of the imaging satellites.

use std::fmt::Write as _;

use silkway_eo::contacts::{Contact, contacts, stations_from_scenario};
use silkway_eo::fleet;

use super::eo_access::{load_scenario, time_arg};
use crate::output::{self, Format};

/// Formats `eo contacts` prints.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json];

/// Arguments of `silkway eo contacts`.
#[derive(Debug, clap::Args)]
pub struct ContactsArgs {
    /// Built-in scenario name (e.g. `caspian`) or scenario file.
    #[arg(long, default_value = "caspian")]
    pub scenario: String,
    /// Window start (RFC 3339).
    #[arg(long)]
    pub start: String,
    /// Window end (RFC 3339).
    #[arg(long)]
    pub end: String,
    /// Satellite (id, name or NORAD number); repeatable.
    #[arg(long = "sat")]
    pub sats: Vec<String>,
    /// Station id; repeatable. Default: every `ground_station`.
    #[arg(long = "station")]
    pub stations: Vec<String>,
}

/// Run `silkway eo contacts`.
pub fn run(format: Format, args: &ContactsArgs) -> anyhow::Result<()> {
    let scenario = load_scenario(&args.scenario)?;
    let sats = fleet::from_scenario(&scenario, &args.sats)?;
    let stations = stations_from_scenario(&scenario, &args.stations)?;
    let start = time_arg("--start", &args.start)?;
    let end = time_arg("--end", &args.end)?;
    let found = contacts(&sats, &stations, start, end)?;
    match format {
        Format::Json => output::print_json(&found),
        _ => output::print_text(&table(&found)),
    }
}

fn table(found: &[Contact]) -> String {
    let mut t = String::from(
        "satellite   station          AOS (UTC)                LOS       max el°  allocated          s     Gbit\n",
    );
    for c in found {
        let _ = writeln!(
            t,
            "{:<11} {:<16} {} {} {:>7.1}  {}–{} {:>6.0} {:>8.1}",
            c.satellite,
            c.station,
            c.aos,
            &c.los.to_string()[11..19],
            c.max_elevation_deg,
            &c.start.to_string()[11..19],
            &c.end.to_string()[11..19],
            c.duration_s,
            c.volume_gbit
        );
    }
    t
}
