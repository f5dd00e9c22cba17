/**
 * The offline basemap: Natural Earth 1:50m countries (npm `world-atlas`,
 * public domain) drawn as vector layers on a canvas — land fill, coastlines
 * and country borders. No tile server: the TopoJSON is a hashed asset of
 * this build, fetched from the same origin and cached forever
 * (basemapSource.ts).
 */
import L from "leaflet";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { prefetchBasemap } from "./basemapSource";
import { COAST_STYLE, COUNTRY_BORDER_STYLE, LAND_STYLE } from "./styles";

type Countries = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

/** Fetch the TopoJSON and build the basemap layer group (not yet on a map). */
export async function loadBasemap(): Promise<L.LayerGroup> {
  const topology = (await prefetchBasemap()) as Countries;
  const countries = topology.objects.countries;
  // One canvas for thousands of rings; not interactive, so clicks reach the map.
  const renderer = L.canvas({ padding: 0.5 });
  const common = { renderer, interactive: false };
  return L.layerGroup([
    L.geoJSON(feature(topology, countries), { ...common, style: LAND_STYLE }),
    L.geoJSON(mesh(topology, countries, (a, b) => a !== b), { ...common, style: COUNTRY_BORDER_STYLE }),
    L.geoJSON(mesh(topology, countries, (a, b) => a === b), { ...common, style: COAST_STYLE }),
  ]);
}
