// Tiny DOM helpers: element creation with text and attributes, never innerHTML for user data.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

export function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el("button", attrs, label);
  b.addEventListener("click", onClick);
  return b;
}

export function showError(target: HTMLElement, message: string): void {
  target.replaceChildren(el("p", { class: "error", role: "alert" }, message));
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element (charts); attributes and text as for {@link el}. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}
