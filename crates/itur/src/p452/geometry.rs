//! Path-profile analysis of ITU-R P.452-18 Attachment 2 to Annex 1:
//! line-of-sight or trans-horizon classification, horizon elevation
//! angles and distances, the path angular distance, and the smooth-Earth
//! surface used by the diffraction and ducting models.
//!
//! # References
//! ITU-R P.452-18 Attachment 2 to Annex 1:
//! §4 path classification and horizon parameters, eqs. (150)–(159);
//! §5 effective heights and path roughness: smooth-Earth surface by least
//! squares, eqs. (161)–(164); heights for the diffraction model,
//! eqs. (165)–(167); heights for the ducting model and the terrain
//! roughness h_m, eqs. (168)–(170).
//! All geometry uses the bare terrain heights h_i (not the clutter).

use super::profile::PathProfile;

/// Line-of-sight or trans-horizon, P.452-18 Attachment 2 §4 eq. (150).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    /// No terrain point rises above the direct ray's horizon angle.
    LineOfSight,
    /// The path is obstructed: trans-horizon.
    TransHorizon,
}

impl PathKind {
    /// The label used in the ITU validation files.
    pub fn label(self) -> &'static str {
        match self {
            PathKind::LineOfSight => "Line of Sight",
            PathKind::TransHorizon => "Trans-Horizon",
        }
    }
}

/// Geometric parameters of a path (the intermediate columns of the ITU
/// validation examples).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathGeometry {
    /// Path length d (km).
    pub dtot_km: f64,
    /// Transmitter antenna height above mean sea level h_ts (m).
    pub hts_m: f64,
    /// Receiver antenna height above mean sea level h_rs (m).
    pub hrs_m: f64,
    /// Transmitter horizon elevation angle θ_t (mrad).
    pub theta_t_mrad: f64,
    /// Receiver horizon elevation angle θ_r (mrad).
    pub theta_r_mrad: f64,
    /// Path angular distance θ (mrad), eq. (159).
    pub theta_mrad: f64,
    /// Terrain roughness h_m (m), eq. (170).
    pub hm_m: f64,
    /// Transmitter effective height for ducting h_te (m), eq. (170).
    pub hte_m: f64,
    /// Receiver effective height for ducting h_re (m).
    pub hre_m: f64,
    /// Smooth-Earth height at the transmitter for diffraction h_std (m),
    /// eq. (167).
    pub hstd_m: f64,
    /// Smooth-Earth height at the receiver for diffraction h_srd (m).
    pub hsrd_m: f64,
    /// Transmitter horizon distance d_lt (km), eq. (155).
    pub dlt_km: f64,
    /// Receiver horizon distance d_lr (km), eq. (158).
    pub dlr_km: f64,
    /// Line of sight or trans-horizon.
    pub kind: PathKind,
}

/// Index of the largest value; ties go to the first (`last = false`) or
/// the last occurrence.
fn argmax(values: impl Iterator<Item = f64>, last: bool) -> (usize, f64) {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, v) in values.enumerate() {
        if v > best.1 || (last && v == best.1) {
            best = (i, v);
        }
    }
    best
}

/// Analyse `profile` for antennas `htg_m` / `hrg_m` above ground and the
/// median effective Earth radius `ae_km`.
pub fn analyse(profile: &PathProfile, htg_m: f64, hrg_m: f64, ae_km: f64) -> PathGeometry {
    let d = profile.d_km();
    let h = profile.h_m();
    let n = d.len();
    let dtot = d[n - 1];
    let hts = h[0] + htg_m;
    let hrs = h[n - 1] + hrg_m;
    let inner = 1..n - 1;

    // §4, eqs. (152)–(154): transmitter horizon.
    let theta_td = 1000.0 * ((hrs - hts) / (1000.0 * dtot) - dtot / (2.0 * ae_km)).atan(); // (153)
    let theta_rd = 1000.0 * ((hts - hrs) / (1000.0 * dtot) - dtot / (2.0 * ae_km)).atan(); // (156a)
    // atan is increasing: take the largest argument, then one atan.
    let (it, arg_max_t) = argmax(
        inner
            .clone()
            .map(|i| (h[i] - hts) / (1000.0 * d[i]) - d[i] / (2.0 * ae_km)),
        false,
    );
    let theta_max_t = 1000.0 * arg_max_t.atan(); // (152)
    let kind = if theta_max_t > theta_td {
        PathKind::TransHorizon // (150)
    } else {
        PathKind::LineOfSight
    };
    let (ir, arg_max_r) = argmax(
        inner.clone().map(|i| {
            let dr = dtot - d[i];
            (h[i] - hrs) / (1000.0 * dr) - dr / (2.0 * ae_km)
        }),
        true,
    );
    let theta_max_r = 1000.0 * arg_max_r.atan(); // (157)
    let (mut lt, mut lr) = (it + 1, ir + 1);
    let (theta_t, theta_r, dlt, dlr);
    match kind {
        PathKind::TransHorizon => {
            theta_t = theta_max_t.max(theta_td); // (154)
            theta_r = theta_max_r.max(theta_rd); // (156)
            dlt = d[lt]; // (155)
            dlr = dtot - d[lr]; // (158)
        }
        PathKind::LineOfSight => {
            // §4: for a line-of-sight path both horizon distances are set
            // by the profile point of the highest diffraction parameter ν
            // (eqs. (155), (158) with (13)–(17)); the angles are those of
            // the direct ray (153), (156a). The wavelength factor is the
            // same for every point, so it does not change the choice.
            let ce = 1.0 / ae_km;
            let (iv, _) = argmax(
                inner.clone().map(|i| {
                    (h[i] + 500.0 * ce * d[i] * (dtot - d[i])
                        - (hts * (dtot - d[i]) + hrs * d[i]) / dtot)
                        * (dtot / (d[i] * (dtot - d[i]))).sqrt()
                }),
                true,
            );
            lt = iv + 1;
            lr = lt;
            theta_t = theta_td;
            theta_r = theta_rd;
            dlt = d[lt];
            dlr = dtot - dlt;
        }
    }
    let theta = 1e3 * dtot / ae_km + theta_t + theta_r; // (159)

    // §5.1: least-squares smooth-Earth surface, eqs. (161)–(164).
    let (mut v1, mut v2) = (0.0, 0.0);
    for i in 1..n {
        let dd = d[i] - d[i - 1];
        v1 += dd * (h[i] + h[i - 1]); // (161)
        v2 += dd * (h[i] * (2.0 * d[i] + d[i - 1]) + h[i - 1] * (d[i] + 2.0 * d[i - 1])); // (162)
    }
    let hst0 = (2.0 * v1 * dtot - v2) / (dtot * dtot); // (163)
    let hsr0 = (v2 - v1 * dtot) / (dtot * dtot); // (164)

    // §5.1.2: smooth-Earth heights for the diffraction model, (165)–(167).
    let obstruction = |i: usize| h[i] - (hts * (dtot - d[i]) + hrs * d[i]) / dtot; // (165d)
    let hobs = inner
        .clone()
        .map(obstruction)
        .fold(f64::NEG_INFINITY, f64::max); // (165a)
    let alpha_obt = inner
        .clone()
        .map(|i| obstruction(i) / d[i])
        .fold(f64::NEG_INFINITY, f64::max); // (165b)
    let alpha_obr = inner
        .clone()
        .map(|i| obstruction(i) / (dtot - d[i]))
        .fold(f64::NEG_INFINITY, f64::max); // (165c)
    let (hstp, hsrp) = if hobs <= 0.0 {
        (hst0, hsr0) // (166a), (166b)
    } else {
        let gt = alpha_obt / (alpha_obt + alpha_obr); // (166e)
        let gr = alpha_obr / (alpha_obt + alpha_obr); // (166f)
        (hst0 - hobs * gt, hsr0 - hobs * gr) // (166c), (166d)
    };
    let hstd = if hstp >= h[0] { h[0] } else { hstp }; // (167a), (167b)
    let hsrd = if hsrp > h[n - 1] { h[n - 1] } else { hsrp }; // (167c), (167d)

    // §5.1.3: heights for the ducting model, (168)–(170).
    let hst = hst0.min(h[0]); // (168a)
    let hsr = hsr0.min(h[n - 1]); // (168b)
    let m = (hsr - hst) / dtot; // (169)
    let hte = htg_m + h[0] - hst; // (170)
    let hre = hrg_m + h[n - 1] - hsr;
    let hm = (lt..=lr.max(lt))
        .map(|i| h[i] - (hst + m * d[i]))
        .fold(f64::NEG_INFINITY, f64::max);

    PathGeometry {
        dtot_km: dtot,
        hts_m: hts,
        hrs_m: hrs,
        theta_t_mrad: theta_t,
        theta_r_mrad: theta_r,
        theta_mrad: theta,
        hm_m: hm,
        hte_m: hte,
        hre_m: hre,
        hstd_m: hstd,
        hsrd_m: hsrd,
        dlt_km: dlt,
        dlr_km: dlr,
        kind,
    }
}
