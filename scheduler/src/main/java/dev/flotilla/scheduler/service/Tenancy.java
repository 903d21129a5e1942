package dev.flotilla.scheduler.service;

/**
 * Whose work something is: a tenant and one of its workspaces. Sessions opened through the
 * authenticated edge carry the tenant and workspace it stamped; sessions opened directly (a local
 * cluster, no edge) are {@link #LOCAL}. Names, objects, actors and placement groups are visible
 * only within their own tenancy.
 */
record Tenancy(String tenant, String workspace) {
  static final Tenancy LOCAL = new Tenancy("", "");

  Tenancy {
    tenant = tenant == null ? "" : tenant;
    workspace = workspace == null ? "" : workspace;
  }

  /** The quota key of the workspace. */
  String workspaceKey() {
    return tenant + "/" + workspace;
  }

  /** How a reason names it, e.g. {@code workspace 'vision'}; empty for local work. */
  String describe() {
    return tenant.isEmpty() ? "local" : "tenant '" + tenant + "', workspace '" + workspace + "'";
  }
}
