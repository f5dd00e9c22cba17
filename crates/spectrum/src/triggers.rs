//! Trigger values for cross-border screening, per band, with their sources.
//!
//! A rule says, for transmit assignments in a band, how the trigger at the
//! border is set: a fixed field strength (e.g. from a bilateral agreement
//! or the HCM Agreement for the band) or an I/N protection criterion for
//! the other country's registered receivers. The built-in rules
//! (`data/triggers.toml`, documented in `docs/spectrum-triggers.md`) use
//! ITU-R protection criteria only; field-strength values from the HCM
//! Agreement could not be checked here and are not built in — give them
//! in your own file.

use serde::{Deserialize, Serialize};

use crate::border::Trigger;
use crate::error::{Error, Result, in_range};

/// One rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerRule {
    /// Identifier.
    pub id: String,
    /// Band of the transmit assignment, MHz: [low, high].
    pub band_mhz: [f64; 2],
    /// I/N criterion for the other side's receivers, dB.
    #[serde(default)]
    pub i_over_n_db: Option<f64>,
    /// Or a fixed field strength at the border, dB(µV/m).
    #[serde(default)]
    pub field_strength_dbuv_m: Option<f64>,
    /// Where the value comes from.
    pub source: String,
}

/// A table of rules (`[[rule]]`), first match wins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerTable {
    /// The rules.
    pub rule: Vec<TriggerRule>,
}

const BUILTIN: &str = include_str!("../data/triggers.toml");

impl TriggerTable {
    /// The built-in defaults.
    ///
    /// # Errors
    /// None in practice (checked by the tests).
    pub fn builtin() -> Result<Self> {
        Self::from_toml(BUILTIN, "<builtin:triggers.toml>")
    }

    /// Parse and check.
    ///
    /// # Errors
    /// [`Error::Parse`] naming the file, line, rule and field.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self> {
        let t: Self = toml::from_str(text).map_err(|e| Error::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })?;
        for (k, r) in t.rule.iter().enumerate() {
            let bad = |m: String| Error::Parse {
                origin: origin.to_owned(),
                message: format!("rule {} ({}): {m}", k + 1, r.id),
            };
            in_range("band_mhz[1]", r.band_mhz[1], r.band_mhz[0], 1e6)
                .map_err(|e| bad(e.to_string()))?;
            match (r.i_over_n_db, r.field_strength_dbuv_m) {
                (Some(v), None) => in_range("i_over_n_db", v, -40.0, 20.0).map(|_| ()),
                (None, Some(v)) => in_range("field_strength_dbuv_m", v, -50.0, 200.0).map(|_| ()),
                _ => Err(Error::InvalidInput {
                    field: "i_over_n_db / field_strength_dbuv_m".into(),
                    expected: "exactly one of the two".into(),
                    found: f64::NAN,
                }),
            }
            .map_err(|e| bad(e.to_string()))?;
        }
        Ok(t)
    }

    /// Parse and check the same table written as JSON
    /// (`{"rule": [{"id": ..., "band_mhz": [lo, hi], ...}]}`).
    ///
    /// # Errors
    /// [`Error::Parse`] naming the file, line/column and field.
    pub fn from_json(text: &str, origin: &str) -> Result<Self> {
        let t: Self = serde_json::from_str(text).map_err(|e| Error::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })?;
        // Re-check through the TOML path's validation.
        let toml = toml::to_string(&t).map_err(|e| Error::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })?;
        Self::from_toml(&toml, origin)
    }

    /// The rule for a transmit assignment at `freq_mhz`.
    pub fn rule_for(&self, freq_mhz: f64) -> Option<&TriggerRule> {
        self.rule
            .iter()
            .find(|r| freq_mhz >= r.band_mhz[0] && freq_mhz <= r.band_mhz[1])
    }
}

impl TriggerRule {
    /// The trigger this rule sets.
    pub fn trigger(&self) -> Trigger {
        match (self.field_strength_dbuv_m, self.i_over_n_db) {
            (Some(dbuv_m), _) => Trigger::FieldStrength { dbuv_m },
            (None, Some(i_over_n_db)) => Trigger::FromRegister { i_over_n_db },
            (None, None) => Trigger::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_cover_the_scenario_bands() {
        let t = TriggerTable::builtin().unwrap();
        for f in [3800.0, 6175.0, 7442.0, 11200.0, 14100.0] {
            let r = t.rule_for(f).unwrap_or_else(|| panic!("{f}"));
            assert!(!r.source.is_empty());
        }
        assert_eq!(
            t.rule_for(7442.0).unwrap().trigger(),
            Trigger::FromRegister { i_over_n_db: -10.0 }
        );
        assert!(t.rule_for(100.0).is_none());
    }

    #[test]
    fn json_tables_are_read_too() {
        let j = r#"{"rule": [{"id": "hcm-x", "band_mhz": [7125.0, 8500.0],
                    "field_strength_dbuv_m": 40.0, "source": "bilateral"}]}"#;
        let t = TriggerTable::from_json(j, "t.json").unwrap();
        assert_eq!(
            t.rule_for(7442.0).unwrap().trigger(),
            Trigger::FieldStrength { dbuv_m: 40.0 }
        );
        let bad = r#"{"rule": [{"id": "x", "band_mhz": [1.0, 2.0], "source": "s"}]}"#;
        let e = TriggerTable::from_json(bad, "t.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("t.json") && e.contains("exactly one"), "{e}");
        let e = TriggerTable::from_json("{\"rule\": [}", "t.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("t.json") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn bad_rules_name_file_and_field() {
        let bad = "[[rule]]\nid = \"x\"\nband_mhz = [1.0, 2.0]\nsource = \"s\"\n";
        let e = TriggerTable::from_toml(bad, "t.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("t.toml") && e.contains("rule 1"), "{e}");
        let typo = "[[rule]]\nid = \"x\"\nband = [1.0, 2.0]\nsource = \"s\"\n";
        let e = TriggerTable::from_toml(typo, "t.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("t.toml") && e.contains("line"), "{e}");
    }
}
