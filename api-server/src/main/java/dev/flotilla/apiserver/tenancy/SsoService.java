package dev.flotilla.apiserver.tenancy;

import dev.flotilla.apiserver.api.SsoDtos;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.auth.TenantRef;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.keycloak.KeycloakException;
import dev.flotilla.apiserver.keycloak.KeycloakProvisioner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tenant's own OIDC identity provider. Shared tenants: an identity provider of the platform
 * realm named {@code tenant-<t>}, linked to the tenant's organization, which takes the e-mail
 * domain, so that Keycloak sends that domain's users to it ({@code kc.org.domain},
 * redirect-on-email-match). Dedicated tenants: an identity provider {@code sso} in their realm.
 * Keycloak holds the configuration; nothing is stored here but the audit row. Non-blocking.
 */
@ApplicationScoped
public class SsoService {
  private static final String DISCOVERY = "/.well-known/openid-configuration";
  private final KeycloakProvisioner keycloak;
  private final AuditLog audit;

  SsoService(KeycloakProvisioner keycloak, AuditLog audit) {
    this.keycloak = keycloak;
    this.audit = audit;
  }

  public Uni<SsoDtos.IdentityProvider> set(Access access, SsoDtos.SetIdentityProvider body) {
    TenantRef t = access.tenant();
    String alias = alias(t);
    String issuer = body.issuer().replaceAll("/+$", "");
    JsonObject extra = new JsonObject()
        .put("clientId", body.clientId())
        .put("clientSecret", body.clientSecret())
        .put("clientAuthMethod", "client_secret_post")
        .put("syncMode", "IMPORT")
        .put("kc.org.domain", body.domain())
        .put("kc.org.broker.redirect.mode.email-matches", "true");
    return keycloak.putOidcIdentityProvider(t.realm(), alias, issuer + DISCOVERY, extra)
        .onFailure(KeycloakException.class).transform(e -> ((KeycloakException) e).status() / 100 == 4
            || ((KeycloakException) e).status() == 500
            ? ApiException.invalid("issuer", "no OpenID configuration could be read from " + issuer + DISCOVERY) : e)
        .flatMap(v -> t.mode() == TenantRef.Mode.SHARED
            ? keycloak.linkOrganizationIdentityProvider(t.organizationId(), alias, body.domain())
            : Uni.createFrom().voidItem())
        .flatMap(v -> Panache.withTransaction(() -> audit.record(access, t.id(), "tenant.sso.set",
            "tenant/" + t.slug() + "/identity-provider/" + alias, "issuer=" + issuer + " domain=" + body.domain())))
        .map(v -> new SsoDtos.IdentityProvider(alias, issuer, body.clientId(), body.domain()));
  }

  public Uni<SsoDtos.IdentityProvider> get(Access access) {
    String alias = alias(access.tenant());
    return keycloak.findIdentityProvider(access.tenant().realm(), alias).map(rep -> {
      if (rep == null) {
        throw ApiException.notFound("this tenant has no identity provider");
      }
      JsonObject c = rep.getJsonObject("config", new JsonObject());
      return new SsoDtos.IdentityProvider(alias, c.getString("issuer"), c.getString("clientId"), c.getString("kc.org.domain"));
    });
  }

  /** Idempotent: removing an absent provider succeeds. */
  public Uni<Void> delete(Access access) {
    TenantRef t = access.tenant();
    String alias = alias(t);
    return keycloak.deleteIdentityProvider(t.realm(), alias)
        .flatMap(v -> Panache.withTransaction(() -> audit.record(access, t.id(), "tenant.sso.delete",
            "tenant/" + t.slug() + "/identity-provider/" + alias, null)));
  }

  private static String alias(TenantRef t) {
    return t.mode() == TenantRef.Mode.SHARED ? "tenant-" + t.slug() : "sso";
  }
}
