/**
 * The implementation behind the API: tenants (Keycloak provisioning plus rows, undone in Keycloak
 * when the rows fail), workspaces, members (Keycloak users with required actions, organization
 * membership in shared mode; {@code Invitations}: their e-mails' outcome, listing, resending),
 * API tokens. Every query is bounded by the request's tenant (and
 * workspace) from {@link dev.flotilla.apiserver.auth.Access}; every change writes its audit row
 * in its own transaction. Non-blocking (Mutiny {@code Uni}); Hibernate Reactive sessions are
 * opened here, never shared across requests.
 */
package dev.flotilla.apiserver.tenancy;
