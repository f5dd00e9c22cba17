//! Validation rules of the scenario format.
//!
//! Each rule yields `(field path, message)`; [`Scenario::problems`] lists
//! them in document order. Rules:
//! - ids: non-empty, letters/digits/`-`/`_`/`.`, unique within their list;
//! - references (operator, owners, endpoints, station, antenna, sensor,
//!   satellite, administration, demand ends) name existing entries;
//! - latitude within ±90°, longitude within ±180°, all numbers finite;
//! - lengths, capacities, bandwidths, swaths, diameters, rates positive;
//! - frequencies within the ITU-R Radio Regulations' range
//!   (8.3 kHz – 3 000 GHz) and the band edges above 0;
//! - GEO satellites carry a slot longitude; satellite links a satellite;
//! - country codes are ISO 3166-1 alpha-2 shaped (two capital letters);
//! - element sets have two lines of 69 characters starting `1 ` and `2 `;
//! - payload: beams and transponders on existing satellites, a transponder's
//!   beams on its own satellite, contour levels ≤ 0 dB with polygons of at
//!   least 3 points, back-offs `0 ≤ obo ≤ ibo ≤ 40` dB, guard bands ≥ 0;
//!   carriers with a known owner, transponder, stations and antennas,
//!   symbol rate > 0, roll-off in [0, 1], margins and fades ≥ 0, noise
//!   temperatures > 0; leases with a known lessee and transponder,
//!   `from_mhz < to_mhz`, ISO dates `start ≤ end`, power share in (0, 100] %.

use std::collections::{HashMap, HashSet};

use crate::assignment::Direction;
use crate::field_path::FieldPath;
use crate::network::LinkKind;
use crate::organization::OrganizationKind;
use crate::satellite::OrbitClass;
use crate::scenario::Scenario;

/// Lowest frequency allocated by the ITU-R Radio Regulations, MHz (8.3 kHz).
pub const MIN_FREQ_MHZ: f64 = 0.0083;
/// Highest frequency allocated by the ITU-R Radio Regulations, MHz (3 000 GHz).
pub const MAX_FREQ_MHZ: f64 = 3_000_000.0;

/// Collects violations.
#[derive(Default)]
struct Checker {
    problems: Vec<(FieldPath, String)>,
}

impl Checker {
    fn report(&mut self, path: FieldPath, message: impl Into<String>) {
        self.problems.push((path, message.into()));
    }

    fn finite(&mut self, path: &FieldPath, value: f64) -> bool {
        if value.is_finite() {
            true
        } else {
            self.report(
                path.clone(),
                format!("expected a finite number, found {value}"),
            );
            false
        }
    }

    fn range(&mut self, path: FieldPath, value: f64, lo: f64, hi: f64, what: &str) {
        if self.finite(&path, value) && !(lo..=hi).contains(&value) {
            self.report(
                path,
                format!("{what} must be within {lo}..{hi}, found {value}"),
            );
        }
    }

    fn positive(&mut self, path: FieldPath, value: f64) {
        if self.finite(&path, value) && value <= 0.0 {
            self.report(path, format!("must be greater than 0, found {value}"));
        }
    }

    fn non_negative(&mut self, path: FieldPath, value: f64) {
        if self.finite(&path, value) && value < 0.0 {
            self.report(path, format!("must not be negative, found {value}"));
        }
    }

    fn opt_positive(&mut self, path: FieldPath, value: Option<f64>) {
        if let Some(v) = value {
            self.positive(path, v);
        }
    }

    fn lat_lon(&mut self, parent: &FieldPath, lat_key: &str, lat: f64, lon_key: &str, lon: f64) {
        self.range(parent.key(lat_key), lat, -90.0, 90.0, "latitude");
        self.range(parent.key(lon_key), lon, -180.0, 180.0, "longitude");
    }

    fn country(&mut self, path: FieldPath, code: &str) {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.report(
                path,
                format!("expected an ISO 3166-1 alpha-2 code such as \"AZ\", found {code:?}"),
            );
        }
    }

    fn reference(&mut self, path: FieldPath, id: &str, known: &HashSet<&str>, list: &str) {
        if !known.contains(id) {
            self.report(path, format!("unknown {list} id {id:?}"));
        }
    }

    /// Ids well-formed and unique; returns the set of ids.
    fn ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut first_index: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            let path = FieldPath::root().key(list).index(i).key("id");
            self.id_shape(path.clone(), id);
            if let Some(first) = first_index.get(id) {
                self.report(
                    path,
                    format!("duplicate id {id:?} (first used by {list}[{first}])"),
                );
            } else {
                first_index.insert(id, i);
            }
        }
        first_index.into_keys().collect()
    }

    fn id_shape(&mut self, path: FieldPath, id: &str) {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !ok {
            self.report(
                path,
                format!(
                    "ids use letters, digits, '-', '_' or '.', and are not empty; found {id:?}"
                ),
            );
        }
    }
}

impl Scenario {
    /// Every rule violation, as (field path, message), in document order.
    ///
    /// # Examples
    /// ```
    /// let mut s = silkway_model::builtin::load("caspian").unwrap();
    /// s.links[3].length_km = Some(-1.0);
    /// let problems = s.problems();
    /// assert_eq!(problems[0].0.to_string(), "links[3].length_km");
    /// ```
    pub fn problems(&self) -> Vec<(FieldPath, String)> {
        let mut c = Checker::default();
        let root = FieldPath::root();
        if self.name.trim().is_empty() {
            c.report(root.key("name"), "must not be empty");
        }

        let orgs = c.ids(
            "organizations",
            self.organizations.iter().map(|o| o.id.as_str()),
        );
        let sensors = c.ids("sensors", self.sensors.iter().map(|s| s.id.as_str()));
        let sats = c.ids("satellites", self.satellites.iter().map(|s| s.id.as_str()));
        let stations = c.ids("stations", self.stations.iter().map(|s| s.id.as_str()));
        let nodes = c.ids("nodes", self.nodes.iter().map(|n| n.id.as_str()));
        c.ids("links", self.links.iter().map(|l| l.id.as_str()));
        c.ids(
            "assignments",
            self.assignments.iter().map(|a| a.id.as_str()),
        );
        c.ids("demands", self.demands.iter().map(|d| d.id.as_str()));

        for (i, org) in self.organizations.iter().enumerate() {
            let p = root.key("organizations").index(i);
            c.country(p.key("country"), &org.country);
        }
        for (i, s) in self.sensors.iter().enumerate() {
            check_sensor(&mut c, &root.key("sensors").index(i), s);
        }
        for (i, sat) in self.satellites.iter().enumerate() {
            let p = root.key("satellites").index(i);
            check_satellite(&mut c, &p, sat);
            c.reference(p.key("operator"), &sat.operator, &orgs, "organizations");
            if let Some(sensor) = &sat.sensor {
                c.reference(p.key("sensor"), sensor, &sensors, "sensors");
            }
        }
        for (i, st) in self.stations.iter().enumerate() {
            let p = root.key("stations").index(i);
            c.reference(p.key("operator"), &st.operator, &orgs, "organizations");
            let pos = p.key("position");
            c.lat_lon(
                &pos,
                "lat_deg",
                st.position.lat_deg,
                "lon_deg",
                st.position.lon_deg,
            );
            c.range(
                pos.key("alt_m"),
                st.position.alt_m,
                -500.0,
                9000.0,
                "altitude",
            );
            c.range(
                p.key("elevation_mask_deg"),
                st.elevation_mask_deg,
                0.0,
                90.0,
                "elevation mask",
            );
            antenna_ids(&mut c, &p, st);
            for (j, ant) in st.antennas.iter().enumerate() {
                let ap = p.key("antennas").index(j);
                c.opt_positive(ap.key("diameter_m"), ant.diameter_m);
                if let Some(eta) = ant.efficiency {
                    if c.finite(&ap.key("efficiency"), eta) && !(eta > 0.0 && eta <= 1.0) {
                        c.report(
                            ap.key("efficiency"),
                            format!("must be within (0, 1], found {eta}"),
                        );
                    }
                }
                if let Some(g) = ant.gain_dbi {
                    c.range(ap.key("gain_dbi"), g, -30.0, 90.0, "gain");
                }
                if ant.gain_dbi.is_none() && ant.diameter_m.is_none() {
                    c.report(ap.clone(), "give gain_dbi or diameter_m (with efficiency)");
                }
            }
        }
        for (i, n) in self.nodes.iter().enumerate() {
            let p = root.key("nodes").index(i);
            c.lat_lon(&p, "lat_deg", n.lat_deg, "lon_deg", n.lon_deg);
            c.country(p.key("country"), &n.country);
        }
        for (i, l) in self.links.iter().enumerate() {
            let p = root.key("links").index(i);
            c.reference(p.key("a"), &l.a, &nodes, "nodes");
            c.reference(p.key("b"), &l.b, &nodes, "nodes");
            if l.a == l.b {
                c.report(
                    p.key("b"),
                    format!("a link needs two different ends; both are {:?}", l.a),
                );
            }
            c.opt_positive(p.key("length_km"), l.length_km);
            if let Some(cap) = l.capacity_gbps {
                c.non_negative(p.key("capacity_gbps"), cap);
            }
            for (j, pt) in l.route.iter().enumerate() {
                let rp = p.key("route").index(j);
                c.range(rp.index(0), pt[0], -180.0, 180.0, "longitude");
                c.range(rp.index(1), pt[1], -90.0, 90.0, "latitude");
            }
            for (j, owner) in l.owners.iter().enumerate() {
                c.reference(p.key("owners").index(j), owner, &orgs, "organizations");
            }
            for (j, g) in l.srlg.iter().enumerate() {
                c.id_shape(p.key("srlg").index(j), g);
            }
            match (&l.kind, &l.satellite) {
                (LinkKind::Satellite, None) => {
                    c.report(p.key("satellite"), "a satellite link names its satellite");
                }
                (LinkKind::Satellite, Some(sat)) => {
                    c.reference(p.key("satellite"), sat, &sats, "satellites");
                }
                (_, Some(_)) => {
                    c.report(p.key("satellite"), "only satellite links name a satellite")
                }
                (_, None) => {}
            }
        }
        for (i, a) in self.assignments.iter().enumerate() {
            let p = root.key("assignments").index(i);
            c.reference(p.key("station"), &a.station, &stations, "stations");
            if let (Some(ant), Some(st)) = (&a.antenna, self.station(&a.station)) {
                if !st.antennas.iter().any(|x| &x.id == ant) {
                    c.report(
                        p.key("antenna"),
                        format!("station {:?} has no antenna {ant:?}", a.station),
                    );
                }
            }
            c.reference(
                p.key("administration"),
                &a.administration,
                &orgs,
                "organizations",
            );
            if let Some(org) = self.organizations.iter().find(|o| o.id == a.administration) {
                if org.kind != OrganizationKind::Administration {
                    c.report(
                        p.key("administration"),
                        format!(
                            "{:?} is not an administration (kind administration)",
                            org.id
                        ),
                    );
                }
            }
            c.range(
                p.key("freq_mhz"),
                a.freq_mhz,
                MIN_FREQ_MHZ,
                MAX_FREQ_MHZ,
                "frequency (MHz)",
            );
            c.positive(p.key("bandwidth_khz"), a.bandwidth_khz);
            if a.freq_mhz.is_finite()
                && a.bandwidth_khz.is_finite()
                && a.bandwidth_khz > 0.0
                && a.bandwidth_khz / 2000.0 >= a.freq_mhz
            {
                c.report(
                    p.key("bandwidth_khz"),
                    format!(
                        "the band's lower edge falls below 0 Hz ({} kHz around {} MHz)",
                        a.bandwidth_khz, a.freq_mhz
                    ),
                );
            }
            if let Some(t) = a.noise_temp_k {
                c.positive(p.key("noise_temp_k"), t);
            }
            if let Some(az) = a.azimuth_deg {
                c.range(p.key("azimuth_deg"), az, 0.0, 360.0, "azimuth");
            }
            if let Some(el) = a.elevation_deg {
                c.range(p.key("elevation_deg"), el, -90.0, 90.0, "elevation");
            }
            if let Some(e) = a.eirp_dbw {
                c.finite(&p.key("eirp_dbw"), e);
                if a.direction == Direction::Receive {
                    c.report(p.key("eirp_dbw"), "a receive assignment has no EIRP");
                }
            }
        }
        for (i, d) in self.demands.iter().enumerate() {
            let p = root.key("demands").index(i);
            c.reference(p.key("source"), &d.source, &nodes, "nodes");
            c.reference(p.key("target"), &d.target, &nodes, "nodes");
            if d.source == d.target {
                c.report(p.key("target"), "a demand's source and target differ");
            }
            c.positive(p.key("gbps"), d.gbps);
        }
        check_payload(&mut c, self, &orgs, &sats, &stations);
        c.problems
    }
}

/// Antenna ids unique within their station.
fn antenna_ids(c: &mut Checker, station_path: &FieldPath, st: &crate::Station) {
    let mut seen = HashSet::new();
    for (j, ant) in st.antennas.iter().enumerate() {
        let path = station_path.key("antennas").index(j).key("id");
        c.id_shape(path.clone(), &ant.id);
        if !seen.insert(ant.id.as_str()) {
            c.report(
                path,
                format!("duplicate antenna id {:?} in this station", ant.id),
            );
        }
    }
}

fn check_satellite(c: &mut Checker, p: &FieldPath, sat: &crate::Satellite) {
    if sat.norad_id == 0 || sat.norad_id > 999_999_999 {
        c.report(
            p.key("norad_id"),
            format!("must be within 1..999999999, found {}", sat.norad_id),
        );
    }
    match (sat.orbit, sat.geo_longitude_deg) {
        (OrbitClass::Geo, None) => c.report(
            p.key("geo_longitude_deg"),
            "a GEO satellite needs its slot longitude",
        ),
        (OrbitClass::Geo, Some(lon)) => {
            c.range(p.key("geo_longitude_deg"), lon, -180.0, 180.0, "longitude")
        }
        (_, Some(_)) => c.report(
            p.key("geo_longitude_deg"),
            "only GEO satellites have a slot longitude",
        ),
        (_, None) => {}
    }
    if let Some(tle) = &sat.tle {
        let tp = p.key("tle");
        for (key, line, first) in [("line1", &tle.line1, '1'), ("line2", &tle.line2, '2')] {
            let shape_ok = line.is_ascii()
                && line.len() == 69
                && line.starts_with(first)
                && line.as_bytes().get(1) == Some(&b' ');
            if !shape_ok {
                c.report(
                    tp.key(key),
                    format!(
                        "expected 69 ASCII characters starting \"{first} \", found {} characters",
                        line.chars().count()
                    ),
                );
            }
        }
    }
}

fn check_sensor(c: &mut Checker, p: &FieldPath, s: &crate::Sensor) {
    c.positive(p.key("swath_km"), s.swath_km);
    c.range(p.key("roll_max_deg"), s.roll_max_deg, 0.0, 90.0, "roll");
    if let Some(r) = s.roll_extended_deg {
        c.range(
            p.key("roll_extended_deg"),
            r,
            s.roll_max_deg.max(0.0),
            90.0,
            "extended roll",
        );
    }
    if let Some(r) = s.pitch_max_deg {
        c.range(p.key("pitch_max_deg"), r, 0.0, 90.0, "pitch");
    }
    c.opt_positive(p.key("slew_rate_deg_s"), s.slew_rate_deg_s);
    if let Some(t) = s.settle_s {
        c.non_negative(p.key("settle_s"), t);
    }
    c.positive(p.key("pan_resolution_m"), s.pan_resolution_m);
    c.opt_positive(p.key("ms_resolution_m"), s.ms_resolution_m);
    if let Some(e) = s.min_sun_elevation_deg {
        c.range(
            p.key("min_sun_elevation_deg"),
            e,
            -90.0,
            90.0,
            "sun elevation",
        );
    }
    if let Some(i) = s.max_incidence_deg {
        c.range(p.key("max_incidence_deg"), i, 0.0, 90.0, "incidence");
    }
    c.opt_positive(p.key("imaging_rate_mbps"), s.imaging_rate_mbps);
    c.opt_positive(p.key("memory_gbit"), s.memory_gbit);
    c.opt_positive(p.key("downlink_mbps"), s.downlink_mbps);
    if let Some(f) = s.downlink_freq_ghz {
        c.range(
            p.key("downlink_freq_ghz"),
            f,
            MIN_FREQ_MHZ / 1000.0,
            MAX_FREQ_MHZ / 1000.0,
            "frequency (GHz)",
        );
    }
}

/// Beams, transponders, carriers and leases (see the module rules).
fn check_payload(
    c: &mut Checker,
    s: &Scenario,
    orgs: &HashSet<&str>,
    sats: &HashSet<&str>,
    stations: &HashSet<&str>,
) {
    let root = FieldPath::root();
    let beams = c.ids("beams", s.beams.iter().map(|b| b.id.as_str()));
    let xps = c.ids("transponders", s.transponders.iter().map(|t| t.id.as_str()));
    c.ids("carriers", s.carriers.iter().map(|x| x.id.as_str()));
    c.ids("leases", s.leases.iter().map(|x| x.id.as_str()));

    for (i, b) in s.beams.iter().enumerate() {
        let p = root.key("beams").index(i);
        c.reference(p.key("satellite"), &b.satellite, sats, "satellites");
        if b.contours.is_empty() {
            c.report(p.key("contours"), "a beam needs at least one contour");
        }
        for (j, k) in b.contours.iter().enumerate() {
            let kp = p.key("contours").index(j);
            c.range(
                kp.key("level_db"),
                k.level_db,
                -60.0,
                0.0,
                "contour level (dB below peak)",
            );
            if k.polygon.len() < 3 {
                c.report(
                    kp.key("polygon"),
                    format!(
                        "a contour polygon needs at least 3 points, found {}",
                        k.polygon.len()
                    ),
                );
            }
            for (n, pt) in k.polygon.iter().enumerate() {
                let pp = kp.key("polygon").index(n);
                c.range(pp.index(0), pt[0], -180.0, 180.0, "longitude");
                c.range(pp.index(1), pt[1], -90.0, 90.0, "latitude");
            }
        }
    }
    for (i, t) in s.transponders.iter().enumerate() {
        let p = root.key("transponders").index(i);
        c.reference(p.key("satellite"), &t.satellite, sats, "satellites");
        for (key, beam) in [
            ("uplink_beam", &t.uplink_beam),
            ("downlink_beam", &t.downlink_beam),
        ] {
            if let Some(beam) = beam {
                c.reference(p.key(key), beam, &beams, "beams");
                if let Some(b) = s.beam(beam) {
                    if b.satellite != t.satellite {
                        c.report(
                            p.key(key),
                            format!(
                                "beam {beam:?} is on satellite {:?}, not on {:?}",
                                b.satellite, t.satellite
                            ),
                        );
                    }
                }
            }
        }
        for (key, f) in [
            ("downlink_centre_mhz", t.downlink_centre_mhz),
            ("uplink_centre_mhz", t.uplink_centre_mhz),
        ] {
            c.range(p.key(key), f, MIN_FREQ_MHZ, MAX_FREQ_MHZ, "frequency (MHz)");
        }
        c.positive(p.key("bandwidth_mhz"), t.bandwidth_mhz);
        if t.bandwidth_mhz.is_finite() && t.bandwidth_mhz / 2.0 >= t.downlink_centre_mhz {
            c.report(
                p.key("bandwidth_mhz"),
                "the band's lower edge falls below 0 Hz",
            );
        }
        c.finite(&p.key("saturated_eirp_dbw"), t.saturated_eirp_dbw);
        c.finite(&p.key("sfd_dbw_m2"), t.sfd_dbw_m2);
        c.finite(&p.key("gt_dbk"), t.gt_dbk);
        c.range(p.key("ibo_db"), t.ibo_db, 0.0, 40.0, "input back-off (dB)");
        if t.ibo_db.is_finite() {
            c.range(
                p.key("obo_db"),
                t.obo_db,
                0.0,
                t.ibo_db.max(0.0),
                "output back-off (dB, at most ibo_db)",
            );
        }
        if let Some(ci) = t.intermod_ci_db {
            c.finite(&p.key("intermod_ci_db"), ci);
        }
        c.non_negative(p.key("guard_band_mhz"), t.guard_band_mhz);
    }
    for (i, x) in s.carriers.iter().enumerate() {
        let p = root.key("carriers").index(i);
        c.reference(p.key("owner"), &x.owner, orgs, "organizations");
        c.reference(p.key("transponder"), &x.transponder, &xps, "transponders");
        c.range(
            p.key("centre_mhz"),
            x.centre_mhz,
            MIN_FREQ_MHZ,
            MAX_FREQ_MHZ,
            "frequency (MHz)",
        );
        c.positive(p.key("symbol_rate_msps"), x.symbol_rate_msps);
        c.range(p.key("rolloff"), x.rolloff, 0.0, 1.0, "roll-off");
        c.range(
            p.key("implementation_margin_db"),
            x.implementation_margin_db,
            0.0,
            20.0,
            "margin (dB)",
        );
        if x.modcod.trim().is_empty() {
            c.report(
                p.key("modcod"),
                "name a DVB-S2/S2X MODCOD such as \"QPSK 3/4\"",
            );
        }
        for (key, end) in [("uplink", &x.uplink), ("downlink", &x.downlink)] {
            let ep = p.key(key);
            c.reference(ep.key("station"), &end.station, stations, "stations");
            if let Some(st) = s.station(&end.station) {
                if !st.antennas.iter().any(|a| a.id == end.antenna) {
                    c.report(
                        ep.key("antenna"),
                        format!("station {:?} has no antenna {:?}", end.station, end.antenna),
                    );
                }
            }
            c.range(ep.key("fade_db"), end.fade_db, 0.0, 100.0, "fade (dB)");
            c.opt_positive(ep.key("antenna_noise_temp_k"), end.antenna_noise_temp_k);
            c.opt_positive(ep.key("lnb_noise_temp_k"), end.lnb_noise_temp_k);
        }
    }
    for (i, l) in s.leases.iter().enumerate() {
        let p = root.key("leases").index(i);
        c.reference(p.key("lessee"), &l.lessee, orgs, "organizations");
        c.reference(p.key("transponder"), &l.transponder, &xps, "transponders");
        c.range(
            p.key("from_mhz"),
            l.from_mhz,
            MIN_FREQ_MHZ,
            MAX_FREQ_MHZ,
            "frequency (MHz)",
        );
        if c.finite(&p.key("to_mhz"), l.to_mhz) && l.from_mhz.is_finite() && l.to_mhz <= l.from_mhz
        {
            c.report(
                p.key("to_mhz"),
                format!(
                    "must be above from_mhz ({}), found {}",
                    l.from_mhz, l.to_mhz
                ),
            );
        }
        let mut dates_ok = true;
        for (key, d) in [("start", &l.start), ("end", &l.end)] {
            if !crate::payload::is_iso_date(d) {
                dates_ok = false;
                c.report(
                    p.key(key),
                    format!("expected a date YYYY-MM-DD, found {d:?}"),
                );
            }
        }
        if dates_ok && l.end < l.start {
            c.report(
                p.key("end"),
                format!("the lease ends ({}) before it starts ({})", l.end, l.start),
            );
        }
        if let Some(pct) = l.power_pct {
            if c.finite(&p.key("power_pct"), pct) && !(pct > 0.0 && pct <= 100.0) {
                c.report(
                    p.key("power_pct"),
                    format!("must be within (0, 100] %, found {pct}"),
                );
            }
        }
    }
}
