/**
 * The "Site" section of the map's sidebar: choose a station (select box or
 * click on its marker) or click anywhere on the map, and see the look
 * angles to the GEO satellites and the elevation of the arc.
 */
import type { Site } from "../../geo/lookAngle";
import type { StationFeature } from "../../scenario/types";
import { el } from "../../shell/dom";
import { createArcPlot } from "./arcPlot";
import type { GeoSatellite } from "./geoArc";
import { createLookAngleTable, renderLookAngleTable } from "./lookAngleTable";

/** A selected site: a station, or a point clicked on the map. */
export interface SelectedSite extends Site {
  label: string;
  stationId: string | null;
  /** Elevation mask, degrees (the station's own, else {@link DEFAULT_MASK_DEG}). */
  maskDeg: number;
}

/** Mask used for a clicked point and stations without one, degrees. */
export const DEFAULT_MASK_DEG = 5;

export interface SitePanel {
  element: HTMLElement;
  select(site: SelectedSite): void;
}

export function stationSite(s: StationFeature): SelectedSite {
  const [lon, lat, alt] = s.geometry.coordinates as [number, number, number?];
  return {
    latDeg: lat,
    lonDeg: lon,
    heightM: alt ?? 0,
    label: s.properties.name,
    stationId: s.properties.id,
    maskDeg: s.properties.elevation_mask_deg ?? DEFAULT_MASK_DEG,
  };
}

export function createSitePanel(
  stations: StationFeature[],
  satellites: GeoSatellite[],
  onSelect: (site: SelectedSite) => void,
): SitePanel {
  const chooser = el("select", { id: "site-select", name: "site" }, el("option", { value: "" }, "— choose a station —"));
  for (const s of [...stations].sort((a, b) => a.properties.name.localeCompare(b.properties.name))) {
    chooser.append(el("option", { value: s.properties.id }, s.properties.name));
  }
  const heading = el("p", { id: "site-label", class: "site-label" }, "Click a station or the map.");
  const table = createLookAngleTable();
  table.hidden = true;
  const plotBox = el("div", { class: "arc-plot", "aria-hidden": "true" });
  const plot = createArcPlot(plotBox, 290);
  const element = el(
    "section",
    { class: "site-panel", "aria-labelledby": "site-heading" },
    el("h2", { id: "site-heading" }, "Site and look angles"),
    el("label", { for: "site-select" }, "Station"),
    chooser,
    heading,
    table,
    plotBox,
  );

  const panel: SitePanel = {
    element,
    select(site) {
      chooser.value = site.stationId ?? "";
      heading.textContent = `${site.label}: ${site.latDeg.toFixed(2)}°N ${site.lonDeg.toFixed(2)}°E, ${site.heightM.toFixed(0)} m, mask ${site.maskDeg}°`;
      table.hidden = false;
      renderLookAngleTable(table, site, satellites, site.maskDeg);
      plot.update(site, satellites, site.maskDeg);
      onSelect(site);
    },
  };
  chooser.addEventListener("change", () => {
    const station = stations.find((s) => s.properties.id === chooser.value);
    if (station) panel.select(stationSite(station));
  });
  return panel;
}
