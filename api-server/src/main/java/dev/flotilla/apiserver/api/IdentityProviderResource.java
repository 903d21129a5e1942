package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.tenancy.SsoService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The tenant's single sign-on: its own OIDC identity provider, linked to its organization (shared)
 * or added to its realm (dedicated). Tenant admins set, read and remove it.
 */
@Path("/api/v1/tenants/{tenant}/identity-provider")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdentityProviderResource {
  private final SsoService sso;
  private final CurrentAccess access;

  IdentityProviderResource(SsoService sso, CurrentAccess access) {
    this.sso = sso;
    this.access = access;
  }

  @PUT
  @Allow(Rule.TENANT_ADMIN)
  public Uni<SsoDtos.IdentityProvider> set(@PathParam("tenant") String tenant,
      @Valid @NotNull SsoDtos.SetIdentityProvider body) {
    return sso.set(access.get(), body);
  }

  @GET
  @Allow(Rule.TENANT_ADMIN)
  public Uni<SsoDtos.IdentityProvider> get(@PathParam("tenant") String tenant) {
    return sso.get(access.get());
  }

  @DELETE
  @Allow(Rule.TENANT_ADMIN)
  public Uni<Response> delete(@PathParam("tenant") String tenant) {
    return sso.delete(access.get()).map(v -> Response.noContent().build());
  }
}
