//! ITU-R P-series propagation models for Earth-space links, and the loader
//! and installer of the ITU-R digital maps they need.
//!
//! Each Recommendation lives in its own module, named after it
//! (`p838` is ITU-R P.838-3, `p618::rain` is P.618-13 §2.2.1.1...).
//! Models that need a digital map take a [`Maps`] handle; when the map is
//! not installed they return [`Error::MapMissing`], whose message gives the
//! install command (`silkway data install itu-maps --from-pypi`).
//!
//! # Examples
//!
//! ```
//! // Free-space basic transmission loss, ITU-R P.525-4 (no map needed).
//! let l_db = silkway_itur::p525::free_space_loss_db(12.0, 37_000.0).unwrap();
//! assert!((l_db - 205.4).abs() < 0.1);
//! ```

#![deny(missing_docs)]

mod error;

pub mod geo;
pub mod grid;
pub mod maps;
pub mod p1144;
pub mod p1510;
pub mod p1511;
pub mod p452;
pub mod p453;
pub mod p525;
pub mod p618;
pub mod p676;
pub mod p835;
pub mod p836;
pub mod p837;
pub mod p838;
pub mod p839;
pub mod p840;
pub(crate) mod stats;

pub use error::{Error, INSTALL_HINT, Result};
pub use maps::Maps;
