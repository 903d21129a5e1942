// Administration pages over the existing endpoints: members and invitations with roles
// (workspace admins), API tokens (the secret is shown once), the tenant's audit log (tenant admins).
import { Api, ApiError } from "./api";
import { button, el, showError } from "./dom";

interface Member { userId: string; email: string; role: string; since: string }
interface Mail { status: "pending" | "sent" | "failed" | "not-configured" | "not-needed"; message: string | null; at: string | null }
interface Invitation { id: string; email: string; role: string; createdAt: string; mail: Mail }

const MAIL_LABELS: Record<Mail["status"], string> = {
  "pending": "e-mail pending", "sent": "e-mail sent", "failed": "e-mail FAILED",
  "not-configured": "no e-mail sent (mail not configured)", "not-needed": "no e-mail needed",
};
interface Token { id: string; name: string; prefix: string; userId: string; createdAt: string; expiresAt: string; revokedAt: string | null }
interface AuditEvent { at: string; actor: string; action: string; target: string; detail: string | null }

const ROLES = ["viewer", "member", "admin"];

function failure(app: HTMLElement, e: unknown): void {
  const status = e instanceof ApiError ? e.status : 0;
  showError(app, status === 403 ? "Forbidden: this page is for administrators." : status === 404 ? "Not found." : (e as Error).message);
}

export async function renderMembers(app: HTMLElement, api: Api): Promise<void> {
  const path = `/api/v1/tenants/${api.tenant}/workspaces/${api.workspace}/members`;
  const email = el("input", { placeholder: "e-mail", "aria-label": "E-mail" });
  const role = el("select", { "aria-label": "Role" }, ...ROLES.map((r) => el("option", { value: r }, r)));
  const status = el("p", { class: "status" });
  const list = el("ul", { class: "members" });
  const invitations = el("ul", { class: "invitations" });
  // The invitation's answer says what became of its e-mail (sent, or plainly that none was sent and why).
  const invite = button("Invite", async () => {
    try {
      const r = await api.call<{ invitation: Invitation }>("POST", path, { email: email.value.trim(), role: role.value });
      await renderMembers(app, api);
      (app.querySelector(".status") as HTMLElement).textContent = r.invitation.mail.message ?? "";
    } catch (e) { status.textContent = (e as Error).message; void renderInvitations(invitations, api, status); }
  });
  app.replaceChildren(el("h1", {}, `Members of ${api.workspace}`), el("div", { class: "row" }, email, role, invite), status, list,
    el("h2", {}, "Invitations"), invitations);
  void renderInvitations(invitations, api, status);
  try {
    for (const m of await api.call<Member[]>("GET", path)) {
      const select = el("select", { "aria-label": `Role of ${m.email}` }, ...ROLES.map((r) => el("option", r === m.role ? { value: r, selected: "" } : { value: r }, r)));
      select.addEventListener("change", async () => {
        try { await api.call("PATCH", `${path}/${m.userId}`, { role: select.value }); status.textContent = `${m.email} is now ${select.value}`; }
        catch (e) { status.textContent = (e as Error).message; }
      });
      list.append(el("li", {}, `${m.email} `, select, button("Remove", async () => {
        if (confirm(`Remove ${m.email}?`)) { await api.call("DELETE", `${path}/${m.userId}`); void renderMembers(app, api); }
      })));
    }
  } catch (e) { failure(app, e); }
}

async function renderInvitations(list: HTMLElement, api: Api, status: HTMLElement): Promise<void> {
  const path = `/api/v1/tenants/${api.tenant}/workspaces/${api.workspace}/invitations`;
  try {
    const all = await api.call<Invitation[]>("GET", path);
    list.replaceChildren(...all.map((i) => el("li", { title: i.mail.message ?? "" }, `${i.email} (${i.role}): ${MAIL_LABELS[i.mail.status]} `,
      button("Resend", async () => {
        try { const r = await api.call<Invitation>("POST", `${path}/${i.id}/resend`); status.textContent = r.mail.message ?? ""; }
        catch (e) { status.textContent = (e as Error).message; }
        void renderInvitations(list, api, status);
      }))));
  } catch (e) { list.replaceChildren(el("li", {}, (e as Error).message)); }
}

export async function renderTokens(app: HTMLElement, api: Api): Promise<void> {
  const path = `/api/v1/tenants/${api.tenant}/workspaces/${api.workspace}/tokens`;
  const name = el("input", { placeholder: "token name", "aria-label": "Token name", id: "token-name" });
  const shown = el("div", { class: "secret", id: "token-secret" });
  const list = el("ul", { class: "tokens" });
  const create = button("Create token", async () => {
    try {
      const t = await api.call<{ token: string; name: string }>("POST", path, { name: name.value.trim() });
      await renderTokens(app, api);
      (app.querySelector("#token-secret") as HTMLElement).replaceChildren(
        el("p", {}, `Token ${t.name} — copy it now, it is shown only once:`), el("code", {}, t.token));
    } catch (e) { shown.textContent = (e as Error).message; }
  });
  app.replaceChildren(el("h1", {}, `API tokens of ${api.workspace}`), el("div", { class: "row" }, name, create), shown, list);
  try {
    for (const t of await api.call<Token[]>("GET", path)) {
      list.append(el("li", {}, `${t.name} (${t.prefix}…) expires ${new Date(t.expiresAt).toLocaleDateString()} `,
        t.revokedAt ? el("em", {}, "revoked") : button("Revoke", async () => { await api.call("DELETE", `${path}/${t.id}`); void renderTokens(app, api); })));
    }
  } catch (e) { failure(app, e); }
}

export async function renderAudit(app: HTMLElement, api: Api): Promise<void> {
  const table = el("table", { class: "audit" }, el("tr", {}, ...["when", "who", "action", "target", "detail"].map((h) => el("th", {}, h))));
  app.replaceChildren(el("h1", {}, `Audit log of ${api.tenant}`), table);
  try {
    for (const e of await api.call<AuditEvent[]>("GET", `/api/v1/tenants/${api.tenant}/audit?limit=200`)) {
      table.append(el("tr", {}, ...[new Date(e.at).toLocaleString(), e.actor, e.action, e.target, e.detail ?? ""].map((c) => el("td", {}, c))));
    }
  } catch (e) { failure(app, e); }
}
