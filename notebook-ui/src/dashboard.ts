// The workspace dashboard: the platform's nodes, this workspace's waiting tasks with the
// scheduler's reasons, its running tasks and actors (work-tables.ts), its jobs (with their logs)
// and this month's usage against its quota.
// Refreshes every 5 s while open; the returned function stops that.
import { Api, ApiError } from "./api";
import { meter, usageChart } from "./charts";
import { button, el } from "./dom";
import { actorsTable, runningTable, since, table, type Actor, type Running } from "./work-tables";

interface Amount { total: number; available: number }
interface ClusterNode {
  nodeId: string; alive: boolean; cpu: Amount; gpu: Amount; memoryMb: Amount; labels: Record<string, string>;
  storeUsedBytes: number; storeCapacityBytes: number; runningTasks: number;
}
interface Pending { taskId: string; name: string; reason: string; pendingSince: string }
interface Quota { maxGpus: number | null; maxCpus: number | null; gpuHoursPerMonth: number | null }
interface Cluster {
  cluster: "connected" | "not configured"; message: string; asOf: string; nodes: ClusterNode[]; pending: Pending[];
  running: Running[]; actors: Actor[]; truncated: { running: boolean; actors: boolean }; quota: Quota; usage: { month: string; cpuHours: number; gpuHours: number };
}
interface Job { id: string; name: string | null; mainClass: string; status: string; createdAt: string; gpus: number; cpus: number }

const REFRESH_MS = 5000;
const GIB = 1024 ** 3;

function stateOf(e: unknown): { state: string; text: string } {
  const status = e instanceof ApiError ? e.status : 0;
  if (status === 403) return { state: "forbidden", text: "Forbidden: you are not a member of this workspace." };
  if (status === 404) return { state: "not-found", text: "Not found." };
  if (status === 503) return { state: "unavailable", text: `Cluster unavailable: ${(e as Error).message}` };
  return { state: "error", text: (e as Error).message };
}

function nodesTable(nodes: ClusterNode[]): HTMLElement {
  const t = table("nodes", ["node", "state", "GPU model", "CPU", "GPU", "memory", "object store", "tasks"]);
  if (nodes.length === 0) t.append(el("tr", {}, el("td", { colspan: "8", class: "empty" }, "No nodes.")));
  for (const n of nodes) {
    const used = (a: Amount) => a.total - a.available;
    t.append(el("tr", { "data-node": n.nodeId },
      el("td", {}, n.nodeId), el("td", { class: n.alive ? "alive" : "dead" }, n.alive ? "alive" : "lost"),
      el("td", { class: "gpu-model" }, n.labels["gpu.model"] ?? "–"),
      el("td", {}, meter("CPU", used(n.cpu), n.cpu.total)), el("td", {}, meter("GPU", used(n.gpu), n.gpu.total)),
      el("td", {}, meter("memory", used(n.memoryMb) / 1024, n.memoryMb.total / 1024, " GiB")),
      el("td", {}, meter("object store", n.storeUsedBytes / GIB, n.storeCapacityBytes / GIB, " GiB")),
      el("td", {}, String(n.runningTasks))));
  }
  return t;
}

function pendingTable(pending: Pending[]): HTMLElement {
  const t = table("pending", ["task", "name", "why it waits", "waiting for"]);
  if (pending.length === 0) t.append(el("tr", {}, el("td", { colspan: "4", class: "empty" }, "Nothing is waiting.")));
  for (const p of pending) {
    t.append(el("tr", { "data-task": p.taskId }, el("td", {}, p.taskId), el("td", {}, p.name),
      el("td", { class: "reason" }, p.reason), el("td", {}, since(p.pendingSince))));
  }
  return t;
}

function usageSection(c: Cluster): HTMLElement {
  const q = c.quota;
  const gpuHours = q.gpuHoursPerMonth === null ? null : Number(q.gpuHoursPerMonth);
  const cap = (n: number | null, unit: string) => (n === null ? `unlimited ${unit}s` : `${n} ${unit}${n === 1 ? "" : "s"}`);
  const caps = `Quota: ${cap(q.maxGpus, "GPU")} and ${cap(q.maxCpus, "CPU")} at once, ${cap(gpuHours, "GPU-hour")} a month.`;
  return el("div", { id: "usage" }, el("p", { class: "meta" }, `Usage in ${c.usage.month} (UTC). ${caps}`),
    usageChart([
      { label: "GPU-hours", used: c.usage.gpuHours, budget: gpuHours, unit: "h" },
      { label: "CPU-hours", used: c.usage.cpuHours, budget: null, unit: "h" },
    ]));
}

async function jobsSection(api: Api, jobs: HTMLElement, logs: HTMLElement): Promise<void> {
  const base = `/api/v1/tenants/${api.tenant}/workspaces/${api.workspace}/jobs`;
  const t = table("jobs", ["job", "status", "resources", "submitted", ""]);
  try {
    const all = await api.call<Job[]>("GET", base);
    if (all.length === 0) t.append(el("tr", {}, el("td", { colspan: "5", class: "empty" }, "No jobs yet.")));
    for (const j of all) {
      const show = button("logs", async () => {
        logs.replaceChildren(el("h3", {}, `Logs of ${j.name ?? j.id}`), el("p", { class: "meta" }, "loading…"));
        try {
          const text = await api.text(`${base}/${j.id}/logs`);
          logs.replaceChildren(el("h3", {}, `Logs of ${j.name ?? j.id}`), el("pre", { id: "job-log" }, text || "(no log lines yet)"));
        } catch (e) { logs.replaceChildren(el("p", { class: "error" }, stateOf(e).text)); }
      }, { class: "link", "data-job": j.id });
      t.append(el("tr", {}, el("td", {}, j.name ?? j.mainClass), el("td", { class: `job-${j.status.toLowerCase()}` }, j.status),
        el("td", {}, `${j.cpus} CPU, ${j.gpus} GPU`), el("td", {}, new Date(j.createdAt).toLocaleString()), el("td", {}, show)));
    }
    jobs.replaceChildren(t);
  } catch (e) { jobs.replaceChildren(el("p", { class: "error" }, stateOf(e).text)); }
}

export function renderDashboard(app: HTMLElement, api: Api): () => void {
  const path = `/api/v1/tenants/${api.tenant}/workspaces/${api.workspace}/cluster`;
  const state = el("p", { id: "cluster-state", class: "cluster-state" }, "loading…");
  const nodes = el("section", {}), pending = el("section", {}), usage = el("section", {});
  const running = el("section", {}), actors = el("section", {});
  const jobs = el("section", {}), logs = el("section", { id: "logs" });
  app.replaceChildren(el("h1", {}, `Dashboard of ${api.workspace}`), state,
    el("h2", {}, "Nodes"), nodes, el("h2", {}, "Waiting tasks of this workspace"), pending,
    el("h2", {}, "Running"), running, el("h2", {}, "Actors"), actors,
    el("h2", {}, "Usage against quota"), usage, el("h2", {}, "Jobs"), jobs, logs);
  let stopped = false;
  const refresh = async (): Promise<void> => {
    try {
      const c = await api.call<Cluster>("GET", path);
      if (stopped) return;
      const configured = c.cluster === "connected";
      state.dataset.state = configured ? "connected" : "not-configured";
      state.textContent = configured ? `Updated ${new Date(c.asOf).toLocaleTimeString()}.`
        : `Cluster not configured: ${c.message}.`;
      nodes.replaceChildren(nodesTable(c.nodes));
      pending.replaceChildren(pendingTable(c.pending));
      running.replaceChildren(runningTable(c.running, c.truncated.running));
      actors.replaceChildren(actorsTable(c.actors, c.truncated.actors));
      usage.replaceChildren(usageSection(c));
    } catch (e) {
      if (stopped) return;
      const s = stateOf(e);
      state.dataset.state = s.state;
      state.textContent = s.text;
      state.classList.add("error");
      return;
    }
    state.classList.remove("error");
    await jobsSection(api, jobs, logs);
  };
  void refresh();
  const timer = window.setInterval(() => void refresh(), REFRESH_MS);
  return () => { stopped = true; window.clearInterval(timer); };
}
