//! Default collections of the EO desk and planned acquisitions as items.

use serde_json::{Map, Value, json};
use sqlx::AnyPool;

use crate::datetime::{EpochUs, format_rfc3339};
use crate::document::{STAC_VERSION, collection_document, item_record};
use crate::error::{CatalogError, Result};
use crate::storage::Storage;

/// Id of the archive imagery collection.
pub const ARCHIVE_COLLECTION: &str = "spot6-7";
/// Id of the planned acquisitions collection.
pub const PLANNED_COLLECTION: &str = "planned";

/// Region the desk covers: the Caspian basin and its shores
/// `[west, south, east, north]`, degrees.
pub const CASPIAN_BBOX: [f64; 4] = [44.0, 35.5, 62.0, 48.5];

fn providers() -> Value {
    json!([
        {"name": "Airbus Defence and Space", "roles": ["producer", "licensor"],
         "url": "https://www.intelligence-airbusds.com/"},
        {"name": "Azercosmos", "roles": ["processor", "host"], "url": "https://azercosmos.az/"}
    ])
}

/// The archive collection document.
pub fn archive_collection() -> Value {
    json!({
        "type": "Collection",
        "stac_version": STAC_VERSION,
        "id": ARCHIVE_COLLECTION,
        "title": "SPOT 6/7 archive",
        "description": "SPOT 6 and SPOT 7 scenes (1.5 m panchromatic, 6 m multispectral) over the Caspian region held by the silkway EO desk.",
        "keywords": ["SPOT", "optical", "very high resolution", "Caspian"],
        "license": "proprietary",
        "providers": providers(),
        "extent": {
            "spatial": {"bbox": [CASPIAN_BBOX]},
            "temporal": {"interval": [["2012-09-09T00:00:00Z", null]]}
        },
        "summaries": {
            "platform": ["spot-6", "spot-7"],
            "constellation": ["spot"],
            "instruments": ["naomi"],
            "gsd": [1.5, 6.0]
        },
        "links": [
            {"rel": "license", "href": "https://www.intelligence-airbusds.com/en/8723-pleiades-and-spot-6-7-imagery-licence", "type": "text/html", "title": "SPOT 6/7 licence"}
        ]
    })
}

/// The planned acquisitions collection document.
pub fn planned_collection() -> Value {
    json!({
        "type": "Collection",
        "stac_version": STAC_VERSION,
        "id": PLANNED_COLLECTION,
        "title": "Planned acquisitions",
        "description": "Acquisitions planned by the silkway EO planner: footprint, time window and satellite of each scheduled strip. An item becomes archive imagery once acquired.",
        "keywords": ["tasking", "acquisition plan", "Caspian"],
        "license": "proprietary",
        "providers": providers(),
        "extent": {
            "spatial": {"bbox": [CASPIAN_BBOX]},
            "temporal": {"interval": [["2026-01-01T00:00:00Z", null]]}
        },
        "summaries": {
            "silkway:status": ["planned", "scheduled", "acquired", "cancelled"]
        },
        "links": []
    })
}

/// Creates the default collections when they are missing; existing ones
/// (possibly edited by users) are left as they are. Runs [`crate::migrate`]
/// first.
pub async fn seed_default_collections(pool: &AnyPool) -> Result<()> {
    crate::migrate(pool).await?;
    let storage = Storage::new(pool.clone()).await?;
    for document in [archive_collection(), planned_collection()] {
        let (id, document) = collection_document(document, None)?;
        if storage.collection(&id).await?.is_none() {
            storage.upsert_collection(&id, &document).await?;
        }
    }
    Ok(())
}

/// One acquisition planned by the EO planner.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedAcquisition {
    /// Item id, stable across re-planning (e.g. `plan-2026-05-01-spot7-0003`).
    pub id: String,
    /// Satellite (`platform`), e.g. `spot-7`.
    pub satellite: String,
    /// Footprint as a GeoJSON Polygon or MultiPolygon (lon/lat degrees).
    pub footprint: Value,
    /// Start of the acquisition window, µs since the epoch.
    pub start_us: EpochUs,
    /// End of the acquisition window, µs since the epoch.
    pub end_us: EpochUs,
    /// Further properties (e.g. `view:off_nadir`, `silkway:request_id`).
    pub properties: Map<String, Value>,
}

impl PlannedAcquisition {
    /// The STAC Item of this acquisition: `datetime` is the middle of the
    /// window, `start_datetime`/`end_datetime` its ends, `silkway:status`
    /// defaults to `planned`.
    pub fn to_item(&self) -> Value {
        let mut properties = self.properties.clone();
        let mid = self.start_us + (self.end_us - self.start_us) / 2;
        properties.insert("datetime".into(), json!(format_rfc3339(mid)));
        properties.insert(
            "start_datetime".into(),
            json!(format_rfc3339(self.start_us)),
        );
        properties.insert("end_datetime".into(), json!(format_rfc3339(self.end_us)));
        properties.insert("platform".into(), json!(self.satellite));
        properties
            .entry("silkway:status")
            .or_insert_with(|| json!("planned"));
        json!({
            "type": "Feature",
            "stac_version": STAC_VERSION,
            "stac_extensions": [],
            "id": self.id,
            "collection": PLANNED_COLLECTION,
            "geometry": self.footprint,
            "properties": properties,
            "assets": {},
            "links": []
        })
    }
}

/// Creates or replaces planned acquisitions as items of the `planned`
/// collection (created if missing), in one transaction. Returns how many
/// were written. An invalid footprint or window fails the whole call with
/// an error naming the acquisition.
pub async fn upsert_planned_acquisitions(
    pool: &AnyPool,
    acquisitions: &[PlannedAcquisition],
) -> Result<usize> {
    seed_default_collections(pool).await?;
    let storage = Storage::new(pool.clone()).await?;
    let records = acquisitions
        .iter()
        .map(|a| {
            if a.end_us < a.start_us {
                return Err(CatalogError::bad(
                    format!("acquisition {}.end", a.id),
                    "the window ends before it starts",
                ));
            }
            item_record(a.to_item(), PLANNED_COLLECTION, None).map_err(|e| match e {
                CatalogError::BadParameter { parameter, detail } => CatalogError::BadParameter {
                    parameter: format!("acquisition {}.{parameter}", a.id),
                    detail,
                },
                other => other,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    storage.upsert_items(&records).await?;
    Ok(records.len())
}
