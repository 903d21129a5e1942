package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.tenancy.TenantService;
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

/** Tenants, for platform administrators: create (provisions Keycloak), list, get, delete. */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {
  private final TenantService tenants;
  private final CurrentAccess access;

  TenantResource(TenantService tenants, CurrentAccess access) {
    this.tenants = tenants;
    this.access = access;
  }

  @POST
  @Allow(Rule.PLATFORM_ADMIN)
  public Uni<Response> create(@Valid @NotNull TenantDtos.CreateTenant body) {
    return tenants.create(access.get(), body).map(created -> Response.status(201).entity(created).build());
  }

  @GET
  @Allow(Rule.PLATFORM_ADMIN)
  public Uni<List<TenantDtos.Tenant>> list() {
    return tenants.list();
  }

  @GET
  @Path("{tenant}")
  @Allow(Rule.PLATFORM_ADMIN)
  public Uni<TenantDtos.Tenant> get(@PathParam("tenant") String tenant) {
    return tenants.get(tenant);
  }

  @DELETE
  @Path("{tenant}")
  @Allow(Rule.PLATFORM_ADMIN)
  public Uni<Response> delete(@PathParam("tenant") String tenant) {
    return tenants.delete(access.get(), tenant).map(v -> Response.noContent().build());
  }
}
