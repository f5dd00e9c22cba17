/** Entry point: styles, then the shell with the registered panels. */
import "./styles.css";
import { prefetchBasemap } from "./panels/map/basemapSource";
import { PANELS } from "./panels/registry";
import { startShell } from "./shell/shell";

const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");
// The map is the first panel: fetch its basemap while its code loads.
if (window.location.pathname === "/" || window.location.pathname.startsWith("/map")) void prefetchBasemap();
startShell(root, PANELS);
