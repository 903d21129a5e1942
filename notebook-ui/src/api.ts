// Every call to the api-server carries the session's bearer token, refreshed shortly before it
// expires (auth.ts). A 401 refreshes once and retries; a second 401, or a failed refresh, sends
// the user to log in again (back to the same hash route). Other failures surface the server's
// problem detail, with its field errors (422).
import { accessToken, login } from "./auth";

export interface FieldError { field: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly errors: FieldError[] = []) {
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
    if (!r.ok) throw new ApiError(r.status, json?.detail ?? json?.title ?? `HTTP ${r.status}`, json?.errors ?? []);
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
    let token = await accessToken(this.tenant);
    if (token === null) return login(this.tenant, location.hash);
    let r = await this.fetch(method, path, token, body);
    if (r.status === 401) {
      token = await accessToken(this.tenant, token);
      if (token === null) return login(this.tenant, location.hash);
      r = await this.fetch(method, path, token, body);
      if (r.status === 401) return login(this.tenant, location.hash);
    }
    return r;
  }

  private async fetch(method: string, path: string, token: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, "lost connection to the server");
    }
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
