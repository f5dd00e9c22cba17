//! App. 7 coordination distance: hand-worked values, monotonicity, GeoJSON.

use silkway_spectrum::coordination::mode1::{Mode1Params, beta_pct};
use silkway_spectrum::coordination::zones::{LandMap, Zone, ZoneSource};
use silkway_spectrum::coordination::{
    EarthStation, EarthStationRole, HorizonProfile, Limit, ParameterTable, Request,
    coordination_distance,
};

fn climate() -> Mode1Params {
    Mode1Params {
        freq_ghz: 6.175,
        p_pct: 0.0025,
        delta_n: 45.0,
        n0: 325.0,
        es_height_m: 10.0,
        terrestrial_height_m: 30.0,
        es_horizon_km: 0.5,
    }
}

fn baku_uplink(power_dbw: f64) -> EarthStation {
    EarthStation {
        id: "test".into(),
        lat_deg: 40.41,
        lon_deg: 49.87,
        role: EarthStationRole::Transmit,
        freq_mhz: 6175.0,
        gmax_dbi: 51.2,
        pointing_azimuth_deg: 212.0,
        pointing_elevation_deg: 43.0,
        power_dbw_in_ref_bw: Some(power_dbw),
        noise_temp_k: None,
    }
}

fn request(station: EarthStation, zones: ZoneSource) -> Request {
    let table = ParameterTable::builtin().unwrap();
    Request {
        params: table
            .select(None, station.role, station.freq_mhz)
            .unwrap()
            .clone(),
        station,
        p_pct: None,
        azimuth_step_deg: 10.0,
        distance_step_km: 2.0,
        horizon: HorizonProfile::default(),
        climate: climate(),
        zones,
    }
}

#[test]
fn weak_station_sits_on_the_minimum_distance() {
    // A very weak transmitter: Lb(p) is met everywhere at dmin, so every
    // azimuth is dmin = 100 + (β − f)/2, β = 10^(1.67 − 0.015·(40.41 − 1.8)) = 12.3259 %:
    // 100 + (12.3259 − 6.175)/2 = 103.0755 km.
    let r =
        coordination_distance(&request(baku_uplink(-80.0), ZoneSource::Uniform(Zone::A2))).unwrap();
    assert!((beta_pct(40.41) - 12.3259).abs() < 1e-3);
    for a in &r.azimuths {
        assert!((a.distance_km - 103.0755).abs() < 1e-3, "{a:?}");
        assert_eq!(a.limited_by, Limit::Dmin);
        assert!(a.loss_at_distance_db >= a.required_loss_db);
    }
}

#[test]
fn required_loss_by_hand_and_an_inland_path() {
    // Pr(p) = 10 log(k·750·1e6) + 0 + 10 log(10^2.5 − 1) − 0 = −139.8486 + 24.9862 = −114.8624 dBW.
    let r =
        coordination_distance(&request(baku_uplink(10.0), ZoneSource::Uniform(Zone::A2))).unwrap();
    assert!((r.permissible_interference_dbw + 114.8624).abs() < 1e-3);
    assert!((r.p_pct - 0.0025).abs() < 1e-12);
    // Azimuth 30° (opposite the beam at 212°, elevation 43°): the horizon direction is
    // φ = acos(cos43°·cos182°) = acos(−0.73091) = 136.96° off axis → −10 dBi (App. 7 pattern),
    // so Lb = 10 − 10 + 46 + 114.8624 = 160.8624 dB.
    let a = r.azimuths.iter().find(|a| a.azimuth_deg == 30.0).unwrap();
    assert!((a.off_axis_deg - 136.96).abs() < 0.01, "{a:?}");
    assert!((a.es_gain_dbi + 10.0).abs() < 1e-9);
    assert!((a.required_loss_db - 160.8624).abs() < 1e-3);
    // All inland (A2): the distance lies between dmin and the A2 maximum of 375 km,
    // and the loss there has just reached Lb (within one 2 km step of ducting loss slope).
    assert!(
        a.distance_km > r.min_distance_km && a.distance_km <= 375.0,
        "{a:?}"
    );
    assert!(a.loss_at_distance_db >= a.required_loss_db - 1e-9);
    assert!(a.loss_at_distance_db - a.required_loss_db < 1.0, "{a:?}");
    assert_eq!(a.sea_fraction, 0.0);
}

#[test]
fn sea_paths_reach_farther_than_land_paths() {
    // Ducting is more frequent over sea (μ1 → 1 when no land): the same station over an
    // all-sea path (zone B) needs a larger distance than over an all-inland path.
    let land =
        coordination_distance(&request(baku_uplink(10.0), ZoneSource::Uniform(Zone::A2))).unwrap();
    let sea =
        coordination_distance(&request(baku_uplink(10.0), ZoneSource::Uniform(Zone::B))).unwrap();
    for (l, s) in land.azimuths.iter().zip(&sea.azimuths) {
        assert!(s.distance_km > l.distance_km, "{l:?} {s:?}");
        assert_eq!(s.sea_fraction, 1.0);
    }
}

#[test]
fn more_power_never_shrinks_the_contour_and_horizon_shields() {
    let mut last: Option<Vec<f64>> = None;
    for p in [-20.0, 0.0, 10.0, 20.0, 30.0] {
        let r =
            coordination_distance(&request(baku_uplink(p), ZoneSource::Uniform(Zone::A1))).unwrap();
        let d: Vec<f64> = r.azimuths.iter().map(|a| a.distance_km).collect();
        if let Some(prev) = &last {
            for (a, b) in prev.iter().zip(&d) {
                assert!(b >= a, "{p} dBW: {b} < {a}");
            }
        }
        last = Some(d);
    }
    // A 1° horizon everywhere adds Ah = 20 log(1 + 4.5·√6.175) + 6.175^(1/3) dB of
    // shielding: distances can only fall.
    let open =
        coordination_distance(&request(baku_uplink(20.0), ZoneSource::Uniform(Zone::A2))).unwrap();
    let mut shielded = request(baku_uplink(20.0), ZoneSource::Uniform(Zone::A2));
    shielded.horizon = HorizonProfile::parse("0:1.0").unwrap();
    let shielded = coordination_distance(&shielded).unwrap();
    let mut fewer = 0;
    for (o, s) in open.azimuths.iter().zip(&shielded.azimuths) {
        assert!(s.distance_km <= o.distance_km, "{o:?} {s:?}");
        fewer += usize::from(s.distance_km < o.distance_km);
    }
    assert!(fewer > 0);
}

#[test]
fn real_coastline_and_closed_geojson() {
    let r = coordination_distance(&request(
        baku_uplink(10.0),
        ZoneSource::Map(LandMap::caspian().unwrap()),
    ))
    .unwrap();
    // Eastward from Baku the path crosses the Caspian (~250 km of sea to the Turkmen
    // coast); westward it stays over land.
    let east = r.azimuths.iter().find(|a| a.azimuth_deg == 90.0).unwrap();
    let west = r.azimuths.iter().find(|a| a.azimuth_deg == 270.0).unwrap();
    assert!(east.sea_fraction > 0.5, "{east:?}");
    assert!(west.sea_fraction < 0.05, "{west:?}");
    assert!(east.distance_km > west.distance_km, "{east:?} {west:?}");
    let g = r.to_geojson();
    let ring = g["features"][0]["geometry"]["coordinates"][0]
        .as_array()
        .unwrap();
    assert_eq!(ring.len(), r.azimuths.len() + 1);
    assert_eq!(ring.first(), ring.last());
    // Counter-clockwise (RFC 7946): positive shoelace area in lon/lat.
    let pts: Vec<(f64, f64)> = ring
        .iter()
        .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
        .collect();
    let area: f64 = pts
        .windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum();
    assert!(area > 0.0, "{area}");
}

#[test]
fn bad_inputs_are_errors() {
    let mut r = request(baku_uplink(10.0), ZoneSource::Uniform(Zone::A2));
    r.station.power_dbw_in_ref_bw = None;
    assert!(coordination_distance(&r).is_err());
    let mut r = request(baku_uplink(10.0), ZoneSource::Uniform(Zone::A2));
    r.station.freq_mhz = 7000.0;
    assert!(coordination_distance(&r).is_err());
    let mut r = request(baku_uplink(10.0), ZoneSource::Uniform(Zone::A2));
    r.station.gmax_dbi = 30.0; // D/λ < 35: outside the App. 7 pattern
    assert!(coordination_distance(&r).is_err());
    assert!(HorizonProfile::parse("10:x").is_err());
}

#[test]
fn a_larger_time_percentage_never_needs_more_distance() {
    // Both mechanisms lose more at larger p (Ap and the troposcatter time term grow),
    // so the distance at which Lb(p) is met can only shrink.
    let mut last: Option<Vec<f64>> = None;
    for p in [0.001, 0.0025, 0.01, 0.1, 1.0] {
        let mut r = request(baku_uplink(10.0), ZoneSource::Uniform(Zone::A1));
        r.p_pct = Some(p);
        let d: Vec<f64> = coordination_distance(&r)
            .unwrap()
            .azimuths
            .iter()
            .map(|a| a.distance_km)
            .collect();
        if let Some(prev) = &last {
            for (a, b) in prev.iter().zip(&d) {
                assert!(b <= a, "p {p}: {b} > {a}");
            }
        }
        last = Some(d);
    }
}

#[test]
fn the_baku_contour_reaches_iran_and_flags_its_own_country() {
    use silkway_spectrum::coordination::countries::CountryMap;
    let r = coordination_distance(&request(
        baku_uplink(10.0),
        ZoneSource::Map(LandMap::caspian().unwrap()),
    ))
    .unwrap();
    let reached = r.countries_reached(&CountryMap::caspian().unwrap(), 2.0);
    let az = reached.iter().find(|c| c.alpha2 == "AZ").unwrap();
    assert!(az.own && az.nearest_km == 0.0, "{az:?}");
    // Iran's border is ~170–230 km south/south-west of Baku; the contour there is ≥ 276 km.
    let ir = reached.iter().find(|c| c.alpha2 == "IR").unwrap();
    assert!(
        !ir.own && ir.nearest_km > 150.0 && ir.nearest_km < 250.0,
        "{ir:?}"
    );
    // A contour at dmin (≈ 103 km) stays inside Azerbaijan or over the sea.
    let small = coordination_distance(&request(
        baku_uplink(-80.0),
        ZoneSource::Map(LandMap::caspian().unwrap()),
    ))
    .unwrap();
    let reached = small.countries_reached(&CountryMap::caspian().unwrap(), 2.0);
    assert!(reached.iter().all(|c| c.own), "{reached:?}");
}
