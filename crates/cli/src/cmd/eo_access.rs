//! `silkway eo access`: imaging opportunities over areas of interest.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use silkway_eo::access::{AccessOptions, Opportunity, access, access_geojson};
use silkway_eo::{aoi, fleet};
use silkway_model::{Scenario, builtin};
use silkway_orbit::UtcTime;

use crate::output::{self, Format};

/// Formats `eo access` prints.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Geojson];

/// Arguments of `silkway eo access`.
#[derive(Debug, clap::Args)]
pub struct AccessArgs {
    /// Built-in scenario name (e.g. `caspian`) or scenario file.
    #[arg(long, default_value = "caspian")]
    pub scenario: String,
    /// Areas of interest: GeoJSON with Point, MultiPoint, Polygon or
    /// MultiPolygon features.
    #[arg(long)]
    pub aoi: PathBuf,
    /// Window start (RFC 3339).
    #[arg(long)]
    pub start: String,
    /// Window end (RFC 3339).
    #[arg(long)]
    pub end: String,
    /// Satellite (id, name or NORAD number); repeatable. Default: every
    /// active imaging satellite of the scenario.
    #[arg(long = "sat")]
    pub sats: Vec<String>,
    /// Use the sensors' extended roll limit.
    #[arg(long)]
    pub extended_roll: bool,
}

/// Load a built-in scenario or a scenario file.
pub fn load_scenario(name_or_file: &str) -> anyhow::Result<Scenario> {
    if builtin::names().contains(&name_or_file) {
        Ok(builtin::load(name_or_file)?)
    } else {
        super::scenario::load_file(Path::new(name_or_file))
    }
}

/// Parse an RFC 3339 option value.
pub fn time_arg(flag: &str, text: &str) -> anyhow::Result<UtcTime> {
    UtcTime::parse_rfc3339(text)
        .with_context(|| format!("{flag}: expected an RFC 3339 time, found {text:?}"))
}

/// Run `silkway eo access`.
pub fn run(format: Format, args: &AccessArgs) -> anyhow::Result<()> {
    let scenario = load_scenario(&args.scenario)?;
    let sats = fleet::from_scenario(&scenario, &args.sats)?;
    let file = args.aoi.display().to_string();
    let text = std::fs::read_to_string(&args.aoi).with_context(|| format!("cannot read {file}"))?;
    let aois = aoi::parse_geojson(&text, &file)?;
    let start = time_arg("--start", &args.start)?;
    let end = time_arg("--end", &args.end)?;
    let opts = AccessOptions {
        extended_roll: args.extended_roll,
        ..Default::default()
    };
    let found = access(&sats, &aois, start, end, &opts)?;
    match format {
        Format::Json => output::print_json(&serde_json::json!({
            "start": start, "end": end, "opportunities": found,
        })),
        Format::Geojson => output::print_json(&access_geojson(&aois, &found)),
        _ => output::print_text(&table(&found)),
    }
}

fn table(found: &[Opportunity]) -> String {
    let mut t = String::from(
        "aoi              satellite   broadside (UTC)          window (UTC)              roll°   inc°   sun°  cover  strips\n",
    );
    for o in found {
        let feasible = o.strips.iter().filter(|s| s.feasible).count();
        let _ = writeln!(
            t,
            "{:<16} {:<11} {} {}–{} {:>6.2} {:>6.2} {:>6.1} {:>5.1}%  {}/{}",
            o.aoi,
            o.satellite,
            o.broadside,
            &o.window_start.to_string()[11..19],
            &o.window_end.to_string()[11..19],
            o.roll_deg,
            o.incidence_deg,
            o.sun_elevation_deg,
            100.0 * o.coverage_fraction,
            feasible,
            o.strips.len()
        );
    }
    if found.is_empty() {
        t.push_str("(no opportunity in the window)\n");
    }
    t
}
