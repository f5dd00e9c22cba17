//! Propagation mode (1) — great-circle mechanisms — for the coordination
//! distance: minimum distance, horizon correction, and a smooth-Earth loss
//! model with the radio-climatic zones of the path.
//!
//! # What is implemented, and how it departs from App. 7
//! RR App. 7 Annex 1 §4 builds the mode (1) distance from the ducting /
//! layer-reflection and tropospheric-scatter mechanisms of ITU-R P.452
//! on a path with no terrain (only the earth station's horizon), with the
//! climate of each zone entering through the time-percentage parameter β.
//! Its closed forms could not be consulted while writing this code, so
//! the losses here are the **P.452-18 smooth-Earth components** themselves
//! (§4.4 troposcatter, §4.5 ducting/layer reflection with β0, μ1, μ2, μ4,
//! Γ, Ap; the site-coupling and coast corrections), evaluated on the
//! great circle with the zones sampled from coastline data:
//!
//! - earth-station end: horizon distance `dh` (default 0.5 km) and horizon
//!   elevation θh per azimuth; the App. 7 horizon correction `Ah(θh)`
//!   replaces P.452's site-shielding term;
//! - terrestrial end: unknown station, smooth Earth, antenna height
//!   `terrestrial_height_m` (default 30 m), so its horizon distance is
//!   `√(2 ae h)` and its horizon elevation `−√(2h/ae)`; over-sea paths
//!   (ω ≥ 0.75) get P.452's coastal coupling gain at that end as if the
//!   station stood on the shore (conservative);
//! - diffraction is not modelled: beyond the minimum coordination distance
//!   (≥ 100 km) smooth-Earth diffraction at these frequencies is far
//!   weaker than ducting at the small time percentages of App. 7;
//! - gaseous absorption: ITU-R P.676 Annex 1 at 1013.25 hPa, 15 °C,
//!   ρ = 7.5 + 2.5 ω g/m³ (P.452 §4.5);
//! - the mode (1) loss is the smaller of the ducting and troposcatter
//!   losses (the larger required distance), as App. 7 takes the larger of
//!   the two distances.
//!
//! What *is* App. 7: the minimum coordination distance `dmin(f)`, the
//! horizon correction `Ah`, the maximum distances per zone, the antenna
//! pattern toward the horizon, and the required loss `Lb(p)`.

use silkway_itur::p452::{radio_climate, troposcatter};

use crate::error::{Result, in_range, positive};

use super::zones::Zone;

/// App. 7 corrected latitude ζr, degrees: |ζ| − 1.8 beyond ±1.8°, else 0.
pub fn corrected_latitude_deg(lat_deg: f64) -> f64 {
    (lat_deg.abs() - 1.8).max(0.0)
}

/// App. 7 β (%) = 10^(1.67 − 0.015 ζr), the time percentage for which
/// refractive-index lapse rates exceeding 100 N-units/km can be expected
/// in the first 100 m of the atmosphere, at the corrected latitude.
pub fn beta_pct(lat_deg: f64) -> f64 {
    10f64.powf(1.67 - 0.015 * corrected_latitude_deg(lat_deg))
}

/// Minimum coordination distance for propagation modes (1) and (2),
/// km, 100 MHz ≤ f < 40 GHz (App. 7 Annex 1 §4.2):
/// `dmin(f) = 100 + (β − f)/2`, f in GHz.
///
/// # Errors
/// f outside 0.1–40 GHz.
pub fn min_coordination_distance_km(freq_ghz: f64, lat_deg: f64) -> Result<f64> {
    in_range("freq_ghz", freq_ghz, 0.1, 40.0)?;
    in_range("lat_deg", lat_deg, -90.0, 90.0)?;
    Ok(100.0 + (beta_pct(lat_deg) - freq_ghz) / 2.0)
}

/// Maximum coordination distance for propagation mode (1) in one zone,
/// km (App. 7 Annex 1, maximum calculation distances: A1 500, A2 375,
/// B 900 km). On a mixed path the limit is reached when Σ Δd/dmax(zone)
/// along the path reaches 1 (each zone uses up its share).
pub fn max_distance_km(zone: Zone) -> f64 {
    match zone {
        Zone::A1 => 500.0,
        Zone::A2 => 375.0,
        Zone::B => 900.0,
    }
}

/// Earth-station horizon correction Ah, dB (App. 7 Annex 1): for a
/// horizon elevation θh ≥ 0°, `20 log(1 + 4.5 θh √f) + θh f^(1/3)`;
/// for −0.5° ≤ θh < 0°, `3 [(f + 1)^½ − 0.0001 f − 1.0003] θh`;
/// θh < −0.5° is taken as −0.5°. Capped at 30 dB. f in GHz, θh in degrees.
pub fn horizon_correction_db(freq_ghz: f64, horizon_deg: f64) -> f64 {
    let f = freq_ghz;
    if horizon_deg >= 0.0 {
        (20.0 * (1.0 + 4.5 * horizon_deg * f.sqrt()).log10() + horizon_deg * f.cbrt()).min(30.0)
    } else {
        3.0 * ((f + 1.0).sqrt() - 1e-4 * f - 1.0003) * horizon_deg.max(-0.5)
    }
}

/// Climate and geometry inputs of the smooth-Earth mode (1) model.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Mode1Params {
    /// Frequency, GHz.
    pub freq_ghz: f64,
    /// Time percentage p, %.
    pub p_pct: f64,
    /// Average radio-refractivity lapse rate ΔN, N-units/km (P.452 §3.4).
    pub delta_n: f64,
    /// Sea-level surface refractivity N0, N-units.
    pub n0: f64,
    /// Earth-station antenna height above ground, m.
    pub es_height_m: f64,
    /// Terrestrial antenna height above ground, m.
    pub terrestrial_height_m: f64,
    /// Earth-station horizon distance, km.
    pub es_horizon_km: f64,
}

/// The state of a path: its zones, sampled at equal steps from the earth station.
#[derive(Debug, Clone, Default)]
pub struct PathZones {
    /// Zone of each step (the first is at the earth station).
    pub zones: Vec<Zone>,
    /// Step, km.
    pub step_km: f64,
    /// Earth-station distance to the coast, km (∞ unknown/far).
    pub es_coast_km: f64,
}

impl PathZones {
    /// dtm, dlm (longest continuous land / inland section, km) and ω (sea
    /// fraction) of the first `d_km` of the path.
    pub fn stats(&self, d_km: f64) -> (f64, f64, f64) {
        let n = ((d_km / self.step_km).round() as usize).clamp(1, self.zones.len().max(1));
        let (mut dtm, mut dlm, mut run_t, mut run_l, mut sea) = (0.0f64, 0.0f64, 0.0, 0.0, 0.0);
        for z in self.zones.iter().take(n) {
            match z {
                Zone::B => {
                    run_t = 0.0;
                    run_l = 0.0;
                    sea += self.step_km;
                }
                Zone::A1 => {
                    run_t += self.step_km;
                    run_l = 0.0;
                }
                Zone::A2 => {
                    run_t += self.step_km;
                    run_l += self.step_km;
                }
            }
            dtm = dtm.max(run_t);
            dlm = dlm.max(run_l);
        }
        let total = n as f64 * self.step_km;
        (dtm.min(d_km), dlm.min(d_km), (sea / total).clamp(0.0, 1.0))
    }
}

/// Intermediate values of the mode (1) loss at one distance.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Mode1Loss {
    /// Ducting/layer-reflection basic transmission loss, dB.
    pub ducting_db: f64,
    /// Troposcatter basic transmission loss, dB.
    pub troposcatter_db: f64,
    /// β (after μ1 μ2 μ4), %.
    pub beta_pct: f64,
    /// Gaseous absorption, dB.
    pub gas_db: f64,
}

impl Mode1Loss {
    /// The mode (1) loss: the smaller of the two mechanisms.
    pub fn loss_db(&self) -> f64 {
        self.ducting_db.min(self.troposcatter_db)
    }
}

impl Mode1Params {
    /// Check the inputs.
    ///
    /// # Errors
    /// Out-of-range values.
    pub fn validate(&self) -> Result<()> {
        in_range("freq_ghz", self.freq_ghz, 0.79, 40.0)?;
        in_range("p_pct", self.p_pct, 0.001, 50.0)?;
        in_range("delta_n", self.delta_n, 1.0, 150.0)?;
        in_range("n0", self.n0, 200.0, 450.0)?;
        in_range("es_height_m", self.es_height_m, 1.0, 1000.0)?;
        in_range(
            "terrestrial_height_m",
            self.terrestrial_height_m,
            1.0,
            1000.0,
        )?;
        positive("es_horizon_km", self.es_horizon_km)?;
        Ok(())
    }

    /// Median effective Earth radius ae = 6371 k50, k50 = 157/(157 − ΔN), km (P.452 eqs. 5–6).
    pub fn effective_radius_km(&self) -> f64 {
        6371.0 * 157.0 / (157.0 - self.delta_n)
    }

    /// The two mechanisms at distance `d_km` on `path`, with earth-station
    /// gain and terrestrial gain toward each other `gt_dbi`, `gr_dbi`
    /// (troposcatter aperture-to-medium coupling) and horizon elevation
    /// `horizon_deg`; `centre_lat_deg` is the path-centre latitude.
    pub fn loss(
        &self,
        d_km: f64,
        path: &PathZones,
        horizon_deg: f64,
        centre_lat_deg: f64,
        gt_dbi: f64,
        gr_dbi: f64,
    ) -> Result<Mode1Loss> {
        let f = self.freq_ghz;
        let ae = self.effective_radius_km();
        let (dtm, dlm, omega) = path.stats(d_km);
        // Gaseous absorption (P.452 §4.5 eq. 9 with P.676 Annex 1).
        let rho = 7.5 + 2.5 * omega;
        let gamma =
            silkway_itur::p676::annex1::gamma_db_km(f, 1013.25, rho, 288.15).map_err(|e| {
                crate::Error::PathLoss {
                    model: "ITU-R P.676 Annex 1".into(),
                    message: e.to_string(),
                }
            })?;
        let gas_db = gamma * d_km;
        // Horizons: earth station (given), terrestrial (smooth Earth).
        let dlt = self.es_horizon_km.min(d_km / 2.0);
        let dlr = (2.0 * ae * self.terrestrial_height_m / 1e3)
            .sqrt()
            .min(d_km / 2.0);
        let theta_t = horizon_deg.to_radians() * 1e3; // mrad
        let theta_r = -(2.0 * self.terrestrial_height_m / 1e3 / ae).sqrt() * 1e3;
        // β0 (P.452 eqs. 2–4) and τ (eq. 3a) from the zones of the path.
        let beta0 = radio_climate::beta0_pct(centre_lat_deg, dtm, dlm);
        let tau = radio_climate::tau(dlm);
        // μ2 (P.452 eq. 59): smooth-Earth effective heights = antenna heights; μ3 = 1.
        let alpha = (-0.6 - 3.5e-9 * d_km.powf(3.1) * tau).max(-3.4);
        let hsum = self.es_height_m.sqrt() + self.terrestrial_height_m.sqrt();
        let mu2 = (500.0 / ae * d_km * d_km / (hsum * hsum))
            .powf(alpha)
            .min(1.0);
        let beta = beta0 * mu2;
        // Ducting (P.452 §4.5): Af + Ad(p) + Ag, with App. 7's Ah at the earth station.
        let act = if omega >= 0.75 && path.es_coast_km <= dlt && path.es_coast_km <= 5.0 {
            -3.0 * (-0.25 * path.es_coast_km.powi(2)).exp()
                * (1.0 + (0.07 * (50.0 - self.es_height_m)).tanh())
        } else {
            0.0
        };
        let acr = if omega >= 0.75 {
            -3.0 * (1.0 + (0.07 * (50.0 - self.terrestrial_height_m)).tanh())
        } else {
            0.0
        };
        let af = 102.45
            + 20.0 * f.log10()
            + 20.0 * (dlt + dlr).log10()
            + horizon_correction_db(f, horizon_deg)
            + act
            + acr;
        let gamma_d = 5e-5 * ae * f.cbrt();
        let tt = theta_t.min(0.1 * dlt);
        let tr = theta_r.min(0.1 * dlr);
        let theta_p = 1e3 * d_km / ae + tt + tr;
        let lb = beta.log10();
        let big_gamma = 1.076 / (2.0058 - lb).powf(1.012)
            * (-(9.51 - 4.8 * lb + 0.198 * lb * lb) * 1e-6 * d_km.powf(1.13)).exp();
        let ap = -12.0
            + (1.2 + 3.7e-3 * d_km) * (self.p_pct / beta).log10()
            + 12.0 * (self.p_pct / beta).powf(big_gamma);
        let ducting_db = af + gamma_d * theta_p + ap + gas_db;
        // Troposcatter (P.452 §4.4 eq. 45), with this model's gaseous absorption.
        let theta = 1e3 * d_km / ae + theta_t + theta_r;
        let troposcatter_db = troposcatter::troposcatter_db(
            d_km,
            theta,
            f,
            self.p_pct,
            self.n0,
            gt_dbi + gr_dbi,
            gamma,
        );
        Ok(Mode1Loss {
            ducting_db,
            troposcatter_db,
            beta_pct: beta,
            gas_db,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimum_distance_by_hand() {
        // Baku 40.41N: ζr = 38.61°; β = 10^(1.67 − 0.57915) = 10^1.09085 = 12.3259 %;
        // dmin(6.175 GHz) = 100 + (12.3259 − 6.175)/2 = 103.0755 km.
        assert!((beta_pct(40.41) - 12.3259).abs() < 1e-3);
        let d = min_coordination_distance_km(6.175, 40.41).unwrap();
        assert!((d - 103.0755).abs() < 1e-3, "{d}");
        // Near the equator ζr = 0: β = 10^1.67 = 46.7735; dmin(4) = 100 + 42.7735/2 = 121.387 km.
        let d = min_coordination_distance_km(4.0, 1.0).unwrap();
        assert!((d - 121.3868).abs() < 1e-3, "{d}");
        assert!(min_coordination_distance_km(45.0, 40.0).is_err());
    }

    #[test]
    fn horizon_correction_by_hand() {
        // θh = 1°, 4 GHz: 20 log(1 + 4.5·2) + 4^(1/3) = 20 + 1.5874 = 21.5874 dB.
        assert!((horizon_correction_db(4.0, 1.0) - 21.5874).abs() < 1e-4);
        // θh = −0.25°, 4 GHz: 3(√5 − 0.0004 − 1.0003)(−0.25) = 3·1.23537·(−0.25) = −0.92653.
        assert!((horizon_correction_db(4.0, -0.25) + 0.92653).abs() < 1e-4);
        // Below −0.5° it stays at the −0.5° value; large angles cap at 30 dB.
        assert_eq!(
            horizon_correction_db(4.0, -3.0),
            horizon_correction_db(4.0, -0.5)
        );
        assert_eq!(horizon_correction_db(14.0, 10.0), 30.0);
        assert_eq!(horizon_correction_db(6.0, 0.0), 0.0);
    }

    #[test]
    fn smooth_earth_losses_by_hand_on_an_inland_path() {
        // 6.175 GHz, p = 0.0025 %, d = 200 km all inland (dtm = dlm = 200 km), centre 40°N,
        // ΔN 45 → ae = 6371·157/112 = 8930.777 km; hts 10 m, hrs 30 m, dlt 0.5 km, θh = 0.
        // dlr = √(2·8930.777·0.03) = 23.1484 km, θr = −√(0.06/8930.777)·1e3 = −2.59198 mrad.
        // τ = 1; μ1 = (10^(−200/9.4) + 10^(−4.25))^0.2 = 0.141254;
        // μ4 = 10^((−0.935 + 0.704)·log μ1) = 1.571629; β0 = 10^(1.07)·μ1·μ4 = 2.608255 %;
        // α = −0.6 − 3.5e-9·200^3.1 = −0.647562; μ2 = (500/ae·200²/(√10 + √30)²)^α = 0.110521;
        // β = 0.288267 %.
        // Af = 102.45 + 20 log 6.175 + 20 log 23.6484 = 145.73876 dB;
        // γd = 5e-5·ae·6.175^(1/3) = 0.819228 dB/mrad; θ' = 22.39447 − 2.59198 = 19.80249 mrad;
        // Γ = 0.415891; Ap = −12 + 1.94·log(p/β) + 12 (p/β)^Γ = −14.33400 dB;
        // Lba − Ag = 145.73876 + 16.22283 − 14.33400 = 147.62752 dB.
        // Troposcatter: Lf = 25 log 6.175 − 2.5 (log 3.0875)² = 19.16664; Lc (Gt + Gr = 36 dBi)
        // = 0.051 e^1.98 = 0.36938; Lbs − Ag = 190 + 19.16664 + 46.0206 + 0.573·19.80249
        // − 48.75 + 0.36938 − 10.1·4.30103^0.7 = 190.11060 dB (P.452-18 eq. 45's constant is
        // 190, as the ITU validation examples in crates/itur/tests/p452_validation.rs fix it).
        let m = Mode1Params {
            freq_ghz: 6.175,
            p_pct: 0.0025,
            delta_n: 45.0,
            n0: 325.0,
            es_height_m: 10.0,
            terrestrial_height_m: 30.0,
            es_horizon_km: 0.5,
        };
        let path = PathZones {
            zones: vec![Zone::A2; 400],
            step_km: 1.0,
            es_coast_km: f64::INFINITY,
        };
        let l = m.loss(200.0, &path, 0.0, 40.0, 18.0, 18.0).unwrap();
        assert!((l.beta_pct - 0.288267).abs() < 1e-5, "{l:?}");
        assert!((l.ducting_db - l.gas_db - 147.62752).abs() < 1e-3, "{l:?}");
        assert!(
            (l.troposcatter_db - l.gas_db - 190.11060).abs() < 1e-3,
            "{l:?}"
        );
        // Gaseous absorption (P.676 Annex 1, ρ = 7.5 g/m³): about 0.01 dB/km at 6 GHz.
        assert!(l.gas_db > 1.0 && l.gas_db < 3.0, "{l:?}");
        assert_eq!(l.loss_db(), l.ducting_db);
    }
}
