// The notebook page: cells, toolbar (run all, interrupt, restart, kernel badge), autosave with a
// "saved" indicator, version history with restore, .ipynb export, and the selected cell that
// command-mode keys (shortcuts.ts) act on.
import { Api, ApiError, type Cell, type Notebook } from "./api";
import { CellView } from "./cell";
import { button, el, showError } from "./dom";
import { KernelConnection, type KernelMessage, type KernelState } from "./kernel";
import { CommandKeys, type CommandTarget, shortcutsHelp } from "./shortcuts";

const AUTOSAVE_MS = 800;

export async function renderNotebook(app: HTMLElement, api: Api, id: string): Promise<() => void> {
  let nb: Notebook;
  try {
    nb = await api.get(id);
  } catch (e) {
    // 403 reads the same as 404: whoever may not see the workspace learns nothing of its notebooks.
    const hidden = e instanceof ApiError && (e.status === 404 || e.status === 403);
    showError(app, hidden ? "Not found: no such notebook in this workspace." : (e as Error).message);
    return () => {};
  }
  return new NotebookPage(app, api, nb).dispose;
}

class NotebookPage {
  private views: CellView[] = [];
  private readonly cellsHost = el("div", { class: "cells" });
  private readonly saved = el("span", { class: "saved", id: "saved" }, "saved");
  private readonly badge = el("span", { class: "kernel", id: "kernel-state" });
  private readonly kernelReason = el("span", { class: "kernel-reason", id: "kernel-reason" });
  private readonly history = el("aside", { class: "history", hidden: "" });
  private readonly kernel: KernelConnection;
  private readonly running = new Map<string, CellView>();
  private timer: number | undefined;
  private saving: Promise<void> = Promise.resolve();
  private selected: CellView | null = null;
  private readonly commandKeys = new CommandKeys();

  constructor(app: HTMLElement, private readonly api: Api, private readonly nb: Notebook) {
    this.kernel = new KernelConnection(api, nb.id, { state: (s, why) => this.kernelState(s, why), message: (m) => this.kernelMessage(m) });
    const help = shortcutsHelp();
    const toolbar = el("div", { class: "toolbar" },
      button("+ Code", () => this.add("code", this.views.length)), button("+ Markdown", () => this.add("markdown", this.views.length)),
      button("Run all", () => this.views.forEach((v) => this.run(v, false))),
      button("Interrupt", () => this.kernel.interrupt(), { id: "interrupt" }),
      button("Restart", () => this.kernel.restart(), { id: "restart" }),
      button("Shut down", () => void this.kernel.shutdown(), { id: "shutdown" }),
      this.badge, this.kernelReason, this.saved,
      button("Versions", () => void this.toggleHistory(), { id: "versions" }),
      button("Export .ipynb", () => void this.exportIpynb()), help.toggle);
    app.replaceChildren(el("h1", { id: "notebook-name" }, nb.name), toolbar, help.panel, el("div", { class: "body" }, this.cellsHost, this.history));
    this.cellsHost.addEventListener("keydown", (e) => {
      const v = this.views.find((c) => c.root === e.target);
      if (v) this.commandKeys.handle(e, this.commands(v));
    });
    this.rebuild();
    void this.kernel.connect();
  }

  readonly dispose = (): void => {
    this.kernel.close();
    if (this.timer !== undefined) void this.flush();
  };

  private rebuild(): void {
    this.views = this.nb.cells.map((c) => this.view(c));
    this.cellsHost.replaceChildren(...this.views.map((v) => v.root));
  }

  private view(cell: Cell): CellView {
    const bar = el("div", { class: "cell-bar" });
    const v = new CellView(cell, { changed: () => this.changed(), run: (view, advance) => this.run(view, advance),
      complete: (code, cursor) => this.kernel.complete(code, cursor), inspect: (code, cursor) => this.kernel.inspect(code, cursor),
      runAndInsert: (view) => { this.run(view, false); this.add("code", this.views.indexOf(view) + 1); },
      leaveEditor: (view) => this.select(view, "command") }, bar);
    v.root.addEventListener("focusin", () => this.select(v, v.editing ? "edit" : "command"));
    bar.append(button("↑", () => this.move(v, -1), { title: "Move up" }), button("↓", () => this.move(v, 1), { title: "Move down" }),
      button("✕", () => this.remove(v), { title: "Delete cell" }));
    return v;
  }

  /** Highlights the cell; in command mode the cell itself takes the focus (the editor loses it). */
  private select(v: CellView, mode: "edit" | "command"): void {
    if (this.selected !== v) this.selected?.root.classList.remove("selected", "command");
    this.selected = v;
    v.root.classList.add("selected");
    v.root.classList.toggle("command", mode === "command");
    if (mode === "command" && document.activeElement !== v.root) {
      v.root.focus({ preventScroll: true });
      v.root.scrollIntoView({ block: "nearest" });
    }
  }

  /** The command-mode actions on one cell. */
  private commands(v: CellView): CommandTarget {
    const at = () => this.views.indexOf(v);
    return {
      edit: () => v.focus(),
      run: (advance) => this.run(v, advance, "command"),
      insert: (where) => this.add("code", at() + (where === "below" ? 1 : 0), "command"),
      remove: () => {
        const i = at();
        this.remove(v);
        const next = this.views[i] ?? this.views[i - 1];
        if (next) this.select(next, "command");
      },
      setType: (type) => this.setType(v, type),
      select: (by) => { const next = this.views[at() + by]; if (next) this.select(next, "command"); },
    };
  }

  private add(type: "code" | "markdown", at: number, mode: "edit" | "command" = "edit"): void {
    const cell: Cell = { id: crypto.randomUUID(), type, source: "", outputs: [], executionCount: null };
    this.nb.cells.splice(at, 0, cell);
    const v = this.view(cell);
    this.views.splice(at, 0, v);
    this.cellsHost.insertBefore(v.root, this.cellsHost.children[at] ?? null);
    if (mode === "edit") v.focus(); else this.select(v, "command");
    this.changed();
  }

  /** M / Y: the cell becomes markdown (its outputs and count dropped) or code; a new view replaces the old. */
  private setType(v: CellView, type: "code" | "markdown"): void {
    if (v.cell.type === type) return;
    v.cell.type = type;
    if (type === "markdown") { v.cell.outputs = []; v.cell.executionCount = null; }
    const i = this.views.indexOf(v);
    const next = this.view(v.cell);
    this.views[i] = next;
    v.root.replaceWith(next.root);
    this.select(next, "command");
    this.changed();
  }

  private move(v: CellView, by: number): void {
    const i = this.views.indexOf(v);
    const j = i + by;
    if (j < 0 || j >= this.views.length) return;
    [this.nb.cells[i], this.nb.cells[j]] = [this.nb.cells[j], this.nb.cells[i]];
    this.rebuild();
    this.changed();
  }

  private remove(v: CellView): void {
    const i = this.views.indexOf(v);
    this.nb.cells.splice(i, 1);
    this.views.splice(i, 1);
    v.root.remove();
    this.changed();
  }

  private run(v: CellView, advance: boolean, mode: "edit" | "command" = "edit"): void {
    if (v.cell.type === "markdown") {
      v.showEditor(false);
    } else {
      const request = this.kernel.execute(v.cell.id, v.cell.source);
      if (request === null) {
        v.clearOutputs();
        v.appendOutput(`Kernel ${this.kernel.state === "dead" ? "dead" : "not available"}: this cell was not run.`, "notice");
      } else {
        v.clearOutputs();
        this.running.set(request, v);
      }
    }
    if (advance) {
      const i = this.views.indexOf(v);
      if (i === this.views.length - 1) this.add("code", i + 1, mode);
      else if (mode === "edit") this.views[i + 1].focus();
      else this.select(this.views[i + 1], "command");
    }
  }

  private kernelState(s: KernelState, why: string): void {
    const text: Record<KernelState, string> = { connecting: "kernel: connecting", unavailable: "kernel not available",
      starting: "kernel: starting", idle: "kernel: idle", busy: "kernel: busy", restarting: "kernel: restarting",
      dead: "kernel: dead", reconnecting: "kernel: reconnecting" };
    this.badge.textContent = text[s];
    this.badge.dataset.state = s;
    this.kernelReason.textContent = why;
  }

  private kernelMessage(m: KernelMessage): void {
    if (m.type === "status" || m.type === "complete_reply" || m.type === "inspect_reply") return;
    if (m.type === "notice") { this.kernelReason.textContent = m.text; return; }
    const v = this.running.get(m.id);
    if (!v) return;
    switch (m.type) {
      case "stream": v.appendOutput(m.text, m.name); v.cell.outputs?.push({ output_type: "stream", name: m.name, text: m.text }); break;
      case "display":
        v.showDisplay(m.mime, m.data, m.displayId ?? "");
        if (!m.displayId) v.cell.outputs?.push({ output_type: "display_data", data: { [m.mime]: m.data } });
        break;
      case "result":
        if (m.text !== "") {
          v.appendOutput(m.text, "result");
          v.cell.outputs?.push({ output_type: "execute_result", execution_count: m.executionCount, data: { "text/plain": m.text } });
        }
        v.setExecutionCount(m.executionCount);
        this.running.delete(m.id);
        break;
      case "error": {
        const where = m.line ? ` (cell line ${m.line})` : "";
        v.appendOutput(`${m.ename}: ${m.evalue}${where}\n${m.traceback.join("\n")}`, "error");
        v.cell.outputs?.push({ output_type: "error", ename: m.ename, evalue: m.evalue, traceback: m.traceback });
        if (m.executionCount) v.setExecutionCount(m.executionCount);
        this.running.delete(m.id);
        break;
      }
    }
    this.changed();
  }

  private changed(): void {
    this.saved.textContent = "unsaved";
    this.saved.dataset.state = "dirty";
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  private flush(): Promise<void> {
    this.timer = undefined;
    this.saving = this.saving.then(async () => {
      this.saved.textContent = "saving…";
      try {
        const r = await this.api.save(this.nb.id, this.nb.version, this.nb.cells);
        this.nb.version = r.version;
        if (this.timer === undefined) {
          this.saved.textContent = `saved (v${r.version})`;
          this.saved.dataset.state = "saved";
        }
      } catch (e) {
        this.saved.textContent = e instanceof ApiError && e.status === 409
          ? "not saved: changed elsewhere, reload the page" : `not saved: ${(e as Error).message}`;
        this.saved.dataset.state = "error";
      }
    });
    return this.saving;
  }

  private async toggleHistory(): Promise<void> {
    if (!this.history.hidden) { this.history.hidden = true; return; }
    await this.saving;
    const versions = await this.api.versions(this.nb.id);
    const list = el("ol", { class: "versions", reversed: "" });
    for (const v of versions) {
      list.append(el("li", { "data-version": String(v.version) }, `v${v.version} · ${new Date(v.savedAt).toLocaleString()} · ${v.cellCount} cells `,
        v.version === this.nb.version ? el("em", {}, "current") : button("Restore", async () => {
          await this.saving;
          const r = await this.api.restore(this.nb.id, v.version, this.nb.version);
          Object.assign(this.nb, await this.api.get(this.nb.id), { version: r.version });
          this.rebuild();
          this.history.hidden = true;
          this.saved.textContent = `saved (v${r.version})`;
        })));
    }
    this.history.replaceChildren(el("h2", {}, "Versions"), list);
    this.history.hidden = false;
  }

  private async exportIpynb(): Promise<void> {
    await this.saving;
    const doc = await this.api.exportIpynb(this.nb.id);
    const a = el("a", { href: URL.createObjectURL(new Blob([JSON.stringify(doc, null, 1)], { type: "application/json" })),
      download: `${this.nb.name}.ipynb` });
    a.click();
    URL.revokeObjectURL(a.href);
  }
}
