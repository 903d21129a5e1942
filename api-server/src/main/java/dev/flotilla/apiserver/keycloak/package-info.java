/**
 * Keycloak provisioning through its admin REST API (non-blocking Vert.x web client, master-realm
 * admin through {@code admin-cli}, token refreshed before its 60 s expire).
 *
 * <ul>
 *   <li>{@link dev.flotilla.apiserver.keycloak.KeycloakAdmin}: the HTTP client; a non-2xx answer is
 *       a {@link dev.flotilla.apiserver.keycloak.KeycloakException}.
 *   <li>{@link dev.flotilla.apiserver.keycloak.KeycloakProvisioner}: realms, organizations,
 *       users, role grants, the realms' {@code smtpServer} and execute-actions e-mails; idempotent
 *       where Keycloak allows (409 = present).
 *   <li>{@link dev.flotilla.apiserver.keycloak.RealmLayout}: what every realm we make holds — the
 *       audience scope {@code flotilla-api} (a realm default, so every client, the tests' too,
 *       gets it), {@code flotilla-notebook} (public, authorization code + PKCE S256) and
 *       {@code flotilla-cli} (public, device authorization grant).
 *   <li>{@code PlatformBootstrap}: at start, the platform realm with organizations on, the
 *       {@code platform-admin} role, the {@code organization} scope as a default, and optionally a
 *       bootstrap platform admin from configuration.
 * </ul>
 */
package dev.flotilla.apiserver.keycloak;
