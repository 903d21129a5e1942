/**
 * The api-server: Flotilla's only public entry point.
 *
 * <p>Every browser, SDK and CLI request enters here. In its finished form this package's
 * subpackages authenticate each request (OIDC bearer tokens from the tenant's Keycloak
 * organization or realm, or hashed API tokens), authorise it against the tenant, workspace and
 * role model, enforce quotas, persist platform data in PostgreSQL, serve the notebook UI, relay
 * kernel I/O over WebSocket and forward job traffic to the scheduler with the tenant stamped on
 * it. Tenant code never runs in this process; task arguments and results pass through it as
 * opaque bytes.
 *
 * <p>Today the package holds health only; {@code persistence} holds the entities and the
 * PostgreSQL schema (Flyway migrations), which no resource uses yet:
 *
 * <ul>
 *   <li>{@link dev.flotilla.apiserver.ApiServerReadiness} — the readiness check at
 *       {@code /q/health/ready}, which also reports the platform name and version. Liveness at
 *       {@code /q/health/live} comes from SmallRye Health itself.
 * </ul>
 *
 * <p>No other endpoint is exposed: the design admits no unauthenticated endpoint except health
 * and login, and any path under {@code /api} answers 404 until authenticated resources land.
 *
 * <p>Threading: HTTP is served by Vert.x event loops. Code in this package must never block an
 * event loop; blocking work (database, scheduler calls) runs on virtual threads
 * ({@code @RunOnVirtualThread}) or is expressed reactively. Beans are {@code @ApplicationScoped}
 * singletons and hold only immutable state or thread-safe collaborators.
 */
package dev.flotilla.apiserver;
