// The map panel in a real browser against `silkway serve`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { BASE_URL, VIEWPORT, openBrowser, screenshot, serverJson, tabTo } from "./support.mjs";

const SCENARIO_PATH = "/api/scenario/geojson"; // = ENDPOINTS.scenarioGeojson
let browser;
let page;
let scenario;

/**
 * Installs `window.__silkwayLandShare()` in the page: the share of the
 * basemap canvas painted in the land colour (styles.ts LAND_STYLE #f3efe4).
 */
async function installLandShare(page) {
  await page.evaluate(() => {
    window.__silkwayLandShare = () => {
      const canvas = document.querySelector("#map canvas");
      if (!canvas) return 0;
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let land = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 0xf3 && data[i + 1] === 0xef && data[i + 2] === 0xe4) land++;
      return land / (data.length / 4);
    };
  });
}

const countLayer = (layer) => scenario.features.filter((f) => f.properties.layer === layer).length;

before(async () => {
  scenario = await serverJson(SCENARIO_PATH);
  browser = await openBrowser();
  page = browser.page;
  const started = Date.now();
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded="true"]', { timeout: 20000 });
  await installLandShare(page);
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    code: performance.getEntriesByName("silkway:map-code-loaded")[0]?.startTime ?? null,
    fetched: performance.getEntriesByName("silkway:basemap-fetched")[0]?.startTime ?? null,
    basemap: performance.getEntriesByName("silkway:basemap-drawn")[0]?.startTime ?? null,
    load: performance.getEntriesByType("navigation")[0]?.loadEventEnd ?? null,
  }));
  console.log(
    `first paint on loopback: first-contentful-paint ${timing.fcp?.toFixed(0)} ms, ` +
      `map code loaded ${timing.code?.toFixed(0)} ms, basemap fetched+parsed ${timing.fetched?.toFixed(0)} ms, drawn ${timing.basemap?.toFixed(0)} ms, load event ${timing.load?.toFixed(0)} ms ` +
      `(navigation to map loaded: ${Date.now() - started} ms wall clock)`,
  );
});

after(async () => {
  await browser?.close();
});

test("the map loads with the basemap and every scenario layer", async () => {
  // Basemap: the canvas renderer has drawn land (the land fill colour) over the sea background.
  const share = await page.evaluate(() => window.__silkwayLandShare());
  assert.ok(share > 0.2, `basemap land share ${share}`);

  const counts = await page.evaluate(() => ({
    stations: document.querySelectorAll("#map .station-icon[data-station-id]").length,
    nodes: document.querySelectorAll("#map path.network-node").length,
    links: document.querySelectorAll("#map path.network-link").length,
    satellites: document.querySelectorAll("#map .satellite-icon[data-satellite-id]").length,
    border: document.querySelectorAll("#map path.border-line").length,
    mainRoutes: document.querySelectorAll("#map path.link-main").length,
    reserveRoutes: document.querySelectorAll("#map path.link-reserve").length,
    planned: [...document.querySelectorAll("#map path.link-planned")].map((p) => p.getAttribute("stroke-dasharray")),
    active: [...document.querySelectorAll("#map path.link-active.link-submarine_fiber")].map((p) => p.getAttribute("stroke-dasharray")),
    legendItems: document.querySelectorAll(".legend li").length,
  }));
  assert.equal(counts.stations, countLayer("station"));
  assert.equal(counts.nodes, countLayer("node"));
  assert.equal(counts.links, countLayer("link"));
  assert.equal(counts.satellites, countLayer("satellite"));
  assert.ok(counts.border >= 1, "border line drawn");
  assert.ok(counts.mainRoutes >= 1 && counts.reserveRoutes >= 1, JSON.stringify(counts));
  // Planned links are dashed, active fiber solid.
  assert.ok(counts.planned.length >= 1 && counts.planned.every((d) => d), JSON.stringify(counts.planned));
  assert.ok(counts.active.every((d) => d === null), JSON.stringify(counts.active));
  // Main and reserve are styled apart.
  const colours = await page.evaluate(() => [
    document.querySelector("#map path.link-main")?.getAttribute("stroke"),
    document.querySelector("#map path.link-reserve")?.getAttribute("stroke"),
  ]);
  assert.notEqual(colours[0], colours[1]);
  assert.ok(counts.legendItems >= 8);
  await screenshot(page, "map");
});

test("the console fits a 1366×768 screen without page scrolling", async () => {
  const size = await page.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
  }));
  assert.ok(size.w <= VIEWPORT.width && size.h <= VIEWPORT.height, JSON.stringify(size));
});

test("clicking the Baku teleport shows 43.1° elevation to Azerspace-1 (46°E)", async () => {
  await page.click('#map [data-station-id="baku-teleport"]');
  const row = page.locator('#look-angles tr[data-satellite-id="azerspace-1"]');
  await row.waitFor();
  const elevation = Number(await row.locator("td.elevation").textContent());
  const azimuth = Number(await row.locator("td.azimuth").textContent());
  const range = Number(await row.locator("td.range").textContent());
  // FACTS.md: Baku toward 46°E, elevation ≈ 43.1° (shown to 0.1°).
  assert.ok(Math.abs(elevation - 43.1) <= 0.05, `elevation ${elevation}`);
  // Baku is 3.9° east of the slot: the satellite is just west of south.
  assert.ok(azimuth > 180 && azimuth < 190, `azimuth ${azimuth}`);
  // Slant range 37 539 km (silkway_model::wgs84 test of the same site).
  assert.ok(Math.abs(range - 37539) <= 1, `range ${range}`);
  assert.equal(await page.locator("#site-select").inputValue(), "baku-teleport");
  assert.ok(await page.locator("#map path.visible-arc").count(), "visible arc drawn");
  await screenshot(page, "map-look-angles-baku");
});

test("look angles from every station agree with pymap3d to 1e-6", async () => {
  const golden = JSON.parse(readFileSync(new URL("./golden/look-angles-pymap3d.json", import.meta.url), "utf8"));
  const stations = [...new Set(golden.rows.map((r) => r.station))];
  assert.equal(stations.length, countLayer("station"), "golden table covers every station: regenerate it (tests/golden/make_look_angles.py)");
  let worst = { angleDeg: 0, rangeKm: 0 };
  for (const station of stations) {
    await page.locator("#site-select").selectOption(station);
    for (const ref of golden.rows.filter((r) => r.station === station)) {
      const row = page.locator(`#look-angles tr[data-satellite-id="${ref.satellite}"]`);
      const got = await row.evaluate((tr) => ({ ...tr.dataset }));
      const dAz = Math.abs(((Number(got.azimuthDeg) - ref.azimuth_deg + 540) % 360) - 180);
      const dEl = Math.abs(Number(got.elevationDeg) - ref.elevation_deg);
      const dRange = Math.abs(Number(got.rangeKm) - ref.range_km);
      assert.ok(dAz < 1e-6 && dEl < 1e-6 && dRange < 1e-6, `${station} -> ${ref.satellite}: ${JSON.stringify(got)} vs ${JSON.stringify(ref)}`);
      worst = { angleDeg: Math.max(worst.angleDeg, dAz, dEl), rangeKm: Math.max(worst.rangeKm, dRange) };
    }
  }
  console.log(`look angles vs pymap3d: worst angle difference ${worst.angleDeg.toExponential(1)}°, range ${worst.rangeKm.toExponential(1)} km`);
});

test("a station marker is reachable by Tab and selected with Enter", async () => {
  await page.locator("#site-select").selectOption("");
  await page.focus("h1").catch(() => {});
  const presses = await tabTo(page, '[data-station-id="azercosmos-gcs"]');
  await page.keyboard.press("Enter");
  await page.locator('#look-angles tr[data-satellite-id="azerspace-1"]').waitFor();
  assert.equal(await page.locator("#site-select").inputValue(), "azercosmos-gcs");
  console.log(`Azercosmos GCS marker reached with ${presses} Tab presses`);
});

test("a fiber link is a labelled tab stop", async () => {
  const main = scenario.features.find((f) => f.properties.layer === "link" && f.properties.role === "main");
  await tabTo(page, `#map [data-link-id="${main.properties.id}"]`);
  const label = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
  assert.ok(label.startsWith(`${main.properties.name}:`) && label.includes("main route"), label);
});

test("layer toggles work from the keyboard", async () => {
  const markers = () => page.locator("#map .station-icon[data-station-id]").count();
  assert.equal(await markers(), countLayer("station"));
  await page.focus("#login-token");
  const presses = await tabTo(page, "#layer-stations");
  assert.ok(presses <= 6, `layer toggles come right after the header (${presses} Tab presses)`);
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#layer-stations").isChecked(), false);
  assert.equal(await markers(), 0);
  await page.keyboard.press("Space");
  assert.equal(await markers(), countLayer("station"));

  await tabTo(page, "#layer-border");
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#map path.border-line").count(), 0);
  await page.keyboard.press("Space");
  assert.ok((await page.locator("#map path.border-line").count()) >= 1);

  await tabTo(page, "#layer-basemap");
  await page.keyboard.press("Space");
  // The canvas renderer redraws on the next animation frame.
  await page.waitForFunction(() => (window.__silkwayLandShare?.() ?? -1) === 0, null, { timeout: 5000 });
  await page.keyboard.press("Space");
  await page.waitForFunction(() => (window.__silkwayLandShare?.() ?? 0) > 0.2, null, { timeout: 5000 });
});

test("clicking an empty map point makes it the site", async () => {
  const box = await page.locator("#map").boundingBox();
  // Lower left of the initial view: Africa, away from every scenario feature.
  const [x, y] = [box.x + box.width * 0.15, box.y + box.height * 0.75];
  const hit = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.className ?? "", [x, y]);
  assert.doesNotMatch(String(hit), /marker|interactive/, `the click point is on a feature: ${hit}`);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => document.querySelector("#site-label")?.textContent?.startsWith("Map point"));
  assert.equal(await page.locator("#site-select").inputValue(), "");
  assert.equal(await page.locator("#look-angles tbody tr").count(), countLayer("satellite"));
});

test("no console errors and no request left the server", () => {
  assert.deepEqual(browser.problems, []);
});
