/**
 * Planned EO acquisitions on the map: the footprints of the STAC catalog's
 * `planned` collection (scheduled tasking orders, `/stapi`), with the
 * satellite, the time and the order in a tooltip.
 */
import L from "leaflet";
import { ENDPOINTS } from "../../api/endpoints";
import { getJson } from "../../api/http";

interface PlannedItem {
  id: string;
  geometry: GeoJSON.Geometry;
  properties: { datetime?: string; platform?: string; "silkway:order_id"?: string };
}

export const PLANNED_STYLE: L.PathOptions = { color: "#e07b00", weight: 2, dashArray: "4 3", fillOpacity: 0.15, className: "planned-acquisition" };

/** The layer, empty when nothing is planned. */
export async function loadPlannedLayer(): Promise<L.GeoJSON> {
  const page = await getJson<{ features: PlannedItem[] }>(`${ENDPOINTS.stacPlannedItems}?limit=200`);
  return L.geoJSON(undefined, { style: PLANNED_STYLE }).addData({
    type: "FeatureCollection",
    features: page.features.map((item) => ({ type: "Feature", geometry: item.geometry, properties: item.properties })),
  } as GeoJSON.FeatureCollection).eachLayer((layer) => {
    const p = (layer as L.GeoJSON & { feature?: { properties: PlannedItem["properties"] } }).feature?.properties;
    if (p) layer.bindTooltip(`${p.platform ?? "?"} ${p.datetime ?? ""}${p["silkway:order_id"] ? ` — order ${p["silkway:order_id"]}` : ""}`);
  }) as L.GeoJSON;
}
