/**
 * Look angles from a ground site to an ideal geostationary satellite.
 *
 * The site (geodetic latitude φ, longitude λ, height h on WGS84) and the
 * satellite (on the equator at radius 42 164.17 km, longitude λs) are put
 * in Earth-fixed Cartesian coordinates; their difference d is rotated into
 * the site's local east-north-up frame:
 *
 *   e = −sin λ·dx + cos λ·dy
 *   n = −sin φ cos λ·dx − sin φ sin λ·dy + cos φ·dz
 *   u =  cos φ cos λ·dx + cos φ sin λ·dy + sin φ·dz
 *
 * elevation = atan2(u, √(e² + n²)), azimuth = atan2(e, n) clockwise from
 * geodetic north, range = |d|. φ is geodetic, so the elevation is measured
 * from the ellipsoid's tangent plane (what a levelled antenna mount sees).
 * No refraction. Same geometry as `silkway_model::wgs84` and the orbit
 * crate's GEO look angles; e.g. Baku (40.41°N 49.87°E) → 46°E gives
 * elevation 43.1° (FACTS.md), range 37 539 km.
 *
 * Reference: NIMA TR8350.2 Eq. 4-14; Vallado, *Fundamentals of
 * Astrodynamics and Applications*, 4th ed., §3.4 (SEZ/ENU rotations).
 */
import { GEO_RADIUS_KM, ecefFromGeodetic } from "./wgs84";

const DEG = Math.PI / 180;

/** Where to point from a site, in degrees and km. */
export interface LookAngle {
  /** Clockwise from geodetic north, 0 ≤ azimuthDeg < 360. */
  azimuthDeg: number;
  /** Above the local horizontal plane; negative below the horizon. */
  elevationDeg: number;
  rangeKm: number;
}

/** A point on the ground: degrees north/east, metres above the ellipsoid. */
export interface Site {
  latDeg: number;
  lonDeg: number;
  heightM: number;
}

/** Look angle from `site` to the geostationary slot at `satLonDeg` east. */
export function geoLookAngle(site: Site, satLonDeg: number): LookAngle {
  const [px, py, pz] = ecefFromGeodetic(site.latDeg, site.lonDeg, site.heightM / 1000);
  const dx = GEO_RADIUS_KM * Math.cos(satLonDeg * DEG) - px;
  const dy = GEO_RADIUS_KM * Math.sin(satLonDeg * DEG) - py;
  const dz = -pz;
  const sLat = Math.sin(site.latDeg * DEG);
  const cLat = Math.cos(site.latDeg * DEG);
  const sLon = Math.sin(site.lonDeg * DEG);
  const cLon = Math.cos(site.lonDeg * DEG);
  const e = -sLon * dx + cLon * dy;
  const n = -sLat * cLon * dx - sLat * sLon * dy + cLat * dz;
  const u = cLat * cLon * dx + cLat * sLon * dy + sLat * dz;
  const azimuthDeg = ((Math.atan2(e, n) / DEG) % 360 + 360) % 360;
  return {
    azimuthDeg,
    elevationDeg: Math.atan2(u, Math.hypot(e, n)) / DEG,
    rangeKm: Math.hypot(dx, dy, dz),
  };
}

/**
 * Elevation (deg) of the geostationary slots a site can see, sampled every
 * `stepDeg` of satellite longitude from 90° west to 90° east of the site
 * (the whole visible arc lies within ±81.3°). Longitudes are unwrapped
 * (monotonic, may leave −180..180) so they can be plotted as an x axis;
 * {@link wrapLonDeg} turns them back into east longitudes.
 */
export function geoArcElevations(site: Site, stepDeg = 0.5): { lonDeg: number[]; elevationDeg: number[] } {
  const lonDeg: number[] = [];
  const elevationDeg: number[] = [];
  const steps = Math.round(180 / stepDeg);
  for (let i = 0; i <= steps; i++) {
    const lon = site.lonDeg - 90 + i * stepDeg;
    lonDeg.push(lon);
    elevationDeg.push(geoLookAngle(site, lon).elevationDeg);
  }
  return { lonDeg, elevationDeg };
}

/** A longitude in degrees east folded into −180 < lon ≤ 180. */
export function wrapLonDeg(lonDeg: number): number {
  const w = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  return w === -180 ? 180 : w;
}
