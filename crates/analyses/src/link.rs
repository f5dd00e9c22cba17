//! ITU-R and link analyses: P.618-13 attenuation at a site, the budget of a
//! link file, and attenuation / link maps over a grid toward a GEO
//! satellite (`silkway-itur`, `silkway-link`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use silkway_itur::Maps;
use silkway_itur::p618::total::{TotalInput, total_attenuation};
use silkway_link::map::{MapSpec, attenuation_map, link_over_grid};
use silkway_link::{LinkFile, P618Fade, link_report};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;
use crate::body::{Body, parse_json};
use crate::jobs::{Control, cancelled};
use crate::kinds::Problems;
use crate::orbit::too_long;
use crate::problem::{ApiResult, Problem};

/// Largest grid (points) a synchronous map request computes; larger maps
/// go through the `attenuation_map` job kind.
pub const SYNC_MAX_POINTS: usize = 10_000;
/// The same with a link file evaluated at every point.
pub const SYNC_MAX_LINK_POINTS: usize = 400;

/// The installed ITU-R maps, or a 503 saying how to install them.
pub fn maps() -> ApiResult<&'static Maps> {
    let maps = Maps::global();
    maps.require_installed()
        .map_err(|e| Problem::unavailable(e.to_string()))?;
    Ok(maps)
}

/// An ITU-R model error as a problem: bad inputs name the field.
pub(crate) fn itur_problem(e: silkway_itur::Error) -> Problem {
    match e {
        silkway_itur::Error::InvalidInput { name, .. } => Problem::invalid(name, e.to_string()),
        silkway_itur::Error::MapMissing { .. } | silkway_itur::Error::MapCorrupt { .. } => {
            Problem::unavailable(e.to_string())
        }
        silkway_itur::Error::Cancelled => cancelled(),
        other => Problem::internal(other.to_string()),
    }
}

/// A link-crate error as a problem naming the field.
fn link_problem(e: silkway_link::Error) -> Problem {
    use silkway_link::Error as E;
    match e {
        E::InvalidInput { ref field, .. } | E::InvalidField { ref field, .. } => {
            Problem::invalid(field.clone(), e.to_string())
        }
        E::Parse { message } => Problem::invalid("link", message),
        E::Contour { message } => Problem::invalid("levels_db", message),
        E::NotVisible { .. } => Problem::invalid("satellite", e.to_string()),
        E::Cancelled => cancelled(),
        E::Propagation(inner) => match inner.downcast::<silkway_itur::Error>() {
            Ok(itu) => itur_problem(*itu),
            Err(other) => Problem::internal(format!("propagation model: {other}")),
        },
        other => Problem::internal(other.to_string()),
    }
}

// ---------------------------------------------------------------- P.618

fn default_eta() -> f64 {
    0.65
}
fn default_tau() -> f64 {
    45.0
}
fn default_p_pct() -> Vec<f64> {
    vec![0.01, 0.1, 0.5, 1.0]
}

/// ITU-R P.618-13 §2.5 total attenuation at a site toward a satellite.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct P618Request {
    /// Site latitude, degrees north.
    pub lat_deg: f64,
    /// Site longitude, degrees east.
    pub lon_deg: f64,
    /// Frequency, GHz.
    pub freq_ghz: f64,
    /// Elevation, degrees; or give `satellite_lon_deg` (GEO) to compute it.
    #[serde(default)]
    pub elevation_deg: Option<f64>,
    /// GEO slot longitude, degrees east (gives the elevation).
    #[serde(default)]
    pub satellite_lon_deg: Option<f64>,
    /// Station height above sea level, km (default: ITU-R P.1511 topography).
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
    /// Percentages of an average year, %.
    #[serde(default = "default_p_pct")]
    pub p_pct: Vec<f64>,
}

/// Attenuation exceeded `p_pct` % of an average year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct P618Row {
    /// Percentage of an average year, %.
    pub p_pct: f64,
    /// Gaseous attenuation (P.676), dB.
    pub a_gas_db: f64,
    /// Cloud attenuation (P.840), dB.
    pub a_cloud_db: f64,
    /// Rain attenuation (P.618 §2.2.1.1), dB.
    pub a_rain_db: f64,
    /// Scintillation fade depth (P.618 §2.4.1), dB.
    pub a_scint_db: f64,
    /// Total (P.618 §2.5), dB.
    pub a_total_db: f64,
}

/// P.618 attenuation at one site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct P618Response {
    /// The Recommendation applied.
    pub recommendation: String,
    /// Elevation used, degrees.
    pub elevation_deg: f64,
    /// Station height used, km.
    pub hs_km: f64,
    /// One row per percentage.
    pub rows: Vec<P618Row>,
}

/// The elevation (given, or toward a GEO slot) and the station height
/// (given, or P.1511 topography) of a P.618 site.
pub(crate) fn p618_site(
    maps: &Maps,
    lat_deg: f64,
    lon_deg: f64,
    elevation_deg: Option<f64>,
    satellite_lon_deg: Option<f64>,
    hs_km: Option<f64>,
) -> ApiResult<(f64, f64)> {
    let elevation_deg = match (elevation_deg, satellite_lon_deg) {
        (Some(e), None) => e,
        (None, Some(sat_lon)) => {
            silkway_link::geo_look(lat_deg, lon_deg, 0.0, sat_lon)
                .map_err(link_problem)?
                .elevation_deg
        }
        _ => {
            return Err(Problem::invalid(
                "elevation_deg",
                "give exactly one of elevation_deg and satellite_lon_deg",
            ));
        }
    };
    let hs_km = match hs_km {
        Some(h) => h,
        None => silkway_itur::p1511::topographic_height_km(maps, lat_deg, lon_deg)
            .map_err(itur_problem)?,
    };
    Ok((elevation_deg, hs_km))
}

/// Compute the P.618 attenuations of `req`.
pub fn p618(req: &P618Request) -> ApiResult<P618Response> {
    let maps = maps()?;
    let (elevation_deg, hs_km) = p618_site(
        maps,
        req.lat_deg,
        req.lon_deg,
        req.elevation_deg,
        req.satellite_lon_deg,
        req.hs_km,
    )?;
    if req.p_pct.is_empty() {
        return Err(Problem::invalid("p_pct", "give at least one percentage"));
    }
    let rows = req
        .p_pct
        .iter()
        .map(|&p_pct| {
            let t = total_attenuation(
                maps,
                &TotalInput {
                    lat_deg: req.lat_deg,
                    lon_deg: req.lon_deg,
                    hs_km: Some(hs_km),
                    freq_ghz: req.freq_ghz,
                    elevation_deg,
                    d_m: req.d_m,
                    eta: req.eta,
                    tau_deg: req.tau_deg,
                    p_pct,
                },
            )
            .map_err(itur_problem)?;
            Ok(P618Row {
                p_pct,
                a_gas_db: t.a_gas_db,
                a_cloud_db: t.a_cloud_db,
                a_rain_db: t.a_rain_db,
                a_scint_db: t.a_scint_db,
                a_total_db: t.a_total_db,
            })
        })
        .collect::<ApiResult<_>>()?;
    Ok(P618Response {
        recommendation: "ITU-R P.618-13 §2.5".into(),
        elevation_deg,
        hs_km,
        rows,
    })
}

/// P.618-13 total attenuation (gas, cloud, rain, scintillation) at a site.
#[utoipa::path(post, path = "/itu/p618", tag = "link",
    request_body = P618Request,
    responses((status = 200, description = "attenuation per percentage", body = P618Response), Problems))]
async fn p618_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<P618Request>,
) -> ApiResult<Json<P618Response>> {
    st.compute(move |_, _| p618(&req)).await.map(Json)
}

// ---------------------------------------------------------------- budget

/// Parse a link file from a JSON body or a TOML one (`application/toml`,
/// `text/plain`).
fn link_file(headers: &HeaderMap, body: &[u8]) -> ApiResult<LinkFile> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ct.starts_with("application/json") {
        parse_json(body)
    } else if ct.starts_with("application/toml") || ct.starts_with("text/plain") {
        let text = std::str::from_utf8(body)
            .map_err(|_| Problem::bad_request("the TOML body is not UTF-8"))?;
        LinkFile::from_toml_str(text).map_err(link_problem)
    } else {
        Err(Problem::new(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the link file as application/json or application/toml",
        ))
    }
}

/// Up/down/end-to-end budget of a link file (the format of
/// `crates/link/README.md`, as JSON or TOML) with DVB-S2/S2X ACM
/// availability over an average year on ITU-R P.618-13 fades. The response
/// is the `LinkReport` of `silkway link budget --format json`.
#[utoipa::path(post, path = "/link/budget", tag = "link",
    request_body(content = Object, description = "a link file", content_type = "application/json"),
    responses((status = 200, description = "the link report", body = Object), Problems))]
async fn budget_handler(
    State(st): State<AnalysesState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let file = link_file(&headers, &body)?;
    st.compute(move |_, _| {
        let maps = maps()?;
        let report = link_report(&file, &P618Fade::new(maps)).map_err(link_problem)?;
        serde_json::to_value(report).map_err(|e| Problem::internal(e.to_string()))
    })
    .await
    .map(Json)
}

// ---------------------------------------------------------------- maps

fn default_levels() -> Vec<f64> {
    vec![0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 15.0, 20.0]
}

/// What a map returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MapOutput {
    /// Filled contour bands of the total attenuation (GeoJSON polygons).
    #[default]
    Isobands,
    /// One GeoJSON point per grid node with its figures.
    Points,
}

/// Attenuation (and optionally a link's figures) over a lat/lon grid toward
/// a GEO satellite.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MapRequest {
    /// GEO slot longitude, degrees east.
    pub satellite_lon_deg: f64,
    /// Region `[west, south, east, north]`, degrees (edges inclusive).
    pub bbox: [f64; 4],
    /// Grid points along latitude.
    pub nlat: usize,
    /// Grid points along longitude.
    pub nlon: usize,
    /// Frequency, GHz.
    pub freq_ghz: f64,
    /// Percentage of an average year, %.
    pub p_pct: f64,
    /// Antenna diameter, m.
    pub d_m: f64,
    /// Antenna efficiency (0–1].
    #[serde(default = "default_eta")]
    pub eta: f64,
    /// Polarization tilt, degrees.
    #[serde(default = "default_tau")]
    pub tau_deg: f64,
    /// Band edges for `isobands`, dB, increasing.
    #[serde(default = "default_levels")]
    pub levels_db: Vec<f64>,
    /// `isobands` (default) or `points`.
    #[serde(default)]
    pub output: MapOutput,
    /// A link file: with `points`, each point also gets the clear-sky
    /// C/(N+I), ACM availability, outage and mean throughput of this link
    /// with its downlink site moved there.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub link: Option<LinkFile>,
}

/// Compute the map of `req` as a GeoJSON FeatureCollection.
pub fn map(req: &MapRequest, ctl: &Control) -> ApiResult<Value> {
    let maps = maps()?;
    let spec = MapSpec {
        sat_lon_deg: req.satellite_lon_deg,
        bbox_deg: req.bbox,
        nlat: req.nlat,
        nlon: req.nlon,
        freq_ghz: req.freq_ghz,
        p_pct: req.p_pct,
        d_m: req.d_m,
        eta: req.eta,
        tau_deg: req.tau_deg,
    };
    if req.link.is_some() && req.output != MapOutput::Points {
        return Err(Problem::invalid(
            "link",
            "link figures come with \"output\": \"points\"",
        ));
    }
    let grid_share = if req.link.is_some() { 0.2 } else { 1.0 };
    let each_row =
        |done, total| ctl.step_within(0.0, grid_share, done, total, "attenuation grid: rows");
    let grid = attenuation_map(maps, &spec, &each_row).map_err(link_problem)?;
    match req.output {
        MapOutput::Isobands => grid.isobands_geojson(&req.levels_db).map_err(link_problem),
        MapOutput::Points => {
            let figures = match &req.link {
                Some(file) => {
                    let each_point = |done, total| {
                        ctl.step_within(grid_share, 1.0, done, total, "link over the grid: points")
                    };
                    Some(
                        link_over_grid(maps, file, &grid.points, &each_point)
                            .map_err(link_problem)?,
                    )
                }
                None => None,
            };
            let features: Vec<Value> = grid
                .points
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut props = json!({
                        "elevation_deg": p.elevation_deg,
                        "slant_range_km": p.slant_range_km,
                    });
                    if let Some(a) = p.attenuation {
                        props["a_gas_db"] = json!(a.a_gas_db);
                        props["a_cloud_db"] = json!(a.a_cloud_db);
                        props["a_rain_db"] = json!(a.a_rain_db);
                        props["a_scint_db"] = json!(a.a_scint_db);
                        props["a_total_db"] = json!(a.a_total_db);
                    }
                    if let Some(Some(f)) = figures.as_ref().map(|v| v[i]) {
                        props["cnir_clear_db"] = json!(f.cnir_clear_db);
                        props["availability_pct"] = json!(f.availability_pct);
                        props["outage_minutes_per_year"] = json!(f.outage_minutes_per_year);
                        props["mean_throughput_mbps"] = json!(f.mean_throughput_mbps);
                    }
                    json!({
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [p.lon_deg, p.lat_deg]},
                        "properties": props,
                    })
                })
                .collect();
            Ok(json!({
                "type": "FeatureCollection",
                "features": features,
                "properties": {
                    "model": "ITU-R P.618-13 §2.5", "sat_lon_deg": spec.sat_lon_deg,
                    "f_ghz": spec.freq_ghz, "p_pct": spec.p_pct, "d_m": spec.d_m, "eta": spec.eta,
                },
            }))
        }
    }
}

/// Attenuation map toward a GEO satellite: contour bands (GeoJSON
/// polygons) or grid points with attenuation and, given a link file, its
/// availability and throughput at every point.
#[utoipa::path(post, path = "/link/map", tag = "link",
    request_body = MapRequest,
    responses((status = 200, description = "GeoJSON FeatureCollection", body = Object, content_type = "application/geo+json"), Problems))]
async fn map_handler(
    State(st): State<AnalysesState>,
    Body(req): Body<MapRequest>,
) -> ApiResult<impl IntoResponse> {
    let points = req.nlat.saturating_mul(req.nlon);
    let limit = if req.link.is_some() {
        SYNC_MAX_LINK_POINTS
    } else {
        SYNC_MAX_POINTS
    };
    if points > limit {
        return Err(too_long(
            "attenuation_map",
            format!("a {points}-point grid (at most {limit})"),
        ));
    }
    let fc = st.compute(move |_, ctl| map(&req, ctl)).await?;
    Ok(([(header::CONTENT_TYPE, "application/geo+json")], Json(fc)))
}

/// The ITU-R and link routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(p618_handler))
        .routes(routes!(budget_handler))
        .routes(routes!(map_handler))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_maps_are_a_503_saying_how_to_install_them() {
        let p = itur_problem(silkway_itur::Error::MapMissing {
            map: "r001".into(),
            dir: "/nowhere".into(),
        });
        assert_eq!(p.status, 503);
        assert!(p.detail.unwrap().contains(silkway_itur::INSTALL_HINT));
        // The same through the link crate's propagation error.
        let p = link_problem(silkway_link::Error::Propagation(Box::new(
            silkway_itur::Error::MapMissing {
                map: "r001".into(),
                dir: "/nowhere".into(),
            },
        )));
        assert_eq!(p.status, 503);
        let p = itur_problem(silkway_itur::Error::InvalidInput {
            name: "freq_ghz",
            value: 1000.0,
            expected: "1 to 55 GHz",
        });
        assert_eq!((p.status, p.errors[0].field.as_str()), (422, "freq_ghz"));
    }
}
