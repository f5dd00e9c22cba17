// Spectrum panel against `silkway serve`: the Astara–Lankaran link
// triggers AZ–IR coordination as the API's border screening says; a
// coordination request sent by az-admin is taken up by ir-admin, and
// only the receiving administration is offered that move.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, ENGINEER_TOKEN, IR_ENGINEER_TOKEN, VIEWER_TOKEN, VIEWPORT, loginAs, openBrowser, screenshot, serverPost } from "./support.mjs";

const BORDER = "/api/analyses/spectrum/border"; // = ENDPOINTS.spectrumBorder
let browser;
let page;

before(async () => {
  browser = await openBrowser();
  page = browser.page;
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded]');
});

after(async () => {
  await browser?.close();
});

async function openSpectrum() {
  await page.getByRole("link", { name: "Spectrum" }).click();
  await page.waitForSelector('section[data-panel="/spectrum"][data-loaded="true"]', { timeout: 20000 });
}

test("assignments with the border screening: the triggering ones as the API says", async () => {
  assert.equal(await page.getByRole("link", { name: "Spectrum" }).count(), 0, "not offered to anonymous users");
  await loginAs(page, VIEWER_TOKEN, "viewer");
  await openSpectrum();
  const api = await serverPost(BORDER, {}, VIEWER_TOKEN);
  const triggering = api.reports.filter((r) => r.coordinate_with.length > 0).map((r) => r.assignment).sort();
  assert.ok(triggering.includes("az-astara-lankaran-tx"), triggering.join(","));
  const marked = (await page.locator("#assignments-table tr.triggers").evaluateAll((rows) => rows.map((r) => r.dataset.assignment))).sort();
  assert.deepEqual(marked, triggering);
  assert.equal(await page.locator("#spectrum-map path.trigger-point").count(), triggering.length);
  const lankaran = page.locator('#assignments-table tr[data-assignment="az-astara-lankaran-tx"] td');
  assert.match(await lankaran.last().textContent(), /ir-admin/);
  // Sort by frequency from the keyboard, filter by text.
  await page.locator('#assignments-table th[data-key="freq"]').focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator('#assignments-table th[data-key="freq"]').getAttribute("aria-sort"), "descending");
  await page.fill("#assignments-filter", "ir-admin");
  const admins = await page.locator("#assignments-table tbody tr td:nth-child(2)").allTextContents();
  assert.ok(admins.length > 0 && admins.every((a) => a === "ir-admin"), admins.join(","));
  await page.fill("#assignments-filter", "");
  // A viewer is not offered to send requests.
  assert.equal(await page.locator("#coord-create").isVisible(), false);
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  assert.ok(size.w <= VIEWPORT.width && size.h <= VIEWPORT.height, JSON.stringify(size));
  await screenshot(page, "spectrum");
});

test("a coordination request goes open → under review, moved by the receiving administration only", async () => {
  await page.getByRole("button", { name: "Log out" }).click().catch(() => {});
  await page.goto(BASE_URL);
  await page.waitForSelector('section[data-panel="/map"][data-loaded]');
  await loginAs(page, ENGINEER_TOKEN, "engineer");
  await openSpectrum();
  await page.fill("#coord-to", "ir-admin");
  const subject = `Astara–Lankaran 7.4 GHz ${Date.now()}`;
  await page.fill("#coord-subject", subject);
  await page.locator("#coord-assignment").selectOption("az-astara-lankaran-tx");
  await page.getByRole("button", { name: "Send request" }).click();
  const card = page.locator(".board-column[data-status='open'] .board-card", { hasText: subject });
  await card.waitFor();
  // The sender (az-admin) may not take up its own request.
  assert.equal(await card.locator("button.board-move").count(), 0);

  // Iran's engineer sees it and is offered the move.
  const context = page.context();
  const other = await context.browser().newContext({ viewport: VIEWPORT });
  const ir = await other.newPage();
  const errors = [];
  ir.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await ir.goto(BASE_URL);
  await ir.waitForSelector('section[data-panel="/map"][data-loaded]');
  await loginAs(ir, IR_ENGINEER_TOKEN, "engineer");
  await ir.getByRole("link", { name: "Spectrum" }).click();
  await ir.waitForSelector('section[data-panel="/spectrum"][data-loaded="true"]', { timeout: 20000 });
  const theirs = ir.locator(".board-column[data-status='open'] .board-card", { hasText: subject });
  await theirs.waitFor();
  await theirs.getByRole("button", { name: "Take up for review" }).click();
  const reviewed = ir.locator(".board-column[data-status='under_review'] .board-card", { hasText: subject });
  await reviewed.waitFor();
  assert.deepEqual(await reviewed.locator("button.board-move").allTextContents(), ["Agree", "Object"]);
  await screenshot(ir, "coordination-board");
  await other.close();
  assert.deepEqual(errors, []);
});

test("no console errors and no request left the server", () => {
  assert.deepEqual(browser.problems, []);
});
