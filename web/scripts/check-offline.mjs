// Fails the build when web/dist could reach the network at run time.
//
// Scans every text file of the build for absolute http(s) and
// protocol-relative URLs. XML namespace identifiers (never fetched) are
// allowed; anything else must be listed in ALLOWED with the reason it is
// never fetched. The browser tests check the same thing at run time by
// recording every request the page makes.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const DIST = new URL("../dist/", import.meta.url).pathname;

/** URL prefix → why it is harmless. */
const ALLOWED = new Map([
  ["http://www.w3.org/", "XML/SVG namespace identifier, not fetched"],
  ["https://leafletjs.com", "Leaflet's default attribution link text; the UI disables that prefix (attribution prefix: false)"],
]);

const URL_PATTERN = /(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)<>]*/gi;
const TEXT = /\.(html|js|mjs|css|json|svg|txt|map)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

const problems = [];
for (const path of files(DIST)) {
  if (path.endsWith(".json")) continue; // data (TopoJSON) holds no URLs that are loaded
  const text = readFileSync(path, "utf8");
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0];
    if (!/^(https?:)?\/\//i.test(url)) continue;
    if ([...ALLOWED.keys()].some((prefix) => url.startsWith(prefix))) continue;
    problems.push(`${relative(DIST, path)}: ${url}`);
  }
}
if (problems.length > 0) {
  console.error("web/dist references external URLs (no network at run time is allowed):");
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log("check-offline: no external URLs in web/dist");
