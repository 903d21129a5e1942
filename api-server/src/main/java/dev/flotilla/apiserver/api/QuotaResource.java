package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.quota.QuotaService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Quotas: the tenant-wide one is set by platform admins and read by tenant admins; a workspace's
 * is set by its tenant's admins (never above the tenant's) and read by its members.
 */
@Path("/api/v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuotaResource {
  private final QuotaService quotas;
  private final CurrentAccess access;

  QuotaResource(QuotaService quotas, CurrentAccess access) {
    this.quotas = quotas;
    this.access = access;
  }

  @GET
  @Path("quota")
  @Allow(Rule.TENANT_ADMIN)
  public Uni<QuotaDtos.Quota> tenant(@PathParam("tenant") String tenant) {
    return quotas.tenantQuota(access.get());
  }

  @PUT
  @Path("quota")
  @Allow(Rule.PLATFORM_ADMIN)
  public Uni<QuotaDtos.Quota> setTenant(@PathParam("tenant") String tenant, @Valid @NotNull QuotaDtos.Quota body) {
    return quotas.setTenantQuota(access.get(), tenant, body);
  }

  @GET
  @Path("workspaces/{workspace}/quota")
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<QuotaDtos.Quota> workspace(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace) {
    return quotas.workspaceQuota(access.get());
  }

  @PUT
  @Path("workspaces/{workspace}/quota")
  @Allow(Rule.TENANT_ADMIN)
  public Uni<QuotaDtos.Quota> setWorkspace(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @Valid @NotNull QuotaDtos.Quota body) {
    return quotas.setWorkspaceQuota(access.get(), body);
  }
}
