//! Climatology from the ITU-R digital maps at a site: refractivity
//! (P.453-14), water vapour (P.836-6), rain rate (P.837-7), rain height
//! (P.839-4), cloud liquid water (P.840-8), temperature (P.1510-1),
//! topography (P.1511-2). Same outputs as `silkway itu <rec>`.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use silkway_itur::{p453, p836, p837, p839, p840, p1510, p1511};
use utoipa::ToSchema;

use crate::AnalysesState;
use crate::body::Body;
use crate::kinds::Problems;
use crate::link::{itur_problem, maps};
use crate::problem::ApiResult;

/// A site.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteRequest {
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
}

/// A site and a percentage of an average year, with the optional inputs
/// some Recommendations take.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SitePctRequest {
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Percentage of an average year, % (P.837: optional, the rainfall
    /// rate exceeded then; P.453: default 50).
    #[serde(default)]
    pub p_pct: Option<f64>,
    /// P.836: station height, km (default: the map's surface).
    #[serde(default)]
    pub alt_km: Option<f64>,
    /// P.840: frequency, GHz, for the cloud attenuation (with `elevation_deg`).
    #[serde(default)]
    pub freq_ghz: Option<f64>,
    /// P.840: elevation, degrees, for the cloud attenuation (with `freq_ghz`).
    #[serde(default)]
    pub elevation_deg: Option<f64>,
}

fn required_pct(r: &SitePctRequest) -> ApiResult<f64> {
    r.p_pct.ok_or_else(|| {
        crate::Problem::invalid("p_pct", "missing (required by this Recommendation)")
    })
}

fn site_json(r: &SitePctRequest) -> Value {
    json!({"lat_deg": r.lat_deg, "lon_deg": r.lon_deg})
}

/// P.453-14 wet term of the surface refractivity exceeded `p_pct` %.
pub fn p453(r: &SitePctRequest) -> ApiResult<Value> {
    let p = r.p_pct.unwrap_or(50.0);
    let n_wet =
        p453::map_wet_refractivity(maps()?, r.lat_deg, r.lon_deg, p).map_err(itur_problem)?;
    let mut v = site_json(r);
    v["recommendation"] = json!("ITU-R P.453-14");
    v["p_pct"] = json!(p);
    v["n_wet"] = json!(n_wet);
    Ok(v)
}

/// P.836-6 surface water-vapour density and total columnar content.
pub fn p836(r: &SitePctRequest) -> ApiResult<Value> {
    let (m, p) = (maps()?, required_pct(r)?);
    let rho = p836::surface_water_vapour_density_g_m3(m, r.lat_deg, r.lon_deg, p, r.alt_km)
        .map_err(itur_problem)?;
    let vt = p836::total_water_vapour_content_kg_m2(m, r.lat_deg, r.lon_deg, p, r.alt_km)
        .map_err(itur_problem)?;
    let mut v = site_json(r);
    v["recommendation"] = json!("ITU-R P.836-6");
    v["p_pct"] = json!(p);
    v["alt_km"] = json!(r.alt_km);
    v["rho_g_m3"] = json!(rho);
    v["v_t_kg_m2"] = json!(vt);
    Ok(v)
}

/// P.837-7 rain rate exceeded 0.01 %, probability of rain, and the rate
/// exceeded `p_pct` % when given.
pub fn p837(r: &SitePctRequest) -> ApiResult<Value> {
    let m = maps()?;
    let rate = r
        .p_pct
        .map(|p| p837::rainfall_rate_mm_h(m, r.lat_deg, r.lon_deg, p))
        .transpose()
        .map_err(itur_problem)?;
    let mut v = site_json(r);
    v["recommendation"] = json!("ITU-R P.837-7");
    v["r001_mm_h"] = json!(p837::r001_mm_h(m, r.lat_deg, r.lon_deg).map_err(itur_problem)?);
    v["rain_probability_pct"] =
        json!(p837::rain_probability_pct(m, r.lat_deg, r.lon_deg).map_err(itur_problem)?);
    v["p_pct"] = json!(r.p_pct);
    v["rainfall_rate_mm_h"] = json!(rate);
    Ok(v)
}

/// P.839-4 0 °C isotherm and rain height.
pub fn p839(r: &SiteRequest) -> ApiResult<Value> {
    let m = maps()?;
    Ok(json!({
        "recommendation": "ITU-R P.839-4",
        "lat_deg": r.lat_deg, "lon_deg": r.lon_deg,
        "h0_km": p839::isotherm_0c_height_km(m, r.lat_deg, r.lon_deg).map_err(itur_problem)?,
        "hr_km": p839::rain_height_km(m, r.lat_deg, r.lon_deg).map_err(itur_problem)?,
    }))
}

/// P.840-8 reduced cloud liquid water exceeded `p_pct` %, and the cloud
/// attenuation when `freq_ghz` and `elevation_deg` are given.
pub fn p840(r: &SitePctRequest) -> ApiResult<Value> {
    let (m, p) = (maps()?, required_pct(r)?);
    let lred = p840::reduced_liquid_kg_m2(m, r.lat_deg, r.lon_deg, p).map_err(itur_problem)?;
    let (kl, ac) = match (r.freq_ghz, r.elevation_deg) {
        (Some(f), Some(el)) => (
            Some(p840::specific_coefficient(f, 273.15).map_err(itur_problem)?),
            Some(
                p840::cloud_attenuation_db(m, r.lat_deg, r.lon_deg, el, f, p)
                    .map_err(itur_problem)?,
            ),
        ),
        (None, None) => (None, None),
        (None, Some(_)) => {
            return Err(crate::Problem::invalid(
                "freq_ghz",
                "give it with elevation_deg for the cloud attenuation",
            ));
        }
        (Some(_), None) => {
            return Err(crate::Problem::invalid(
                "elevation_deg",
                "give it with freq_ghz for the cloud attenuation",
            ));
        }
    };
    let mut v = site_json(r);
    v["recommendation"] = json!("ITU-R P.840-8");
    v["p_pct"] = json!(p);
    v["lred_kg_m2"] = json!(lred);
    v["kl_db_km_per_g_m3"] = json!(kl);
    v["a_cloud_db"] = json!(ac);
    Ok(v)
}

/// P.1510-1 annual mean surface temperature.
pub fn p1510(r: &SiteRequest) -> ApiResult<Value> {
    Ok(json!({
        "recommendation": "ITU-R P.1510-1",
        "lat_deg": r.lat_deg, "lon_deg": r.lon_deg,
        "t_k": p1510::surface_mean_temperature_k(maps()?, r.lat_deg, r.lon_deg).map_err(itur_problem)?,
    }))
}

/// P.1511-2 topographic height.
pub fn p1511(r: &SiteRequest) -> ApiResult<Value> {
    Ok(json!({
        "recommendation": "ITU-R P.1511-2",
        "lat_deg": r.lat_deg, "lon_deg": r.lon_deg,
        "hs_km": p1511::topographic_height_km(maps()?, r.lat_deg, r.lon_deg).map_err(itur_problem)?,
    }))
}

macro_rules! handler {
    ($name:ident, $path:literal, $req:ty, $f:ident, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "itu", request_body = $req,
                            responses((status = 200, description = $doc, body = Object), Problems))]
        pub(super) async fn $name(
            State(st): State<AnalysesState>,
            Body(req): Body<$req>,
        ) -> ApiResult<Json<Value>> {
            st.compute(move |_, _| $f(&req)).await.map(Json)
        }
    };
}

handler!(
    p453_handler,
    "/itu/p453",
    SitePctRequest,
    p453,
    "P.453-14 wet refractivity exceeded p_pct % (default 50)."
);
handler!(
    p836_handler,
    "/itu/p836",
    SitePctRequest,
    p836,
    "P.836-6 surface water-vapour density and columnar content exceeded p_pct %."
);
handler!(
    p837_handler,
    "/itu/p837",
    SitePctRequest,
    p837,
    "P.837-7 rain rate: R0.01, probability of rain, rate exceeded p_pct %."
);
handler!(
    p839_handler,
    "/itu/p839",
    SiteRequest,
    p839,
    "P.839-4 0 °C isotherm and rain height."
);
handler!(
    p840_handler,
    "/itu/p840",
    SitePctRequest,
    p840,
    "P.840-8 reduced cloud liquid water exceeded p_pct % and cloud attenuation."
);
handler!(
    p1510_handler,
    "/itu/p1510",
    SiteRequest,
    p1510,
    "P.1510-1 annual mean surface temperature."
);
handler!(
    p1511_handler,
    "/itu/p1511",
    SiteRequest,
    p1511,
    "P.1511-2 topographic height."
);
