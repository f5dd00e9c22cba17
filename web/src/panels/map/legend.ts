/**
 * The map legend, drawn from the same style values as the map (styles.ts)
 * with small inline SVG swatches.
 */
import type { PathOptions } from "leaflet";
import { el } from "../../shell/dom";
import { BORDER_STYLE, GEO_ARC_STYLE, PLANNED_DASH, ROLE_COLOURS, SATELLITE_HOP_DASH, VISIBLE_ARC_STYLE } from "./styles";

const SVG_NS = "http://www.w3.org/2000/svg";

function lineSwatch(style: PathOptions): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", "36");
  svg.setAttribute("height", "12");
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS(SVG_NS, "line");
  line.setAttribute("x1", "2");
  line.setAttribute("y1", "6");
  line.setAttribute("x2", "34");
  line.setAttribute("y2", "6");
  line.setAttribute("stroke", style.color ?? "#000");
  line.setAttribute("stroke-width", String(Math.min(style.weight ?? 2, 5)));
  if (style.dashArray) line.setAttribute("stroke-dasharray", String(style.dashArray));
  svg.append(line);
  return svg;
}

function iconSwatch(className: string): HTMLElement {
  // The wrapper takes the swatch column's width; the icon keeps its own size.
  return el("span", { class: "legend-swatch", "aria-hidden": "true" }, el("span", { class: `legend-icon ${className}` }));
}

export function createLegend(): HTMLElement {
  const items: [Node, string][] = [
    [iconSwatch("station-icon station-teleport"), "Teleport or ground station"],
    [iconSwatch("station-icon station-earth_station"), "Earth station"],
    [iconSwatch("station-icon station-vsat"), "VSAT"],
    [iconSwatch("station-icon station-terrestrial"), "Fixed-link terminal"],
    [iconSwatch("node-swatch"), "Network node (city, landing station)"],
    [lineSwatch({ color: ROLE_COLOURS.main, weight: 4 }), "Main route"],
    [lineSwatch({ color: ROLE_COLOURS.reserve, weight: 3.5 }), "Reserve route"],
    [lineSwatch({ color: ROLE_COLOURS.none, weight: 2.5 }), "Other fiber"],
    [lineSwatch({ color: ROLE_COLOURS.none, weight: 2.5, dashArray: PLANNED_DASH }), "Planned (dashed); active is solid"],
    [lineSwatch({ color: ROLE_COLOURS.backup, weight: 2, dashArray: SATELLITE_HOP_DASH }), "Satellite hop"],
    [iconSwatch("satellite-icon"), "GEO satellite at its slot"],
    [lineSwatch(GEO_ARC_STYLE), "Geostationary arc"],
    [lineSwatch(VISIBLE_ARC_STYLE), "Arc visible from the site"],
    [lineSwatch(BORDER_STYLE), "Azerbaijan–Iran border"],
  ];
  const list = el("ul", { class: "legend" });
  for (const [swatch, text] of items) list.append(el("li", {}, swatch, el("span", {}, text)));
  return el("section", { class: "legend-box", "aria-labelledby": "legend-heading" }, el("h2", { id: "legend-heading" }, "Legend"), list);
}
