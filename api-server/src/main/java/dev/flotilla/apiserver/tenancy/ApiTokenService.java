package dev.flotilla.apiserver.tenancy;

import dev.flotilla.apiserver.api.ApiTokenDtos;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.auth.ApiTokenSecrets;
import dev.flotilla.apiserver.config.FlotillaConfig;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.persistence.ApiTokenEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * API tokens of the request's workspace: the secret is generated here, returned once and stored
 * only as its SHA-256. Revocation is immediate (the mechanism reads the row on every request).
 * Non-blocking.
 */
@ApplicationScoped
public class ApiTokenService {
  private final AuditLog audit;
  private final InstantSource clock;
  private final FlotillaConfig.Auth config;

  ApiTokenService(AuditLog audit, InstantSource clock, FlotillaConfig config) {
    this.audit = audit;
    this.clock = clock;
    this.config = config.auth();
  }

  public Uni<ApiTokenDtos.CreatedToken> create(Access access, ApiTokenDtos.CreateToken request) {
    Duration lifetime = request.expiresInDays() == null ? config.apiTokenDefaultLifetime()
        : Duration.ofDays(request.expiresInDays());
    if (lifetime.compareTo(config.apiTokenMaxLifetime()) > 0) {
      return Uni.createFrom().failure(ApiException.invalid("expiresInDays",
          "at most " + config.apiTokenMaxLifetime().toDays() + " days"));
    }
    String secret = ApiTokenSecrets.generate();
    ApiTokenEntity t = new ApiTokenEntity();
    t.id = UUID.randomUUID();
    t.tenantId = access.tenant().id();
    t.workspaceId = access.workspaceId();
    t.userId = access.caller().subject();
    t.name = request.name();
    t.tokenHash = ApiTokenSecrets.hash(secret);
    t.prefix = ApiTokenSecrets.prefix(secret);
    t.createdAt = clock.instant();
    t.expiresAt = t.createdAt.plus(lifetime);
    return Panache.withTransaction(() -> t.persist()
        .flatMap(v -> audit.record(access, t.tenantId, "token.create", target(access, t.id), t.name + " " + t.prefix)))
        .map(v -> new ApiTokenDtos.CreatedToken(t.id, t.name, t.prefix, secret, t.expiresAt));
  }

  /** Admins see every token of the workspace; others their own. */
  public Uni<List<ApiTokenDtos.Token>> list(Access access) {
    return Panache.withSession(() -> access.workspaceAdmin()
            ? ApiTokenEntity.<ApiTokenEntity>list("tenantId = ?1 and workspaceId = ?2 order by createdAt",
                access.tenant().id(), access.workspaceId())
            : ApiTokenEntity.<ApiTokenEntity>list("tenantId = ?1 and workspaceId = ?2 and userId = ?3 order by createdAt",
                access.tenant().id(), access.workspaceId(), access.caller().subject()))
        .map(all -> all.stream().map(ApiTokenService::view).toList());
  }

  /** Another member's token looks absent (404) to a non-admin. */
  public Uni<Void> revoke(Access access, String tokenId) {
    UUID id = parse(tokenId);
    return Panache.withTransaction(() -> ApiTokenEntity.<ApiTokenEntity>find(
            "tenantId = ?1 and workspaceId = ?2 and id = ?3", access.tenant().id(), access.workspaceId(), id)
        .firstResult()
        .onItem().ifNull().failWith(() -> ApiException.notFound("no token " + tokenId + " here"))
        .flatMap(t -> {
          if (!access.workspaceAdmin() && !t.userId.equals(access.caller().subject())) {
            return Uni.createFrom().failure(ApiException.notFound("no token " + tokenId + " here"));
          }
          if (t.revokedAt == null) {
            t.revokedAt = clock.instant();
          }
          return audit.record(access, t.tenantId, "token.revoke", target(access, t.id), t.name + " " + t.prefix);
        }));
  }

  private static UUID parse(String tokenId) {
    try {
      return UUID.fromString(tokenId);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no token " + tokenId + " here");
    }
  }

  private static String target(Access access, UUID tokenId) {
    return WorkspaceService.target(access, access.workspaceName()) + "/token/" + tokenId;
  }

  static ApiTokenDtos.Token view(ApiTokenEntity t) {
    return new ApiTokenDtos.Token(t.id, t.name, t.prefix, t.userId, t.createdAt, t.expiresAt, t.revokedAt);
  }
}
