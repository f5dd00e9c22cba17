/**
 * How the map draws each kind of thing. The legend (legend.ts) is built
 * from these same values, so the two cannot disagree.
 */
import type { PathOptions } from "leaflet";
import type { LinkProps, LinkRole } from "../../scenario/types";

/** Colour per route role; links without a role are "other fiber". */
export const ROLE_COLOURS: Record<LinkRole | "none", string> = {
  main: "#0b5cad",
  reserve: "#d4560f",
  backup: "#7a3fa0",
  none: "#4d5866",
};

/** Dash pattern for planned links; active links are solid. */
export const PLANNED_DASH = "9 6";
/** Dash pattern of satellite hops (dotted), whatever their status. */
export const SATELLITE_HOP_DASH = "2 6";

export function linkStyle(p: LinkProps): PathOptions {
  const colour = ROLE_COLOURS[p.role ?? "none"];
  const weight = p.role === "main" ? 4 : p.role === "reserve" ? 3.5 : p.kind === "satellite" ? 2 : 2.5;
  let dashArray: string | undefined;
  if (p.kind === "satellite") dashArray = SATELLITE_HOP_DASH;
  else if (p.status === "planned") dashArray = PLANNED_DASH;
  return { color: colour, weight, opacity: 0.9, lineCap: "round", ...(dashArray ? { dashArray } : {}) };
}

export const NODE_STYLE: PathOptions = { color: "#ffffff", weight: 1.5, fillColor: "#2b3440", fillOpacity: 1 };
export const NODE_RADIUS_PX = 4;

export const BORDER_STYLE: PathOptions = { color: "#c8102e", weight: 3, opacity: 0.95, dashArray: "10 4 2 4" };

export const GEO_ARC_STYLE: PathOptions = { color: "#6b7785", weight: 1.5, opacity: 0.8, dashArray: "4 4" };
export const VISIBLE_ARC_STYLE: PathOptions = { color: "#1a8f3c", weight: 5, opacity: 0.55 };

export const LAND_STYLE: PathOptions = { stroke: false, fillColor: "#f3efe4", fillOpacity: 1 };
export const COAST_STYLE: PathOptions = { color: "#8a9bab", weight: 0.8, fill: false };
export const COUNTRY_BORDER_STYLE: PathOptions = { color: "#b7b1a3", weight: 0.6, fill: false };

export const SITE_STYLE: PathOptions = { color: "#1a8f3c", weight: 3, fillColor: "#ffffff", fillOpacity: 1 };
