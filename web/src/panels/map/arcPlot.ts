/**
 * A uPlot chart of the elevation of every geostationary slot seen from the
 * selected site (the visible arc), with the scenario's satellites marked
 * and the site's elevation mask as a reference line.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { type Site, geoArcElevations, geoLookAngle, wrapLonDeg } from "../../geo/lookAngle";
import type { GeoSatellite } from "./geoArc";

export interface ArcPlot {
  update(site: Site, satellites: GeoSatellite[], maskDeg: number): void;
}

export function createArcPlot(container: HTMLElement, widthPx: number): ArcPlot {
  let plot: uPlot | null = null;
  return {
    update(site, satellites, maskDeg) {
      const arc = geoArcElevations(site);
      // Satellite slots, unwrapped to the site's ±90° window so they fall on the x axis.
      const slots = satellites
        .map((s) => ({ s, x: site.lonDeg + wrapLonDeg(s.lonDeg - site.lonDeg) }))
        .filter(({ x }) => Math.abs(x - site.lonDeg) <= 90);
      const xs = [...arc.lonDeg, ...slots.map((p) => p.x)].sort((a, b) => a - b);
      const elevation = xs.map((x) => geoLookAngle(site, x).elevationDeg);
      const marked = xs.map((x) => (slots.some((p) => p.x === x) ? geoLookAngle(site, x).elevationDeg : null));
      const mask = xs.map(() => maskDeg);
      const data: uPlot.AlignedData = [xs, elevation, marked, mask];
      if (plot) {
        plot.setData(data);
        return;
      }
      plot = new uPlot(
        {
          width: widthPx,
          height: 150,
          title: "Elevation of the GEO arc",
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: { y: { range: [-10, 90] } },
          axes: [
            { label: "slot longitude", values: (_u, ticks) => ticks.map((t) => `${wrapLonDeg(t).toFixed(0)}°`) },
            { label: "elevation °", size: 40, splits: () => [0, 30, 60, 90] },
          ],
          series: [
            {},
            { label: "elevation °", stroke: "#1a8f3c", width: 2 },
            { label: "scenario satellites", stroke: "#0b5cad", width: 0, points: { show: true, size: 8, fill: "#0b5cad" } },
            { label: "elevation mask °", stroke: "#c8102e", width: 1, dash: [4, 4] },
          ],
        },
        data,
        container,
      );
    },
  };
}
