/**
 * The Azerbaijan–Iran land boundary, as used by the spectrum crate's border
 * screening (Natural Earth 1:10m extract), from the API.
 */
import L from "leaflet";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { ENDPOINTS } from "../../api/endpoints";
import { getJson } from "../../api/http";
import { BORDER_STYLE } from "./styles";

export async function loadBorder(): Promise<L.GeoJSON> {
  const body = await getJson<Feature<Geometry> | FeatureCollection<Geometry>>(ENDPOINTS.borderAzIrGeojson);
  if (body?.type !== "Feature" && body?.type !== "FeatureCollection") {
    throw new Error(`${ENDPOINTS.borderAzIrGeojson}: expected a GeoJSON Feature or FeatureCollection`);
  }
  return L.geoJSON(body, { style: { ...BORDER_STYLE, className: "border-line" } }).bindTooltip(
    "Azerbaijan–Iran border (Natural Earth 1:10m)",
    { sticky: true },
  );
}
