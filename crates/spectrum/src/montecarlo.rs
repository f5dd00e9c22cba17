//! Monte Carlo aggregate interference (SEAMCAT-style snapshots).
//!
//! Each event (snapshot) draws, for each of `count` potential interferers,
//! whether it is active (probability `activity`), a position uniform over
//! the region's area (a disc or a latitude/longitude box on the sphere)
//! and, unless fixed, an antenna azimuth uniform in [0, 360). The
//! aggregate interference at the victim's antenna output is the power sum
//! of `EIRP + Gt(θt) − Gt,max + Gr(θr) − L(p) + 10 log(overlap)` over the
//! active interferers (the same link as [`crate::interference`]); the event
//! counts as an exceedance when aggregate `I/N` exceeds the threshold.
//!
//! Reproducibility: the events are split into fixed-size batches; batch
//! `b` draws from ChaCha8 seeded with `seed` on stream `b`, so a result
//! depends on (`seed`, `batch_size`, `events`) only — not on the number
//! of threads (batches run in parallel with rayon and are combined in
//! order). The convergence record gives the running estimate and its
//! binomial standard error `√(p(1−p)/n)` after each batch.
//!
//! # References
//! CEPT ECC Report 252 (SEAMCAT handbook): interfering/victim link
//! snapshots, probability of interference.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, finite, in_range, positive};
use crate::geometry::{
    MEAN_EARTH_RADIUS_KM, angle_between_deg, bearing_deg, elevation_deg, haversine_km,
};
use crate::interference::overlap_fraction;
use crate::path_loss::{PathLoss, Terminal, check_p_pct};
use crate::pattern::{AntennaPattern, PatternSpec};
use crate::units::{db_to_lin, lin_to_db, noise_power_dbw};

/// Where the interferers are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "shape", rename_all = "snake_case", deny_unknown_fields)]
pub enum Region {
    /// A spherical cap (disc) around a centre.
    Disc {
        /// Centre latitude, degrees.
        center_lat_deg: f64,
        /// Centre longitude, degrees.
        center_lon_deg: f64,
        /// Radius along the surface, km.
        radius_km: f64,
    },
    /// A latitude/longitude box.
    Bbox {
        /// South edge, degrees.
        lat_min_deg: f64,
        /// North edge, degrees.
        lat_max_deg: f64,
        /// West edge, degrees.
        lon_min_deg: f64,
        /// East edge, degrees.
        lon_max_deg: f64,
    },
}

impl Region {
    fn validate(&self) -> Result<()> {
        match *self {
            Region::Disc {
                center_lat_deg,
                center_lon_deg,
                radius_km,
            } => {
                in_range("region.center_lat_deg", center_lat_deg, -90.0, 90.0)?;
                in_range("region.center_lon_deg", center_lon_deg, -180.0, 360.0)?;
                in_range("region.radius_km", radius_km, 1e-9, 5000.0)?;
            }
            Region::Bbox {
                lat_min_deg,
                lat_max_deg,
                lon_min_deg,
                lon_max_deg,
            } => {
                in_range("region.lat_min_deg", lat_min_deg, -90.0, 90.0)?;
                in_range("region.lat_max_deg", lat_max_deg, lat_min_deg, 90.0)?;
                in_range("region.lon_min_deg", lon_min_deg, -180.0, 360.0)?;
                in_range("region.lon_max_deg", lon_max_deg, lon_min_deg, 360.0)?;
            }
        }
        Ok(())
    }

    /// A point uniform over the region's area: (lat, lon) degrees.
    fn sample(&self, rng: &mut ChaCha8Rng) -> (f64, f64) {
        match *self {
            Region::Disc {
                center_lat_deg,
                center_lon_deg,
                radius_km,
            } => {
                // Area-uniform on the cap: cos(γ) uniform in [cos γmax, 1].
                let gmax = radius_km / MEAN_EARTH_RADIUS_KM;
                let cg = 1.0 - rng.random::<f64>() * (1.0 - gmax.cos());
                let g = cg.clamp(-1.0, 1.0).acos();
                let brg = rng.random::<f64>() * std::f64::consts::TAU;
                destination(center_lat_deg, center_lon_deg, brg, g)
            }
            Region::Bbox {
                lat_min_deg,
                lat_max_deg,
                lon_min_deg,
                lon_max_deg,
            } => {
                let (s0, s1) = (
                    lat_min_deg.to_radians().sin(),
                    lat_max_deg.to_radians().sin(),
                );
                let lat = (s0 + rng.random::<f64>() * (s1 - s0)).asin().to_degrees();
                let lon = lon_min_deg + rng.random::<f64>() * (lon_max_deg - lon_min_deg);
                (lat, lon)
            }
        }
    }
}

/// The point at central angle `g` (rad) along bearing `brg` (rad).
fn destination(lat_deg: f64, lon_deg: f64, brg: f64, g: f64) -> (f64, f64) {
    let (p1, l1) = (lat_deg.to_radians(), lon_deg.to_radians());
    let p2 = (p1.sin() * g.cos() + p1.cos() * g.sin() * brg.cos()).asin();
    let l2 = l1 + (brg.sin() * g.sin() * p1.cos()).atan2(g.cos() - p1.sin() * p2.sin());
    (p2.to_degrees(), l2.to_degrees())
}

/// The victim receiver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Victim {
    /// Latitude, degrees.
    pub lat_deg: f64,
    /// Longitude, degrees.
    pub lon_deg: f64,
    /// Antenna height above the sphere, m.
    #[serde(default)]
    pub height_m: f64,
    /// Antenna pattern.
    pub pattern: PatternSpec,
    /// Pointing azimuth, degrees.
    pub azimuth_deg: f64,
    /// Pointing elevation, degrees.
    #[serde(default)]
    pub elevation_deg: f64,
    /// Centre frequency, MHz.
    pub freq_mhz: f64,
    /// Bandwidth, kHz.
    pub bandwidth_khz: f64,
    /// Noise temperature, K.
    pub noise_temp_k: f64,
}

/// The interferer population.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interferers {
    /// Where they are.
    pub region: Region,
    /// Potential interferers per event.
    pub count: u32,
    /// Probability that each is transmitting, in [0, 1].
    pub activity: f64,
    /// Main-beam EIRP, dBW.
    pub eirp_dbw: f64,
    /// Antenna pattern.
    pub pattern: PatternSpec,
    /// Fixed azimuth, degrees; absent = uniform random.
    #[serde(default)]
    pub azimuth_deg: Option<f64>,
    /// Pointing elevation, degrees.
    #[serde(default)]
    pub elevation_deg: f64,
    /// Antenna height, m.
    #[serde(default = "default_height_m")]
    pub height_m: f64,
    /// Centre frequency, MHz.
    pub freq_mhz: f64,
    /// Bandwidth, kHz.
    pub bandwidth_khz: f64,
}

fn default_height_m() -> f64 {
    10.0
}

/// A Monte Carlo run (the TOML file of `silkway spectrum montecarlo`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct McConfig {
    /// The victim.
    pub victim: Victim,
    /// The interferers.
    pub interferers: Interferers,
    /// I/N criterion, dB (e.g. −10 for long-term FS protection, ITU-R F.758).
    pub threshold_i_over_n_db: f64,
    /// Time percentage passed to the path-loss model, % (default 50).
    #[serde(default = "default_p_pct")]
    pub p_pct: f64,
    /// Number of events.
    pub events: u64,
    /// RNG seed.
    #[serde(default)]
    pub seed: u64,
    /// Events per batch (default 10 000); part of what fixes the result.
    #[serde(default = "default_batch")]
    pub batch_size: u64,
}

fn default_p_pct() -> f64 {
    50.0
}

fn default_batch() -> u64 {
    10_000
}

/// The running estimate after a batch.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ConvergencePoint {
    /// Events so far.
    pub events: u64,
    /// P(I/N > threshold) so far.
    pub probability: f64,
    /// Its standard error √(p(1−p)/n).
    pub standard_error: f64,
}

/// The outcome of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct McResult {
    /// Events simulated.
    pub events: u64,
    /// Events with I/N above the threshold.
    pub exceedances: u64,
    /// Estimated probability.
    pub probability: f64,
    /// Standard error of the estimate.
    pub standard_error: f64,
    /// Threshold, dB.
    pub threshold_i_over_n_db: f64,
    /// Mean number of active interferers per event.
    pub mean_active: f64,
    /// Mean aggregate I/N over events, dB (of the linear mean).
    pub mean_i_over_n_db: f64,
    /// Victim noise power, dBW.
    pub n_dbw: f64,
    /// Seed.
    pub seed: u64,
    /// Batch size.
    pub batch_size: u64,
    /// Running estimate after each batch.
    pub convergence: Vec<ConvergencePoint>,
    /// Percentiles (50, 90, 95, 99, 99.9 %) of aggregate I/N over events
    /// (the SEAMCAT-style CDF summarised).
    pub percentiles: Vec<Percentile>,
}

/// Histogram of aggregate I/N: bins of [`HIST_STEP_DB`] from [`HIST_MIN_DB`];
/// the first bin also holds everything below (including events with no
/// active interferer), the last everything above.
const HIST_MIN_DB: f64 = -80.0;
/// Histogram bin width, dB.
const HIST_STEP_DB: f64 = 0.1;
/// Number of histogram bins (−80 .. +80 dB).
const HIST_BINS: usize = 1600;

#[derive(Debug, Clone, Default)]
struct BatchStats {
    events: u64,
    exceed: u64,
    active: u64,
    i_over_n_lin_sum: f64,
    hist: Vec<u64>,
}

/// A percentile of the aggregate I/N distribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Percentile {
    /// Percentage of events at or below the value, %.
    pub pct: f64,
    /// Aggregate I/N, dB (to the 0.1 dB bin's upper edge; clamped to −80..+80 dB).
    pub i_over_n_db: f64,
}

struct Prepared<'a> {
    cfg: &'a McConfig,
    victim: Terminal,
    rx: Box<dyn AntennaPattern>,
    tx: Box<dyn AntennaPattern>,
    overlap_db: f64,
    n_dbw: f64,
    n_w: f64,
    path_loss: &'a dyn PathLoss,
}

impl McConfig {
    /// Parse the TOML format.
    ///
    /// # Errors
    /// [`Error::Parse`] naming the origin, line and field.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self> {
        toml::from_str(text).map_err(|e| Error::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })
    }

    fn prepare<'a>(&'a self, path_loss: &'a dyn PathLoss) -> Result<Prepared<'a>> {
        let v = &self.victim;
        let i = &self.interferers;
        in_range("victim.lat_deg", v.lat_deg, -90.0, 90.0)?;
        in_range("victim.lon_deg", v.lon_deg, -180.0, 360.0)?;
        finite("victim.height_m", v.height_m)?;
        finite("victim.azimuth_deg", v.azimuth_deg)?;
        in_range("victim.elevation_deg", v.elevation_deg, -90.0, 90.0)?;
        positive("victim.freq_mhz", v.freq_mhz)?;
        positive("victim.bandwidth_khz", v.bandwidth_khz)?;
        positive("victim.noise_temp_k", v.noise_temp_k)?;
        i.region.validate()?;
        in_range("interferers.activity", i.activity, 0.0, 1.0)?;
        finite("interferers.eirp_dbw", i.eirp_dbw)?;
        if let Some(a) = i.azimuth_deg {
            finite("interferers.azimuth_deg", a)?;
        }
        in_range("interferers.elevation_deg", i.elevation_deg, -90.0, 90.0)?;
        finite("interferers.height_m", i.height_m)?;
        positive("interferers.freq_mhz", i.freq_mhz)?;
        positive("interferers.bandwidth_khz", i.bandwidth_khz)?;
        finite("threshold_i_over_n_db", self.threshold_i_over_n_db)?;
        check_p_pct(self.p_pct)?;
        if self.events == 0 || self.batch_size == 0 {
            return Err(crate::error::invalid(
                "events/batch_size",
                "at least 1",
                0.0,
            ));
        }
        Ok(Prepared {
            cfg: self,
            victim: Terminal {
                lat_deg: v.lat_deg,
                lon_deg: v.lon_deg,
                height_m: v.height_m,
            },
            rx: v.pattern.build(v.freq_mhz / 1e3)?,
            tx: i.pattern.build(i.freq_mhz / 1e3)?,
            overlap_db: lin_to_db(overlap_fraction(
                v.freq_mhz,
                v.bandwidth_khz,
                i.freq_mhz,
                i.bandwidth_khz,
            )),
            n_dbw: noise_power_dbw(v.noise_temp_k, v.bandwidth_khz * 1e3),
            n_w: db_to_lin(noise_power_dbw(v.noise_temp_k, v.bandwidth_khz * 1e3)),
            path_loss,
        })
    }

    /// Run the simulation (in the current rayon pool).
    ///
    /// # Errors
    /// Invalid configuration; path-loss failures.
    pub fn run(&self, path_loss: &dyn PathLoss) -> Result<McResult> {
        let p = self.prepare(path_loss)?;
        let n_batches = self.events.div_ceil(self.batch_size);
        let stats: Vec<BatchStats> = (0..n_batches)
            .into_par_iter()
            .map(|b| {
                let n = self.batch_size.min(self.events - b * self.batch_size);
                p.batch(b, n)
            })
            .collect::<Result<_>>()?;
        let mut total = BatchStats {
            hist: vec![0; HIST_BINS],
            ..BatchStats::default()
        };
        let mut convergence = Vec::with_capacity(stats.len());
        for s in &stats {
            for (t, h) in total.hist.iter_mut().zip(&s.hist) {
                *t += h;
            }
            total.events += s.events;
            total.exceed += s.exceed;
            total.active += s.active;
            total.i_over_n_lin_sum += s.i_over_n_lin_sum;
            let (pr, se) = estimate(total.exceed, total.events);
            convergence.push(ConvergencePoint {
                events: total.events,
                probability: pr,
                standard_error: se,
            });
        }
        let (probability, standard_error) = estimate(total.exceed, total.events);
        Ok(McResult {
            events: total.events,
            exceedances: total.exceed,
            probability,
            standard_error,
            threshold_i_over_n_db: self.threshold_i_over_n_db,
            mean_active: total.active as f64 / total.events as f64,
            mean_i_over_n_db: lin_to_db(total.i_over_n_lin_sum / total.events as f64),
            n_dbw: p.n_dbw,
            seed: self.seed,
            batch_size: self.batch_size,
            convergence,
            percentiles: [50.0, 90.0, 95.0, 99.0, 99.9]
                .iter()
                .map(|&pct| Percentile {
                    pct,
                    i_over_n_db: percentile_db(&total.hist, total.events, pct),
                })
                .collect(),
        })
    }
}

/// The upper edge of the bin where the cumulative count reaches `pct` %.
fn percentile_db(hist: &[u64], n: u64, pct: f64) -> f64 {
    let target = (pct / 100.0 * n as f64).ceil().max(1.0) as u64;
    let mut cum = 0;
    for (k, h) in hist.iter().enumerate() {
        cum += h;
        if cum >= target {
            return HIST_MIN_DB + (k + 1) as f64 * HIST_STEP_DB;
        }
    }
    HIST_MIN_DB + HIST_BINS as f64 * HIST_STEP_DB
}

fn estimate(k: u64, n: u64) -> (f64, f64) {
    let p = k as f64 / n as f64;
    (p, (p * (1.0 - p) / n as f64).sqrt())
}

impl Prepared<'_> {
    fn batch(&self, index: u64, n: u64) -> Result<BatchStats> {
        let mut rng = ChaCha8Rng::seed_from_u64(self.cfg.seed);
        rng.set_stream(index);
        let mut s = BatchStats {
            hist: vec![0; HIST_BINS],
            ..BatchStats::default()
        };
        let threshold = db_to_lin(self.cfg.threshold_i_over_n_db);
        for _ in 0..n {
            let i_lin = self.event(&mut rng, &mut s.active)?;
            let ratio = i_lin / self.n_w;
            s.events += 1;
            s.i_over_n_lin_sum += ratio;
            let bin = ((lin_to_db(ratio) - HIST_MIN_DB) / HIST_STEP_DB).floor();
            // NaN-free: ratio ≥ 0, so lin_to_db is a number or −∞ (→ bin 0).
            let bin = if bin.is_nan() {
                0.0
            } else {
                bin.clamp(0.0, (HIST_BINS - 1) as f64)
            };
            s.hist[bin as usize] += 1;
            if ratio > threshold {
                s.exceed += 1;
            }
        }
        Ok(s)
    }

    /// One snapshot: aggregate interference power, W.
    fn event(&self, rng: &mut ChaCha8Rng, active: &mut u64) -> Result<f64> {
        let c = self.cfg;
        let it = &c.interferers;
        let v = &c.victim;
        let mut sum = 0.0;
        for _ in 0..it.count {
            // Draw every variable whether active or not, so that one
            // interferer's activity does not shift the others' draws.
            let on = rng.random::<f64>() < it.activity;
            let (lat, lon) = it.region.sample(rng);
            let az = match it.azimuth_deg {
                Some(a) => a,
                None => rng.random::<f64>() * 360.0,
            };
            if !on {
                continue;
            }
            *active += 1;
            let tx = Terminal {
                lat_deg: lat,
                lon_deg: lon,
                height_m: it.height_m,
            };
            let d = haversine_km(lat, lon, v.lat_deg, v.lon_deg);
            if d < 1e-3 {
                continue; // co-located draw: outside any model's scope
            }
            let to_v = bearing_deg(lat, lon, v.lat_deg, v.lon_deg);
            let to_t = bearing_deg(v.lat_deg, v.lon_deg, lat, lon);
            let th_t = angle_between_deg(
                az,
                it.elevation_deg,
                to_v,
                elevation_deg(it.height_m, v.height_m, d),
            );
            let th_r = angle_between_deg(
                v.azimuth_deg,
                v.elevation_deg,
                to_t,
                elevation_deg(v.height_m, it.height_m, d),
            );
            let loss = self
                .path_loss
                .loss_db(&tx, &self.victim, it.freq_mhz, c.p_pct)?;
            let i_dbw = it.eirp_dbw + self.tx.gain_dbi(th_t) - self.tx.max_gain_dbi()
                + self.rx.gain_dbi(th_r)
                - loss
                + self.overlap_db;
            sum += db_to_lin(i_dbw);
        }
        Ok(sum)
    }
}
