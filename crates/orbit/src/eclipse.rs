//! Satellite eclipses by the Earth: conical umbra and penumbra.
//!
//! Apparent-disc geometry of Montenbruck & Gill, *Satellite Orbits* (2000),
//! §3.4.2: with a = asin(R☉/|s − r|), b = asin(R⊕/|r|) the apparent radii of
//! Sun and Earth seen from the satellite and c the angle between their
//! centres, the satellite is in umbra when c < b − a, in penumbra when
//! c < a + b (and not in umbra), sunlit otherwise. Spherical Earth of radius
//! 6378.137 km; Sun from [`crate::sun`].

use crate::error::{OrbitError, Result};
use crate::propagate::Satellite;
use crate::solve::brent_root;
use crate::sun::{SUN_RADIUS_KM, sun_position_teme_km};
use crate::time::UtcTime;

const EARTH_RADIUS_KM: f64 = 6378.137;

/// Illumination of a satellite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shadow {
    /// Full Sun.
    Sunlit,
    /// Partly eclipsed.
    Penumbra,
    /// Fully eclipsed.
    Umbra,
}

/// One eclipse interval.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EclipseInterval {
    /// `Penumbra`: the whole time in the Earth's shadow cone (entry into
    /// penumbra to exit from it, umbra included); `Umbra`: full shadow only.
    pub kind: Shadow,
    /// Start (or the window start, flagged).
    pub start: UtcTime,
    /// End (or the window end, flagged).
    pub end: UtcTime,
    /// Already in shadow at the window start.
    pub in_progress_at_start: bool,
    /// Still in shadow at the window end.
    pub in_progress_at_end: bool,
}

/// Shadow margins `(c − (a + b), c − (b − a))` in radians: the first is
/// negative in penumbra or umbra, the second negative in umbra.
fn margins(sat_km: [f64; 3], sun_km: [f64; 3]) -> (f64, f64) {
    let d = [
        sun_km[0] - sat_km[0],
        sun_km[1] - sat_km[1],
        sun_km[2] - sat_km[2],
    ];
    let dn = (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt();
    let rn = (sat_km[0] * sat_km[0] + sat_km[1] * sat_km[1] + sat_km[2] * sat_km[2]).sqrt();
    let a = (SUN_RADIUS_KM / dn).min(1.0).asin();
    let b = (EARTH_RADIUS_KM / rn).min(1.0).asin();
    let cos_c = -(sat_km[0] * d[0] + sat_km[1] * d[1] + sat_km[2] * d[2]) / (rn * dn);
    let c = cos_c.clamp(-1.0, 1.0).acos();
    (c - (a + b), c - (b - a))
}

/// Shadow state of a TEME position at `t`.
pub fn shadow_of_position(position_teme_km: [f64; 3], t: UtcTime) -> Shadow {
    let (pen, umb) = margins(position_teme_km, sun_position_teme_km(t));
    if umb < 0.0 {
        Shadow::Umbra
    } else if pen < 0.0 {
        Shadow::Penumbra
    } else {
        Shadow::Sunlit
    }
}

/// Shadow state of a satellite at `t`.
///
/// # Errors
/// Propagation errors.
pub fn shadow(sat: &Satellite, t: UtcTime) -> Result<Shadow> {
    Ok(shadow_of_position(sat.propagate(t)?.position_km, t))
}

/// Penumbra and umbra intervals of a satellite in `[start, end]`, sorted by
/// start. Boundaries are located to 1 ms by Brent's method after sampling at
/// 1/200 of the orbital period (5 s to 120 s).
///
/// # Errors
/// [`OrbitError::InvalidInput`] for an empty window; propagation errors.
pub fn eclipse_intervals(
    sat: &Satellite,
    start: UtcTime,
    end: UtcTime,
) -> Result<Vec<EclipseInterval>> {
    let span = end.seconds_since(start);
    if span.is_nan() || span <= 0.0 {
        return Err(OrbitError::InvalidInput(format!(
            "eclipse window must end after it starts ({start} .. {end})"
        )));
    }
    let h = (sat.elements.period_s() / 200.0).clamp(5.0, 120.0);
    let g = |t: f64, which: usize| -> Result<f64> {
        let when = start.plus_seconds(t);
        let m = margins(sat.propagate(when)?.position_km, sun_position_teme_km(when));
        Ok(if which == 0 { m.0 } else { m.1 })
    };
    let mut out = Vec::new();
    for (which, kind) in [(0, Shadow::Penumbra), (1, Shadow::Umbra)] {
        let mut t0 = 0.0;
        let mut f0 = g(0.0, which)?;
        let mut open = (f0 < 0.0).then_some((0.0, true));
        while t0 < span {
            let t1 = (t0 + h).min(span);
            let f1 = g(t1, which)?;
            if (f0 < 0.0) != (f1 < 0.0) {
                let root = brent_root(|t| g(t, which), t0, t1, f0, f1, 1e-3)?;
                if f1 < 0.0 {
                    open = Some((root, false));
                } else if let Some((s, flagged)) = open.take() {
                    out.push(EclipseInterval {
                        kind,
                        start: start.plus_seconds(s),
                        end: start.plus_seconds(root),
                        in_progress_at_start: flagged,
                        in_progress_at_end: false,
                    });
                }
            }
            t0 = t1;
            f0 = f1;
        }
        if let Some((s, flagged)) = open {
            out.push(EclipseInterval {
                kind,
                start: start.plus_seconds(s),
                end,
                in_progress_at_start: flagged,
                in_progress_at_end: true,
            });
        }
    }
    out.sort_by(|a, b| a.start.seconds_since(b.start).total_cmp(&0.0));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behind_the_earth_is_umbra() {
        let t = UtcTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap();
        let s = sun_position_teme_km(t);
        let n = (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]).sqrt();
        let behind = [-s[0] / n * 7000.0, -s[1] / n * 7000.0, -s[2] / n * 7000.0];
        let front = [s[0] / n * 7000.0, s[1] / n * 7000.0, s[2] / n * 7000.0];
        assert_eq!(shadow_of_position(behind, t), Shadow::Umbra);
        assert_eq!(shadow_of_position(front, t), Shadow::Sunlit);
    }
}
