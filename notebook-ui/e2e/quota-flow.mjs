// Browser test of the quota page against a running api-server with its real Keycloak and
// PostgreSQL, in Debian's Chromium driven by playwright-core.
// Environment: BASE_URL, TENANT (its quota caps GPUs at TENANT_MAX_GPUS), WORKSPACE, ADMIN_EMAIL
// (the tenant admin), VIEWER_EMAIL (a viewer of the workspace), PASSWORD, SCREENSHOTS, CHROMIUM.
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { join } from "node:path";
import { browser, env, keycloakLogin, screenshots, step } from "./browser.mjs";

const base = env("BASE_URL");
const shots = screenshots();
const cap = env("TENANT_MAX_GPUS");
const quotaPage = `${base}/#/t/${env("TENANT")}/w/${env("WORKSPACE")}/quota`;

const admin = await browser();
const viewer = await browser();
try {
  const page = admin.page;
  await step("a tenant admin opens the quota page from the workspace nav: workspace and tenant caps", async () => {
    await page.goto(`${base}/#/t/${env("TENANT")}/w/${env("WORKSPACE")}`);
    await keycloakLogin(page, env("ADMIN_EMAIL"));
    await page.click("header a.nav:text-is('quota')");
    await page.waitForSelector("input#quota-maxGpus");
    const tenantCap = await page.locator("#quota tr").nth(1).locator("td.tenant-cap").innerText();
    if (tenantCap !== cap) throw new Error(`tenant's GPU cap shown: ${tenantCap}`);
    await page.waitForSelector("#usage #usage-chart");
    await page.waitForSelector("#tenant-usage #tenant-usage-chart");
  });
  await step("the admin sets max GPUs; after a reload the page shows it", async () => {
    await page.fill("#quota-maxGpus", "2");
    await page.click("#save-quota");
    await page.waitForFunction(() => document.querySelector("#quota-status")?.textContent === "Saved.");
    await page.reload();
    await page.waitForSelector("input#quota-maxGpus");
    const value = await page.inputValue("#quota-maxGpus");
    if (value !== "2") throw new Error(`max GPUs after reload: ${value}`);
  });
  await page.screenshot({ path: join(shots, "quota.png"), fullPage: true });
  await step("max GPUs above the tenant's cap: the server's 422 message next to the field, nothing saved", async () => {
    await page.fill("#quota-maxGpus", String(Number(cap) + 1));
    await page.click("#save-quota");
    await page.waitForFunction(() => document.querySelector("#error-maxGpus")?.textContent !== "");
    const message = await page.textContent("#error-maxGpus");
    if (!message.includes(`exceeds the tenant's quota of ${cap}`)) throw new Error(`next to max GPUs: ${message}`);
    const status = await page.textContent("#quota-status");
    if (!status.startsWith("Not saved")) throw new Error(`status: ${status}`);
    await page.reload();
    await page.waitForSelector("input#quota-maxGpus");
    const value = await page.inputValue("#quota-maxGpus");
    if (value !== "2") throw new Error(`max GPUs after the refused change: ${value}`);
  });
  await step("a viewer sees the quota read-only, without the tenant's caps", async () => {
    const other = viewer.page;
    await other.goto(quotaPage);
    await keycloakLogin(other, env("VIEWER_EMAIL"));
    await other.waitForSelector("#quota");
    const value = await other.textContent("#quota-maxGpus");
    if (value !== "2") throw new Error(`max GPUs shown to the viewer: ${value}`);
    if ((await other.locator("#quota input, #save-quota").count()) !== 0) throw new Error("the viewer got an editable form");
    const tenantCap = await other.locator("#quota tr").nth(1).locator("td.tenant-cap").innerText();
    if (tenantCap !== "–") throw new Error(`tenant cap shown to the viewer: ${tenantCap}`);
  });
} finally {
  await admin.close();
  await viewer.close();
}
