/**
 * Spectrum: the frequency assignments with the AZ–IR border screening
 * (those whose field strength at the border exceeds the trigger, and the
 * administration to coordinate with, are marked, on the table and on the
 * map with the border) and the coordination requests board.
 */
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { ENDPOINTS } from "../../api/endpoints";
import { getJson, postJson } from "../../api/http";
import { el } from "../../shell/dom";
import { loadBasemap } from "../map/basemap";
import type { PanelContext, PanelHandle } from "../panel";
import { type Assignment, type BorderReport, assignmentsTable } from "./assignments";
import { type Me, mountBoard } from "./board";

export async function mount(container: HTMLElement, context: PanelContext): Promise<PanelHandle> {
  const mapElement = el("div", { id: "spectrum-map", class: "map", role: "img", "aria-label": "Map of the AZ–IR border and the worst border points of triggering assignments" });
  const side = el("div", { class: "spectrum-side" });
  container.append(el("div", { class: "map-layout wide-side" }, side, mapElement));
  const map = L.map(mapElement, { center: [39.0, 48.5], zoom: 6, attributionControl: false });
  L.control.attribution({ prefix: false }).addAttribution("Natural Earth (public domain)").addTo(map);

  const [basemap, border, assignments, screening, me] = await Promise.all([
    loadBasemap(),
    getJson<GeoJSON.Feature>(ENDPOINTS.borderAzIrGeojson),
    getJson<{ items: { body: Assignment }[] }>(`${ENDPOINTS.assignments}?limit=200`),
    postJson<{ reports: BorderReport[]; border: string[] }>(ENDPOINTS.spectrumBorder, {}),
    getJson<Me>(ENDPOINTS.whoami),
  ]);
  // Stored documents: the assignment is the record's body.
  const assignmentList = assignments.items.map((r) => r.body);
  basemap.addTo(map);
  L.geoJSON(border, { style: { color: "#7a1f5c", weight: 3 } }).addTo(map);
  for (const r of screening.reports.filter((x) => x.coordinate_with.length > 0)) {
    L.circleMarker([r.worst_lat_deg, r.worst_lon_deg], { radius: 7, color: "#c8102e", className: "trigger-point" })
      .bindTooltip(`${r.assignment}: ${r.max_field_dbuv_m.toFixed(1)} dBµV/m at the border, ${r.margin_db?.toFixed(1)} dB over the trigger — coordinate with ${r.coordinate_with.join(", ")}`)
      .addTo(map);
  }
  const triggering = screening.reports.filter((x) => x.coordinate_with.length > 0).length;
  side.append(
    el("h2", {}, "Spectrum"),
    el("p", { id: "screening-summary" }, `${triggering} of ${screening.reports.length} transmitters exceed the trigger at the ${screening.border.join("–")} border (free-space path loss, ITU-R P.525).`),
    assignmentsTable(assignmentList, screening.reports),
  );
  const boardRoot = el("div", { id: "coordination" });
  side.append(boardRoot);
  await mountBoard(boardRoot, me, assignmentList.map((a) => a.id), context.status);
  container.dataset["loaded"] = "true";
  return { shown: () => map.invalidateSize() };
}
