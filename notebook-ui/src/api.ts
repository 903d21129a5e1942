// Every call to the api-server carries the session's bearer token. A 401 sends the user to log
// in again; other failures surface the server's problem detail.
import { login, session } from "./auth";

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface Cell {
  id: string;
  type: "code" | "markdown";
  source: string;
  outputs?: unknown[];
  executionCount?: number | null;
}
export interface Summary { id: string; name: string; version: number; updatedAt: string }
export interface Notebook { id: string; name: string; version: number; cells: Cell[] }
export interface Version { version: number; savedBy: string; savedAt: string; cellCount: number }

function problemDetail(text: string): string | undefined {
  try {
    const json = JSON.parse(text);
    return json?.detail ?? json?.title;
  } catch {
    return undefined;
  }
}

export class Api {
  constructor(readonly tenant: string, readonly workspace: string) {}

  get notebooks(): string {
    return `/api/v1/tenants/${this.tenant}/workspaces/${this.workspace}/notebooks`;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.send(method, path, body);
    if (r.status === 204) return undefined as T;
    const text = await r.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!r.ok) throw new ApiError(r.status, json?.detail ?? json?.title ?? `HTTP ${r.status}`);
    return json as T;
  }

  /** A GET whose answer is plain text (job logs). */
  async text(path: string): Promise<string> {
    const r = await this.send("GET", path);
    const text = await r.text();
    if (!r.ok) throw new ApiError(r.status, problemDetail(text) ?? `HTTP ${r.status}`);
    return text;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const s = session(this.tenant);
    if (!s) return login(this.tenant, location.hash);
    let r: Response;
    try {
      r = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${s.accessToken}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, "lost connection to the server");
    }
    if (r.status === 401) return login(this.tenant, location.hash);
    return r;
  }

  list(): Promise<Summary[]> { return this.call("GET", this.notebooks); }
  create(name: string): Promise<Summary> { return this.call("POST", this.notebooks, { name }); }
  get(id: string): Promise<Notebook> { return this.call("GET", `${this.notebooks}/${id}`); }
  rename(id: string, name: string): Promise<Summary> { return this.call("PATCH", `${this.notebooks}/${id}`, { name }); }
  remove(id: string): Promise<void> { return this.call("DELETE", `${this.notebooks}/${id}`); }
  duplicate(id: string, name: string): Promise<Summary> { return this.call("POST", `${this.notebooks}/${id}/duplicate`, { name }); }
  save(id: string, baseVersion: number, cells: Cell[]): Promise<{ version: number }> {
    return this.call("PUT", `${this.notebooks}/${id}/content`, { baseVersion, cells });
  }
  versions(id: string): Promise<Version[]> { return this.call("GET", `${this.notebooks}/${id}/versions`); }
  restore(id: string, version: number, baseVersion: number): Promise<{ version: number }> {
    return this.call("POST", `${this.notebooks}/${id}/versions/${version}/restore`, { baseVersion });
  }
  exportIpynb(id: string): Promise<unknown> { return this.call("GET", `${this.notebooks}/${id}/export`); }
  importIpynb(name: string, ipynb: unknown): Promise<Summary> { return this.call("POST", `${this.notebooks}/import`, { name, ipynb }); }
}
