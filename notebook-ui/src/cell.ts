// One cell on the page: a CodeMirror editor (Java for code, plain for markdown), its outputs and
// its execution count. Markdown cells show rendered until double-clicked.
import { java } from "@codemirror/lang-java";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { EditorView, basicSetup } from "codemirror";
import type { Cell } from "./api";
import { el } from "./dom";
import { renderMarkdown } from "./markdown";

export interface CellHooks {
  changed(): void;
  run(view: CellView, advance: boolean): void;
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
    this.root = el("section", { class: `cell ${cell.type}`, "data-cell-id": cell.id }, toolbar, this.count, host, this.rendered, this.outputs);
    const runKeys = Prec.highest(keymap.of([
      { key: "Shift-Enter", run: () => { hooks.run(this, true); return true; } },
      { key: "Mod-Enter", run: () => { hooks.run(this, false); return true; } },
    ]));
    this.editor = new EditorView({
      doc: cell.source,
      parent: host,
      extensions: [basicSetup, runKeys, ...(cell.type === "code" ? [java()] : [EditorView.lineWrapping]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) { cell.source = u.state.doc.toString(); hooks.changed(); }
        })],
    });
    if (cell.type === "markdown") {
      this.rendered.addEventListener("dblclick", () => this.showEditor(true));
      this.showEditor(cell.source.trim() === "");
    }
    for (const o of cell.outputs ?? []) this.appendOutput(outputText(o), "stdout");
  }

  /** Markdown: shows the editor or the rendered text. */
  showEditor(editing: boolean): void {
    if (this.cell.type !== "markdown") return;
    if (!editing) renderMarkdown(this.rendered, this.cell.source);
    (this.editor.dom.parentElement as HTMLElement).hidden = !editing;
    this.rendered.hidden = editing;
  }

  focus(): void {
    this.editor.focus();
  }

  clearOutputs(): void {
    this.outputs.replaceChildren();
    this.cell.outputs = [];
  }

  appendOutput(text: string, kind: string): void {
    this.outputs.append(el("pre", { class: `output ${kind}` }, text));
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

function outputText(o: unknown): string {
  const out = o as { text?: string | string[]; data?: Record<string, string | string[]>; ename?: string; evalue?: string };
  const join = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : t ?? "");
  if (out.text !== undefined) return join(out.text);
  if (out.data?.["text/plain"] !== undefined) return join(out.data["text/plain"]);
  if (out.ename) return `${out.ename}: ${out.evalue ?? ""}`;
  return JSON.stringify(o);
}
