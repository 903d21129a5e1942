// Shared helpers of the browser tests: Debian's Chromium driven by playwright-core (no browser is
// downloaded), a fresh profile per browser, Keycloak's login form, and named steps that print the
// open pages' text when they fail.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const STEP_MS = 30_000;

export const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

/** The screenshot directory (SCREENSHOTS), created when missing. */
export function screenshots() {
  const dir = env("SCREENSHOTS");
  mkdirSync(dir, { recursive: true });
  return dir;
}

const opened = [];

/** A headless Chromium with a fresh profile (CHROMIUM, default /usr/bin/chromium). */
export async function browser() {
  const dir = mkdtempSync(join(tmpdir(), "flotilla-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
      "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
  context.setDefaultTimeout(STEP_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  opened.push(page);
  page.on("console", (m) => { if (m.type() === "error") console.log(`console: ${m.text()}`); });
  return { context, page, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Keycloak's login form; with organizations enabled it may ask for the user name first, then the password. */
export async function keycloakLogin(page, email) {
  await page.waitForSelector("#username");
  await page.fill("#username", email);
  if (await page.isVisible("#password")) {
    await page.fill("#password", env("PASSWORD"));
    await page.click("#kc-login");
  } else {
    await page.click("#kc-login");
    await page.waitForSelector("#password");
    await page.fill("#password", env("PASSWORD"));
    await page.click("#kc-login");
  }
}

/** Runs one named step; prints "ok   name (ms)", or "FAIL name: why" with every open page's text and rethrows. */
export async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    console.log(`FAIL ${name}: ${e.message}`);
    for (const page of opened) {
      const text = await page.evaluate(() => document.body?.innerText ?? "").catch(() => "(unreadable)");
      console.log(`page ${page.url()}\n${text.slice(0, 2000)}`);
    }
    throw e;
  }
}
