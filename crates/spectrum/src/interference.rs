//! Interference over a scenario's assignment register.
//!
//! For a victim receive assignment and every transmit assignment whose
//! band overlaps it (other stations only), the interference power at the
//! victim's antenna output is
//!
//! `I = EIRP + (Gt(θt) − Gt,max) + Gr(θr) − L(p) + 10 log(B_overlap / B_interferer)`  (dBW)
//!
//! - `EIRP` is the assignment's main-beam EIRP; `Gt(θt)` the interferer's
//!   reference pattern at the off-axis angle θt between its pointing
//!   (assignment `azimuth_deg`/`elevation_deg`) and the great-circle
//!   direction (bearing and geometric elevation) toward the victim;
//! - `Gr(θr)` the victim's pattern toward the interferer, likewise;
//! - `L(p)` the basic transmission loss of the [`PathLoss`] model not
//!   exceeded for `p` % of time;
//! - the last term the fraction of the interferer's power (flat spectrum
//!   over its necessary bandwidth) that falls in the victim's band.
//!
//! `N = k T B` with the victim's `noise_temp_k` and bandwidth;
//! aggregate `I = Σ I_i` (power sum); `C/I`, `C/N`, `C/(N+I)` when the
//! wanted carrier is known (from a wanted transmit assignment computed
//! the same way, or given).
//!
//! Patterns: terrestrial stations use ITU-R F.699-8 (single-entry peak
//! envelope) by default, earth stations ITU-R S.465-6; polarization
//! discrimination is not applied (conservative).
//!
//! # References
//! ITU-R SM.337-6 (frequency-distance rule: I from EIRP, antenna
//! discrimination, path loss, and the frequency-dependent rejection here
//! approximated by the bandwidth ratio); ITU-R F.758 (I/N criteria).

use serde::Serialize;
use silkway_model::{Assignment, Direction, Scenario, Station, StationKind};

use crate::error::{Error, Result, positive};
use crate::geometry::{angle_between_deg, bearing_deg, elevation_deg, haversine_km};
use crate::path_loss::{PathLoss, Terminal, check_p_pct};
use crate::pattern::{AntennaPattern, PatternKind, PatternSpec};
use crate::units::{db_to_lin, lin_to_db, noise_power_dbw};

/// How to run the analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Options {
    /// Percentage of time for the path-loss model, % (default 20).
    pub p_pct: f64,
    /// Pattern of terrestrial stations (default F.699-8).
    pub terrestrial_pattern: PatternKind,
    /// Pattern of earth stations, teleports, VSATs (default S.465-6).
    pub earth_station_pattern: PatternKind,
    /// Ignore interferers farther than this, km (none: all).
    pub max_distance_km: Option<f64>,
    /// The wanted transmit assignment (its signal is C, and it is not an interferer).
    pub wanted: Option<String>,
    /// The wanted carrier power at the victim's antenna output, dBW
    /// (overrides `wanted` for C).
    pub c_dbw: Option<f64>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            p_pct: 20.0,
            terrestrial_pattern: PatternKind::F699,
            earth_station_pattern: PatternKind::S465,
            max_distance_km: None,
            wanted: None,
            c_dbw: None,
        }
    }
}

/// One interferer's contribution at the victim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// Interfering (transmit) assignment id.
    pub assignment: String,
    /// Its station id.
    pub station: String,
    /// Its administration.
    pub administration: String,
    /// Great-circle distance, km.
    pub distance_km: f64,
    /// Bearing from the interferer to the victim, degrees.
    pub bearing_to_victim_deg: f64,
    /// Off-axis angle at the interferer's antenna, degrees.
    pub tx_off_axis_deg: f64,
    /// Interferer's antenna gain toward the victim, dBi.
    pub tx_gain_dbi: f64,
    /// Interferer's pattern model.
    pub tx_pattern: &'static str,
    /// EIRP toward the victim, dBW.
    pub eirp_toward_victim_dbw: f64,
    /// Off-axis angle at the victim's antenna, degrees.
    pub rx_off_axis_deg: f64,
    /// Victim's antenna gain toward the interferer, dBi.
    pub rx_gain_dbi: f64,
    /// Basic transmission loss, dB.
    pub path_loss_db: f64,
    /// Fraction of the interferer's bandwidth inside the victim's band.
    pub overlap_fraction: f64,
    /// `10 log(overlap_fraction)`, dB.
    pub overlap_db: f64,
    /// Interference power at the victim's antenna output, dBW.
    pub i_dbw: f64,
    /// I/N, dB.
    pub i_over_n_db: f64,
    /// True when the assignment has no azimuth/elevation and its main beam
    /// was assumed toward the other station (worst case).
    pub pointing_assumed: bool,
}

/// The analysis of one victim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VictimReport {
    /// Victim (receive) assignment id.
    pub victim: String,
    /// Its station.
    pub station: String,
    /// Its administration.
    pub administration: String,
    /// Centre frequency, MHz.
    pub freq_mhz: f64,
    /// Bandwidth, kHz.
    pub bandwidth_khz: f64,
    /// Noise temperature, K.
    pub noise_temp_k: f64,
    /// Noise power k T B, dBW.
    pub n_dbw: f64,
    /// Victim pattern model.
    pub rx_pattern: &'static str,
    /// Path-loss model.
    pub path_loss_model: &'static str,
    /// Time percentage used, %.
    pub p_pct: f64,
    /// Wanted transmit assignment, when C comes from one.
    pub wanted: Option<String>,
    /// Wanted carrier, dBW.
    pub c_dbw: Option<f64>,
    /// Contributions, strongest first.
    pub interferers: Vec<Contribution>,
    /// Aggregate interference, dBW (−∞ without interferers; `null` in JSON).
    pub aggregate_i_dbw: f64,
    /// Aggregate I/N, dB.
    pub aggregate_i_over_n_db: f64,
    /// C/N, dB.
    pub c_over_n_db: Option<f64>,
    /// C/I (aggregate), dB.
    pub c_over_i_db: Option<f64>,
    /// C/(N+I), dB.
    pub c_over_n_plus_i_db: Option<f64>,
}

/// A resolved radio end: where, which antenna pattern, where it points.
pub(crate) struct Radio<'a> {
    pub(crate) assignment: &'a Assignment,
    pub(crate) terminal: Terminal,
    pub(crate) pattern: Box<dyn AntennaPattern>,
    azimuth_deg: Option<f64>,
    elevation_deg: Option<f64>,
}

fn station<'a>(s: &'a Scenario, a: &Assignment) -> Result<&'a Station> {
    s.stations
        .iter()
        .find(|st| st.id == a.station)
        .ok_or_else(|| {
            Error::Scenario(format!(
                "assignment {}: unknown station {}",
                a.id, a.station
            ))
        })
}

pub(crate) fn radio<'a>(s: &'a Scenario, a: &'a Assignment, opts: &Options) -> Result<Radio<'a>> {
    let st = station(s, a)?;
    let antenna = match &a.antenna {
        Some(id) => st.antennas.iter().find(|x| &x.id == id),
        None if st.antennas.len() == 1 => st.antennas.first(),
        None => None,
    }
    .ok_or_else(|| {
        Error::Scenario(format!(
            "assignment {}: no antenna (give `antenna`, one of station {}'s)",
            a.id, st.id
        ))
    })?;
    let kind = if st.kind == StationKind::Terrestrial {
        opts.terrestrial_pattern
    } else {
        opts.earth_station_pattern
    };
    let spec = PatternSpec {
        kind,
        gain_dbi: antenna.gain_dbi,
        diameter_m: antenna.diameter_m,
        efficiency: antenna.efficiency,
        ..PatternSpec::from_gain(kind, 0.0)
    };
    let pattern = spec.build(a.freq_mhz / 1e3).map_err(|e| {
        Error::Scenario(format!(
            "assignment {} (antenna {} of {}): {e}",
            a.id, antenna.id, st.id
        ))
    })?;
    Ok(Radio {
        assignment: a,
        terminal: Terminal {
            lat_deg: st.position.lat_deg,
            lon_deg: st.position.lon_deg,
            height_m: st.position.alt_m,
        },
        pattern,
        azimuth_deg: a.azimuth_deg,
        elevation_deg: a.elevation_deg,
    })
}

/// Fraction of the interferer's band `[fi ± bi/2]` inside the victim's
/// band `[fv ± bv/2]` (flat spectra).
///
/// # Examples
/// ```
/// use silkway_spectrum::interference::overlap_fraction;
/// // 28 MHz carriers 7 MHz apart: 21/28 = 0.75.
/// assert!((overlap_fraction(7442.0, 28_000.0, 7449.0, 28_000.0) - 0.75).abs() < 1e-12);
/// ```
pub fn overlap_fraction(
    victim_freq_mhz: f64,
    victim_bw_khz: f64,
    intf_freq_mhz: f64,
    intf_bw_khz: f64,
) -> f64 {
    let (vb, ib) = (victim_bw_khz / 2e3, intf_bw_khz / 2e3);
    let lo = (victim_freq_mhz - vb).max(intf_freq_mhz - ib);
    let hi = (victim_freq_mhz + vb).min(intf_freq_mhz + ib);
    ((hi - lo) / (2.0 * ib)).clamp(0.0, 1.0)
}

/// Gain of `r`'s antenna toward `other` (and the off-axis angle).
pub(crate) fn gain_toward(r: &Radio<'_>, other: &Terminal, distance_km: f64) -> (f64, f64, bool) {
    let brg = bearing_deg(
        r.terminal.lat_deg,
        r.terminal.lon_deg,
        other.lat_deg,
        other.lon_deg,
    );
    let el = elevation_deg(r.terminal.height_m, other.height_m, distance_km);
    match (r.azimuth_deg, r.elevation_deg) {
        (Some(az), el_point) => {
            let off = angle_between_deg(az, el_point.unwrap_or(0.0), brg, el);
            (off, r.pattern.gain_dbi(off), false)
        }
        (None, _) => (0.0, r.pattern.max_gain_dbi(), true),
    }
}

fn contribution(
    tx: &Radio<'_>,
    rx: &Radio<'_>,
    pl: &dyn PathLoss,
    p_pct: f64,
    n_dbw: f64,
) -> Result<Contribution> {
    let a = tx.assignment;
    let v = rx.assignment;
    let eirp = a
        .eirp_dbw
        .ok_or_else(|| Error::Scenario(format!("transmit assignment {} has no eirp_dbw", a.id)))?;
    let d = haversine_km(
        tx.terminal.lat_deg,
        tx.terminal.lon_deg,
        rx.terminal.lat_deg,
        rx.terminal.lon_deg,
    );
    let (tx_off, tx_gain, assumed_t) = gain_toward(tx, &rx.terminal, d);
    let (rx_off, rx_gain, assumed_r) = gain_toward(rx, &tx.terminal, d);
    let loss = pl.loss_db(&tx.terminal, &rx.terminal, a.freq_mhz, p_pct)?;
    let frac = overlap_fraction(v.freq_mhz, v.bandwidth_khz, a.freq_mhz, a.bandwidth_khz);
    let overlap_db = lin_to_db(frac);
    let eirp_toward = eirp + tx_gain - tx.pattern.max_gain_dbi();
    let i_dbw = eirp_toward + rx_gain - loss + overlap_db;
    Ok(Contribution {
        assignment: a.id.clone(),
        station: a.station.clone(),
        administration: a.administration.clone(),
        distance_km: d,
        bearing_to_victim_deg: bearing_deg(
            tx.terminal.lat_deg,
            tx.terminal.lon_deg,
            rx.terminal.lat_deg,
            rx.terminal.lon_deg,
        ),
        tx_off_axis_deg: tx_off,
        tx_gain_dbi: tx_gain,
        tx_pattern: tx.pattern.name(),
        eirp_toward_victim_dbw: eirp_toward,
        rx_off_axis_deg: rx_off,
        rx_gain_dbi: rx_gain,
        path_loss_db: loss,
        overlap_fraction: frac,
        overlap_db,
        i_dbw,
        i_over_n_db: i_dbw - n_dbw,
        pointing_assumed: assumed_t || assumed_r,
    })
}

/// Analyse one victim receive assignment against every overlapping
/// transmit assignment of the scenario.
///
/// # Errors
/// Unknown victim or wanted assignment; victim not a receive assignment or
/// without `noise_temp_k`; unresolvable antennas; invalid `p_pct`;
/// path-loss failures.
pub fn analyze_victim(
    scenario: &Scenario,
    victim_id: &str,
    path_loss: &dyn PathLoss,
    opts: &Options,
) -> Result<VictimReport> {
    check_p_pct(opts.p_pct)?;
    let find = |id: &str| {
        scenario
            .assignments
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Error::Scenario(format!("no assignment {id}")))
    };
    let v = find(victim_id)?;
    if v.direction != Direction::Receive {
        return Err(Error::Scenario(format!(
            "assignment {victim_id} is not a receive assignment"
        )));
    }
    let t = v.noise_temp_k.ok_or_else(|| {
        Error::Scenario(format!(
            "receive assignment {victim_id} has no noise_temp_k"
        ))
    })?;
    positive("noise_temp_k", t)?;
    let rx = radio(scenario, v, opts)?;
    let n_dbw = noise_power_dbw(t, v.bandwidth_khz * 1e3);

    let mut c_dbw = opts.c_dbw;
    if let Some(w) = &opts.wanted {
        let wa = find(w)?;
        if wa.direction != Direction::Transmit {
            return Err(Error::Scenario(format!(
                "wanted assignment {w} is not a transmit assignment"
            )));
        }
        if c_dbw.is_none() {
            let tx = radio(scenario, wa, opts)?;
            c_dbw = Some(contribution(&tx, &rx, path_loss, opts.p_pct, n_dbw)?.i_dbw);
        }
    }

    let mut interferers = Vec::new();
    for a in &scenario.assignments {
        if a.direction != Direction::Transmit
            || a.station == v.station
            || opts.wanted.as_deref() == Some(a.id.as_str())
            || overlap_fraction(v.freq_mhz, v.bandwidth_khz, a.freq_mhz, a.bandwidth_khz) <= 0.0
        {
            continue;
        }
        let tx = radio(scenario, a, opts)?;
        let c = contribution(&tx, &rx, path_loss, opts.p_pct, n_dbw)?;
        if opts.max_distance_km.is_some_and(|m| c.distance_km > m) {
            continue;
        }
        interferers.push(c);
    }
    interferers.sort_by(|a, b| b.i_dbw.total_cmp(&a.i_dbw));
    let agg_lin: f64 = interferers.iter().map(|c| db_to_lin(c.i_dbw)).sum();
    let aggregate_i_dbw = lin_to_db(agg_lin);
    let n_lin = db_to_lin(n_dbw);
    Ok(VictimReport {
        victim: v.id.clone(),
        station: v.station.clone(),
        administration: v.administration.clone(),
        freq_mhz: v.freq_mhz,
        bandwidth_khz: v.bandwidth_khz,
        noise_temp_k: t,
        n_dbw,
        rx_pattern: rx.pattern.name(),
        path_loss_model: path_loss.name(),
        p_pct: opts.p_pct,
        wanted: opts.wanted.clone(),
        c_dbw,
        aggregate_i_dbw,
        aggregate_i_over_n_db: aggregate_i_dbw - n_dbw,
        c_over_n_db: c_dbw.map(|c| c - n_dbw),
        c_over_i_db: c_dbw.map(|c| c - aggregate_i_dbw),
        c_over_n_plus_i_db: c_dbw.map(|c| c - lin_to_db(n_lin + agg_lin)),
        interferers,
    })
}

/// Analyse every receive assignment of the scenario (no wanted carrier
/// unless `opts.c_dbw`; `opts.wanted` applies only where it is a
/// transmit assignment, and is ignored here).
///
/// # Errors
/// As [`analyze_victim`].
pub fn analyze_all(
    scenario: &Scenario,
    path_loss: &dyn PathLoss,
    opts: &Options,
) -> Result<Vec<VictimReport>> {
    let opts = Options {
        wanted: None,
        ..opts.clone()
    };
    scenario
        .assignments
        .iter()
        .filter(|a| a.direction == Direction::Receive)
        .map(|a| analyze_victim(scenario, &a.id, path_loss, &opts))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_cases() {
        // Narrow interferer inside the victim band: all of it.
        assert_eq!(overlap_fraction(7442.0, 28_000.0, 7442.0, 1_000.0), 1.0);
        // Wide interferer: victim band / interferer band = 9/36.
        assert!((overlap_fraction(6180.0, 9_000.0, 6175.0, 36_000.0) - 0.25).abs() < 1e-12);
        // Disjoint.
        assert_eq!(overlap_fraction(7442.0, 28_000.0, 7500.0, 28_000.0), 0.0);
    }
}
