//! Output formats shared by every command.

use std::io::Write;

use anyhow::{Context as _, bail};
use serde::Serialize;

/// `--format` values. Each command accepts the subset that makes sense
/// for its data and rejects the others with a clear message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable table or report.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
    /// GeoJSON FeatureCollection (RFC 7946).
    Geojson,
    /// TOML (scenario files).
    Toml,
}

impl Format {
    /// The format's name as typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::Geojson => "geojson",
            Format::Toml => "toml",
        }
    }
}

/// Resolve the requested format against those a command supports;
/// `None` picks the first supported one.
pub fn choose(requested: Option<Format>, supported: &[Format]) -> anyhow::Result<Format> {
    match requested {
        None => Ok(supported[0]),
        Some(f) if supported.contains(&f) => Ok(f),
        Some(f) => {
            let names: Vec<_> = supported.iter().map(|s| s.name()).collect();
            bail!(
                "--format {} is not supported here; use one of: {}",
                f.name(),
                names.join(", ")
            )
        }
    }
}

/// Pretty JSON on stdout, newline-terminated.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).context("writing JSON to stdout")?;
    writeln!(out)?;
    Ok(())
}

/// Text on stdout as is.
pub fn print_text(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}
