//! Propagation data and prediction methods for Earth-space
//! telecommunication systems, ITU-R P.618-13.
//!
//! - [`rain`]: rain attenuation (§2.2.1.1) and the probability of rain on
//!   the path (§2.2.1.2).
//! - [`scintillation`]: tropospheric scintillation (§2.4.1).
//! - [`xpd`]: hydrometeor-induced cross-polarization discrimination (§4.1).
//! - [`total`]: total attenuation from gases, clouds, rain and
//!   scintillation (§2.5).
//! - [`inverse`]: the percentage of time a given attenuation is exceeded.
//!
//! # References
//! ITU-R P.618-13 (2017).

pub mod inverse;
pub mod rain;
pub mod scintillation;
pub mod total;
pub mod xpd;
