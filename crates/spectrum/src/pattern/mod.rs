//! Antenna radiation patterns behind one trait.
//!
//! | type | Recommendation | use |
//! |---|---|---|
//! | [`S465`] | ITU-R S.465-6 | earth station, coordination / interference, 2–31 GHz |
//! | [`S580`] | ITU-R S.580-6 | earth station design objective, D/λ ≥ 50 |
//! | [`F699`] | ITU-R F.699-8 | fixed-service antenna, peak envelope (single entry) |
//! | [`F1245`] | ITU-R F.1245-3 | fixed-service antenna, average pattern (aggregate) |
//! | [`S1528`] | ITU-R S.1528 rec. 1.2 | non-GSO satellite antenna below 30 GHz |
//! | [`App8EarthStation`] | RR App. 8 earth-station reference pattern (BR APERR_001V01, A = 32; App. 30B improved side-lobe A = 29, APERR_002V01, as an option) | GSO earth station in ΔT/T |
//! | [`S672`] | ITU-R S.672-4 single-feed circular beam | GSO satellite antenna in ΔT/T |
//! | [`Isotropic`] | — | 0 dBi everywhere, or a fixed gain |
//!
//! Off-axis angles are in degrees; any sign and any angle is accepted
//! ([`normalize_off_axis_deg`] folds it into 0–180°). A NaN or infinite angle
//! gives a NaN gain (never a panic). Invalid construction parameters (negative or
//! NaN diameters, D/λ outside a Recommendation's scope) are typed errors.

mod aperture;
mod app8;
mod f1245;
mod f699;
mod isotropic;
mod s1528;
mod s465;
mod s580;
mod s672;
mod spec;

pub use aperture::Aperture;
pub use app8::{APP8_COEF_A, App8EarthStation};
pub use f699::F699;
pub use f1245::F1245;
pub use isotropic::Isotropic;
pub use s465::S465;
pub use s580::S580;
pub use s672::{S672, S672SidelobeLevel};
pub use s1528::{S1528, S1528NearSidelobe};
pub use spec::{PatternKind, PatternSpec};

/// An antenna radiation pattern: gain as a function of the off-axis angle.
///
/// Implementations are rotationally symmetric reference envelopes; the
/// interference engine computes the off-axis angle from the antenna's
/// pointing and the direction of the other station.
pub trait AntennaPattern: Send + Sync + std::fmt::Debug {
    /// Gain toward a direction `off_axis_deg` away from boresight, dBi.
    fn gain_dbi(&self, off_axis_deg: f64) -> f64;
    /// Boresight (maximum) gain, dBi.
    fn max_gain_dbi(&self) -> f64;
    /// Full half-power beamwidth, degrees.
    fn beamwidth_3db_deg(&self) -> f64;
    /// Short name of the model (`ITU-R S.465-6`...).
    fn name(&self) -> &'static str;
}

/// Fold any angle into the off-axis range 0–180° (NaN stays NaN).
pub fn normalize_off_axis_deg(angle_deg: f64) -> f64 {
    let a = angle_deg.abs() % 360.0;
    if a > 180.0 { 360.0 - a } else { a }
}

/// Main-lobe approximation `Gmax − 2.5×10⁻³ (D/λ · φ)²`, dBi, common to
/// F.699, F.1245 and the App. 8 / S.465 main beam.
pub(crate) fn main_lobe_dbi(gmax_dbi: f64, d_over_lambda: f64, phi_deg: f64) -> f64 {
    gmax_dbi - 2.5e-3 * (d_over_lambda * phi_deg).powi(2)
}

/// Angle where the main lobe falls to `level_dbi`: `φ = (λ/D) √((Gmax − level)/2.5×10⁻³)`,
/// i.e. `20 λ/D √(Gmax − level)`; 0 when the level is above Gmax.
pub(crate) fn main_lobe_angle_deg(gmax_dbi: f64, d_over_lambda: f64, level_dbi: f64) -> f64 {
    let drop = gmax_dbi - level_dbi;
    if drop <= 0.0 {
        0.0
    } else {
        20.0 / d_over_lambda * drop.sqrt()
    }
}

/// The 3 dB beamwidth implied by the main-lobe law: `2 · 20 λ/D · √3`.
pub(crate) fn main_lobe_beamwidth_deg(d_over_lambda: f64) -> f64 {
    2.0 * main_lobe_angle_deg(3.0, d_over_lambda, 0.0)
}
