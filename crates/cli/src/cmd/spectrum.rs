//! `silkway spectrum interference|border|coordination-distance|dtt|montecarlo|pattern`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use clap::{Subcommand, ValueEnum};
use silkway_analyses::coordination::{
    CoordinationRequest, ZonesChoice, coordination_distance as coordination_distance_of,
};
use silkway_model::{Scenario, builtin};
use silkway_spectrum::border::{self, Border, Trigger};
use silkway_spectrum::coordination::{EarthStationRole, ParameterTable};
use silkway_spectrum::dtt::DttInput;
use silkway_spectrum::interference::{self, Options, VictimReport};
use silkway_spectrum::montecarlo::McConfig;
use silkway_spectrum::triggers::TriggerTable;
use silkway_spectrum::{FreeSpace, P452PathLoss, PathLoss, PatternKind, PatternSpec};

use crate::output::{self, Format};

/// Arguments of `silkway spectrum`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FsPattern {
    /// ITU-R F.699-8 (peak envelope, single entry).
    F699,
    /// ITU-R F.1245-3 (average, aggregate).
    F1245,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum EsPattern {
    /// ITU-R S.465-6.
    S465,
    /// ITU-R S.580-6 (D/λ ≥ 50).
    S580,
    /// RR App. 8 earth-station pattern (A = 29).
    App8,
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Verb {
    /// Interference into receive assignments of a scenario: I per interferer,
    /// I/N, C/I, C/(N+I), aggregate (free-space or P.452-18 path loss).
    Interference {
        /// A built-in scenario name (`caspian`) or a scenario file.
        #[arg(long, default_value = "caspian")]
        scenario: String,
        /// Victim receive assignment id (default: every receive assignment).
        #[arg(long)]
        victim: Option<String>,
        /// Wanted transmit assignment of the victim (gives C).
        #[arg(long, requires = "victim")]
        wanted: Option<String>,
        /// Wanted carrier at the victim's antenna output, dBW (overrides --wanted).
        #[arg(long, allow_hyphen_values = true)]
        c_dbw: Option<f64>,
        /// Time percentage for the path-loss model, %.
        #[arg(long, default_value_t = 20.0)]
        p_pct: f64,
        /// Pattern of terrestrial stations.
        #[arg(long, value_enum, default_value = "f699")]
        fs_pattern: FsPattern,
        /// Pattern of earth stations.
        #[arg(long, value_enum, default_value = "s465")]
        es_pattern: EsPattern,
        /// Ignore interferers farther than this, km.
        #[arg(long)]
        max_distance_km: Option<f64>,
        #[command(flatten)]
        model: PathLossArgs,
    },
    /// Worst field strength on the Azerbaijan–Iran border (Natural Earth) from
    /// each transmit assignment, against a trigger; who must coordinate.
    Border {
        /// A built-in scenario name (`caspian`) or a scenario file.
        #[arg(long, default_value = "caspian")]
        scenario: String,
        /// Fixed trigger, dB(µV/m) (default: derived from the other side's
        /// overlapping receive assignments at I/N = --i-over-n-db).
        #[arg(long, allow_hyphen_values = true)]
        trigger_dbuv_m: Option<f64>,
        /// One I/N criterion for every band, dB (overrides the rule table).
        #[arg(long, allow_hyphen_values = true)]
        i_over_n_db: Option<f64>,
        /// Trigger rules per band (TOML, or JSON if the name ends in .json; format of
        /// crates/spectrum/data/triggers.toml;
        /// default: those built in, sources in docs/spectrum-triggers.md).
        #[arg(long)]
        triggers: Option<PathBuf>,
        /// Time percentage for the path-loss model, %.
        #[arg(long, default_value_t = 20.0)]
        p_pct: f64,
        /// Border sampling step, km.
        #[arg(long, default_value_t = 1.0)]
        step_km: f64,
        /// Receiving height on the border, m.
        #[arg(long, default_value_t = 10.0)]
        height_m: f64,
        #[command(flatten)]
        model: PathLossArgs,
    },
    /// RR Appendix 7 coordination distance and contour of an earth station,
    /// propagation mode (1), at every azimuth.
    CoordinationDistance {
        /// A built-in scenario name (`caspian`) or a scenario file.
        #[arg(long, default_value = "caspian")]
        scenario: String,
        /// The earth-station assignment (default az-baku-uplink-6g unless --lat/--lon).
        #[arg(long)]
        assignment: Option<String>,
        /// Earth-station latitude, degrees (with --lon: a station given by hand).
        #[arg(long, allow_hyphen_values = true, requires_all = ["lon", "freq_mhz", "gain_dbi", "role"])]
        lat: Option<f64>,
        /// Earth-station longitude, degrees.
        #[arg(long, allow_hyphen_values = true)]
        lon: Option<f64>,
        /// Frequency, MHz.
        #[arg(long)]
        freq_mhz: Option<f64>,
        /// Boresight gain, dBi.
        #[arg(long)]
        gain_dbi: Option<f64>,
        /// Main-beam azimuth, degrees (or give --sat-lon-deg).
        #[arg(long)]
        pointing_az_deg: Option<f64>,
        /// Longitude of the GSO satellite the antenna points at, degrees east
        /// (sets the main-beam azimuth and elevation).
        #[arg(long, allow_hyphen_values = true, conflicts_with_all = ["pointing_az_deg", "pointing_el_deg"])]
        sat_lon_deg: Option<f64>,
        /// Main-beam elevation, degrees.
        #[arg(long)]
        pointing_el_deg: Option<f64>,
        /// transmit or receive.
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
        /// Transmitting: power at the antenna input in the reference bandwidth, dBW.
        #[arg(long, allow_hyphen_values = true)]
        power_dbw: Option<f64>,
        /// Receiving: system noise temperature, K.
        #[arg(long)]
        noise_temp_k: Option<f64>,
        /// System-parameter table (TOML, format of crates/spectrum/data/app7_parameters.toml).
        #[arg(long)]
        params: Option<PathBuf>,
        /// Use this entry of the table (default: the one whose band holds the frequency).
        #[arg(long)]
        entry: Option<String>,
        /// Time percentage, % (default p0/n of the entry).
        #[arg(long)]
        p_pct: Option<f64>,
        /// Azimuth step, degrees.
        #[arg(long, default_value_t = 5.0)]
        azimuth_step_deg: f64,
        /// Distance step, km.
        #[arg(long, default_value_t = 1.0)]
        step_km: f64,
        /// Horizon elevations `az:el,az:el,...` degrees (default 0° all round).
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        horizon: String,
        /// Zones: from Natural Earth land polygons (`map`) or one zone everywhere.
        #[arg(long, value_enum, default_value = "map")]
        zones: ZonesArg,
        /// ΔN, N-units/km (P.453; default typical mid-latitude value).
        #[arg(long, default_value_t = 45.0)]
        delta_n: f64,
        /// N0, N-units.
        #[arg(long, default_value_t = 325.0)]
        n0: f64,
        /// Earth-station antenna height above ground, m.
        #[arg(long, default_value_t = 10.0)]
        es_height_m: f64,
        /// Terrestrial antenna height above ground, m.
        #[arg(long, default_value_t = 30.0)]
        terrestrial_height_m: f64,
        /// Earth-station horizon distance, km.
        #[arg(long, default_value_t = 0.5)]
        es_horizon_km: f64,
    },
    /// RR Appendix 8 ΔT/T between two GSO networks, from a TOML file
    /// (format: crates/spectrum/examples/dtt_example.toml).
    Dtt {
        /// The case file.
        file: PathBuf,
    },
    /// Monte Carlo aggregate interference from a TOML file
    /// (format: crates/spectrum/examples/montecarlo_border.toml).
    Montecarlo {
        /// The configuration file.
        file: PathBuf,
        /// Override the number of events.
        #[arg(long)]
        events: Option<u64>,
        /// Override the seed.
        #[arg(long)]
        seed: Option<u64>,
        /// Override the batch size (changes the sample, not the threads).
        #[arg(long)]
        batch_size: Option<u64>,
        /// Worker threads (default: all cores); results do not depend on it.
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Gain of a reference pattern at off-axis angles.
    Pattern {
        /// Recommendation.
        #[arg(long, value_enum)]
        kind: KindArg,
        /// Frequency, GHz.
        #[arg(long)]
        freq_ghz: f64,
        /// Boresight gain, dBi.
        #[arg(long)]
        gain_dbi: Option<f64>,
        /// Diameter, m.
        #[arg(long)]
        diameter_m: Option<f64>,
        /// Aperture efficiency (default 0.7).
        #[arg(long)]
        efficiency: Option<f64>,
        /// Half 3 dB beamwidth, degrees (S.1528, S.672).
        #[arg(long)]
        half_beamwidth_deg: Option<f64>,
        /// LN (S.1528) or Ls (S.672), dB.
        #[arg(long, allow_hyphen_values = true)]
        sidelobe_db: Option<f64>,
        /// Side-lobe coefficient A: 32 = App. 8 (default), 29 = App. 30B improved side lobe.
        #[arg(long)]
        coef_a: Option<f64>,
        /// Off-axis angles, degrees, comma-separated.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "0,1,2,5,10,20,30,48,90,180"
        )]
        angles: Vec<f64>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoleArg {
    Transmit,
    Receive,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ZonesArg {
    /// Natural Earth 4.1.0 land 1:50m around the Caspian.
    Map,
    /// All coastal land.
    A1,
    /// All inland.
    A2,
    /// All sea.
    B,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KindArg {
    S465,
    S580,
    F699,
    F1245,
    App8,
    S1528,
    S672,
}

/// Path-loss model of `interference` and `border`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum PathLossModel {
    /// Free space, ITU-R P.525-4.
    FreeSpace,
    /// ITU-R P.452-18 over a great-circle profile (P.1511-2 terrain,
    /// Natural Earth zones; needs the ITU-R maps, --dn and --n0).
    P452,
}

#[derive(Debug, clap::Args)]
struct PathLossArgs {
    /// Path-loss model.
    #[arg(long, value_enum, default_value = "free-space")]
    path_loss: PathLossModel,
    /// ΔN for P.452 (N-units/km): average lapse-rate through the lowest
    /// 1 km at the path centres (P.452-18 Fig. 1; the DN50 map is not in
    /// the installed ITU-R maps).
    #[arg(long, allow_hyphen_values = true)]
    dn: Option<f64>,
    /// N0 for P.452 (N-units): sea-level surface refractivity (P.452-18 Fig. 2).
    #[arg(long, allow_hyphen_values = true)]
    n0: Option<f64>,
}

impl PathLossArgs {
    fn build(&self) -> anyhow::Result<Box<dyn PathLoss>> {
        match (self.path_loss, self.dn, self.n0) {
            (PathLossModel::FreeSpace, None, None) => Ok(Box::new(FreeSpace)),
            (PathLossModel::FreeSpace, _, _) => {
                anyhow::bail!("--dn and --n0 apply to --path-loss p452 only")
            }
            (PathLossModel::P452, Some(dn), Some(n0)) => Ok(Box::new(P452PathLoss::new(dn, n0)?)),
            (PathLossModel::P452, _, _) => anyhow::bail!(
                "--path-loss p452 needs --dn and --n0 (P.452-18 Figs. 1-2 at the path centres; the DN50/N050 maps are not in the installed ITU-R maps)"
            ),
        }
    }
}

/// Run `silkway spectrum`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    let format = if matches!(args.verb, Verb::CoordinationDistance { .. }) {
        output::choose(ctx.format, &[Format::Table, Format::Json, Format::Geojson])?
    } else {
        output::choose(ctx.format, &[Format::Table, Format::Json])?
    };
    match args.verb {
        v @ Verb::CoordinationDistance { .. } => coordination_distance(v, format),
        Verb::Interference {
            scenario,
            victim,
            wanted,
            c_dbw,
            p_pct,
            fs_pattern,
            es_pattern,
            max_distance_km,
            model,
        } => {
            let path_loss = model.build()?;
            let s = load_scenario(&scenario)?;
            let opts = Options {
                p_pct,
                terrestrial_pattern: match fs_pattern {
                    FsPattern::F699 => PatternKind::F699,
                    FsPattern::F1245 => PatternKind::F1245,
                },
                earth_station_pattern: match es_pattern {
                    EsPattern::S465 => PatternKind::S465,
                    EsPattern::S580 => PatternKind::S580,
                    EsPattern::App8 => PatternKind::App8,
                },
                max_distance_km,
                wanted,
                c_dbw,
            };
            let reports = match victim {
                Some(v) => vec![interference::analyze_victim(
                    &s,
                    &v,
                    path_loss.as_ref(),
                    &opts,
                )?],
                None => interference::analyze_all(&s, path_loss.as_ref(), &opts)?,
            };
            match format {
                Format::Json => output::print_json(&reports),
                _ => output::print_text(&interference_table(&reports)),
            }
        }
        Verb::Border {
            scenario,
            trigger_dbuv_m,
            i_over_n_db,
            triggers,
            p_pct,
            step_km,
            height_m,
            model,
        } => {
            let path_loss = model.build()?;
            let s = load_scenario(&scenario)?;
            let border = Border::azerbaijan_iran()?;
            let opts = Options {
                p_pct,
                ..Options::default()
            };
            let fixed = match (trigger_dbuv_m, i_over_n_db) {
                (Some(dbuv_m), _) => Some(Trigger::FieldStrength { dbuv_m }),
                (None, Some(i_over_n_db)) => Some(Trigger::FromRegister { i_over_n_db }),
                _ => None,
            };
            let r = match fixed {
                Some(t) => {
                    border::screen(&s, &border, path_loss.as_ref(), t, &opts, step_km, height_m)?
                }
                None => {
                    let table = match &triggers {
                        Some(f) if f.extension().is_some_and(|e| e == "json") => {
                            TriggerTable::from_json(&read(f)?, &f.display().to_string())?
                        }
                        Some(f) => TriggerTable::from_toml(&read(f)?, &f.display().to_string())?,
                        None => TriggerTable::builtin()?,
                    };
                    border::screen_with_table(
                        &s,
                        &border,
                        path_loss.as_ref(),
                        &table,
                        &opts,
                        step_km,
                        height_m,
                    )?
                }
            };
            match format {
                Format::Json => output::print_json(&serde_json::json!({
                    "border": border.countries, "source": border.source,
                    "path_loss_model": path_loss.name(), "reports": r,
                })),
                _ => {
                    let mut t = format!(
                        "{}–{} border ({}), {}, p = {p_pct} %\n{:<24} {:<8} {:>9} {:>8} {:>8} {:>10} {:>10} {:>8}  coordinate with\n",
                        border.countries[0],
                        border.countries[1],
                        border.source,
                        path_loss.name(),
                        "assignment",
                        "admin",
                        "freq MHz",
                        "min km",
                        "worst km",
                        "E dBuV/m",
                        "trig",
                        "margin"
                    );
                    for x in &r {
                        let f = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.1}"));
                        let _ = writeln!(
                            t,
                            "{:<24} {:<8} {:>9.1} {:>8.1} {:>8.1} {:>10.1} {:>10} {:>8}  {}",
                            x.assignment,
                            x.administration,
                            x.freq_mhz,
                            x.min_distance_km,
                            x.worst_distance_km,
                            x.max_field_dbuv_m,
                            f(x.trigger_dbuv_m),
                            f(x.margin_db),
                            x.coordinate_with.join(", ")
                        );
                    }
                    t.push_str("triggers applied:\n");
                    for x in &r {
                        let _ = writeln!(
                            t,
                            "  {:<24} {} — {}",
                            x.assignment,
                            x.trigger_rule.as_deref().unwrap_or("-"),
                            x.trigger_source
                                .as_deref()
                                .unwrap_or("no rule for this band: no trigger")
                        );
                    }
                    output::print_text(&t)
                }
            }
        }
        Verb::Dtt { file } => {
            let text = read(&file)?;
            let r = DttInput::from_toml(&text, &file.display().to_string())?.evaluate()?;
            match format {
                Format::Json => output::print_json(&r),
                _ => {
                    let mut t = String::new();
                    let _ = writeln!(
                        t,
                        "orbital separation      {:>10.3} deg",
                        r.orbital_separation_deg
                    );
                    let _ = writeln!(
                        t,
                        "uplink δu / range       {:>10.3} deg {:>10.1} km  loss {:.2} dB",
                        r.uplink_separation_deg, r.uplink_range_km, r.uplink_loss_db
                    );
                    let _ = writeln!(
                        t,
                        "downlink δd / range     {:>10.3} deg {:>10.1} km  loss {:.2} dB",
                        r.downlink_separation_deg, r.downlink_range_km, r.downlink_loss_db
                    );
                    let _ = writeln!(
                        t,
                        "g'4(δu) / g2(δd)        {:>10.2} dBi {:>8.2} dBi",
                        r.interfering_es_gain_dbi, r.wanted_es_gain_dbi
                    );
                    let _ = writeln!(
                        t,
                        "ΔTs / ΔTs/Ts            {:>10.3} K  {:>8.3} %",
                        r.delta_ts_k, r.delta_ts_over_ts_pct
                    );
                    let _ = writeln!(
                        t,
                        "ΔTe / ΔTe/Te            {:>10.3} K  {:>8.3} %",
                        r.delta_te_k, r.delta_te_over_te_pct
                    );
                    let _ = writeln!(
                        t,
                        "ΔT/T                    {:>10.3} %  (threshold {} %)",
                        r.delta_t_over_t_pct, r.threshold_pct
                    );
                    let _ = writeln!(
                        t,
                        "coordination required   {}",
                        if r.coordination_required { "yes" } else { "no" }
                    );
                    output::print_text(&t)
                }
            }
        }
        Verb::Montecarlo {
            file,
            events,
            seed,
            batch_size,
            threads,
        } => {
            let text = read(&file)?;
            let mut cfg = McConfig::from_toml(&text, &file.display().to_string())?;
            if let Some(e) = events {
                cfg.events = e;
            }
            if let Some(s) = seed {
                cfg.seed = s;
            }
            if let Some(b) = batch_size {
                cfg.batch_size = b;
            }
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.unwrap_or(0))
                .build()
                .context("starting the worker threads")?;
            let start = Instant::now();
            let r = pool.install(|| cfg.run(&FreeSpace))?;
            let elapsed_s = start.elapsed().as_secs_f64();
            let events_per_s = r.events as f64 / elapsed_s.max(1e-9);
            tracing::info!(
                events = r.events,
                elapsed_s,
                events_per_s,
                "montecarlo done"
            );
            match format {
                Format::Json => {
                    let mut v = serde_json::to_value(&r)?;
                    v["elapsed_s"] = elapsed_s.into();
                    v["events_per_s"] = events_per_s.into();
                    v["threads"] = pool.current_num_threads().into();
                    output::print_json(&v)
                }
                _ => {
                    let mut t = String::new();
                    let _ = writeln!(t, "{:>10} {:>12} {:>12}", "events", "P(I/N>thr)", "std.err");
                    for c in &r.convergence {
                        let _ = writeln!(
                            t,
                            "{:>10} {:>12.6} {:>12.6}",
                            c.events, c.probability, c.standard_error
                        );
                    }
                    let _ = writeln!(
                        t,
                        "P(I/N > {} dB) = {:.6} ± {:.6} (1σ), {} of {} events; mean active {:.2}; mean I/N {:.2} dB",
                        r.threshold_i_over_n_db,
                        r.probability,
                        r.standard_error,
                        r.exceedances,
                        r.events,
                        r.mean_active,
                        r.mean_i_over_n_db
                    );
                    let pcts: Vec<String> = r
                        .percentiles
                        .iter()
                        .map(|p| format!("{}%: {:.1}", p.pct, p.i_over_n_db))
                        .collect();
                    let _ = writeln!(t, "aggregate I/N percentiles (dB) {}", pcts.join(", "));
                    let _ = writeln!(
                        t,
                        "seed {}, batch {}; {:.3} s on {} threads, {:.0} events/s",
                        r.seed,
                        r.batch_size,
                        elapsed_s,
                        pool.current_num_threads(),
                        events_per_s
                    );
                    output::print_text(&t)
                }
            }
        }
        Verb::Pattern {
            kind,
            freq_ghz,
            gain_dbi,
            diameter_m,
            efficiency,
            half_beamwidth_deg,
            sidelobe_db,
            coef_a,
            angles,
        } => {
            let kind = match kind {
                KindArg::S465 => PatternKind::S465,
                KindArg::S580 => PatternKind::S580,
                KindArg::F699 => PatternKind::F699,
                KindArg::F1245 => PatternKind::F1245,
                KindArg::App8 => PatternKind::App8,
                KindArg::S1528 => PatternKind::S1528,
                KindArg::S672 => PatternKind::S672,
            };
            let spec = PatternSpec {
                kind,
                gain_dbi,
                diameter_m,
                efficiency,
                half_beamwidth_deg,
                sidelobe_db,
                coef_a,
                ..PatternSpec::from_gain(kind, 0.0)
            };
            let p = spec.build(freq_ghz)?;
            let rows: Vec<_> = angles
                .iter()
                .map(|&a| serde_json::json!({"off_axis_deg": a, "gain_dbi": p.gain_dbi(a)}))
                .collect();
            match format {
                Format::Json => output::print_json(&serde_json::json!({
                    "model": p.name(), "max_gain_dbi": p.max_gain_dbi(),
                    "beamwidth_3db_deg": p.beamwidth_3db_deg(), "gains": rows,
                })),
                _ => {
                    let mut t = format!(
                        "{}: Gmax {:.2} dBi, 3 dB beamwidth {:.3} deg\n{:>12} {:>10}\n",
                        p.name(),
                        p.max_gain_dbi(),
                        p.beamwidth_3db_deg(),
                        "off-axis deg",
                        "gain dBi"
                    );
                    for a in angles {
                        let _ = writeln!(t, "{a:>12.3} {:>10.2}", p.gain_dbi(a));
                    }
                    output::print_text(&t)
                }
            }
        }
    }
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn coordination_distance(verb: Verb, format: Format) -> anyhow::Result<()> {
    let Verb::CoordinationDistance {
        scenario,
        assignment,
        lat,
        lon,
        freq_mhz,
        gain_dbi,
        pointing_az_deg,
        sat_lon_deg,
        pointing_el_deg,
        role,
        power_dbw,
        noise_temp_k,
        params,
        entry,
        p_pct,
        azimuth_step_deg,
        step_km,
        horizon,
        zones,
        delta_n,
        n0,
        es_height_m,
        terrestrial_height_m,
        es_horizon_km,
    } = verb
    else {
        unreachable!("called for coordination-distance only")
    };
    let table = match &params {
        Some(f) => ParameterTable::from_toml(&read(f)?, &f.display().to_string())?,
        None => ParameterTable::builtin()?,
    };
    let scenario_data = match (lat, lon) {
        (None, None) => Some(load_scenario(&scenario)?),
        _ => load_scenario(&scenario).ok(),
    };
    let req = CoordinationRequest {
        assignment,
        lat_deg: lat,
        lon_deg: lon,
        freq_mhz,
        gain_dbi,
        pointing_az_deg,
        pointing_el_deg,
        sat_lon_deg,
        role: role.map(|r| match r {
            RoleArg::Receive => EarthStationRole::Receive,
            RoleArg::Transmit => EarthStationRole::Transmit,
        }),
        power_dbw,
        noise_temp_k,
        params_toml: None,
        entry,
        p_pct,
        azimuth_step_deg,
        step_km,
        horizon,
        zones: match zones {
            ZonesArg::Map => ZonesChoice::Map,
            ZonesArg::A1 => ZonesChoice::A1,
            ZonesArg::A2 => ZonesChoice::A2,
            ZonesArg::B => ZonesChoice::B,
        },
        delta_n,
        n0,
        es_height_m,
        terrestrial_height_m,
        es_horizon_km,
        format: None,
    };
    let outcome = coordination_distance_of(scenario_data.as_ref(), &req, &table)
        .map_err(|p| anyhow::anyhow!("{}", p.detail.unwrap_or(p.title)))?;
    let r = &outcome.result;
    let reference_bandwidth_mhz = outcome.reference_bandwidth_hz / 1e6;
    match format {
        Format::Json => output::print_json(
            &outcome
                .to_json()
                .map_err(|p| anyhow::anyhow!("{}", p.detail.unwrap_or(p.title)))?,
        ),
        Format::Geojson => output::print_json(&outcome.to_geojson()),
        _ => {
            let st = &r.station;
            let mut t = format!(
                "App. 7 coordination distance, propagation mode (1): {} ({:.4}N {:.4}E), {:?}, {} MHz, Gmax {:.1} dBi, beam az {:.1}° el {:.1}°\n\
                 parameters {} ({}); p = {} %, Pr(p) = {:.2} dBW in {} MHz; dmin = {:.1} km\n\
                 zones: {}; ΔN {} N0 {}; mode (2) rain scatter not computed\n\
                 {:>6} {:>6} {:>7} {:>7} {:>8} {:>8} {:>8} {:>5}  limit\n",
                st.id,
                st.lat_deg,
                st.lon_deg,
                st.role,
                st.freq_mhz,
                st.gmax_dbi,
                st.pointing_azimuth_deg,
                st.pointing_elevation_deg,
                r.params_id,
                r.params_source,
                r.p_pct,
                r.permissible_interference_dbw,
                reference_bandwidth_mhz,
                r.min_distance_km,
                r.zones_source,
                r.climate.delta_n,
                r.climate.n0,
                "az deg",
                "θh deg",
                "φ deg",
                "G dBi",
                "Lb dB",
                "L(d) dB",
                "d km",
                "sea"
            );
            for a in &r.azimuths {
                let _ = writeln!(
                    t,
                    "{:>6.1} {:>6.2} {:>7.1} {:>7.1} {:>8.1} {:>8.1} {:>8.1} {:>5.2}  {:?}",
                    a.azimuth_deg,
                    a.horizon_deg,
                    a.off_axis_deg,
                    a.es_gain_dbi,
                    a.required_loss_db,
                    a.loss_at_distance_db,
                    a.distance_km,
                    a.sea_fraction,
                    a.limited_by
                );
            }
            if outcome.foreign.is_empty() {
                t.push_str("the coordination area stays within the earth station's country\n");
            } else {
                t.push_str("coordination area reaches (RR No. 9.17; Natural Earth 1:110m):\n");
                for c in &outcome.foreign {
                    let admins: Vec<&str> = c["administrations"]
                        .as_array()
                        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                        .unwrap_or_default();
                    let name = c["name"].as_str().unwrap_or_default();
                    let _ = writeln!(
                        t,
                        "  {:<3} {:<14} from {:>6.1} km  coordinate with {}",
                        c["alpha2"].as_str().unwrap_or_default(),
                        name,
                        c["nearest_km"].as_f64().unwrap_or(f64::NAN),
                        if admins.is_empty() {
                            format!("the administration of {name} (none in the scenario)")
                        } else {
                            admins.join(", ")
                        }
                    );
                }
            }
            output::print_text(&t)
        }
    }
}

fn load_scenario(name_or_file: &str) -> anyhow::Result<Scenario> {
    if builtin::names().contains(&name_or_file) {
        Ok(builtin::load(name_or_file)?)
    } else {
        super::scenario::load_file(Path::new(name_or_file))
    }
}

fn interference_table(reports: &[VictimReport]) -> String {
    let mut t = String::new();
    for r in reports {
        let _ = writeln!(
            t,
            "victim {} ({}, {}) {:.1} MHz / {:.0} kHz, T {:.0} K, N {:.2} dBW; {}, p = {} %, Rx {}",
            r.victim,
            r.station,
            r.administration,
            r.freq_mhz,
            r.bandwidth_khz,
            r.noise_temp_k,
            r.n_dbw,
            r.path_loss_model,
            r.p_pct,
            r.rx_pattern
        );
        let _ = writeln!(
            t,
            "  {:<24} {:<8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>6} {:>9} {:>7}",
            "interferer",
            "admin",
            "dist km",
            "θt deg",
            "Gt dBi",
            "θr deg",
            "Gr dBi",
            "L dB",
            "ovl dB",
            "I dBW",
            "I/N dB"
        );
        for c in &r.interferers {
            let _ = writeln!(
                t,
                "  {:<24} {:<8} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>6.2} {:>9.2} {:>7.2}{}",
                c.assignment,
                c.administration,
                c.distance_km,
                c.tx_off_axis_deg,
                c.tx_gain_dbi,
                c.rx_off_axis_deg,
                c.rx_gain_dbi,
                c.path_loss_db,
                c.overlap_db,
                c.i_dbw,
                c.i_over_n_db,
                if c.pointing_assumed {
                    " (pointing assumed)"
                } else {
                    ""
                }
            );
        }
        if r.interferers.is_empty() {
            let _ = writeln!(t, "  (no overlapping transmit assignment)");
        } else {
            let _ = writeln!(
                t,
                "  aggregate I {:.2} dBW, I/N {:.2} dB",
                r.aggregate_i_dbw, r.aggregate_i_over_n_db
            );
        }
        if let (Some(c), Some(ci), Some(cni), Some(cn)) =
            (r.c_dbw, r.c_over_i_db, r.c_over_n_plus_i_db, r.c_over_n_db)
        {
            let wanted = r.wanted.as_deref().unwrap_or("given");
            let _ = writeln!(
                t,
                "  C {c:.2} dBW ({wanted}): C/N {cn:.2} dB, C/I {ci:.2} dB, C/(N+I) {cni:.2} dB"
            );
        }
    }
    t
}
