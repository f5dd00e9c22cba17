//! Queryables: the JSON Schema of the properties a CQL2 filter can name.
//!
//! # References
//! - OGC API Features Part 3 §6.2 (queryables resource).
//! - STAC API Filter extension (`/queryables`, `/collections/{id}/queryables`).

use serde_json::{Value, json};

/// Queryables schema whose `$id` is `self_url`.
pub fn queryables(self_url: &str, title: &str) -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": self_url,
        "type": "object",
        "title": title,
        "properties": {
            "id": {"title": "Item id", "type": "string"},
            "collection": {"title": "Collection id", "type": "string"},
            "geometry": {"title": "Footprint", "$ref": "https://geojson.org/schema/Geometry.json"},
            "datetime": {"title": "Acquisition time", "type": "string", "format": "date-time"},
            "start_datetime": {"title": "Start of acquisition", "type": "string", "format": "date-time"},
            "end_datetime": {"title": "End of acquisition", "type": "string", "format": "date-time"},
            "platform": {"title": "Satellite", "type": "string"},
            "constellation": {"title": "Constellation", "type": "string"},
            "instruments": {"title": "Instruments", "type": "array", "items": {"type": "string"}},
            "gsd": {"title": "Ground sample distance (m)", "type": "number", "minimum": 0},
            "eo:cloud_cover": {"title": "Cloud cover (%)", "type": "number", "minimum": 0, "maximum": 100},
            "view:off_nadir": {"title": "Off-nadir angle (deg)", "type": "number", "minimum": 0, "maximum": 90},
            "view:incidence_angle": {"title": "Incidence angle (deg)", "type": "number", "minimum": 0, "maximum": 90},
            "view:sun_elevation": {"title": "Sun elevation (deg)", "type": "number", "minimum": -90, "maximum": 90},
            "view:sun_azimuth": {"title": "Sun azimuth (deg)", "type": "number", "minimum": 0, "maximum": 360},
            "silkway:status": {"title": "Planned acquisition status", "type": "string",
                               "enum": ["planned", "scheduled", "acquired", "cancelled"]},
            "silkway:request_id": {"title": "Tasking request", "type": "string"}
        },
        "additionalProperties": true
    })
}
