// The quota page of a workspace: its caps (GPUs and CPUs at once, GPU-hours a month) next to the
// tenant's, and this month's usage against the GPU-hour budgets. Members read it; tenant admins
// (those who may read the tenant's quota) edit the workspace's caps. The server checks every
// change: a cap above the tenant's is a 422 shown next to its field, a non-admin's PUT a 403.
import { Api, ApiError } from "./api";
import { usageChart } from "./charts";
import { button, el, showError } from "./dom";

interface Quota { maxGpus: number | null; maxCpus: number | null; gpuHoursPerMonth: number | null }
interface Usage { month: string; cpuSeconds: number; gpuSeconds: number }
type Field = keyof Quota;

const FIELDS: { field: Field; label: string; integer: boolean }[] = [
  { field: "maxGpus", label: "Max GPUs (at once)", integer: true },
  { field: "maxCpus", label: "Max CPUs (at once)", integer: true },
  { field: "gpuHoursPerMonth", label: "GPU-hours per month", integer: false },
];

const shown = (v: number | null): string => (v === null ? "unlimited" : String(v));

/** A GET that a role below the page's may not make: null on 403. */
async function ifAllowed<T>(get: Promise<T>): Promise<T | null> {
  try {
    return await get;
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return null;
    throw e;
  }
}

/** The tenant's quota and this month's usage, or null when the caller may not read them (not a tenant admin). */
function tenantView(api: Api): Promise<{ quota: Quota; usage: Usage } | null> {
  const path = `/api/v1/tenants/${api.tenant}`;
  return ifAllowed(Promise.all([api.call<Quota>("GET", `${path}/quota`), api.call<Usage>("GET", `${path}/usage`)])
    .then(([quota, usage]) => ({ quota, usage })));
}

function tenantChart(t: { quota: Quota; usage: Usage }): SVGSVGElement {
  const chart = usageChart([{ label: "GPU-hours", used: t.usage.gpuSeconds / 3600, budget: t.quota.gpuHoursPerMonth, unit: "h" },
    { label: "CPU-hours", used: t.usage.cpuSeconds / 3600, budget: null, unit: "h" }]);
  chart.id = "tenant-usage-chart";
  return chart;
}

export async function renderQuota(app: HTMLElement, api: Api): Promise<void> {
  const path = `/api/v1/tenants/${api.tenant}/workspaces/${api.workspace}`;
  let quota: Quota, usage: Usage | null, tenantAll: { quota: Quota; usage: Usage } | null;
  try {
    [quota, usage, tenantAll] = await Promise.all([api.call<Quota>("GET", `${path}/quota`), ifAllowed(api.call<Usage>("GET", `${path}/usage`)), tenantView(api)]);
  } catch (e) {
    const status = e instanceof ApiError ? e.status : 0;
    showError(app, status === 403 ? "Forbidden: you are not a member of this workspace." : status === 404 ? "Not found." : (e as Error).message);
    return;
  }
  const tenant = tenantAll?.quota ?? null;
  const editable = tenant !== null;
  const status = el("p", { class: "status", id: "quota-status", role: "status" });
  const inputs = new Map<Field, HTMLInputElement>();
  const errors = new Map<Field, HTMLElement>();
  const table = el("table", { class: "grid", id: "quota" }, el("tr", {}, ...["", "workspace", "tenant"].map((h) => el("th", {}, h))));
  for (const f of FIELDS) {
    const error = el("span", { class: "field-error", id: `error-${f.field}`, role: "alert" });
    errors.set(f.field, error);
    let value: HTMLElement;
    if (editable) {
      const input = el("input", { id: `quota-${f.field}`, type: "number", min: "0", step: f.integer ? "1" : "0.01",
        placeholder: "unlimited", "aria-label": f.label, value: quota[f.field] === null ? "" : String(quota[f.field]) });
      inputs.set(f.field, input);
      value = el("span", {}, input, " ", error);
    } else {
      value = el("span", { id: `quota-${f.field}` }, shown(quota[f.field]));
    }
    table.append(el("tr", {}, el("th", {}, f.label), el("td", {}, value),
      el("td", { class: "tenant-cap" }, tenant === null ? "–" : shown(tenant[f.field]))));
  }
  const save = async (): Promise<void> => {
    errors.forEach((e) => { e.textContent = ""; });
    const body: Record<string, number | null> = {};
    for (const f of FIELDS) {
      const input = inputs.get(f.field) as HTMLInputElement;
      const text = input.value.trim();
      const n = Number(text);
      // A number input answers "" for text that is no number; badInput tells that from "unlimited".
      if (input.validity.badInput || (text !== "" && (!Number.isFinite(n) || (f.integer && !Number.isInteger(n))))) {
        (errors.get(f.field) as HTMLElement).textContent = f.integer ? "a whole number, or empty for unlimited" : "a number, or empty for unlimited";
        status.textContent = "Not saved.";
        return;
      }
      body[f.field] = text === "" ? null : n;
    }
    status.textContent = "saving…";
    try {
      await api.call("PUT", `${path}/quota`, body);
      status.textContent = "Saved.";
      status.dataset.state = "saved";
    } catch (e) {
      status.dataset.state = "error";
      if (e instanceof ApiError && e.status === 403) { status.textContent = "Forbidden: only tenant admins can change quotas."; return; }
      status.textContent = `Not saved: ${(e as Error).message}`;
      for (const fe of e instanceof ApiError ? e.errors : []) {
        const target = errors.get(fe.field as Field);
        if (target) target.textContent = fe.message;
      }
    }
  };
  const budget = quota.gpuHoursPerMonth;
  app.replaceChildren(el("h1", {}, `Quota of ${api.workspace}`),
    el("p", { class: "meta" }, editable
      ? "Empty means unlimited. A workspace's cap cannot exceed the tenant's; the scheduler applies changes from the next session on."
      : "Read only: tenant admins change quotas. The tenant's caps are shown to tenant admins."),
    table,
    editable ? el("div", { class: "row" }, button("Save", () => void save(), { id: "save-quota" })) : "",
    status,
    usage === null ? el("p", { class: "meta", id: "usage-hidden" }, "Usage is shown to members and admins.") : el("div", { id: "usage" },
      el("h2", {}, `Usage in ${usage.month} (UTC)`),
      usageChart([
        { label: "GPU-hours", used: usage.gpuSeconds / 3600, budget, unit: "h" },
        { label: "CPU-hours", used: usage.cpuSeconds / 3600, budget: null, unit: "h" },
      ])),
    tenantAll === null ? "" : el("div", { id: "tenant-usage" }, el("h2", {}, `The tenant ${api.tenant}, all workspaces`), tenantChart(tenantAll)));
}
