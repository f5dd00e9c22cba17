//! RR Appendix 7: the coordination distance and contour of an earth station
//! with respect to terrestrial stations, propagation mode (1).
//!
//! For each azimuth α around the earth station (step `azimuth_step_deg`):
//!
//! 1. the earth-station antenna gain toward the horizon, `G(φ(α))`, from
//!    the App. 7 reference pattern ([`antenna::App7Pattern`]) and the angle
//!    between the main beam and the horizon at elevation θh(α);
//! 2. the required minimum loss `Lb(p) = Pt' + Gt + Gr − Pr(p)` with the
//!    system parameters of the band ([`params`]), p = p0/n;
//! 3. the radio-climatic zones along the great circle, from Natural Earth
//!    land polygons or given ([`zones`]);
//! 4. the smallest distance, not below `dmin(f)` and not beyond the
//!    zone-weighted maximum, beyond which the mode (1) loss
//!    ([`mode1`]) stays at or above Lb(p).
//!
//! The contour joins the per-azimuth distances into a GeoJSON polygon.
//! Propagation mode (2) (rain scatter) is not implemented. The model and
//! its departures from App. 7's text are described in [`mode1`] and in
//! `docs/spectrum-coordination.md`.

pub mod antenna;
pub mod countries;
pub mod mode1;
pub mod params;
pub mod zones;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Result, in_range, positive};
use crate::geometry::MEAN_EARTH_RADIUS_KM;
use antenna::{App7Pattern, off_axis_to_horizon_deg};
use mode1::{Mode1Params, PathZones, max_distance_km, min_coordination_distance_km};
pub use params::{EarthStationRole, ParameterTable, SystemParameters, required_loss_db};
use zones::{COASTAL_STRIP_KM, ZoneSource};

/// The earth station whose coordination distance is wanted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EarthStation {
    /// Identifier (assignment id, or `lat,lon`).
    pub id: String,
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Transmitting or receiving.
    pub role: EarthStationRole,
    /// Frequency, MHz.
    pub freq_mhz: f64,
    /// Boresight gain, dBi.
    pub gmax_dbi: f64,
    /// Main-beam azimuth, degrees.
    pub pointing_azimuth_deg: f64,
    /// Main-beam elevation, degrees.
    pub pointing_elevation_deg: f64,
    /// Transmitting: maximum power at the antenna input in the reference
    /// bandwidth B, dBW.
    pub power_dbw_in_ref_bw: Option<f64>,
    /// Receiving: system noise temperature, K (default from the parameters).
    pub noise_temp_k: Option<f64>,
}

/// Horizon elevation per azimuth: (azimuth_deg, elevation_deg) pairs,
/// interpolated linearly and periodically; empty = 0° everywhere.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HorizonProfile(pub Vec<(f64, f64)>);

impl HorizonProfile {
    /// Elevation at `az_deg`, degrees.
    pub fn at(&self, az_deg: f64) -> f64 {
        let p = &self.0;
        match p.len() {
            0 => 0.0,
            1 => p[0].1,
            n => {
                let a = az_deg.rem_euclid(360.0);
                let k = p.iter().position(|&(x, _)| x > a).unwrap_or(n);
                let (lo, hi) = if k == 0 || k == n {
                    (p[n - 1], (p[0].0 + 360.0, p[0].1))
                } else {
                    (p[k - 1], p[k])
                };
                let a = if a < lo.0 { a + 360.0 } else { a };
                let t = if hi.0 > lo.0 {
                    (a - lo.0) / (hi.0 - lo.0)
                } else {
                    0.0
                };
                lo.1 + t * (hi.1 - lo.1)
            }
        }
    }

    /// Parse `az:el,az:el,...` (degrees).
    ///
    /// # Errors
    /// A malformed pair, naming it.
    pub fn parse(text: &str) -> Result<Self> {
        let mut v = Vec::new();
        for item in text.split(',').filter(|s| !s.trim().is_empty()) {
            let bad = || crate::Error::Parse {
                origin: "--horizon".into(),
                message: format!("expected azimuth_deg:elevation_deg, found {item:?}"),
            };
            let (a, e) = item.split_once(':').ok_or_else(bad)?;
            let a: f64 = a.trim().parse().map_err(|_| bad())?;
            let e: f64 = e.trim().parse().map_err(|_| bad())?;
            in_range("horizon azimuth_deg", a, 0.0, 360.0)?;
            in_range("horizon elevation_deg", e, -5.0, 45.0)?;
            v.push((a, e));
        }
        v.sort_by(|x, y| x.0.total_cmp(&y.0));
        Ok(Self(v))
    }
}

/// Options of the computation.
#[derive(Debug, Clone)]
pub struct Request {
    /// The earth station.
    pub station: EarthStation,
    /// The system-parameter row.
    pub params: SystemParameters,
    /// Time percentage, % (default p0/n of the row).
    pub p_pct: Option<f64>,
    /// Azimuth step, degrees.
    pub azimuth_step_deg: f64,
    /// Distance step of the search and of the zone sampling, km.
    pub distance_step_km: f64,
    /// Horizon elevations.
    pub horizon: HorizonProfile,
    /// ΔN, N0, antenna heights, earth-station horizon distance (its
    /// `freq_ghz` and `p_pct` are replaced by the station's frequency and
    /// the time percentage above).
    pub climate: Mode1Params,
    /// Zones along the paths.
    pub zones: ZoneSource,
}

/// What set the distance at an azimuth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The minimum coordination distance.
    Dmin,
    /// Ducting/layer reflection needed more.
    Ducting,
    /// Troposcatter needed more.
    Troposcatter,
    /// The maximum mode (1) distance of the zones crossed.
    Dmax,
}

/// One azimuth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AzimuthDistance {
    /// Azimuth, degrees from north.
    pub azimuth_deg: f64,
    /// Horizon elevation θh, degrees.
    pub horizon_deg: f64,
    /// Off-axis angle of the horizon direction, degrees.
    pub off_axis_deg: f64,
    /// Earth-station gain toward the horizon, dBi.
    pub es_gain_dbi: f64,
    /// Required minimum loss Lb(p), dB.
    pub required_loss_db: f64,
    /// Coordination distance, km.
    pub distance_km: f64,
    /// What set it.
    pub limited_by: Limit,
    /// Mode (1) loss at that distance, dB.
    pub loss_at_distance_db: f64,
    /// Fraction of the path (to the distance) over sea (zone B).
    pub sea_fraction: f64,
}

/// The coordination distances around an earth station.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoordinationResult {
    /// The station.
    pub station: EarthStation,
    /// Parameter row id.
    pub params_id: String,
    /// Its source.
    pub params_source: String,
    /// Time percentage, %.
    pub p_pct: f64,
    /// Pr(p), dBW in the reference bandwidth.
    pub permissible_interference_dbw: f64,
    /// dmin(f), km.
    pub min_distance_km: f64,
    /// Where the zones come from.
    pub zones_source: String,
    /// Climate and heights used.
    pub climate: Mode1Params,
    /// Per azimuth.
    pub azimuths: Vec<AzimuthDistance>,
}

/// Point at `dist_km` along the great circle from (lat, lon) at `bearing_deg`.
pub fn destination(lat_deg: f64, lon_deg: f64, bearing_deg: f64, dist_km: f64) -> (f64, f64) {
    let (p1, l1) = (lat_deg.to_radians(), lon_deg.to_radians());
    let b = bearing_deg.to_radians();
    let d = dist_km / MEAN_EARTH_RADIUS_KM;
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
    let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    (
        p2.to_degrees(),
        (l2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0,
    )
}

/// Compute the coordination distance at every azimuth.
///
/// # Errors
/// Invalid inputs (each named); the App. 7 pattern's scope (D/λ ≥ 35).
pub fn coordination_distance(req: &Request) -> Result<CoordinationResult> {
    let s = &req.station;
    in_range("lat_deg", s.lat_deg, -90.0, 90.0)?;
    in_range("lon_deg", s.lon_deg, -180.0, 360.0)?;
    in_range(
        "pointing_elevation_deg",
        s.pointing_elevation_deg,
        -5.0,
        90.0,
    )?;
    crate::error::finite("pointing_azimuth_deg", s.pointing_azimuth_deg)?;
    in_range("azimuth_step_deg", req.azimuth_step_deg, 0.1, 90.0)?;
    in_range("distance_step_km", req.distance_step_km, 0.1, 20.0)?;
    req.params.validate()?;
    let freq_ghz = s.freq_mhz / 1e3;
    if s.freq_mhz < req.params.band_mhz[0] || s.freq_mhz > req.params.band_mhz[1] {
        return Err(crate::Error::Scenario(format!(
            "{}: {} MHz is outside the band of parameter entry {} ({}–{} MHz)",
            s.id, s.freq_mhz, req.params.id, req.params.band_mhz[0], req.params.band_mhz[1]
        )));
    }
    let p_pct = match req.p_pct {
        Some(p) => in_range("p_pct", p, 0.001, 50.0)?,
        None => req.params.p_pct().max(0.001),
    };
    let climate = Mode1Params {
        freq_ghz,
        p_pct,
        ..req.climate
    };
    climate.validate()?;
    let pattern = App7Pattern::new(s.gmax_dbi)?;
    let (te, pt, gx) = match s.role {
        EarthStationRole::Transmit => {
            let p = s
                .power_dbw_in_ref_bw
                .ok_or_else(|| crate::Error::InvalidInput {
                    field: "power_dbw_in_ref_bw".into(),
                    expected: "the transmitting earth station's power in the reference bandwidth"
                        .into(),
                    found: f64::NAN,
                })?;
            (
                req.params.noise_temp_k,
                crate::error::finite("power_dbw_in_ref_bw", p)?,
                req.params.terrestrial_gain_dbi,
            )
        }
        EarthStationRole::Receive => (
            positive(
                "noise_temp_k",
                s.noise_temp_k.unwrap_or(req.params.noise_temp_k),
            )?,
            req.params.terrestrial_power_dbw.unwrap_or(f64::NAN),
            req.params.terrestrial_gain_dbi,
        ),
    };
    let pr = req.params.permissible_interference_dbw(te);
    let dmin = min_coordination_distance_km(freq_ghz, s.lat_deg)?;
    let es_coast_km = req
        .zones
        .distance_to_coast_km(s.lat_deg, s.lon_deg, COASTAL_STRIP_KM);
    let n_az = (360.0 / req.azimuth_step_deg).round().max(1.0) as usize;
    let step = req.distance_step_km;
    let azimuths: Result<Vec<AzimuthDistance>> = (0..n_az)
        .into_par_iter()
        .map(|k| {
            let az = k as f64 * 360.0 / n_az as f64;
            let theta_h = req.horizon.at(az);
            let phi = off_axis_to_horizon_deg(
                az,
                theta_h,
                s.pointing_azimuth_deg,
                s.pointing_elevation_deg,
            );
            let g_es = pattern.gain_dbi(phi);
            let lb = required_loss_db(pt, g_es, gx, pr);
            // Zones out to the largest possible maximum distance.
            let n_steps = (max_distance_km(zones::Zone::B) / step).ceil() as usize;
            let mut path = PathZones {
                zones: Vec::with_capacity(n_steps),
                step_km: step,
                es_coast_km,
            };
            let mut budget = 0.0;
            let mut dmax = 0.0;
            for i in 0..n_steps {
                let d = (i as f64 + 0.5) * step;
                let (la, lo) = destination(s.lat_deg, s.lon_deg, az, d);
                let z = req.zones.zone(la, lo);
                path.zones.push(z);
                budget += step / max_distance_km(z);
                dmax = (i + 1) as f64 * step;
                if budget >= 1.0 {
                    break;
                }
            }
            let mut required = dmin;
            let mut limit = Limit::Dmin;
            let mut d = dmin;
            let mut at_required = None;
            while d <= dmax + 1e-9 {
                let (la, _) = destination(s.lat_deg, s.lon_deg, az, d / 2.0);
                let l = climate.loss(d, &path, theta_h, la, g_es, gx)?;
                if l.loss_db() < lb {
                    required = (d + step).min(dmax);
                    limit = if l.ducting_db <= l.troposcatter_db {
                        Limit::Ducting
                    } else {
                        Limit::Troposcatter
                    };
                    at_required = None;
                } else if at_required.is_none() {
                    at_required = Some(l.loss_db());
                }
                d += step;
            }
            if limit != Limit::Dmin && at_required.is_none() {
                required = dmax.max(dmin);
                limit = Limit::Dmax;
            }
            let (la, _) = destination(s.lat_deg, s.lon_deg, az, required / 2.0);
            let loss_at = match at_required {
                Some(l) if limit != Limit::Dmax => l,
                _ => climate
                    .loss(required, &path, theta_h, la, g_es, gx)?
                    .loss_db(),
            };
            Ok(AzimuthDistance {
                azimuth_deg: az,
                horizon_deg: theta_h,
                off_axis_deg: phi,
                es_gain_dbi: g_es,
                required_loss_db: lb,
                distance_km: required,
                limited_by: limit,
                loss_at_distance_db: loss_at,
                sea_fraction: path.stats(required).2,
            })
        })
        .collect();
    Ok(CoordinationResult {
        station: s.clone(),
        params_id: req.params.id.clone(),
        params_source: req.params.source.clone(),
        p_pct,
        permissible_interference_dbw: pr,
        min_distance_km: dmin,
        zones_source: req.zones.describe(),
        climate,
        azimuths: azimuths?,
    })
}

impl CoordinationResult {
    /// The countries the coordination area reaches, sampled every `step_km`
    /// along each azimuth out to its distance (own country included, flagged).
    pub fn countries_reached(
        &self,
        map: &countries::CountryMap,
        step_km: f64,
    ) -> Vec<countries::CountryReach> {
        let s = &self.station;
        let own = map.at(s.lat_deg, s.lon_deg).map(|c| c.name.clone());
        let mut out: Vec<countries::CountryReach> = Vec::new();
        let step = step_km.max(0.1);
        for a in &self.azimuths {
            let mut d = 0.0;
            let mut seen: Vec<String> = Vec::new();
            while d <= a.distance_km + 1e-9 {
                let (la, lo) = destination(s.lat_deg, s.lon_deg, a.azimuth_deg, d);
                if let Some(c) = map.at(la, lo)
                    && !seen.contains(&c.name)
                {
                    seen.push(c.name.clone());
                    match out.iter_mut().find(|r| r.name == c.name) {
                        Some(r) => {
                            r.azimuths_deg.push(a.azimuth_deg);
                            r.nearest_km = r.nearest_km.min(d);
                        }
                        None => out.push(countries::CountryReach {
                            alpha2: c.alpha2.clone(),
                            name: c.name.clone(),
                            azimuths_deg: vec![a.azimuth_deg],
                            nearest_km: d,
                            own: own.as_deref() == Some(c.name.as_str()),
                        }),
                    }
                }
                d += step;
            }
        }
        out.sort_by(|x, y| x.nearest_km.total_cmp(&y.nearest_km));
        out
    }

    /// The contour as a closed ring of (lon, lat), counter-clockwise
    /// (RFC 7946 §3.1.6), first point repeated at the end.
    pub fn contour_lon_lat(&self) -> Vec<(f64, f64)> {
        let s = &self.station;
        let mut ring: Vec<(f64, f64)> = self
            .azimuths
            .iter()
            .rev()
            .map(|a| {
                let (la, lo) = destination(s.lat_deg, s.lon_deg, a.azimuth_deg, a.distance_km);
                (lo, la)
            })
            .collect();
        if let Some(&first) = ring.first() {
            ring.push(first);
        }
        ring
    }

    /// A GeoJSON FeatureCollection (RFC 7946): the contour polygon and the
    /// earth station, with the main figures as properties.
    pub fn to_geojson(&self) -> serde_json::Value {
        let ring: Vec<[f64; 2]> = self
            .contour_lon_lat()
            .into_iter()
            .map(|(x, y)| [(x * 1e6).round() / 1e6, (y * 1e6).round() / 1e6])
            .collect();
        let max = self
            .azimuths
            .iter()
            .map(|a| a.distance_km)
            .fold(0.0, f64::max);
        serde_json::json!({
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                    "properties": {
                        "kind": "app7_coordination_contour_mode1",
                        "station": self.station.id,
                        "freq_mhz": self.station.freq_mhz,
                        "p_pct": self.p_pct,
                        "params_id": self.params_id,
                        "min_distance_km": self.min_distance_km,
                        "max_distance_km": max,
                    }
                },
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [self.station.lon_deg, self.station.lat_deg]},
                    "properties": {"kind": "earth_station", "station": self.station.id}
                }
            ]
        })
    }
}

impl EarthStation {
    /// The earth station of a scenario assignment: position of its station,
    /// boresight gain of its antenna (`gain_dbi`, or from the diameter at
    /// efficiency 0.7), pointing from the assignment, and — transmitting —
    /// the power in the reference bandwidth `EIRP − Gmax + 10 log(B/bw)`
    /// (power spread evenly over the carrier), or — receiving — its noise
    /// temperature.
    ///
    /// # Errors
    /// Unknown assignment or station; a terrestrial station; missing
    /// pointing, EIRP or antenna.
    pub fn from_assignment(
        scenario: &silkway_model::Scenario,
        assignment_id: &str,
        reference_bandwidth_hz: f64,
    ) -> Result<Self> {
        use silkway_model::{Direction, StationKind};
        let err = |m: String| crate::Error::Scenario(m);
        let a = scenario
            .assignments
            .iter()
            .find(|a| a.id == assignment_id)
            .ok_or_else(|| err(format!("no assignment {assignment_id}")))?;
        let st = scenario
            .stations
            .iter()
            .find(|s| s.id == a.station)
            .ok_or_else(|| {
                err(format!(
                    "assignment {}: unknown station {}",
                    a.id, a.station
                ))
            })?;
        if st.kind == StationKind::Terrestrial {
            return Err(err(format!(
                "assignment {}: station {} is terrestrial; App. 7 is for earth stations",
                a.id, st.id
            )));
        }
        let antenna = match &a.antenna {
            Some(id) => st.antennas.iter().find(|x| &x.id == id),
            None if st.antennas.len() == 1 => st.antennas.first(),
            None => None,
        }
        .ok_or_else(|| err(format!("assignment {}: no antenna", a.id)))?;
        let spec = crate::PatternSpec {
            gain_dbi: antenna.gain_dbi,
            diameter_m: antenna.diameter_m,
            efficiency: antenna.efficiency,
            ..crate::PatternSpec::from_gain(crate::PatternKind::S465, 0.0)
        };
        let gmax = spec.aperture(a.freq_mhz / 1e3)?.gain_dbi;
        let need =
            |v: Option<f64>, f: &str| v.ok_or_else(|| err(format!("assignment {}: no {f}", a.id)));
        let (role, power, noise) = match a.direction {
            Direction::Transmit => {
                let eirp = need(a.eirp_dbw, "eirp_dbw")?;
                let bw_hz = positive("bandwidth_khz", a.bandwidth_khz)? * 1e3;
                let ref_db = crate::units::lin_to_db(reference_bandwidth_hz / bw_hz);
                (
                    EarthStationRole::Transmit,
                    Some(eirp - gmax + ref_db.min(0.0)),
                    None,
                )
            }
            Direction::Receive => (EarthStationRole::Receive, None, a.noise_temp_k),
        };
        Ok(Self {
            id: a.id.clone(),
            lat_deg: st.position.lat_deg,
            lon_deg: st.position.lon_deg,
            role,
            freq_mhz: a.freq_mhz,
            gmax_dbi: gmax,
            pointing_azimuth_deg: need(a.azimuth_deg, "azimuth_deg")?,
            pointing_elevation_deg: need(a.elevation_deg, "elevation_deg")?,
            power_dbw_in_ref_bw: power,
            noise_temp_k: noise,
        })
    }
}
