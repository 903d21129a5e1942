package dev.flotilla.apiserver.keycloak;

import dev.flotilla.apiserver.config.FlotillaConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * A small, non-blocking client of Keycloak's admin REST API ({@code /admin/realms/...}), logged in
 * as the master realm's administrator through {@code admin-cli}. The admin token lives about 60 s,
 * so it is fetched again shortly before it expires, never kept longer.
 *
 * <p>Paths are relative to {@code /admin/realms}. Every method returns a lazy {@link Uni}; a
 * non-2xx answer fails it with {@link KeycloakException}. Thread-safe.
 */
@ApplicationScoped
public class KeycloakAdmin {
  private static final Duration REFRESH_MARGIN = Duration.ofSeconds(15);

  private final WebClient http;
  private final FlotillaConfig.Keycloak config;
  private volatile AdminToken token;

  private record AdminToken(String value, Instant expiresAt) {}

  KeycloakAdmin(Vertx vertx, FlotillaConfig config) {
    this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setIdleTimeout(30));
    this.config = config.keycloak();
  }

  @PreDestroy
  void close() {
    http.close();
  }

  /** GET one object; fails with {@link KeycloakException} (404 included). */
  public Uni<JsonObject> getObject(String path) {
    return send("GET", path, null).map(HttpResponse::bodyAsJsonObject);
  }

  /** GET a list. */
  public Uni<JsonArray> getArray(String path) {
    return send("GET", path, null).map(HttpResponse::bodyAsJsonArray);
  }

  /** GET that answers null for 404. */
  public Uni<JsonObject> findObject(String path) {
    return getObject(path).onFailure(KeycloakException.class).recoverWithUni(e ->
        ((KeycloakException) e).status() == 404 ? Uni.createFrom().nullItem() : Uni.createFrom().failure(e));
  }

  /** POST a JSON body; returns the created object's id (last segment of Location), or null. */
  public Uni<String> create(String path, Object body) {
    return send("POST", path, body).map(r -> {
      String location = r.getHeader("Location");
      return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    });
  }

  /** POST that treats 409 (already exists) as success; returns the id or null. */
  public Uni<String> createIfAbsent(String path, Object body) {
    return create(path, body).onFailure(KeycloakException.class).recoverWithUni(e ->
        ((KeycloakException) e).status() == 409 ? Uni.createFrom().nullItem() : Uni.createFrom().failure(e));
  }

  /** POST that answers a JSON object (e.g. {@code identity-provider/import-config}). */
  public Uni<JsonObject> postForObject(String path, Object body) {
    return send("POST", path, body).map(HttpResponse::bodyAsJsonObject);
  }

  /** POST a body where no Location is expected (e.g. membership links, role mappings). */
  public Uni<Void> post(String path, Object body) {
    return send("POST", path, body).replaceWithVoid();
  }

  public Uni<Void> put(String path, Object body) {
    return send("PUT", path, body).replaceWithVoid();
  }

  /** DELETE; an absent target (404) counts as deleted. */
  public Uni<Void> delete(String path) {
    return send("DELETE", path, null).replaceWithVoid().onFailure(KeycloakException.class).recoverWithUni(e ->
        ((KeycloakException) e).status() == 404 ? Uni.createFrom().voidItem() : Uni.createFrom().failure(e));
  }

  private Uni<HttpResponse<Buffer>> send(String method, String path, Object body) {
    return adminToken().flatMap(bearer -> {
      HttpRequest<Buffer> request = http.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method),
              config.url() + "/admin/realms" + path)
          .bearerTokenAuthentication(bearer)
          .timeout(30_000);
      Uni<HttpResponse<Buffer>> sent;
      if (body == null) {
        sent = request.send();
      } else if (body instanceof String s) {
        // Keycloak takes some ids as a bare JSON string (e.g. organization members).
        sent = request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(io.vertx.core.json.Json.encode(s)));
      } else {
        sent = request.sendJson(body);
      }
      return sent.flatMap(r -> r.statusCode() / 100 == 2
          ? Uni.createFrom().item(r)
          : Uni.createFrom().failure(new KeycloakException(method + " " + path, r.statusCode(), r.bodyAsString())));
    });
  }

  private Uni<String> adminToken() {
    AdminToken current = token;
    if (current != null && Instant.now().isBefore(current.expiresAt().minus(REFRESH_MARGIN))) {
      return Uni.createFrom().item(current.value());
    }
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "password")
        .add("client_id", "admin-cli")
        .add("username", config.adminUser())
        .add("password", config.adminPassword());
    String tokenUrl = config.url() + "/realms/master/protocol/openid-connect/token";
    return http.postAbs(tokenUrl).timeout(30_000).sendForm(form).flatMap(r -> {
      if (r.statusCode() != 200) {
        return Uni.createFrom().failure(new KeycloakException("admin login at " + tokenUrl, r.statusCode(), r.bodyAsString()));
      }
      JsonObject json = r.bodyAsJsonObject();
      AdminToken fresh = new AdminToken(json.getString("access_token"),
          Instant.now().plusSeconds(json.getLong("expires_in", 60L)));
      token = fresh;
      return Uni.createFrom().item(fresh.value());
    });
  }
}
