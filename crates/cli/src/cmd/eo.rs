//! `silkway eo ...`: Earth observation: `access` (imaging opportunities
//! over areas of interest), `plan` (acquisition and downlink planning) and
//! the SPOT5 benchmark:
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
    /// Imaging access: per pass, the roll, strips, footprints, incidence,
    /// sun elevation and coverage of areas of interest.
    Access(super::eo_access::AccessArgs),
    /// Downlink contacts over the receiving stations (masks, allocated
    /// station time, data volume).
    Contacts(super::eo_contacts::ContactsArgs),
    /// Plan acquisitions and downlinks for tasking requests (checked by the
    /// independent plan checker before it is printed).
    Plan(super::eo_plan::PlanArgs),
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
        /// Tabu iterations per worker: with it, a run is reproducible for a
        /// seed and thread count on any machine (the time limit still applies).
        #[arg(long)]
        max_iterations: Option<u64>,
        /// Share of the time the exact search may use first (tuning aid).
        #[arg(long, default_value_t = 0.5, hide = true)]
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
    if let Command::Access(a) = &args.command {
        let format = output::choose(ctx.format, super::eo_access::FORMATS)?;
        return super::eo_access::run(format, a);
    }
    if let Command::Contacts(a) = &args.command {
        let format = output::choose(ctx.format, super::eo_contacts::FORMATS)?;
        return super::eo_contacts::run(format, a);
    }
    if let Command::Plan(a) = &args.command {
        let format = output::choose(ctx.format, super::eo_plan::FORMATS)?;
        return super::eo_plan::run(format, a);
    }
    let format = output::choose(ctx.format, FORMATS)?;
    match args.command {
        Command::Access(_) | Command::Contacts(_) | Command::Plan(_) => {
            unreachable!("handled above")
        }
        Command::Spot5(Spot5::Solve {
            file,
            time_limit,
            seed,
            threads,
            exact_share,
            max_iterations,
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
            opts.max_iterations = max_iterations;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn testdata(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../eo/testdata/spot5")
            .join(name)
    }

    fn args(command: Spot5) -> Args {
        Args {
            command: Command::Spot5(command),
        }
    }

    #[test]
    fn solve_then_check() {
        let ctx = super::super::Context { format: None };
        let out = std::env::temp_dir().join(format!(
            "silkway-eo-test-{}.spot_sol.txt",
            std::process::id()
        ));
        run(
            &ctx,
            args(Spot5::Solve {
                file: testdata("54.spot"),
                time_limit: 5.0,
                seed: 1,
                threads: Some(2),
                exact_share: 0.5,
                max_iterations: None,
                out: out.clone(),
            }),
        )
        .unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with("profit = 70, weight = 0\n"), "{text}");
        run(
            &ctx,
            args(Spot5::Check {
                file: testdata("54.spot"),
                solution: out.clone(),
            }),
        )
        .unwrap();
        // An invalid solution (photograph 0 given a value outside its
        // options) makes `check` fail, hence a non-zero exit.
        let mut lines: Vec<&str> = text.lines().collect();
        lines[3] = "7";
        std::fs::write(&out, lines.join("\n")).unwrap();
        let err = run(
            &ctx,
            args(Spot5::Check {
                file: testdata("54.spot"),
                solution: out.clone(),
            }),
        );
        assert!(err.is_err());
        let _ = std::fs::remove_file(&out);
    }

    #[test]
    fn bad_time_limit_and_missing_file_are_errors() {
        let ctx = super::super::Context { format: None };
        let solve = |file: &str, time_limit: f64| {
            run(
                &ctx,
                args(Spot5::Solve {
                    file: testdata(file),
                    time_limit,
                    seed: 0,
                    threads: Some(1),
                    exact_share: 0.5,
                    max_iterations: Some(100),
                    out: std::env::temp_dir().join("silkway-eo-unused.txt"),
                }),
            )
        };
        assert!(solve("54.spot", f64::NAN).is_err());
        assert!(solve("54.spot", -1.0).is_err());
        let e = solve("no-such.spot", 1.0).unwrap_err().to_string();
        assert!(e.contains("no-such.spot"), "{e}");
    }
}
