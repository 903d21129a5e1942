// Login through the tenant's Keycloak: authorization code + PKCE (S256) with the public client
// the api-server provisions in every realm. The token lives in sessionStorage for this tab only.

export interface LoginConfig {
  tenant: string;
  issuer: string;
  clientId: string;
  scope: string;
}

interface Session {
  tenant: string;
  accessToken: string;
  expiresAt: number;
}

const SESSION = "flotilla.session";
const PENDING = "flotilla.pending";

export function session(tenant: string): Session | null {
  const raw = sessionStorage.getItem(SESSION);
  if (!raw) return null;
  const s = JSON.parse(raw) as Session;
  return s.tenant === tenant && s.expiresAt > Date.now() ? s : null;
}

export function logout(): void {
  sessionStorage.removeItem(SESSION);
}

async function loginConfig(tenant: string): Promise<LoginConfig> {
  const r = await fetch(`/login-config/${encodeURIComponent(tenant)}`);
  if (r.status === 404) throw new Error(`no tenant ${tenant}`);
  if (!r.ok) throw new Error(`login configuration answered ${r.status}`);
  return (await r.json()) as LoginConfig;
}

function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Sends the browser to the tenant's login page; comes back to {@link completeLogin}. */
export async function login(tenant: string, returnTo: string): Promise<never> {
  const config = await loginConfig(tenant);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(PENDING, JSON.stringify({ config, verifier, state, returnTo }));
  const params = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: "code",
    scope: config.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  location.assign(`${config.issuer}/protocol/openid-connect/auth?${params}`);
  return new Promise<never>(() => {});
}

/** On the redirect back: trades the code for tokens. Answers the hash route to show, or null if this is no callback. */
export async function completeLogin(): Promise<string | null> {
  const query = new URLSearchParams(location.search);
  const code = query.get("code");
  const pendingRaw = sessionStorage.getItem(PENDING);
  if (!code || !pendingRaw) return null;
  const pending = JSON.parse(pendingRaw) as { config: LoginConfig; verifier: string; state: string; returnTo: string };
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, "", location.pathname);
  if (query.get("state") !== pending.state) throw new Error("login state mismatch; try again");
  const r = await fetch(`${pending.config.issuer}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: pending.config.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!r.ok) throw new Error(`the login server refused the code (${r.status})`);
  const t = (await r.json()) as { access_token: string; expires_in: number };
  const s: Session = { tenant: pending.config.tenant, accessToken: t.access_token, expiresAt: Date.now() + t.expires_in * 1000 };
  sessionStorage.setItem(SESSION, JSON.stringify(s));
  return pending.returnTo;
}
