// Login through the tenant's Keycloak: authorization code + PKCE (S256) with the public client
// the api-server provisions in every realm. The access and refresh tokens live in sessionStorage
// for this tab only. An access token that expires within REFRESH_MARGIN_MS (or that the server
// answered 401 to) is replaced through the realm's token endpoint with the refresh_token grant;
// concurrent callers share one refresh. When the refresh fails the caller logs in again.

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
  refreshToken: string | null;
  refreshExpiresAt: number | null;
  tokenEndpoint: string;
  clientId: string;
}

interface TokenAnswer { access_token: string; expires_in: number; refresh_token?: string; refresh_expires_in?: number }

const SESSION = "flotilla.session";
const PENDING = "flotilla.pending";
/** Refresh this long before the access token expires, so a call never carries one about to lapse. */
const REFRESH_MARGIN_MS = 30_000;
let refreshing: Promise<Session | null> | null = null;

function stored(tenant: string): Session | null {
  const raw = sessionStorage.getItem(SESSION);
  if (!raw) return null;
  const s = JSON.parse(raw) as Session;
  return s.tenant === tenant ? s : null;
}

const refreshable = (s: Session): boolean =>
  s.refreshToken !== null && (s.refreshExpiresAt === null || s.refreshExpiresAt > Date.now());

/** This tab's session of the tenant while it can still make calls (a live access token or a usable refresh token). */
export function session(tenant: string): Session | null {
  const s = stored(tenant);
  return s && (s.expiresAt > Date.now() || refreshable(s)) ? s : null;
}

/**
 * A bearer token for the tenant: the stored one while it lives past the margin, else a refreshed
 * one. After a 401 pass the refused token as {@code rejected}: a refresh happens unless another
 * caller already replaced it. Null when there is no session and no refresh succeeds: log in.
 */
export async function accessToken(tenant: string, rejected?: string): Promise<string | null> {
  const s = stored(tenant);
  if (!s) return null;
  const live = s.expiresAt - REFRESH_MARGIN_MS > Date.now();
  if (live && (rejected === undefined || s.accessToken !== rejected)) return s.accessToken;
  if (!refreshable(s)) return null;
  refreshing ??= refresh(s).finally(() => { refreshing = null; });
  return (await refreshing)?.accessToken ?? null;
}

async function refresh(s: Session): Promise<Session | null> {
  try {
    const r = await fetch(s.tokenEndpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", client_id: s.clientId, refresh_token: s.refreshToken ?? "" }),
    });
    if (!r.ok) return null;
    return keep(s.tenant, s.tokenEndpoint, s.clientId, (await r.json()) as TokenAnswer);
  } catch {
    return null;
  }
}

function keep(tenant: string, tokenEndpoint: string, clientId: string, t: TokenAnswer): Session {
  const now = Date.now();
  const s: Session = {
    tenant, accessToken: t.access_token, expiresAt: now + t.expires_in * 1000,
    refreshToken: t.refresh_token ?? null,
    // Keycloak answers 0 for an offline token, which does not lapse while idle.
    refreshExpiresAt: t.refresh_expires_in ? now + t.refresh_expires_in * 1000 : null,
    tokenEndpoint, clientId,
  };
  sessionStorage.setItem(SESSION, JSON.stringify(s));
  return s;
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
  const tokenEndpoint = `${pending.config.issuer}/protocol/openid-connect/token`;
  const r = await fetch(tokenEndpoint, {
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
  keep(pending.config.tenant, tokenEndpoint, pending.config.clientId, (await r.json()) as TokenAnswer);
  return pending.returnTo;
}
