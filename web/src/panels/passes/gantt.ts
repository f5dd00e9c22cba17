/**
 * Pass timeline as a Gantt chart (SVG): one row per satellite, one bar per
 * pass from AOS to LOS, shaded by maximum elevation. Every bar is a tab
 * stop whose label (and hover title) gives AOS, LOS and max elevation;
 * focusing or hovering it shows the same in the detail line.
 */
import { type Pass, describePass } from "./types";

const SVG = "http://www.w3.org/2000/svg";
const ROW_PX = 26;
const LABEL_PX = 150;
const AXIS_PX = 22;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Bar colour: pale for low passes, dark for high ones (0–90°). */
function shade(maxElevationDeg: number): string {
  const t = Math.min(1, Math.max(0, maxElevationDeg / 90));
  const light = 78 - 50 * t;
  return `hsl(210 70% ${light.toFixed(0)}%)`;
}

export function gantt(passes: Pass[], startMs: number, endMs: number, widthPx: number, onFocus: (p: Pass) => void): SVGSVGElement {
  const satellites = [...new Set(passes.map((p) => p.satellite))].sort();
  const height = AXIS_PX + ROW_PX * Math.max(1, satellites.length);
  const plotW = widthPx - LABEL_PX - 20; // room for the last hour label
  const x = (ms: number): number => LABEL_PX + ((ms - startMs) / (endMs - startMs)) * plotW;
  const root = svg("svg", { width: widthPx, height, class: "gantt", role: "group", "aria-label": "Passes per satellite (Gantt)" });

  // Hour ticks (every 1, 3 or 6 h so labels do not crowd).
  const hours = (endMs - startMs) / 3_600_000;
  const stepH = hours <= 12 ? 1 : hours <= 48 ? 3 : 6;
  for (let t = Math.ceil(startMs / 3_600_000 / stepH) * stepH * 3_600_000; t <= endMs; t += stepH * 3_600_000) {
    root.append(svg("line", { x1: x(t), x2: x(t), y1: AXIS_PX - 4, y2: height, class: "gantt-tick" }));
    const label = svg("text", { x: x(t), y: AXIS_PX - 8, class: "gantt-axis", "text-anchor": "middle" });
    label.textContent = new Date(t).toISOString().slice(11, 16);
    root.append(label);
  }
  satellites.forEach((name, row) => {
    const y = AXIS_PX + row * ROW_PX;
    const label = svg("text", { x: 4, y: y + ROW_PX / 2 + 4, class: "gantt-label" });
    label.textContent = name;
    root.append(svg("line", { x1: LABEL_PX, x2: widthPx, y1: y + ROW_PX, y2: y + ROW_PX, class: "gantt-row" }), label);
    for (const p of passes.filter((q) => q.satellite === name)) {
      const x0 = x(Date.parse(p.aos));
      const x1 = x(Date.parse(p.los));
      const text = describePass(p);
      const bar = svg("rect", {
        x: x0,
        y: y + 4,
        width: Math.max(3, x1 - x0),
        height: ROW_PX - 8,
        rx: 2,
        fill: shade(p.max_elevation_deg),
        class: "gantt-bar",
        tabindex: 0,
        role: "img",
        "aria-label": text,
        "data-satellite": p.satellite,
        "data-aos": p.aos,
        "data-los": p.los,
        "data-max-elevation-deg": p.max_elevation_deg,
      });
      const title = svg("title", {});
      title.textContent = text;
      bar.append(title);
      bar.addEventListener("focus", () => onFocus(p));
      bar.addEventListener("mouseenter", () => onFocus(p));
      root.append(bar);
    }
  });
  return root;
}
