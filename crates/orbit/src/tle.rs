//! Two- and three-line element sets (TLE/3LE).
//!
//! Column layout per the Space-Track / CelesTrak TLE format description
//! (T. S. Kelso, "CelesTrak: FAQ: Two-Line Element Set Format") and Vallado
//! et al. 2006 (AIAA 2006-6753, appendix). Alpha-5 catalog numbers
//! (`A0000`–`Z9999`, letters I and O skipped) decode to 100,000–339,999.
//!
//! Every problem is an [`OrbitError::Parse`] naming the source, line, column
//! and field. Non-ASCII characters (e.g. a no-break space U+00A0), a wrong
//! line length, a bad checksum and malformed implied-exponent fields are
//! rejected.

use crate::elements::ElementSet;
use crate::error::OrbitError;
use crate::time::UtcTime;

/// How strict the TLE reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TleOptions {
    /// Require exactly 69 characters per element line (trailing white space
    /// is ignored). When false, characters after column 69 are ignored
    /// (Vallado's SGP4-VER.TLE appends start/stop/step there).
    pub strict_length: bool,
    /// Verify the modulo-10 checksum in column 69.
    pub verify_checksum: bool,
}

impl Default for TleOptions {
    fn default() -> Self {
        Self {
            strict_length: true,
            verify_checksum: true,
        }
    }
}

/// What a text yielded: element sets read, and records rejected with the reason.
#[derive(Debug, Clone, Default)]
pub struct ParseReport {
    /// Element sets read successfully, in input order.
    pub sets: Vec<ElementSet>,
    /// One error per rejected record.
    pub rejected: Vec<OrbitError>,
}

struct Line<'a> {
    number: usize,
    text: &'a str,
}

struct Ctx<'a> {
    source: &'a str,
    line: usize,
}

impl Ctx<'_> {
    fn err(&self, column: usize, field: &str, message: impl Into<String>) -> OrbitError {
        OrbitError::Parse {
            source_name: self.source.to_owned(),
            line: self.line,
            column,
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// Parse a text holding 2-line and/or 3-line element sets.
///
/// Blank lines and lines starting with `#` are skipped; a title line may
/// carry CelesTrak's `0 ` prefix. A bad record is reported in
/// [`ParseReport::rejected`] and reading resumes at the next record.
///
/// # Examples
/// ```
/// let text = "ISS (ZARYA)\n\
/// 1 25544U 98067A   24001.50000000  .00016717  00000-0  10270-3 0  9997\n\
/// 2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.49815350434157\n";
/// let report = silkway_orbit::tle::parse_tle_text("iss.tle", text, Default::default());
/// assert_eq!(report.sets[0].norad_id, 25544);
/// assert!(report.rejected.is_empty());
/// ```
pub fn parse_tle_text(source: &str, text: &str, options: TleOptions) -> ParseReport {
    let lines: Vec<Line<'_>> = text
        .lines()
        .enumerate()
        .map(|(i, t)| Line {
            number: i + 1,
            text: t.trim_end_matches(['\r', '\n']),
        })
        .filter(|l| !l.text.trim().is_empty() && !l.text.starts_with('#'))
        .collect();
    let mut report = ParseReport::default();
    let mut title: Option<&Line<'_>> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if let Some(col) = non_ascii_column(line.text) {
            let ctx = Ctx {
                source,
                line: line.number,
            };
            report.rejected.push(ctx.err(
                col,
                "text",
                "non-ASCII character (TLEs are plain ASCII; check for no-break spaces)",
            ));
            title = None;
            i += 1;
            continue;
        }
        if is_element_line(line.text, b'1') {
            let next = lines.get(i + 1);
            match next {
                Some(l2) if is_element_line(l2.text, b'2') || l2.text.starts_with('2') => {
                    let name = title.map(|t| clean_title(t.text));
                    match parse_pair(source, name, line, l2, options) {
                        Ok(set) => report.sets.push(set),
                        Err(e) => report.rejected.push(e),
                    }
                    i += 2;
                }
                _ => {
                    let ctx = Ctx {
                        source,
                        line: line.number + 1,
                    };
                    let found = next.map_or("end of input".to_owned(), |l| format!("{:?}", l.text));
                    report.rejected.push(ctx.err(
                        1,
                        "line 2",
                        format!("expected line 2 after line 1, found {found}"),
                    ));
                    i += 1;
                }
            }
            title = None;
        } else if is_element_line(line.text, b'2') {
            let ctx = Ctx {
                source,
                line: line.number,
            };
            report
                .rejected
                .push(ctx.err(1, "line 1", "line 2 without a preceding line 1"));
            title = None;
            i += 1;
        } else {
            if let Some(previous) = title {
                report.rejected.push(dangling_title(source, previous));
            }
            title = Some(line);
            i += 1;
        }
    }
    if let Some(previous) = title {
        report.rejected.push(dangling_title(source, previous));
    }
    report
}

/// A title line with no element lines after it.
fn dangling_title(source: &str, title: &Line<'_>) -> OrbitError {
    let ctx = Ctx {
        source,
        line: title.number,
    };
    ctx.err(
        1,
        "title",
        format!(
            "title line {:?} is not followed by element lines",
            title.text.trim()
        ),
    )
}

fn non_ascii_column(text: &str) -> Option<usize> {
    text.chars().position(|c| !c.is_ascii()).map(|p| p + 1)
}

fn is_element_line(text: &str, digit: u8) -> bool {
    let b = text.as_bytes();
    b.len() >= 2 && b[0] == digit && b[1] == b' '
}

fn clean_title(text: &str) -> String {
    let t = text.trim();
    t.strip_prefix("0 ").map_or(t, str::trim).to_owned()
}

/// Parse one pair of element lines (`name` is the title, if any).
///
/// # Errors
/// [`OrbitError::Parse`] for the first problem found.
pub fn parse_tle_lines(
    source: &str,
    name: Option<&str>,
    line1: &str,
    line2: &str,
    options: TleOptions,
) -> Result<ElementSet, OrbitError> {
    let l1 = Line {
        number: 1,
        text: line1,
    };
    let l2 = Line {
        number: 2,
        text: line2,
    };
    parse_pair(source, name.map(|n| n.trim().to_owned()), &l1, &l2, options)
}

fn check_line<'a>(
    source: &str,
    line: &Line<'a>,
    digit: u8,
    options: TleOptions,
) -> Result<&'a str, OrbitError> {
    let ctx = Ctx {
        source,
        line: line.number,
    };
    if let Some(col) = non_ascii_column(line.text) {
        return Err(ctx.err(
            col,
            "text",
            "non-ASCII character (TLEs are plain ASCII; check for no-break spaces)",
        ));
    }
    let text = line.text.trim_end();
    if text.as_bytes().first() != Some(&digit) {
        return Err(ctx.err(
            1,
            "line number",
            format!(
                "expected '{}', found {:?}",
                digit as char,
                text.chars().next()
            ),
        ));
    }
    let text = if options.strict_length {
        if text.len() != 69 {
            return Err(ctx.err(
                text.len().min(69) + 1,
                "line length",
                format!("expected 69 characters, found {}", text.len()),
            ));
        }
        text
    } else if text.len() >= 69 {
        &text[..69]
    } else if text.len() >= 68 && !options.verify_checksum {
        text
    } else {
        return Err(ctx.err(
            text.len() + 1,
            "line length",
            format!("expected 69 characters, found {}", text.len()),
        ));
    };
    if options.verify_checksum {
        let sum: u32 = text.as_bytes()[..68]
            .iter()
            .map(|&c| match c {
                b'0'..=b'9' => u32::from(c - b'0'),
                b'-' => 1,
                _ => 0,
            })
            .sum();
        let expected = sum % 10;
        let found = text.as_bytes()[68];
        if !found.is_ascii_digit() || u32::from(found - b'0') != expected {
            return Err(ctx.err(
                69,
                "checksum",
                format!("expected {expected}, found {:?}", found as char),
            ));
        }
    }
    Ok(text)
}

/// A fixed-column field: 1-based inclusive columns.
fn field<'a>(
    ctx: &Ctx<'_>,
    text: &'a str,
    first: usize,
    last: usize,
    name: &str,
) -> Result<&'a str, OrbitError> {
    text.get(first - 1..last.min(text.len()))
        .ok_or_else(|| ctx.err(first, name, "field missing (line too short)"))
}

fn parse_f64(
    ctx: &Ctx<'_>,
    text: &str,
    first: usize,
    last: usize,
    name: &str,
) -> Result<f64, OrbitError> {
    let raw = field(ctx, text, first, last, name)?;
    let t = raw.trim();
    let ok = !t.is_empty()
        && t.bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'+'))
        && t.bytes().filter(|&c| c == b'.').count() <= 1
        && t.bytes().skip(1).all(|c| c != b'-' && c != b'+');
    let value = if ok { t.parse::<f64>().ok() } else { None };
    value.filter(|v| v.is_finite()).ok_or_else(|| {
        ctx.err(
            first,
            name,
            format!("expected a decimal number, found {raw:?}"),
        )
    })
}

fn parse_uint(
    ctx: &Ctx<'_>,
    text: &str,
    first: usize,
    last: usize,
    name: &str,
) -> Result<u32, OrbitError> {
    let raw = field(ctx, text, first, last, name)?;
    let t = raw.trim();
    if t.is_empty() {
        return Ok(0);
    }
    if !t.bytes().all(|c| c.is_ascii_digit()) {
        return Err(ctx.err(first, name, format!("expected digits, found {raw:?}")));
    }
    t.parse()
        .map_err(|_| ctx.err(first, name, format!("number out of range: {raw:?}")))
}

/// Implied-decimal, implied-exponent field such as ` 10270-3` (= 0.10270e-3)
/// or `-11606-4`; blank means zero.
fn parse_exponent_field(
    ctx: &Ctx<'_>,
    text: &str,
    first: usize,
    last: usize,
    name: &str,
) -> Result<f64, OrbitError> {
    let raw = field(ctx, text, first, last, name)?;
    if raw.trim().is_empty() {
        return Ok(0.0);
    }
    let bad = || {
        ctx.err(
            first,
            name,
            format!(
                "expected an implied-exponent field like \" 12345-3\" (sign, 5 digits, exponent sign, digit), found {raw:?}"
            ),
        )
    };
    let b = raw.trim_start().as_bytes();
    let (sign, rest) = match b.first() {
        Some(b'-') => (-1.0, &b[1..]),
        Some(b'+') => (1.0, &b[1..]),
        _ => (1.0, b),
    };
    if rest.len() < 3 {
        return Err(bad());
    }
    let (mantissa, exponent) = rest.split_at(rest.len() - 2);
    if mantissa.is_empty()
        || !mantissa.iter().all(u8::is_ascii_digit)
        || !matches!(exponent[0], b'-' | b'+' | b' ')
        || !exponent[1].is_ascii_digit()
    {
        return Err(bad());
    }
    let m: f64 = std::str::from_utf8(mantissa)
        .ok()
        .and_then(|s| format!("0.{s}").parse().ok())
        .ok_or_else(bad)?;
    let e = f64::from(exponent[1] - b'0');
    let e = if exponent[0] == b'-' { -e } else { e };
    Ok(sign * m * 10f64.powf(e))
}

/// Decode a 5-character catalog number, plain digits or Alpha-5.
pub fn parse_catalog_number(raw: &str) -> Option<u32> {
    let t = raw.trim();
    let b = t.as_bytes();
    if b.is_empty() || b.len() > 5 {
        return None;
    }
    if b.iter().all(u8::is_ascii_digit) {
        return t.parse().ok();
    }
    if b.len() != 5 || !b[1..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let head = match b[0] {
        c @ b'A'..=b'H' => u32::from(c - b'A') + 10,
        c @ b'J'..=b'N' => u32::from(c - b'J') + 18,
        c @ b'P'..=b'Z' => u32::from(c - b'P') + 23,
        _ => return None,
    };
    let tail: u32 = t[1..].parse().ok()?;
    Some(head * 10_000 + tail)
}

fn catalog(ctx: &Ctx<'_>, text: &str) -> Result<u32, OrbitError> {
    let raw = field(ctx, text, 3, 7, "catalog number")?;
    parse_catalog_number(raw).ok_or_else(|| {
        ctx.err(
            3,
            "catalog number",
            format!("expected 5 digits or Alpha-5 (A0000-Z9999, no I/O), found {raw:?}"),
        )
    })
}

fn parse_pair(
    source: &str,
    name: Option<String>,
    line1: &Line<'_>,
    line2: &Line<'_>,
    options: TleOptions,
) -> Result<ElementSet, OrbitError> {
    let t1 = check_line(source, line1, b'1', options)?;
    let t2 = check_line(source, line2, b'2', options)?;
    let c1 = Ctx {
        source,
        line: line1.number,
    };
    let c2 = Ctx {
        source,
        line: line2.number,
    };
    let norad_id = catalog(&c1, t1)?;
    let norad_2 = catalog(&c2, t2)?;
    if norad_id != norad_2 {
        return Err(c2.err(
            3,
            "catalog number",
            format!("line 1 has {norad_id}, line 2 has {norad_2}"),
        ));
    }
    let classification = t1.as_bytes()[7] as char;
    let designator = field(&c1, t1, 10, 17, "international designator")?
        .trim()
        .to_owned();
    let yy = parse_uint(&c1, t1, 19, 20, "epoch year")?;
    let day = parse_f64(&c1, t1, 21, 32, "epoch day")?;
    if !(1.0..367.0).contains(&day) {
        return Err(c1.err(
            21,
            "epoch day",
            format!("expected a day of year in [1, 367), found {day}"),
        ));
    }
    let year = if yy < 57 { 2000 + yy } else { 1900 + yy };
    let mean_motion_dot = parse_f64(&c1, t1, 34, 43, "mean motion derivative")?;
    let mean_motion_ddot = parse_exponent_field(&c1, t1, 45, 52, "mean motion second derivative")?;
    let bstar = parse_exponent_field(&c1, t1, 54, 61, "bstar")?;
    let ephemeris_type = parse_uint(&c1, t1, 63, 63, "ephemeris type")? as u8;
    let element_set_number = parse_uint(&c1, t1, 65, 68, "element set number")?;

    let inclination_deg = parse_f64(&c2, t2, 9, 16, "inclination")?;
    let raan_deg = parse_f64(&c2, t2, 18, 25, "right ascension of ascending node")?;
    let ecc_raw = field(&c2, t2, 27, 33, "eccentricity")?;
    if !ecc_raw.trim().bytes().all(|c| c.is_ascii_digit()) || ecc_raw.trim().is_empty() {
        return Err(c2.err(
            27,
            "eccentricity",
            format!("expected 7 digits with an implied leading decimal point, found {ecc_raw:?}"),
        ));
    }
    let eccentricity: f64 = format!("0.{}", ecc_raw.trim())
        .parse()
        .map_err(|_| c2.err(27, "eccentricity", "not a number"))?;
    let arg_perigee_deg = parse_f64(&c2, t2, 35, 42, "argument of perigee")?;
    let mean_anomaly_deg = parse_f64(&c2, t2, 44, 51, "mean anomaly")?;
    let mean_motion_rev_per_day = parse_f64(&c2, t2, 53, 63, "mean motion")?;
    let rev_number = parse_uint(&c2, t2, 64, 68, "revolution number")?;
    for (value, max, col, what) in [
        (inclination_deg, 180.0, 9, "inclination"),
        (raan_deg, 360.0, 18, "right ascension of ascending node"),
        (arg_perigee_deg, 360.0, 35, "argument of perigee"),
        (mean_anomaly_deg, 360.0, 44, "mean anomaly"),
    ] {
        if !(0.0..=max).contains(&value) {
            return Err(c2.err(
                col,
                what,
                format!("expected 0..={max} degrees, found {value}"),
            ));
        }
    }
    if mean_motion_rev_per_day <= 0.0 {
        return Err(c2.err(
            53,
            "mean motion",
            format!(
                "expected a positive number of revolutions per day, found {mean_motion_rev_per_day}"
            ),
        ));
    }
    Ok(ElementSet {
        name: name.unwrap_or_else(|| format!("NORAD {norad_id}")),
        norad_id,
        international_designator: designator,
        classification,
        epoch: UtcTime::from_year_and_day(i64::from(year), day),
        mean_motion_dot,
        mean_motion_ddot,
        bstar,
        ephemeris_type,
        element_set_number,
        inclination_deg,
        raan_deg,
        eccentricity,
        arg_perigee_deg,
        mean_anomaly_deg,
        mean_motion_rev_per_day,
        rev_number,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const L1: &str = "1 25544U 98067A   24001.50000000  .00016717  00000-0  10270-3 0  9997";
    const L2: &str = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.49815350434157";

    fn one(text: &str) -> ParseReport {
        parse_tle_text("t.tle", text, TleOptions::default())
    }

    #[test]
    fn reads_two_and_three_line_sets() {
        let r = one(&format!(
            "{L1}\n{L2}\nISS (ZARYA)  \n{L1}\n{L2}\n0 ISS\n{L1}\n{L2}\n"
        ));
        assert!(r.rejected.is_empty(), "{:?}", r.rejected);
        assert_eq!(r.sets.len(), 3);
        assert_eq!(r.sets[0].name, "NORAD 25544");
        assert_eq!(r.sets[1].name, "ISS (ZARYA)");
        assert_eq!(r.sets[2].name, "ISS");
        let s = &r.sets[0];
        assert!((s.bstar - 0.10270e-3).abs() < 1e-15);
        assert!((s.eccentricity - 0.0006703).abs() < 1e-15);
        assert_eq!(s.epoch.to_rfc3339_ms(), "2024-01-01T12:00:00.000Z");
    }

    #[test]
    fn alpha5() {
        assert_eq!(parse_catalog_number("A0000"), Some(100_000));
        assert_eq!(parse_catalog_number("H9999"), Some(179_999));
        assert_eq!(parse_catalog_number("J0000"), Some(180_000));
        assert_eq!(parse_catalog_number("P0000"), Some(230_000));
        assert_eq!(parse_catalog_number("Z9999"), Some(339_999));
        assert_eq!(parse_catalog_number("I0000"), None);
        assert_eq!(parse_catalog_number("O0000"), None);
        assert_eq!(parse_catalog_number("25544"), Some(25544));
    }

    fn fix_checksum(line: &str) -> String {
        let sum: u32 = line.as_bytes()[..68]
            .iter()
            .map(|&c| match c {
                b'0'..=b'9' => u32::from(c - b'0'),
                b'-' => 1,
                _ => 0,
            })
            .sum();
        format!("{}{}", &line[..68], sum % 10)
    }

    fn first_error(text: &str) -> OrbitError {
        let r = one(text);
        assert!(r.sets.is_empty(), "expected rejection of {text:?}");
        r.rejected[0].clone()
    }

    fn field_of(e: &OrbitError) -> (usize, usize, String) {
        match e {
            OrbitError::Parse {
                line,
                column,
                field,
                ..
            } => (*line, *column, field.clone()),
            other => panic!("not a parse error: {other}"),
        }
    }

    #[test]
    fn bad_checksum() {
        let bad = format!("{}5", &L1[..68]);
        let e = first_error(&format!("{bad}\n{L2}\n"));
        assert_eq!(field_of(&e), (1, 69, "checksum".into()));
        assert!(e.to_string().starts_with("t.tle:1:69: checksum"));
    }

    #[test]
    fn nbsp_is_rejected_with_column() {
        let bad = L2.replacen(' ', "\u{a0}", 1);
        let e = first_error(&format!("{L1}\n{bad}\n"));
        assert_eq!(field_of(&e), (2, 2, "text".into()));
    }

    #[test]
    fn wrong_length() {
        let e = first_error(&format!("{L1}\n{}\n", &L2[..60]));
        assert_eq!(field_of(&e).2, "line length");
    }

    #[test]
    fn malformed_exponent() {
        let bad = fix_checksum(&L1.replace(" 10270-3", " 1027x-3"));
        let e = first_error(&format!("{bad}\n{L2}\n"));
        assert_eq!(field_of(&e), (1, 54, "bstar".into()));
        let bad = fix_checksum(&L1.replace(" 10270-3", " 10270*3"));
        let e = first_error(&format!("{bad}\n{L2}\n"));
        assert_eq!(field_of(&e), (1, 54, "bstar".into()));
    }

    #[test]
    fn mismatched_catalog_numbers() {
        let bad = fix_checksum(&L2.replace("25544", "25545"));
        let e = first_error(&format!("{L1}\n{bad}\n"));
        assert_eq!(field_of(&e), (2, 3, "catalog number".into()));
    }

    #[test]
    fn recovers_after_bad_record() {
        let bad = format!("{}5", &L1[..68]);
        let r = one(&format!("X\n{bad}\n{L2}\nISS\n{L1}\n{L2}\n{L2}\n"));
        assert_eq!(r.sets.len(), 1);
        assert_eq!(r.sets[0].name, "ISS");
        assert_eq!(r.rejected.len(), 2);
    }
}
