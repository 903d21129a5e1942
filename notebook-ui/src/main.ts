// Hash routes:
//   #/                         tenant login
//   #/t/{tenant}               workspace switcher
//   #/t/{tenant}/w/{ws}        notebook list
//   #/t/{tenant}/w/{ws}/n/{id} notebook
//   #/t/{tenant}/w/{ws}/dashboard  nodes, waiting tasks, jobs, usage
//   #/t/{tenant}/w/{ws}/quota      workspace and tenant quota, this month's usage
//   #/t/{tenant}/w/{ws}/members | tokens | audit   administration
import "./style.css";
import { Api } from "./api";
import { completeLogin, login, logout, session } from "./auth";
import { button, el, showError } from "./dom";
import { renderAudit, renderMembers, renderTokens } from "./admin";
import { renderDashboard } from "./dashboard";
import { renderList } from "./list";
import { renderNotebook } from "./notebook";
import { renderQuota } from "./quota";

const app = document.getElementById("app") as HTMLElement;
const where = document.getElementById("where") as HTMLElement;
const who = document.getElementById("who") as HTMLElement;
let dispose: () => void = () => {};

function loginPage(): void {
  const tenant = el("input", { id: "tenant", placeholder: "tenant", "aria-label": "Tenant", autocomplete: "organization" });
  const go = button("Log in", () => { if (tenant.value.trim()) void login(tenant.value.trim(), `#/t/${tenant.value.trim()}`).catch((e) => showError(app, e.message)); },
    { id: "login" });
  tenant.addEventListener("keydown", (e) => { if (e.key === "Enter") go.click(); });
  app.replaceChildren(el("h1", {}, "Log in to Flotilla"), el("div", { class: "row" }, tenant, go));
}

async function workspaces(tenant: string): Promise<void> {
  if (!session(tenant)) { await login(tenant, location.hash); return; }
  const name = el("input", { id: "workspace", placeholder: "workspace", "aria-label": "Workspace" });
  const open = button("Open", () => { if (name.value.trim()) location.hash = `#/t/${tenant}/w/${name.value.trim()}`; }, { id: "open-workspace" });
  const list = el("ul", { class: "workspaces" });
  app.replaceChildren(el("h1", {}, `Workspaces of ${tenant}`), el("div", { class: "row" }, name, open), list);
  // Listing every workspace is for tenant admins; others open theirs by name.
  try {
    const all = await new Api(tenant, "").call<{ name: string; displayName: string }[]>("GET", `/api/v1/tenants/${tenant}/workspaces`);
    for (const w of all) list.append(el("li", {}, el("a", { href: `#/t/${tenant}/w/${w.name}` }, w.displayName || w.name)));
  } catch {
    list.append(el("li", { class: "empty" }, "Type the name of a workspace you belong to."));
  }
}

async function route(): Promise<void> {
  dispose();
  dispose = () => {};
  const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const [t, tenant, w, workspace, n, id] = parts;
  where.replaceChildren([tenant, workspace].filter(Boolean).join(" / "), ...(workspace ? ["notebooks", "dashboard", "quota", "members", "tokens", "audit"].map((p) =>
    el("a", { href: `#/t/${tenant}/w/${workspace}${p === "notebooks" ? "" : `/${p}`}`, class: "nav" }, p)) : []));
  who.replaceChildren(tenant && session(tenant) ? button("Log out", () => { logout(); location.hash = "#/"; }) : "");
  if (t !== "t" || !tenant) return loginPage();
  if (w !== "w" || !workspace) return workspaces(tenant);
  const api = new Api(tenant, workspace);
  if (n === "n" && id) { dispose = await renderNotebook(app, api, id); return; }
  if (n === "dashboard") { dispose = renderDashboard(app, api); return; }
  if (n === "quota") return renderQuota(app, api);
  if (n === "members") return renderMembers(app, api);
  if (n === "tokens") return renderTokens(app, api);
  if (n === "audit") return renderAudit(app, api);
  return renderList(app, api);
}

window.addEventListener("hashchange", () => void route());
completeLogin()
  .then((returnTo) => { if (returnTo !== null) location.hash = returnTo; return route(); })
  .catch((e: Error) => showError(app, e.message));
