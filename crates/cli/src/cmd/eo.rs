//! `silkway eo ...`: Earth observation. For now the SPOT5 benchmark:
//! `silkway eo spot5 solve FILE.spot --time-limit SECS [--seed N] --out SOL.txt`
//! and `silkway eo spot5 check FILE.spot SOL.txt`.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use silkway_eo::lck::{Progress, SolveOptions};
use silkway_eo::spot5;

use crate::output::{self, Format};

/// Formats the `eo spot5` commands print their summary in.
const FORMATS: &[Format] = &[Format::Table, Format::Json];

/// Arguments of `silkway eo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// SPOT5 daily photograph scheduling benchmark.
    #[command(subcommand)]
    Spot5(Spot5),
}

#[derive(Debug, clap::Subcommand)]
enum Spot5 {
    /// Solve an instance and write a `.spot_sol.txt` solution.
    Solve {
        /// The instance (`.spot`).
        file: PathBuf,
        /// Time limit in seconds.
        #[arg(long)]
        time_limit: f64,
        /// Seed of the random choices (same seed and thread count, same run).
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Worker threads (default: the available cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Share of the time the exact search may use first (tuning aid).
        #[arg(long, default_value_t = 0.25, hide = true)]
        exact_share: f64,
        /// Where to write the solution.
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a solution: prints profit, weight and validity; exits non-zero
    /// when invalid.
    Check {
        /// The instance (`.spot`).
        file: PathBuf,
        /// The solution (`.spot_sol.txt`).
        solution: PathBuf,
    },
}

/// Run `silkway eo`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, FORMATS)?;
    match args.command {
        Command::Spot5(Spot5::Solve {
            file,
            time_limit,
            seed,
            threads,
            exact_share,
            out,
        }) => {
            if !(time_limit.is_finite() && (0.0..=1e9).contains(&time_limit)) {
                anyhow::bail!("--time-limit: expected a number of seconds, found {time_limit}");
            }
            let mut opts = SolveOptions::new(Duration::from_secs_f64(time_limit));
            opts.seed = seed;
            opts.threads = threads
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            opts.exact_share = exact_share;
            solve(format, &file, &opts, &out)
        }
        Command::Spot5(Spot5::Check { file, solution }) => check(format, &file, &solution),
    }
}

fn solve(
    format: Format,
    file: &std::path::Path,
    opts: &SolveOptions,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    let inst = spot5::read_instance(file)?;
    let progress = |p: &Progress| match p {
        Progress::Improved {
            profit,
            worker,
            elapsed,
        } => {
            eprintln!(
                "[{:8.3} s] profit {profit} ({worker})",
                elapsed.as_secs_f64()
            );
        }
        Progress::ProvenOptimal { profit, elapsed } => {
            eprintln!(
                "[{:8.3} s] profit {profit} proven optimal",
                elapsed.as_secs_f64()
            );
        }
        Progress::ExactGaveUp {
            solved_groups,
            elapsed,
        } => {
            eprintln!(
                "[{:8.3} s] exact search stopped ({solved_groups} trailing photographs solved), tabu search continues",
                elapsed.as_secs_f64()
            );
        }
        _ => {}
    };
    let res = spot5::solve(&inst, opts, &progress)?;
    std::fs::write(out, spot5::write_solution(&inst, &res.solution))
        .with_context(|| format!("writing {}", out.display()))?;
    let optimal = if res.proven_optimal {
        "proven"
    } else {
        "unknown"
    };
    match format {
        Format::Json => output::print_json(&serde_json::json!({
            "instance": file.display().to_string(),
            "profit": res.profit,
            "weight": res.weight,
            "selected": res.solution.selected(),
            "proven_optimal": res.proven_optimal,
            "time_s": res.elapsed.as_secs_f64(),
            "iterations": res.iterations,
            "out": out.display().to_string(),
        }))?,
        _ => output::print_text(&format!(
            "profit = {}, weight = {}, selected = {}, optimal = {optimal}, time = {:.2} s, iterations = {}",
            res.profit,
            res.weight,
            res.solution.selected(),
            res.elapsed.as_secs_f64(),
            res.iterations
        ))?,
    }
    Ok(())
}

fn check(format: Format, file: &std::path::Path, solution: &std::path::Path) -> anyhow::Result<()> {
    let inst = spot5::read_instance(file)?;
    let sol = spot5::read_solution(solution)?;
    let report = spot5::check::check_file(&inst, &sol);
    let violations: Vec<String> = report.violations.iter().map(ToString::to_string).collect();
    match format {
        Format::Json => output::print_json(&serde_json::json!({
            "profit": report.profit,
            "weight": report.weight,
            "selected": report.selected,
            "valid": report.is_valid(),
            "violations": violations,
            "warnings": report.warnings,
        }))?,
        _ => {
            let mut text = format!("profit = {}, weight = {}\n", report.profit, report.weight);
            for w in &report.warnings {
                text.push_str(&format!("warning: {w}\n"));
            }
            for v in &violations {
                text.push_str(&format!("violation: {v}\n"));
            }
            text.push_str(if report.is_valid() {
                "valid"
            } else {
                "invalid"
            });
            output::print_text(&text)?;
        }
    }
    if report.is_valid() {
        Ok(())
    } else {
        anyhow::bail!(
            "{}: {} violation(s)",
            solution.display(),
            report.violations.len()
        )
    }
}
