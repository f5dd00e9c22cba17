/**
 * Corridor what-if: choose a cable (click it on the map, or pick it from
 * the list), cut it, and see how the scenario's demands re-route
 * (`POST /api/analyses/net/what-if`): the new paths on the map, latency
 * before/after per demand, capacity lost.
 */
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { ENDPOINTS } from "../../api/endpoints";
import { getJson, postJson } from "../../api/http";
import { type LinkFeature, splitScenario } from "../../scenario/types";
import { el } from "../../shell/dom";
import { loadBasemap } from "../map/basemap";
import { linkLayer, nodeLayer } from "../map/scenarioLayers";
import type { PanelContext, PanelHandle } from "../panel";
import { createAlsoCut } from "./alsoCut";
import { outcomeTable } from "./outcomeTable";
import { AFTER_STYLE, BEFORE_STYLE, CUT_STYLE, drawRoutes } from "./routesLayer";
import type { WhatIfAnswer } from "./types";

export async function mount(container: HTMLElement, context: PanelContext): Promise<PanelHandle> {
  const mapElement = el("div", { id: "whatif-map", class: "map", role: "application", "aria-label": "Network map: click a cable to choose it" });
  const sidebar = el("aside", { class: "map-sidebar", "aria-label": "Corridor what-if" });
  container.append(el("div", { class: "map-layout wide-side" }, sidebar, mapElement));

  const map = L.map(mapElement, { center: [42, 50], zoom: 4, minZoom: 2, maxZoom: 12, attributionControl: false, zoomSnap: 0.25 });
  L.control.attribution({ prefix: false }).addAttribution("Natural Earth (public domain)").addTo(map);
  const [basemap, scenario] = await Promise.all([loadBasemap(), getJson<unknown>(ENDPOINTS.scenarioGeojson).then(splitScenario)]);
  basemap.addTo(map);

  const nodeNames = new Map(scenario.nodes.map((n) => [n.properties.id, n.properties.name]));
  const links = new Map<string, LinkFeature>(scenario.links.map((l) => [l.properties.id, l]));
  const linkNames = new Map(scenario.links.map((l) => [l.properties.id, l.properties.name]));
  const cables = scenario.links.filter((l) => l.properties.kind !== "satellite");

  const select = el("select", { id: "cut-link", name: "cut-link" });
  select.append(el("option", { value: "" }, "— choose a cable —"));
  for (const c of [...cables].sort((a, b) => a.properties.name.localeCompare(b.properties.name))) {
    const p = c.properties;
    select.append(el("option", { value: p.id }, `${p.name}${p.role ? ` (${p.role})` : ""}${p.status === "planned" ? ", planned" : ""}`));
  }
  const planned = el("input", { type: "checkbox", id: "whatif-planned", name: "whatif-planned" });
  const button = el("button", { type: "submit", id: "whatif-run", "data-min-role": "viewer" }, "Cut and re-route");
  const alsoCut = createAlsoCut(select, linkNames, context.status);
  const form = el(
    "form",
    { class: "whatif-form", "aria-label": "Cut a cable" },
    el("label", { for: "cut-link" }, "Cable to cut"),
    select,
    alsoCut.element,
    el("div", { class: "toggle" }, planned, el("label", { for: "whatif-planned" }, "Include planned links")),
    button,
  );
  const results = el("div", { id: "whatif-results", "aria-live": "polite" });
  const swatch = (style: L.PathOptions): HTMLElement =>
    el("span", {}, el("span", { class: "legend-line", style: `border-top: ${style.weight ?? 3}px ${style.dashArray ? "dashed" : "solid"} ${style.color}; opacity: ${style.opacity ?? 1}` }));
  const legend = el(
    "ul",
    { class: "legend whatif-legend", "aria-label": "What-if map legend" },
    el("li", {}, swatch(CUT_STYLE), "cut cable"),
    el("li", {}, swatch(BEFORE_STYLE), "route before the cut"),
    el("li", {}, swatch(AFTER_STYLE), "route after the cut"),
  );
  sidebar.append(el("h2", {}, "Corridor what-if"), form, legend, results);

  const network = linkLayer(scenario.links).addTo(map);
  nodeLayer(scenario.nodes).addTo(map);
  const routes = L.layerGroup().addTo(map);
  const choose = (id: string | null | undefined): void => {
    if (id && cables.some((c) => c.properties.id === id)) {
      select.value = id;
      context.status(`Cable chosen: ${linkNames.get(id) ?? id}. Press "Cut and re-route".`);
      // After Leaflet has finished with the event (its tooltip closes on blur).
      setTimeout(() => button.focus(), 0);
    }
  };
  // A cable is chosen by a click, or by Enter on its tab stop (linkLayer makes each link one).
  network.eachLayer((layer) => {
    const element = (layer as L.Path).getElement();
    layer.on("click", () => choose(element?.getAttribute("data-link-id")));
    element?.addEventListener("keydown", (event) => {
      if ((event as KeyboardEvent).key === "Enter") choose(element.getAttribute("data-link-id"));
    });
  });
  const bounds = L.latLngBounds([]);
  for (const l of cables) for (const [lon, lat] of l.geometry.coordinates) bounds.extend([lat as number, lon as number]);
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const cut = [...new Set([select.value, ...alsoCut.ids()].filter(Boolean))];
    if (cut.length === 0) {
      context.status("Choose a cable to cut first.", "error");
      select.focus();
      return;
    }
    button.disabled = true;
    results.replaceChildren(el("p", { class: "muted" }, "Re-routing…"));
    const body = { cut, ...(planned.checked ? { network: { include_planned: true } } : {}) };
    postJson<WhatIfAnswer>(ENDPOINTS.netWhatIf, body)
      .then((answer) => {
        results.replaceChildren(outcomeTable(answer, nodeNames, linkNames));
        drawRoutes(routes, answer, links);
        results.dataset["cut"] = cut.join(" ");
        context.status(`What-if: ${answer.rerouted} re-routed, ${answer.lost} lost.`);
      })
      .catch((err: unknown) => {
        results.replaceChildren();
        context.status(`What-if: ${err instanceof Error ? err.message : String(err)}`, "error");
      })
      .finally(() => {
        button.disabled = false;
      });
  });

  container.dataset["loaded"] = "true";
  return { shown: () => map.invalidateSize() };
}
