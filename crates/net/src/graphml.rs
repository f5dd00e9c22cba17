//! GraphML input in the Internet Topology Zoo style.
//!
//! Node attributes `Latitude` and `Longitude` (degrees); optional edge
//! attributes `length_km`, `latency_us`, `capacity_gbps`, `srlg` (names
//! separated by `,`, `;` or `|`), and for availability `cuts_per_1000km_year`
//! and `mttr_h`. Keys are matched by `attr.name`; `<default>`
//! values are honoured. The graph is read as undirected whatever
//! `edgedefault` says.
//!
//! # References
//! - GraphML primer, <http://graphml.graphdrawing.org/primer/graphml-primer.html>.
//! - S. Knight et al., "The Internet Topology Zoo", IEEE JSAC 29(9), 2011.

use std::collections::HashMap;
use std::path::Path as FsPath;

use quick_xml::events::{BytesStart, Event};

use crate::error::{NetError, Result, line_of};
use crate::graph::{EdgeSpec, Graph, NodeSpec, Warning};

/// Node attribute names read from GraphML.
const NODE_ATTRS: [&str; 3] = ["Latitude", "Longitude", "label"];
/// Edge attribute names read from GraphML.
const EDGE_ATTRS: [&str; 6] = [
    "length_km",
    "latency_us",
    "capacity_gbps",
    "srlg",
    "cuts_per_1000km_year",
    "mttr_h",
];

#[derive(Debug)]
struct Key {
    name: String,
    for_node: bool,
    default: Option<String>,
}

#[derive(Debug)]
enum Item {
    Node(NodeSpec, usize),
    Edge(EdgeSpec, usize),
}

/// Read a GraphML file into node and edge specs (no graph rules applied yet).
///
/// # Errors
/// Unreadable file, malformed XML, non-numeric coordinates or attributes;
/// each error names the file, the line and the attribute.
pub fn read_specs(path: &FsPath) -> Result<(Vec<NodeSpec>, Vec<EdgeSpec>)> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| NetError::Io {
        file: file.clone(),
        source,
    })?;
    parse_specs(&text, &file)
}

/// Read a GraphML file and build the graph (see [`Graph::from_specs`]).
pub fn read_graph(path: &FsPath) -> Result<(Graph, Vec<Warning>)> {
    let (nodes, edges) = read_specs(path)?;
    Graph::from_specs(&nodes, &edges)
}

/// Parse GraphML text; `file` is used in error messages.
pub fn parse_graph(text: &str, file: &str) -> Result<(Graph, Vec<Warning>)> {
    let (nodes, edges) = parse_specs(text, file)?;
    Graph::from_specs(&nodes, &edges)
}

fn attr(e: &BytesStart<'_>, name: &[u8], file: &str, line: usize) -> Result<Option<String>> {
    for a in e.attributes() {
        let a = a.map_err(|err| NetError::Syntax {
            file: file.into(),
            line,
            message: format!("bad XML attribute: {err}"),
        })?;
        if a.key.as_ref() == name {
            let v = a.unescape_value().map_err(|err| NetError::Syntax {
                file: file.into(),
                line,
                message: format!("bad attribute value: {err}"),
            })?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

fn number(v: &str, attribute: &str, file: &str, line: usize, lo: f64, hi: f64) -> Result<f64> {
    match v.trim().parse::<f64>() {
        Ok(x) if x.is_finite() && x >= lo && x <= hi => Ok(x),
        _ => Err(NetError::Attribute {
            file: file.into(),
            line,
            attribute: attribute.into(),
            expected: match attribute {
                "Latitude" => "a number of degrees in [-90, 90]",
                "Longitude" => "a number of degrees in [-180, 360]",
                _ => "a finite non-negative number",
            },
            found: v.into(),
        }),
    }
}

/// Parse GraphML text into specs; `file` is used in error messages.
///
/// # Errors
/// See [`read_specs`].
pub fn parse_specs(text: &str, file: &str) -> Result<(Vec<NodeSpec>, Vec<EdgeSpec>)> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    // Element state.
    let mut in_key: Option<String> = None;
    let mut in_default = false;
    let mut data_key: Option<(String, usize)> = None;
    let mut text_buf = String::new();
    let mut current: Option<Item> = None;
    let mut seen_graphml = false;
    let mut raw: Vec<(String, String, usize)> = Vec::new(); // (attr name, value, line) of current item
    // Line tracking: positions only move forward, count newlines incrementally.
    let (mut line_pos, mut line_no) = (0usize, 1usize);
    loop {
        let pos = reader.buffer_position() as usize;
        if pos > line_pos {
            let end = pos.min(text.len());
            line_no += text.as_bytes()[line_pos.min(end)..end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            line_pos = end;
        }
        let cur_line = line_no;
        let ev = reader.read_event().map_err(|err| NetError::Syntax {
            file: file.into(),
            line: line_of(text, reader.error_position() as usize),
            message: format!("malformed XML: {err}"),
        })?;
        let line = || cur_line;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"graphml" => seen_graphml = true,
                    b"key" => {
                        let l = line();
                        let id = attr(e, b"id", file, l)?.ok_or_else(|| NetError::Syntax {
                            file: file.into(),
                            line: l,
                            message: "<key> without `id`".into(),
                        })?;
                        let name = attr(e, b"attr.name", file, l)?.unwrap_or_else(|| id.clone());
                        let for_node = attr(e, b"for", file, l)?.as_deref() == Some("node");
                        keys.insert(
                            id.clone(),
                            Key {
                                name,
                                for_node,
                                default: None,
                            },
                        );
                        if !empty {
                            in_key = Some(id);
                        }
                    }
                    b"default" if in_key.is_some() => {
                        in_default = !empty;
                        text_buf.clear();
                    }
                    b"node" => {
                        let l = line();
                        let id = attr(e, b"id", file, l)?.ok_or_else(|| NetError::Syntax {
                            file: file.into(),
                            line: l,
                            message: "<node> without `id`".into(),
                        })?;
                        let item = Item::Node(
                            NodeSpec {
                                id,
                                ..Default::default()
                            },
                            l,
                        );
                        raw.clear();
                        if empty {
                            items.push(finish(item, &raw, &keys, file)?);
                        } else {
                            current = Some(item);
                        }
                    }
                    b"edge" => {
                        let l = line();
                        let missing = |what: &str| NetError::Syntax {
                            file: file.into(),
                            line: l,
                            message: format!("<edge> without `{what}`"),
                        };
                        let a = attr(e, b"source", file, l)?.ok_or_else(|| missing("source"))?;
                        let b = attr(e, b"target", file, l)?.ok_or_else(|| missing("target"))?;
                        let name = attr(e, b"id", file, l)?;
                        let item = Item::Edge(
                            EdgeSpec {
                                name,
                                a,
                                b,
                                ..Default::default()
                            },
                            l,
                        );
                        raw.clear();
                        if empty {
                            items.push(finish(item, &raw, &keys, file)?);
                        } else {
                            current = Some(item);
                        }
                    }
                    b"data" if current.is_some() => {
                        let l = line();
                        let k = attr(e, b"key", file, l)?.ok_or_else(|| NetError::Syntax {
                            file: file.into(),
                            line: l,
                            message: "<data> without `key`".into(),
                        })?;
                        text_buf.clear();
                        if empty {
                            if let Some(key) = keys.get(&k) {
                                raw.push((key.name.clone(), String::new(), l));
                            }
                        } else {
                            data_key = Some((k, l));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if data_key.is_some() || in_default => {
                let s = t.decode().map_err(|err| NetError::Syntax {
                    file: file.into(),
                    line: line(),
                    message: format!("bad text: {err}"),
                })?;
                text_buf.push_str(&s);
            }
            Event::CData(t) if data_key.is_some() || in_default => {
                text_buf.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::GeneralRef(r) if data_key.is_some() || in_default => {
                let name = String::from_utf8_lossy(&r.into_inner()).into_owned();
                let resolved = quick_xml::escape::unescape(&format!("&{name};"))
                    .map_err(|err| NetError::Syntax {
                        file: file.into(),
                        line: line(),
                        message: format!("unknown entity `&{name};`: {err}"),
                    })?
                    .into_owned();
                text_buf.push_str(&resolved);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"default" => {
                    if let Some(k) = in_key.as_ref().and_then(|id| keys.get_mut(id)) {
                        k.default = Some(std::mem::take(&mut text_buf));
                    }
                    in_default = false;
                }
                b"key" => in_key = None,
                b"data" => {
                    if let Some((k, l)) = data_key.take() {
                        if let Some(key) = keys.get(&k) {
                            raw.push((key.name.clone(), std::mem::take(&mut text_buf), l));
                        }
                    }
                }
                b"node" | b"edge" => {
                    if let Some(item) = current.take() {
                        items.push(finish(item, &raw, &keys, file)?);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_graphml {
        return Err(NetError::Syntax {
            file: file.into(),
            line: 1,
            message: "expected a <graphml> document, found none".into(),
        });
    }
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for it in items {
        match it {
            Item::Node(n, _) => nodes.push(n),
            Item::Edge(e, _) => edges.push(e),
        }
    }
    Ok((nodes, edges))
}

/// Apply the collected `<data>` values (and key defaults) to an item.
fn finish(
    mut item: Item,
    raw: &[(String, String, usize)],
    keys: &HashMap<String, Key>,
    file: &str,
) -> Result<Item> {
    let (is_node, item_line) = match &item {
        Item::Node(_, l) => (true, *l),
        Item::Edge(_, l) => (false, *l),
    };
    let wanted: &[&str] = if is_node { &NODE_ATTRS } else { &EDGE_ATTRS };
    let mut values: Vec<(&str, &str, usize)> = Vec::new();
    for k in keys.values() {
        if k.for_node == is_node && wanted.contains(&k.name.as_str()) {
            if let Some(d) = &k.default {
                values.push((k.name.as_str(), d.as_str(), item_line));
            }
        }
    }
    for (name, v, l) in raw {
        if wanted.contains(&name.as_str()) {
            values.retain(|(n, _, _)| n != name);
            values.push((name.as_str(), v.as_str(), *l));
        }
    }
    for (name, v, l) in values {
        match &mut item {
            Item::Node(n, _) => match name {
                "Latitude" => n.lat_deg = Some(number(v, name, file, l, -90.0, 90.0)?),
                "Longitude" => n.lon_deg = Some(number(v, name, file, l, -180.0, 360.0)?),
                "label" => n.label = Some(v.trim().to_string()),
                _ => {}
            },
            Item::Edge(e, _) => match name {
                "length_km" => e.length_km = Some(number(v, name, file, l, 0.0, 1e6)?),
                "latency_us" => e.latency_us = Some(number(v, name, file, l, 0.0, 1e9)?),
                "capacity_gbps" => e.capacity_gbps = Some(number(v, name, file, l, 0.0, 1e12)?),
                "cuts_per_1000km_year" => {
                    e.cuts_per_1000km_year = Some(number(v, name, file, l, 0.0, 1e6)?)
                }
                "mttr_h" => e.mttr_h = Some(number(v, name, file, l, 0.0, 1e7)?),
                "srlg" => {
                    e.srlg = v
                        .split([',', ';', '|'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                }
                _ => {}
            },
        }
    }
    Ok(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key attr.name="Latitude" attr.type="double" for="node" id="d1"/>
  <key attr.name="Longitude" attr.type="double" for="node" id="d2"/>
  <key attr.name="length_km" attr.type="double" for="edge" id="d3"/>
  <key attr.name="srlg" attr.type="string" for="edge" id="d4"/>
  <key attr.name="capacity_gbps" attr.type="double" for="edge" id="d5"><default>100</default></key>
  <graph edgedefault="undirected">
    <node id="A"><data key="d1">43.65</data><data key="d2">51.17</data></node>
    <node id="B"><data key="d1">41.08</data><data key="d2">49.11</data></node>
    <node id="C"/>
    <node id="D"/>
    <edge source="A" target="B"><data key="d3">341</data><data key="d4">TCFO &amp; shore</data></edge>
    <edge source="A" target="B"/>
    <edge source="B" target="C"><data key="d3">10</data></edge>
    <edge source="C" target="D"/>
    <edge source="A" target="A"/>
  </graph>
</graphml>"#;

    #[test]
    fn reads_topology_zoo_style() {
        let (g, w) = parse_graph(SMALL, "small.graphml").unwrap();
        assert_eq!(g.node_count(), 3, "D has no coordinates and no length");
        assert_eq!(g.edge_count(), 2);
        let ab = &g.edges()[0];
        // Great-circle A-B (~332 km) is shorter than the declared 341 km: lower latency wins.
        assert!(ab.length_km.unwrap() < 340.0);
        assert_eq!(ab.capacity_gbps, Some(100.0));
        assert!(w.iter().any(|x| matches!(x, Warning::SelfLoop { .. })));
        assert!(w.iter().any(|x| matches!(x, Warning::ParallelEdge { .. })));
        assert!(
            w.iter()
                .any(|x| matches!(x, Warning::NodeWithoutCoordinates { node } if node == "D"))
        );
        assert!(
            w.iter()
                .any(|x| matches!(x, Warning::EdgeWithoutLength { .. }))
        );
    }

    #[test]
    fn srlg_and_entities() {
        let (nodes, edges) = parse_specs(SMALL, "s").unwrap();
        assert_eq!(nodes.len(), 4);
        assert_eq!(edges[0].srlg, vec!["TCFO & shore".to_string()]);
    }

    #[test]
    fn errors_name_line_and_attribute() {
        let bad = SMALL.replace(
            "<data key=\"d1\">41.08</data>",
            "<data key=\"d1\">north</data>",
        );
        let err = parse_graph(&bad, "bad.graphml").unwrap_err().to_string();
        assert!(err.contains("bad.graphml:10"), "{err}");
        assert!(err.contains("Latitude"), "{err}");
        let err = parse_graph("<graphml><node></graphml>", "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("x:1"), "{err}");
        assert!(parse_graph("not xml at all", "y").is_err());
    }
}
