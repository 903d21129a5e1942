// Browser test of the notebook UI against a running api-server with its real Keycloak and
// PostgreSQL, in Debian's Chromium driven by playwright-core (no browser is downloaded).
// Environment: BASE_URL, TENANT, WORKSPACE, USER_EMAIL, OTHER_TENANT, OTHER_WORKSPACE,
// OTHER_EMAIL, PASSWORD, SCREENSHOTS (a directory), CHROMIUM (default /usr/bin/chromium).
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const base = env("BASE_URL");
const shots = env("SCREENSHOTS");
const STEP_MS = 30_000;
mkdirSync(shots, { recursive: true });

async function browser() {
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
async function keycloakLogin(page, email) {
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

const opened = [];

async function step(name, body) {
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

const source = "int answer = 6 * 7;";
let notebookUrl;
let notebookId;
const owner = await browser();
const stranger = await browser();
try {
  const page = owner.page;
  await step("log in through the tenant's Keycloak (code + PKCE)", async () => {
    await page.goto(`${base}/#/t/${env("TENANT")}/w/${env("WORKSPACE")}`);
    await keycloakLogin(page, env("USER_EMAIL"));
    await page.waitForSelector("#new-name");
  });
  await step("create a notebook", async () => {
    await page.fill("#new-name", "Browser test notebook");
    await page.click("#create");
    await page.waitForSelector("#notebook-name");
    notebookUrl = page.url();
    notebookId = notebookUrl.split("/n/")[1];
  });
  await step("kernel badge says not available (no kernel service)", async () => {
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel not available");
  });
  await step("add a code cell and a markdown cell, autosave", async () => {
    await page.getByRole("button", { name: "+ Code" }).click();
    await page.keyboard.type(source);
    await page.getByRole("button", { name: "+ Markdown" }).click();
    await page.keyboard.type("# Results\n\nThe *answer* is below.");
    await page.waitForFunction(() => /^saved \(v\d+\)$/.test(document.querySelector("#saved")?.textContent ?? ""));
  });
  await step("running a cell without a kernel says so, no output is made up", async () => {
    await page.locator(".cell.code .cm-content").click();
    await page.keyboard.press("Control+Enter");
    await page.waitForSelector(".cell.code .output.notice");
    const text = await page.textContent(".cell.code .outputs");
    if (text !== "Kernel not available: this cell was not run.") throw new Error(`outputs: ${text}`);
  });
  await page.screenshot({ path: join(shots, "notebook.png") });
  await step("reload: the notebook is there with its cells", async () => {
    await page.reload();
    await page.waitForSelector(".cell.markdown .markdown h1");
    const code = await page.textContent(".cell.code .cm-content");
    if (!code.includes(source)) throw new Error(`code cell after reload: ${code}`);
    const h1 = await page.textContent(".cell.markdown .markdown h1");
    if (h1 !== "Results") throw new Error(`markdown heading after reload: ${h1}`);
  });
  await step("the version list shows the saves", async () => {
    await page.click("#versions");
    await page.waitForSelector("li[data-version='2']");
    const count = await page.locator("li[data-version]").count();
    if (count < 2) throw new Error(`only ${count} versions listed`);
  });
  await page.screenshot({ path: join(shots, "notebook-versions.png") });

  const other = stranger.page;
  await step("a user of another tenant: the notebook's id on their own paths is not found", async () => {
    await other.goto(`${base}/#/t/${env("OTHER_TENANT")}/w/${env("OTHER_WORKSPACE")}/n/${notebookId}`);
    await keycloakLogin(other, env("OTHER_EMAIL"));
    await other.waitForSelector(".error");
    const text = await other.textContent(".error");
    if (!text.startsWith("Not found")) throw new Error(`answer: ${text}`);
  });
  await step("tokens page: a new API token is shown once", async () => {
    await page.goto(`${base}/#/t/${env("TENANT")}/w/${env("WORKSPACE")}/tokens`);
    await page.fill("#token-name", "browser");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.waitForSelector("#token-secret code");
    const secret = await page.textContent("#token-secret code");
    if (!secret.startsWith("flt_")) throw new Error(`token shown: ${secret}`);
  });
} finally {
  await owner.close();
  await stranger.close();
}
