//! `silkway link budget|map`: satellite link budgets with ACM availability,
//! and attenuation maps toward a GEO satellite, on ITU-R P.618-13.

use std::path::PathBuf;

use anyhow::{Context as _, bail};
use clap::Subcommand;
use silkway_itur::Maps;
use std::ops::ControlFlow;

use silkway_itur::grid::GridPoint;
use silkway_link::map::{LinkAtPoint, MapSpec, attenuation_map, link_over_grid};
use silkway_link::{P618Fade, link_report_from_toml};

use crate::output::{self, Format};

/// Arguments of `silkway link`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Debug, Subcommand)]
#[command(allow_negative_numbers = true)]
enum Verb {
    /// Up/down/end-to-end budget of a link file, DVB-S2/S2X ACM availability
    /// over an average year (ITU-R P.618-13 fades). Format: crates/link/README.md.
    Budget {
        /// Link description (TOML).
        file: PathBuf,
    },
    /// Elevation and P.618-13 total attenuation over a lat/lon grid toward a
    /// GEO satellite (grid edges inclusive), as CSV or GeoJSON contour bands.
    Map(MapArgs),
}

#[derive(Debug, clap::Args)]
struct MapArgs {
    /// Longitude of the GEO satellite, degrees east.
    #[arg(long, allow_negative_numbers = true)]
    sat_lon: f64,
    /// Region as WEST,SOUTH,EAST,NORTH in degrees.
    #[arg(long, allow_negative_numbers = true)]
    bbox: String,
    /// Grid size as NLATxNLON (e.g. 100x100).
    #[arg(long)]
    grid: String,
    /// Frequency, GHz.
    #[arg(long)]
    f_ghz: f64,
    /// Percentage of an average year, %.
    #[arg(long)]
    p_pct: f64,
    /// Antenna diameter, m.
    #[arg(long)]
    d_m: f64,
    /// Antenna efficiency (0–1].
    #[arg(long, default_value_t = 0.65)]
    eta: f64,
    /// Polarization tilt relative to the horizontal, degrees (45: circular).
    #[arg(long, default_value_t = 45.0)]
    tau_deg: f64,
    /// Contour thresholds for GeoJSON, dB, comma-separated and increasing.
    #[arg(long, default_value = "0,1,2,3,4,6,8,10,15,20")]
    levels_db: String,
    /// A link file: add, per grid point taken as the downlink site, the
    /// clear-sky C/(N+I), the ACM availability and outage, and the mean
    /// throughput (CSV columns; the link file's own frequency and antenna).
    /// P.618 covers 0.001–50 % of the year, so availability reads 99.999 %
    /// (a lower bound) where the lowest MODCOD survives the 0.001 % fade.
    #[arg(long)]
    link: Option<PathBuf>,
}

/// Run `silkway link`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    match args.verb {
        Verb::Budget { file } => budget(ctx, &file),
        Verb::Map(m) => map(ctx, &m),
    }
}

fn budget(ctx: &super::Context, file: &std::path::Path) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Table, Format::Json])?;
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read link file {}", file.display()))?;
    let maps = Maps::global();
    maps.require_installed()?;
    let report = link_report_from_toml(&text, &P618Fade::new(maps))
        .with_context(|| format!("{}", file.display()))?;
    match format {
        Format::Json => output::print_json(&report),
        _ => output::print_text(&report.to_string()),
    }
}

/// `W,S,E,N` → (west, south, east, north).
fn parse_bbox(text: &str) -> anyhow::Result<[f64; 4]> {
    let v: Vec<f64> = text
        .split(',')
        .map(|s| s.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("--bbox {text:?}: expected four numbers WEST,SOUTH,EAST,NORTH"))?;
    let [w, s, e, n]: [f64; 4] = v.try_into().map_err(|_| {
        anyhow::anyhow!("--bbox {text:?}: expected four numbers WEST,SOUTH,EAST,NORTH")
    })?;
    if !(-90.0..=90.0).contains(&s) || !(-90.0..=90.0).contains(&n) || s >= n {
        bail!("--bbox {text:?}: need -90 <= SOUTH < NORTH <= 90");
    }
    if !(-180.0..=180.0).contains(&w) || !(-180.0..=180.0).contains(&e) || w >= e {
        bail!(
            "--bbox {text:?}: need -180 <= WEST < EAST <= 180 (split a region across the antimeridian in two)"
        );
    }
    Ok([w, s, e, n])
}

/// `NLATxNLON` → (nlat, nlon), each 1..=2000.
fn parse_grid(text: &str) -> anyhow::Result<(usize, usize)> {
    let bad = || {
        anyhow::anyhow!(
            "--grid {text:?}: expected NLATxNLON with 1..=2000 points each, e.g. 100x100"
        )
    };
    let (a, b) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let (nlat, nlon): (usize, usize) = (
        a.trim().parse().map_err(|_| bad())?,
        b.trim().parse().map_err(|_| bad())?,
    );
    if !(1..=2000).contains(&nlat) || !(1..=2000).contains(&nlon) {
        return Err(bad());
    }
    Ok((nlat, nlon))
}

fn parse_levels(text: &str) -> anyhow::Result<Vec<f64>> {
    text.split(',')
        .map(|s| s.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("--levels-db {text:?}: expected comma-separated numbers"))
}

fn map(ctx: &super::Context, m: &MapArgs) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Csv, Format::Geojson])?;
    let [w, s, e, n] = parse_bbox(&m.bbox)?;
    let (nlat, nlon) = parse_grid(&m.grid)?;
    let levels = parse_levels(&m.levels_db)?;
    let maps = Maps::global();
    maps.require_installed()?;
    let spec = MapSpec {
        sat_lon_deg: m.sat_lon,
        bbox_deg: [w, s, e, n],
        nlat,
        nlon,
        freq_ghz: m.f_ghz,
        p_pct: m.p_pct,
        d_m: m.d_m,
        eta: m.eta,
        tau_deg: m.tau_deg,
    };
    let started = std::time::Instant::now();
    let map = attenuation_map(maps, &spec, &|_, _| ControlFlow::Continue(()))?;
    tracing::info!(
        points = map.points.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "attenuation grid"
    );
    let link_figures = match &m.link {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read link file {}", path.display()))?;
            let file = silkway_link::LinkFile::from_toml_str(&text)
                .with_context(|| format!("{}", path.display()))?;
            Some(
                link_over_grid(maps, &file, &map.points, &|_, _| ControlFlow::Continue(()))
                    .with_context(|| format!("{}", path.display()))?,
            )
        }
        None => None,
    };
    match format {
        Format::Geojson => output::print_json(&map.isobands_geojson(&levels)?),
        _ => output::print_text(&csv(&map.points, link_figures.as_deref())),
    }
}

fn csv(points: &[GridPoint], link: Option<&[Option<LinkAtPoint>]>) -> String {
    let mut out = String::from(
        "lat,lon,elevation_deg,slant_range_km,a_gas_db,a_cloud_db,a_rain_db,a_scint_db,a_total_db",
    );
    if link.is_some() {
        out.push_str(",cnir_clear_db,availability_pct,outage_min_per_year,mean_throughput_mbps");
    }
    out.push('\n');
    for (i, p) in points.iter().enumerate() {
        let a = match p.attenuation {
            Some(a) => format!(
                "{:.6},{:.6},{:.6},{:.6},{:.6}",
                a.a_gas_db, a.a_cloud_db, a.a_rain_db, a.a_scint_db, a.a_total_db
            ),
            None => ",,,,".to_owned(),
        };
        out.push_str(&format!(
            "{:.6},{:.6},{:.4},{:.3},{a}",
            p.lat_deg, p.lon_deg, p.elevation_deg, p.slant_range_km
        ));
        match link.map(|l| l[i]) {
            Some(Some(f)) => out.push_str(&format!(
                ",{:.4},{:.6},{:.3},{:.4}",
                f.cnir_clear_db,
                f.availability_pct,
                f.outage_minutes_per_year,
                f.mean_throughput_mbps
            )),
            Some(None) => out.push_str(",,,,"),
            None => {}
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_and_grid_parsing() {
        assert_eq!(parse_bbox("44,36,60,48").unwrap(), [44.0, 36.0, 60.0, 48.0]);
        for bad in [
            "44,36,60",
            "60,36,44,48",
            "44,48,60,36",
            "a,b,c,d",
            "44,36,60,95",
        ] {
            assert!(parse_bbox(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_grid("100x50").unwrap(), (100, 50));
        for bad in ["100", "0x10", "10x", "3000x2", "axb"] {
            assert!(parse_grid(bad).is_err(), "{bad}");
        }
    }
}
