// Shared set-up of the browser tests: Debian's chromium driven by
// playwright-core (never a downloaded browser), a fresh profile per run,
// the server URL and tokens from the environment (scripts/web-test.sh).
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const BASE_URL = requiredEnv("SILKWAY_UI_URL");
export const VIEWER_TOKEN = requiredEnv("SILKWAY_UI_VIEWER_TOKEN");
export const ENGINEER_TOKEN = requiredEnv("SILKWAY_UI_ENGINEER_TOKEN");
export const ADMIN_TOKEN = requiredEnv("SILKWAY_UI_ADMIN_TOKEN");
/** An engineer of ir-admin, the other administration of the coordination tests. */
export const IR_ENGINEER_TOKEN = requiredEnv("SILKWAY_UI_IR_ENGINEER_TOKEN");
export const OUTPUT_DIR = new URL("../test-output/", import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** The laptop screen the UI must fit. */
export const VIEWPORT = { width: 1366, height: 768 };

function requiredEnv(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests with scripts/web-test.sh`);
  return v;
}

/**
 * Launch chromium with a fresh user-data-dir and one page. The page
 * records console errors, uncaught exceptions, failed requests and every
 * request that leaves the server's origin, for {@link assertClean}.
 */
export async function openBrowser() {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "silkway-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  const origin = new URL(BASE_URL).origin;
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.push(`request outside the server: ${url}`);
    }
  });
  return {
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fetch JSON from the test server (what the page should show). */
export async function serverJson(path) {
  const r = await fetch(new URL(path, BASE_URL));
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

/** POST JSON to the server with a token (the API's own answer to compare the page with). */
export async function serverPost(path, body, token = ENGINEER_TOKEN) {
  const r = await fetch(new URL(path, BASE_URL), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** Log in through the login box with `token` and wait for `role`. */
export async function loginAs(page, token, role) {
  await page.fill("#login-token", token);
  await page.keyboard.press("Enter");
  await page.waitForFunction((r) => document.querySelector(".login-box")?.dataset.role === r, role);
}

/** Press Tab until `selector` has focus; fails if it is not in the tab order. */
export async function tabTo(page, selector, maxPresses = 120) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i + 1;
  }
  throw new Error(`${selector} not reached with ${maxPresses} Tab presses`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`) });
}
