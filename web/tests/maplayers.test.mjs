// The map's computed layers against `silkway serve`: LEO satellites now and
// their ground tracks, and P.618 attenuation contours toward Azerspace-1
// (46°E) whose band at Baku holds the README's worked example (4.216 dB
// at 12 GHz, 0.01 % of the year, 1.2 m).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, VIEWER_TOKEN, loginAs, openBrowser, screenshot, serverJson, serverPost } from "./support.mjs";

const TRACKS = "/api/analyses/orbit/ground-tracks"; // = ENDPOINTS.orbitGroundTracks
const LINK_MAP = "/api/analyses/link/map"; // = ENDPOINTS.linkMap
const P618 = "/api/analyses/itu/p618";
const BAKU = { lat: 40.41, lon: 49.87 };
let browser;
let page;

before(async () => {
  browser = await openBrowser();
  page = browser.page;
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded="true"]', { timeout: 20000 });
});

after(async () => {
  await browser?.close();
});

/** Even-odd ray casting on one GeoJSON polygon (outer ring, holes). */
function inPolygon([x, y], rings) {
  const inRing = (ring) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[j];
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  };
  return inRing(rings[0]) && !rings.slice(1).some(inRing);
}

test("computed layers are offered only after login", async () => {
  assert.equal(await page.isVisible("#layer-leo"), false);
  assert.equal(await page.isVisible("#contour-show"), false);
  await loginAs(page, VIEWER_TOKEN, "viewer");
  assert.equal(await page.isVisible("#layer-leo"), true);
  assert.equal(await page.isVisible("#contour-show"), true);
});

test("LEO satellites now: one marker per non-GEO satellite at the API's position", async () => {
  const answered = page.waitForResponse((r) => r.url().endsWith(TRACKS) && r.request().method() === "POST");
  await page.focus("#layer-leo");
  await page.keyboard.press("Space");
  const response = await answered;
  const request = response.request().postDataJSON();
  const api = await serverPost(TRACKS, request, VIEWER_TOKEN);
  const scenario = await serverJson("/api/scenario/geojson");
  const geoNames = new Set(
    scenario.features.filter((f) => f.properties.layer === "satellite" && f.properties.orbit === "geo").map((f) => f.properties.name),
  );
  const leo = api.features.filter((f) => !geoNames.has(f.properties.satellite));
  assert.ok(leo.length >= 1, "the scenario has LEO satellites with element sets");
  await page.waitForFunction((n) => document.querySelectorAll("#map path.leo-now").length === n, leo.length);
  assert.equal(await page.locator("#map path.leo-track").count(), leo.length);
  for (const f of leo) {
    const [lon, lat] = f.geometry.coordinates[0][0];
    const dot = page.locator(`#map path.leo-now[data-satellite="${f.properties.satellite}"]`);
    assert.equal(Number(await dot.getAttribute("data-lat-deg")), lat);
    assert.equal(Number(await dot.getAttribute("data-lon-deg")), lon);
  }
  // "Now": the window starts within a minute of the request.
  assert.ok(Math.abs(Date.parse(request.start) - Date.now()) < 60_000, request.start);
});

test("attenuation contours toward Azerspace-1: Baku lies in the band of the P.618 point value", async () => {
  await page.locator("#contour-satellite").selectOption({ label: "AZERSPACE 1 (46.0°E)" });
  await page.locator("#contour-freq").fill("12");
  await page.locator("#contour-p").fill("0.01");
  const answered = page.waitForResponse((r) => r.url().endsWith(LINK_MAP) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Show contours" }).click();
  const response = await answered;
  const api = await serverPost(LINK_MAP, response.request().postDataJSON(), VIEWER_TOKEN);
  await page.locator("#contour-legend li").first().waitFor();
  assert.equal(await page.locator("#contour-legend li").count(), api.features.length);
  assert.ok((await page.locator("#map path.contour-band").count()) >= api.features.length);

  const band = api.features.find((f) => f.geometry.coordinates.some((poly) => inPolygon([BAKU.lon, BAKU.lat], poly)));
  assert.ok(band, "Baku is inside one band");
  // README / docs/api-analyses.md: Baku, 12 GHz, 43.13°, 1.2 m → 4.216 dB at 0.01 %.
  const point = await serverPost(P618, { lat_deg: BAKU.lat, lon_deg: BAKU.lon, freq_ghz: 12, elevation_deg: 43.13, d_m: 1.2, p_pct: [0.01] }, VIEWER_TOKEN);
  const total = point.rows[0].a_total_db;
  assert.ok(Math.abs(Number(total) - 4.216) < 0.001, `P.618 at Baku ${total} dB`);
  assert.ok(band.properties.min <= Number(total) && Number(total) < band.properties.max, JSON.stringify(band.properties));
  const legend = page.locator(`#contour-legend li[data-min-db="${band.properties.min}"]`);
  assert.equal(await legend.count(), 1);
  console.log(`contours toward 46°E, 12 GHz, 0.01 %: ${api.features.length} bands; Baku in ${band.properties.min}–${band.properties.max} dB (P.618 point ${total.toFixed(3)} dB)`);
  await screenshot(page, "map-leo-contours");
});

test("no console errors and no request left the server", () => {
  assert.deepEqual(browser.problems, []);
});
