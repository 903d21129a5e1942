// Browser test of the notebook UI against a running api-server with its real Keycloak and
// PostgreSQL, in Debian's Chromium driven by playwright-core (no browser is downloaded).
// Environment: BASE_URL, TENANT, WORKSPACE, USER_EMAIL, OTHER_TENANT, OTHER_WORKSPACE,
// OTHER_EMAIL, PASSWORD, SCREENSHOTS (a directory), CHROMIUM (default /usr/bin/chromium).
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { join } from "node:path";
import { STEP_MS, browser, env, keycloakLogin, screenshots, step } from "./browser.mjs";

const base = env("BASE_URL");
const shots = screenshots();

const KERNEL_MS = 180_000;
let notebookUrl;
let notebookId;
const owner = await browser();
const stranger = await browser();

/** The text of the outputs of the i-th code cell (0-based). */
const outputs = (page, i) => page.locator(".cell.code").nth(i).locator(".outputs").innerText();

/** Types code into the focused cell and runs it with Shift+Enter (which moves to a new cell). */
async function runCell(page, code) {
  await page.keyboard.insertText(code);
  await page.keyboard.press("Shift+Enter");
}

/** The data-cell-id of every cell, in page order. */
const cellIds = (page) => page.locator(".cells > .cell").evaluateAll((cells) => cells.map((c) => c.dataset.cellId));

/** Fails unless the i-th cell is the selected one in command mode and holds the focus itself. */
async function expectSelected(page, i) {
  const state = await page.evaluate(() => {
    const cells = [...document.querySelectorAll(".cells > .cell")];
    return { selected: cells.map((c, n) => (c.classList.contains("selected") ? n : -1)).filter((n) => n >= 0),
      command: cells.findIndex((c) => c.classList.contains("command")), focus: cells.indexOf(document.activeElement) };
  });
  if (state.selected.join() !== String(i) || state.command !== i || state.focus !== i) {
    throw new Error(`expected cell ${i} selected in command mode: ${JSON.stringify(state)}`);
  }
}

/** Rewrites this tab's stored session (auth.ts keeps it in sessionStorage as flotilla.session); expiresIn: ms from now. */
const editSession = (page, { expiresIn, ...fields }) => page.evaluate(([ms, f]) => {
  const s = JSON.parse(sessionStorage.getItem("flotilla.session"));
  sessionStorage.setItem("flotilla.session", JSON.stringify({ ...s, ...f, expiresAt: Date.now() + ms }));
}, [expiresIn, fields]);

async function waitForOutput(page, i, selector, timeout = KERNEL_MS) {
  await page.locator(".cell.code").nth(i).locator(selector).first().waitFor({ timeout });
}

try {
  const page = owner.page;
  // Token refreshes (POSTs of the refresh_token grant) and visits of Keycloak's login page.
  const refreshes = [];
  const loginVisits = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/protocol/openid-connect/token") && (r.postData() ?? "").includes("grant_type=refresh_token")) {
      refreshes.push(r.url());
    }
  });
  page.on("framenavigated", (f) => { if (f === page.mainFrame() && f.url().includes("/protocol/openid-connect/auth")) loginVisits.push(f.url()); });
  const refreshedWithoutLogin = (refreshesBefore, visitsBefore) => {
    if (refreshes.length <= refreshesBefore) throw new Error("no grant_type=refresh_token request went to the token endpoint");
    if (loginVisits.length !== visitsBefore) throw new Error(`sent to Keycloak's login page: ${loginVisits.at(-1)}`);
  };
  await step("log in through the tenant's Keycloak (code + PKCE)", async () => {
    await page.goto(`${base}/#/t/${env("TENANT")}/w/${env("WORKSPACE")}`);
    await keycloakLogin(page, env("USER_EMAIL"));
    await page.waitForSelector("#new-name");
  });
  await step("create a notebook after the access token expired: refreshed with the refresh token, no new login", async () => {
    const [r, v] = [refreshes.length, loginVisits.length];
    await editSession(page, { expiresIn: -1000 });
    await page.fill("#new-name", "Browser test notebook");
    await page.click("#create");
    await page.waitForSelector("#notebook-name");
    notebookUrl = page.url();
    notebookId = notebookUrl.split("/n/")[1];
    refreshedWithoutLogin(r, v);
    const expiresAt = await page.evaluate(() => JSON.parse(sessionStorage.getItem("flotilla.session")).expiresAt);
    if (expiresAt <= Date.now()) throw new Error(`the stored session still expired: ${new Date(expiresAt).toISOString()}`);
  });
  await step("the notebook's kernel starts on the cluster (badge: idle)", async () => {
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: idle", null,
      { timeout: KERNEL_MS });
  });
  await step("a cell defines a method, the next sums it over 100 remote tasks: 338350", async () => {
    await page.getByRole("button", { name: "+ Code" }).click();
    await runCell(page, "static int sq(int x) { return x * x; }");
    await runCell(page, [
      "var refs = new ArrayList<ObjectRef<Integer>>();",
      "for (int i = 1; i <= 100; i++) refs.add(fl.task(x -> sq(x), i).remote());",
      "fl.get(refs).stream().mapToInt(Integer::intValue).sum()"].join("\n"));
    await waitForOutput(page, 1, ".output.result");
    const text = await outputs(page, 1);
    if (text.trim() !== "338350") throw new Error(`sum cell shows: ${text}`);
    const count = await page.locator(".cell.code").nth(1).locator(".count").innerText();
    if (count !== "[2]") throw new Error(`execution count: ${count}`);
  });
  await step("a cell that prints in a loop shows output before it ends; interrupt stops it", async () => {
    await runCell(page, 'for (int i = 0; ; i++) { System.out.println("tick " + i); Thread.sleep(100); }');
    await page.waitForFunction(() => {
      const cell = document.querySelectorAll(".cell.code")[2];
      return cell?.querySelector(".outputs")?.textContent?.includes("tick 3");
    }, null, { timeout: KERNEL_MS });
    const busy = await page.textContent("#kernel-state");
    if (busy !== "kernel: busy") throw new Error(`badge while the loop runs: ${busy}`);
    if (await page.locator(".cell.code").nth(2).locator(".output.result").count() > 0) throw new Error("the loop ended by itself");
    await page.click("#interrupt");
    await waitForOutput(page, 2, ".output.error", 60_000);
    const text = await page.locator(".cell.code").nth(2).locator(".output.error").innerText();
    if (!text.startsWith("Interrupted")) throw new Error(`after interrupt: ${text}`);
  });
  await step("the kernel kept its state after the interrupt", async () => {
    await page.locator(".cell.code").nth(3).locator(".cm-content").click();
    await runCell(page, "sq(12)");
    await waitForOutput(page, 3, ".output.result");
    const text = await outputs(page, 3);
    if (text.trim() !== "144") throw new Error(`sq(12) shows: ${text}`);
  });
  await step("a plot renders as a non-empty SVG image", async () => {
    await runCell(page, "display(Plot.line(1, 4, 9, 16, 25))");
    await waitForOutput(page, 4, "img.display.svg");
    const img = page.locator(".cell.code").nth(4).locator("img.display.svg");
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
    const size = await img.evaluate((el) => ({ w: el.naturalWidth, h: el.naturalHeight, src: el.src.length }));
    if (size.w < 50 || size.h < 50 || size.src < 500) throw new Error(`plot image: ${JSON.stringify(size)}`);
    const svg = decodeURIComponent((await img.getAttribute("src")).split(",")[1]);
    if (!svg.startsWith("<svg") || !svg.includes("<polyline")) throw new Error(`plot markup: ${svg.slice(0, 200)}`);
  });
  await page.waitForFunction(() => /^saved \(v\d+\)$/.test(document.querySelector("#saved")?.textContent ?? ""));
  await page.screenshot({ path: join(shots, "notebook.png"), fullPage: true });
  await step("restart forgets definitions (sq is unknown afterwards)", async () => {
    await page.click("#restart");
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: idle", null,
      { timeout: KERNEL_MS });
    await page.locator(".cell.code").nth(5).locator(".cm-content").click();
    await runCell(page, "sq(3)");
    await waitForOutput(page, 5, ".output.error");
    const text = await page.locator(".cell.code").nth(5).locator(".output.error").innerText();
    if (!text.startsWith("CompileError") || !text.includes("cannot find symbol")) throw new Error(`after restart: ${text}`);
    const count = await page.locator(".cell.code").nth(5).locator(".count").innerText();
    if (count !== "[1]") throw new Error(`execution count after restart: ${count}`);
  });
  await step("completion comes from the kernel (Ctrl+Space after fl.ta offers task)", async () => {
    await page.locator(".cell.code").nth(6).locator(".cm-content").click();
    await page.keyboard.type("fl.ta");
    await page.keyboard.press("Control+Space");
    await page.waitForSelector(".cm-tooltip-autocomplete li");
    const items = await page.locator(".cm-tooltip-autocomplete li").allInnerTexts();
    if (!items.some((t) => t.startsWith("task"))) throw new Error(`completions: ${items.join(", ")}`);
    await page.waitForSelector(".cm-completionInfo .completion-docs");
    const docs = await page.textContent(".cm-completionInfo .completion-docs");
    if (!docs.includes("task")) throw new Error(`documentation shown: ${docs}`);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
  });
  await step("a progress bar over 20 remote tasks updates in place and ends at 20/20", async () => {
    await runCell(page, [
      "var rs = new ArrayList<ObjectRef<Integer>>();",
      "for (int i = 0; i < 20; i++) rs.add(fl.task(x -> { long end = System.nanoTime() + 50_000_000L; while (System.nanoTime() < end) { } return x; }, i).remote());",
      "Progress.get(fl, rs).size()"].join("\n"));
    await waitForOutput(page, 6, ".output.result");
    const cell = page.locator(".cell.code").nth(6);
    const bars = cell.locator("iframe.display.html[data-display-id]");
    if ((await bars.count()) !== 1) throw new Error(`progress outputs: ${await bars.count()}`);
    const html = await bars.getAttribute("srcdoc");
    if (!html.includes("20/20")) throw new Error(`progress bar: ${html}`);
    if ((await outputs(page, 6)).trim() !== "20") throw new Error(`result: ${await outputs(page, 6)}`);
  });
  await step("add a markdown cell, autosave", async () => {
    await page.getByRole("button", { name: "+ Markdown" }).click();
    await page.keyboard.type("# Results\n\nThe *answer* is above.");
    await page.waitForFunction(() => /^saved \(v\d+\)$/.test(document.querySelector("#saved")?.textContent ?? ""));
  });
  await step("a refused access token (401): refreshed once and the calls retried, no new login", async () => {
    const [r, v] = [refreshes.length, loginVisits.length];
    await editSession(page, { accessToken: "refused.by.the.server", expiresIn: 600_000 });
    await page.reload();
    await page.waitForSelector(".cell.markdown .markdown h1");
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: idle", null,
      { timeout: KERNEL_MS });
    refreshedWithoutLogin(r, v);
  });
  await step("reload: the notebook is there with its cells and outputs, the kernel reconnects", async () => {
    await page.reload();
    await page.waitForSelector(".cell.markdown .markdown h1");
    const code = await page.locator(".cell.code").nth(0).locator(".cm-content").innerText();
    if (!code.includes("static int sq(int x)")) throw new Error(`first code cell after reload: ${code}`);
    const sum = await outputs(page, 1);
    if (!sum.includes("338350")) throw new Error(`saved output after reload: ${sum}`);
    await page.locator(".cell.code").nth(4).locator("img.display.svg").waitFor();
    const h1 = await page.textContent(".cell.markdown .markdown h1");
    if (h1 !== "Results") throw new Error(`markdown heading after reload: ${h1}`);
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: idle", null,
      { timeout: KERNEL_MS });
  });
  await step("the version list shows the saves", async () => {
    await page.click("#versions");
    await page.waitForSelector("li[data-version='2']");
    const count = await page.locator("li[data-version]").count();
    if (count < 2) throw new Error(`only ${count} versions listed`);
  });
  await page.screenshot({ path: join(shots, "notebook-versions.png") });

  await step("shortcuts: Esc selects the cell (command mode), B / A insert code cells below / above, J / K move", async () => {
    await page.locator(".cells > .cell").nth(0).locator(".cm-content").click();
    await page.keyboard.press("Escape");
    await expectSelected(page, 0);
    const before = await cellIds(page);
    await page.keyboard.press("b");
    const afterB = await cellIds(page);
    if (afterB.length !== before.length + 1 || afterB[0] !== before[0] || afterB[2] !== before[1]) throw new Error(`after B: ${afterB}`);
    await expectSelected(page, 1);
    if (!(await page.locator(".cells > .cell").nth(1).evaluate((c) => c.classList.contains("code")))) throw new Error("B inserted no code cell");
    await page.keyboard.press("a");
    const afterA = await cellIds(page);
    if (afterA.length !== before.length + 2 || afterA[2] !== afterB[1]) throw new Error(`after A: ${afterA}`);
    await expectSelected(page, 1);
    await page.keyboard.press("j");
    await expectSelected(page, 2);
    await page.keyboard.press("k");
    await expectSelected(page, 1);
    await page.keyboard.press("d");
    await page.keyboard.press("d");
    const afterDD = await cellIds(page);
    if (afterDD.join() !== afterB.join()) throw new Error(`after D D: ${afterDD}, expected ${afterB}`);
    await expectSelected(page, 1);
  });
  await step("shortcuts: M makes the selected cell markdown, Y code again", async () => {
    const id = (await cellIds(page))[1];
    await page.keyboard.press("m");
    await page.waitForSelector(`.cells > .cell.markdown[data-cell-id='${id}']`);
    await expectSelected(page, 1);
    await page.keyboard.press("y");
    await page.waitForSelector(`.cells > .cell.code[data-cell-id='${id}']`);
    await expectSelected(page, 1);
  });
  await step("shortcuts: Enter edits, Alt+Enter runs the cell (42) and inserts a cell below to edit", async () => {
    const before = await cellIds(page);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.closest(".cells > .cell") === document.querySelectorAll(".cells > .cell")[1]
      && document.activeElement.closest(".cm-editor") !== null);
    await page.keyboard.insertText("6 * 7");
    await page.keyboard.press("Alt+Enter");
    await page.locator(".cells > .cell").nth(1).locator(".output.result").waitFor({ timeout: KERNEL_MS });
    const result = await page.locator(".cells > .cell").nth(1).locator(".outputs").innerText();
    if (result.trim() !== "42") throw new Error(`6 * 7 shows: ${result}`);
    const after = await cellIds(page);
    if (after.length !== before.length + 1 || after[1] !== before[1] || after[3] !== before[2]) throw new Error(`after Alt+Enter: ${after}`);
    const editing = await page.evaluate(() => [...document.querySelectorAll(".cells > .cell")].indexOf(document.activeElement?.closest(".cell")));
    if (editing !== 2) throw new Error(`the editor with the focus is cell ${editing}, not the inserted one`);
  });
  await step("the Shortcuts button shows and hides the list", async () => {
    await page.click("#shortcuts-toggle");
    const text = await page.locator("#shortcuts").innerText();
    for (const k of ["Alt+Enter", "D D", "M / Y"]) if (!text.includes(k)) throw new Error(`the list lacks ${k}: ${text}`);
    await page.click("#shortcuts-toggle");
    if (await page.isVisible("#shortcuts")) throw new Error("the list stayed open");
  });

  const other = stranger.page;
  await step("a user of another tenant opening the notebook's URL gets not found", async () => {
    await other.goto(notebookUrl);
    await keycloakLogin(other, env("OTHER_EMAIL"));
    await other.waitForSelector(".error");
    const text = await other.textContent(".error");
    if (!text.startsWith("Not found")) throw new Error(`answer: ${text}`);
    if ((await other.content()).includes("338350")) throw new Error("the stranger's page shows the owner's output");
  });
  await step("... and the notebook's id on their own tenant's paths is not found either", async () => {
    // A fresh page load (so no earlier answer is on the page); the app may send the user to log in for that tenant.
    await other.goto("about:blank");
    await other.goto(`${base}/#/t/${env("OTHER_TENANT")}/w/${env("OTHER_WORKSPACE")}/n/${notebookId}`);
    // Keycloak may remember the login (single sign-on) and skip its form.
    const form = await Promise.race([
      other.waitForSelector("#username", { timeout: STEP_MS }).then(() => true),
      other.waitForSelector(".error", { timeout: STEP_MS }).then(() => false)]);
    if (form) await keycloakLogin(other, env("OTHER_EMAIL"));
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
  await step("a lost connection to the kernel: the page reconnects by itself and cells run again", async () => {
    const routed = [];
    await page.routeWebSocket(/\/ws\/v1\//, (ws) => { ws.connectToServer(); routed.push(ws); });
    await page.goto(notebookUrl);
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: idle", null,
      { timeout: KERNEL_MS });
    if (routed.length !== 1) throw new Error(`${routed.length} kernel sockets opened`);
    await routed[0].close({ code: 4000, reason: "the test cut the connection" });
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: reconnecting");
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: idle", null,
      { timeout: KERNEL_MS });
    if (routed.length !== 2) throw new Error(`after the cut, ${routed.length} kernel sockets were opened in all`);
    await page.getByRole("button", { name: "+ Code" }).click();
    await runCell(page, "6 * 7");
    const ran = page.locator(".cell.code").nth((await page.locator(".cell.code").count()) - 2);
    await ran.locator(".output.result").waitFor({ timeout: KERNEL_MS });
    const text = (await ran.locator(".outputs").innerText()).trim();
    if (text !== "42") throw new Error(`after reconnecting, 6 * 7 shows: ${text}`);
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });
  await step("shut down: the badge says dead with the reason", async () => {
    await page.goto(notebookUrl);
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: idle", null,
      { timeout: KERNEL_MS });
    await page.click("#shutdown");
    await page.waitForFunction(() => document.querySelector("#kernel-state")?.textContent === "kernel: dead");
    const why = await page.textContent("#kernel-reason");
    if (!why.startsWith("shut down by")) throw new Error(`reason shown: ${why}`);
  });
} finally {
  await owner.close();
  await stranger.close();
}
