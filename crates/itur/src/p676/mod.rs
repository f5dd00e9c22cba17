//! Attenuation by atmospheric gases and related effects, ITU-R P.676-12.
//!
//! - [`annex1`]: line-by-line specific attenuation (Tables 1 and 2 as data
//!   files) and ray-traced slant-path attenuation.
//! - [`annex2`]: approximate slant-path attenuation with equivalent
//!   heights and the zenith water-vapour attenuation from V_t.
//!
//! # References
//! ITU-R P.676-12 (2019), Annexes 1 and 2.

pub mod annex1;
pub mod annex2;
pub mod lines;
