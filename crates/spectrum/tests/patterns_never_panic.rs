//! Every pattern, for any parameters it accepts and any angle: no panic,
//! a finite gain for a finite angle, never above the boresight gain, and
//! symmetric in the sign of the angle.

use proptest::prelude::*;
use silkway_spectrum::pattern::{PatternKind, PatternSpec};

const KINDS: [PatternKind; 8] = [
    PatternKind::S465,
    PatternKind::S580,
    PatternKind::F699,
    PatternKind::F1245,
    PatternKind::App8,
    PatternKind::S1528,
    PatternKind::S672,
    PatternKind::Isotropic,
];

proptest! {
    #[test]
    fn gains_are_sane(
        k in 0usize..8,
        gain in 10.0f64..65.0,
        half_bw in 0.1f64..10.0,
        freq in 1.0f64..30.0,
        angle in -720.0f64..720.0,
    ) {
        let spec = PatternSpec {
            half_beamwidth_deg: Some(half_bw),
            ..PatternSpec::from_gain(KINDS[k], gain)
        };
        // Out-of-scope parameters are errors, not panics.
        if let Ok(p) = spec.build(freq) {
            let g = p.gain_dbi(angle);
            prop_assert!(g.is_finite(), "{:?} {angle} -> {g}", KINDS[k]);
            prop_assert!(g <= p.max_gain_dbi() + 1e-9, "{:?} {angle} -> {g}", KINDS[k]);
            prop_assert!((g - p.gain_dbi(-angle)).abs() < 1e-9);
            prop_assert!(p.gain_dbi(f64::NAN).is_nan());
            prop_assert!(p.gain_dbi(f64::INFINITY).is_nan());
        }
    }

    #[test]
    fn bad_construction_is_an_error(k in 0usize..5, d in -10.0f64..0.0) {
        let spec = PatternSpec {
            gain_dbi: None,
            diameter_m: Some(d),
            ..PatternSpec::from_gain(KINDS[k], 0.0)
        };
        prop_assert!(spec.build(6.0).is_err());
        let nan = PatternSpec { diameter_m: Some(f64::NAN), ..spec };
        prop_assert!(nan.build(6.0).is_err());
    }
}
