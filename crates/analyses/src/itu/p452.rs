//! ITU-R P.452-18 clear-air basic transmission loss between two stations,
//! over a given terrain profile or along the great circle (P.1511-2
//! terrain, zones from the embedded Natural Earth coastline), as `silkway
//! itu p452` computes it; the report (inputs, losses, path geometry) is
//! the same document in both.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use silkway_itur::p452::{
    Coastline, Inputs, LonLat, PathAnalysis, PathProfile, Polarization, Prediction, ProfileOptions,
    Zone, great_circle_profile,
};
use utoipa::ToSchema;

use crate::AnalysesState;
use crate::body::Body;
use crate::kinds::Problems;
use crate::link::{itur_problem, maps};
use crate::problem::{ApiResult, Problem};

/// A terrain profile given point by point (ITU-R WP 3M validation-file
/// columns), transmitter first.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileInput {
    /// Distances from the transmitter, km (from 0, increasing).
    pub d_km: Vec<f64>,
    /// Terrain heights above mean sea level, m.
    pub h_m: Vec<f64>,
    /// Representative clutter heights, m (default 0 everywhere).
    #[serde(default)]
    pub clutter_m: Option<Vec<f64>>,
    /// Radio-climatic zones: `A1` coastal land, `A2` inland, `B` sea.
    pub zones: Vec<String>,
}

/// How to build the profile along the great circle.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GreatCircleInput {
    /// Profile spacing, km.
    #[serde(default = "default_step")]
    pub step_km: f64,
    /// Representative clutter height on land points, m.
    #[serde(default)]
    pub clutter_m: f64,
}

fn default_step() -> f64 {
    0.25
}
fn default_press() -> f64 {
    1013.25
}
fn default_temp() -> f64 {
    15.0
}

/// A P.452 prediction request (the names of `silkway itu p452`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct P452Request {
    /// The terrain profile; or give `great_circle`.
    #[serde(default)]
    pub profile: Option<ProfileInput>,
    /// Build the profile along the great circle (needs the ITU-R maps).
    #[serde(default)]
    pub great_circle: Option<GreatCircleInput>,
    /// Frequency, GHz (0.1–50).
    pub f_ghz: f64,
    /// Time percentage the loss is not exceeded, % (0.001–50).
    pub p_pct: f64,
    /// Transmitter antenna height above ground, m.
    pub htg_m: f64,
    /// Receiver antenna height above ground, m.
    pub hrg_m: f64,
    /// Transmitter longitude, degrees east.
    pub phit_e: f64,
    /// Transmitter latitude, degrees north.
    pub phit_n: f64,
    /// Receiver longitude, degrees east.
    pub phir_e: f64,
    /// Receiver latitude, degrees north.
    pub phir_n: f64,
    /// Transmitter gain toward the horizon along the path, dBi.
    pub gt_dbi: f64,
    /// Receiver gain toward the horizon along the path, dBi.
    pub gr_dbi: f64,
    /// Polarization: `h` or `v`.
    pub pol: String,
    /// Transmitter distance from the coast over land, km (required with
    /// `profile`; default from the coastline with `great_circle`).
    #[serde(default)]
    pub dct_km: Option<f64>,
    /// Receiver distance from the coast over land, km (as `dct_km`).
    #[serde(default)]
    pub dcr_km: Option<f64>,
    /// Surface pressure, hPa.
    #[serde(default = "default_press")]
    pub press_hpa: f64,
    /// Surface temperature, °C.
    #[serde(default = "default_temp")]
    pub temp_c: f64,
    /// Average refractivity lapse rate through the lowest 1 km, ΔN
    /// (N-units/km), at the path centre.
    pub dn: f64,
    /// Sea-level surface refractivity N0 (N-units) at the path centre.
    pub n0: f64,
}

/// The report of one prediction: inputs, losses (dB) and path geometry.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[allow(missing_docs)] // the names are P.452-18's symbols, documented in docs/api-analyses.md
pub struct P452Result {
    pub recommendation: &'static str,
    pub profile: String,
    pub profile_points: usize,
    pub f_ghz: f64,
    pub p_pct: f64,
    pub htg_m: f64,
    pub hrg_m: f64,
    pub phit_e: f64,
    pub phit_n: f64,
    pub phir_e: f64,
    pub phir_n: f64,
    pub gt_dbi: f64,
    pub gr_dbi: f64,
    pub pol: &'static str,
    pub dct_km: f64,
    pub dcr_km: f64,
    pub press_hpa: f64,
    pub temp_c: f64,
    pub dn: f64,
    pub n0: f64,
    pub path: &'static str,
    pub lb_db: f64,
    pub lbfsg_db: f64,
    pub lb0p_db: f64,
    pub lb0b_db: f64,
    pub ldsph_db: f64,
    pub ld50_db: f64,
    pub ldp_db: f64,
    pub lbs_db: f64,
    pub lba_db: f64,
    pub ae_km: f64,
    pub dtot_km: f64,
    pub hts_m: f64,
    pub hrs_m: f64,
    pub theta_t_mrad: f64,
    pub theta_r_mrad: f64,
    pub theta_mrad: f64,
    pub hm_m: f64,
    pub hte_m: f64,
    pub hre_m: f64,
    pub hstd_m: f64,
    pub hsrd_m: f64,
    pub dlt_km: f64,
    pub dlr_km: f64,
    pub dtm_km: f64,
    pub dlm_km: f64,
    pub b0_pct: f64,
    pub omega: f64,
}

/// The report of prediction `r` for `inputs` over a profile described by
/// `profile` (`profile_points` points).
pub fn p452_report(
    profile: String,
    profile_points: usize,
    inputs: &Inputs,
    r: &Prediction,
) -> P452Result {
    let g = &r.geometry;
    P452Result {
        recommendation: "ITU-R P.452-18 §4 (clear air)",
        profile,
        profile_points,
        f_ghz: inputs.freq_ghz,
        p_pct: inputs.p_pct,
        htg_m: inputs.htg_m,
        hrg_m: inputs.hrg_m,
        phit_e: inputs.tx.lon_deg,
        phit_n: inputs.tx.lat_deg,
        phir_e: inputs.rx.lon_deg,
        phir_n: inputs.rx.lat_deg,
        gt_dbi: inputs.gt_dbi,
        gr_dbi: inputs.gr_dbi,
        pol: match inputs.pol {
            Polarization::Horizontal => "h",
            Polarization::Vertical => "v",
        },
        dct_km: inputs.dct_km,
        dcr_km: inputs.dcr_km,
        press_hpa: inputs.press_hpa,
        temp_c: inputs.temp_c,
        dn: inputs.dn,
        n0: inputs.n0,
        path: g.kind.label(),
        lb_db: r.lb_db,
        lbfsg_db: r.lbfsg_db,
        lb0p_db: r.lb0p_db,
        lb0b_db: r.lb0b_db,
        ldsph_db: r.ldsph_db,
        ld50_db: r.ld50_db,
        ldp_db: r.ldp_db,
        lbs_db: r.lbs_db,
        lba_db: r.lba_db,
        ae_km: r.ae_km,
        dtot_km: g.dtot_km,
        hts_m: g.hts_m,
        hrs_m: g.hrs_m,
        theta_t_mrad: g.theta_t_mrad,
        theta_r_mrad: g.theta_r_mrad,
        theta_mrad: g.theta_mrad,
        hm_m: g.hm_m,
        hte_m: g.hte_m,
        hre_m: g.hre_m,
        hstd_m: g.hstd_m,
        hsrd_m: g.hsrd_m,
        dlt_km: g.dlt_km,
        dlr_km: g.dlr_km,
        dtm_km: r.dtm_km,
        dlm_km: r.dlm_km,
        b0_pct: r.b0_pct,
        omega: r.omega,
    }
}

fn given_profile(p: &ProfileInput) -> ApiResult<PathProfile> {
    let zones = p
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| {
            Zone::from_label(z).ok_or_else(|| {
                Problem::invalid(
                    format!("profile.zones[{i}]"),
                    format!("expected A1, A2 or B, found {z:?}"),
                )
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    let clutter = p
        .clutter_m
        .clone()
        .unwrap_or_else(|| vec![0.0; p.d_km.len()]);
    PathProfile::new(p.d_km.clone(), p.h_m.clone(), clutter, zones)
        .map_err(|e| Problem::invalid("profile", e.to_string()))
}

/// Predict the loss of `r`.
pub fn p452(r: &P452Request) -> ApiResult<P452Result> {
    let tx = LonLat {
        lon_deg: r.phit_e,
        lat_deg: r.phit_n,
    };
    let rx = LonLat {
        lon_deg: r.phir_e,
        lat_deg: r.phir_n,
    };
    let (profile, label, dct, dcr) = match (&r.profile, &r.great_circle) {
        (Some(p), None) => {
            let profile = given_profile(p)?;
            let dct = r
                .dct_km
                .ok_or_else(|| Problem::invalid("dct_km", "required with a given profile"))?;
            let dcr = r
                .dcr_km
                .ok_or_else(|| Problem::invalid("dcr_km", "required with a given profile"))?;
            (profile, "given profile".to_owned(), dct, dcr)
        }
        (None, Some(gc)) => {
            let opts = ProfileOptions {
                step_km: gc.step_km,
                land_clutter_m: gc.clutter_m,
            };
            let g = great_circle_profile(maps()?, Coastline::caspian_region(), tx, rx, &opts)
                .map_err(itur_problem)?;
            let label = format!(
                "great circle, P.1511-2 terrain every {} km, Natural Earth zones",
                gc.step_km
            );
            (
                g.profile,
                label,
                r.dct_km.unwrap_or(g.dct_km),
                r.dcr_km.unwrap_or(g.dcr_km),
            )
        }
        _ => {
            return Err(Problem::invalid(
                "profile",
                "give exactly one of profile and great_circle",
            ));
        }
    };
    let pol = match r.pol.as_str() {
        "h" | "H" => Polarization::Horizontal,
        "v" | "V" => Polarization::Vertical,
        other => {
            return Err(Problem::invalid(
                "pol",
                format!("expected \"h\" or \"v\", found {other:?}"),
            ));
        }
    };
    let inputs = Inputs {
        freq_ghz: r.f_ghz,
        p_pct: r.p_pct,
        htg_m: r.htg_m,
        hrg_m: r.hrg_m,
        tx,
        rx,
        gt_dbi: r.gt_dbi,
        gr_dbi: r.gr_dbi,
        pol,
        dct_km: dct,
        dcr_km: dcr,
        press_hpa: r.press_hpa,
        temp_c: r.temp_c,
        dn: r.dn,
        n0: r.n0,
    };
    let prediction = PathAnalysis::new(&profile, &inputs)
        .and_then(|a| a.predict(&inputs))
        .map_err(itur_problem)?;
    Ok(p452_report(label, profile.len(), &inputs, &prediction))
}

/// ITU-R P.452-18 basic transmission loss not exceeded p % of the time.
#[utoipa::path(post, path = "/itu/p452", tag = "itu", request_body = P452Request,
    responses((status = 200, description = "losses and path geometry", body = P452Result), Problems))]
pub(super) async fn p452_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<P452Request>,
) -> ApiResult<Json<P452Result>> {
    st.compute(move |_, _| p452(&req)).await.map(Json)
}
