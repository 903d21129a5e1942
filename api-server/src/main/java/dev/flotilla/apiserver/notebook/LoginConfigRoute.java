package dev.flotilla.apiserver.notebook;

import dev.flotilla.apiserver.auth.RealmResolver;
import dev.flotilla.apiserver.auth.TenantDirectory;
import dev.flotilla.apiserver.auth.TenantRef;
import dev.flotilla.apiserver.keycloak.RealmLayout;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /login-config/{tenant}}, unauthenticated: what the notebook UI needs to start a
 * login at the tenant's Keycloak (authorization code + PKCE with the public client
 * {@value RealmLayout#NOTEBOOK_CLIENT}): the realm's issuer, the client id and the scope. In shared
 * mode the scope asks for {@code organization:<tenant>}, so the token names the tenant even for a
 * user of several organizations. It says only what the login page itself would show; an unknown
 * tenant is 404. A Vert.x route, outside {@code /api}, so no access rule applies.
 */
@ApplicationScoped
public class LoginConfigRoute {
  private final TenantDirectory tenants;
  private final RealmResolver realms;

  LoginConfigRoute(TenantDirectory tenants, RealmResolver realms) {
    this.tenants = tenants;
    this.realms = realms;
  }

  void register(@Observes Router router) {
    router.get("/login-config/:tenant").handler(this::answer);
  }

  private void answer(RoutingContext ctx) {
    String slug = ctx.pathParam("tenant");
    if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      notFound(ctx, slug);
      return;
    }
    tenants.find(slug).subscribe().with(tenant -> {
      if (tenant == null) {
        notFound(ctx, slug);
        return;
      }
      String scope = tenant.mode() == TenantRef.Mode.SHARED ? "openid organization:" + tenant.slug() : "openid";
      ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
          .end(new JsonObject().put("tenant", tenant.slug()).put("issuer", realms.issuer(tenant.realm()))
              .put("clientId", RealmLayout.NOTEBOOK_CLIENT).put("scope", scope).encode());
    }, failure -> ctx.fail(503, failure));
  }

  private static void notFound(RoutingContext ctx, String slug) {
    ctx.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
        .end(new JsonObject().put("type", "about:blank").put("title", "Not Found").put("status", 404)
            .put("detail", "no tenant " + slug).encode());
  }
}
