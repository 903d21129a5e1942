package dev.flotilla.apiserver.dashboard;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/tenants/{t}/workspaces/{w}/cluster} (viewers and up): the platform's nodes,
 * this workspace's waiting work with the scheduler's reasons, its quota and this month's usage.
 */
@Path("/api/v1/tenants/{tenant}/workspaces/{workspace}/cluster")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
  private final DashboardService dashboard;
  private final CurrentAccess access;

  DashboardResource(DashboardService dashboard, CurrentAccess access) {
    this.dashboard = dashboard;
    this.access = access;
  }

  @GET
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<DashboardDtos.Cluster> cluster(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace) {
    return dashboard.cluster(access.get());
  }
}
