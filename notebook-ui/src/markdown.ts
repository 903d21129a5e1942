// Markdown cells rendered with marked. Raw HTML in the source is shown as text, and links other
// than http(s), mailto and in-page ones are dropped, so a notebook cannot run script in the page.
import { marked } from "marked";

marked.use({ renderer: { html: ({ text }) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") } });

export function renderMarkdown(target: HTMLElement, source: string): void {
  target.innerHTML = marked.parse(source, { async: false }) as string;
  for (const a of target.querySelectorAll("a")) {
    if (!/^(https?:|mailto:|#)/i.test(a.getAttribute("href") ?? "")) a.removeAttribute("href");
  }
  for (const img of target.querySelectorAll("img")) {
    if (!/^https?:/i.test(img.getAttribute("src") ?? "")) img.remove();
  }
}
