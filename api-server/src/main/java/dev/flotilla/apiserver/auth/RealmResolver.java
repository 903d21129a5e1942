package dev.flotilla.apiserver.auth;

import dev.flotilla.apiserver.config.FlotillaConfig;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quarkus OIDC multi-tenancy: picks, per request, the realm whose tokens are verified. A
 * dedicated tenant's paths verify against its own realm (its keys and issuer), so a token of any
 * other realm fails with 401; platform paths, shared tenants' paths and unknown tenants verify
 * against the platform realm (the organization check follows in {@link AccessFilter}). Every
 * configuration requires our audience. One configuration per realm, built once.
 */
@ApplicationScoped
public class RealmResolver implements TenantConfigResolver {
  /** Routing-context key under which the resolved tenant (or nothing) is left for later steps. */
  public static final String TENANT_KEY = "flotilla.tenant";

  private final TenantDirectory tenants;
  private final FlotillaConfig config;
  private final Map<String, OidcTenantConfig> byRealm = new ConcurrentHashMap<>();

  RealmResolver(TenantDirectory tenants, FlotillaConfig config) {
    this.tenants = tenants;
    this.config = config;
  }

  @Override
  public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
    String slug = TenantPaths.tenantOf(context.normalizedPath());
    if (slug == null || TenantPaths.platformOwned(context.request().method().name(), context.normalizedPath())) {
      return Uni.createFrom().item(forRealm(config.platform().realm()));
    }
    return tenants.find(slug).map(tenant -> {
      if (tenant != null) {
        context.put(TENANT_KEY, tenant);
      }
      return forRealm(tenant != null ? tenant.realm() : config.platform().realm());
    });
  }

  /** The issuer of a realm's tokens. */
  public String issuer(String realm) {
    return config.keycloak().url() + "/realms/" + realm;
  }

  /** Drops a deleted realm's configuration. */
  public void forget(String realm) {
    byRealm.remove(realm);
  }

  private OidcTenantConfig forRealm(String realm) {
    return byRealm.computeIfAbsent(realm, r -> OidcTenantConfig.authServerUrl(issuer(r))
        .tenantId("realm-" + r)
        .applicationType(ApplicationType.SERVICE)
        .token().audience(config.auth().audience()).issuer(issuer(r)).end()
        .build());
  }
}
