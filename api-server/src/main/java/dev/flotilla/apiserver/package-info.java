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
 * <p>Subpackages: {@code api} (REST resources and bodies), {@code auth} (authentication, roles,
 * the access filter — its package-info describes the role model), {@code tenancy} (the services
 * behind the API), {@code keycloak} (provisioning through Keycloak's admin API), {@code audit},
 * {@code error} (problem details), {@code config}, {@code persistence} (entities, Flyway schema).
 * This package holds {@link dev.flotilla.apiserver.ApiServerReadiness}, the readiness check at
 * {@code /q/health/ready} (with the platform name and version); liveness at {@code /q/health/live}
 * comes from SmallRye Health. Health is the only endpoint served without credentials.
 *
 * <p>Threading: HTTP is served by Vert.x event loops. Code in this package must never block an
 * event loop; blocking work (database, scheduler calls) runs on virtual threads
 * ({@code @RunOnVirtualThread}) or is expressed reactively. Beans are {@code @ApplicationScoped}
 * singletons and hold only immutable state or thread-safe collaborators.
 */
package dev.flotilla.apiserver;
