// One cell on the page: a CodeMirror editor (Java for code, plain for markdown), its outputs and
// its execution count. Markdown cells show rendered until double-clicked. In the editor:
// Shift+Enter runs and advances, Ctrl/Cmd+Enter runs, Alt+Enter runs and inserts a cell below,
// Esc leaves the editor for command mode (the page handles command-mode keys on the cell).
import { java } from "@codemirror/lang-java";
import { keymap } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { EditorView, basicSetup } from "codemirror";
import type { Cell } from "./api";
import { el } from "./dom";
import { renderMarkdown } from "./markdown";

export interface CellHooks {
  changed(): void;
  run(view: CellView, advance: boolean): void;
  /** Alt+Enter: run, then a new cell below. */
  runAndInsert(view: CellView): void;
  /** Esc in the editor: command mode on this cell. */
  leaveEditor(view: CellView): void;
  /** The kernel's completions for the cell's code at the cursor, or null. */
  complete(code: string, cursor: number): Promise<{ matches: string[]; cursorStart: number; cursorEnd: number } | null>;
  /** The kernel's documentation for what is at the cursor (empty when none). */
  inspect(code: string, cursor: number): Promise<string[]>;
}

/**
 * Completion from the kernel, in the focused editor only: Ctrl+Space anywhere, or by itself after
 * a dot. Typing more of the name filters the kernel's answer locally instead of asking again.
 */
function kernelCompletions(hooks: CellHooks) {
  return async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    if (!ctx.view?.hasFocus) return null;
    if (!ctx.explicit && !ctx.matchBefore(/\.[\w$]*$/)) return null;
    const reply = await hooks.complete(ctx.state.doc.toString(), ctx.pos);
    if (ctx.aborted || !reply || reply.matches.length === 0) return null;
    const code = ctx.state.doc.toString();
    // The documentation of an option: what the kernel says of the code with the option applied.
    const info = (label: string) => async (): Promise<Node | null> => {
      const applied = code.slice(0, reply.cursorStart) + label + code.slice(reply.cursorEnd);
      const docs = await hooks.inspect(applied, reply.cursorStart + label.length);
      return docs.length === 0 ? null : el("pre", { class: "completion-docs" }, docs.join("\n\n"));
    };
    return { from: reply.cursorStart, to: reply.cursorEnd, validFor: /^[\w$]*\(?$/,
      options: reply.matches.map((m) => ({ label: m, type: m.endsWith("(") ? "method" : "variable", info: info(m) })) };
  };
}

export class CellView {
  readonly root: HTMLElement;
  readonly outputs: HTMLElement;
  private readonly editor: EditorView;
  private readonly count: HTMLElement;
  private readonly rendered: HTMLElement;

  constructor(readonly cell: Cell, hooks: CellHooks, toolbar: HTMLElement) {
    this.count = el("span", { class: "count" }, label(cell));
    this.outputs = el("div", { class: "outputs" });
    this.rendered = el("div", { class: "markdown" });
    const host = el("div", { class: "editor" });
    // tabindex -1: the cell itself takes the focus in command mode, so its keys reach the page.
    this.root = el("section", { class: `cell ${cell.type}`, "data-cell-id": cell.id, tabindex: "-1" }, toolbar, this.count, host, this.rendered, this.outputs);
    const runKeys = Prec.highest(keymap.of([
      { key: "Shift-Enter", run: () => { hooks.run(this, true); return true; } },
      { key: "Mod-Enter", run: () => { hooks.run(this, false); return true; } },
      { key: "Alt-Enter", run: () => { hooks.runAndInsert(this); return true; } },
    ]));
    // After basicSetup at the same precedence: an open completion list (its keymap is
    // Prec.highest) or search panel takes Esc first.
    const escape = keymap.of([{ key: "Escape", run: () => { hooks.leaveEditor(this); return true; } }]);
    // One source object for the editor's life: the completion plugin tells sources apart by identity.
    const completionData = [{ autocomplete: kernelCompletions(hooks) }];
    this.editor = new EditorView({
      doc: cell.source,
      parent: host,
      extensions: [basicSetup, runKeys, escape,
        ...(cell.type === "code" ? [java(), EditorState.languageData.of(() => completionData)]
          : [EditorView.lineWrapping]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) { cell.source = u.state.doc.toString(); hooks.changed(); }
        })],
    });
    if (cell.type === "markdown") {
      this.rendered.addEventListener("dblclick", () => this.showEditor(true));
      this.showEditor(cell.source.trim() === "");
    }
    for (const o of cell.outputs ?? []) {
      const rich = richOutput(o);
      if (rich) this.showDisplay(rich[0], rich[1], ""); else this.appendOutput(outputText(o), "stdout");
    }
  }

  /** Markdown: shows the editor or the rendered text. */
  showEditor(editing: boolean): void {
    if (this.cell.type !== "markdown") return;
    if (!editing) renderMarkdown(this.rendered, this.cell.source);
    (this.editor.dom.parentElement as HTMLElement).hidden = !editing;
    this.rendered.hidden = editing;
  }

  /** Edit mode: the editor takes the focus (a markdown cell shows its source). */
  focus(): void {
    this.showEditor(true);
    this.editor.focus();
  }

  /** Whether the keyboard focus is in this cell's editor. */
  get editing(): boolean {
    return this.editor.hasFocus;
  }

  clearOutputs(): void {
    this.outputs.replaceChildren();
    this.cell.outputs = [];
  }

  /** Appends an output; consecutive stdout (or stderr) writes continue one block, as a terminal would. */
  appendOutput(text: string, kind: string): void {
    const last = this.outputs.lastElementChild as HTMLElement | null;
    if ((kind === "stdout" || kind === "stderr") && last?.tagName === "PRE" && last.classList.contains(kind)) {
      last.append(text);
      return;
    }
    this.outputs.append(el("pre", { class: `output ${kind}` }, text));
  }

  /**
   * Shows a rich output. Kernel output is tenant code's output, so nothing from it runs in this
   * page: SVG and PNG are images (an SVG in an <img> runs no script), HTML goes into a sandboxed
   * frame without scripts, anything else is text. A non-empty displayId replaces the earlier
   * output with the same id (a live progress bar).
   */
  showDisplay(mime: string, data: string, displayId: string): void {
    let node: HTMLElement;
    if (mime === "image/svg+xml") {
      node = el("img", { class: "display svg", alt: "plot", src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data)}` });
    } else if (mime === "image/png") {
      node = el("img", { class: "display png", alt: "image", src: `data:image/png;base64,${data}` });
    } else if (mime === "text/html") {
      const frame = el("iframe", { class: "display html", sandbox: "allow-same-origin", title: "output" }) as HTMLIFrameElement;
      frame.srcdoc = data;
      frame.addEventListener("load", () => {
        const h = frame.contentDocument?.documentElement.scrollHeight;
        if (h) frame.style.height = `${Math.min(h + 4, 600)}px`;
      });
      node = frame;
    } else {
      node = el("pre", { class: "output display" }, data);
    }
    if (displayId) {
      node.dataset.displayId = displayId;
      const earlier = Array.from(this.outputs.children).find((c) => (c as HTMLElement).dataset.displayId === displayId);
      if (earlier) { earlier.replaceWith(node); return; }
    }
    this.outputs.append(node);
  }

  setExecutionCount(n: number | null): void {
    this.cell.executionCount = n;
    this.count.textContent = label(this.cell);
  }
}

function label(cell: Cell): string {
  if (cell.type === "markdown") return "";
  return `[${cell.executionCount ?? " "}]`;
}

/** A saved display output's preferred MIME type and data, or null for text outputs. */
function richOutput(o: unknown): [string, string] | null {
  const out = o as { output_type?: string; data?: Record<string, string | string[]> };
  if (out.output_type !== "display_data" || !out.data) return null;
  for (const mime of ["image/svg+xml", "image/png", "text/html"]) {
    const d = out.data[mime];
    if (d !== undefined) return [mime, Array.isArray(d) ? d.join("") : d];
  }
  return null;
}

function outputText(o: unknown): string {
  const out = o as { text?: string | string[]; data?: Record<string, string | string[]>; ename?: string; evalue?: string };
  const join = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : t ?? "");
  if (out.text !== undefined) return join(out.text);
  if (out.data?.["text/plain"] !== undefined) return join(out.data["text/plain"]);
  if (out.ename) return `${out.ename}: ${out.evalue ?? ""}`;
  return JSON.stringify(o);
}
