package dev.flotilla.deploy.platform;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The few Keycloak admin calls the launcher makes itself, as a master-realm administrator: its
 * own login client in the platform realm, and making the demo admin's generated password a usable
 * one. Everything about tenants goes through the api-server instead. Blocking; a fresh admin token
 * per call (they live 60 s).
 */
final class KeycloakAdmin {
  /** Confidential client with the password grant, for the launcher's own logins. */
  static final String LAUNCHER_CLIENT = "flotilla-launcher";

  private final Http http;
  private final String url;
  private final String user;
  private final String password;

  KeycloakAdmin(Http http, String url, String user, String password) {
    this.http = http;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  String tokenUrl(String realm) {
    return url + "/realms/" + realm + "/protocol/openid-connect/token";
  }

  /** Creates {@link #LAUNCHER_CLIENT} in {@code realm}, or resets its secret to {@code secret}. */
  void ensureLauncherClient(String realm, String secret) {
    JsonObject client = new JsonObject();
    client.addProperty("clientId", LAUNCHER_CLIENT);
    client.addProperty("name", "Flotilla launcher (flotilla up)");
    client.addProperty("publicClient", false);
    client.addProperty("secret", secret);
    client.addProperty("directAccessGrantsEnabled", true);
    client.addProperty("standardFlowEnabled", false);
    client.addProperty("serviceAccountsEnabled", false);
    JsonArray found = admin("GET", "/" + realm + "/clients?clientId=" + LAUNCHER_CLIENT, null)
        .expect("find client " + LAUNCHER_CLIENT, 200).json().getAsJsonArray();
    if (found.isEmpty()) {
      admin("POST", "/" + realm + "/clients", client.toString()).expect("create client " + LAUNCHER_CLIENT, 201);
    } else {
      String id = found.get(0).getAsJsonObject().get("id").getAsString();
      client.addProperty("id", id);
      admin("PUT", "/" + realm + "/clients/" + id, client.toString()).expect("update client " + LAUNCHER_CLIENT, 204);
    }
  }

  /**
   * Gives the user {@code email} the permanent password {@code newPassword} and clears its
   * required actions (the api-server creates first admins with a temporary one).
   */
  void setPassword(String realm, String email, String newPassword) {
    JsonArray users = admin("GET", "/" + realm + "/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null)
        .expect("find user " + email, 200).json().getAsJsonArray();
    if (users.isEmpty()) {
      throw new IllegalStateException("no user " + email + " in realm " + realm);
    }
    JsonObject rep = users.get(0).getAsJsonObject();
    String id = rep.get("id").getAsString();
    rep.add("requiredActions", new JsonArray());
    rep.addProperty("emailVerified", true);
    admin("PUT", "/" + realm + "/users/" + id, rep.toString()).expect("update user " + email, 204);
    JsonObject credential = new JsonObject();
    credential.addProperty("type", "password");
    credential.addProperty("value", newPassword);
    credential.addProperty("temporary", false);
    admin("PUT", "/" + realm + "/users/" + id + "/reset-password", credential.toString()).expect("set password of " + email, 204);
  }

  private Http.Answer admin(String method, String path, String body) {
    String token = http.postForm(tokenUrl("master"), Map.of("grant_type", "password", "client_id", "admin-cli",
        "username", user, "password", password)).expect("Keycloak master admin login at " + url, 200)
        .json().getAsJsonObject().get("access_token").getAsString();
    return http.send(method, url + "/admin/realms" + path, token, body);
  }
}
