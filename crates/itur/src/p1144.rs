//! Interpolation on regular latitude/longitude grids, ITU-R P.1144-10
//! Annex 1.
//!
//! A [`Grid`] holds one digital map with latitude ascending along rows and
//! longitude ascending along columns. Longitudes wrap around (any longitude
//! is reduced modulo 360° onto the grid's columns, so a query at 359.9°E
//! or −0.1°E uses the columns on both sides of the seam); latitude indices
//! are clamped at the poles.
//!
//! # References
//! - ITU-R P.1144-10 (2019), Annex 1 §1a (bilinear interpolation) and
//!   §1b (bicubic interpolation, Keys kernel with a = −0.5).

/// Rows per block of a lazily loaded grid.
const BLOCK_ROWS: usize = 32;

/// Where a grid's values are.
#[derive(Debug)]
enum Store {
    /// All values in memory.
    Memory(Vec<f32>),
    /// Values read from a cache file block of rows by block of rows, on
    /// first use (large maps: only the region used is read).
    Lazy(LazyRows),
}

#[derive(Debug)]
struct LazyRows {
    file: std::sync::Mutex<std::fs::File>,
    offset: u64,
    blocks: Vec<std::sync::OnceLock<Box<[f32]>>>,
}

/// A regular latitude/longitude grid of `f32` values.
#[derive(Debug)]
pub struct Grid {
    nlat: usize,
    nlon: usize,
    lat0_deg: f64,
    dlat_deg: f64,
    lon0_deg: f64,
    dlon_deg: f64,
    /// Number of columns in 360° of longitude.
    period_cols: usize,
    store: Store,
}

impl Grid {
    /// Build a grid. `values` is row-major, `nlat` rows from `lat0_deg`
    /// northward by `dlat_deg`, `nlon` columns from `lon0_deg` eastward by
    /// `dlon_deg`. Returns `None` when the sizes are inconsistent or the
    /// steps are not positive.
    pub fn new(
        nlat: usize,
        nlon: usize,
        lat0_deg: f64,
        dlat_deg: f64,
        lon0_deg: f64,
        dlon_deg: f64,
        values: Vec<f32>,
    ) -> Option<Self> {
        if nlat < 2
            || nlon < 2
            || values.len() != nlat.checked_mul(nlon)?
            || !(dlat_deg > 0.0 && dlon_deg > 0.0)
            || !lat0_deg.is_finite()
            || !lon0_deg.is_finite()
        {
            return None;
        }
        let period = (360.0 / dlon_deg).round();
        let period_cols =
            if (period * dlon_deg - 360.0).abs() < 1e-6 * 360.0 && period as usize <= nlon {
                period as usize
            } else {
                // Not a global grid: no wrap-around, clamp instead.
                0
            };
        Some(Grid {
            nlat,
            nlon,
            lat0_deg,
            dlat_deg,
            lon0_deg,
            dlon_deg,
            period_cols,
            store: Store::Memory(values),
        })
    }

    /// A grid whose values (`nlat` × `nlon` little-endian `f32`, row-major)
    /// start at byte `offset` of `file` and are read in blocks of rows on
    /// first use. The caller checks that the file is long enough.
    pub(crate) fn lazy(
        header: (usize, usize, f64, f64, f64, f64),
        file: std::fs::File,
        offset: u64,
    ) -> Option<Self> {
        let (nlat, nlon, lat0_deg, dlat_deg, lon0_deg, dlon_deg) = header;
        if nlat < 2
            || nlon < 2
            || !(dlat_deg > 0.0 && dlon_deg > 0.0)
            || !lat0_deg.is_finite()
            || !lon0_deg.is_finite()
        {
            return None;
        }
        Some(Grid {
            nlat,
            nlon,
            lat0_deg,
            dlat_deg,
            lon0_deg,
            dlon_deg,
            period_cols: period_cols(dlon_deg, nlon),
            store: Store::Lazy(LazyRows {
                file: std::sync::Mutex::new(file),
                offset,
                blocks: (0..nlat.div_ceil(BLOCK_ROWS))
                    .map(|_| std::sync::OnceLock::new())
                    .collect(),
            }),
        })
    }

    /// Read one block of rows (NaN where the file cannot be read).
    fn read_block(&self, lazy: &LazyRows, b: usize) -> Box<[f32]> {
        use std::io::{Read, Seek, SeekFrom};
        let r0 = b * BLOCK_ROWS;
        let rows = BLOCK_ROWS.min(self.nlat - r0);
        let mut buf = vec![0u8; rows * self.nlon * 4];
        let ok = lazy.file.lock().is_ok_and(|mut f| {
            f.seek(SeekFrom::Start(lazy.offset + (r0 * self.nlon * 4) as u64))
                .is_ok()
                && f.read_exact(&mut buf).is_ok()
        });
        if !ok {
            return vec![f32::NAN; rows * self.nlon].into_boxed_slice();
        }
        buf.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    }

    /// Number of rows (latitudes).
    pub fn nlat(&self) -> usize {
        self.nlat
    }
    /// Number of columns (longitudes).
    pub fn nlon(&self) -> usize {
        self.nlon
    }
    /// Latitude of row 0, degrees.
    pub fn lat0_deg(&self) -> f64 {
        self.lat0_deg
    }
    /// Row spacing, degrees.
    pub fn dlat_deg(&self) -> f64 {
        self.dlat_deg
    }
    /// Longitude of column 0, degrees.
    pub fn lon0_deg(&self) -> f64 {
        self.lon0_deg
    }
    /// Column spacing, degrees.
    pub fn dlon_deg(&self) -> f64 {
        self.dlon_deg
    }
    /// The values, row-major, when held in memory (`None` for a lazily
    /// loaded grid).
    pub fn values(&self) -> Option<&[f32]> {
        match &self.store {
            Store::Memory(v) => Some(v),
            Store::Lazy(_) => None,
        }
    }

    /// Value at row `i`, column `j` (row clamped, column wrapped).
    #[inline]
    pub fn node(&self, i: i64, j: i64) -> f64 {
        let i = i.clamp(0, self.nlat as i64 - 1) as usize;
        let j = if self.period_cols > 0 {
            j.rem_euclid(self.period_cols as i64) as usize
        } else {
            j.clamp(0, self.nlon as i64 - 1) as usize
        };
        match &self.store {
            Store::Memory(v) => f64::from(v[i * self.nlon + j]),
            Store::Lazy(lazy) => {
                let b = i / BLOCK_ROWS;
                let block = lazy.blocks[b].get_or_init(|| self.read_block(lazy, b));
                f64::from(block[(i - b * BLOCK_ROWS) * self.nlon + j])
            }
        }
    }

    /// Fractional row and column of a point.
    #[inline]
    fn position(&self, lat_deg: f64, lon_deg: f64) -> (f64, f64) {
        let r = (lat_deg - self.lat0_deg) / self.dlat_deg;
        let mut dl = lon_deg - self.lon0_deg;
        if self.period_cols > 0 {
            dl = dl.rem_euclid(360.0);
        }
        (r, dl / self.dlon_deg)
    }

    /// Bilinear interpolation, P.1144-10 Annex 1 §1a.
    ///
    /// # References
    /// ITU-R P.1144-10 Annex 1, equation (1).
    #[inline]
    pub fn bilinear(&self, lat_deg: f64, lon_deg: f64) -> f64 {
        let (r, c) = self.position(lat_deg, lon_deg);
        if !(r.is_finite() && c.is_finite()) {
            return f64::NAN;
        }
        let r = r.clamp(0.0, (self.nlat - 1) as f64);
        let ri = (r.floor() as i64).min(self.nlat as i64 - 2);
        if c.abs() > 1e9 {
            return f64::NAN;
        }
        let ci = c.floor() as i64;
        let fr = r - ri as f64;
        let fc = c - ci as f64;
        let v00 = self.node(ri, ci);
        let v01 = self.node(ri, ci + 1);
        let v10 = self.node(ri + 1, ci);
        let v11 = self.node(ri + 1, ci + 1);
        v00 * ((1.0 - fr) * (1.0 - fc))
            + v10 * (fr * (1.0 - fc))
            + v01 * ((1.0 - fr) * fc)
            + v11 * (fr * fc)
    }

    /// Bicubic interpolation, P.1144-10 Annex 1 §1b (Keys kernel, a = −0.5),
    /// over the 4 × 4 nodes around the point.
    ///
    /// # References
    /// ITU-R P.1144-10 Annex 1, equations (2)–(4).
    #[inline]
    pub fn bicubic(&self, lat_deg: f64, lon_deg: f64) -> f64 {
        let (r, c) = self.position(lat_deg, lon_deg);
        if !(r.is_finite() && c.is_finite()) || r.abs() > 1e9 || c.abs() > 1e9 {
            return f64::NAN;
        }
        let ri = r.floor() as i64;
        let ci = c.floor() as i64;
        let mut wr = [0.0; 4];
        let mut wc = [0.0; 4];
        for k in 0..4 {
            wr[k] = keys_kernel(r - (ri - 1 + k as i64) as f64);
            wc[k] = keys_kernel(c - (ci - 1 + k as i64) as f64);
        }
        let mut acc = 0.0;
        for (a, wra) in wr.iter().enumerate() {
            let row = ri - 1 + a as i64;
            let mut s = 0.0;
            for (b, wcb) in wc.iter().enumerate() {
                s += self.node(row, ci - 1 + b as i64) * wcb;
            }
            acc += s * wra;
        }
        acc
    }
}

/// Columns in 360° of longitude, or 0 when the grid is not global (no
/// wrap-around: columns are clamped instead).
fn period_cols(dlon_deg: f64, nlon: usize) -> usize {
    let period = (360.0 / dlon_deg).round();
    if (period * dlon_deg - 360.0).abs() < 1e-6 * 360.0 && period as usize <= nlon {
        period as usize
    } else {
        0
    }
}

/// The cubic convolution kernel of P.1144-10 Annex 1 eq. (4), a = −0.5.
#[inline]
pub fn keys_kernel(d: f64) -> f64 {
    let d = d.abs();
    if d <= 1.0 {
        1.5 * d * d * d - 2.5 * d * d + 1.0
    } else if d <= 2.0 {
        -0.5 * d * d * d + 2.5 * d * d - 4.0 * d + 2.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ramp() -> Grid {
        // lat -90..90 step 1, lon 0..360 step 1 inclusive; value = lon (wrapped).
        let nlat = 181;
        let nlon = 361;
        let mut v = Vec::with_capacity(nlat * nlon);
        for i in 0..nlat {
            for j in 0..nlon {
                v.push((i as f32) * 0.0 + (j % 360) as f32 + i as f32);
            }
        }
        Grid::new(nlat, nlon, -90.0, 1.0, 0.0, 1.0, v).unwrap()
    }

    #[test]
    fn bilinear_hits_nodes_and_wraps() {
        let g = ramp();
        assert!((g.bilinear(0.0, 10.0) - (10.0 + 90.0)).abs() < 1e-9);
        assert!((g.bilinear(0.5, 10.5) - 101.0).abs() < 1e-9);
        // -350 deg == 10 deg
        assert!((g.bilinear(0.0, -350.0) - 100.0).abs() < 1e-9);
        // seam: 359.5 deg between 359 and 0 (=360)
        assert!((g.bilinear(0.0, 359.5) - (90.0 + 179.5)).abs() < 1e-9);
    }

    #[test]
    fn bicubic_reproduces_linear_field() {
        let g = ramp();
        assert!((g.bicubic(10.25, 20.75) - (100.25 + 20.75)).abs() < 1e-9);
    }

    #[test]
    fn non_finite_queries_give_nan_not_panic() {
        let g = ramp();
        for (lat, lon) in [
            (f64::NAN, 0.0),
            (0.0, f64::INFINITY),
            (f64::INFINITY, 1.0),
            (1e300, -1e300),
        ] {
            assert!(g.bilinear(lat, lon).is_nan() || g.bilinear(lat, lon).is_finite());
            assert!(g.bicubic(lat, lon).is_nan() || g.bicubic(lat, lon).is_finite());
        }
        assert!(g.bicubic(f64::NAN, 0.0).is_nan());
    }

    #[test]
    fn bad_shape_rejected() {
        assert!(Grid::new(2, 2, 0.0, 1.0, 0.0, 1.0, vec![0.0; 3]).is_none());
        assert!(Grid::new(2, 2, 0.0, -1.0, 0.0, 1.0, vec![0.0; 4]).is_none());
    }
}
