/** The passes as a table (the Gantt's text alternative), sorted by AOS. */
import { el } from "../../shell/dom";
import { type Pass, utc } from "./types";

export function passTable(passes: Pass[]): HTMLTableElement {
  const tbody = el("tbody");
  for (const p of [...passes].sort((a, b) => a.aos.localeCompare(b.aos) || a.satellite.localeCompare(b.satellite))) {
    tbody.append(
      el(
        "tr",
        { "data-satellite": p.satellite, "data-aos": p.aos },
        el("th", { scope: "row" }, p.satellite),
        el("td", { class: "aos" }, utc(p.aos)),
        el("td", { class: "los" }, utc(p.los)),
        el("td", { class: "max-elevation" }, p.max_elevation_deg.toFixed(1)),
        el("td", { class: "duration" }, (p.duration_s / 60).toFixed(1)),
      ),
    );
  }
  return el(
    "table",
    { class: "data-table", id: "pass-table" },
    el("caption", {}, "Passes (UTC; max elevation in degrees; duration in minutes)"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Satellite"),
        el("th", { scope: "col" }, "AOS"),
        el("th", { scope: "col" }, "LOS"),
        el("th", { scope: "col" }, "Max el."),
        el("th", { scope: "col" }, "Min"),
      ),
    ),
    tbody,
  );
}
