/**
 * The routes of a what-if answer on the map: the cut links crossed out in
 * red, the routes before the cut thin grey, after the cut thick green.
 */
import L from "leaflet";
import type { LinkFeature } from "../../scenario/types";
import type { WhatIfAnswer } from "./types";

export const CUT_STYLE: L.PathOptions = { color: "#c8102e", weight: 7, opacity: 0.9, dashArray: "2 8" };
export const BEFORE_STYLE: L.PathOptions = { color: "#6b7785", weight: 9, opacity: 0.35 };
export const AFTER_STYLE: L.PathOptions = { color: "#1a8f3c", weight: 5, opacity: 0.85 };

function latLngs(link: LinkFeature): L.LatLng[] {
  return link.geometry.coordinates.map(([lon, lat]) => L.latLng(lat as number, lon as number));
}

/** Draw `answer` into `group` (cleared first). */
export function drawRoutes(group: L.LayerGroup, answer: WhatIfAnswer, links: Map<string, LinkFeature>): void {
  group.clearLayers();
  const used = (pick: "before" | "after"): Set<string> =>
    new Set(answer.demands.filter((d) => d.rerouted || d.lost).flatMap((d) => d[pick]?.links ?? []));
  const draw = (ids: Iterable<string>, style: L.PathOptions, className: string): void => {
    for (const id of ids) {
      const link = links.get(id);
      if (!link) continue;
      const line = L.polyline(latLngs(link), { ...style, interactive: false, className });
      line.on("add", () => line.getElement()?.setAttribute("data-link-id", id));
      group.addLayer(line);
    }
  };
  draw(used("before"), BEFORE_STYLE, "whatif-before");
  draw(used("after"), AFTER_STYLE, "whatif-after");
  draw(answer.cut, CUT_STYLE, "whatif-cut");
}
