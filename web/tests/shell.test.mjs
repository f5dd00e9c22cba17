// The app shell: navigation, client routes, login and role-based hiding.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, ENGINEER_TOKEN, VIEWER_TOKEN, openBrowser, screenshot } from "./support.mjs";

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

const identity = () => page.locator(".login-box").getAttribute("data-role");

test("navigation switches panels and client routes survive a reload", async () => {
  await page.getByRole("link", { name: "About" }).click();
  await page.waitForURL(`${BASE_URL}/about`);
  await page.getByRole("heading", { name: "About silkway" }).waitFor();
  assert.equal(await page.locator('nav a[aria-current="page"]').textContent(), "About");
  assert.equal(await page.locator('section[data-panel="/map"]').isHidden(), true);
  await page.reload();
  await page.getByRole("heading", { name: "About silkway" }).waitFor();
  await screenshot(page, "about");
  await page.goBack();
  await page.waitForURL(`${BASE_URL}/`);
  await page.waitForSelector('section[data-panel="/map"]:not([hidden])');
});

test("a wrong token is refused and nothing is stored", async () => {
  await page.fill("#login-token", "not-a-token");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.kind === "error");
  assert.match(await page.locator("#status").textContent(), /Login failed: \/api\/me: 401/);
  assert.equal(await identity(), "anonymous");
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
});

test("login shows the role, and actions above it are not offered", async () => {
  // Actions as a panel marks them (data-min-role), added before the login.
  await page.evaluate(() => {
    for (const role of ["viewer", "engineer", "admin"]) {
      const b = document.createElement("button");
      b.id = `needs-${role}`;
      b.dataset.minRole = role;
      b.textContent = role;
      document.querySelector("main").append(b);
    }
  });
  await page.fill("#login-token", VIEWER_TOKEN);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForFunction(() => document.querySelector(".login-box")?.dataset.role === "viewer");
  assert.match(await page.locator("#login-identity").textContent(), /^viewer/);
  assert.deepEqual(
    [await page.isVisible("#needs-viewer"), await page.isVisible("#needs-engineer"), await page.isVisible("#needs-admin")],
    [true, false, false],
  );
  await screenshot(page, "logged-in-viewer");

  await page.getByRole("button", { name: "Log out" }).click();
  assert.equal(await identity(), "anonymous");
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.equal(await page.isVisible("#needs-viewer"), false);

  await page.fill("#login-token", ENGINEER_TOKEN);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".login-box")?.dataset.role === "engineer");
  assert.deepEqual(
    [await page.isVisible("#needs-viewer"), await page.isVisible("#needs-engineer"), await page.isVisible("#needs-admin")],
    [true, true, false],
  );
});

test("the session survives a reload of the tab", async () => {
  await page.reload();
  await page.waitForFunction(() => document.querySelector(".login-box")?.dataset.role === "engineer");
  await page.getByRole("button", { name: "Log out" }).click();
});

test("no console errors and no request left the server", () => {
  // The refused login's 401 is reported by chromium as a failed resource load.
  const expected = /Failed to load resource: the server responded with a status of 401/;
  assert.deepEqual(
    browser.problems.filter((p) => !expected.test(p)),
    [],
  );
});
