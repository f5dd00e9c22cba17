/**
 * A site that is not a scenario station: chosen with the "Other site"
 * entry of a station list, given by latitude, longitude (degrees, WGS84)
 * and height (m). The inputs show only while that entry is selected.
 */
import { el } from "../../shell/dom";

export const CUSTOM_SITE = "custom";

export interface Site {
  name: string;
  lat_deg: number;
  lon_deg: number;
  height_m: number;
}

export interface CustomSite {
  element: HTMLElement;
  /** The site, or an error message naming the bad field. */
  read(): Site | string;
}

export function createCustomSite(prefix: string, label: string, select: HTMLSelectElement): CustomSite {
  const input = (key: string, text: string, min: string, max: string, value: string): [HTMLElement, HTMLInputElement] => {
    const id = `${prefix}-${key}`;
    const i = el("input", { id, name: id, type: "number", min, max, step: "any", value });
    return [el("div", { class: "form-field" }, el("label", { for: id }, text), i), i];
  };
  const [latBox, lat] = input("lat", `${label} latitude (°N)`, "-90", "90", "40.41");
  const [lonBox, lon] = input("lon", `${label} longitude (°E)`, "-180", "180", "49.87");
  const [hBox, height] = input("height", `${label} height (m)`, "-500", "9000", "0");
  const element = el("fieldset", { class: "form-group custom-site" }, el("legend", {}, `${label}: other site`), latBox, lonBox, hBox);
  const sync = (): void => {
    element.hidden = select.value !== CUSTOM_SITE;
  };
  select.append(el("option", { value: CUSTOM_SITE }, "Other site (latitude, longitude)…"));
  select.addEventListener("change", sync);
  sync();
  return {
    element,
    read() {
      const [la, lo, h] = [Number(lat.value), Number(lon.value), Number(height.value)];
      if (lat.value === "" || !(la >= -90 && la <= 90)) return `${label} latitude must be within −90…90°`;
      if (lon.value === "" || !(lo >= -180 && lo <= 180)) return `${label} longitude must be within −180…180°`;
      if (!Number.isFinite(h)) return `${label} height must be a number of metres`;
      return { name: `${label} site ${la.toFixed(3)}°, ${lo.toFixed(3)}°`, lat_deg: la, lon_deg: lo, height_m: h };
    },
  };
}
