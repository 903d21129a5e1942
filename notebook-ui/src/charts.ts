// Small charts for the dashboard: a meter bar (used of total) and the usage-against-quota SVG.
import { el, svg } from "./dom";

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));

/** A horizontal bar showing how much of {@code total} is in use; "–" when the node has none. */
export function meter(label: string, used: number, total: number, unit = ""): HTMLElement {
  if (total <= 0) return el("span", { class: "meter-none" }, "–");
  const share = Math.min(1, Math.max(0, used / total));
  const fill = el("span", { class: "meter-fill", style: `width:${(share * 100).toFixed(1)}%` });
  if (share >= 0.9) fill.classList.add("full");
  return el("span", { class: "meter", title: `${label}: ${fmt(used)} of ${fmt(total)}${unit} in use`, "aria-label": label },
    el("span", { class: "meter-track" }, fill), el("span", { class: "meter-text" }, `${fmt(used)} / ${fmt(total)}${unit}`));
}

export interface Bar { label: string; used: number; budget: number | null; unit: string }

/**
 * Horizontal bars of this month's use against the budget: the track is the budget (or, without
 * one, the use itself, marked "no budget"); over budget the bar turns red.
 */
export function usageChart(bars: Bar[]): SVGSVGElement {
  const width = 560, row = 44, left = 110, right = 150, barWidth = width - left - right;
  const chart = svg("svg", { id: "usage-chart", width, height: bars.length * row + 10, viewBox: `0 0 ${width} ${bars.length * row + 10}`,
    role: "img", "aria-label": "usage this month against quota" });
  bars.forEach((b, i) => {
    const y = 8 + i * row;
    const scale = Math.max(b.budget ?? 0, b.used, 1e-9);
    const usedWidth = b.used <= 0 ? 0 : Math.max(2, (b.used / scale) * barWidth);
    const over = b.budget !== null && b.used > b.budget;
    chart.append(
      svg("text", { x: 0, y: y + 17, class: "chart-label" }, b.label),
      svg("rect", { x: left, y, width: barWidth, height: 24, rx: 3, class: "chart-track" }),
      svg("rect", { x: left, y, width: usedWidth.toFixed(1), height: 24, rx: 3, class: over ? "chart-used over" : "chart-used",
        "data-used": b.used }),
      svg("text", { x: left + barWidth + 8, y: y + 17, class: "chart-value" },
        b.budget === null ? `${fmt(b.used)} ${b.unit} (no budget)` : `${fmt(b.used)} / ${fmt(b.budget)} ${b.unit}`));
    if (b.budget !== null) {
      chart.append(svg("line", { x1: left + barWidth, x2: left + barWidth, y1: y - 3, y2: y + 27, class: "chart-budget" }));
    }
  });
  return chart;
}
