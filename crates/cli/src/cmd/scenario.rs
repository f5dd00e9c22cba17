//! `silkway scenario validate|show|schema|list`.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Subcommand;
use silkway_model::scenario::ScenarioFormat;
use silkway_model::{Scenario, builtin};

use crate::output::{self, Format};

/// Arguments of `silkway scenario`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// Check a scenario file; report every problem with file, line and field.
    Validate {
        /// Scenario files (TOML, or JSON by extension; `-` reads stdin).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print a scenario (built-in or file) as TOML, JSON or GeoJSON.
    Show {
        /// A built-in scenario by name (see `silkway scenario list`).
        #[arg(long, conflicts_with = "file")]
        builtin: Option<String>,
        /// A scenario file.
        file: Option<PathBuf>,
    },
    /// Print the JSON Schema of the scenario format.
    Schema,
    /// List the built-in scenarios.
    List,
}

/// Run `silkway scenario`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    match args.verb {
        Verb::Validate { files } => validate(ctx, &files),
        Verb::Show { builtin, file } => {
            let scenario = match (builtin, file) {
                (Some(name), _) => builtin::load(&name)?,
                (None, Some(path)) => load_file(&path)?,
                (None, None) => anyhow::bail!("name a scenario: --builtin caspian or a FILE"),
            };
            show(ctx, &scenario)
        }
        Verb::Schema => output::print_json(&Scenario::json_schema()),
        Verb::List => {
            let format = output::choose(ctx.format, &[Format::Table, Format::Json])?;
            let names = builtin::names();
            match format {
                Format::Json => output::print_json(&names),
                _ => output::print_text(&names.join("\n")),
            }
        }
    }
}

/// Read and validate a scenario file (`-` is stdin).
pub fn load_file(path: &std::path::Path) -> anyhow::Result<Scenario> {
    let origin = path.display().to_string();
    let text = if origin == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading the scenario from stdin")?
    } else {
        std::fs::read_to_string(path)
            .with_context(|| format!("cannot read scenario file {origin}"))?
    };
    Ok(Scenario::parse(
        &text,
        ScenarioFormat::from_file_name(&origin),
        &origin,
    )?)
}

fn validate(ctx: &super::Context, files: &[PathBuf]) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Table, Format::Json])?;
    let mut reports = Vec::new();
    let mut failed = 0;
    for path in files {
        let report = match load_file(path) {
            Ok(s) => serde_json::json!({
                "file": path.display().to_string(), "valid": true, "name": s.name,
                "counts": {
                    "organizations": s.organizations.len(), "satellites": s.satellites.len(),
                    "stations": s.stations.len(), "nodes": s.nodes.len(), "links": s.links.len(),
                    "assignments": s.assignments.len(), "sensors": s.sensors.len(), "demands": s.demands.len(),
                },
            }),
            Err(err) => {
                failed += 1;
                serde_json::json!({"file": path.display().to_string(), "valid": false, "error": format!("{err:#}")})
            }
        };
        reports.push(report);
    }
    match format {
        Format::Json => output::print_json(&reports)?,
        _ => {
            for r in &reports {
                if r["valid"] == true {
                    output::print_text(&format!(
                        "{}: valid scenario {:?} ({})",
                        r["file"].as_str().unwrap_or(""),
                        r["name"].as_str().unwrap_or(""),
                        summarize(&r["counts"])
                    ))?;
                } else {
                    eprintln!("{}", r["error"].as_str().unwrap_or(""));
                }
            }
        }
    }
    if failed > 0 {
        anyhow::bail!("{failed} of {} file(s) invalid", files.len());
    }
    Ok(())
}

fn summarize(counts: &serde_json::Value) -> String {
    counts
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| format!("{v} {k}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

fn show(ctx: &super::Context, scenario: &Scenario) -> anyhow::Result<()> {
    match output::choose(ctx.format, &[Format::Toml, Format::Json, Format::Geojson])? {
        Format::Json => output::print_text(&scenario.to_json()?),
        Format::Geojson => output::print_json(&scenario.to_geojson()),
        _ => output::print_text(&scenario.to_toml()?),
    }
}
