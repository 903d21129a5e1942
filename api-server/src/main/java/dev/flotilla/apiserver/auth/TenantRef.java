package dev.flotilla.apiserver.auth;

import java.util.UUID;

/**
 * What authentication needs to know of a tenant: its id, path name (slug), mode and the realm
 * whose tokens its paths accept ({@code organizationId} only in shared mode).
 */
public record TenantRef(UUID id, String slug, Mode mode, String realm, String organizationId) {
  /** How the tenant's users live in Keycloak. */
  public enum Mode {
    /** An organization of the platform realm; tokens must name it in their organization claim. */
    SHARED,
    /** A realm of its own; only tokens issued by it are accepted. */
    DEDICATED
  }
}
