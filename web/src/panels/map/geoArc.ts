/**
 * Geostationary satellites on the equator at their orbital slots, the
 * geostationary arc itself, and the part of the arc visible from the
 * selected site (elevation above the site's mask).
 */
import L from "leaflet";
import { type Site, geoLookAngle } from "../../geo/lookAngle";
import type { SatelliteFeature } from "../../scenario/types";
import { GEO_ARC_STYLE, VISIBLE_ARC_STYLE } from "./styles";

/** A GEO satellite as the map and the look-angle table use it. */
export interface GeoSatellite {
  id: string;
  name: string;
  lonDeg: number;
  status: string;
}

/** The GEO satellites of the scenario (satellite features on the equator). */
export function geoSatellites(features: SatelliteFeature[]): GeoSatellite[] {
  return features
    .filter((f) => f.properties.orbit === "geo")
    .map((f) => ({
      id: f.properties.id,
      name: f.properties.name,
      lonDeg: (f.geometry.coordinates as [number, number])[0],
      status: f.properties.status,
    }))
    .sort((a, b) => a.lonDeg - b.lonDeg);
}

export function formatLon(lonDeg: number): string {
  return `${Math.abs(lonDeg).toFixed(1)}°${lonDeg >= 0 ? "E" : "W"}`;
}

/** Satellite markers and the dashed equatorial arc. */
export function geoArcLayer(satellites: GeoSatellite[]): L.LayerGroup {
  const group = L.layerGroup();
  group.addLayer(L.polyline([L.latLng(0, -180), L.latLng(0, 180)], { ...GEO_ARC_STYLE, interactive: false }));
  for (const s of satellites) {
    const label = `${s.name}, GEO ${formatLon(s.lonDeg)}${s.status === "active" ? "" : ` (${s.status})`}`;
    const marker = L.marker([0, s.lonDeg], {
      icon: L.divIcon({ className: "satellite-icon", iconSize: [16, 16] }),
      title: label,
      alt: label,
      keyboard: false,
    }).bindTooltip(label, { direction: "top" });
    marker.on("add", () => marker.getElement()?.setAttribute("data-satellite-id", s.id));
    group.addLayer(marker);
  }
  return group;
}

/**
 * Polylines along the equator over the slots whose elevation from `site`
 * is at least `maskDeg`, sampled every 0.5° (one piece, since the visible
 * arc is contiguous).
 */
export function visibleArc(site: Site, maskDeg: number): L.Polyline | null {
  const points: L.LatLng[] = [];
  for (let lon = site.lonDeg - 90; lon <= site.lonDeg + 90; lon += 0.5) {
    if (geoLookAngle(site, lon).elevationDeg >= maskDeg) points.push(L.latLng(0, lon));
  }
  if (points.length < 2) return null;
  return L.polyline(points, { ...VISIBLE_ARC_STYLE, interactive: false, className: "visible-arc" });
}
