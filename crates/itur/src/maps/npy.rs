//! Minimal reader for NumPy `.npy` arrays and `.npz` archives (zip of
//! `.npy` files), enough for the ITU-Rpy map files: little-endian `f8`,
//! `f4`, `i8` or `i4`, C order, 1-D or 2-D.
//!
//! # References
//! NumPy Enhancement Proposal 1 (NEP 1), "A simple file format for NumPy
//! arrays".

use std::io::Read;

/// A 2-D array of `f64` (1-D arrays have one row).
#[derive(Debug, Clone)]
pub struct Array2 {
    /// Rows.
    pub rows: usize,
    /// Columns.
    pub cols: usize,
    /// Values, row-major.
    pub data: Vec<f64>,
}

impl Array2 {
    /// Value at row `i`, column `j`.
    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.data[i * self.cols + j]
    }
}

/// Parse one `.npy` file held in memory.
pub fn parse_npy(bytes: &[u8]) -> Result<Array2, String> {
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err("expected the NumPy magic string \\x93NUMPY".into());
    }
    let major = bytes[6];
    let (hlen, hstart) = match major {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        2 | 3 => {
            if bytes.len() < 12 {
                return Err("truncated .npy header".into());
            }
            (
                u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
                12,
            )
        }
        v => return Err(format!("unsupported .npy format version {v}")),
    };
    let header = bytes
        .get(hstart..hstart + hlen)
        .ok_or("truncated .npy header")?;
    let header = std::str::from_utf8(header).map_err(|_| "non-UTF-8 .npy header")?;
    let descr = dict_value(header, "descr").ok_or("no 'descr' in .npy header")?;
    let descr = descr.trim_matches(|c| c == '\'' || c == '"');
    let fortran = dict_value(header, "fortran_order").ok_or("no 'fortran_order'")?;
    if fortran.starts_with("True") {
        return Err("Fortran-ordered arrays are not supported".into());
    }
    let shape = dict_value(header, "shape").ok_or("no 'shape' in .npy header")?;
    let dims: Vec<usize> = shape
        .trim_start_matches('(')
        .split(')')
        .next()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>().map_err(|_| format!("bad shape {shape}")))
        .collect::<Result<_, _>>()?;
    let (rows, cols) = match dims.as_slice() {
        [n] => (1, *n),
        [r, c] => (*r, *c),
        _ => return Err(format!("expected a 1-D or 2-D array, found shape {shape}")),
    };
    let n = rows * cols;
    let body = &bytes[hstart + hlen..];
    let (width, conv): (usize, fn(&[u8]) -> f64) = match descr {
        "<f8" => (8, |b| f64::from_le_bytes(b.try_into().unwrap_or([0; 8]))),
        "<f4" => (4, |b| {
            f64::from(f32::from_le_bytes(b.try_into().unwrap_or([0; 4])))
        }),
        "<i8" => (8, |b| {
            i64::from_le_bytes(b.try_into().unwrap_or([0; 8])) as f64
        }),
        "<i4" => (4, |b| {
            f64::from(i32::from_le_bytes(b.try_into().unwrap_or([0; 4])))
        }),
        d => {
            return Err(format!(
                "unsupported dtype {d} (expected <f8, <f4, <i8, <i4)"
            ));
        }
    };
    if body.len() < n * width {
        return Err(format!(
            "truncated data: {} bytes for {n} values of {width} bytes",
            body.len()
        ));
    }
    let data = body[..n * width].chunks_exact(width).map(conv).collect();
    Ok(Array2 { rows, cols, data })
}

/// The first array in a `.npz` archive held in memory.
pub fn parse_npz(bytes: &[u8]) -> Result<Array2, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a zip (.npz) archive: {e}"))?;
    if zip.is_empty() {
        return Err("empty .npz archive".into());
    }
    let mut entry = zip.by_index(0).map_err(|e| e.to_string())?;
    let mut buf = Vec::with_capacity(entry.size() as usize);
    entry.read_to_end(&mut buf).map_err(|e| e.to_string())?;
    parse_npy(&buf)
}

/// The text after `'key':` in a Python dict literal, up to the next
/// top-level comma.
fn dict_value<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    let pat1 = format!("'{key}':");
    let start = header.find(&pat1)? + pat1.len();
    let rest = header[start..].trim_start();
    if rest.starts_with('(') {
        let end = rest.find(')')?;
        Some(&rest[..=end])
    } else {
        let end = rest.find([',', '}']).unwrap_or(rest.len());
        Some(rest[..end].trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn npy(descr: &str, shape: &str, payload: &[u8]) -> Vec<u8> {
        let mut h = format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}");
        while (10 + h.len() + 1) % 64 != 0 {
            h.push(' ');
        }
        h.push('\n');
        let mut v = b"\x93NUMPY\x01\x00".to_vec();
        v.extend_from_slice(&(h.len() as u16).to_le_bytes());
        v.extend_from_slice(h.as_bytes());
        v.extend_from_slice(payload);
        v
    }

    #[test]
    fn parses_2d_f8() {
        let mut p = Vec::new();
        for x in [1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0] {
            p.extend_from_slice(&x.to_le_bytes());
        }
        let a = parse_npy(&npy("<f8", "(2, 3)", &p)).unwrap();
        assert_eq!((a.rows, a.cols), (2, 3));
        assert_eq!(a.at(1, 2), 6.0);
    }

    #[test]
    fn parses_1d_f4_and_rejects_garbage() {
        let mut p = Vec::new();
        for x in [1.5f32, 2.5] {
            p.extend_from_slice(&x.to_le_bytes());
        }
        let a = parse_npy(&npy("<f4", "(2,)", &p)).unwrap();
        assert_eq!(a.data, vec![1.5, 2.5]);
        assert!(parse_npy(b"garbage").is_err());
        assert!(parse_npy(&npy("<f8", "(2, 3)", &p)).is_err());
        assert!(parse_npy(&npy(">c16", "(1,)", &p)).is_err());
    }
}
