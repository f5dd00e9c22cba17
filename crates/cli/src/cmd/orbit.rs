//! `silkway orbit ...`: element sets, propagation, look angles, passes,
//! eclipses, ground tracks. Parses, calls `silkway-orbit`, prints.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, bail};
use serde::Serialize;
use serde_json::json;
use silkway_analyses::orbit_states::{Frame as StateFrame, state_row};
use silkway_orbit::eclipse::eclipse_intervals;
use silkway_orbit::geo_look::{geo_look, visible_geo_arc};
use silkway_orbit::mask::ElevationMask;
use silkway_orbit::passes::{PassOptions, find_passes_many, sort_by_aos};
use silkway_orbit::scenario::scenario_element_sets;
use silkway_orbit::station::GroundStation;
use silkway_orbit::sun::sun_elevation_deg;
use silkway_orbit::track::{ground_track, track_geojson};
use silkway_orbit::{ElementSet, Satellite, UtcTime, parse_elements};

use crate::output::{self, Format};

/// Arguments of `silkway orbit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Passes (AOS, TCA, LOS) of satellites over ground stations.
    Passes(PassesArgs),
    /// Azimuth, elevation and range of satellites from a station at one time.
    Look(LookArgs),
    /// Propagate satellites over a time grid (TEME, ITRF or geodetic).
    Propagate(PropagateArgs),
    /// Eclipse (penumbra/umbra) intervals of satellites.
    Eclipse(WindowArgs),
    /// Ground tracks as GeoJSON, split at the antimeridian.
    Track(TrackArgs),
    /// Read element-set files (TLE, OMM JSON/CSV/XML) and report what was read and rejected.
    Import(ImportArgs),
    /// Look angles, polarization skew and visible arc toward a GEO slot.
    Geo(GeoArgs),
    /// Elevation of the Sun at a station.
    Sun(SunArgs),
}

#[derive(Debug, clap::Args)]
struct SatArgs {
    /// Element-set file (TLE/3LE, OMM JSON, CSV or XML); repeatable.
    #[arg(
        long = "tle",
        value_name = "FILE",
        required_unless_present = "scenario"
    )]
    tle: Vec<PathBuf>,
    /// Built-in scenario name (e.g. `caspian`) or scenario file: its
    /// satellites that carry an element set (in place of, or with, `--tle`).
    #[arg(long = "scenario", value_name = "NAME_OR_FILE")]
    scenario: Option<String>,
    /// Satellite name (title line, case-insensitive) or NORAD number; repeatable.
    /// Without it, every satellite in the files.
    #[arg(long = "sat", value_name = "NAME_OR_NORAD")]
    sat: Vec<String>,
}

#[derive(Debug, clap::Args)]
struct PassesArgs {
    #[command(flatten)]
    sats: SatArgs,
    /// Station as NAME:LAT,LON,ALT_M (degrees, metres); repeatable.
    #[arg(long = "station", required = true)]
    station: Vec<String>,
    /// Horizon mask as NAME=AZ/EL,AZ/EL,... (degrees); repeatable.
    #[arg(long = "mask")]
    mask: Vec<String>,
    /// Window start (RFC 3339).
    #[arg(long)]
    start: String,
    /// Window end (RFC 3339).
    #[arg(long)]
    end: String,
    /// Minimum elevation, degrees.
    #[arg(
        long = "min-elevation",
        default_value_t = 0.0,
        allow_negative_numbers = true
    )]
    min_elevation: f64,
    /// Use refracted (apparent) elevation.
    #[arg(long)]
    refraction: bool,
}

#[derive(Debug, clap::Args)]
struct LookArgs {
    #[command(flatten)]
    sats: SatArgs,
    /// Station as NAME:LAT,LON,ALT_M; repeatable.
    #[arg(long = "station", required = true)]
    station: Vec<String>,
    /// Time (RFC 3339).
    #[arg(long)]
    at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Frame {
    Teme,
    Itrf,
    Geodetic,
}

#[derive(Debug, clap::Args)]
struct PropagateArgs {
    #[command(flatten)]
    sats: SatArgs,
    /// Start (RFC 3339).
    #[arg(long)]
    start: String,
    /// End (RFC 3339).
    #[arg(long)]
    end: String,
    /// Step, seconds.
    #[arg(long = "step-s", default_value_t = 60.0)]
    step_s: f64,
    /// Output frame.
    #[arg(long, value_enum, default_value_t = Frame::Teme)]
    frame: Frame,
}

#[derive(Debug, clap::Args)]
struct WindowArgs {
    #[command(flatten)]
    sats: SatArgs,
    /// Start (RFC 3339).
    #[arg(long)]
    start: String,
    /// End (RFC 3339).
    #[arg(long)]
    end: String,
}

#[derive(Debug, clap::Args)]
struct TrackArgs {
    #[command(flatten)]
    window: WindowArgs,
    /// Step, seconds.
    #[arg(long = "step-s", default_value_t = 60.0)]
    step_s: f64,
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// Files to read.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct GeoArgs {
    /// Station as NAME:LAT,LON,ALT_M; repeatable.
    #[arg(long = "station", required = true)]
    station: Vec<String>,
    /// GEO slot longitude(s), degrees east; repeatable.
    #[arg(long = "lon", required = true, allow_negative_numbers = true)]
    lon: Vec<f64>,
    /// Minimum elevation for the visible arc, degrees.
    #[arg(
        long = "min-elevation",
        default_value_t = 5.0,
        allow_negative_numbers = true
    )]
    min_elevation: f64,
}

#[derive(Debug, clap::Args)]
struct SunArgs {
    /// Station as NAME:LAT,LON,ALT_M; repeatable.
    #[arg(long = "station", required = true)]
    station: Vec<String>,
    /// Time (RFC 3339).
    #[arg(long)]
    at: String,
}

/// Run `silkway orbit`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    match args.command {
        Command::Passes(a) => passes(ctx, a),
        Command::Look(a) => look(ctx, a),
        Command::Propagate(a) => propagate(ctx, a),
        Command::Eclipse(a) => eclipse(ctx, a),
        Command::Track(a) => track(ctx, a),
        Command::Import(a) => import(ctx, a),
        Command::Geo(a) => geo(ctx, a),
        Command::Sun(a) => sun(ctx, a),
    }
}

fn time(text: &str, what: &str) -> anyhow::Result<UtcTime> {
    UtcTime::parse_rfc3339(text).with_context(|| format!("--{what}"))
}

/// Read element sets from files; rejected records are warnings.
fn read_sets(files: &[PathBuf]) -> anyhow::Result<Vec<ElementSet>> {
    let mut sets = Vec::new();
    for path in files {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let report = parse_elements(&path.display().to_string(), &text);
        for e in &report.rejected {
            tracing::warn!("skipped: {e}");
        }
        sets.extend(report.sets);
    }
    Ok(sets)
}

/// Element sets of a scenario's satellites (those that carry one).
fn scenario_sets(key: &str) -> anyhow::Result<Vec<ElementSet>> {
    let scenario = if silkway_model::builtin::names().contains(&key) {
        silkway_model::builtin::load(key)?
    } else {
        let text = std::fs::read_to_string(key).with_context(|| {
            format!(
                "--scenario {key}: not a built-in scenario name ({}) nor a readable file",
                silkway_model::builtin::names().join(", ")
            )
        })?;
        silkway_model::Scenario::parse(
            &text,
            silkway_model::scenario::ScenarioFormat::from_file_name(key),
            key,
        )?
    };
    let (sets, without) = scenario_element_sets(&scenario, &format!("scenario {key}"))?;
    for id in without {
        tracing::info!("scenario satellite {id} has no element set; skipped");
    }
    Ok(sets.into_iter().map(|s| s.elements).collect())
}

/// Select by `--sat` (name or NORAD number) and initialise SGP4.
fn satellites(args: &SatArgs) -> anyhow::Result<Vec<Satellite>> {
    let mut sets = read_sets(&args.tle)?;
    if let Some(key) = &args.scenario {
        sets.extend(scenario_sets(key)?);
    }
    let chosen: Vec<ElementSet> = if args.sat.is_empty() {
        sets
    } else {
        let mut out = Vec::new();
        for want in &args.sat {
            let norad: Option<u32> = want.trim().parse().ok();
            let hits: Vec<&ElementSet> = sets
                .iter()
                .filter(|s| Some(s.norad_id) == norad || s.name.eq_ignore_ascii_case(want.trim()))
                .collect();
            if hits.is_empty() {
                bail!(
                    "--sat {want:?}: no such satellite (name or NORAD number) in the element files"
                );
            }
            out.extend(hits.into_iter().cloned());
        }
        out
    };
    if chosen.is_empty() {
        bail!("no element sets found in the given files or scenario");
    }
    let mut sats = Vec::new();
    for set in chosen {
        match Satellite::new(set) {
            Ok(s) => sats.push(s),
            Err(e) => tracing::warn!("skipped: {e}"),
        }
    }
    Ok(sats)
}

fn stations(specs: &[String], masks: &[String]) -> anyhow::Result<Vec<GroundStation>> {
    let mut stations: Vec<GroundStation> = specs
        .iter()
        .map(|s| GroundStation::parse(s))
        .collect::<Result<_, _>>()?;
    for m in masks {
        let (name, spec) = m
            .split_once('=')
            .with_context(|| format!("--mask {m:?}: expected NAME=AZ/EL,AZ/EL,..."))?;
        let mask = ElevationMask::parse(spec)?;
        let st = stations
            .iter_mut()
            .find(|s| s.name == name.trim())
            .with_context(|| format!("--mask {m:?}: no station named {name:?}"))?;
        st.mask = Some(mask);
    }
    Ok(stations)
}

/// CSV cell: quoted when needed.
fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Rows of JSON objects to CSV or an aligned table (columns from `keys`).
fn tabular(rows: &[serde_json::Value], keys: &[&str], csv: bool) -> String {
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(f) if !n.is_i64() && !n.is_u64() => format!("{f:.3}"),
            _ => n.to_string(),
        },
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| keys.iter().map(|k| text(&r[*k])).collect())
        .collect();
    let mut out = String::new();
    if csv {
        out.push_str(&keys.join(","));
        out.push('\n');
        for row in &cells {
            let line: Vec<String> = row.iter().map(|c| cell(c)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
        return out;
    }
    let mut widths: Vec<usize> = keys.iter().map(|k| k.len()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.len());
        }
    }
    let line = |vals: Vec<&str>| {
        let parts: Vec<String> = vals
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect();
        parts.join("  ").trim_end().to_owned() + "\n"
    };
    out.push_str(&line(keys.to_vec()));
    for row in &cells {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

fn emit(format: Format, rows: Vec<serde_json::Value>, keys: &[&str]) -> anyhow::Result<()> {
    match format {
        Format::Json => output::print_json(&rows),
        Format::Ndjson => {
            let mut text = String::new();
            for r in &rows {
                text.push_str(&serde_json::to_string(r)?);
                text.push('\n');
            }
            if text.is_empty() {
                return Ok(());
            }
            output::print_text(&text)
        }
        Format::Csv => output::print_text(&tabular(&rows, keys, true)),
        _ => output::print_text(&tabular(&rows, keys, false)),
    }
}

fn to_rows<T: Serialize>(items: &[T]) -> anyhow::Result<Vec<serde_json::Value>> {
    items
        .iter()
        .map(|i| serde_json::to_value(i).map_err(Into::into))
        .collect()
}

fn passes(ctx: &super::Context, a: PassesArgs) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Json, Format::Csv, Format::Table])?;
    let sats = satellites(&a.sats)?;
    let stations = stations(&a.station, &a.mask)?;
    let start = time(&a.start, "start")?;
    let end = time(&a.end, "end")?;
    let options = PassOptions {
        min_elevation_deg: a.min_elevation,
        refraction: a.refraction,
        ..Default::default()
    };
    let total = sats.len() * stations.len();
    let done = AtomicUsize::new(0);
    let show = total >= 500 && std::io::stderr().is_terminal();
    let progress = || {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if show && (n % (total / 100).max(1) == 0 || n == total) {
            eprint!("\rpasses: {n}/{total} satellite-station pairs");
            if n == total {
                eprintln!();
            }
        }
    };
    let results = find_passes_many(&sats, &stations, start, end, &options, &progress);
    let mut all = Vec::new();
    let mut failed = 0;
    for r in results {
        match r.passes {
            Ok(p) => all.extend(p),
            Err(e) => {
                failed += 1;
                eprintln!("warning: {e}");
            }
        }
    }
    if failed == total {
        bail!("every satellite-station pair failed");
    }
    sort_by_aos(&mut all);
    if format == Format::Json {
        return output::print_json(&all);
    }
    emit(
        format,
        to_rows(&all)?,
        &[
            "satellite",
            "norad_id",
            "station",
            "aos",
            "tca",
            "los",
            "max_elevation_deg",
            "aos_azimuth_deg",
            "los_azimuth_deg",
            "in_progress_at_start",
            "in_progress_at_end",
        ],
    )
}

fn look(ctx: &super::Context, a: LookArgs) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Json, Format::Csv, Format::Table])?;
    let sats = satellites(&a.sats)?;
    let stations = stations(&a.station, &[])?;
    let at = time(&a.at, "at")?;
    let mut rows = Vec::new();
    for st in &stations {
        for sat in &sats {
            match st.observer.look(sat, at) {
                Ok(aer) => rows.push(json!({
                    "satellite": sat.name(),
                    "norad_id": sat.norad_id(),
                    "station": st.name,
                    "time": at,
                    "azimuth_deg": aer.azimuth_deg,
                    "elevation_deg": aer.elevation_deg,
                    "range_km": aer.range_km,
                    "range_rate_km_s": aer.range_rate_km_s,
                })),
                Err(e) => eprintln!("warning: {e}"),
            }
        }
    }
    emit(
        format,
        rows,
        &[
            "satellite",
            "norad_id",
            "station",
            "time",
            "azimuth_deg",
            "elevation_deg",
            "range_km",
            "range_rate_km_s",
        ],
    )
}

fn grid(start: UtcTime, end: UtcTime, step_s: f64) -> anyhow::Result<Vec<UtcTime>> {
    let span = end.seconds_since(start);
    if span.is_nan() || span < 0.0 || step_s.is_nan() || step_s <= 0.0 {
        bail!("need --start <= --end and a positive --step-s");
    }
    let n = (span / step_s).floor() as usize;
    if n > 50_000_000 {
        bail!("{n} steps: too many; use a larger --step-s");
    }
    Ok((0..=n)
        .map(|i| start.plus_seconds(i as f64 * step_s))
        .collect())
}

fn propagate(ctx: &super::Context, a: PropagateArgs) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Csv, Format::Ndjson])?;
    let sats = satellites(&a.sats)?;
    let times = grid(time(&a.start, "start")?, time(&a.end, "end")?, a.step_s)?;
    let keys: &[&str] = match a.frame {
        Frame::Teme | Frame::Itrf => &[
            "satellite",
            "norad_id",
            "time",
            "x_km",
            "y_km",
            "z_km",
            "vx_km_s",
            "vy_km_s",
            "vz_km_s",
        ],
        Frame::Geodetic => &[
            "satellite",
            "norad_id",
            "time",
            "lat_deg",
            "lon_deg",
            "height_km",
        ],
    };
    let mut rows = Vec::new();
    for sat in &sats {
        for &t in &times {
            let state = match sat.propagate(t) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("warning: {e}");
                    break;
                }
            };
            let frame = match a.frame {
                Frame::Teme => StateFrame::Teme,
                Frame::Itrf => StateFrame::Itrf,
                Frame::Geodetic => StateFrame::Geodetic,
            };
            let row = state_row(sat, t, &state, frame);
            rows.push(row);
        }
    }
    if format == Format::Csv {
        // Full precision in CSV for machine use.
        let mut out = keys.join(",") + "\n";
        for r in &rows {
            let line: Vec<String> = keys
                .iter()
                .map(|k| match &r[*k] {
                    serde_json::Value::String(s) => cell(s),
                    v => v.to_string(),
                })
                .collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
        return output::print_text(&out);
    }
    emit(format, rows, keys)
}

fn eclipse(ctx: &super::Context, a: WindowArgs) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Json, Format::Csv, Format::Table])?;
    let sats = satellites(&a.sats)?;
    let start = time(&a.start, "start")?;
    let end = time(&a.end, "end")?;
    let mut rows = Vec::new();
    for sat in &sats {
        match eclipse_intervals(sat, start, end) {
            Ok(list) => {
                for i in list {
                    rows.push(json!({
                        "satellite": sat.name(), "norad_id": sat.norad_id(),
                        "kind": i.kind, "start": i.start, "end": i.end,
                        "duration_s": i.end.seconds_since(i.start),
                        "in_progress_at_start": i.in_progress_at_start,
                        "in_progress_at_end": i.in_progress_at_end,
                    }));
                }
            }
            Err(e) => eprintln!("warning: {e}"),
        }
    }
    emit(
        format,
        rows,
        &[
            "satellite",
            "norad_id",
            "kind",
            "start",
            "end",
            "duration_s",
            "in_progress_at_start",
            "in_progress_at_end",
        ],
    )
}

fn track(ctx: &super::Context, a: TrackArgs) -> anyhow::Result<()> {
    output::choose(ctx.format, &[Format::Geojson])?;
    let sats = satellites(&a.window.sats)?;
    let start = time(&a.window.start, "start")?;
    let end = time(&a.window.end, "end")?;
    let mut features = Vec::new();
    for sat in &sats {
        match ground_track(sat, start, end, a.step_s) {
            Ok(points) => features.push(track_geojson(
                &points,
                json!({"satellite": sat.name(), "norad_id": sat.norad_id(),
                       "start": start, "end": end, "step_s": a.step_s}),
            )),
            Err(e) => eprintln!("warning: {e}"),
        }
    }
    output::print_json(&json!({"type": "FeatureCollection", "features": features}))
}

fn import(ctx: &super::Context, a: ImportArgs) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Table, Format::Json])?;
    let mut reports = Vec::new();
    for path in &a.files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?;
        let report = parse_elements(&name, &text);
        reports.push(json!({
            "file": name,
            "format": format!("{:?}", silkway_orbit::omm::detect_format(&text)),
            "read": report.sets.len(),
            "rejected": report.rejected.len(),
            "satellites": report.sets.iter().map(|s| json!({
                "satellite": s.name, "norad_id": s.norad_id, "epoch": s.epoch})).collect::<Vec<_>>(),
            "errors": report.rejected.iter().map(ToString::to_string).collect::<Vec<_>>(),
        }));
    }
    if format == Format::Json {
        return output::print_json(&reports);
    }
    let mut text = String::new();
    for r in &reports {
        text.push_str(&format!(
            "{}: {} format, {} read, {} rejected\n",
            r["file"].as_str().unwrap_or_default(),
            r["format"].as_str().unwrap_or_default(),
            r["read"],
            r["rejected"]
        ));
        for e in r["errors"].as_array().into_iter().flatten() {
            text.push_str(&format!("  rejected: {}\n", e.as_str().unwrap_or_default()));
        }
    }
    output::print_text(&text)
}

fn geo(ctx: &super::Context, a: GeoArgs) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Json, Format::Csv, Format::Table])?;
    let stations = stations(&a.station, &[])?;
    let mut rows = Vec::new();
    for st in &stations {
        let arc = visible_geo_arc(&st.observer, a.min_elevation);
        for &lon in &a.lon {
            let l = geo_look(&st.observer, lon);
            rows.push(json!({
                "station": st.name, "satellite_lon_deg": lon,
                "azimuth_deg": l.azimuth_deg, "elevation_deg": l.elevation_deg,
                "range_km": l.range_km, "polarization_skew_deg": l.polarization_skew_deg,
                "arc_west_lon_deg": arc.map(|x| x.0), "arc_east_lon_deg": arc.map(|x| x.1),
            }));
        }
    }
    emit(
        format,
        rows,
        &[
            "station",
            "satellite_lon_deg",
            "azimuth_deg",
            "elevation_deg",
            "range_km",
            "polarization_skew_deg",
            "arc_west_lon_deg",
            "arc_east_lon_deg",
        ],
    )
}

fn sun(ctx: &super::Context, a: SunArgs) -> anyhow::Result<()> {
    let format = output::choose(ctx.format, &[Format::Json, Format::Csv, Format::Table])?;
    let at = time(&a.at, "at")?;
    let rows = stations(&a.station, &[])?
        .iter()
        .map(|st| json!({"station": st.name, "time": at, "sun_elevation_deg": sun_elevation_deg(&st.observer, at)}))
        .collect();
    emit(format, rows, &["station", "time", "sun_elevation_deg"])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iss() -> Satellite {
        let text = "ISS (ZARYA)\n\
1 25544U 98067A   24001.50000000  .00016717  00000-0  10270-3 0  9997\n\
2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.49815350434157\n";
        Satellite::new(parse_elements("iss", text).sets.remove(0)).unwrap()
    }

    #[test]
    fn pass_json_has_the_contract_fields() {
        let baku = GroundStation::parse("Baku:40.41,49.87,0").unwrap();
        let start = UtcTime::parse_rfc3339("2024-01-01T12:00:00Z").unwrap();
        let options = PassOptions {
            min_elevation_deg: 10.0,
            ..Default::default()
        };
        let results = find_passes_many(
            &[iss()],
            &[baku],
            start,
            start.plus_seconds(86_400.0),
            &options,
            &|| {},
        );
        let passes = results[0].passes.as_ref().unwrap();
        assert!(!passes.is_empty());
        let v = serde_json::to_value(&passes[0]).unwrap();
        for key in [
            "satellite",
            "norad_id",
            "station",
            "aos",
            "tca",
            "los",
            "max_elevation_deg",
            "aos_azimuth_deg",
            "los_azimuth_deg",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["satellite"], "ISS (ZARYA)");
        assert_eq!(v["norad_id"], 25544);
        let aos = v["aos"].as_str().unwrap();
        assert_eq!(aos.len(), "2024-01-01T12:00:00.000Z".len(), "{aos}");
        assert!(aos.ends_with('Z'));
    }

    #[test]
    fn csv_and_table_output() {
        let rows = vec![json!({"satellite": "A, B", "range_km": 1.23456, "norad_id": 7})];
        let csv = tabular(&rows, &["satellite", "norad_id", "range_km"], true);
        assert_eq!(csv, "satellite,norad_id,range_km\n\"A, B\",7,1.235\n");
        let table = tabular(&rows, &["satellite", "range_km"], false);
        assert!(table.starts_with("satellite  range_km\n"));
    }

    #[test]
    fn caspian_scenario_satellites_propagate() {
        let sets = scenario_sets("caspian").unwrap();
        assert!(
            sets.iter().any(|s| s.norad_id == 39079),
            "AZERSPACE 1 missing"
        );
        for set in sets {
            let sat = Satellite::new(set).unwrap();
            sat.propagate_minutes(0.0).unwrap();
        }
        assert!(scenario_sets("no-such-scenario-file.toml").is_err());
    }

    #[test]
    fn masks_attach_to_named_stations() {
        let st = stations(&["Baku:40.41,49.87,0".into()], &["Baku=0/5,180/20".into()]).unwrap();
        assert!(st[0].mask.is_some());
        assert!(stations(&["Baku:40.41,49.87,0".into()], &["Nowhere=0/5".into()]).is_err());
    }
}
