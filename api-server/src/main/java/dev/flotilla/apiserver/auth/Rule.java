package dev.flotilla.apiserver.auth;

/**
 * Who may call an endpoint. Workspace rules are ranked: a workspace admin passes a member or
 * viewer rule, a member passes a viewer rule; a tenant admin passes every workspace rule of its
 * tenant. The platform admin passes only {@link #PLATFORM_ADMIN}: it has no role inside tenants.
 */
public enum Rule {
  /** Realm role {@code platform-admin} in the platform realm. */
  PLATFORM_ADMIN,
  /** Tenant-wide {@code TENANT_ADMIN} membership of the path's tenant. */
  TENANT_ADMIN,
  /** Workspace role ADMIN (or tenant admin) in the path's workspace. */
  WORKSPACE_ADMIN,
  /** Workspace role MEMBER or above. */
  WORKSPACE_MEMBER,
  /** Workspace role VIEWER or above. */
  WORKSPACE_VIEWER
}
