package dev.flotilla.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the ITs do in Keycloak themselves, as its master admin (never through the api-server):
 * a direct-access-grant client to log users in with a password, activating invited users (a real
 * user would follow the e-mailed link), and removing the run's realms. Blocking; not thread-safe.
 */
public final class KeycloakTestAdmin {
  /** Public test-only client with the password grant, created by the tests in each realm they use. */
  public static final String DIRECT_CLIENT = "it-direct";

  /** Tokens by URL, realm and user: a login costs a password hash, so they are reused while fresh. */
  private static final java.util.Map<String, Cached> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

  private record Cached(String token, long fetchedNanos) {
    boolean fresh(Duration maxAge) {
      return System.nanoTime() - fetchedNanos < maxAge.toNanos();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final String user;
  private final String password;

  public KeycloakTestAdmin(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Ensures the test client exists in a realm (it gets the realm's default scopes: audience, organization). */
  public void ensureDirectClient(String realm) {
    HttpResponse<String> r = admin("POST", "/" + realm + "/clients", new JsonObject()
        .put("clientId", DIRECT_CLIENT).put("publicClient", true)
        .put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false).encode());
    if (r.statusCode() != 201 && r.statusCode() != 409) {
      throw new IllegalStateException("cannot create " + DIRECT_CLIENT + " in " + realm + ": " + r.statusCode() + " " + r.body());
    }
  }

  /** Creates a bare realm (e.g. one whose name a tenant will then ask for). */
  public void createRealm(String realm) {
    expect(admin("POST", "", new JsonObject().put("realm", realm).put("enabled", true).encode()), 201, "create realm " + realm);
  }

  /** What the user would do after the invitation e-mail: set a password, clear required actions. */
  public void activate(String realm, String userId, String pw) {
    HttpResponse<String> got = admin("GET", "/" + realm + "/users/" + userId, null);
    expect(got, 200, "get user " + userId);
    JsonObject rep = new JsonObject(got.body()).put("requiredActions", new JsonArray()).put("emailVerified", true);
    expect(admin("PUT", "/" + realm + "/users/" + userId, rep.encode()), 204, "update user " + userId);
    expect(admin("PUT", "/" + realm + "/users/" + userId + "/reset-password", new JsonObject()
        .put("type", "password").put("value", pw).put("temporary", false).encode()), 204, "set password");
  }

  /**
   * The user's access token from the password grant through {@link #DIRECT_CLIENT}, reused for
   * two minutes (tokens live five; our roles are read per request, not from the token).
   */
  public String login(String realm, String username, String pw) {
    String key = url + " " + realm + " " + username;
    Cached cached = TOKENS.get(key);
    if (cached != null && cached.fresh(Duration.ofMinutes(2))) {
      return cached.token();
    }
    String fresh = freshLogin(realm, username, pw, "openid");
    TOKENS.put(key, new Cached(fresh, System.nanoTime()));
    return fresh;
  }

  /** A new login asking for these scopes (e.g. {@code openid organization:*}), never cached. */
  public String freshLogin(String realm, String username, String pw, String scope) {
    String form = "grant_type=password&client_id=" + DIRECT_CLIENT + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
        + "&username="
        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(pw, StandardCharsets.UTF_8);
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    expect(r, 200, "login of " + username + " in " + realm);
    return new JsonObject(r.body()).getString("access_token");
  }

  /** A GET of the admin API, as JSON text. */
  public String get(String path) {
    HttpResponse<String> r = admin("GET", path, null);
    expect(r, 200, "GET " + path);
    return r.body();
  }

  /** A DELETE of the admin API (e.g. taking a user out of an organization, as an IdP admin might). */
  public void delete(String path) {
    expect(admin("DELETE", path, null), 204, "DELETE " + path);
  }

  /** A PUT of the admin API (e.g. changing a client as a realm admin might). */
  public void put(String path, String body) {
    expect(admin("PUT", path, body), 204, "PUT " + path);
  }

  /** Status of a GET of the admin API (e.g. 404 once something was deleted). */
  public int status(String path) {
    return admin("GET", path, null).statusCode();
  }

  /** Deletes every realm whose name starts with the prefix (a test run's realms). */
  public void deleteRealmsStartingWith(String prefix) {
    JsonArray realms = new JsonArray(get(""));
    for (int i = 0; i < realms.size(); i++) {
      String name = realms.getJsonObject(i).getString("realm");
      if (name.startsWith(prefix)) {
        admin("DELETE", "/" + name, null);
      }
    }
  }

  private HttpResponse<String> admin(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/admin/realms" + path))
        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(b);
  }

  /** The master admin token, reused for 30 s (it lives 60 s). */
  private String adminToken() {
    Cached cached = TOKENS.get(url + " master");
    if (cached != null && cached.fresh(Duration.ofSeconds(30))) {
      return cached.token();
    }
    String fresh = fetchAdminToken();
    TOKENS.put(url + " master", new Cached(fresh, System.nanoTime()));
    return fresh;
  }

  private String fetchAdminToken() {
    String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    expect(r, 200, "master admin login");
    return new JsonObject(r.body()).getString("access_token");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak at " + url + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(what + ": expected " + status + ", got " + r.statusCode() + " " + r.body());
    }
  }
}
