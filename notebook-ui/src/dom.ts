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
