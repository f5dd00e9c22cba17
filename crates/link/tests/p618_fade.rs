//! The P.618-13 fade model on real ITU-R maps: the FACTS.md worked figures
//! for Baku → Azerspace-1, and a full ACM report for the example link.
//! Needs the maps: `silkway data install itu-maps` (scripts/test.sh does it);
//! without them these tests fail with that hint.

use silkway_itur::Maps;
use silkway_link::{EarthSpacePath, Fade, P618Fade, geo_look, link_report_from_toml};

fn maps() -> &'static Maps {
    let maps = Maps::global();
    if let Err(e) = maps.require_installed() {
        panic!("{e}");
    }
    maps
}

fn baku_to_46e() -> EarthSpacePath {
    let look = geo_look(40.41, 49.87, 0.0, 46.0).unwrap();
    EarthSpacePath {
        lat_deg: 40.41,
        lon_deg: 49.87,
        height_m: None,
        freq_ghz: 12.0,
        elevation_deg: look.elevation_deg,
        antenna_diameter_m: 1.2,
        antenna_efficiency: 0.65,
        polarization_tilt_deg: 45.0,
    }
}

#[test]
fn baku_to_azerspace1_matches_the_worked_example() {
    // FACTS.md: ≈ 4.22 / 1.54 / 0.79 dB exceeded 0.01 / 0.1 / 0.5 % (P.618-13 family).
    let fade = P618Fade::new(maps());
    let path = baku_to_46e();
    assert!(
        (path.elevation_deg - 43.1).abs() < 0.05,
        "{}",
        path.elevation_deg
    );
    for (p, want) in [(0.01, 4.22), (0.1, 1.54), (0.5, 0.79)] {
        let a = fade.attenuation_db(&path, p).unwrap();
        assert!((a - want).abs() < 0.01, "p = {p} %: {a} dB vs {want}");
        let back = fade.exceedance_pct(&path, a).unwrap();
        assert!(
            (back / p - 1.0).abs() < 1e-4,
            "inverse of {a} dB: {back} % vs {p} %"
        );
    }
}

#[test]
fn out_of_domain_inverse_is_conservative() {
    let fade = P618Fade::new(maps());
    let path = baku_to_46e();
    // Far beyond the 0.001 % attenuation: counted as 0.001 % (an upper bound).
    assert_eq!(fade.exceedance_pct(&path, 200.0).unwrap(), 0.001);
    // Below the 50 % value: counted as always exceeded.
    assert_eq!(fade.exceedance_pct(&path, 0.0).unwrap(), 100.0);
    assert!(fade.exceedance_pct(&path, f64::NAN).is_err());
    assert!(fade.attenuation_db(&path, 80.0).is_err());
}

#[test]
fn example_link_report_with_p618() {
    let text = include_str!("../examples/azerspace1_tashkent.toml");
    let report = link_report_from_toml(text, &P618Fade::new(maps())).unwrap();
    let acm = &report.acm;
    // Outage and usage add up; a 1.2 m Ku VSAT in Tashkent (dry climate) is
    // up well over 99.9 % of the year but not always.
    assert!(
        acm.outage_pct > 0.0 && acm.outage_pct < 0.1,
        "{}",
        acm.outage_pct
    );
    assert!((acm.outage_minutes_per_year - acm.outage_pct / 100.0 * 525_960.0).abs() < 1.0);
    assert!(
        acm.mean_throughput_bps > 0.0
            && acm.mean_throughput_bps <= report.clear_sky_throughput_bps * 1.0001
    );
}
