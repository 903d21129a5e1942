package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.tenancy.ApiTokenService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * API tokens of a workspace for SDK, CLI and automation. Members create their own (the secret is
 * shown once; minting needs a login, not another API token), list theirs (admins see all) and
 * revoke theirs (admins any).
 */
@Path("/api/v1/tenants/{tenant}/workspaces/{workspace}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiTokenResource {
  private final ApiTokenService tokens;
  private final CurrentAccess access;

  ApiTokenResource(ApiTokenService tokens, CurrentAccess access) {
    this.tokens = tokens;
    this.access = access;
  }

  @POST
  @Allow(value = Rule.WORKSPACE_MEMBER, apiTokens = false)
  public Uni<Response> create(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @Valid @NotNull ApiTokenDtos.CreateToken body) {
    return tokens.create(access.get(), body).map(t -> Response.status(201).entity(t).build());
  }

  @GET
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<List<ApiTokenDtos.Token>> list(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace) {
    return tokens.list(access.get());
  }

  @DELETE
  @Path("{token}")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> revoke(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("token") String token) {
    return tokens.revoke(access.get(), token).map(v -> Response.noContent().build());
  }
}
