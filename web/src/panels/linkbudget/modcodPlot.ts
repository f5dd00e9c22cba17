/**
 * uPlot of the ACM ladder: for every MODCOD that closes at some fade, the
 * throughput it gives against the share of the year it is available
 * (x: unavailability, % of the year, log scale).
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { LinkReport } from "./types";

export function modcodPlot(container: HTMLElement, report: LinkReport, widthPx: number): uPlot {
  const usable = report.acm.modcods
    .filter((m) => m.availability_pct > 0)
    .map((m) => ({ x: Math.max(1e-4, 100 - m.availability_pct), y: m.throughput_bps / 1e6, name: m.modcod }))
    .sort((a, b) => a.x - b.x || a.y - b.y);
  const data: uPlot.AlignedData = [usable.map((p) => p.x), usable.map((p) => p.y)];
  container.replaceChildren();
  container.setAttribute("role", "img");
  container.setAttribute(
    "aria-label",
    `Throughput per MODCOD against unavailability: ${usable.map((p) => `${p.name} ${p.y.toFixed(1)} Mbit/s at ${p.x.toPrecision(2)} %`).join("; ")}`,
  );
  // Each MODCOD holds from its own availability to the next one's: a step line.
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  return new uPlot(
    {
      width: widthPx,
      height: 260,
      title: "ACM: throughput vs unavailability (MODCOD ladder)",
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { distr: 3, time: false }, y: { range: (_u, _min, max) => [0, Math.ceil(max * 1.1)] } },
      axes: [
        {
          label: "unavailability, % of year (log)",
          // Label the decades only; uPlot passes null for the ticks it drops.
          values: (_u, ticks) => ticks.map((t) => (t !== null && Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9 ? `${t}` : "")),
        },
        { label: "Mbit/s", size: 48 },
      ],
      series: [{}, { label: "throughput", stroke: "#0b5cad", width: 2, ...(stepped ? { paths: stepped } : {}), points: { show: true, size: 6, fill: "#0b5cad" } }],
    },
    data,
    container,
  );
}
