// The kernel connection, kept apart from the editor. To connect, the page asks the api-server for
// the notebook's kernel (POST …/notebooks/{id}/kernel, which starts one when none runs) and gets a
// single-use ticket and the socket path; it opens the WebSocket with the subprotocols
// "flotilla.kernel.v1" and "ticket.<ticket>" (browsers cannot send an Authorization header on a
// WebSocket). JSON messages, one per frame:
//   client -> server  {type:"execute", id, cellId, code} | {type:"interrupt"} | {type:"restart"}
//                     | {type:"complete", id, code, cursor} | {type:"inspect", id, code, cursor}
//   server -> client  {type:"status", state:"starting"|"idle"|"busy"|"restarting"|"dead", reason?}
//                     | {type:"stream", id, name:"stdout"|"stderr", text}
//                     | {type:"display", id, mime, data, displayId}
//                     | {type:"result", id, executionCount, text}
//                     | {type:"error", id, ename, evalue, traceback:string[], line?, executionCount?}
//                     | {type:"complete_reply", id, matches:string[], cursorStart, cursorEnd}
//                     | {type:"inspect_reply", id, docs:string[]} | {type:"notice", level, text}
// A lost connection is retried with a fresh ticket (1 s, 2 s, 4 s … at most 15 s apart) while the
// kernel lives; the ticket's POST goes through Api, so it carries a refreshed token (auth.ts). A
// dead kernel stays dead until the user restarts it (which starts a new one).
// Outputs only ever come from a kernel.
import type { Api } from "./api";

export type KernelState = "connecting" | "unavailable" | "starting" | "idle" | "busy" | "restarting" | "dead" | "reconnecting";

export type KernelMessage =
  | { type: "status"; state: "starting" | "idle" | "busy" | "restarting" | "dead"; reason?: string }
  | { type: "stream"; id: string; name: "stdout" | "stderr"; text: string }
  | { type: "display"; id: string; mime: string; data: string; displayId?: string }
  | { type: "result"; id: string; executionCount: number; text: string }
  | { type: "error"; id: string; ename: string; evalue: string; traceback: string[]; line?: number; executionCount?: number }
  | { type: "complete_reply"; id: string; matches: string[]; cursorStart: number; cursorEnd: number }
  | { type: "inspect_reply"; id: string; docs: string[] }
  | { type: "notice"; level: string; text: string };

export interface KernelListener {
  state(state: KernelState, reason: string): void;
  message(message: KernelMessage): void;
}

/** What the kernel proposes at a cursor: replace code[cursorStart, cursorEnd) with one of the matches. */
export interface Completions { matches: string[]; cursorStart: number; cursorEnd: number }

const COMPLETE_MS = 3000;

interface KernelView { kernelId: string | null; state: string; reason: string | null; ticket: string | null; socketPath: string | null }

export class KernelConnection {
  private socket: WebSocket | null = null;
  private current: KernelState = "connecting";
  private counter = 0;
  private closed = false;
  private retries = 0;
  private retryTimer: number | undefined;
  private readonly completing = new Map<string, (c: Completions | null) => void>();
  private readonly inspecting = new Map<string, (docs: string[]) => void>();

  constructor(private readonly api: Api, private readonly notebookId: string, private readonly listener: KernelListener) {}

  private get path(): string {
    return `${this.api.notebooks}/${this.notebookId}/kernel`;
  }

  /** Finds or starts the notebook's kernel and opens its socket. */
  async connect(): Promise<void> {
    if (this.closed) return;
    this.setState(this.retries > 0 ? "reconnecting" : "connecting", "");
    let view: KernelView;
    try {
      view = await this.api.call<KernelView>("POST", this.path);
    } catch (e) {
      this.retryLater((e as Error).message);
      return;
    }
    if (!view.ticket || !view.socketPath) {
      this.setState("unavailable", view.reason ?? "");
      return;
    }
    const proto = location.protocol === "https:" ? "wss" : "ws";
    let opened = false;
    const socket = new WebSocket(`${proto}://${location.host}${view.socketPath}`, ["flotilla.kernel.v1", `ticket.${view.ticket}`]);
    this.socket = socket;
    socket.onopen = () => { opened = true; this.retries = 0; };
    socket.onmessage = (e) => {
      const m = JSON.parse(String(e.data)) as KernelMessage;
      if (m.type === "status") this.setState(m.state, m.reason ?? "");
      if (m.type === "complete_reply") {
        this.completing.get(m.id)?.(m);
        this.completing.delete(m.id);
      }
      if (m.type === "inspect_reply") {
        this.inspecting.get(m.id)?.(m.docs);
        this.inspecting.delete(m.id);
      }
      this.listener.message(m);
    };
    socket.onclose = () => {
      if (this.socket !== socket || this.closed) return;
      this.socket = null;
      if (this.current === "dead") return;
      this.retryLater(opened ? "lost connection to the kernel" : "cannot reach the kernel");
    };
  }

  get state(): KernelState {
    return this.current;
  }

  /** Sends code to run; answers the request id its outputs will carry, or null when no kernel is there. */
  execute(cellId: string, code: string): string | null {
    const id = `r${++this.counter}`;
    return this.send({ type: "execute", id, cellId, code }) ? id : null;
  }

  interrupt(): boolean { return this.send({ type: "interrupt" }); }

  /** Asks the kernel (JShell's source analysis) for completions; null without a kernel or after 3 s. */
  complete(code: string, cursor: number): Promise<Completions | null> {
    const id = `c${++this.counter}`;
    if (!this.send({ type: "complete", id, code, cursor })) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.completing.set(id, resolve);
      window.setTimeout(() => { if (this.completing.delete(id)) resolve(null); }, COMPLETE_MS);
    });
  }

  /** The kernel's documentation (signature and javadoc) for what is at the cursor; empty without a kernel or after 3 s. */
  inspect(code: string, cursor: number): Promise<string[]> {
    const id = `i${++this.counter}`;
    if (!this.send({ type: "inspect", id, code, cursor })) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.inspecting.set(id, resolve);
      window.setTimeout(() => { if (this.inspecting.delete(id)) resolve([]); }, COMPLETE_MS);
    });
  }

  /** Restarts the kernel: in place while it lives; a dead or unreachable one is replaced by a new one. */
  restart(): boolean {
    if (this.send({ type: "restart" })) return true;
    this.retries = 0;
    this.socket?.close();
    this.socket = null;
    void this.connect();
    return true;
  }

  /** Shuts the kernel down on the server (frees its executor). */
  async shutdown(): Promise<void> {
    await this.api.call("DELETE", this.path);
  }

  close(): void {
    this.closed = true;
    window.clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private retryLater(why: string): void {
    if (this.closed) return;
    const delay = Math.min(15_000, 1000 * 2 ** this.retries++);
    this.setState("reconnecting", `${why}; retrying in ${Math.round(delay / 1000)} s`);
    this.retryTimer = window.setTimeout(() => void this.connect(), delay);
  }

  private send(message: object): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN || this.current === "dead") return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private setState(state: KernelState, reason: string): void {
    this.current = state;
    this.listener.state(state, reason);
  }
}
