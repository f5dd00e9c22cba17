// Link budget in a real browser against `silkway serve`: the form sends the
// crates/link worked example between the scenario's Baku teleport and
// Tashkent VSAT, and the report shows the API's figures and a MODCOD plot.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, VIEWPORT, ENGINEER_TOKEN, VIEWER_TOKEN, loginAs, openBrowser, screenshot, serverJson, serverPost } from "./support.mjs";

const BUDGET = "/api/analyses/link/budget"; // = ENDPOINTS.linkBudget
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

const cell = (q) => page.locator(`#link-budget-table tr[data-quantity="${q}"] td`).textContent();

test("the link budget form loads prefilled from the scenario", async () => {
  await page.getByRole("link", { name: "Link budget" }).click();
  await page.waitForSelector('section[data-panel="/link-budget"][data-loaded="true"]');
  assert.equal(await page.locator("#lb-satellite").inputValue(), "azerspace-1");
  assert.equal(await page.locator("#lb-uplink-station").inputValue(), "baku-teleport");
  assert.equal(await page.locator("#lb-downlink-station").inputValue(), "vsat-tashkent");
  // Every input has a label.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('section[data-panel="/link-budget"] input, section[data-panel="/link-budget"] select')]
      .filter((i) => !i.labels || i.labels.length === 0)
      .map((i) => i.id),
  );
  assert.deepEqual(unlabelled, []);
});

test("Baku teleport → Azerspace-1 → Tashkent: the report is the API's", async () => {
  const answered = page.waitForResponse((r) => r.url().endsWith(BUDGET) && r.request().method() === "POST");
  await page.focus("#lb-levels");
  await page.keyboard.press("Enter"); // submits the form from the keyboard
  const response = await answered;
  const shown = await response.json();
  await page.locator("#link-budget-table").waitFor();
  const api = await serverPost(BUDGET, response.request().postDataJSON());
  assert.deepEqual(shown, api);

  // FACTS.md: Baku toward 46°E, elevation ≈ 43.1°.
  assert.ok(Math.abs(api.uplink.look.elevation_deg - 43.1) <= 0.1, `${api.uplink.look.elevation_deg}`);
  assert.equal(await cell("uplink-elevation"), api.uplink.look.elevation_deg.toFixed(2));
  assert.equal(await cell("uplink-cn"), api.clear_sky.uplink.cn_db.toFixed(2));
  assert.equal(await cell("downlink-cn"), api.clear_sky.downlink.cn_db.toFixed(2));
  assert.equal(await cell("thermal-cn"), api.clear_sky.cn_thermal_db.toFixed(2));
  assert.equal(await cell("cnir"), api.clear_sky.cnir_db.toFixed(2));
  assert.equal(await cell("clear-sky-modcod"), api.clear_sky_modcod);
  // crates/link/README.md worked example (the same link from the example file): 20.36 / 17.06 / 15.39 / 13.16 dB, 32APSK 11/15.
  assert.deepEqual(
    [await cell("uplink-cn"), await cell("downlink-cn"), await cell("thermal-cn"), await cell("cnir"), await cell("clear-sky-modcod")],
    ["20.36", "17.06", "15.39", "13.16", "32APSK 11/15"],
  );
  // End to end is below each hop (1/C/N adds up).
  assert.ok(api.clear_sky.cn_thermal_db < Math.min(api.clear_sky.uplink.cn_db, api.clear_sky.downlink.cn_db));
  const levels = page.locator("#link-levels-table tbody tr");
  assert.equal(await levels.count(), api.acm.levels.length);
  for (const [i, l] of api.acm.levels.entries()) {
    assert.equal(await levels.nth(i).locator("td.modcod").textContent(), l.best_modcod ?? "outage");
  }
  // The MODCOD ladder plot: one point per MODCOD that closes.
  assert.equal(await page.locator("#lb-plot canvas").count(), 1);
  const closing = api.acm.modcods.filter((m) => m.availability_pct > 0).length;
  const label = await page.locator("#lb-plot").getAttribute("aria-label");
  assert.equal(label.split(";").length, closing, label);
  console.log(
    `link budget Baku→AZ1→Tashkent: up ${api.clear_sky.uplink.cn_db.toFixed(2)} dB, down ${api.clear_sky.downlink.cn_db.toFixed(2)} dB, ` +
      `C/(N+I) ${api.clear_sky.cnir_db.toFixed(2)} dB, ${api.clear_sky_modcod}, outage ${api.acm.outage_minutes_per_year.toFixed(1)} min/yr`,
  );
  // Fits the laptop screen: the panel scrolls inside, the page does not.
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  assert.ok(size.w <= VIEWPORT.width && size.h <= VIEWPORT.height, JSON.stringify(size));
  await screenshot(page, "link-budget");
});

test("other sites by latitude/longitude: the example file's own coordinates give the README figures", async () => {
  for (const [hop, lat, lon, h] of [["uplink", "40.41", "49.87", "0"], ["downlink", "41.30", "69.24", "450"]]) {
    await page.locator(`#lb-${hop}-station`).selectOption("custom");
    assert.equal(await page.isVisible(`#lb-${hop}-site-lat`), true);
    await page.locator(`#lb-${hop}-site-lat`).fill(lat);
    await page.locator(`#lb-${hop}-site-lon`).fill(lon);
    await page.locator(`#lb-${hop}-site-height`).fill(h);
  }
  const answered = page.waitForResponse((r) => r.url().endsWith(BUDGET) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Compute link budget" }).click();
  const sent = (await answered).request().postDataJSON();
  assert.deepEqual([sent.downlink.lat_deg, sent.downlink.lon_deg, sent.downlink.height_m], [41.3, 69.24, 450]);
  await page.waitForFunction(() => document.querySelector('#link-budget-table caption')?.textContent?.includes("Downlink site 41.300"));
  assert.equal(await cell("downlink-elevation"), "36.71"); // README: elevation 36.71°
  assert.deepEqual(
    [await cell("uplink-cn"), await cell("downlink-cn"), await cell("cnir"), await cell("clear-sky-modcod")],
    ["20.36", "17.06", "13.16", "32APSK 11/15"],
  );
  // Back to the scenario's stations.
  await page.locator("#lb-uplink-station").selectOption("baku-teleport");
  await page.locator("#lb-downlink-station").selectOption("vsat-tashkent");
  assert.equal(await page.isVisible("#lb-downlink-site-lat"), false);
});

test("an engineer saves the form as a definition and loads it back", async () => {
  const id = `web-test-${Date.now()}`;
  await page.locator("#lb-save-id").fill(id);
  await page.locator("#lb-save-description").fill("browser test");
  await page.getByRole("button", { name: "Save the form as a definition" }).click();
  await page.waitForFunction((v) => [...document.querySelectorAll("#lb-definition option")].some((o) => o.value === v), id);
  const stored = (await serverJson("/api/link-definitions?limit=500")).items.find((r) => r.id === id);
  assert.ok(stored, "the server lists the new definition");
  assert.equal(stored.body.link.downlink.antenna.diameter_m, 1.2);
  assert.equal(stored.body.link.satellite.longitude_deg, 46);

  // Change the form, then load the definition back.
  await page.locator("#lb-downlink-diameter-m").fill("2.4");
  await page.locator("#lb-downlink-station").selectOption("vsat-tehran");
  await page.locator("#lb-definition").selectOption(id);
  await page.getByRole("button", { name: "Load into the form" }).click();
  assert.equal(await page.locator("#lb-downlink-diameter-m").inputValue(), "1.2");
  assert.equal(await page.locator("#lb-downlink-station").inputValue(), "vsat-tashkent");
  assert.equal(await page.locator("#lb-uplink-station").inputValue(), "baku-teleport");
});

test("a viewer is not offered saving a definition", async () => {
  await page.getByRole("button", { name: "Log out" }).click();
  await loginAs(page, VIEWER_TOKEN, "viewer");
  await page.getByRole("link", { name: "Link budget" }).click();
  await page.waitForSelector('section[data-panel="/link-budget"]:not([hidden])');
  assert.equal(await page.isVisible("#lb-save"), false);
  assert.equal(await page.isVisible("#lb-run"), true);
});

test("no console errors and no request left the server", () => {
  assert.deepEqual(browser.problems, []);
});
