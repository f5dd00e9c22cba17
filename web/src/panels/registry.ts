/**
 * The console's panels, in navigation order. Each is one module under
 * src/panels/; see panel.ts for how to add one.
 *
 * Panels whose API is not served yet are not listed: a panel appears when
 * it works. The analyses panels need a login (every analyses POST needs a
 * token).
 */
import type { PanelEntry } from "./panel";

export const PANELS: readonly PanelEntry[] = [
  { path: "/map", title: "Map", minRole: null, load: () => import("./map/index") },
  // web-a
  { path: "/passes", title: "Passes", minRole: "viewer", load: () => import("./passes/index") },
  { path: "/link-budget", title: "Link budget", minRole: "viewer", load: () => import("./linkbudget/index") },
  { path: "/what-if", title: "Corridor what-if", minRole: "viewer", load: () => import("./whatif/index") },
  { path: "/spectrum", title: "Spectrum", minRole: "viewer", load: () => import("./spectrum/index") },
  { path: "/tasking", title: "EO tasking", minRole: "viewer", load: () => import("./tasking/index") },
  { path: "/catalog", title: "Catalog", minRole: null, load: () => import("./catalog/index") },
  { path: "/about", title: "About", minRole: null, load: () => import("./about/index") },
];
