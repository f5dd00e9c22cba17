// Corridor what-if in a real browser against `silkway serve`: cutting the
// TCFO main (Aktau–Siyazan) moves Frankfurt–Almaty to the reserve
// (Kuryk–Buzovna) and its latency rises, as the API itself answers.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, VIEWPORT, VIEWER_TOKEN, loginAs, openBrowser, screenshot, serverPost, tabTo } from "./support.mjs";

const WHAT_IF = "/api/analyses/net/what-if"; // = ENDPOINTS.netWhatIf
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

test("the panel is offered only after login, and loads", async () => {
  assert.equal(await page.getByRole("link", { name: "Corridor what-if" }).count(), 0, "not offered to anonymous users");
  await loginAs(page, VIEWER_TOKEN, "viewer");
  await page.getByRole("link", { name: "Corridor what-if" }).click();
  await page.waitForSelector('section[data-panel="/what-if"][data-loaded="true"]', { timeout: 20000 });
  const cables = await page.locator("#cut-link option").count();
  assert.ok(cables > 10, `${cables} cables listed`);
  assert.ok((await page.locator("#whatif-map path.network-link").count()) > 10);
});

test("clicking a cable on the map chooses it", async () => {
  await page.locator('#whatif-map path[data-link-id="tcfo-reserve"]').dispatchEvent("click");
  assert.equal(await page.locator("#cut-link").inputValue(), "tcfo-reserve");
  // Or from the keyboard: Tab to a cable, Enter chooses it and moves to the button.
  await page.focus("#whatif-run");
  await tabTo(page, '#whatif-map path[data-link-id="tcfo-main"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#cut-link").inputValue(), "tcfo-main");
  await page.waitForFunction(() => document.activeElement?.id === "whatif-run", null, { timeout: 2000 });
});

test("cutting the TCFO main moves Frankfurt–Almaty to the reserve and its latency rises", async () => {
  // Keyboard path: the cable list and the button.
  await page.focus("#cut-link");
  await page.locator("#cut-link").selectOption("tcfo-main");
  const answered = page.waitForResponse((r) => r.url().endsWith(WHAT_IF) && r.request().method() === "POST");
  await tabTo(page, "#whatif-run", 5);
  await page.keyboard.press("Enter");
  const shown = await (await answered).json();
  await page.locator("#whatif-table").waitFor();

  // The API's own answer to the same request, asked independently.
  const api = await serverPost(WHAT_IF, { cut: ["tcfo-main"] }, VIEWER_TOKEN);
  const demand = api.demands.find((d) => d.source === "frankfurt" && d.target === "almaty");
  assert.ok(demand, "the scenario has a Frankfurt–Almaty demand");
  assert.ok(demand.before.links.includes("tcfo-main"), "before the cut it uses the TCFO main");
  assert.ok(demand.after.links.includes("tcfo-reserve") && !demand.after.links.includes("tcfo-main"));
  assert.ok(demand.after.nodes.includes("kuryk") && demand.after.nodes.includes("buzovna"), demand.after.nodes.join(","));
  assert.ok(demand.after.latency_us > demand.before.latency_us, "latency rises");
  assert.deepEqual(shown, api, "the page shows the API's answer");

  const row = page.locator('#whatif-table tr[data-source="frankfurt"][data-target="almaty"]');
  assert.equal(await row.getAttribute("data-outcome"), "re-routed");
  assert.equal(Number(await row.getAttribute("data-latency-before-us")), demand.before.latency_us);
  assert.equal(Number(await row.getAttribute("data-latency-after-us")), demand.after.latency_us);
  assert.equal(await row.locator("td.latency-before").textContent(), (demand.before.latency_us / 1000).toFixed(3));
  assert.equal(await row.locator("td.latency-after").textContent(), (demand.after.latency_us / 1000).toFixed(3));
  assert.equal(await row.locator("td.latency-change").textContent(), (demand.latency_change_us / 1000).toFixed(3));
  assert.equal(await row.locator("td.lost-capacity").textContent(), demand.lost_capacity_gbps.toFixed(0));
  assert.match(await page.locator("#whatif-summary").textContent(), new RegExp(`${api.rerouted} demand\\(s\\) re-routed, ${api.lost} lost`));
  // On the map: the cut crossed out, the reserve on the new route.
  assert.equal(await page.locator('#whatif-map path.whatif-cut[data-link-id="tcfo-main"]').count(), 1);
  assert.equal(await page.locator('#whatif-map path.whatif-after[data-link-id="tcfo-reserve"]').count(), 1);
  console.log(
    `what-if tcfo-main: Frankfurt–Almaty ${demand.before.latency_us} µs → ${demand.after.latency_us} µs ` +
      `(+${demand.latency_change_us} µs), ${api.rerouted} re-routed, ${api.lost} lost, cut ${api.cut_capacity_gbps} Gbit/s`,
  );
  // Fits the laptop screen: the panel scrolls inside, the page does not.
  const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  assert.ok(size.w <= VIEWPORT.width && size.h <= VIEWPORT.height, JSON.stringify(size));
  await screenshot(page, "corridor-what-if");
});

test("cutting both TCFO cables re-routes or loses Frankfurt–Almaty as the API says", async () => {
  await page.locator("#cut-link").selectOption("tcfo-reserve");
  await page.getByRole("button", { name: "Also cut the chosen cable" }).click();
  await page.locator("#cut-link").selectOption("tcfo-main");
  assert.equal(await page.locator('#also-cut-list li[data-link-id="tcfo-reserve"]').count(), 1);
  const answered = page.waitForResponse((r) => r.url().endsWith(WHAT_IF) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Cut and re-route" }).click();
  const response = await answered;
  assert.deepEqual(response.request().postDataJSON(), { cut: ["tcfo-main", "tcfo-reserve"] });
  const api = await serverPost(WHAT_IF, { cut: ["tcfo-main", "tcfo-reserve"] }, VIEWER_TOKEN);
  assert.deepEqual(await response.json(), api);
  await page.waitForFunction(() => document.querySelector("#whatif-results")?.dataset.cut === "tcfo-main tcfo-reserve");
  const demand = api.demands.find((d) => d.source === "frankfurt" && d.target === "almaty");
  const row = page.locator('#whatif-table tr[data-source="frankfurt"][data-target="almaty"]');
  assert.equal(await row.getAttribute("data-outcome"), demand.lost ? "lost" : demand.rerouted ? "re-routed" : "unchanged");
  assert.ok(!(demand.after?.links ?? []).some((l) => l === "tcfo-main" || l === "tcfo-reserve"), "the new route avoids both cuts");
  assert.equal(await page.locator("#map path.whatif-cut, #whatif-map path.whatif-cut").count(), 2);
  console.log(
    `what-if tcfo-main + tcfo-reserve: Frankfurt–Almaty ${demand.lost ? "lost" : `${demand.after.latency_us} µs via ${demand.after.links.join(", ")}`}, ` +
      `lost capacity ${demand.lost_capacity_gbps} Gbit/s; ${api.rerouted} re-routed, ${api.lost} lost`,
  );
  // Remove the extra cut again from the keyboard.
  await page.getByRole("button", { name: /Remove .* from the cut/ }).press("Enter");
  assert.equal(await page.locator("#also-cut-list li").count(), 0);
});

test("no console errors and no request left the server", () => {
  assert.deepEqual(browser.problems, []);
});
