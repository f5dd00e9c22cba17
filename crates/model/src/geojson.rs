//! GeoJSON (RFC 7946) of a scenario's map layers.
//!
//! Stations, network nodes and GEO satellites become points (a GEO
//! satellite at its sub-satellite point); links become line strings along
//! their declared route, or straight between their ends. Each feature's
//! `properties` carry `layer` (`station`, `node`, `link`, `satellite`),
//! `id`, `name` and the fields a map styles on (`kind`, `status`, `role`...).

use serde_json::{Value, json};

use crate::satellite::OrbitClass;
use crate::scenario::Scenario;

impl Scenario {
    /// The scenario's map layers as a GeoJSON FeatureCollection.
    ///
    /// # Examples
    /// ```
    /// let fc = silkway_model::builtin::load("caspian").unwrap().to_geojson();
    /// assert_eq!(fc["type"], "FeatureCollection");
    /// ```
    pub fn to_geojson(&self) -> Value {
        let mut features = Vec::new();
        for s in &self.stations {
            features.push(feature(
                json!({"type": "Point", "coordinates": [s.position.lon_deg, s.position.lat_deg, s.position.alt_m]}),
                json!({
                    "layer": "station", "id": s.id, "name": s.name, "kind": s.kind,
                    "operator": s.operator, "approximate": s.approximate,
                    "elevation_mask_deg": s.elevation_mask_deg,
                }),
            ));
        }
        for n in &self.nodes {
            features.push(feature(
                json!({"type": "Point", "coordinates": [n.lon_deg, n.lat_deg]}),
                json!({
                    "layer": "node", "id": n.id, "name": n.name, "kind": n.kind,
                    "country": n.country, "approximate": n.approximate,
                }),
            ));
        }
        for l in &self.links {
            let coordinates: Vec<[f64; 2]> = if l.route.len() >= 2 {
                l.route.clone()
            } else {
                match (self.node(&l.a), self.node(&l.b)) {
                    (Some(a), Some(b)) => vec![[a.lon_deg, a.lat_deg], [b.lon_deg, b.lat_deg]],
                    _ => continue,
                }
            };
            features.push(feature(
                json!({"type": "LineString", "coordinates": coordinates}),
                json!({
                    "layer": "link", "id": l.id, "name": l.name, "kind": l.kind,
                    "a": l.a, "b": l.b, "status": l.status, "role": l.role,
                    "length_km": l.length_km, "capacity_gbps": l.capacity_gbps,
                    "srlg": l.srlg, "satellite": l.satellite,
                }),
            ));
        }
        for s in &self.satellites {
            if let (OrbitClass::Geo, Some(lon)) = (s.orbit, s.geo_longitude_deg) {
                features.push(feature(
                    json!({"type": "Point", "coordinates": [lon, 0.0]}),
                    json!({
                        "layer": "satellite", "id": s.id, "name": s.name,
                        "norad_id": s.norad_id, "status": s.status, "orbit": s.orbit,
                    }),
                ));
            }
        }
        json!({"type": "FeatureCollection", "features": features})
    }
}

fn feature(geometry: Value, properties: Value) -> Value {
    let id = properties["id"].clone();
    let layer = properties["layer"].as_str().unwrap_or("feature").to_owned();
    json!({
        "type": "Feature",
        "id": format!("{layer}:{}", id.as_str().unwrap_or_default()),
        "geometry": geometry,
        "properties": properties,
    })
}
