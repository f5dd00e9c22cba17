// Catalog panel against `silkway serve`: scenes created through the STAC
// transactions API (engineer token) are found by a bbox + CQL2 search,
// listed and drawn, as the API's own search answers.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, ENGINEER_TOKEN, VIEWPORT, openBrowser, screenshot, serverPost } from "./support.mjs";

const SEARCH = "/stac/search"; // = ENDPOINTS.stacSearch
let browser;
let page;

function scene(id, lon, lat, cloud, day) {
  const [w, s, e, n] = [lon - 0.3, lat - 0.25, lon + 0.3, lat + 0.25];
  return {
    type: "Feature", stac_version: "1.1.0", stac_extensions: [], id, collection: "spot6-7",
    geometry: { type: "Polygon", coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
    bbox: [w, s, e, n],
    properties: { datetime: `2026-03-${day}T07:30:00Z`, platform: "spot-7", "eo:cloud_cover": cloud, gsd: 1.5 },
    links: [], assets: { thumbnail: { href: `https://example.invalid/${id}.jpg`, type: "image/jpeg", title: "Quicklook" } },
  };
}

before(async () => {
  // Three scenes: two over Absheron (one cloudy), one over Aktau.
  for (const s of [scene("uitest-absheron-clear", 49.9, 40.4, 5, 10), scene("uitest-absheron-cloudy", 50.1, 40.5, 60, 11), scene("uitest-aktau", 51.2, 43.6, 3, 12)]) {
    await serverPost("/stac/collections/spot6-7/items", s, ENGINEER_TOKEN);
  }
  browser = await openBrowser();
  page = browser.page;
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded]');
});

after(async () => {
  await browser?.close();
});

test("a bbox + CQL2 search lists and draws what the API finds", async () => {
  await page.getByRole("link", { name: "Catalog" }).click();
  await page.waitForSelector('section[data-panel="/catalog"][data-loaded="true"]', { timeout: 20000 });
  await page.fill("#cat-bbox", "49.5,40.0,50.5,41.0");
  await page.fill("#cat-start", "2026-03-01T00:00");
  await page.fill("#cat-end", "2026-03-31T00:00");
  await page.locator("#cat-collection").selectOption("spot6-7");
  const answered = page.waitForResponse((r) => r.url().endsWith(SEARCH) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Search" }).click();
  const shown = await (await answered).json();
  const api = await serverPost(SEARCH, { bbox: [49.5, 40.0, 50.5, 41.0], datetime: "2026-03-01T00:00:00Z/2026-03-31T00:00:00Z", collections: ["spot6-7"], limit: 20, sortby: [{ field: "properties.datetime", direction: "desc" }] });
  const ids = api.features.map((f) => f.id);
  assert.deepEqual(shown.features.map((f) => f.id), ids);
  assert.ok(ids.includes("uitest-absheron-clear") && ids.includes("uitest-absheron-cloudy") && !ids.includes("uitest-aktau"), ids.join(","));
  await page.locator("#cat-results li").first().waitFor();
  assert.deepEqual(await page.locator("#cat-results li").evaluateAll((l) => l.map((x) => x.dataset.item)), ids);
  assert.equal(await page.locator("#catalog-map path.leaflet-interactive").count(), ids.length);

  // CQL2 text filter on cloud cover.
  await page.fill("#cat-filter", "eo:cloud_cover < 20");
  const filtered = page.waitForResponse((r) => r.url().endsWith(SEARCH) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Search" }).click();
  const clear = await (await filtered).json();
  assert.ok(clear.features.every((f) => f.properties["eo:cloud_cover"] < 20));
  assert.ok(clear.features.some((f) => f.id === "uitest-absheron-clear") && !clear.features.some((f) => f.id === "uitest-absheron-cloudy"));
  await page.waitForFunction((n) => document.querySelectorAll("#cat-results li").length === n, clear.features.length);
  // Item detail from the keyboard.
  await page.getByRole("button", { name: "uitest-absheron-clear" }).press("Enter");
  await page.locator("#cat-item").waitFor();
  assert.match(await page.locator("#cat-item").textContent(), /eo:cloud_cover5/);
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  assert.ok(size.w <= VIEWPORT.width && size.h <= VIEWPORT.height, JSON.stringify(size));
  await screenshot(page, "catalog");
});

test("no console errors and no request left the server", () => {
  assert.deepEqual(browser.problems, []);
});
