//! `silkway capacity plan|size`: carrier plans and service sizing on GEO
//! transponders (crate `silkway-capacity`).

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Subcommand;
use silkway_capacity::{PlanFile, ServiceRequest, plan, size, table};
use silkway_model::{Scenario, builtin};

use crate::output::{self, Format};

/// Arguments of `silkway capacity`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// Transponder by transponder: bandwidth and power used, each carrier's
    /// PEB and whether it is power- or bandwidth-limited, violations.
    /// Exits 1 when the plan has violations.
    Plan {
        /// A built-in scenario name or a scenario file.
        #[arg(long, default_value = "caspian")]
        scenario: String,
        /// A carrier-plan file (TOML) applied over the scenario.
        #[arg(long)]
        plan: Option<PathBuf>,
        /// Check leases on this date (YYYY-MM-DD); default: the plan
        /// file's `date`, else every lease counts.
        #[arg(long)]
        date: Option<String>,
    },
    /// Size a service request on every candidate transponder, ranked.
    Size {
        /// The service request (TOML).
        #[arg(long)]
        request: PathBuf,
        /// A built-in scenario name or a scenario file.
        #[arg(long, default_value = "caspian")]
        scenario: String,
        /// A carrier-plan file applied over the scenario (free capacity).
        #[arg(long)]
        plan: Option<PathBuf>,
        /// Leases active on this date (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
    },
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The scenario with the plan file applied; the plan's date.
fn load(scenario: &str, plan: Option<&Path>) -> anyhow::Result<(Scenario, Option<String>)> {
    let base = if builtin::names().contains(&scenario) {
        builtin::load(scenario)?
    } else {
        super::scenario::load_file(Path::new(scenario))?
    };
    match plan {
        None => Ok((base, None)),
        Some(p) => {
            let origin = p.display().to_string();
            let file = PlanFile::from_toml(&read(p)?, &origin)?;
            let date = file.date.clone();
            Ok((file.apply(base, &origin)?, date))
        }
    }
}

/// Run `silkway capacity`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Table, Format::Json])?;
    match args.verb {
        Verb::Plan {
            scenario,
            plan: plan_path,
            date,
        } => {
            let (s, file_date) = load(&scenario, plan_path.as_deref())?;
            let date = date.or(file_date);
            check_date(date.as_deref())?;
            let report = plan(&s, date.as_deref());
            match format {
                Format::Json => output::print_json(&report)?,
                _ => output::print_text(&table::plan_table(&report))?,
            }
            if !report.violations.is_empty() {
                anyhow::bail!("the plan has {} violation(s)", report.violations.len());
            }
            Ok(())
        }
        Verb::Size {
            request,
            scenario,
            plan: plan_path,
            date,
        } => {
            let (s, file_date) = load(&scenario, plan_path.as_deref())?;
            let date = date.or(file_date);
            check_date(date.as_deref())?;
            let origin = request.display().to_string();
            let req = ServiceRequest::from_toml(&read(&request)?, &origin)?;
            let current = plan(&s, date.as_deref());
            // A fade given in the request wins; otherwise ITU-R P.618-13 on
            // the installed maps supplies it at the availability target.
            let maps = silkway_itur::Maps::global();
            let p618 = silkway_link::P618Fade::new(maps);
            let model: Option<&dyn silkway_link::Fade> = if req.rain_fade_db.is_some() {
                None
            } else {
                maps.require_installed().context(
                    "the request gives no rain_fade_db, so the ITU-R P.618 model needs its maps",
                )?;
                Some(&p618)
            };
            let report = size(&s, &current, &req, model).with_context(|| origin.clone())?;
            match format {
                Format::Json => output::print_json(&report),
                _ => output::print_text(&table::sizing_table(&report)),
            }
        }
    }
}

fn check_date(date: Option<&str>) -> anyhow::Result<()> {
    if let Some(d) = date {
        anyhow::ensure!(
            silkway_model::payload::is_iso_date(d),
            "--date: expected YYYY-MM-DD, found {d:?}"
        );
    }
    Ok(())
}
