// Jupyter-like keyboard shortcuts. Edit mode is the editor (its keys are bound in cell.ts);
// command mode is a selected cell with the focus on the cell itself: there plain keys act on
// cells. The same table feeds the "Shortcuts" help, so the help lists what the keys do.
import { button, el } from "./dom";

/** What command-mode keys do to the notebook page's selected cell. */
export interface CommandTarget {
  edit(): void;
  run(advance: boolean): void;
  insert(where: "above" | "below"): void;
  remove(): void;
  setType(type: "code" | "markdown"): void;
  /** Moves the selection by one cell up (-1) or down (1). */
  select(by: -1 | 1): void;
}

/** D must be pressed twice within this long to delete, as in Jupyter. */
const DOUBLE_PRESS_MS = 1000;

export const EDIT_KEYS: [string, string][] = [
  ["Esc", "command mode (leave the editor; the cell stays selected)"],
  ["Shift+Enter", "run, then edit the next cell (a new one at the end)"],
  ["Ctrl+Enter", "run"],
  ["Alt+Enter", "run, then insert a code cell below"],
];

export const COMMAND_KEYS: [string, string][] = [
  ["Enter", "edit the selected cell"],
  ["A / B", "insert a code cell above / below"],
  ["D D", "delete the selected cell"],
  ["M / Y", "make it markdown / code"],
  ["↑ / K, ↓ / J", "select the previous / next cell"],
  ["Shift+Enter", "run, then select the next cell"],
  ["Ctrl+Enter", "run"],
];

export class CommandKeys {
  private lastD = -Infinity;

  /** Handles one key pressed in command mode; answers whether it was a shortcut (then the event is consumed). */
  handle(e: KeyboardEvent, target: CommandTarget): boolean {
    if (e.altKey) return false;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const action = mod ? (key === "Enter" ? () => target.run(false) : null) : this.plain(key, e.shiftKey, target);
    if (key !== "d") this.lastD = -Infinity;
    if (!action) return false;
    e.preventDefault();
    action();
    return true;
  }

  private plain(key: string, shift: boolean, target: CommandTarget): (() => void) | null {
    if (key === "Enter") return shift ? () => target.run(true) : () => target.edit();
    if (shift) return null;
    switch (key) {
      case "a": return () => target.insert("above");
      case "b": return () => target.insert("below");
      case "m": return () => target.setType("markdown");
      case "y": return () => target.setType("code");
      case "k": case "ArrowUp": return () => target.select(-1);
      case "j": case "ArrowDown": return () => target.select(1);
      case "d": return () => {
        const now = performance.now();
        if (now - this.lastD <= DOUBLE_PRESS_MS) { this.lastD = -Infinity; target.remove(); } else this.lastD = now;
      };
      default: return null;
    }
  }
}

/** The toolbar's "Shortcuts" button and the list it shows and hides. */
export function shortcutsHelp(): { toggle: HTMLButtonElement; panel: HTMLElement } {
  const list = (title: string, keys: [string, string][]) =>
    el("div", {}, el("h3", {}, title), el("dl", {}, ...keys.flatMap(([k, what]) => [el("dt", {}, el("kbd", {}, k)), el("dd", {}, what)])));
  const panel = el("aside", { class: "shortcuts", id: "shortcuts", hidden: "" },
    list("Edit mode (in the editor)", EDIT_KEYS), list("Command mode (Esc; the cell is highlighted)", COMMAND_KEYS));
  const toggle = button("Shortcuts", () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute("aria-expanded", String(!panel.hidden));
  }, { id: "shortcuts-toggle", "aria-expanded": "false", "aria-controls": "shortcuts" });
  return { toggle, panel };
}
