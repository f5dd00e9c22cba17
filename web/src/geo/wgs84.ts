/**
 * The WGS84 ellipsoid and the geostationary radius — the same constants as
 * `silkway_model::wgs84` (NIMA TR8350.2 §3.2; GEO radius from
 * GM = 398 600.4418 km³/s² and one sidereal day, Maral & Bousquet §2.2.5).
 */
export const WGS84_A_KM = 6378.137;
export const WGS84_F = 1 / 298.257223563;
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
export const GEO_RADIUS_KM = 42164.17;

const DEG = Math.PI / 180;

/** Earth-fixed Cartesian position (km) of a geodetic point (NIMA TR8350.2 Eq. 4-14). */
export function ecefFromGeodetic(latDeg: number, lonDeg: number, heightKm: number): [number, number, number] {
  const sLat = Math.sin(latDeg * DEG);
  const cLat = Math.cos(latDeg * DEG);
  const sLon = Math.sin(lonDeg * DEG);
  const cLon = Math.cos(lonDeg * DEG);
  const n = WGS84_A_KM / Math.sqrt(1 - WGS84_E2 * sLat * sLat);
  return [(n + heightKm) * cLat * cLon, (n + heightKm) * cLat * sLon, (n * (1 - WGS84_E2) + heightKm) * sLat];
}
