/**
 * The look-angle table: azimuth, elevation and slant range from the
 * selected site to every GEO satellite of the scenario, computed in the
 * browser (geo/lookAngle.ts). Rows below the site's elevation mask are
 * marked.
 */
import { type Site, geoLookAngle } from "../../geo/lookAngle";
import { el } from "../../shell/dom";
import { type GeoSatellite, formatLon } from "./geoArc";

export function renderLookAngleTable(
  table: HTMLTableElement,
  site: Site,
  satellites: GeoSatellite[],
  maskDeg: number,
): void {
  const body = el("tbody");
  for (const s of satellites) {
    const look = geoLookAngle(site, s.lonDeg);
    const visible = look.elevationDeg >= maskDeg;
    const row = el(
      "tr",
      { "data-satellite-id": s.id, class: visible ? "visible" : "below-mask" },
      el("th", { scope: "row" }, `${s.name} `, el("span", { class: "muted" }, formatLon(s.lonDeg))),
      el("td", { class: "azimuth" }, look.azimuthDeg.toFixed(1)),
      el("td", { class: "elevation" }, look.elevationDeg.toFixed(1)),
      el("td", { class: "range" }, look.rangeKm.toFixed(0)),
    );
    if (!visible) row.title = `below the ${maskDeg}° elevation mask`;
    // Full precision for scripts and tests; the cells show rounded values.
    row.dataset["azimuthDeg"] = String(look.azimuthDeg);
    row.dataset["elevationDeg"] = String(look.elevationDeg);
    row.dataset["rangeKm"] = String(look.rangeKm);
    body.append(row);
  }
  table.tBodies[0]?.remove();
  table.append(body);
}

/** An empty table with its header and caption. */
export function createLookAngleTable(): HTMLTableElement {
  return el(
    "table",
    { id: "look-angles", class: "data-table" },
    el("caption", {}, "Look angles to GEO satellites (WGS84, no refraction)"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Satellite"),
        el("th", { scope: "col", title: "azimuth, degrees clockwise from true north" }, "Az °"),
        el("th", { scope: "col", title: "elevation above the horizon, degrees" }, "El °"),
        el("th", { scope: "col", title: "slant range, km" }, "Range km"),
      ),
    ),
  );
}
