//! Demands: `source,target[,gbps]` CSV with a header row.

use std::path::Path as FsPath;

use crate::error::{NetError, Result};
use crate::graph::{Graph, NodeIx};

/// A traffic demand between two nodes of a graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Demand {
    /// Source node id as written.
    pub source_id: String,
    /// Target node id as written.
    pub target_id: String,
    /// Source node index.
    pub source: NodeIx,
    /// Target node index.
    pub target: NodeIx,
    /// Volume, Gbit/s (when given).
    pub gbps: Option<f64>,
}

/// A demand before it is resolved against a graph.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandSpec {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Volume, Gbit/s.
    pub gbps: Option<f64>,
    /// 1-based line in the file (0 when not from a file).
    pub line: usize,
}

fn split_csv(line: &str) -> Vec<String> {
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
            ',' if !quoted => out.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    out.push(cur.trim().to_string());
    out
}

/// Parse demand CSV text. The header must start with `source,target`;
/// an optional third column `gbps` holds volumes. Blank lines and lines
/// starting with `#` are skipped.
///
/// # Errors
/// A missing or wrong header, a wrong number of fields, a bad volume; the
/// error names the file and line.
pub fn parse_demands(text: &str, file: &str) -> Result<Vec<DemandSpec>> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_start_matches('\u{feff}')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let err = |line: usize, message: String| NetError::Syntax {
        file: file.into(),
        line,
        message,
    };
    let (hl, header) = lines.next().ok_or_else(|| {
        err(
            1,
            "empty demands file: expected a header `source,target[,gbps]`".into(),
        )
    })?;
    let cols = split_csv(header);
    let with_gbps = match cols
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .as_slice()
    {
        [s, t] if s == "source" && t == "target" => false,
        [s, t, g] if s == "source" && t == "target" && g == "gbps" => true,
        _ => {
            return Err(err(
                hl,
                format!("expected header `source,target[,gbps]`, found `{header}`"),
            ));
        }
    };
    let mut out = Vec::new();
    for (ln, l) in lines {
        let f = split_csv(l);
        let want = if with_gbps { 3 } else { 2 };
        if f.len() != want {
            return Err(err(
                ln,
                format!("expected {want} fields, found {}", f.len()),
            ));
        }
        let gbps = if with_gbps {
            match f[2].parse::<f64>() {
                Ok(x) if x.is_finite() && x >= 0.0 => Some(x),
                _ => {
                    return Err(NetError::Attribute {
                        file: file.into(),
                        line: ln,
                        attribute: "gbps".into(),
                        expected: "a finite non-negative number",
                        found: f[2].clone(),
                    });
                }
            }
        } else {
            None
        };
        if f[0].is_empty() || f[1].is_empty() {
            return Err(err(ln, "empty node id".into()));
        }
        out.push(DemandSpec {
            source: f[0].clone(),
            target: f[1].clone(),
            gbps,
            line: ln,
        });
    }
    Ok(out)
}

/// Read and parse a demands CSV file.
///
/// # Errors
/// See [`parse_demands`].
pub fn read_demands(path: &FsPath) -> Result<Vec<DemandSpec>> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| NetError::Io {
        file: file.clone(),
        source,
    })?;
    parse_demands(&text, &file)
}

/// Resolve demand specs against a graph's node ids.
///
/// # Errors
/// [`NetError::UnknownNode`] naming the file and line.
pub fn resolve(g: &Graph, specs: &[DemandSpec], file: &str) -> Result<Vec<Demand>> {
    specs
        .iter()
        .map(|d| {
            let find = |id: &str| {
                g.node_ix(id).ok_or_else(|| NetError::UnknownNode {
                    id: id.into(),
                    context: format!("{file}:{}", d.line),
                })
            };
            Ok(Demand {
                source_id: d.source.clone(),
                target_id: d.target.clone(),
                source: find(&d.source)?,
                target: find(&d.target)?,
                gbps: d.gbps,
            })
        })
        .collect()
}

/// The demands of a scenario as specs (resolve them with [`resolve`]
/// against the scenario's graph; `line` is 0: they come from no file).
pub fn scenario_demand_specs(sc: &silkway_model::Scenario) -> Vec<DemandSpec> {
    sc.demands
        .iter()
        .map(|d| DemandSpec {
            source: d.source.clone(),
            target: d.target.clone(),
            gbps: Some(d.gbps),
            line: 0,
        })
        .collect()
}
