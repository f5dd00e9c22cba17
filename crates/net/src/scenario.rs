//! A scenario's transit network as a [`Graph`]: terrestrial and submarine
//! fiber, and satellite hops through GEO satellites.
//!
//! Fiber length: declared (`length_km`), else along the route geometry,
//! else great-circle between the ends; latency from it at the fiber group
//! index ([`crate::latency`]). A satellite hop's latency is geometric: the
//! slant ranges from both ends to the satellite at its GEO slot, at the
//! speed of light in vacuum (no fiber index).

use silkway_model::wgs84::geo_slant_range_km;
use silkway_model::{LinkKind, LinkStatus, Scenario};

use crate::error::{NetError, Result};
use crate::graph::{EdgeSpec, Graph, NodeSpec, Warning};
use crate::latency::{C_KM_PER_S, haversine_km};

/// Which links of a scenario make the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScenarioGraphOptions {
    /// Also use links whose status is `planned`.
    pub include_planned: bool,
    /// Use satellite hops (GEO backups); fiber only when false.
    pub include_satellite: bool,
}

impl Default for ScenarioGraphOptions {
    fn default() -> Self {
        Self {
            include_planned: false,
            include_satellite: true,
        }
    }
}

/// One-way latency of a ground–GEO–ground hop, µs (propagation only).
pub fn geo_hop_latency_us(a: (f64, f64), b: (f64, f64), sat_lon_deg: f64) -> f64 {
    let km = geo_slant_range_km(a.0, a.1, 0.0, sat_lon_deg)
        + geo_slant_range_km(b.0, b.1, 0.0, sat_lon_deg);
    km / C_KM_PER_S * 1e6
}

/// Great-circle length of a `[lon, lat]` polyline, km.
fn polyline_km(route: &[[f64; 2]]) -> f64 {
    route
        .windows(2)
        .map(|w| haversine_km(w[0][1], w[0][0], w[1][1], w[1][0]))
        .sum()
}

/// The scenario's network as a graph (nodes with their positions, links as
/// undirected edges with capacity and SRLGs).
///
/// # Errors
/// [`NetError::Invalid`] when a satellite link's satellite has no GEO slot
/// (non-GEO relays are not modelled); graph-building errors otherwise.
pub fn scenario_graph(sc: &Scenario, opts: ScenarioGraphOptions) -> Result<(Graph, Vec<Warning>)> {
    let nodes: Vec<NodeSpec> = sc
        .nodes
        .iter()
        .map(|n| NodeSpec {
            id: n.id.clone(),
            label: Some(n.name.clone()),
            lat_deg: Some(n.lat_deg),
            lon_deg: Some(n.lon_deg),
        })
        .collect();
    let mut edges = Vec::new();
    for l in &sc.links {
        if l.status == LinkStatus::Planned && !opts.include_planned {
            continue;
        }
        let latency_us = match l.kind {
            LinkKind::Satellite if !opts.include_satellite => continue,
            LinkKind::Satellite => {
                let sat_id = l.satellite.as_deref().unwrap_or_default();
                let slot = sc
                    .satellite(sat_id)
                    .and_then(|s| s.geo_longitude_deg)
                    .ok_or_else(|| {
                        NetError::Invalid(format!(
                            "link {}: satellite {sat_id:?} has no GEO slot (only GEO hops are modelled)",
                            l.id
                        ))
                    })?;
                let (Some(a), Some(b)) = (sc.node(&l.a), sc.node(&l.b)) else {
                    return Err(NetError::Invalid(format!(
                        "link {}: unknown end node",
                        l.id
                    )));
                };
                Some(geo_hop_latency_us(
                    (a.lat_deg, a.lon_deg),
                    (b.lat_deg, b.lon_deg),
                    slot,
                ))
            }
            LinkKind::TerrestrialFiber | LinkKind::SubmarineFiber => None,
        };
        edges.push(EdgeSpec {
            name: Some(l.id.clone()),
            a: l.a.clone(),
            b: l.b.clone(),
            length_km: l
                .length_km
                .or_else(|| (l.route.len() >= 2).then(|| polyline_km(&l.route))),
            latency_us,
            capacity_gbps: l.capacity_gbps,
            srlg: l.srlg.clone(),
            cuts_per_1000km_year: None,
            mttr_h: None,
        });
    }
    Graph::from_specs(&nodes, &edges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geo_hop_latency_baku_tashkent() {
        // Baku (40.41N 49.87E) and Tashkent (41.30N 69.24E) to Azerspace-1
        // at 46E: 37,539.4 km + 38,033.3 km of slant range (silkway-link's
        // GEO look angles, same WGS84 geometry) = 75,572.7 km at c, 252.08 ms.
        let us = geo_hop_latency_us((40.41, 49.87), (41.30, 69.24), 46.0);
        assert!((us - 252_080.0).abs() < 5.0, "{us}");
    }

    #[test]
    fn caspian_graph_with_and_without_satellite_hops() {
        let sc = silkway_model::builtin::load("caspian").unwrap();
        let (with, _) = scenario_graph(&sc, ScenarioGraphOptions::default()).unwrap();
        let fiber_only = ScenarioGraphOptions {
            include_satellite: false,
            ..ScenarioGraphOptions::default()
        };
        let (without, _) = scenario_graph(&sc, fiber_only).unwrap();
        let sat_links = sc
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Satellite)
            .count();
        assert_eq!(with.edge_count(), without.edge_count() + sat_links);
        // Islamabad is reachable only through Azerspace-1.
        let isb = with.node_ix("islamabad").unwrap();
        let baku = with.node_ix("baku").unwrap();
        let hop = with
            .edges()
            .iter()
            .find(|e| (e.a == baku && e.b == isb) || (e.a == isb && e.b == baku))
            .expect("the Baku–Islamabad satellite hop");
        let ms = hop.latency_ns as f64 / 1e6;
        assert!((240.0..290.0).contains(&ms), "GEO hop {ms} ms");
    }

    #[test]
    fn a_satellite_link_through_a_leo_satellite_is_refused() {
        let mut sc = silkway_model::builtin::load("caspian").unwrap();
        let link = sc
            .links
            .iter_mut()
            .find(|l| l.kind == LinkKind::Satellite)
            .unwrap();
        link.satellite = Some("spot-6".into());
        let err = scenario_graph(&sc, ScenarioGraphOptions::default()).unwrap_err();
        assert!(err.to_string().contains("no GEO slot"), "{err}");
    }
}
