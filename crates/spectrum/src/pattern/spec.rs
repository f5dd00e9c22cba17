//! A pattern described in a file: which Recommendation and its parameters.

use serde::{Deserialize, Serialize};

use super::{
    AntennaPattern, Aperture, App8EarthStation, F699, F1245, Isotropic, S465, S580, S672,
    S672SidelobeLevel, S1528, S1528NearSidelobe,
};
use crate::error::{Error, Result};
use crate::units::wavelength_m;

/// Which reference pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternKind {
    /// ITU-R S.465-6.
    S465,
    /// ITU-R S.580-6.
    S580,
    /// ITU-R F.699-8.
    F699,
    /// ITU-R F.1245-3.
    F1245,
    /// RR App. 8 earth station (`coef_a` 32, the App. 8 value, by default;
    /// 29 = App. 30B improved side lobe).
    App8,
    /// ITU-R S.1528 rec. 1.2 (non-GSO satellite).
    S1528,
    /// ITU-R S.672-4 (GSO satellite).
    S672,
    /// Constant gain.
    Isotropic,
}

/// A pattern as written in a TOML input (`kind` plus what it needs).
///
/// Apertures (S.465, S.580, F.699, F.1245, App. 8): give `diameter_m`
/// (with `efficiency`, default 0.7 as the BR's technical examination
/// uses), or `gain_dbi` (D/λ from `20 log(D/λ) = G − 7.7`), or both
/// `gain_dbi` and `diameter_m`/`d_over_lambda`.
/// Satellite patterns (S.1528, S.672): `gain_dbi` and `half_beamwidth_deg`;
/// `sidelobe_db` is LN (S.1528: −15/−20/−25/−30, default −20) or Ls
/// (S.672: −10/−20/−25/−30, default −20); S.1528 also `lf_dbi` (0) and `z` (1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    /// The Recommendation.
    pub kind: PatternKind,
    /// Boresight gain, dBi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gain_dbi: Option<f64>,
    /// Reflector diameter, m.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diameter_m: Option<f64>,
    /// Aperture efficiency (0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<f64>,
    /// D/λ directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub d_over_lambda: Option<f64>,
    /// App. 8 side-lobe coefficient A: 32 (App. 8, default) or 29 (App. 30B
    /// improved side lobe, BR APERR_002V01).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coef_a: Option<f64>,
    /// Half of the 3 dB beamwidth, degrees (S.1528 ψb, S.672 ψ0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub half_beamwidth_deg: Option<f64>,
    /// Near-in side-lobe level, dB (S.1528 LN, S.672 Ls).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sidelobe_db: Option<f64>,
    /// S.1528 far side-lobe level LF, dBi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lf_dbi: Option<f64>,
    /// S.1528 beam axis ratio z.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub z: Option<f64>,
}

/// Aperture efficiency assumed when only a diameter is given.
pub const DEFAULT_EFFICIENCY: f64 = 0.7;

impl PatternSpec {
    /// A spec of `kind` with only a gain.
    pub fn from_gain(kind: PatternKind, gain_dbi: f64) -> Self {
        Self {
            kind,
            gain_dbi: Some(gain_dbi),
            diameter_m: None,
            efficiency: None,
            d_over_lambda: None,
            coef_a: None,
            half_beamwidth_deg: None,
            sidelobe_db: None,
            lf_dbi: None,
            z: None,
        }
    }

    /// The aperture at `freq_ghz`.
    ///
    /// # Errors
    /// Neither gain nor diameter; invalid numbers.
    pub fn aperture(&self, freq_ghz: f64) -> Result<Aperture> {
        let dl = match (self.d_over_lambda, self.diameter_m) {
            (Some(dl), _) => Some(dl),
            (None, Some(d)) => {
                crate::error::positive("diameter_m", d)?;
                crate::error::positive("freq_ghz", freq_ghz)?;
                Some(d / wavelength_m(freq_ghz))
            }
            _ => None,
        };
        match (self.gain_dbi, dl, self.diameter_m) {
            (Some(g), Some(dl), _) => Aperture::new(g, dl),
            (Some(g), None, _) => Aperture::from_gain(g),
            (None, _, Some(d)) => {
                Aperture::from_diameter(d, freq_ghz, self.efficiency.unwrap_or(DEFAULT_EFFICIENCY))
            }
            (None, Some(dl), None) => {
                let x = std::f64::consts::PI * dl;
                Aperture::new(
                    crate::units::lin_to_db(self.efficiency.unwrap_or(DEFAULT_EFFICIENCY) * x * x),
                    dl,
                )
            }
            (None, None, None) => Err(Error::InvalidInput {
                field: "pattern".into(),
                expected: "gain_dbi or diameter_m".into(),
                found: f64::NAN,
            }),
        }
    }

    /// Build the pattern at `freq_ghz`.
    ///
    /// # Errors
    /// Missing or invalid parameters; the Recommendation's scope.
    pub fn build(&self, freq_ghz: f64) -> Result<Box<dyn AntennaPattern>> {
        let need = |v: Option<f64>, field: &str| {
            v.ok_or_else(|| Error::InvalidInput {
                field: field.into(),
                expected: format!("a value (required by {:?})", self.kind),
                found: f64::NAN,
            })
        };
        Ok(match self.kind {
            PatternKind::S465 => {
                // S.465-6 covers 2–31 GHz (its title and scope).
                if !(2.0..=31.0).contains(&freq_ghz) {
                    return Err(crate::error::out_of_validity(
                        "ITU-R S.465-6",
                        format!("covers 2–31 GHz, found {freq_ghz} GHz"),
                    ));
                }
                Box::new(S465::new(self.aperture(freq_ghz)?)?)
            }
            PatternKind::S580 => Box::new(S580::new(self.aperture(freq_ghz)?)?),
            PatternKind::F699 => Box::new(F699::new(self.aperture(freq_ghz)?, freq_ghz)?),
            PatternKind::F1245 => Box::new(F1245::new(self.aperture(freq_ghz)?, freq_ghz)?),
            PatternKind::App8 => Box::new(App8EarthStation::new(
                self.aperture(freq_ghz)?,
                self.coef_a.unwrap_or(super::app8::APP8_COEF_A),
            )?),
            PatternKind::S1528 => Box::new(S1528::new(
                need(self.gain_dbi, "gain_dbi")?,
                need(self.half_beamwidth_deg, "half_beamwidth_deg")?,
                S1528NearSidelobe::from_db(self.sidelobe_db.unwrap_or(-20.0))?,
                self.lf_dbi.unwrap_or(0.0),
                self.z.unwrap_or(1.0),
            )?),
            PatternKind::S672 => Box::new(S672::new(
                need(self.gain_dbi, "gain_dbi")?,
                need(self.half_beamwidth_deg, "half_beamwidth_deg")?,
                S672SidelobeLevel::from_db(self.sidelobe_db.unwrap_or(-20.0))?,
            )?),
            PatternKind::Isotropic => Box::new(Isotropic::new(self.gain_dbi.unwrap_or(0.0))?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_every_kind_from_toml() {
        let text = r#"
            a = { kind = "s465", diameter_m = 4.5 }
            b = { kind = "s580", gain_dbi = 50.0 }
            c = { kind = "f699", diameter_m = 1.8, efficiency = 0.55 }
            d = { kind = "f1245", gain_dbi = 40.0 }
            e = { kind = "app8", gain_dbi = 50.0, coef_a = 32.0 }
            f = { kind = "s1528", gain_dbi = 35.0, half_beamwidth_deg = 2.0, sidelobe_db = -15.0 }
            g = { kind = "s672", gain_dbi = 35.0, half_beamwidth_deg = 1.0 }
            h = { kind = "isotropic" }
        "#;
        let specs: std::collections::BTreeMap<String, PatternSpec> = toml::from_str(text).unwrap();
        for (name, spec) in &specs {
            let p = spec.build(6.0).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(p.gain_dbi(0.0).is_finite(), "{name}");
            assert!(p.gain_dbi(90.0) <= p.max_gain_dbi(), "{name}");
        }
        // A negative diameter is a typed error.
        let bad = PatternSpec {
            diameter_m: Some(-1.0),
            ..PatternSpec::from_gain(PatternKind::S465, 40.0)
        };
        assert!(bad.build(6.0).is_err());
        let none = PatternSpec {
            gain_dbi: None,
            ..PatternSpec::from_gain(PatternKind::S465, 40.0)
        };
        assert!(none.build(6.0).is_err());
        // Outside S.465's 2–31 GHz.
        let low = PatternSpec::from_gain(PatternKind::S465, 30.0);
        assert!(matches!(low.build(1.5), Err(Error::OutOfValidity { .. })));
    }
}
