/**
 * The what-if answer as a table: one row per demand with the route before
 * and after, latency before/after/change (ms) and capacity lost.
 */
import { el } from "../../shell/dom";
import type { DemandOutcome, WhatIfAnswer } from "./types";

const ms = (us: number | null | undefined): string => (us === null || us === undefined ? "—" : (us / 1000).toFixed(3));

function routeText(names: Map<string, string>, nodes: string[] | undefined): string {
  return nodes ? nodes.map((n) => names.get(n) ?? n).join(" → ") : "no route";
}

function outcome(d: DemandOutcome): string {
  if (d.lost) return "lost";
  return d.rerouted ? "re-routed" : "unchanged";
}

/** `names`: node id → display name. */
export function outcomeTable(answer: WhatIfAnswer, names: Map<string, string>, linkNames: Map<string, string>): HTMLElement {
  const cutNames = answer.cut.map((c) => linkNames.get(c) ?? c).join(", ");
  const summary = el(
    "p",
    { id: "whatif-summary", class: "whatif-summary" },
    `Cut ${cutNames} (${answer.cut_capacity_gbps} Gbit/s): ${answer.rerouted} demand(s) re-routed, ${answer.lost} lost.`,
  );
  const tbody = el("tbody");
  for (const d of answer.demands) {
    const row = el(
      "tr",
      { "data-source": d.source, "data-target": d.target, "data-outcome": outcome(d) },
      el("th", { scope: "row" }, `${names.get(d.source) ?? d.source} – ${names.get(d.target) ?? d.target} (${d.gbps} Gbit/s)`),
      el("td", { class: "outcome" }, outcome(d)),
      el("td", { class: "latency-before" }, ms(d.before?.latency_us)),
      el("td", { class: "latency-after" }, ms(d.after?.latency_us)),
      el("td", { class: "latency-change" }, ms(d.latency_change_us)),
      el("td", { class: "lost-capacity" }, d.lost_capacity_gbps.toFixed(0)),
    );
    row.dataset["latencyBeforeUs"] = String(d.before?.latency_us ?? "");
    row.dataset["latencyAfterUs"] = String(d.after?.latency_us ?? "");
    row.dataset["afterLinks"] = (d.after?.links ?? []).join(" ");
    row.title = `Before: ${routeText(names, d.before?.nodes)}\nAfter: ${routeText(names, d.after?.nodes)}`;
    tbody.append(row);
  }
  const routes = el("ul", { class: "whatif-routes" });
  for (const d of answer.demands.filter((x) => x.rerouted || x.lost)) {
    routes.append(
      el(
        "li",
        {},
        el("strong", {}, `${names.get(d.source) ?? d.source} – ${names.get(d.target) ?? d.target}: `),
        `${routeText(names, d.after?.nodes)}`,
      ),
    );
  }
  const table = el(
    "table",
    { class: "data-table", id: "whatif-table" },
    el("caption", {}, "Demands after the cut (latency in ms, capacity in Gbit/s)"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Demand"),
        el("th", { scope: "col" }, "Outcome"),
        el("th", { scope: "col" }, "Before"),
        el("th", { scope: "col" }, "After"),
        el("th", { scope: "col" }, "Change"),
        el("th", { scope: "col" }, "Lost cap."),
      ),
    ),
    tbody,
  );
  return el("div", {}, summary, table, el("h3", {}, "New routes"), routes);
}
