//! A plan as GeoJSON (RFC 7946): each request's area (`layer: request`,
//! with its covered share and value) and each acquisition's footprint
//! (`layer: acquisition`, with satellite, times, roll, pitch, volume).

use serde_json::{Value, json};

use crate::tasking::{ParsedRequest, Plan};

/// The plan's map layers as a FeatureCollection.
pub fn plan_geojson(plan: &Plan, requests: &[ParsedRequest]) -> Value {
    let mut features = Vec::new();
    for r in requests {
        let outcome = plan.requests.iter().find(|o| o.id == r.request.id);
        features.push(json!({
            "type": "Feature",
            "geometry": r.aoi.geometry_geojson(),
            "properties": {
                "layer": "request", "id": r.request.id, "priority": r.request.priority,
                "mode": r.request.mode,
                "covered_fraction": outcome.map(|o| o.covered_fraction),
                "value": outcome.map(|o| o.value),
            },
        }));
    }
    for a in &plan.acquisitions {
        features.push(json!({
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [a.footprint]},
            "properties": {
                "layer": "acquisition", "id": a.id, "request": a.request, "satellite": a.satellite,
                "start": a.start, "end": a.end, "roll_deg": a.roll_deg, "pitch_deg": a.pitch_deg,
                "stereo": a.stereo, "volume_gbit": a.volume_gbit, "incidence_deg": a.incidence_deg,
                "sun_elevation_deg": a.sun_elevation_deg, "strips": a.strips,
            },
        }));
    }
    json!({"type": "FeatureCollection", "features": features})
}
