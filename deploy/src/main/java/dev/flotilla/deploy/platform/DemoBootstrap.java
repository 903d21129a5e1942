package dev.flotilla.deploy.platform;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;

/**
 * The data {@code flotilla up} sets up through the api-server's own REST API, as the bootstrap
 * platform admin: a shared-mode tenant {@value #TENANT} whose first admin gets a generated
 * password, and its workspace {@value #WORKSPACE}. Idempotent: a tenant or workspace that exists
 * is kept. Blocking.
 */
final class DemoBootstrap {
  static final String REALM = "flotilla";
  static final String PLATFORM_ADMIN = "platform-admin@flotilla.localhost";
  static final String TENANT = "demo";
  static final String TENANT_ADMIN = "admin@demo.localhost";
  static final String WORKSPACE = "default";

  /**
   * What was set up.
   *
   * @param password the tenant admin's password (also in {@code passwordFile})
   * @param shownFirstTime whether this run created the tenant (else it existed)
   */
  record Result(String user, String password, Path passwordFile, boolean shownFirstTime) {}

  private final Http http;
  private final KeycloakAdmin keycloak;
  private final String api;
  private final Path secrets;

  DemoBootstrap(Http http, KeycloakAdmin keycloak, String apiUrl, Path secrets) {
    this.http = http;
    this.keycloak = keycloak;
    this.api = apiUrl;
    this.secrets = secrets;
  }

  Result run(String platformAdminPassword) {
    String clientSecret = new SecretFile(secrets.resolve("launcher-client-secret")).readOrGenerate();
    keycloak.ensureLauncherClient(REALM, clientSecret);
    String platformToken = login(clientSecret, PLATFORM_ADMIN, platformAdminPassword);

    SecretFile passwordFile = new SecretFile(secrets.resolve("demo-admin-password"));
    JsonObject tenant = new JsonObject();
    tenant.addProperty("name", TENANT);
    tenant.addProperty("displayName", "Demo");
    tenant.addProperty("mode", "shared");
    tenant.addProperty("adminEmail", TENANT_ADMIN);
    Http.Answer created = http.send("POST", api + "/api/v1/tenants", platformToken, tenant.toString())
        .expect("create tenant " + TENANT, 201, 409);
    String temporary = null;
    if (created.status() == 201) {
      JsonElement pw = created.json().getAsJsonObject().getAsJsonObject("admin").get("temporaryPassword");
      temporary = pw == null || pw.isJsonNull() ? null : pw.getAsString();
    }
    String password;
    if (temporary != null) {
      password = temporary;
      passwordFile.write(password);
    } else {
      password = passwordFile.readOrGenerate(); // a tenant from an earlier up, or a user that already existed
    }
    // First admins must change a temporary password at first login; this one is printed for the
    // person who ran `up`, so it is made permanent (they may change it in Keycloak's account console).
    keycloak.setPassword(REALM, TENANT_ADMIN, password);

    String adminToken = login(clientSecret, TENANT_ADMIN, password);
    String workspaces = api + "/api/v1/tenants/" + TENANT + "/workspaces";
    boolean exists = false;
    for (JsonElement w : http.send("GET", workspaces, adminToken, null).expect("list workspaces of " + TENANT, 200)
        .json().getAsJsonArray()) {
      exists |= WORKSPACE.equals(w.getAsJsonObject().get("name").getAsString());
    }
    if (!exists) {
      JsonObject ws = new JsonObject();
      ws.addProperty("name", WORKSPACE);
      ws.addProperty("displayName", "Default");
      http.send("POST", workspaces, adminToken, ws.toString()).expect("create workspace " + WORKSPACE, 201);
    }
    return new Result(TENANT_ADMIN, password, passwordFile.path(), temporary != null);
  }

  private String login(String clientSecret, String user, String password) {
    return http.passwordGrant(keycloak.tokenUrl(REALM), KeycloakAdmin.LAUNCHER_CLIENT, clientSecret, user, password);
  }
}
