//! Bad input never panics: every numeric value of the example link file is
//! replaced by arbitrary numbers (negative, huge, NaN, infinite), and
//! arbitrary text is parsed; the result is a report or an error.

use proptest::prelude::*;
use silkway_link::{EarthSpacePath, Fade, FadeError, link_report_from_toml};

const EXAMPLE: &str = include_str!("../examples/azerspace1_tashkent.toml");

/// Test double (NOT a propagation model): A(p) = 1.54 (p/0.1)^−0.44 dB.
struct PowerLaw;

impl Fade for PowerLaw {
    fn attenuation_db(&self, _: &EarthSpacePath, p_pct: f64) -> Result<f64, FadeError> {
        if p_pct.is_nan() || p_pct <= 0.0 || p_pct > 100.0 {
            return Err("p out of range".into());
        }
        Ok(1.54 * (p_pct / 0.1).powf(-0.44))
    }
    fn exceedance_pct(&self, _: &EarthSpacePath, a_db: f64) -> Result<f64, FadeError> {
        if a_db.is_nan() || a_db < 0.0 {
            return Err("a out of range".into());
        }
        Ok((0.1 * (a_db / 1.54).powf(-1.0 / 0.44)).min(100.0))
    }
}

/// Byte ranges of the numeric values (`key = <number>`) in the example.
fn number_spans() -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in EXAMPLE.split_inclusive('\n') {
        if let Some(eq) = line.find(" = ") {
            let start = eq + 3;
            let rest = &line[start..];
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                .unwrap_or(rest.len());
            if len > 0 && rest[..len].parse::<f64>().is_ok() {
                spans.push((offset + start, offset + start + len));
            }
        }
        offset += line.len();
    }
    spans
}

fn toml_number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|x| {
            if x.is_nan() {
                "nan".to_owned()
            } else if x.is_infinite() {
                if x > 0.0 {
                    "inf".to_owned()
                } else {
                    "-inf".to_owned()
                }
            } else {
                format!("{x:e}")
            }
        }),
        (-1000.0f64..1000.0).prop_map(|x| format!("{x:.3}")),
        Just("0.0".to_owned()),
        Just("-0.0".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn mutated_numbers_never_panic(which in any::<prop::sample::Index>(), value in toml_number()) {
        let spans = number_spans();
        prop_assert!(spans.len() > 30, "found only {} numbers", spans.len());
        let (a, b) = spans[which.index(spans.len())];
        let text = format!("{}{}{}", &EXAMPLE[..a], value, &EXAMPLE[b..]);
        // Either outcome is fine; a panic fails the test.
        if let Ok(r) = link_report_from_toml(&text, &PowerLaw) {
            prop_assert!(r.acm.outage_pct >= 0.0 && r.acm.outage_pct <= 100.0);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        let _ = link_report_from_toml(&text, &PowerLaw);
    }
}
