/** The link report as tables: clear-sky budget and ACM availability levels. */
import { el } from "../../shell/dom";
import type { LinkReport } from "./types";

const db = (v: number | null | undefined, digits = 2): string => (v === null || v === undefined ? "—" : v.toFixed(digits));
const mbps = (bps: number): string => (bps / 1e6).toFixed(2);

function row(id: string, label: string, value: string): HTMLTableRowElement {
  return el("tr", { "data-quantity": id }, el("th", { scope: "row" }, label), el("td", {}, value));
}

export function reportTables(r: LinkReport): HTMLElement {
  const cs = r.clear_sky;
  const budget = el(
    "table",
    { class: "data-table", id: "link-budget-table" },
    el("caption", {}, `Clear sky: ${r.uplink.name} → ${r.satellite} → ${r.downlink.name}`),
    el(
      "tbody",
      {},
      row("uplink-elevation", "Uplink elevation (°)", db(r.uplink.look.elevation_deg, 2)),
      row("downlink-elevation", "Downlink elevation (°)", db(r.downlink.look.elevation_deg, 2)),
      row("uplink-cn", "Uplink C/N (dB)", db(cs.uplink.cn_db)),
      row("downlink-cn", "Downlink C/N (dB)", db(cs.downlink.cn_db)),
      row("thermal-cn", "End-to-end thermal C/N (dB)", db(cs.cn_thermal_db)),
      row("ci", "C/I, all sources (dB)", db(cs.ci_db)),
      row("cnir", "End-to-end C/(N+I) (dB)", db(cs.cnir_db)),
      row("clear-sky-modcod", "Clear-sky MODCOD", r.clear_sky_modcod ?? "none closes"),
      row("clear-sky-throughput", "Clear-sky throughput (Mbit/s)", mbps(r.clear_sky_throughput_bps)),
      row("mean-throughput", "Mean throughput over the year (Mbit/s)", mbps(r.acm.mean_throughput_bps)),
      row("outage", "Outage (min/year)", db(r.acm.outage_minutes_per_year, 1)),
    ),
  );
  const levels = el("tbody");
  for (const l of r.acm.levels) {
    levels.append(
      el(
        "tr",
        { "data-availability-pct": String(l.availability_pct) },
        el("th", { scope: "row" }, `${l.availability_pct}`),
        el("td", {}, db(l.attenuation_db)),
        el("td", {}, db(l.esn0_db)),
        el("td", { class: "modcod" }, l.best_modcod ?? "outage"),
        el("td", { class: "margin" }, db(l.excess_margin_db)),
        el("td", {}, mbps(l.throughput_bps)),
      ),
    );
  }
  const levelTable = el(
    "table",
    { class: "data-table", id: "link-levels-table" },
    el("caption", {}, "ACM per availability level (rain fade, P.618)"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Avail. %"),
        el("th", { scope: "col" }, "Fade dB"),
        el("th", { scope: "col" }, "Es/N0 dB"),
        el("th", { scope: "col" }, "MODCOD"),
        el("th", { scope: "col" }, "Margin dB"),
        el("th", { scope: "col" }, "Mbit/s"),
      ),
    ),
    levels,
  );
  const warnings = r.warnings.length ? el("ul", { class: "warnings" }, ...r.warnings.map((w) => el("li", {}, w))) : "";
  return el("div", {}, budget, levelTable, warnings);
}
