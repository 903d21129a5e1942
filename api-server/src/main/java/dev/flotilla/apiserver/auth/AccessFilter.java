package dev.flotilla.apiserver.auth;

import dev.flotilla.apiserver.config.FlotillaConfig;
import dev.flotilla.apiserver.error.Problems;
import dev.flotilla.apiserver.keycloak.RealmLayout;
import dev.flotilla.apiserver.persistence.MembershipEntity;
import dev.flotilla.apiserver.persistence.WorkspaceEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces the {@link Allow} rule of every resource method after authentication: who the caller
 * is, whether it belongs to the path's tenant (issuer of its realm; in shared mode its
 * organization claim names the tenant; an API token's tenant and workspace), and its role there
 * (our membership table, keyed by the token's {@code sub}). 401 without credentials; 403 for a
 * caller outside the tenant or without the role; 404 for an unknown workspace of the caller's own
 * tenant. On success the decision is left in {@link CurrentAccess}. Runs on the event loop.
 */
public class AccessFilter {
  private final CurrentIdentityAssociation identities;
  private final CurrentVertxRequest vertxRequest;
  private final CurrentAccess current;
  private final TenantDirectory tenants;
  private final RealmResolver realms;
  private final FlotillaConfig config;

  AccessFilter(CurrentIdentityAssociation identities, CurrentVertxRequest vertxRequest, CurrentAccess current,
      TenantDirectory tenants, RealmResolver realms, FlotillaConfig config) {
    this.identities = identities;
    this.vertxRequest = vertxRequest;
    this.current = current;
    this.tenants = tenants;
    this.realms = realms;
    this.config = config;
  }

  @ServerRequestFilter
  public Uni<Response> check(ContainerRequestContext request, ResourceInfo resource) {
    Allow allow = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Allow.class);
    if (allow == null) {
      return done(Problems.response(403, "Forbidden", "this endpoint has no access rule"));
    }
    return identities.getDeferredIdentity().flatMap(identity -> decide(allow, identity, request));
  }

  private Uni<Response> decide(Allow allow, SecurityIdentity identity, ContainerRequestContext request) {
    if (identity.isAnonymous()) {
      return done(Problems.response(401, "Unauthorized", "a bearer token is required"));
    }
    Caller caller = Caller.of(identity);
    RoutingContext routing = vertxRequest.getCurrent();
    String remote = routing.request().remoteAddress() == null ? null : routing.request().remoteAddress().hostAddress();
    if (allow.value() == Rule.PLATFORM_ADMIN) {
      boolean admin = caller.apiToken() == null
          && realms.issuer(config.platform().realm()).equals(caller.issuer())
          && caller.realmRoles().contains(RealmLayout.PLATFORM_ADMIN_ROLE);
      if (!admin) {
        return forbidden("platform administrators only");
      }
      current.set(new Access(caller, null, null, null, false, null, remote));
      return done(null);
    }
    String slug = request.getUriInfo().getPathParameters().getFirst("tenant");
    String workspace = request.getUriInfo().getPathParameters().getFirst("workspace");
    TenantRef known = routing.get(RealmResolver.TENANT_KEY);
    return Panache.withSession(() -> (known != null ? Uni.createFrom().item(known) : tenants.find(slug))
        .flatMap(tenant -> {
          Response outside = outsideTenant(caller, tenant);
          if (outside != null) {
            return done(outside);
          }
          return withinTenant(allow, caller, tenant, workspace, remote);
        }));
  }

  /** Null when the caller belongs to the tenant, else the refusal. Unknown tenants look foreign. */
  private Response outsideTenant(Caller caller, TenantRef tenant) {
    if (tenant == null) {
      return Problems.response(403, "Forbidden", "not a member of this tenant");
    }
    if (caller.apiToken() != null) {
      return caller.apiToken().tenantId().equals(tenant.id()) ? null
          : Problems.response(403, "Forbidden", "this API token belongs to another tenant");
    }
    if (!realms.issuer(tenant.realm()).equals(caller.issuer())) {
      return Problems.response(401, "Unauthorized", "token not issued for this tenant");
    }
    if (tenant.mode() == TenantRef.Mode.SHARED && !caller.organizations().contains(tenant.slug())) {
      return Problems.response(403, "Forbidden", "not a member of this tenant's organization");
    }
    return null;
  }

  private Uni<Response> withinTenant(Allow allow, Caller caller, TenantRef tenant, String workspace, String remote) {
    Uni<WorkspaceEntity> ws = workspace == null ? Uni.createFrom().nullItem()
        : WorkspaceEntity.find("tenantId = ?1 and name = ?2", tenant.id(), workspace).firstResult();
    return ws.flatMap(w -> {
      if (workspace != null && w == null) {
        return done(Problems.response(404, "Not Found", "no workspace " + workspace + " in this tenant"));
      }
      if (caller.apiToken() != null) {
        boolean inScope = allow.apiTokens() && allow.value() != Rule.TENANT_ADMIN && w != null
            && caller.apiToken().workspaceId().equals(w.id);
        if (!inScope) {
          return forbidden("API tokens act only inside their own workspace, and not on this endpoint");
        }
      }
      return MembershipEntity.<MembershipEntity>list(
              "tenantId = ?1 and userId = ?2 and (workspaceId is null or workspaceId = ?3)",
              tenant.id(), caller.subject(), w == null ? null : w.id)
          .flatMap(memberships -> grant(allow, caller, tenant, w, memberships, remote));
    });
  }

  private Uni<Response> grant(Allow allow, Caller caller, TenantRef tenant, WorkspaceEntity w,
      List<MembershipEntity> memberships, String remote) {
    // An API token never reaches a TENANT_ADMIN rule (refused above); its tenant-admin owner
    // acts as admin of the token's workspace.
    boolean tenantAdmin = memberships.stream().anyMatch(m -> m.workspaceId == null && "TENANT_ADMIN".equals(m.role));
    WorkspaceRole role = w == null ? null : memberships.stream()
        .filter(m -> w.id.equals(m.workspaceId)).map(m -> WorkspaceRole.valueOf(m.role)).findFirst().orElse(null);
    boolean allowed = switch (allow.value()) {
      case TENANT_ADMIN -> tenantAdmin;
      case WORKSPACE_ADMIN, WORKSPACE_MEMBER, WORKSPACE_VIEWER ->
          tenantAdmin || (role != null && role.satisfies(allow.value()));
      case PLATFORM_ADMIN -> false;
    };
    if (!allowed) {
      return forbidden("requires " + allow.value().name().toLowerCase().replace('_', ' '));
    }
    current.set(new Access(caller, tenant, w == null ? null : w.id, w == null ? null : w.name, tenantAdmin, role, remote));
    return done(null);
  }

  private static Uni<Response> forbidden(String why) {
    return done(Problems.response(403, "Forbidden", why));
  }

  private static Uni<Response> done(Response response) {
    return Uni.createFrom().item(response);
  }
}
