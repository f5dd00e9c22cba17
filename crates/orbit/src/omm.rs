//! CCSDS Orbit Mean-elements Messages (OMM) as JSON, CSV and XML, in the
//! keyword set CelesTrak publishes (CCSDS 502.0-B-3 §4; CelesTrak "A New Way
//! to Obtain GP Data"). Catalog numbers above 99,999 (and above Alpha-5's
//! 339,999) are accepted.

use std::collections::HashMap;

use quick_xml::events::Event;

use crate::elements::ElementSet;
use crate::error::OrbitError;
use crate::time::UtcTime;
use crate::tle::ParseReport;

type Fields = HashMap<String, String>;

fn perr(source: &str, line: usize, field: &str, message: impl Into<String>) -> OrbitError {
    OrbitError::Parse {
        source_name: source.to_owned(),
        line,
        column: 0,
        field: field.to_owned(),
        message: message.into(),
    }
}

/// Build an element set from OMM keyword → value text.
fn from_fields(source: &str, line: usize, f: &Fields) -> Result<ElementSet, OrbitError> {
    let get = |key: &str| -> Result<&str, OrbitError> {
        f.get(key)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .ok_or_else(|| perr(source, line, key, "required keyword missing"))
    };
    let num = |key: &str| -> Result<f64, OrbitError> {
        let raw = get(key)?;
        raw.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| {
                perr(
                    source,
                    line,
                    key,
                    format!("expected a number, found {raw:?}"),
                )
            })
    };
    let opt_num = |key: &str| -> Result<f64, OrbitError> {
        if f.get(key).is_some_and(|s| !s.trim().is_empty()) {
            num(key)
        } else {
            Ok(0.0)
        }
    };
    let int = |key: &str| -> Result<u32, OrbitError> {
        let raw = get(key)?;
        raw.parse::<u32>().map_err(|_| {
            perr(
                source,
                line,
                key,
                format!("expected a non-negative integer, found {raw:?}"),
            )
        })
    };
    let opt_int = |key: &str| -> Result<u32, OrbitError> {
        if f.get(key).is_some_and(|s| !s.trim().is_empty()) {
            int(key)
        } else {
            Ok(0)
        }
    };
    for (key, value) in f {
        if let Some(pos) = value.chars().position(|c| !c.is_ascii()) {
            return Err(OrbitError::Parse {
                source_name: source.to_owned(),
                line,
                column: pos + 1,
                field: key.clone(),
                message: "non-ASCII character (check for no-break spaces)".into(),
            });
        }
    }
    let norad_id = int("NORAD_CAT_ID")?;
    let epoch_text = get("EPOCH")?;
    let with_zone = if epoch_text.ends_with('Z') || epoch_text.ends_with('z') {
        epoch_text.to_owned()
    } else {
        format!("{epoch_text}Z")
    };
    let epoch = UtcTime::parse_rfc3339(&with_zone)
        .map_err(|e| perr(source, line, "EPOCH", e.to_string()))?;
    let eccentricity = num("ECCENTRICITY")?;
    if !(0.0..1.0).contains(&eccentricity) {
        return Err(perr(
            source,
            line,
            "ECCENTRICITY",
            format!("expected [0, 1), found {eccentricity}"),
        ));
    }
    let mean_motion = num("MEAN_MOTION")?;
    if mean_motion <= 0.0 {
        return Err(perr(
            source,
            line,
            "MEAN_MOTION",
            format!("expected > 0 rev/day, found {mean_motion}"),
        ));
    }
    let name = f
        .get("OBJECT_NAME")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("NORAD {norad_id}"));
    Ok(ElementSet {
        name,
        norad_id,
        international_designator: f
            .get("OBJECT_ID")
            .map(|s| s.trim().to_owned())
            .unwrap_or_default(),
        classification: f
            .get("CLASSIFICATION_TYPE")
            .and_then(|s| s.trim().chars().next())
            .unwrap_or('U'),
        epoch,
        mean_motion_dot: opt_num("MEAN_MOTION_DOT")?,
        mean_motion_ddot: opt_num("MEAN_MOTION_DDOT")?,
        bstar: opt_num("BSTAR")?,
        ephemeris_type: opt_int("EPHEMERIS_TYPE")? as u8,
        element_set_number: opt_int("ELEMENT_SET_NO")?,
        inclination_deg: num("INCLINATION")?,
        raan_deg: num("RA_OF_ASC_NODE")?,
        eccentricity,
        arg_perigee_deg: num("ARG_OF_PERICENTER")?,
        mean_anomaly_deg: num("MEAN_ANOMALY")?,
        mean_motion_rev_per_day: mean_motion,
        rev_number: opt_int("REV_AT_EPOCH")?,
    })
}

fn push(report: &mut ParseReport, r: Result<ElementSet, OrbitError>) {
    match r {
        Ok(s) => report.sets.push(s),
        Err(e) => report.rejected.push(e),
    }
}

/// Parse OMM JSON: an array of objects (CelesTrak `FORMAT=json`) or one object.
/// Records are numbered 1.. in the `line` field of errors.
pub fn parse_omm_json(source: &str, text: &str) -> ParseReport {
    let mut report = ParseReport::default();
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            report.rejected.push(OrbitError::Parse {
                source_name: source.to_owned(),
                line: e.line(),
                column: e.column(),
                field: "json".into(),
                message: e.to_string(),
            });
            return report;
        }
    };
    let records = match value {
        serde_json::Value::Array(a) => a,
        other => vec![other],
    };
    for (i, rec) in records.iter().enumerate() {
        let Some(obj) = rec.as_object() else {
            report
                .rejected
                .push(perr(source, i + 1, "record", "expected a JSON object"));
            continue;
        };
        let fields: Fields = obj
            .iter()
            .map(|(k, v)| {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                (k.to_ascii_uppercase(), text)
            })
            .collect();
        push(&mut report, from_fields(source, i + 1, &fields));
    }
    report
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Parse OMM CSV (CelesTrak `FORMAT=csv`: a header row of keywords).
pub fn parse_omm_csv(source: &str, text: &str) -> ParseReport {
    let mut report = ParseReport::default();
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return report;
    };
    let keys: Vec<String> = split_csv_line(header.trim_start_matches('\u{feff}'))
        .into_iter()
        .map(|k| k.trim().to_ascii_uppercase())
        .collect();
    for (i, line) in lines {
        let values = split_csv_line(line.trim_end_matches('\r'));
        if values.len() != keys.len() {
            report.rejected.push(perr(
                source,
                i + 1,
                "row",
                format!(
                    "expected {} comma-separated values, found {}",
                    keys.len(),
                    values.len()
                ),
            ));
            continue;
        }
        let fields: Fields = keys.iter().cloned().zip(values).collect();
        push(&mut report, from_fields(source, i + 1, &fields));
    }
    report
}

/// Parse CCSDS OMM XML (`<ndm><omm>...</omm></ndm>` or a single `<omm>`).
pub fn parse_omm_xml(source: &str, text: &str) -> ParseReport {
    let mut report = ParseReport::default();
    let mut reader = quick_xml::Reader::from_str(text);
    let line_of = |pos: u64| text[..(pos as usize).min(text.len())].matches('\n').count() + 1;
    let mut current: Option<(usize, Fields)> = None;
    let mut tag = String::new();
    loop {
        let pos = reader.buffer_position();
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if name.eq_ignore_ascii_case("omm") {
                    current = Some((line_of(pos), Fields::new()));
                }
                tag = name.to_ascii_uppercase();
            }
            Ok(Event::Text(t)) => {
                if let Some((_, fields)) = current.as_mut() {
                    match t.decode() {
                        Ok(v) => append_text(fields, &tag, &v),
                        Err(e) => {
                            report
                                .rejected
                                .push(perr(source, line_of(pos), &tag, e.to_string()))
                        }
                    }
                }
            }
            Ok(Event::GeneralRef(r)) => {
                // quick-xml reports entity references (`&amp;`, `&#38;`)
                // apart from the text around them.
                if let Some((_, fields)) = current.as_mut() {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Ok(c.to_string()),
                        Ok(None) => r.decode().map_err(|e| e.to_string()).and_then(|name| {
                            quick_xml::escape::resolve_xml_entity(&name)
                                .map(str::to_owned)
                                .ok_or_else(|| format!("unknown entity &{name};"))
                        }),
                        Err(e) => Err(e.to_string()),
                    };
                    match resolved {
                        Ok(text) => append_text(fields, &tag, &text),
                        Err(e) => report.rejected.push(perr(source, line_of(pos), &tag, e)),
                    }
                }
            }
            Ok(Event::End(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if let Some((_, fields)) = current.as_mut() {
                    finish_text(fields, &tag);
                }
                if name.eq_ignore_ascii_case("omm") {
                    if let Some((line, fields)) = current.take() {
                        push(&mut report, from_fields(source, line, &fields));
                    }
                }
                tag.clear();
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                report
                    .rejected
                    .push(perr(source, line_of(pos), "xml", e.to_string()));
                break;
            }
        }
    }
    report
}

/// Element-set formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Two/three-line element sets.
    Tle,
    /// OMM JSON.
    OmmJson,
    /// OMM CSV.
    OmmCsv,
    /// OMM XML.
    OmmXml,
}

/// Guess the format from the first non-blank character / header.
pub fn detect_format(text: &str) -> Format {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('[') || t.starts_with('{') {
        Format::OmmJson
    } else if t.starts_with('<') {
        Format::OmmXml
    } else if t
        .lines()
        .next()
        .is_some_and(|l| l.to_ascii_uppercase().contains("NORAD_CAT_ID") && l.contains(','))
    {
        Format::OmmCsv
    } else {
        Format::Tle
    }
}

/// Parse element sets in any supported format (detected from the content).
pub fn parse_elements(source: &str, text: &str) -> ParseReport {
    match detect_format(text) {
        Format::Tle => crate::tle::parse_tle_text(source, text, Default::default()),
        Format::OmmJson => parse_omm_json(source, text),
        Format::OmmCsv => parse_omm_csv(source, text),
        Format::OmmXml => parse_omm_xml(source, text),
    }
}

/// Append a piece of an element's text (text and entity references come
/// as separate events); whitespace-only text outside a field is ignored.
fn append_text(fields: &mut Fields, tag: &str, text: &str) {
    if tag.is_empty() || (text.trim().is_empty() && !fields.contains_key(tag)) {
        return;
    }
    fields.entry(tag.to_owned()).or_default().push_str(text);
}

/// Trim a field's collected text when its element closes; drop it if empty.
fn finish_text(fields: &mut Fields, tag: &str) {
    if let Some(value) = fields.get_mut(tag) {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            fields.remove(tag);
        } else if trimmed.len() != value.len() {
            *value = trimmed.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::propagate::Satellite;

    const TLE: &str = "ISS (ZARYA)\n1 25544U 98067A   26150.51748228  .00011776  00000+0  21767-3 0  9998\n2 25544  51.6337  27.5746 0007245 114.7080 245.4664 15.49496548569014\n";
    const JSON: &str = r#"[{"OBJECT_NAME": "ISS (ZARYA)", "OBJECT_ID": "1998-067A", "EPOCH": "2026-05-30T12:25:10.468992", "MEAN_MOTION": 15.49496548, "ECCENTRICITY": 0.0007245, "INCLINATION": 51.6337, "RA_OF_ASC_NODE": 27.5746, "ARG_OF_PERICENTER": 114.708, "MEAN_ANOMALY": 245.4664, "EPHEMERIS_TYPE": 0, "CLASSIFICATION_TYPE": "U", "NORAD_CAT_ID": 25544, "ELEMENT_SET_NO": 999, "REV_AT_EPOCH": 56901, "BSTAR": 0.00021767, "MEAN_MOTION_DOT": 0.00011776, "MEAN_MOTION_DDOT": 0},
      {"OBJECT_NAME": "BIG", "OBJECT_ID": "2026-001A", "EPOCH": "2026-05-30T12:25:10.468992", "MEAN_MOTION": "15.49496548", "ECCENTRICITY": "0.0007245", "INCLINATION": 51.6337, "RA_OF_ASC_NODE": 27.5746, "ARG_OF_PERICENTER": 114.708, "MEAN_ANOMALY": 245.4664, "NORAD_CAT_ID": 512345, "BSTAR": 0.00021767},
      {"OBJECT_NAME": "BAD", "EPOCH": "2026-05-30", "MEAN_MOTION": "x"}]"#;
    const CSV: &str = "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT\n\
\"ISS (ZARYA)\",1998-067A,2026-05-30T12:25:10.468992,15.49496548,.0007245,51.6337,27.5746,114.7080,245.4664,0,U,25544,999,56901,.21767E-3,.11776E-3,0\n\
BAD,1998-067A,2026-05-30T12:25:10,15.49,.0007245\n";
    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ndm><omm id="CCSDS_OMM_VERS" version="2.0"><header><CREATION_DATE/><ORIGINATOR/></header>
<body><segment><metadata><OBJECT_NAME>ISS (ZARYA)</OBJECT_NAME><OBJECT_ID>1998-067A</OBJECT_ID>
<CENTER_NAME>EARTH</CENTER_NAME><REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY></metadata>
<data><meanElements><EPOCH>2026-05-30T12:25:10.468992</EPOCH><MEAN_MOTION>15.49496548</MEAN_MOTION><ECCENTRICITY>.0007245</ECCENTRICITY>
<INCLINATION>51.6337</INCLINATION><RA_OF_ASC_NODE>27.5746</RA_OF_ASC_NODE><ARG_OF_PERICENTER>114.7080</ARG_OF_PERICENTER><MEAN_ANOMALY>245.4664</MEAN_ANOMALY></meanElements>
<tleParameters><EPHEMERIS_TYPE>0</EPHEMERIS_TYPE><CLASSIFICATION_TYPE>U</CLASSIFICATION_TYPE><NORAD_CAT_ID>25544</NORAD_CAT_ID><ELEMENT_SET_NO>999</ELEMENT_SET_NO>
<REV_AT_EPOCH>56901</REV_AT_EPOCH><BSTAR>.21767E-3</BSTAR><MEAN_MOTION_DOT>.11776E-3</MEAN_MOTION_DOT><MEAN_MOTION_DDOT>0</MEAN_MOTION_DDOT></tleParameters></data></segment></body></omm></ndm>"#;

    fn position(set: &ElementSet) -> [f64; 3] {
        Satellite::new(set.clone())
            .unwrap()
            .propagate_minutes(600.0)
            .unwrap()
            .position_km
    }

    #[test]
    fn all_formats_agree_with_the_tle() {
        let tle = parse_elements("iss.tle", TLE);
        assert_eq!(detect_format(TLE), Format::Tle);
        let want = position(&tle.sets[0]);
        for (text, fmt, rejected) in [
            (JSON, Format::OmmJson, 1),
            (CSV, Format::OmmCsv, 1),
            (XML, Format::OmmXml, 0),
        ] {
            assert_eq!(detect_format(text), fmt);
            let r = parse_elements("x", text);
            assert_eq!(r.rejected.len(), rejected, "{fmt:?}: {:?}", r.rejected);
            assert_eq!(r.sets[0].name, "ISS (ZARYA)");
            assert_eq!(r.sets[0].norad_id, 25544);
            let got = position(&r.sets[0]);
            for k in 0..3 {
                assert!(
                    (got[k] - want[k]).abs() < 1e-3,
                    "{fmt:?} axis {k}: {} vs {}",
                    got[k],
                    want[k]
                );
            }
        }
        let r = parse_omm_json("x", JSON);
        assert_eq!(r.sets[1].norad_id, 512_345);
        assert!(
            r.rejected[0].to_string().contains("MEAN_MOTION")
                || r.rejected[0].to_string().contains("NORAD_CAT_ID")
        );
    }

    #[test]
    fn xml_entities_are_resolved_inside_fields() {
        let text = XML.replacen("ISS (ZARYA)", " ISS &amp; CREW &#40;ZARYA) ", 1);
        let r = parse_omm_xml("x", &text);
        assert!(r.rejected.is_empty(), "{:?}", r.rejected);
        assert_eq!(r.sets[0].name, "ISS & CREW (ZARYA)");
        let bad = XML.replacen("ISS (ZARYA)", "ISS &bogus;", 1);
        assert_eq!(parse_omm_xml("x", &bad).rejected.len(), 1);
    }

    #[test]
    fn broken_documents_are_reported() {
        assert_eq!(parse_omm_json("x", "[{").rejected.len(), 1);
        assert_eq!(parse_omm_xml("x", "<omm><EPOCH>1</omm>").sets.len(), 0);
        let nbsp = JSON.replacen("ISS (ZARYA)", "ISS\u{a0}(ZARYA)", 1);
        let r = parse_omm_json("x", &nbsp);
        assert!(
            r.rejected
                .iter()
                .any(|e| e.to_string().contains("non-ASCII"))
        );
    }
}
