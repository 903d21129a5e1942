/**
 * Authentication and authorisation at the edge.
 *
 * <h2>Who is calling</h2>
 *
 * <ul>
 *   <li><b>OIDC access tokens</b> from Keycloak. {@link dev.flotilla.apiserver.auth.RealmResolver}
 *       (a Quarkus OIDC {@code TenantConfigResolver}; there is no static OIDC tenant) picks the
 *       realm per request: {@code /api/v1/tenants} and {@code /api/v1/tenants/{t}} (platform
 *       administration), the paths of <em>shared</em> tenants and unknown tenants verify against
 *       the platform realm; the paths of a <em>dedicated</em> tenant ({@code /api/v1/tenants/{t}/…})
 *       against that tenant's own realm, so any other realm's token fails its signature and issuer
 *       check (401). Every token must carry our audience ({@code flotilla-api}, added by an
 *       audience client scope that is a default of every realm we provision).
 *   <li><b>API tokens</b> ({@code Authorization: Bearer flt_…}):
 *       {@link dev.flotilla.apiserver.auth.ApiTokenMechanism} runs before OIDC and answers only
 *       for that prefix: the SHA-256 of the token is looked up; unknown, revoked or expired is 401.
 *       The identity is the token's owner, limited by an {@link dev.flotilla.apiserver.auth.ApiTokenGrant}
 *       to one workspace.
 * </ul>
 *
 * <h2>What they may do</h2>
 *
 * Every resource method carries {@link dev.flotilla.apiserver.auth.Allow} with a
 * {@link dev.flotilla.apiserver.auth.Rule}; {@link dev.flotilla.apiserver.auth.AccessFilter}
 * enforces it and refuses a method without one. The roles:
 *
 * <ul>
 *   <li><b>platform-admin</b>: a Keycloak realm role of the platform realm (in the token). It
 *       administers tenants and has no role inside them.
 *   <li><b>tenant admin</b>: a {@code membership} row with {@code workspace_id} null and role
 *       {@code TENANT_ADMIN}, keyed by the token's {@code sub} and the tenant.
 *   <li><b>workspace admin / member / viewer</b>: a {@code membership} row of that workspace, keyed
 *       by {@code sub}; ranked admin &gt; member &gt; viewer. A tenant admin passes every workspace
 *       rule of its tenant.
 * </ul>
 *
 * Roles live in our database, not in Keycloak, because a shared tenant is only an organization of
 * the platform realm, where realm roles are global. Before any role is read, the caller must
 * belong to the path's tenant: its token was issued by the tenant's realm, and for a shared
 * tenant its {@code organization} claim names the tenant (a user in several organizations gets
 * the claim only when its client asks for {@code organization:*} or {@code organization:<t>});
 * an API token must belong to the tenant and, for workspace rules, the path's workspace, and never
 * passes a tenant-admin rule or an endpoint marked {@code apiTokens = false} (minting tokens,
 * managing members). Outcomes: 401 without valid credentials; 403 outside the tenant or without
 * the role (an unknown tenant looks like a foreign one); 404 for an unknown workspace of the
 * caller's own tenant. The decision is left in {@link dev.flotilla.apiserver.auth.CurrentAccess}
 * for the resource method.
 *
 * <p>Threading: all of it runs on Vert.x event loops and never blocks; database reads use their
 * own reactive session.
 */
package dev.flotilla.apiserver.auth;
