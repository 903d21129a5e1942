package dev.flotilla.apiserver.auth;

import java.util.UUID;

/** What an accepted API token allows: acting as its owner in one workspace of one tenant. */
public record ApiTokenGrant(UUID tokenId, UUID tenantId, UUID workspaceId) {
  /** Security-identity attribute holding the grant. */
  public static final String ATTRIBUTE = "flotilla.api-token";
}
