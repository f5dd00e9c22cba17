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

/// Maps larger than this are read lazily, block of rows by block of rows.
pub const LAZY_THRESHOLD_BYTES: u64 = 4 << 20;

/// Serialise an in-memory grid (`None` for a lazily loaded one).
pub fn encode(grid: &Grid) -> Option<Vec<u8>> {
    let values = grid.values()?;
    let mut out = Vec::with_capacity(HEADER_LEN + 4 * values.len());
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
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    Some(out)
}

/// Open a cached map: small maps are read at once, large ones lazily.
pub fn open(path: &Path) -> Result<Grid> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len <= LAZY_THRESHOLD_BYTES {
        let mut bytes = Vec::with_capacity(len as usize);
        file.read_to_end(&mut bytes).map_err(io)?;
        return decode(&bytes, path);
    }
    let mut header = [0u8; HEADER_LEN];
    file.read_exact(&mut header).map_err(io)?;
    let (nlat, nlon, lat0, dlat, lon0, dlon) = parse_header(&header, path)?;
    if len != (HEADER_LEN + 4 * nlat * nlon) as u64 {
        return Err(Error::MapCorrupt {
            path: path.to_path_buf(),
            reason: format!(
                "expected {} bytes for {nlat}x{nlon}, found {len}",
                HEADER_LEN + 4 * nlat * nlon
            ),
        });
    }
    Grid::lazy(
        (nlat, nlon, lat0, dlat, lon0, dlon),
        file,
        HEADER_LEN as u64,
    )
    .ok_or_else(|| Error::MapCorrupt {
        path: path.to_path_buf(),
        reason: "inconsistent grid header".into(),
    })
}

type Header = (usize, usize, f64, f64, f64, f64);

fn parse_header(bytes: &[u8], path: &Path) -> Result<Header> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return Err(Error::MapCorrupt {
            path: path.to_path_buf(),
            reason: "expected a SWGRID01 header; reinstall the maps".into(),
        });
    }
    let u32_at =
        |o: usize| u32::from_le_bytes([bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]]);
    let f64_at = |o: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&bytes[o..o + 8]);
        f64::from_le_bytes(b)
    };
    Ok((
        u32_at(8) as usize,
        u32_at(12) as usize,
        f64_at(16),
        f64_at(24),
        f64_at(32),
        f64_at(40),
    ))
}

/// Deserialise a grid read from `path`.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Grid> {
    let bad = |reason: String| Error::MapCorrupt {
        path: path.to_path_buf(),
        reason,
    };
    let (nlat, nlon, lat0, dlat, lon0, dlon) = parse_header(bytes, path)?;
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
    Grid::new(nlat, nlon, lat0, dlat, lon0, dlon, values)
        .ok_or_else(|| bad("inconsistent grid header".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_and_eager_grids_agree() {
        // 1200 x 1000 f32 = 4.8 MB > threshold: opened lazily.
        let (nlat, nlon) = (1200, 1000);
        let values: Vec<f32> = (0..nlat * nlon).map(|k| (k % 9973) as f32 * 0.5).collect();
        let g = Grid::new(nlat, nlon, -60.0, 0.1, 0.0, 0.36, values).unwrap();
        let bytes = encode(&g).unwrap();
        let path =
            std::env::temp_dir().join(format!("silkway-itur-lazy-{}.swgrid", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let lazy = open(&path).unwrap();
        assert!(lazy.values().is_none(), "expected a lazily loaded grid");
        for (lat, lon) in [(-59.95, 1.0), (0.0, 180.3), (59.8, 359.9), (12.34, -20.0)] {
            assert_eq!(lazy.bilinear(lat, lon), g.bilinear(lat, lon));
            assert_eq!(lazy.bicubic(lat, lon), g.bicubic(lat, lon));
        }
        let eager = decode(&bytes, &path).unwrap();
        assert_eq!(eager.bilinear(1.0, 2.0), g.bilinear(1.0, 2.0));
        std::fs::write(&path, &bytes[..100]).unwrap();
        assert!(open(&path).is_err());
        let _ = std::fs::remove_file(&path);
    }
}
