/**
 * LEO satellites now and their ground tracks over the next orbit, from
 * `POST /api/analyses/orbit/ground-tracks` (SGP4 on the scenario's element
 * sets). Satellites the scenario places on the GEO arc are left out (the
 * arc layer shows them).
 */
import L from "leaflet";
import type { FeatureCollection, MultiLineString } from "geojson";
import { ENDPOINTS } from "../../api/endpoints";
import { postJson } from "../../api/http";

export interface TrackProps {
  satellite: string;
  norad_id: number | null;
  start: string;
  end: string;
  step_s: number;
}

/** One orbit of a sun-synchronous imager (~98.8 min) plus a margin. */
export const TRACK_MINUTES = 100;
export const LEO_TRACK_STYLE: L.PathOptions = { color: "#b0006e", weight: 1.8, opacity: 0.8, dashArray: "6 3" };
export const LEO_NOW_STYLE: L.CircleMarkerOptions = { color: "#ffffff", weight: 2, fillColor: "#b0006e", fillOpacity: 1, radius: 6 };

/** Fetch the tracks from `now` and build the layer group. */
export async function loadLeoLayer(now: Date, geoNames: Set<string>): Promise<{ layer: L.LayerGroup; count: number }> {
  const start = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const end = new Date(start.getTime() + TRACK_MINUTES * 60_000);
  const tracks = await postJson<FeatureCollection<MultiLineString, TrackProps>>(ENDPOINTS.orbitGroundTracks, {
    start: start.toISOString(),
    end: end.toISOString(),
    step_s: 30,
  });
  const group = L.layerGroup();
  let count = 0;
  for (const f of tracks.features) {
    const p = f.properties;
    if (geoNames.has(p.satellite)) continue;
    const lines = f.geometry.coordinates.map((line) => line.map(([lon, lat]) => L.latLng(lat as number, lon as number)));
    const first = lines[0]?.[0];
    if (!first) continue;
    count++;
    const track = L.polyline(lines, { ...LEO_TRACK_STYLE, className: "leo-track", interactive: false });
    track.on("add", () => track.getElement()?.setAttribute("data-satellite", p.satellite));
    const label = `${p.satellite} at ${p.start.slice(11, 16)} UTC: ${first.lat.toFixed(2)}°, ${first.lng.toFixed(2)}° (track: next ${TRACK_MINUTES} min)`;
    const dot = L.circleMarker(first, { ...LEO_NOW_STYLE, className: "leo-now" }).bindTooltip(label);
    dot.on("add", () => {
      const element = dot.getElement();
      element?.setAttribute("data-satellite", p.satellite);
      element?.setAttribute("data-lat-deg", String(first.lat));
      element?.setAttribute("data-lon-deg", String(first.lng));
      element?.setAttribute("tabindex", "0");
      element?.setAttribute("role", "img");
      element?.setAttribute("aria-label", label);
    });
    group.addLayer(track).addLayer(dot);
  }
  return { layer: group, count };
}
