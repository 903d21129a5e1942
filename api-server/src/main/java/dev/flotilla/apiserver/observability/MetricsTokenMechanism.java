package dev.flotilla.apiserver.observability;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Accepts the Prometheus scrape token ({@code flotilla.metrics.token}, {@code FLOTILLA_METRICS_TOKEN})
 * as {@code Authorization: Bearer …} on {@code /q/metrics} only, as an identity with the single
 * role {@link #SCRAPER_ROLE}. Unset: no scrape token exists and only platform admins read metrics.
 * Any other request or bearer goes on to the other mechanisms. Runs on the event loop.
 */
@ApplicationScoped
public class MetricsTokenMechanism implements HttpAuthenticationMechanism {
  public static final String SCRAPER_ROLE = "metrics-scraper";
  private static final String BEARER = "Bearer ";

  private final Optional<byte[]> token;

  MetricsTokenMechanism(MetricsConfig config) {
    this.token = config.token().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
    String header = context.request().getHeader("Authorization");
    if (token.isEmpty() || !context.normalizedPath().startsWith("/q/metrics") || header == null
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Uni.createFrom().nullItem();
    }
    byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(presented, token.get())) {
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal("metrics-scraper")).addRole(SCRAPER_ROLE).build());
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 2000;
  }
}
