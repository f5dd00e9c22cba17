/**
 * Rain attenuation contours toward a GEO slot: the GeoJSON isobands of
 * `POST /api/analyses/link/map` (ITU-R P.618-13 §2.5 total attenuation
 * exceeded for p % of the year on a grid), filled by band.
 */
import L from "leaflet";
import type { FeatureCollection, MultiPolygon } from "geojson";
import { ENDPOINTS } from "../../api/endpoints";
import { postJson } from "../../api/http";

export interface BandProps {
  min: number;
  max: number;
}

export interface ContourRequest {
  satellite_lon_deg: number;
  freq_ghz: number;
  p_pct: number;
  d_m: number;
}

/** The map area the contours cover: the scenario's region (lon/lat box). */
export const CONTOUR_BBOX = [36, 30, 82, 56] as const;
const GRID = 48;

/** Sequential fill from pale (low attenuation) to dark (high). */
export function bandColour(index: number, count: number): string {
  const t = count <= 1 ? 1 : index / (count - 1);
  return `hsl(${(200 - 170 * t).toFixed(0)} 75% ${(80 - 42 * t).toFixed(0)}%)`;
}

export async function loadContours(req: ContourRequest): Promise<{ layer: L.GeoJSON; bands: BandProps[] }> {
  const answer = await postJson<FeatureCollection<MultiPolygon, BandProps>>(ENDPOINTS.linkMap, {
    ...req,
    bbox: CONTOUR_BBOX,
    nlat: GRID,
    nlon: GRID,
  });
  const bands = answer.features.map((f) => f.properties);
  const layer = L.geoJSON(answer, {
    interactive: false,
    style: (f) => {
      const i = bands.indexOf(f?.properties as BandProps);
      return { stroke: true, color: bandColour(i, bands.length), weight: 0.5, fillColor: bandColour(i, bands.length), fillOpacity: 0.45, className: "contour-band" };
    },
  });
  return { layer, bands };
}
