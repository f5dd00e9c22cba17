//! Reading P.452 path profiles from CSV, in the format of the ITU-R WP 3M
//! validation examples:
//!
//! ```text
//! d (km),h(m),Ground Cover Height (m),zone: A1=Coastal Land/A2=Inland/B=Sea,zone: 1=Coastal Land/2=Inland/3=Sea
//! 0,0,0,A2,2
//! ```
//!
//! One header line, then one point per line: distance (km), terrain height
//! (m amsl), representative clutter height (m), and the radio-climatic zone
//! as a label (`A1`, `A2`, `B`), a code (1, 2, 3), or both (which must
//! agree). Blank lines and lines starting with `#` are ignored. Errors name
//! the file, the line and the column.

use std::path::Path;

use super::profile::{PathProfile, Zone};
use crate::{Error, Result};

const COLUMNS: [&str; 5] = [
    "d (km)",
    "h (m)",
    "clutter height (m)",
    "zone label",
    "zone code",
];

/// Read a profile file.
pub fn read_profile_csv(path: &Path) -> Result<PathProfile> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_profile_csv(&text, path)
}

/// Parse profile CSV text; `path` is only used in error messages.
pub fn parse_profile_csv(text: &str, path: &Path) -> Result<PathProfile> {
    let err = |line: usize, column: &str, reason: String| Error::Parse {
        path: path.to_path_buf(),
        line,
        column: column.to_string(),
        reason,
    };
    let (mut d, mut h, mut r, mut z) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut header_seen = false;
    let mut last_line = 0;
    for (k, raw) in text.lines().enumerate() {
        let line_no = k + 1;
        last_line = line_no;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if !header_seen {
            header_seen = true;
            if fields[0].parse::<f64>().is_err() {
                continue; // the header line
            }
        }
        if fields.len() < 4 || fields.len() > 5 {
            return Err(err(
                line_no,
                "(line)",
                format!(
                    "expected 4 or 5 comma-separated fields (d, h, clutter height, zone label and/or code), found {}",
                    fields.len()
                ),
            ));
        }
        let num = |i: usize| -> Result<f64> {
            fields[i]
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    err(
                        line_no,
                        COLUMNS[i],
                        format!("expected a number, found `{}`", fields[i]),
                    )
                })
        };
        let dist = num(0)?;
        match d.last() {
            None if dist != 0.0 => {
                return Err(err(
                    line_no,
                    COLUMNS[0],
                    format!("the first point must be at 0 km (the transmitter), found {dist}"),
                ));
            }
            Some(&prev) if dist <= prev => {
                return Err(err(
                    line_no,
                    COLUMNS[0],
                    format!("distances must increase: {dist} after {prev}"),
                ));
            }
            _ => {}
        }
        d.push(dist);
        h.push(num(1)?);
        let clutter = num(2)?;
        if clutter < 0.0 {
            return Err(err(
                line_no,
                COLUMNS[2],
                format!("expected a height ≥ 0 m, found {clutter}"),
            ));
        }
        r.push(clutter);
        let by_label = Zone::from_label(fields[3]);
        let by_code = |s: &str| s.parse::<u8>().ok().and_then(Zone::from_code);
        let zone = match (fields.len(), by_label) {
            (4, Some(zone)) => zone,
            (4, None) => by_code(fields[3]).ok_or_else(|| {
                err(
                    line_no,
                    "zone",
                    format!("expected A1, A2, B or 1, 2, 3, found `{}`", fields[3]),
                )
            })?,
            (_, label) => {
                let code = by_code(fields[4]).ok_or_else(|| {
                    err(
                        line_no,
                        COLUMNS[4],
                        format!("expected 1, 2 or 3, found `{}`", fields[4]),
                    )
                })?;
                match label {
                    Some(l) if l != code => {
                        return Err(err(
                            line_no,
                            COLUMNS[3],
                            format!(
                                "label `{}` disagrees with zone code {}",
                                fields[3],
                                code.code()
                            ),
                        ));
                    }
                    None if !fields[3].is_empty() => {
                        return Err(err(
                            line_no,
                            COLUMNS[3],
                            format!("expected A1, A2 or B, found `{}`", fields[3]),
                        ));
                    }
                    _ => code,
                }
            }
        };
        z.push(zone);
    }
    PathProfile::new(d, h, r, z).map_err(|e| match e {
        Error::InvalidProfile(msg) => Error::Parse {
            path: path.to_path_buf(),
            line: last_line,
            column: "(profile)".into(),
            reason: msg,
        },
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "d (km),h(m),Ground Cover Height (m),zone: A1/A2/B,zone: 1/2/3\n";

    #[test]
    fn parses_and_reports_bad_fields() {
        let p = Path::new("x.csv");
        let good = format!("{HEADER}0,0,0,A2,2\n1,5,10,B,3\n2,5,10,A1,1\n3,0,0,A2,2\n");
        let prof = parse_profile_csv(&good, p).unwrap();
        assert_eq!(prof.len(), 4);
        assert_eq!(prof.zones()[1], Zone::Sea);

        let bad = format!("{HEADER}0,0,0,A2,2\n1,x,10,B,3\n");
        let e = parse_profile_csv(&bad, p).unwrap_err().to_string();
        assert!(
            e.contains("x.csv:3") && e.contains("h (m)") && e.contains("`x`"),
            "{e}"
        );

        let bad = format!("{HEADER}0,0,0,A2,2\n1,0,0,B,2\n");
        let e = parse_profile_csv(&bad, p).unwrap_err().to_string();
        assert!(e.contains("x.csv:3") && e.contains("disagrees"), "{e}");

        let bad = format!("{HEADER}0,0,0,A2,7\n");
        let e = parse_profile_csv(&bad, p).unwrap_err().to_string();
        assert!(e.contains("zone code"), "{e}");

        let bad = format!("{HEADER}0,0,0,A2,2\n1,0,0,A2,2\n1,0,0,A2,2\n");
        let e = parse_profile_csv(&bad, p).unwrap_err().to_string();
        assert!(e.contains("x.csv:4") && e.contains("increase"), "{e}");
        let e = parse_profile_csv(&format!("{HEADER}0.5,0,0,A2,2\n"), p)
            .unwrap_err()
            .to_string();
        assert!(e.contains("x.csv:2") && e.contains("0 km"), "{e}");

        let e = parse_profile_csv(&format!("{HEADER}0,0,0,A2,2\n"), p)
            .unwrap_err()
            .to_string();
        assert!(e.contains("at least 4"), "{e}");
    }
}
