// The dashboard's tables of this workspace's running tasks and actors (from GET …/cluster, which
// lists only the workspace's own), and the table and elapsed-time helpers the dashboard shares.
import { el } from "./dom";

export interface Running {
  taskId: string; name: string; nodeId: string; resources: Record<string, number>; startedAt: string;
  jobId: string; actorId: string | null; actorCreation: boolean; attempt: number;
}
export interface Actor {
  actorId: string; className: string; name: string | null; namespace: string; state: string; reason: string | null;
  nodeId: string | null; resources: Record<string, number>; restarts: number; jobId: string; detached: boolean;
  callsRunning: number; callsQueued: number;
}

export const table = (id: string, headers: string[]): HTMLTableElement =>
  el("table", { id, class: "grid" }, el("tr", {}, ...headers.map((h) => el("th", {}, h))));

export const since = (iso: string): string => {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
};

const resources = (r: Record<string, number>): string =>
  Object.keys(r).length === 0 ? "–" : Object.entries(r).map(([k, v]) => `${v} ${k}`).join(", ");

const empty = (t: HTMLTableElement, columns: number, text: string): void => {
  t.append(el("tr", {}, el("td", { colspan: String(columns), class: "empty" }, text)));
};

const truncatedNote = (shown: number, what: string): HTMLElement =>
  el("p", { class: "meta truncated" }, `Only the first ${shown} ${what} are shown; the scheduler lists at most 500.`);

/** Running tasks, actor calls and actor constructors, oldest first. */
export function runningTable(running: Running[], truncated: boolean): HTMLElement {
  const t = table("running", ["task", "name", "kind", "node", "holds", "running for", "attempt"]);
  if (running.length === 0) empty(t, 7, "Nothing is running.");
  for (const r of running) {
    const kind = r.actorId === null ? "task" : r.actorCreation ? "actor constructor" : "actor call";
    t.append(el("tr", { "data-task": r.taskId, "data-kind": kind.replace(" ", "-") },
      el("td", {}, r.taskId), el("td", {}, r.name), el("td", {}, kind), el("td", {}, r.nodeId),
      el("td", {}, r.actorId !== null && !r.actorCreation ? "(its actor's)" : resources(r.resources)),
      el("td", {}, since(r.startedAt)), el("td", {}, String(r.attempt))));
  }
  return truncated ? el("div", {}, t, truncatedNote(running.length, "running tasks")) : t;
}

/** Actors with a state badge and, when there is one, the reason (why it died, restarts or waits). */
export function actorsTable(actors: Actor[], truncated: boolean): HTMLElement {
  const t = table("actors", ["actor", "class", "name", "state", "reason", "node", "holds", "restarts", "calls"]);
  if (actors.length === 0) empty(t, 9, "No actors.");
  for (const a of actors) {
    const state = a.state.toLowerCase();
    t.append(el("tr", { "data-actor": a.actorId, "data-state": state },
      el("td", {}, a.actorId), el("td", {}, a.className), el("td", { class: "actor-name" }, a.name ?? "–"),
      el("td", {}, el("span", { class: `badge badge-${state}` }, state)),
      el("td", { class: "reason" }, a.reason ?? ""), el("td", {}, a.nodeId ?? "–"), el("td", {}, resources(a.resources)),
      el("td", {}, String(a.restarts)), el("td", {}, `${a.callsRunning} running, ${a.callsQueued} queued`)));
  }
  return truncated ? el("div", {}, t, truncatedNote(actors.length, "actors")) : t;
}
