/**
 * The scenario's stations, network nodes and links as Leaflet layers.
 *
 * Stations are keyboard-focusable markers (Tab reaches them, Enter selects
 * them as the look-angle site); nodes and links are vector features with
 * tooltips.
 */
import L from "leaflet";
import type { LinkFeature, NodeFeature, StationFeature } from "../../scenario/types";
import { NODE_RADIUS_PX, NODE_STYLE, linkStyle } from "./styles";

const KIND_LABELS: Record<string, string> = {
  teleport: "teleport",
  ground_station: "ground station",
  earth_station: "earth station",
  vsat: "VSAT",
  terrestrial: "fixed-link terminal",
};

/** Markers for `stations`; `onSelect` is called on click or Enter. */
export function stationLayer(stations: StationFeature[], onSelect: (s: StationFeature) => void): L.LayerGroup {
  const group = L.layerGroup();
  for (const s of stations) {
    const [lon, lat] = s.geometry.coordinates as [number, number];
    const p = s.properties;
    const label = `${p.name} (${KIND_LABELS[p.kind] ?? p.kind})`;
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ className: `station-icon station-${p.kind}`, iconSize: [14, 14] }),
      title: label,
      alt: label,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on("add", () => {
      const element = marker.getElement();
      if (!element) return;
      element.dataset["stationId"] = p.id;
      element.setAttribute("role", "button");
      element.setAttribute("aria-label", `Station ${label}: show look angles`);
    });
    // Leaflet makes the icon focusable (role=button) but a div does not
    // click on Enter/Space by itself.
    marker.on("keypress", (event: L.LeafletKeyboardEvent) => {
      const key = event.originalEvent.key;
      if (key === "Enter" || key === " ") {
        event.originalEvent.preventDefault();
        onSelect(s);
      }
    });
    marker.on("click", () => onSelect(s));
    group.addLayer(marker);
  }
  return group;
}

/** Network nodes (cities, landing stations...) as small dots. */
export function nodeLayer(nodes: NodeFeature[]): L.LayerGroup {
  const group = L.layerGroup();
  for (const n of nodes) {
    const [lon, lat] = n.geometry.coordinates as [number, number];
    const p = n.properties;
    const dot = L.circleMarker([lat, lon], { ...NODE_STYLE, radius: NODE_RADIUS_PX, className: "network-node" }).bindTooltip(
      `${p.name}${p.country ? ` (${p.country})` : ""} — ${p.kind.replace("_", " ")}`,
    );
    // Chromium makes SVG shapes with focus listeners (the tooltip's) tab
    // stops; a node only repeats its name, so it stays out of the tab order.
    dot.on("add", () => dot.getElement()?.setAttribute("tabindex", "-1"));
    group.addLayer(dot);
  }
  return group;
}

/** Links (fiber and satellite hops), styled by role and status (styles.ts). */
export function linkLayer(links: LinkFeature[]): L.LayerGroup {
  const group = L.layerGroup();
  for (const l of links) {
    const p = l.properties;
    const latLngs = l.geometry.coordinates.map(([lon, lat]) => L.latLng(lat as number, lon as number));
    const facts = [
      p.kind.replace("_", " "),
      p.role ? `${p.role} route` : null,
      p.status,
      p.length_km !== null && p.length_km !== undefined ? `${p.length_km.toFixed(0)} km` : null,
      p.capacity_gbps ? `${p.capacity_gbps} Gbit/s` : null,
    ].filter(Boolean);
    const description = `${p.name}: ${facts.join(", ")}`;
    const line = L.polyline(latLngs, {
      ...linkStyle(p),
      className: `network-link link-${p.role ?? "none"} link-${p.status} link-${p.kind}`,
    }).bindTooltip(description, { sticky: true });
    // A tab stop that reads out the link's facts (its tooltip shows on focus).
    line.on("add", () => {
      const element = line.getElement();
      element?.setAttribute("tabindex", "0");
      element?.setAttribute("role", "img");
      element?.setAttribute("aria-label", description);
      if (element) (element as SVGElement).dataset["linkId"] = p.id;
    });
    group.addLayer(line);
  }
  return group;
}
