//! `silkway data ...`: install and inspect the data silkway needs at run
//! time (the ITU-R digital maps).

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Subcommand;
use serde::Serialize;
use silkway_itur::maps::{self, Maps, install::InstallSource};

use crate::output::{self, Format};

/// Arguments of `silkway data`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Install a data set into the local cache.
    Install(InstallArgs),
    /// Show where the data sets live and whether they are installed.
    Status,
}

#[derive(Debug, clap::Args)]
struct InstallArgs {
    /// What to install.
    #[arg(value_enum)]
    what: What,
    /// Download the `itur` 0.4.0 wheel from PyPI with pip (the default).
    #[arg(long, conflicts_with = "from")]
    from_pypi: bool,
    /// A folder with an itur-*.whl wheel or an unpacked ITU-Rpy `data`
    /// folder, or the wheel file itself.
    #[arg(long, value_name = "DIR")]
    from: Option<PathBuf>,
    /// Cache folder (default: $SILKWAY_DATA/itu-maps or the platform data
    /// directory).
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Reinstall even if the maps are already there.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum What {
    /// ITU-R digital maps (P.453, P.836, P.837, P.839, P.840, P.1510, P.1511).
    ItuMaps,
}

#[derive(Serialize)]
struct Report {
    dataset: &'static str,
    dir: PathBuf,
    installed: bool,
    maps: usize,
    bytes_written: u64,
    source: String,
    already_installed: bool,
}

/// Run `silkway data`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Table, Format::Json])?;
    match args.cmd {
        Cmd::Install(a) => {
            let What::ItuMaps = a.what;
            let dir = a.dir.unwrap_or_else(maps::default_dir);
            let source = match a.from {
                Some(p) => InstallSource::Path(p),
                None => InstallSource::PyPi,
            };
            if !a.force && Maps::open(&dir).is_installed() {
                tracing::info!("ITU-R maps already installed in {}", dir.display());
            } else {
                eprintln!("installing ITU-R maps into {} ...", dir.display());
            }
            let r = maps::install::install(&source, &dir, a.force)
                .with_context(|| format!("installing the ITU-R maps into {}", dir.display()))?;
            let report = Report {
                dataset: "itu-maps",
                dir: r.dir,
                installed: true,
                maps: r.maps,
                bytes_written: r.bytes,
                source: r.source,
                already_installed: r.already_installed,
            };
            print(format, &report)
        }
        Cmd::Status => {
            let m = Maps::open_default();
            let report = Report {
                dataset: "itu-maps",
                dir: m.dir().to_path_buf(),
                installed: m.is_installed(),
                maps: if m.is_installed() { maps::MAP_COUNT } else { 0 },
                bytes_written: 0,
                source: String::new(),
                already_installed: m.is_installed(),
            };
            print(format, &report)
        }
    }
}

fn print(format: Format, r: &Report) -> anyhow::Result<()> {
    match format {
        Format::Json => output::print_json(r),
        _ => {
            let state = if !r.installed {
                format!("not installed; run `{}`", silkway_itur::INSTALL_HINT)
            } else if r.already_installed {
                "installed (nothing to do)".to_string()
            } else {
                format!(
                    "installed {} maps ({:.1} MB) from {}",
                    r.maps,
                    r.bytes_written as f64 / 1e6,
                    r.source
                )
            };
            output::print_text(&format!("{}: {}\n  {}", r.dataset, r.dir.display(), state))
        }
    }
}
