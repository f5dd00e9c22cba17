// Pass timeline in a real browser against `silkway serve`: the Gantt and
// table show the API's passes; the Baku teleport sees Azerspace-1 at 43.1°
// (FACTS.md) all day.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, VIEWPORT, ENGINEER_TOKEN, loginAs, openBrowser, screenshot, serverJson, serverPost, tabTo } from "./support.mjs";

const PASSES = "/api/analyses/orbit/passes"; // = ENDPOINTS.orbitPasses
let browser;
let page;

before(async () => {
  browser = await openBrowser();
  page = browser.page;
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded]');
  await loginAs(page, ENGINEER_TOKEN, "engineer");
});

after(async () => {
  await browser?.close();
});

// A day near the scenario's element-set epochs (the docs' example day):
// far from the epoch SGP4 drifts an uncontrolled GEO away from its slot.
const DAY = "2026-05-31T00:00";

async function run(stationId, day = DAY) {
  await page.locator("#passes-station").selectOption(stationId);
  await page.locator("#passes-start").fill(day);
  const answered = page.waitForResponse((r) => r.url().endsWith(PASSES) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Compute passes" }).click();
  const response = await answered;
  const request = response.request().postDataJSON();
  const shown = await response.json();
  await page.waitForFunction((n) => document.querySelector("#pass-gantt")?.dataset.count === String(n), shown.passes.length);
  return { request, shown };
}

test("the pass timeline loads with the scenario's stations", async () => {
  await page.getByRole("link", { name: "Passes" }).click();
  await page.waitForSelector('section[data-panel="/passes"][data-loaded="true"]');
  assert.ok((await page.locator("#passes-station option").count()) >= 5);
  assert.match(await page.locator("#passes-start").inputValue(), /^\d{4}-\d\d-\d\dT00:00$/);
});

test("Astana EO station: the Gantt and the table show the API's passes", async () => {
  const { request, shown } = await run("kz-astana-eo");
  assert.deepEqual(request.stations, [{ id: "kz-astana-eo" }]);
  assert.equal(Date.parse(request.end) - Date.parse(request.start), 24 * 3600 * 1000);
  const api = await serverPost(PASSES, request);
  assert.deepEqual(shown, api);
  const leo = api.passes.filter((p) => p.duration_s < 3600);
  assert.ok(leo.length >= 4, `LEO passes in a day over Astana: ${leo.length}`);
  assert.equal(await page.locator("#pass-gantt rect.gantt-bar").count(), api.passes.length);
  assert.equal(await page.locator("#pass-table tbody tr").count(), api.passes.length);
  // One row per satellite in the Gantt.
  const satellites = new Set(api.passes.map((p) => p.satellite));
  assert.equal(await page.locator("#pass-gantt text.gantt-label").count(), satellites.size);

  // Keyboard: a bar is a tab stop; focusing it shows AOS, LOS and max elevation.
  const first = [...leo].sort((a, b) => a.aos.localeCompare(b.aos))[0];
  await page.focus("#passes-run");
  const selector = `#pass-gantt rect.gantt-bar[data-aos="${first.aos}"][data-satellite="${first.satellite}"]`;
  await tabTo(page, selector, 200);
  const detail = await page.locator("#pass-detail").textContent();
  assert.ok(detail.includes(first.satellite), detail);
  assert.ok(detail.includes(`AOS ${first.aos.replace("T", " ").replace(/\.\d+Z$/, "")}`), detail);
  assert.ok(detail.includes(`LOS ${first.los.replace("T", " ").replace(/\.\d+Z$/, "")}`), detail);
  assert.ok(detail.includes(`max elevation ${first.max_elevation_deg.toFixed(1)}°`), detail);
  // Fits the laptop screen: the panel scrolls inside, the page does not.
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  assert.ok(size.w <= VIEWPORT.width && size.h <= VIEWPORT.height, JSON.stringify(size));
  await screenshot(page, "passes");
});

test("Baku teleport: Azerspace-1 is above the horizon all day at 43.1° (FACTS.md)", async () => {
  const { shown } = await run("baku-teleport");
  const az1 = shown.passes.filter((p) => p.satellite === "AZERSPACE 1");
  assert.equal(az1.length, 1);
  assert.equal(az1[0].duration_s, 86400);
  assert.ok(Math.abs(az1[0].max_elevation_deg - 43.1) <= 0.1, `${az1[0].max_elevation_deg}`);
  const bar = page.locator('#pass-gantt rect.gantt-bar[data-satellite="AZERSPACE 1"]');
  assert.ok(Math.abs(Number(await bar.getAttribute("data-max-elevation-deg")) - 43.1) <= 0.1);
  // The bar spans the whole window.
  const [barBox, boxBox] = [await bar.boundingBox(), await page.locator("#pass-gantt svg").boundingBox()];
  assert.ok(barBox.width > 0.8 * boxBox.width, `${barBox.width} of ${boxBox.width}`);
});

test("a window half a year from the element-set epochs is flagged, one near them is not", async () => {
  const sats = await serverJson("/api/satellites?limit=500");
  // TLE line 1 columns 19–32: yyddd.ddddd (independent of the page's parser: via Date of day-of-year).
  const epochs = sats.items
    .filter((r) => r.body.tle)
    .map((r) => {
      const f = r.body.tle.line1.slice(18, 32);
      return new Date(Date.UTC(2000 + Number(f.slice(0, 2)), 0, 1) + (Number(f.slice(2)) - 1) * 86400000);
    });
  const oldest = new Date(Math.min(...epochs)).toISOString().slice(0, 10);
  await run("kz-astana-eo", "2026-11-22T00:00");
  assert.equal(await page.isVisible("#passes-epoch-notice"), true);
  assert.match(await page.locator("#passes-epoch-notice").textContent(), new RegExp(`Element sets date from ${oldest}`));
  await run("kz-astana-eo");
  assert.equal(await page.isVisible("#passes-epoch-notice"), false);
});

test("no console errors and no request left the server", () => {
  assert.deepEqual(browser.problems, []);
});
