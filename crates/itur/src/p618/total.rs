//! Total attenuation from multiple sources, ITU-R P.618-13 §2.5.
//!
//! A_T(p) = A_G(p) + sqrt((A_R(p) + A_C(p))² + A_S(p)²), eq. (64), where
//! for p < 1 % the gaseous and cloud terms use their 1 % values (eqs.
//! (65)–(66)).
//!
//! # References
//! - ITU-R P.618-13 §2.5 eqs. (64)–(66), valid for 0.001 ≤ p ≤ 50 %.
//! - Gases: ITU-R P.676-12 Annex 2 with ρ and V_t from P.836-6 at the
//!   station height, T from P.1510-1, pressure from P.835-6.
//! - Clouds: ITU-R P.840-8. Rain: §2.2.1.1 with R0.01 from P.837-7, h_R
//!   from P.839-4, k/α from P.838-3. Scintillation: §2.4.1 with N_wet from
//!   P.453-14. Station height: given, else P.1511-2.

use super::rain::{RainOverrides, rain_core};
use super::scintillation::{ScintillationInput, check as check_scint, scintillation_core};
use crate::error::{check_lat_lon, check_range};
use crate::maps::Maps;
use crate::p676::annex2::{Surface, slant_path_attenuation_db};
use crate::{Result, p453, p835, p836, p837, p838, p839, p840, p1510, p1511};

/// Inputs of the total-attenuation method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TotalInput {
    /// Station latitude (degrees north).
    pub lat_deg: f64,
    /// Station longitude (degrees east).
    pub lon_deg: f64,
    /// Station height above mean sea level (km); `None`: P.1511-2.
    pub hs_km: Option<f64>,
    /// Frequency (GHz), 1–55.
    pub freq_ghz: f64,
    /// Elevation angle (degrees), 5–90.
    pub elevation_deg: f64,
    /// Antenna diameter (m).
    pub d_m: f64,
    /// Antenna efficiency (0–1].
    pub eta: f64,
    /// Polarization tilt relative to the horizontal (degrees; 45 circular).
    pub tau_deg: f64,
    /// Percentage of an average year (%), 0.001–50.
    pub p_pct: f64,
}

/// The contributions and the total, dB.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TotalAttenuation {
    /// Gaseous attenuation A_G (dB).
    pub a_gas_db: f64,
    /// Cloud attenuation A_C (dB).
    pub a_cloud_db: f64,
    /// Rain attenuation A_R (dB).
    pub a_rain_db: f64,
    /// Scintillation fade depth A_S (dB).
    pub a_scint_db: f64,
    /// Total attenuation A_T (dB), eq. (64).
    pub a_total_db: f64,
}

/// Total attenuation exceeded `input.p_pct` % of an average year.
///
/// For 5 < p ≤ 50 % the rain term is the §2.2.1.1 formula evaluated beyond
/// its nominal 5 % limit (as in the ITU-R validation software); it is then
/// small next to the other terms.
pub fn total_attenuation(maps: &Maps, input: &TotalInput) -> Result<TotalAttenuation> {
    let TotalInput {
        lat_deg,
        lon_deg,
        hs_km,
        freq_ghz,
        elevation_deg,
        d_m,
        eta,
        tau_deg,
        p_pct,
    } = *input;
    check_lat_lon(lat_deg, lon_deg)?;
    check_range(
        "freq_ghz",
        freq_ghz,
        1.0,
        55.0,
        "a frequency in [1, 55] GHz (P.618-13)",
    )?;
    check_range(
        "p_pct",
        p_pct,
        0.001,
        50.0,
        "a percentage in [0.001, 50] (P.618-13 §2.5)",
    )?;
    let scint_in = ScintillationInput {
        freq_ghz,
        elevation_deg,
        d_m,
        eta,
        p_pct,
    };
    check_scint(&scint_in)?;
    check_range(
        "tau_deg",
        tau_deg,
        -360.0,
        360.0,
        "a polarization tilt in degrees",
    )?;
    let hs = match hs_km {
        Some(h) => check_range("hs_km", h, -1.0, 10.0, "a station height in [-1, 10] km")?,
        None => p1511::topographic_height_km(maps, lat_deg, lon_deg)?,
    };
    let p_cg = p_pct.max(1.0);
    // gases
    let t_k = p1510::surface_mean_temperature_k(maps, lat_deg, lon_deg)?;
    let p_hpa = p835::standard_pressure_hpa(hs)?;
    let v_t = p836::total_water_vapour_content_kg_m2(maps, lat_deg, lon_deg, p_cg, Some(hs))?;
    let rho = p836::surface_water_vapour_density_g_m3(maps, lat_deg, lon_deg, p_cg, Some(hs))?;
    let a_gas_db = slant_path_attenuation_db(
        freq_ghz,
        elevation_deg,
        Surface {
            rho_g_m3: rho,
            p_hpa,
            temperature_k: t_k,
            v_t_kg_m2_and_height_km: Some((v_t, hs)),
        },
    )?;
    // clouds
    let a_cloud_db =
        p840::cloud_attenuation_db(maps, lat_deg, lon_deg, elevation_deg, freq_ghz, p_cg)?;
    // rain
    let hr = p839::rain_height_km(maps, lat_deg, lon_deg)?;
    let r001 = p837::r001_mm_h(maps, lat_deg, lon_deg)?;
    let coef = p838::coefficients(freq_ghz, elevation_deg, tau_deg)?;
    let a_rain_db = rain_core(lat_deg, freq_ghz, elevation_deg, p_pct, hr, hs, r001, coef).a_p_db;
    // scintillation
    let n_wet = p453::map_wet_refractivity(maps, lat_deg, lon_deg, 50.0)?;
    let a_scint_db = scintillation_core(n_wet, &scint_in);
    let a_total_db = a_gas_db + ((a_rain_db + a_cloud_db).powi(2) + a_scint_db * a_scint_db).sqrt();
    Ok(TotalAttenuation {
        a_gas_db,
        a_cloud_db,
        a_rain_db,
        a_scint_db,
        a_total_db,
    })
}

/// Only the rain overrides that [`total_attenuation`] honours.
pub fn rain_overrides(input: &TotalInput) -> RainOverrides {
    RainOverrides {
        hs_km: input.hs_km,
        ..RainOverrides::default()
    }
}
