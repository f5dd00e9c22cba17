//! P.618-13 inverted: the percentage of an average year a total
//! attenuation is exceeded (§2.5 solved for p), as `silkway itu
//! p618-exceedance` gives it.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_itur::p618::inverse::{Exceedance, total_exceedance};
use silkway_itur::p618::total::TotalInput;
use utoipa::ToSchema;

use crate::AnalysesState;
use crate::body::Body;
use crate::kinds::Problems;
use crate::link::{itur_problem, maps, p618_site};
use crate::problem::{ApiResult, Problem};

fn default_eta() -> f64 {
    0.65
}
fn default_tau() -> f64 {
    45.0
}

/// A site, an antenna and the attenuations to look up.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct P618ExceedanceRequest {
    /// Site latitude, degrees north.
    pub lat_deg: f64,
    /// Site longitude, degrees east.
    pub lon_deg: f64,
    /// Frequency, GHz.
    pub freq_ghz: f64,
    /// Elevation, degrees; or give `satellite_lon_deg` (GEO).
    #[serde(default)]
    pub elevation_deg: Option<f64>,
    /// GEO slot longitude, degrees east (gives the elevation).
    #[serde(default)]
    pub satellite_lon_deg: Option<f64>,
    /// Station height above sea level, km (default: P.1511 topography).
    #[serde(default)]
    pub hs_km: Option<f64>,
    /// Antenna diameter, m.
    pub d_m: f64,
    /// Antenna efficiency (0–1].
    #[serde(default = "default_eta")]
    pub eta: f64,
    /// Polarization tilt, degrees (45: circular).
    #[serde(default = "default_tau")]
    pub tau_deg: f64,
    /// Total attenuations, dB.
    pub a_db: Vec<f64>,
}

/// For each attenuation, the percentage of an average year it is exceeded.
pub fn p618_exceedance(r: &P618ExceedanceRequest) -> ApiResult<Value> {
    let m = maps()?;
    let (elevation_deg, hs_km) = p618_site(
        m,
        r.lat_deg,
        r.lon_deg,
        r.elevation_deg,
        r.satellite_lon_deg,
        r.hs_km,
    )?;
    if r.a_db.is_empty() {
        return Err(Problem::invalid("a_db", "give at least one attenuation"));
    }
    let input = TotalInput {
        lat_deg: r.lat_deg,
        lon_deg: r.lon_deg,
        hs_km: Some(hs_km),
        freq_ghz: r.freq_ghz,
        elevation_deg,
        d_m: r.d_m,
        eta: r.eta,
        tau_deg: r.tau_deg,
        p_pct: 1.0,
    };
    let rows = r
        .a_db
        .iter()
        .enumerate()
        .map(|(i, &a)| {
            if !a.is_finite() || a < 0.0 {
                return Err(Problem::invalid(
                    format!("a_db[{i}]"),
                    "expected a non-negative attenuation in dB",
                ));
            }
            let (p, note) = match total_exceedance(m, &input, a).map_err(itur_problem)? {
                Exceedance::Pct(p) => (Some(p), "exceeded p_pct % of an average year"),
                Exceedance::BelowRange(_) => (None, "exceeded less than 0.001 % of the time"),
                Exceedance::AboveRange(_) => (None, "exceeded more than 50 % of the time"),
                _ => (None, "outside the model's range"),
            };
            Ok(json!({"a_db": a, "p_pct": p, "note": note}))
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(json!({
        "recommendation": "ITU-R P.618-13 §2.5 (inverted)",
        "elevation_deg": elevation_deg,
        "hs_km": hs_km,
        "rows": rows,
    }))
}

/// P.618-13 inverse: how often each total attenuation is exceeded.
#[utoipa::path(post, path = "/itu/p618-exceedance", tag = "itu", request_body = P618ExceedanceRequest,
    responses((status = 200, description = "percentage of an average year per attenuation", body = Object), Problems))]
pub(super) async fn p618_exceedance_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<P618ExceedanceRequest>,
) -> ApiResult<Json<Value>> {
    st.compute(move |_, _| p618_exceedance(&req))
        .await
        .map(Json)
}
