package dev.flotilla.apiserver.auth;

import java.util.UUID;

/**
 * What {@link AccessFilter} established for a request that passed its rule: the caller, the
 * path's tenant and workspace (null where the path has none), whether the caller is its tenant's
 * admin, and where the request came from (for the audit trail).
 */
public record Access(Caller caller, TenantRef tenant, UUID workspaceId, String workspaceName, boolean tenantAdmin,
    WorkspaceRole workspaceRole, String remoteAddress) {

  /** Whether the caller administers the path's workspace (as tenant admin or workspace admin). */
  public boolean workspaceAdmin() {
    return tenantAdmin || workspaceRole == WorkspaceRole.ADMIN;
  }
}
