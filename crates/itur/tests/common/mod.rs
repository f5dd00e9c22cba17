//! Shared helpers of the ValEx validation tests.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

use silkway_itur::Maps;

/// The installed maps; panics with the install command when they are
/// missing (these tests must never pass silently without them).
pub fn maps() -> &'static Maps {
    let m = Maps::global();
    if !m.is_installed() {
        panic!(
            "ITU-R digital maps are not installed in {}: run `{}` (scripts/test.sh does it)",
            m.dir().display(),
            silkway_itur::INSTALL_HINT
        );
    }
    m
}

/// Rows of a ValEx CSV (names row, units row, data rows) as name → value.
pub fn rows(file: &str) -> Vec<HashMap<String, f64>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/valex")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let names: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    lines.next(); // units
    let out: Vec<_> = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            names
                .iter()
                .cloned()
                .zip(
                    l.split(',')
                        .map(|v| v.trim().parse::<f64>().unwrap_or(f64::NAN)),
                )
                .collect()
        })
        .collect();
    assert!(!out.is_empty(), "{file} has no data rows");
    out
}

/// Tracks the worst error of a column and the failures.
pub struct Check {
    name: String,
    abs_tol: Option<f64>,
    rel_tol: Option<f64>,
    pub max_abs: f64,
    pub max_rel: f64,
    pub n: usize,
    failures: Vec<String>,
}

impl Check {
    /// Absolute tolerance (attenuations, dB).
    pub fn abs(name: &str, tol: f64) -> Self {
        Self::new(name, Some(tol), None)
    }
    /// Relative tolerance (other quantities).
    pub fn rel(name: &str, tol: f64) -> Self {
        Self::new(name, None, Some(tol))
    }
    fn new(name: &str, abs_tol: Option<f64>, rel_tol: Option<f64>) -> Self {
        Check {
            name: name.into(),
            abs_tol,
            rel_tol,
            max_abs: 0.0,
            max_rel: 0.0,
            n: 0,
            failures: vec![],
        }
    }
    pub fn add(&mut self, row: usize, got: f64, want: f64) {
        let abs = (got - want).abs();
        let rel = if want != 0.0 { abs / want.abs() } else { abs };
        self.n += 1;
        let abs = if abs.is_nan() { f64::INFINITY } else { abs };
        let rel = if rel.is_nan() { f64::INFINITY } else { rel };
        self.max_abs = self.max_abs.max(abs);
        self.max_rel = self.max_rel.max(rel);
        let ok = match (self.abs_tol, self.rel_tol) {
            (Some(t), _) => abs <= t,
            (_, Some(t)) => rel <= t,
            _ => true,
        };
        if !ok {
            self.failures.push(format!(
                "row {row}: got {got}, want {want} (abs {abs:.3e}, rel {rel:.3e})"
            ));
        }
    }
    pub fn finish(self) {
        eprintln!(
            "VALEX {:<40} rows {:>3}  max abs {:.3e}  max rel {:.3e}",
            self.name, self.n, self.max_abs, self.max_rel
        );
        assert!(self.n > 0, "{}: no rows checked", self.name);
        assert!(
            self.failures.is_empty(),
            "{}: {} failures:\n{}",
            self.name,
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}
