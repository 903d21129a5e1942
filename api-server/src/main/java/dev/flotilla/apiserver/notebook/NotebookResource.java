package dev.flotilla.apiserver.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Notebooks of a workspace: viewers read (list, get, versions, export); members and admins write
 * (create, import, rename, delete, duplicate, save, restore). Content is saved whole, on top of a
 * named base version (409 when stale); every save keeps a version.
 */
@Path("/api/v1/tenants/{tenant}/workspaces/{workspace}/notebooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotebookResource {
  private final NotebookService notebooks;
  private final CurrentAccess access;

  NotebookResource(NotebookService notebooks, CurrentAccess access) {
    this.notebooks = notebooks;
    this.access = access;
  }

  @POST
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> create(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @Valid @NotNull NotebookDtos.CreateNotebook body) {
    return notebooks.create(access.get(), body.name()).map(NotebookResource::created);
  }

  @GET
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<List<NotebookDtos.Summary>> list(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace) {
    return notebooks.list(access.get());
  }

  @POST
  @Path("import")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> importIpynb(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @Valid @NotNull NotebookDtos.ImportNotebook body) {
    return notebooks.importIpynb(access.get(), body).map(NotebookResource::created);
  }

  @GET
  @Path("{notebook}")
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<NotebookDtos.Notebook> get(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook) {
    return notebooks.get(access.get(), notebook);
  }

  @PATCH
  @Path("{notebook}")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<NotebookDtos.Summary> rename(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook, @Valid @NotNull NotebookDtos.RenameNotebook body) {
    return notebooks.rename(access.get(), notebook, body.name());
  }

  @DELETE
  @Path("{notebook}")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> delete(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook) {
    return notebooks.delete(access.get(), notebook).map(v -> Response.noContent().build());
  }

  @POST
  @Path("{notebook}/duplicate")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> duplicate(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook, @Valid @NotNull NotebookDtos.DuplicateNotebook body) {
    return notebooks.duplicate(access.get(), notebook, body.name()).map(NotebookResource::created);
  }

  @PUT
  @Path("{notebook}/content")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<NotebookDtos.Saved> save(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook, @Valid @NotNull NotebookDtos.SaveContent body) {
    return notebooks.save(access.get(), notebook, body);
  }

  @GET
  @Path("{notebook}/versions")
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<List<NotebookDtos.Version>> versions(@PathParam("tenant") String tenant,
      @PathParam("workspace") String workspace, @PathParam("notebook") String notebook) {
    return notebooks.versions(access.get(), notebook);
  }

  @POST
  @Path("{notebook}/versions/{version}/restore")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<NotebookDtos.Saved> restore(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook, @PathParam("version") String version,
      @Valid @NotNull NotebookDtos.Restore body) {
    return notebooks.restore(access.get(), notebook, version, body.baseVersion());
  }

  @GET
  @Path("{notebook}/export")
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<ObjectNode> export(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook) {
    return notebooks.export(access.get(), notebook);
  }

  private static Response created(NotebookDtos.Summary s) {
    return Response.status(201).entity(s).build();
  }
}
