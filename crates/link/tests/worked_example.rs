//! The README's worked example, through the public API only, with a
//! propagation model plugged in from outside the crate.

use silkway_link::{
    EarthSpacePath, Fade, FadeError, antenna_gain_dbi, beamwidth_3db_deg, free_space_loss_db,
    geo_look, link_report_from_toml, pointing_loss_db,
};

/// Test double (NOT a propagation model): attenuation read off a short
/// table of (p %, A dB) by log-log interpolation. The table holds the
/// FACTS.md P.618-13 figures for Baku at 12 GHz (4.22 / 1.54 / 0.79 dB at
/// 0.01 / 0.1 / 0.5 %) extended with made-up points at 0.001 % and 5 %.
struct TableFade(&'static [(f64, f64)]);

const BAKU_LIKE: TableFade = TableFade(&[
    (0.001, 9.5),
    (0.01, 4.22),
    (0.1, 1.54),
    (0.5, 0.79),
    (5.0, 0.25),
]);

impl Fade for TableFade {
    fn attenuation_db(&self, _path: &EarthSpacePath, p_pct: f64) -> Result<f64, FadeError> {
        let t = self.0;
        let p = p_pct.clamp(t[0].0, t[t.len() - 1].0);
        for w in t.windows(2) {
            let ((p0, a0), (p1, a1)) = (w[0], w[1]);
            if p <= p1 {
                let x = (p.ln() - p0.ln()) / (p1.ln() - p0.ln());
                return Ok((a0.ln() + x * (a1.ln() - a0.ln())).exp());
            }
        }
        Err(format!("p_pct {p_pct} outside the table").into())
    }

    fn exceedance_pct(&self, _path: &EarthSpacePath, a_db: f64) -> Result<f64, FadeError> {
        let t = self.0;
        if a_db >= t[0].1 {
            return Ok(t[0].0);
        }
        if a_db <= t[t.len() - 1].1 {
            return Ok(t[t.len() - 1].0);
        }
        for w in t.windows(2) {
            let ((p0, a0), (p1, a1)) = (w[0], w[1]);
            if a_db >= a1 {
                let x = (a_db.ln() - a0.ln()) / (a1.ln() - a0.ln());
                return Ok((p0.ln() + x * (p1.ln() - p0.ln())).exp());
            }
        }
        Err(format!("a_db {a_db} outside the table").into())
    }
}

#[test]
fn baku_to_azerspace1_at_12ghz() {
    // Geometry (WGS84 station at sea level, GEO radius 42 164.17 km):
    // elevation 43.13°, slant range 37 539.4 km (FACTS.md: ≈ 43.1°).
    let look = geo_look(40.41, 49.87, 0.0, 46.0).unwrap();
    assert!((look.elevation_deg - 43.1).abs() < 0.05, "{look:?}");
    // P.525: 20 log(4π · 3.75394e7 m / 0.0249827 m) = 205.52 dB
    // (FACTS.md: ≈ 205.5 dB).
    let fsl = free_space_loss_db(look.slant_range_km, 12.0).unwrap();
    assert!((fsl - 205.5).abs() < 0.05, "{fsl}");
    // 1.2 m, η = 0.65: 10 log(0.65 · (π · 1.2 / 0.0249827)²) = 41.70 dBi;
    // θ3dB = 70 · 0.0249827 / 1.2 = 1.457°; 0.2° error → 0.23 dB.
    let g = antenna_gain_dbi(1.2, 12.0, 0.65).unwrap();
    assert!((g - 41.70).abs() < 0.005, "{g}");
    let bw = beamwidth_3db_deg(1.2, 12.0).unwrap();
    assert!((bw - 1.457).abs() < 0.001, "{bw}");
    assert!((pointing_loss_db(0.2, bw).unwrap() - 0.226).abs() < 0.001);
}

#[test]
fn example_file_report_with_an_external_model() {
    let text = include_str!("../examples/azerspace1_tashkent.toml");
    let r = link_report_from_toml(text, &BAKU_LIKE).unwrap();
    // Availability levels come straight from the model: at 99.9 % the fade
    // is the 0.1 % value, 1.54 dB.
    let l999 = r
        .acm
        .levels
        .iter()
        .find(|l| l.availability_pct == 99.9)
        .unwrap();
    assert!((l999.attenuation_db - 1.54).abs() < 1e-9);
    // Throughput never rises with availability; the mean lies between the
    // clear-sky rate and zero.
    for w in r.acm.levels.windows(2) {
        assert!(w[1].throughput_bps <= w[0].throughput_bps);
    }
    assert!(r.acm.mean_throughput_bps <= r.clear_sky_throughput_bps);
    assert!(r.acm.mean_throughput_bps > 0.0);
    assert!(r.acm.outage_minutes_per_year >= 0.0);
}
