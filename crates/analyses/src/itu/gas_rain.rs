//! Specific attenuations that need no map: gases (P.676-12 Annex 1
//! line-by-line, with the Annex 2 slant path when an elevation is given)
//! and rain (P.838-3 coefficients and γR).

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_itur::p676::{annex1, annex2};
use silkway_itur::p838;
use utoipa::ToSchema;

use crate::AnalysesState;
use crate::body::Body;
use crate::kinds::Problems;
use crate::link::itur_problem;
use crate::problem::{ApiResult, Problem};

fn default_p_hpa() -> f64 {
    1013.25
}
fn default_t_k() -> f64 {
    288.15
}
fn default_rho() -> f64 {
    7.5
}
fn default_tau() -> f64 {
    45.0
}

/// P.676 inputs (defaults: the reference standard atmosphere at sea level).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct P676Request {
    /// Frequency, GHz (1–1000).
    pub freq_ghz: f64,
    /// Dry-air pressure, hPa.
    #[serde(default = "default_p_hpa")]
    pub p_hpa: f64,
    /// Temperature, K.
    #[serde(default = "default_t_k")]
    pub t_k: f64,
    /// Water-vapour density, g/m³.
    #[serde(default = "default_rho")]
    pub rho_g_m3: f64,
    /// Elevation, degrees: adds the Annex 2 slant-path attenuation.
    #[serde(default)]
    pub elevation_deg: Option<f64>,
    /// Total columnar water vapour, kg/m² (Annex 2 §2.3, with `elevation_deg`).
    #[serde(default)]
    pub v_t_kg_m2: Option<f64>,
    /// Station height, km (Annex 2 §2.3).
    #[serde(default)]
    pub h_km: f64,
}

/// P.676-12 specific and slant-path gaseous attenuation.
pub fn p676(r: &P676Request) -> ApiResult<Value> {
    let g_o =
        annex1::gamma_oxygen_db_km(r.freq_ghz, r.p_hpa, r.rho_g_m3, r.t_k).map_err(itur_problem)?;
    let g_w =
        annex1::gamma_water_db_km(r.freq_ghz, r.p_hpa, r.rho_g_m3, r.t_k).map_err(itur_problem)?;
    if r.v_t_kg_m2.is_some() && r.elevation_deg.is_none() {
        return Err(Problem::invalid(
            "elevation_deg",
            "v_t_kg_m2 is for the slant path: give elevation_deg too",
        ));
    }
    let slant = r
        .elevation_deg
        .map(|el| {
            annex2::slant_path_attenuation_db(
                r.freq_ghz,
                el,
                annex2::Surface {
                    rho_g_m3: r.rho_g_m3,
                    p_hpa: r.p_hpa,
                    temperature_k: r.t_k,
                    v_t_kg_m2_and_height_km: r.v_t_kg_m2.map(|v| (v, r.h_km)),
                },
            )
        })
        .transpose()
        .map_err(itur_problem)?;
    Ok(json!({
        "recommendation": "ITU-R P.676-12",
        "freq_ghz": r.freq_ghz, "p_hpa": r.p_hpa, "t_k": r.t_k, "rho_g_m3": r.rho_g_m3,
        "gamma_o_db_km": g_o, "gamma_w_db_km": g_w, "gamma_db_km": g_o + g_w,
        "elevation_deg": r.elevation_deg, "a_gas_slant_db": slant,
    }))
}

/// P.838 inputs.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct P838Request {
    /// Frequency, GHz (1–1000).
    pub freq_ghz: f64,
    /// Path elevation, degrees.
    #[serde(default)]
    pub elevation_deg: f64,
    /// Polarization tilt, degrees (45: circular).
    #[serde(default = "default_tau")]
    pub tau_deg: f64,
    /// Rain rate, mm/h, for the specific attenuation γR.
    #[serde(default)]
    pub r_mm_h: Option<f64>,
}

/// P.838-3 coefficients k, α and the specific attenuation γR = k R^α.
pub fn p838(r: &P838Request) -> ApiResult<Value> {
    let c = p838::coefficients(r.freq_ghz, r.elevation_deg, r.tau_deg).map_err(itur_problem)?;
    let gamma = r
        .r_mm_h
        .map(|rate| p838::specific_attenuation_db_km(rate, r.freq_ghz, r.elevation_deg, r.tau_deg))
        .transpose()
        .map_err(itur_problem)?;
    Ok(json!({
        "recommendation": "ITU-R P.838-3",
        "freq_ghz": r.freq_ghz, "elevation_deg": r.elevation_deg, "tau_deg": r.tau_deg,
        "k": c.k, "alpha": c.alpha, "r_mm_h": r.r_mm_h, "gamma_r_db_km": gamma,
    }))
}

/// P.676-12 gaseous attenuation: γo, γw, and the slant path with `elevation_deg`.
#[utoipa::path(post, path = "/itu/p676", tag = "itu", request_body = P676Request,
    responses((status = 200, description = "specific and slant-path gaseous attenuation", body = Object), Problems))]
pub(super) async fn p676_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<P676Request>,
) -> ApiResult<Json<Value>> {
    st.compute(move |_, _| p676(&req)).await.map(Json)
}

/// P.838-3 rain specific attenuation coefficients and γR.
#[utoipa::path(post, path = "/itu/p838", tag = "itu", request_body = P838Request,
    responses((status = 200, description = "k, α and γR", body = Object), Problems))]
pub(super) async fn p838_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<P838Request>,
) -> ApiResult<Json<Value>> {
    st.compute(move |_, _| p838(&req)).await.map(Json)
}
