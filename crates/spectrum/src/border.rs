//! Cross-border screening: the worst field strength on a border line from
//! each transmit assignment, against a trigger value.
//!
//! For every transmit assignment, the border (densified to `step_km`) is
//! scanned for the point of maximum field strength
//! `E = EIRP + (Gt(θ) − Gt,max) − L(p) + 20 log f_MHz + 107.22` dB(µV/m)
//! (free-space identity `E = EIRP − 20 log d_km + 74.77`, ITU-R P.525-4 §2,
//! generalised to any basic transmission loss L), at a receiving height
//! `border_height_m` above the sphere.
//!
//! Trigger: either a field strength given by the user (e.g. the value of a
//! bilateral agreement for the band), or — by default — derived from the
//! register: the field strength at which the most sensitive overlapping
//! receive assignment of the *other* country, with its own main-beam gain,
//! noise temperature and bandwidth, would see `I/N = −10 dB` (the
//! long-term criterion of ITU-R F.758 for the fixed service). Without such
//! a receive assignment the screen has no victim and reports none.
//!
//! # References
//! ITU-R P.525-4 §2 (field strength and EIRP); ITU-R F.758 (I/N criteria).

use serde::Serialize;
use silkway_model::{Direction, Scenario};

use crate::error::{Error, Result, positive};
use crate::geometry::haversine_km;
use crate::interference::{Options, gain_toward, overlap_fraction, radio};
use crate::path_loss::{PathLoss, Terminal, check_p_pct};
use crate::units::{BOLTZMANN_J_PER_K, SPEED_OF_LIGHT_M_S, lin_to_db};

/// `20 log10(4π·10⁶/c) + 20 log10(√30·10³)`: E(dBµV/m) = EIRP − L + 20 log f_MHz + this.
pub fn field_strength_constant_db() -> f64 {
    20.0 * (4.0 * std::f64::consts::PI * 1e6 / SPEED_OF_LIGHT_M_S * 1e3).log10()
        + 20.0 * (30f64.sqrt() * 1e3).log10()
}

/// A border line between two countries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Border {
    /// ISO 3166-1 alpha-2 codes of the two sides.
    pub countries: [String; 2],
    /// Polylines of (lat_deg, lon_deg).
    pub segments: Vec<Vec<(f64, f64)>>,
    /// Where the coordinates come from.
    pub source: String,
}

const AZ_IR_CSV: &str = include_str!("../data/border_az_ir.csv");

impl Border {
    /// The border as a GeoJSON Feature (RFC 7946) with a MultiLineString
    /// geometry in `[lon, lat]` order, `properties.layer = "border"`, the
    /// two countries and the data source: what the map shows.
    pub fn to_geojson(&self) -> serde_json::Value {
        let lines: Vec<Vec<[f64; 2]>> = self
            .segments
            .iter()
            .map(|seg| seg.iter().map(|&(lat, lon)| [lon, lat]).collect())
            .collect();
        serde_json::json!({
            "type": "Feature",
            "id": format!("border:{}-{}", self.countries[0], self.countries[1]).to_lowercase(),
            "geometry": {"type": "MultiLineString", "coordinates": lines},
            "properties": {"layer": "border", "countries": self.countries, "source": self.source},
        })
    }

    /// The Azerbaijan–Iran land boundary (Natural Earth 4.1.0 admin-0 1:10m,
    /// public domain; see `data/README.md`).
    ///
    /// # Errors
    /// None in practice (the embedded file is checked by the tests).
    pub fn azerbaijan_iran() -> Result<Self> {
        Self::from_csv(
            AZ_IR_CSV,
            "<builtin:border_az_ir.csv>",
            ["AZ", "IR"],
            "Natural Earth 4.1.0 Admin 0 – Countries 1:10m (public domain), via world-atlas 2.0.2",
        )
    }

    /// Parse `segment,lon_deg,lat_deg` rows (header first).
    ///
    /// # Errors
    /// [`Error::Parse`] with the line number.
    pub fn from_csv(text: &str, origin: &str, countries: [&str; 2], source: &str) -> Result<Self> {
        let segments = crate::lonlat_csv::grouped_lon_lat(text, origin, "segment")?;
        Ok(Self {
            countries: [countries[0].to_owned(), countries[1].to_owned()],
            segments: segments
                .into_iter()
                .map(|(_, pts)| pts.into_iter().map(|(lon, lat)| (lat, lon)).collect())
                .collect(),
            source: source.to_owned(),
        })
    }

    /// Vertices plus points interpolated so that none are more than `step_km` apart.
    pub fn points(&self, step_km: f64) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        for seg in &self.segments {
            for w in seg.windows(2) {
                let (a, b) = (w[0], w[1]);
                let d = haversine_km(a.0, a.1, b.0, b.1);
                let n = (d / step_km).ceil().max(1.0) as usize;
                for k in 0..n {
                    let t = k as f64 / n as f64;
                    out.push((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)));
                }
            }
            if let Some(&last) = seg.last() {
                out.push(last);
            }
        }
        out
    }
}

/// How the trigger field strength is set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Trigger {
    /// A fixed value, dB(µV/m) (e.g. from a bilateral agreement).
    FieldStrength {
        /// Trigger, dB(µV/m).
        dbuv_m: f64,
    },
    /// From the other side's registered receivers at this I/N, dB.
    FromRegister {
        /// Protection criterion, dB (−10 per ITU-R F.758 long-term).
        i_over_n_db: f64,
    },
}

impl Default for Trigger {
    fn default() -> Self {
        Trigger::FromRegister { i_over_n_db: -10.0 }
    }
}

/// One transmit assignment against the border.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BorderReport {
    /// Transmit assignment.
    pub assignment: String,
    /// Its administration.
    pub administration: String,
    /// Its country.
    pub country: String,
    /// Centre frequency, MHz.
    pub freq_mhz: f64,
    /// Shortest distance from the station to the border, km.
    pub min_distance_km: f64,
    /// Where the field strength is highest: latitude.
    pub worst_lat_deg: f64,
    /// ... longitude.
    pub worst_lon_deg: f64,
    /// ... distance from the station, km.
    pub worst_distance_km: f64,
    /// Maximum field strength on the border, dB(µV/m).
    pub max_field_dbuv_m: f64,
    /// Trigger, dB(µV/m), when one applies.
    pub trigger_dbuv_m: Option<f64>,
    /// The receive assignment that sets a register-derived trigger.
    pub trigger_from: Option<String>,
    /// `max_field − trigger`, dB.
    pub margin_db: Option<f64>,
    /// Administrations to coordinate with (empty when below the trigger).
    pub coordinate_with: Vec<String>,
    /// The trigger rule applied (when screened with a [`TriggerTable`]).
    pub trigger_rule: Option<String>,
    /// The source of the trigger value.
    pub trigger_source: Option<String>,
}

/// Screen with a per-band rule table: each transmit assignment gets the
/// trigger of the first rule whose band holds its frequency (no rule: no
/// trigger, reported as such); the report names the rule and its source.
///
/// # Errors
/// As [`screen`].
pub fn screen_with_table(
    scenario: &Scenario,
    border: &Border,
    path_loss: &dyn PathLoss,
    table: &crate::triggers::TriggerTable,
    opts: &Options,
    step_km: f64,
    border_height_m: f64,
) -> Result<Vec<BorderReport>> {
    let mut out = Vec::new();
    for a in scenario
        .assignments
        .iter()
        .filter(|a| a.direction == Direction::Transmit)
    {
        let one = Scenario {
            assignments: scenario
                .assignments
                .iter()
                .filter(|x| x.id == a.id || x.direction == Direction::Receive)
                .cloned()
                .collect(),
            ..scenario.clone()
        };
        let rule = table.rule_for(a.freq_mhz);
        let trigger = rule.map_or(
            Trigger::FieldStrength {
                dbuv_m: f64::INFINITY,
            },
            |r| r.trigger(),
        );
        for mut r in screen(
            &one,
            border,
            path_loss,
            trigger,
            opts,
            step_km,
            border_height_m,
        )? {
            match rule {
                Some(rule) => {
                    r.trigger_rule = Some(rule.id.clone());
                    r.trigger_source = Some(rule.source.clone());
                }
                None => {
                    r.trigger_dbuv_m = None;
                    r.margin_db = None;
                    r.coordinate_with.clear();
                }
            }
            out.push(r);
        }
    }
    Ok(out)
}

/// Screen every transmit assignment of a country on either side of `border`.
///
/// # Errors
/// Invalid inputs; unresolvable antennas; path-loss failures.
pub fn screen(
    scenario: &Scenario,
    border: &Border,
    path_loss: &dyn PathLoss,
    trigger: Trigger,
    opts: &Options,
    step_km: f64,
    border_height_m: f64,
) -> Result<Vec<BorderReport>> {
    check_p_pct(opts.p_pct)?;
    positive("step_km", step_km)?;
    crate::error::finite("border_height_m", border_height_m)?;
    let country_of = |admin: &str| {
        scenario
            .organizations
            .iter()
            .find(|o| o.id == admin)
            .map(|o| o.country.clone())
    };
    let pts = border.points(step_km);
    let k_db = field_strength_constant_db();
    let mut out = Vec::new();
    for a in scenario
        .assignments
        .iter()
        .filter(|a| a.direction == Direction::Transmit)
    {
        let Some(country) = country_of(&a.administration) else {
            continue;
        };
        let Some(side) = border.countries.iter().position(|c| *c == country) else {
            continue;
        };
        let other = &border.countries[1 - side];
        let tx = radio(scenario, a, opts)?;
        let eirp = a.eirp_dbw.ok_or_else(|| {
            Error::Scenario(format!("transmit assignment {} has no eirp_dbw", a.id))
        })?;
        let mut best = (f64::NEG_INFINITY, 0.0, 0.0, 0.0);
        let mut min_d = f64::INFINITY;
        for &(lat, lon) in &pts {
            let p = Terminal {
                lat_deg: lat,
                lon_deg: lon,
                height_m: border_height_m,
            };
            let d = haversine_km(tx.terminal.lat_deg, tx.terminal.lon_deg, lat, lon);
            min_d = min_d.min(d);
            if d < 1e-3 {
                continue;
            }
            let (_, g, _) = gain_toward(&tx, &p, d);
            let loss = path_loss.loss_db(&tx.terminal, &p, a.freq_mhz, opts.p_pct)?;
            let e = eirp + g - tx.pattern.max_gain_dbi() - loss + 20.0 * a.freq_mhz.log10() + k_db;
            if e > best.0 {
                best = (e, lat, lon, d);
            }
        }
        // Trigger.
        let (trigger_dbuv_m, trigger_from, victims) = match trigger {
            Trigger::FieldStrength { dbuv_m } => {
                let admins: Vec<String> = scenario
                    .organizations
                    .iter()
                    .filter(|o| {
                        &o.country == other
                            && o.kind == silkway_model::OrganizationKind::Administration
                    })
                    .map(|o| o.id.clone())
                    .collect();
                (Some(dbuv_m), None, admins)
            }
            Trigger::FromRegister { i_over_n_db } => {
                let mut lowest: Option<(f64, String, String)> = None;
                for v in scenario.assignments.iter().filter(|v| {
                    v.direction == Direction::Receive
                        && country_of(&v.administration).as_deref() == Some(other.as_str())
                        && overlap_fraction(
                            v.freq_mhz,
                            v.bandwidth_khz,
                            a.freq_mhz,
                            a.bandwidth_khz,
                        ) > 0.0
                }) {
                    let Some(t) = v.noise_temp_k else { continue };
                    let rx = radio(scenario, v, opts)?;
                    let n_dbw = lin_to_db(BOLTZMANN_J_PER_K * t * v.bandwidth_khz * 1e3);
                    let frac =
                        overlap_fraction(v.freq_mhz, v.bandwidth_khz, a.freq_mhz, a.bandwidth_khz);
                    // Received power P = E + G − 20 log f_MHz − 107.22 (from S = E²/120π and
                    // Ae = Gλ²/4π); the victim sees P·frac. E at which that equals N + I/N:
                    let e = n_dbw + i_over_n_db - rx.pattern.max_gain_dbi() - lin_to_db(frac)
                        + 20.0 * a.freq_mhz.log10()
                        + k_db;
                    if lowest.as_ref().is_none_or(|l| e < l.0) {
                        lowest = Some((e, v.id.clone(), v.administration.clone()));
                    }
                }
                match lowest {
                    Some((e, id, admin)) => (Some(e), Some(id), vec![admin]),
                    None => (None, None, vec![]),
                }
            }
        };
        let margin_db = trigger_dbuv_m.map(|t| best.0 - t);
        out.push(BorderReport {
            assignment: a.id.clone(),
            administration: a.administration.clone(),
            country: country.clone(),
            freq_mhz: a.freq_mhz,
            min_distance_km: min_d,
            worst_lat_deg: best.1,
            worst_lon_deg: best.2,
            worst_distance_km: best.3,
            max_field_dbuv_m: best.0,
            trigger_dbuv_m,
            trigger_from,
            margin_db,
            coordinate_with: if margin_db.is_some_and(|m| m > 0.0) {
                victims
            } else {
                vec![]
            },
            trigger_rule: None,
            trigger_source: match trigger {
                Trigger::FieldStrength { .. } => Some("given field strength".into()),
                Trigger::FromRegister { i_over_n_db } => Some(format!(
                    "I/N = {i_over_n_db} dB for the other side's receivers"
                )),
            },
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FreeSpace;

    #[test]
    fn embedded_border_is_the_real_one() {
        let b = Border::azerbaijan_iran().unwrap();
        assert_eq!(b.segments.len(), 2);
        // The mainland segment ends at Astara on the Caspian (38.43N 48.87E, FACTS.md).
        let end = b.segments[1]
            .iter()
            .copied()
            .max_by(|a, c| a.1.total_cmp(&c.1))
            .unwrap();
        assert!(haversine_km(end.0, end.1, 38.43, 48.87) < 3.0, "{end:?}");
        // Densified points are never farther apart than the step.
        let pts = b.points(1.0);
        assert!(pts.len() > 400, "{}", pts.len());
    }

    #[test]
    fn field_strength_constant() {
        // 20 log(4π·10⁶/c·10³) = 32.4478; 20 log(√30·10³) = 74.7712; sum 107.2190.
        assert!((field_strength_constant_db() - 107.2190).abs() < 1e-3);
    }

    #[test]
    fn caspian_fixed_links_need_coordination() {
        let s = silkway_model::builtin::load("caspian").unwrap();
        let b = Border::azerbaijan_iran().unwrap();
        let r = screen(
            &s,
            &b,
            &FreeSpace,
            Trigger::default(),
            &Options::default(),
            1.0,
            10.0,
        )
        .unwrap();
        let az = r
            .iter()
            .find(|x| x.assignment == "az-astara-lankaran-tx")
            .unwrap();
        // Astara (AZ) station is ~3 km from the border point at Astara.
        assert!(az.min_distance_km < 5.0, "{az:?}");
        // Trigger from Iran's Rasht receiver (7449 MHz, 750 K, 28 MHz, Gmax 40.36 dBi):
        // N = −125.377 dBW; overlap 0.75 → +1.249 dB;
        // E = −125.377 − 10 − 40.358 + 1.249 + 20 log 7442 + 107.219 = 10.166 dB(µV/m).
        assert_eq!(az.trigger_from.as_deref(), Some("ir-rasht-rx"));
        let t = az.trigger_dbuv_m.unwrap();
        assert!((t - 10.166).abs() < 0.02, "{t}");
        assert_eq!(az.coordinate_with, vec!["ir-admin".to_owned()]);
        // A fixed trigger far above any field: nothing to coordinate.
        let hi = screen(
            &s,
            &b,
            &FreeSpace,
            Trigger::FieldStrength { dbuv_m: 300.0 },
            &Options::default(),
            1.0,
            10.0,
        )
        .unwrap();
        assert!(hi.iter().all(|x| x.coordinate_with.is_empty()));
        assert!(
            Border::from_csv(
                "segment,lon_deg,lat_deg\n0,x,1\n",
                "f.csv",
                ["AZ", "IR"],
                "t"
            )
            .is_err()
        );
    }
}
