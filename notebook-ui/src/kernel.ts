// The kernel connection, kept apart from the editor: one WebSocket per open notebook to
//   /api/v1/tenants/{t}/workspaces/{w}/notebooks/{id}/kernel
// offering the subprotocols "flotilla.kernel.v1" and "bearer.<access token>" (browsers cannot set
// an Authorization header on a WebSocket). JSON messages, one per frame:
//   client -> server  {type:"execute", id, cellId, code} | {type:"interrupt"} | {type:"restart"}
//                     | {type:"complete", id, code, cursor}
//   server -> client  {type:"status", state:"starting"|"idle"|"busy"|"dead"}
//                     | {type:"stream", id, name:"stdout"|"stderr", text}
//                     | {type:"display", id, mime, data}
//                     | {type:"result", id, executionCount, text}
//                     | {type:"error", id, ename, evalue, traceback:string[]}
//                     | {type:"complete_reply", id, matches:string[], cursorStart, cursorEnd}
// When the socket cannot open (no kernel service yet) the state is "unavailable" and nothing runs:
// outputs only ever come from a kernel.

export type KernelState = "connecting" | "unavailable" | "starting" | "idle" | "busy" | "dead";

export type KernelMessage =
  | { type: "status"; state: "starting" | "idle" | "busy" | "dead" }
  | { type: "stream"; id: string; name: "stdout" | "stderr"; text: string }
  | { type: "display"; id: string; mime: string; data: string }
  | { type: "result"; id: string; executionCount: number; text: string }
  | { type: "error"; id: string; ename: string; evalue: string; traceback: string[] }
  | { type: "complete_reply"; id: string; matches: string[]; cursorStart: number; cursorEnd: number };

export interface KernelListener {
  state(state: KernelState): void;
  message(message: KernelMessage): void;
}

export class KernelConnection {
  private socket: WebSocket | null = null;
  private current: KernelState = "connecting";
  private counter = 0;

  constructor(private readonly url: string, private readonly token: string, private readonly listener: KernelListener) {}

  connect(): void {
    this.setState("connecting");
    let opened = false;
    try {
      this.socket = new WebSocket(this.url, ["flotilla.kernel.v1", `bearer.${this.token}`]);
    } catch {
      this.setState("unavailable");
      return;
    }
    this.socket.onopen = () => { opened = true; this.setState("starting"); };
    this.socket.onmessage = (e) => {
      const m = JSON.parse(String(e.data)) as KernelMessage;
      if (m.type === "status") this.setState(m.state);
      this.listener.message(m);
    };
    this.socket.onclose = () => this.setState(opened ? "dead" : "unavailable");
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
  restart(): boolean { return this.send({ type: "restart" }); }

  close(): void {
    this.socket?.close();
  }

  private send(message: object): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private setState(state: KernelState): void {
    this.current = state;
    this.listener.state(state);
  }
}
