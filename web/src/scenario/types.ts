/**
 * The scenario's map layers as the server sends them: the GeoJSON of
 * `silkway_model::Scenario::to_geojson` (crates/model/src/geojson.rs).
 * Every feature's `properties.layer` says which layer it belongs to.
 */
import type { Feature, FeatureCollection, LineString, Point } from "geojson";

export type StationKind = "teleport" | "ground_station" | "earth_station" | "vsat" | "terrestrial";
export type NodeKind = "city" | "landing_station" | "exchange" | "teleport" | "border";
export type LinkKind = "terrestrial_fiber" | "submarine_fiber" | "satellite";
export type LinkStatus = "planned" | "active";
export type LinkRole = "main" | "reserve" | "backup";

export interface StationProps {
  layer: "station";
  id: string;
  name: string;
  kind: StationKind;
  operator: string | null;
  approximate: boolean;
  elevation_mask_deg: number | null;
}

export interface NodeProps {
  layer: "node";
  id: string;
  name: string;
  kind: NodeKind;
  country: string | null;
  approximate: boolean;
}

export interface LinkProps {
  layer: "link";
  id: string;
  name: string;
  kind: LinkKind;
  a: string;
  b: string;
  status: LinkStatus;
  role: LinkRole | null;
  length_km: number | null;
  capacity_gbps: number | null;
  srlg: string[];
  satellite: string | null;
}

export interface SatelliteProps {
  layer: "satellite";
  id: string;
  name: string;
  norad_id: number | null;
  status: string;
  orbit: string;
}

export type StationFeature = Feature<Point, StationProps>;
export type NodeFeature = Feature<Point, NodeProps>;
export type LinkFeature = Feature<LineString, LinkProps>;
export type SatelliteFeature = Feature<Point, SatelliteProps>;

/** The scenario split by layer. */
export interface ScenarioLayers {
  stations: StationFeature[];
  nodes: NodeFeature[];
  links: LinkFeature[];
  satellites: SatelliteFeature[];
}

/**
 * Split a FeatureCollection by `properties.layer`. Features of a layer the
 * UI does not know are ignored (a newer server may add layers); a body that
 * is not a FeatureCollection is an error.
 */
export function splitScenario(body: unknown): ScenarioLayers {
  const fc = body as FeatureCollection;
  if (fc?.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    throw new Error("scenario: expected a GeoJSON FeatureCollection");
  }
  const out: ScenarioLayers = { stations: [], nodes: [], links: [], satellites: [] };
  for (const f of fc.features) {
    const layer = (f.properties as { layer?: unknown } | null)?.layer;
    const type = f.geometry?.type;
    if (layer === "station" && type === "Point") out.stations.push(f as StationFeature);
    else if (layer === "node" && type === "Point") out.nodes.push(f as NodeFeature);
    else if (layer === "link" && type === "LineString") out.links.push(f as LinkFeature);
    else if (layer === "satellite" && type === "Point") out.satellites.push(f as SatelliteFeature);
  }
  return out;
}
