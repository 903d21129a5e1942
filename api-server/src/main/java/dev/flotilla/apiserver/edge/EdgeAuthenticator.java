package dev.flotilla.apiserver.edge;

import dev.flotilla.apiserver.auth.ApiTokenSecrets;
import dev.flotilla.apiserver.persistence.ApiTokenEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the bearer API token of an SDK call into an {@link EdgeGrant}: the token must be known,
 * unrevoked and unexpired; its tenant, workspace and their quotas come with it, and the
 * workspace's GPU budget left this month. Answers are cached
 * for {@link #CACHE_FOR}, so a revoked token stops working within that time. Blocking: call it from
 * a virtual or worker thread, never the event loop. Thread-safe.
 */
@ApplicationScoped
public class EdgeAuthenticator {
  static final Duration CACHE_FOR = Duration.ofSeconds(15);

  private record Cached(Optional<EdgeGrant> grant, long until) {}

  private final InstantSource clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  EdgeAuthenticator(InstantSource clock) {
    this.clock = clock;
  }

  /** The grant of {@code token}, or empty when it is not a valid API token. */
  Optional<EdgeGrant> authenticate(String token) {
    if (token == null || !ApiTokenSecrets.isApiToken(token) || !ApiTokenSecrets.wellFormed(token)) {
      return Optional.empty();
    }
    byte[] hash = ApiTokenSecrets.hash(token);
    String key = HexFormat.of().formatHex(hash);
    long now = System.nanoTime();
    Cached c = cache.get(key);
    if (c != null && now < c.until()) {
      return c.grant();
    }
    Optional<EdgeGrant> grant;
    try {
      grant = VertxContextSupport.subscribeAndAwait(() -> lookUp(hash));
    } catch (Throwable e) {
      throw new IllegalStateException("cannot check the API token: " + e.getMessage(), e);
    }
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(key, new Cached(grant, now + CACHE_FOR.toNanos()));
    return grant;
  }

  private Uni<Optional<EdgeGrant>> lookUp(byte[] hash) {
    return Panache.withSession(() -> ApiTokenEntity.<ApiTokenEntity>find("tokenHash", hash).firstResult()
        .flatMap(t -> t == null || t.revokedAt != null || !clock.instant().isBefore(t.expiresAt) || t.workspaceId == null
            ? Uni.createFrom().item(Optional.<EdgeGrant>empty())
            : WorkspaceGrants.of(t.tenantId, t.workspaceId, t.id.toString(), clock.instant())));
  }
}
