package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.tenancy.WorkspaceService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A tenant's workspaces: tenant admins create, rename, delete and list; any member reads one. */
@Path("/api/v1/tenants/{tenant}/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkspaceResource {
  private final WorkspaceService workspaces;
  private final CurrentAccess access;

  WorkspaceResource(WorkspaceService workspaces, CurrentAccess access) {
    this.workspaces = workspaces;
    this.access = access;
  }

  @POST
  @Allow(Rule.TENANT_ADMIN)
  public Uni<Response> create(@PathParam("tenant") String tenant, @Valid @NotNull WorkspaceDtos.CreateWorkspace body) {
    return workspaces.create(access.get(), body).map(w -> Response.status(201).entity(w).build());
  }

  @GET
  @Allow(Rule.TENANT_ADMIN)
  public Uni<List<WorkspaceDtos.Workspace>> list(@PathParam("tenant") String tenant) {
    return workspaces.list(access.get());
  }

  @GET
  @Path("{workspace}")
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<WorkspaceDtos.Workspace> get(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace) {
    return workspaces.get(access.get());
  }

  @PATCH
  @Path("{workspace}")
  @Allow(Rule.TENANT_ADMIN)
  public Uni<WorkspaceDtos.Workspace> update(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @Valid @NotNull WorkspaceDtos.UpdateWorkspace body) {
    return workspaces.update(access.get(), body);
  }

  @DELETE
  @Path("{workspace}")
  @Allow(Rule.TENANT_ADMIN)
  public Uni<Response> delete(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace) {
    return workspaces.delete(access.get()).map(v -> Response.noContent().build());
  }
}
