package dev.flotilla.apiserver;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The ITs' view of the running platform: Keycloak as its master admin sees it, the platform admin
 * (bootstrapped by the app, logged in with the password grant of a test-only client), and tenants
 * created through the real API. Names are unique per run. Blocking; call from test threads only.
 */
public final class ItPlatform {
  public static final String PASSWORD = "it-Passw0rd!";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private ItPlatform() {}

  public static String platformRealm() {
    return ConfigProvider.getConfig().getValue("flotilla.platform.realm", String.class);
  }

  public static String keycloakUrl() {
    return ConfigProvider.getConfig().getValue("flotilla.keycloak.url", String.class);
  }

  /** A body for {@code PUT …/identity-provider}: the platform realm itself serves as the upstream OIDC provider. */
  public static Map<String, Object> identityProvider(String tenant, String secret) {
    return Map.of("issuer", keycloakUrl() + "/realms/" + platformRealm(), "clientId", "flotilla-sso",
        "clientSecret", secret, "domain", tenant + ".sso.example");
  }

  public static KeycloakTestAdmin keycloak() {
    var c = ConfigProvider.getConfig();
    return new KeycloakTestAdmin(c.getValue("flotilla.keycloak.url", String.class),
        c.getValue("flotilla.keycloak.admin-user", String.class),
        c.getValue("flotilla.keycloak.admin-password", String.class));
  }

  /** A name no other test of this run uses, e.g. {@code acme-3}. */
  public static String unique(String prefix) {
    return prefix + "-" + COUNTER.incrementAndGet();
  }

  /** The platform admin the app bootstraps at start (set by {@code EmbeddedServers}). */
  public static final String PLATFORM_ADMIN_EMAIL = "platform-admin@it.example";

  /** An access token of the platform admin the app created at start from its configuration. */
  public static synchronized String platformAdminToken() {
    KeycloakTestAdmin kc = keycloak();
    kc.ensureDirectClient(platformRealm());
    String password = ConfigProvider.getConfig().getValue("flotilla.platform.bootstrap-admin-password", String.class);
    return kc.login(platformRealm(), PLATFORM_ADMIN_EMAIL, password);
  }

  /** Creates a tenant through the API, and activates its first admin as that admin would. */
  public static ItTenant createTenant(String mode) {
    ItTenant t = createTenantOnly(mode);
    KeycloakTestAdmin kc = keycloak();
    kc.ensureDirectClient(t.realm());
    kc.activate(t.realm(), t.adminUserId(), PASSWORD);
    return t;
  }

  /** Creates a tenant through the API; its admin cannot log in yet. */
  public static ItTenant createTenantOnly(String mode) {
    String name = unique(mode.equals("shared") ? "sh" : "ded");
    String email = "admin@" + name + ".example";
    Response r = given().auth().oauth2(platformAdminToken()).contentType(ContentType.JSON)
        .body(Map.of("name", name, "displayName", "Tenant " + name, "mode", mode, "adminEmail", email))
        .post("/api/v1/tenants");
    if (r.statusCode() != 201) {
      throw new AssertionError("tenant creation answered " + r.statusCode() + ": " + r.asString());
    }
    return new ItTenant(name, mode, r.path("tenant.realm"), email, r.path("admin.userId"),
        r.path("admin.temporaryPassword"));
  }
}
