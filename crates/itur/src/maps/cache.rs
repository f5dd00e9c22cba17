//! The compact on-disk cache format: one file per map, a 56-byte header
//! then `f32` little-endian values, row-major, latitude ascending.
//!
//! Header: magic `SWGRID01` (8 bytes), `nlat: u32`, `nlon: u32`,
//! `lat0_deg: f64`, `dlat_deg: f64`, `lon0_deg: f64`, `dlon_deg: f64`,
//! 8 reserved bytes.

use std::path::Path;

use crate::p1144::Grid;
use crate::{Error, Result};

const MAGIC: &[u8; 8] = b"SWGRID01";
const HEADER_LEN: usize = 56;

/// File extension of cached maps.
pub const EXT: &str = "swgrid";

/// Serialise a grid.
pub fn encode(grid: &Grid) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + 4 * grid.values().len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(grid.nlat() as u32).to_le_bytes());
    out.extend_from_slice(&(grid.nlon() as u32).to_le_bytes());
    for x in [
        grid.lat0_deg(),
        grid.dlat_deg(),
        grid.lon0_deg(),
        grid.dlon_deg(),
    ] {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(&[0u8; 8]);
    for v in grid.values() {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

/// Deserialise a grid read from `path`.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Grid> {
    let bad = |reason: String| Error::MapCorrupt {
        path: path.to_path_buf(),
        reason,
    };
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return Err(bad("expected a SWGRID01 header; reinstall the maps".into()));
    }
    let u32_at =
        |o: usize| u32::from_le_bytes([bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]]);
    let f64_at = |o: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&bytes[o..o + 8]);
        f64::from_le_bytes(b)
    };
    let nlat = u32_at(8) as usize;
    let nlon = u32_at(12) as usize;
    let n = nlat * nlon;
    let body = &bytes[HEADER_LEN..];
    if body.len() != 4 * n {
        return Err(bad(format!(
            "expected {} bytes of values for {nlat}x{nlon}, found {}",
            4 * n,
            body.len()
        )));
    }
    let values = body
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Grid::new(
        nlat,
        nlon,
        f64_at(16),
        f64_at(24),
        f64_at(32),
        f64_at(40),
        values,
    )
    .ok_or_else(|| bad("inconsistent grid header".into()))
}
