// EO tasking panel against `silkway serve`: an area over Baku typed as
// corners yields SPOT 6's opportunities as the STAPI API answers them; an
// engineer's order is scheduled (received → accepted → scheduled) and its
// acquisition appears in the catalog's planned collection. A viewer is
// not offered to order.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, ENGINEER_TOKEN, VIEWER_TOKEN, VIEWPORT, loginAs, openBrowser, screenshot, serverJson, serverPost } from "./support.mjs";

let browser;
let page;
const CORNERS = "49.80,40.35\n49.95,40.35\n49.95,40.45\n49.80,40.45";
const AREA = { type: "Polygon", coordinates: [[[49.8, 40.35], [49.95, 40.35], [49.95, 40.45], [49.8, 40.45], [49.8, 40.35]]] };
const WINDOW = "2026-05-31T00:00:00Z/2026-06-03T00:00:00Z";

before(async () => {
  browser = await openBrowser();
  page = browser.page;
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded]');
});

after(async () => {
  await browser?.close();
});

async function findOpportunities() {
  await page.getByRole("link", { name: "EO tasking" }).click();
  await page.waitForSelector('section[data-panel="/tasking"][data-loaded="true"]', { timeout: 20000 });
  await page.fill("#task-aoi", CORNERS);
  await page.locator("#task-product").selectOption("spot-6");
  await page.getByRole("button", { name: "Find opportunities" }).click();
  await page.locator("#task-opp-table").waitFor();
}

test("a viewer sees the opportunities the API finds, and is not offered to order", async () => {
  await loginAs(page, VIEWER_TOKEN, "viewer");
  await findOpportunities();
  const api = await serverPost("/stapi/products/spot-6/opportunities", { datetime: WINDOW, geometry: AREA }, VIEWER_TOKEN);
  assert.ok(api.features.length > 0);
  assert.equal(await page.locator("#task-opp-table tbody tr").count(), api.features.length);
  assert.match(await page.locator("#task-opp-count").textContent(), new RegExp(`^${api.features.length} opportunit`));
  assert.equal(await page.locator("#task-order").isVisible(), false);
});

test("an engineer's order is scheduled and its acquisition is in the planned collection", async () => {
  await page.locator("#logout").click();
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded]');
  await loginAs(page, ENGINEER_TOKEN, "engineer");
  await findOpportunities();
  const ordered = page.waitForResponse((r) => r.url().endsWith("/stapi/products/spot-6/orders") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Order this area and window" }).click();
  const order = await (await ordered).json();
  await page.locator("#task-order-history li").nth(2).waitFor();
  assert.equal(order.status.status_code, "scheduled", JSON.stringify(order.status));
  assert.equal(await page.locator("#task-order-status").textContent(), "scheduled");
  const statuses = await page.locator("#task-order-history li").allTextContents();
  assert.deepEqual(statuses.map((s) => s.split(" ")[1]), ["received", "accepted", "scheduled"]);
  assert.equal(await page.locator("#task-order-plan li").count(), order.properties["silkway:acquisitions"].length);
  const item = await serverJson(`/stac/collections/planned/items/${order.id}-1`);
  assert.equal(item.properties["silkway:order_id"], order.id);
  console.log(`tasking: ${order.id} scheduled, ${order.properties["silkway:acquisitions"].length} acquisition(s), first ${order.properties["silkway:acquisitions"][0].start}`);
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  assert.ok(size.w <= VIEWPORT.width && size.h <= VIEWPORT.height, JSON.stringify(size));
  await screenshot(page, "eo-tasking");
  // The main map shows the planned footprint (a fresh load reads the catalog).
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded]');
  await page.locator("#map path.planned-acquisition").first().waitFor();
  assert.ok(await page.locator("#layer-planned").isChecked());
});

test("no console errors and no request left the server", () => {
  assert.deepEqual(browser.problems, []);
});
