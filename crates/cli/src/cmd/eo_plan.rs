//! `silkway eo plan`: acquisitions and downlinks for tasking requests.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use silkway_eo::plan::geojson::plan_geojson;
use silkway_eo::plan::search::SearchProgress;
use silkway_eo::plan::{PlanInput, PlanOptions, PlanProgress, plan};
use silkway_eo::tasking::{Plan, parse_requests};
use silkway_eo::{contacts, fleet};

use super::eo_access::{load_scenario, time_arg};
use crate::output::{self, Format};

/// Formats `eo plan` prints.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Geojson];

/// Arguments of `silkway eo plan`.
#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// Built-in scenario name (e.g. `caspian`) or scenario file.
    #[arg(long, default_value = "caspian")]
    pub scenario: String,
    /// Requests file (JSON: `{"requests": [...]}`).
    #[arg(long)]
    pub requests: PathBuf,
    /// Horizon start (RFC 3339).
    #[arg(long)]
    pub start: String,
    /// Horizon end (RFC 3339).
    #[arg(long)]
    pub end: String,
    /// Search time limit, seconds (candidates and checking come on top).
    #[arg(long, default_value_t = 8.0)]
    pub time_limit: f64,
    /// LNS iterations (reproducible for a seed when the time limit is not hit).
    #[arg(long, default_value_t = 3000)]
    pub max_iterations: u64,
    /// Seed of the search.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Satellite (id, name or NORAD number); repeatable. Default: every
    /// active imaging satellite.
    #[arg(long = "sat")]
    pub sats: Vec<String>,
    /// Downlink station id; repeatable. Default: every `ground_station`.
    #[arg(long = "station")]
    pub stations: Vec<String>,
    /// Use the sensors' extended roll limit.
    #[arg(long)]
    pub extended_roll: bool,
}

/// Run `silkway eo plan`.
pub fn run(format: Format, args: &PlanArgs) -> anyhow::Result<()> {
    if !(args.time_limit.is_finite() && (0.0..=1e6).contains(&args.time_limit)) {
        anyhow::bail!(
            "--time-limit: expected a number of seconds, found {}",
            args.time_limit
        );
    }
    let scenario = load_scenario(&args.scenario)?;
    let sats = fleet::from_scenario(&scenario, &args.sats)?;
    let stations = contacts::stations_from_scenario(&scenario, &args.stations)?;
    let file = args.requests.display().to_string();
    let text =
        std::fs::read_to_string(&args.requests).with_context(|| format!("cannot read {file}"))?;
    let requests = parse_requests(&text, &file)?;
    let start = time_arg("--start", &args.start)?;
    let end = time_arg("--end", &args.end)?;
    let opts = PlanOptions {
        time_limit: Duration::from_secs_f64(args.time_limit),
        max_iterations: args.max_iterations,
        seed: args.seed,
        extended_roll: args.extended_roll,
        ..Default::default()
    };
    let progress = |p: &PlanProgress| match p {
        PlanProgress::Prepared {
            contacts,
            candidates,
            elapsed,
        } => eprintln!(
            "[{:7.3} s] {contacts} downlink contacts, {candidates} candidate acquisitions",
            elapsed.as_secs_f64()
        ),
        PlanProgress::Search(SearchProgress::Improved { value, by, elapsed }) => {
            eprintln!(
                "[{:7.3} s] search: value {value:.4} ({by})",
                elapsed.as_secs_f64()
            );
        }
    };
    let input = PlanInput {
        requests: &requests,
        satellites: &sats,
        stations: &stations,
        start,
        end,
    };
    let result = plan(&input, &opts, &progress)?;
    eprintln!(
        "plan: value {:.4} of {:.1}, {} acquisitions, {} downlinks; accepted by the independent checker",
        result.value,
        result.max_value,
        result.acquisitions.len(),
        result.downlinks.len()
    );
    match format {
        Format::Json => output::print_json(&result),
        Format::Geojson => output::print_json(&plan_geojson(&result, &requests)),
        _ => output::print_text(&table(&result)),
    }
}

fn table(p: &Plan) -> String {
    let mut t = String::new();
    let covered = p
        .requests
        .iter()
        .filter(|r| r.covered_fraction > 0.0)
        .count();
    let _ = writeln!(
        t,
        "value {:.3} of {:.1} ({} of {} requests served, {} {}, {} candidates, search {:.2} s, check {:.2} s)",
        p.value,
        p.max_value,
        covered,
        p.requests.len(),
        p.solver.method,
        if p.solver.proven_optimal {
            "proven optimal"
        } else {
            "not proven optimal"
        },
        p.solver.candidates,
        p.solver.search_s,
        p.solver.check_s
    );
    t.push_str("\nacquisition  request          satellite   start (UTC)              end       roll°  pitch°  inc°   sun°  Gbit   strips\n");
    for a in &p.acquisitions {
        let _ = writeln!(
            t,
            "{:<12} {:<16} {:<11} {} {} {:>6.2} {:>6.1} {:>5.1} {:>5.1} {:>6.1}  {:?}{}",
            a.id,
            a.request,
            a.satellite,
            a.start,
            &a.end.to_string()[11..19],
            a.roll_deg,
            a.pitch_deg,
            a.incidence_deg,
            a.sun_elevation_deg,
            a.volume_gbit,
            a.strips,
            a.stereo
                .map_or(String::new(), |s| format!(" {s:?}").to_lowercase())
        );
    }
    t.push_str("\ndownlink     acquisition  satellite   station          start (UTC)              end       Gbit\n");
    for (i, d) in p.downlinks.iter().enumerate() {
        let _ = writeln!(
            t,
            "{:<12} {:<12} {:<11} {:<16} {} {} {:>6.1}",
            i + 1,
            d.acquisition,
            d.satellite,
            d.station,
            d.start,
            &d.end.to_string()[11..19],
            d.volume_gbit
        );
    }
    t
}
