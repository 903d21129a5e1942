package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.tenancy.MemberService;
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

/** A workspace's members, managed by its admins (and the tenant's): invite by e-mail, change role, remove, list. */
@Path("/api/v1/tenants/{tenant}/workspaces/{workspace}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {
  private final MemberService members;
  private final CurrentAccess access;

  MemberResource(MemberService members, CurrentAccess access) {
    this.members = members;
    this.access = access;
  }

  @POST
  @Allow(value = Rule.WORKSPACE_ADMIN, apiTokens = false)
  public Uni<Response> invite(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @Valid @NotNull MemberDtos.Invite body) {
    return members.invite(access.get(), body).map(m -> Response.status(201).entity(m).build());
  }

  @GET
  @Allow(Rule.WORKSPACE_ADMIN)
  public Uni<List<MemberDtos.Member>> list(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace) {
    return members.list(access.get());
  }

  @PATCH
  @Path("{user}")
  @Allow(value = Rule.WORKSPACE_ADMIN, apiTokens = false)
  public Uni<MemberDtos.Member> changeRole(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("user") String user, @Valid @NotNull MemberDtos.ChangeRole body) {
    return members.changeRole(access.get(), user, body.role());
  }

  @DELETE
  @Path("{user}")
  @Allow(value = Rule.WORKSPACE_ADMIN, apiTokens = false)
  public Uni<Response> remove(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("user") String user) {
    return members.remove(access.get(), user).map(v -> Response.noContent().build());
  }
}
