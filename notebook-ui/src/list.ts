// The notebook list of a workspace: create, open, rename, duplicate, delete, import .ipynb.
import { Api, ApiError } from "./api";
import { button, el, showError } from "./dom";

export async function renderList(app: HTMLElement, api: Api): Promise<void> {
  const status = el("p", { class: "status" });
  const name = el("input", { placeholder: "New notebook name", "aria-label": "New notebook name", id: "new-name" });
  const create = button("Create", async () => {
    if (!name.value.trim()) return;
    try {
      const n = await api.create(name.value.trim());
      location.hash = `#/t/${api.tenant}/w/${api.workspace}/n/${n.id}`;
    } catch (e) { status.textContent = (e as Error).message; }
  }, { id: "create" });
  const file = el("input", { type: "file", accept: ".ipynb,application/json", "aria-label": "Import .ipynb" });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      const n = await api.importIpynb(f.name.replace(/\.ipynb$/, ""), JSON.parse(await f.text()));
      location.hash = `#/t/${api.tenant}/w/${api.workspace}/n/${n.id}`;
    } catch (e) { status.textContent = `import failed: ${(e as Error).message}`; }
  });
  const table = el("ul", { class: "notebooks" });
  app.replaceChildren(el("h1", {}, `Notebooks of ${api.workspace}`), el("div", { class: "row" }, name, create, el("label", {}, "Import ", file)),
    status, table);
  try {
    const all = await api.list();
    if (all.length === 0) table.append(el("li", { class: "empty" }, "No notebooks yet."));
    for (const n of all) {
      const link = el("a", { href: `#/t/${api.tenant}/w/${api.workspace}/n/${n.id}`, class: "notebook-link" }, n.name);
      table.append(el("li", {}, link, el("span", { class: "meta" }, ` v${n.version} · ${new Date(n.updatedAt).toLocaleString()} `),
        button("Rename", async () => {
          const to = prompt("New name", n.name);
          if (to) { await api.rename(n.id, to); void renderList(app, api); }
        }),
        button("Duplicate", async () => { await api.duplicate(n.id, `${n.name} (copy)`); void renderList(app, api); }),
        button("Delete", async () => {
          if (confirm(`Delete ${n.name}?`)) { await api.remove(n.id); void renderList(app, api); }
        })));
    }
  } catch (e) {
    showError(app, e instanceof ApiError && e.status === 404 ? "Not found: no such workspace here." : (e as Error).message);
  }
}
