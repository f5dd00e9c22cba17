/**
 * The map panel: the offline basemap, the scenario's stations, network and
 * GEO satellites, the Azerbaijan–Iran border, layer toggles, a legend and
 * look angles from a chosen site.
 */
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { ENDPOINTS } from "../../api/endpoints";
import { getJson } from "../../api/http";
import { splitScenario } from "../../scenario/types";
import { el } from "../../shell/dom";
import type { PanelContext, PanelHandle } from "../panel";
import { loadBasemap } from "./basemap";
import { loadBorder } from "./border";
import { loadPlannedLayer } from "./plannedLayer";
import { geoArcLayer, geoSatellites, visibleArc } from "./geoArc";
import { type ToggleableLayer, createLayerToggles } from "./layerToggles";
import { createAnalysisControls } from "./analysisControls";
import { createLegend } from "./legend";
import { linkLayer, nodeLayer, stationLayer } from "./scenarioLayers";
import { DEFAULT_MASK_DEG, type SelectedSite, createSitePanel, stationSite } from "./sitePanel";
import { SITE_STYLE } from "./styles";

export async function mount(container: HTMLElement, context: PanelContext): Promise<PanelHandle> {
  performance.mark("silkway:map-code-loaded");
  const mapElement = el("div", { id: "map", class: "map", role: "application", "aria-label": "Map" });
  const sidebar = el("aside", { class: "map-sidebar", "aria-label": "Map controls" });
  // The sidebar comes first in the DOM (and so in the tab order: controls
  // before the many map features); the grid shows it on the right.
  container.append(el("div", { class: "map-layout" }, sidebar, mapElement));

  const map = L.map(mapElement, {
    center: [42, 50],
    zoom: 4,
    minZoom: 2,
    maxZoom: 12,
    worldCopyJump: false,
    attributionControl: false,
    zoomSnap: 0.25,
  });
  L.control.attribution({ prefix: false }).addAttribution("Natural Earth (public domain)").addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  // Everything the panel draws is fetched in parallel; the basemap alone
  // is enough to paint.
  const basemapPromise = loadBasemap().then((basemap) => {
    basemap.addTo(map);
    performance.mark("silkway:basemap-drawn");
    return basemap;
  });
  const scenarioPromise = getJson<unknown>(ENDPOINTS.scenarioGeojson).then(splitScenario);
  const borderPromise = loadBorder();
  const plannedPromise = loadPlannedLayer();
  const [basemapResult, scenarioResult, borderResult, plannedResult] = await Promise.allSettled([
    basemapPromise,
    scenarioPromise,
    borderPromise,
    plannedPromise,
  ]);
  const errors = [basemapResult, scenarioResult, borderResult, plannedResult]
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => (r.reason instanceof Error ? r.reason.message : String(r.reason)));

  const toggles: ToggleableLayer[] = [];
  if (basemapResult.status === "fulfilled") toggles.push({ id: "basemap", label: "Basemap (Natural Earth)", layer: basemapResult.value });

  let sitePanel: ReturnType<typeof createSitePanel> | null = null;
  let analysisControls: HTMLElement | null = null;
  if (scenarioResult.status === "fulfilled") {
    const scenario = scenarioResult.value;
    const satellites = geoSatellites(scenario.satellites);
    analysisControls = createAnalysisControls(map, satellites, context.status);
    const siteLayer = L.layerGroup().addTo(map);
    const showSite = (site: SelectedSite): void => {
      siteLayer.clearLayers();
      siteLayer.addLayer(
        L.circleMarker([site.latDeg, site.lonDeg], { ...SITE_STYLE, radius: 8, interactive: false, className: "selected-site" }),
      );
      const arc = visibleArc(site, site.maskDeg);
      if (arc) siteLayer.addLayer(arc);
      context.status(`Site: ${site.label}.`);
    };
    sitePanel = createSitePanel(scenario.stations, satellites, showSite);
    const panel = sitePanel;
    const links = linkLayer(scenario.links).addTo(map);
    const nodes = nodeLayer(scenario.nodes).addTo(map);
    const geo = geoArcLayer(satellites).addTo(map);
    const stations = stationLayer(scenario.stations, (s) => panel.select(stationSite(s))).addTo(map);
    toggles.push(
      { id: "stations", label: "Stations", layer: stations },
      { id: "nodes", label: "Network nodes", layer: nodes },
      { id: "links", label: "Fiber network and satellite hops", layer: links },
      { id: "geo", label: "GEO satellites and arc", layer: geo },
      { id: "site", label: "Selected site and visible arc", layer: siteLayer },
    );
    map.on("click", (event: L.LeafletMouseEvent) => {
      const { lat, lng } = event.latlng.wrap();
      panel.select({
        latDeg: lat,
        lonDeg: lng,
        heightM: 0,
        label: "Map point",
        stationId: null,
        maskDeg: DEFAULT_MASK_DEG,
      });
    });
    // Initial view: everything the scenario places, satellites on the equator included.
    const bounds = L.latLngBounds([]);
    for (const f of [...scenario.stations, ...scenario.nodes, ...scenario.satellites]) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      bounds.extend([lat, lon]);
    }
    for (const l of scenario.links) for (const [lon, lat] of l.geometry.coordinates) bounds.extend([lat as number, lon as number]);
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24] });
  }
  if (borderResult.status === "fulfilled") {
    toggles.push({ id: "border", label: "Azerbaijan–Iran border", layer: borderResult.value.addTo(map) });
  }
  if (plannedResult.status === "fulfilled") {
    toggles.push({ id: "planned", label: "Planned EO acquisitions", layer: plannedResult.value.addTo(map) });
  }

  sidebar.append(createLayerToggles(map, toggles));
  if (analysisControls) sidebar.append(analysisControls);
  if (sitePanel) sidebar.append(sitePanel.element);
  sidebar.append(createLegend());

  if (errors.length > 0) context.status(`Map: ${errors.join("; ")}`, "error");
  else context.status("Map loaded.");
  container.dataset["loaded"] = errors.length === 0 ? "true" : "partial";

  return { shown: () => map.invalidateSize() };
}
