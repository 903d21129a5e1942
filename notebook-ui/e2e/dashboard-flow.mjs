// Browser test of the workspace dashboard against a running api-server with a real scheduler and
// gpu-worker behind it (the IT's EdgeCluster), in Debian's Chromium driven by playwright-core.
// Environment: BASE_URL, TENANT, WORKSPACE (quota: one GPU; an SDK program holds it and has a
// second GPU task waiting, and an actor named ACTOR_NAME alive), USER_EMAIL (a member), GPU_MODEL, JOB_NAME (a job of the workspace),
// FORBIDDEN_WORKSPACE (one of the tenant the user is not in), PASSWORD, SCREENSHOTS, CHROMIUM.
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { join } from "node:path";
import { browser, env, keycloakLogin, screenshots, step } from "./browser.mjs";

const base = env("BASE_URL");
const shots = screenshots();
const dashboard = (ws) => `${base}/#/t/${env("TENANT")}/w/${ws}/dashboard`;
const WAIT_MS = 90_000;

const user = await browser();
try {
  const page = user.page;
  await step("log in and open the dashboard from the workspace nav", async () => {
    await page.goto(`${base}/#/t/${env("TENANT")}/w/${env("WORKSPACE")}`);
    await keycloakLogin(page, env("USER_EMAIL"));
    await page.waitForSelector("#new-name");
    await page.click("header a.nav:text-is('dashboard')");
    await page.waitForSelector("#cluster-state[data-state='connected']");
  });
  await step("the node is listed with its GPU model and GPU meter", async () => {
    await page.waitForSelector("#nodes tr[data-node]");
    const model = await page.textContent("#nodes tr[data-node] .gpu-model");
    if (model !== env("GPU_MODEL")) throw new Error(`GPU model shown: ${model}`);
    const row = await page.textContent("#nodes tr[data-node]");
    if (!/\/ 1\b/.test(row)) throw new Error(`no GPU of 1 in the node row: ${row}`);
  });
  await step("the waiting GPU task shows the scheduler's quota reason", async () => {
    await page.waitForFunction(() => [...document.querySelectorAll("#pending td.reason")]
      .some((td) => td.textContent.includes("workspace quota: GPU 1/1 in use")), undefined, { timeout: WAIT_MS });
  });
  await step("the GPU-holding task is listed as running on the node", async () => {
    await page.waitForFunction(() => [...document.querySelectorAll("#running tr[data-kind='task']")]
      .some((tr) => tr.textContent.includes("holdGpuUntil") && tr.textContent.includes("1 GPU")), undefined, { timeout: WAIT_MS });
  });
  await step("the named actor is listed with an alive badge", async () => {
    const row = `#actors tr[data-state='alive']:has(td.actor-name:text-is('${env("ACTOR_NAME")}'))`;
    await page.waitForSelector(row, { timeout: WAIT_MS });
    const badge = await page.textContent(`${row} .badge-alive`);
    if (badge !== "alive") throw new Error(`badge shown: ${badge}`);
  });
  await step("the usage chart is an SVG with the GPU-hours and CPU-hours bars and the budget", async () => {
    const bars = await page.locator("#usage-chart rect.chart-track").count();
    if (bars !== 2) throw new Error(`${bars} bars in the chart`);
    const text = await page.textContent("#usage-chart");
    if (!text.includes("GPU-hours") || !text.includes("CPU-hours") || !/\/ 5 h/.test(text)) throw new Error(`chart text: ${text}`);
    if ((await page.locator("#usage-chart line.chart-budget").count()) !== 1) throw new Error("no budget line");
  });
  await step("the workspace's job is listed and its log opens", async () => {
    await page.waitForSelector(`#jobs td:text-is('${env("JOB_NAME")}')`);
    await page.click("#jobs button[data-job]");
    await page.waitForSelector("#job-log");
  });
  await page.screenshot({ path: join(shots, "dashboard.png"), fullPage: true });
  await step("the page refreshes by itself (every 5 s)", async () => {
    const first = await page.textContent("#cluster-state");
    await page.waitForFunction((t) => document.querySelector("#cluster-state")?.textContent !== t, first, { timeout: 15_000 });
  });
  await step("a workspace the user is not in: the dashboard says Forbidden", async () => {
    await page.goto(dashboard(env("FORBIDDEN_WORKSPACE")));
    await page.waitForSelector("#cluster-state[data-state='forbidden']");
  });
} finally {
  await user.close();
}
