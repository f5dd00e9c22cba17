//! `silkway itu ...`: ITU-R P-series propagation models, one command per
//! Recommendation, JSON on stdout.

use anyhow::Context as _;
use clap::Subcommand;
use serde::Serialize;
use silkway_itur::p618::inverse::{Exceedance, total_exceedance};
use silkway_itur::p618::total::{TotalInput, total_attenuation};
use silkway_itur::p676::{annex1, annex2};
use silkway_itur::{Maps, p453, p835, p836, p837, p838, p839, p840, p1510, p1511};

use crate::output::{self, Format};

mod p452;

/// Arguments of `silkway itu`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Debug, Subcommand)]
#[command(allow_negative_numbers = true)]
enum Cmd {
    /// P.618-13 §2.5: total slant-path attenuation and its contributions.
    P618(P618Args),
    /// P.618-13 inverse: percentage of time a total attenuation is exceeded.
    P618Exceedance(P618ExceedanceArgs),
    /// P.837-7: rainfall rate R0.01, probability of rain, R_p.
    P837(P837Args),
    /// P.838-3: rain specific-attenuation coefficients.
    P838(P838Args),
    /// P.839-4: 0 °C isotherm and rain heights.
    P839(LatLon),
    /// P.840-8: reduced cloud liquid water and cloud attenuation.
    P840(P840Args),
    /// P.453-14: wet term of the surface refractivity exceeded p %.
    P453(P453Args),
    /// P.676-12: specific attenuation (Annex 1) and slant path (Annex 2).
    P676(P676Args),
    /// P.836-6: surface water-vapour density and total columnar content.
    P836(P836Args),
    /// P.1510-1: annual mean surface temperature.
    P1510(LatLon),
    /// P.1511-2: topographic height.
    P1511(LatLon),
    /// P.452-18: basic transmission loss between stations on the Earth
    /// (interference), over a profile CSV or along the great circle.
    P452(p452::P452Args),
}

#[derive(Debug, clap::Args)]
struct LatLon {
    /// Latitude (degrees north).
    #[arg(long, allow_negative_numbers = true)]
    lat: f64,
    /// Longitude (degrees east).
    #[arg(long, allow_negative_numbers = true)]
    lon: f64,
}

#[derive(Debug, clap::Args)]
struct Link {
    #[command(flatten)]
    at: LatLon,
    /// Station height above mean sea level (km); default from P.1511-2.
    #[arg(long, allow_negative_numbers = true)]
    hs_km: Option<f64>,
    /// Frequency (GHz).
    #[arg(long, allow_negative_numbers = true)]
    f_ghz: f64,
    /// Elevation angle (degrees).
    #[arg(long, allow_negative_numbers = true)]
    el_deg: f64,
    /// Antenna diameter (m).
    #[arg(long, allow_negative_numbers = true)]
    d_m: f64,
    /// Antenna efficiency (0-1).
    #[arg(long, allow_negative_numbers = true, default_value_t = 0.5)]
    eta: f64,
    /// Polarization tilt angle (degrees; 45 for circular).
    #[arg(long, default_value_t = 45.0, allow_negative_numbers = true)]
    tau_deg: f64,
}

#[derive(Debug, clap::Args)]
struct P618Args {
    #[command(flatten)]
    link: Link,
    /// Percentage of an average year (%), 0.001-50.
    #[arg(long, allow_negative_numbers = true)]
    p_pct: f64,
}

#[derive(Debug, clap::Args)]
struct P618ExceedanceArgs {
    #[command(flatten)]
    link: Link,
    /// Total attenuation (dB).
    #[arg(long, allow_negative_numbers = true)]
    a_db: f64,
}

#[derive(Debug, clap::Args)]
struct P837Args {
    #[command(flatten)]
    at: LatLon,
    /// Also compute the rainfall rate exceeded p % (monthly method).
    #[arg(long, allow_negative_numbers = true)]
    p_pct: Option<f64>,
}

#[derive(Debug, clap::Args)]
struct P838Args {
    /// Frequency (GHz).
    #[arg(long, allow_negative_numbers = true)]
    f_ghz: f64,
    /// Elevation angle (degrees).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    el_deg: f64,
    /// Polarization tilt angle (degrees).
    #[arg(long, default_value_t = 45.0, allow_negative_numbers = true)]
    tau_deg: f64,
    /// Rain rate (mm/h) for the specific attenuation.
    #[arg(long, allow_negative_numbers = true)]
    r_mm_h: Option<f64>,
}

#[derive(Debug, clap::Args)]
struct P840Args {
    #[command(flatten)]
    at: LatLon,
    /// Percentage of an average year (%), 0.1-99.
    #[arg(long, allow_negative_numbers = true)]
    p_pct: f64,
    /// Frequency (GHz) for the attenuation.
    #[arg(long, allow_negative_numbers = true)]
    f_ghz: Option<f64>,
    /// Elevation angle (degrees) for the attenuation.
    #[arg(long, allow_negative_numbers = true)]
    el_deg: Option<f64>,
}

#[derive(Debug, clap::Args)]
struct P453Args {
    #[command(flatten)]
    at: LatLon,
    /// Percentage of an average year (%), 0.1-99.
    #[arg(long, allow_negative_numbers = true, default_value_t = 50.0)]
    p_pct: f64,
}

#[derive(Debug, clap::Args)]
struct P836Args {
    #[command(flatten)]
    at: LatLon,
    /// Percentage of an average year (%), 0.1-99.
    #[arg(long, allow_negative_numbers = true)]
    p_pct: f64,
    /// Station height (km); default: the map's surface.
    #[arg(long, allow_negative_numbers = true)]
    alt_km: Option<f64>,
}

#[derive(Debug, clap::Args)]
struct P676Args {
    /// Frequency (GHz).
    #[arg(long, allow_negative_numbers = true)]
    f_ghz: f64,
    /// Dry-air pressure (hPa).
    #[arg(long, allow_negative_numbers = true, default_value_t = 1013.25)]
    p_hpa: f64,
    /// Temperature (K).
    #[arg(long, allow_negative_numbers = true, default_value_t = 288.15)]
    t_k: f64,
    /// Water-vapour density (g/m³).
    #[arg(long, allow_negative_numbers = true, default_value_t = 7.5)]
    rho_g_m3: f64,
    /// Elevation angle (degrees): adds the Annex 2 slant-path attenuation.
    #[arg(long, allow_negative_numbers = true)]
    el_deg: Option<f64>,
    /// Total columnar water vapour (kg/m²) for Annex 2 §2.3 (with --el-deg).
    #[arg(long, allow_negative_numbers = true)]
    v_t_kg_m2: Option<f64>,
    /// Station height (km) for Annex 2 §2.3.
    #[arg(long, allow_negative_numbers = true, default_value_t = 0.0)]
    h_km: f64,
}

/// Run `silkway itu`.
pub fn run(ctx: &super::Context, args: Args) -> anyhow::Result<()> {
    if let Cmd::P452(a) = args.cmd {
        let format = output::choose(ctx.format, &[Format::Json, Format::Table])?;
        return p452::run(format, a);
    }
    output::choose(ctx.format, &[Format::Json])?;
    let maps = Maps::global();
    match args.cmd {
        Cmd::P618(a) => {
            let input = total_input(maps, &a.link, a.p_pct)?;
            let t = total_attenuation(maps, &input).context("P.618-13 total attenuation")?;
            #[derive(Serialize)]
            struct Out {
                recommendation: &'static str,
                lat_deg: f64,
                lon_deg: f64,
                hs_km: f64,
                f_ghz: f64,
                el_deg: f64,
                d_m: f64,
                eta: f64,
                tau_deg: f64,
                p_pct: f64,
                a_gas_db: f64,
                a_cloud_db: f64,
                a_rain_db: f64,
                a_scint_db: f64,
                a_total_db: f64,
            }
            output::print_json(&Out {
                recommendation: "ITU-R P.618-13 §2.5",
                lat_deg: input.lat_deg,
                lon_deg: input.lon_deg,
                hs_km: input.hs_km.unwrap_or(f64::NAN),
                f_ghz: input.freq_ghz,
                el_deg: input.elevation_deg,
                d_m: input.d_m,
                eta: input.eta,
                tau_deg: input.tau_deg,
                p_pct: input.p_pct,
                a_gas_db: t.a_gas_db,
                a_cloud_db: t.a_cloud_db,
                a_rain_db: t.a_rain_db,
                a_scint_db: t.a_scint_db,
                a_total_db: t.a_total_db,
            })
        }
        Cmd::P618Exceedance(a) => {
            let input = total_input(maps, &a.link, 1.0)?;
            let e = total_exceedance(maps, &input, a.a_db).context("P.618-13 inverse")?;
            let (p, note) = match e {
                Exceedance::Pct(p) => (Some(p), "exceeded p_pct % of an average year"),
                Exceedance::BelowRange(_) => (None, "exceeded less than 0.001 % of the time"),
                Exceedance::AboveRange(_) => (None, "exceeded more than 50 % of the time"),
                _ => (None, "outside the model's range"),
            };
            output::print_json(&serde_json::json!({
                "recommendation": "ITU-R P.618-13 §2.5 (inverted)",
                "a_db": a.a_db,
                "p_pct": p,
                "note": note,
            }))
        }
        Cmd::P837(a) => {
            let (lat, lon) = (a.at.lat, a.at.lon);
            let rate = match a.p_pct {
                Some(p) => Some(p837::rainfall_rate_mm_h(maps, lat, lon, p)?),
                None => None,
            };
            output::print_json(&serde_json::json!({
                "recommendation": "ITU-R P.837-7",
                "lat_deg": lat, "lon_deg": lon,
                "r001_mm_h": p837::r001_mm_h(maps, lat, lon)?,
                "rain_probability_pct": p837::rain_probability_pct(maps, lat, lon)?,
                "p_pct": a.p_pct,
                "rainfall_rate_mm_h": rate,
            }))
        }
        Cmd::P838(a) => {
            let c = p838::coefficients(a.f_ghz, a.el_deg, a.tau_deg)?;
            let gamma = match a.r_mm_h {
                Some(r) => Some(p838::specific_attenuation_db_km(
                    r, a.f_ghz, a.el_deg, a.tau_deg,
                )?),
                None => None,
            };
            output::print_json(&serde_json::json!({
                "recommendation": "ITU-R P.838-3",
                "f_ghz": a.f_ghz, "el_deg": a.el_deg, "tau_deg": a.tau_deg,
                "k": c.k, "alpha": c.alpha,
                "r_mm_h": a.r_mm_h, "gamma_r_db_km": gamma,
            }))
        }
        Cmd::P839(a) => output::print_json(&serde_json::json!({
            "recommendation": "ITU-R P.839-4",
            "lat_deg": a.lat, "lon_deg": a.lon,
            "h0_km": p839::isotherm_0c_height_km(maps, a.lat, a.lon)?,
            "hr_km": p839::rain_height_km(maps, a.lat, a.lon)?,
        })),
        Cmd::P840(a) => {
            let (lat, lon) = (a.at.lat, a.at.lon);
            let lred = p840::reduced_liquid_kg_m2(maps, lat, lon, a.p_pct)?;
            let (kl, ac) = match (a.f_ghz, a.el_deg) {
                (Some(f), Some(el)) => (
                    Some(p840::specific_coefficient(f, 273.15)?),
                    Some(p840::cloud_attenuation_db(maps, lat, lon, el, f, a.p_pct)?),
                ),
                (None, None) => (None, None),
                _ => anyhow::bail!("give both --f-ghz and --el-deg for the cloud attenuation"),
            };
            output::print_json(&serde_json::json!({
                "recommendation": "ITU-R P.840-8",
                "lat_deg": lat, "lon_deg": lon, "p_pct": a.p_pct,
                "lred_kg_m2": lred, "kl_db_km_per_g_m3": kl, "a_cloud_db": ac,
            }))
        }
        Cmd::P453(a) => output::print_json(&serde_json::json!({
            "recommendation": "ITU-R P.453-14",
            "lat_deg": a.at.lat, "lon_deg": a.at.lon, "p_pct": a.p_pct,
            "n_wet": p453::map_wet_refractivity(maps, a.at.lat, a.at.lon, a.p_pct)?,
        })),
        Cmd::P836(a) => {
            let (lat, lon) = (a.at.lat, a.at.lon);
            output::print_json(&serde_json::json!({
                "recommendation": "ITU-R P.836-6",
                "lat_deg": lat, "lon_deg": lon, "p_pct": a.p_pct, "alt_km": a.alt_km,
                "rho_g_m3": p836::surface_water_vapour_density_g_m3(maps, lat, lon, a.p_pct, a.alt_km)?,
                "v_t_kg_m2": p836::total_water_vapour_content_kg_m2(maps, lat, lon, a.p_pct, a.alt_km)?,
            }))
        }
        Cmd::P676(a) => {
            let g_o = annex1::gamma_oxygen_db_km(a.f_ghz, a.p_hpa, a.rho_g_m3, a.t_k)?;
            let g_w = annex1::gamma_water_db_km(a.f_ghz, a.p_hpa, a.rho_g_m3, a.t_k)?;
            let slant = match a.el_deg {
                Some(el) => Some(annex2::slant_path_attenuation_db(
                    a.f_ghz,
                    el,
                    annex2::Surface {
                        rho_g_m3: a.rho_g_m3,
                        p_hpa: a.p_hpa,
                        temperature_k: a.t_k,
                        v_t_kg_m2_and_height_km: a.v_t_kg_m2.map(|v| (v, a.h_km)),
                    },
                )?),
                None => None,
            };
            output::print_json(&serde_json::json!({
                "recommendation": "ITU-R P.676-12",
                "f_ghz": a.f_ghz, "p_hpa": a.p_hpa, "t_k": a.t_k, "rho_g_m3": a.rho_g_m3,
                "gamma_o_db_km": g_o, "gamma_w_db_km": g_w, "gamma_db_km": g_o + g_w,
                "el_deg": a.el_deg, "a_gas_slant_db": slant,
            }))
        }
        Cmd::P1510(a) => output::print_json(&serde_json::json!({
            "recommendation": "ITU-R P.1510-1",
            "lat_deg": a.lat, "lon_deg": a.lon,
            "t_k": p1510::surface_mean_temperature_k(maps, a.lat, a.lon)?,
        })),
        Cmd::P1511(a) => output::print_json(&serde_json::json!({
            "recommendation": "ITU-R P.1511-2",
            "lat_deg": a.lat, "lon_deg": a.lon,
            "hs_km": p1511::topographic_height_km(maps, a.lat, a.lon)?,
        })),
        Cmd::P452(a) => p452::run(Format::Json, a),
    }
}

/// Resolve the station height (P.1511-2 when not given) into a P.618 input.
fn total_input(maps: &Maps, l: &Link, p_pct: f64) -> anyhow::Result<TotalInput> {
    let hs_km = match l.hs_km {
        Some(h) => h,
        None => p1511::topographic_height_km(maps, l.at.lat, l.at.lon)?,
    };
    // touch p835 so a bad height is reported as such
    p835::standard_pressure_hpa(hs_km).context("--hs-km")?;
    Ok(TotalInput {
        lat_deg: l.at.lat,
        lon_deg: l.at.lon,
        hs_km: Some(hs_km),
        freq_ghz: l.f_ghz,
        elevation_deg: l.el_deg,
        d_m: l.d_m,
        eta: l.eta,
        tau_deg: l.tau_deg,
        p_pct,
    })
}
