/**
 * The console's panels, in navigation order. Each is one module under
 * src/panels/; see panel.ts for how to add one.
 *
 * Panels whose API is not served yet (pass timeline, link budget, corridor
 * what-if, spectrum, EO, catalog) are not listed: a panel appears when it
 * works.
 */
import type { PanelEntry } from "./panel";

export const PANELS: readonly PanelEntry[] = [
  { path: "/map", title: "Map", minRole: null, load: () => import("./map/index") },
  { path: "/about", title: "About", minRole: null, load: () => import("./about/index") },
];
