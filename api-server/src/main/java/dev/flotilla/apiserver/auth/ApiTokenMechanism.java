package dev.flotilla.apiserver.auth;

import dev.flotilla.apiserver.persistence.ApiTokenEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/**
 * Accepts {@code Authorization: Bearer flt_…}: looks the token up by its SHA-256, and rejects it
 * (401) when unknown, revoked or expired. It runs before OIDC (higher priority) and answers only
 * for our prefix; any other bearer goes on to OIDC. The identity's principal is the owner's
 * Keycloak user id; its {@link ApiTokenGrant} attribute limits it to one workspace. Runs on the
 * event loop; thread-safe.
 */
@ApplicationScoped
public class ApiTokenMechanism implements HttpAuthenticationMechanism {
  private static final String BEARER = "Bearer ";
  private final InstantSource clock;

  ApiTokenMechanism(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
    String header = context.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Uni.createFrom().nullItem();
    }
    String token = header.substring(BEARER.length()).trim();
    if (!ApiTokenSecrets.isApiToken(token)) {
      return Uni.createFrom().nullItem();
    }
    if (!ApiTokenSecrets.wellFormed(token)) {
      return Uni.createFrom().failure(new AuthenticationFailedException("malformed API token"));
    }
    byte[] hash = ApiTokenSecrets.hash(token);
    return Panache.withSession(() -> ApiTokenEntity.<ApiTokenEntity>find("tokenHash", hash).firstResult())
        .flatMap(t -> {
          if (t == null || t.revokedAt != null || !clock.instant().isBefore(t.expiresAt)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("API token unknown, revoked or expired"));
          }
          return Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder()
              .setPrincipal(new QuarkusPrincipal(t.userId))
              .addAttribute(ApiTokenGrant.ATTRIBUTE, new ApiTokenGrant(t.id, t.tenantId, t.workspaceId))
              .build());
        });
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 1000;
  }
}
