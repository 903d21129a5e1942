package dev.flotilla.apiserver.keycloak;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.flotilla.apiserver.config.FlotillaConfig;
import java.util.List;

/**
 * The JSON representations of what every realm we provision holds: the audience client scope
 * (so our server accepts the realm's access tokens), the notebook-UI client (public, authorization
 * code + PKCE S256) and the SDK/CLI client (public, device authorization grant). Pure data.
 */
public final class RealmLayout {
  /** Public client of the browser notebook UI. */
  public static final String NOTEBOOK_CLIENT = "flotilla-notebook";

  /** Public client of the SDK and CLI (device authorization grant). */
  public static final String CLI_CLIENT = "flotilla-cli";

  /** Realm role of platform administrators, in the platform realm only. */
  public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

  /** Realm role given to a dedicated realm's first administrator (informational; see auth). */
  public static final String TENANT_ADMIN_ROLE = "tenant-admin";

  /** Client scope name of the audience mapper. */
  public static final String AUDIENCE_SCOPE = "flotilla-api";

  private RealmLayout() {}

  static JsonObject realm(String name, boolean organizations, String displayName) {
    return new JsonObject()
        .put("realm", name)
        .put("displayName", displayName)
        .put("enabled", true)
        .put("organizationsEnabled", organizations)
        .put("registrationAllowed", false)
        .put("bruteForceProtected", true);
  }

  static JsonObject role(String name, String description) {
    return new JsonObject().put("name", name).put("description", description);
  }

  static JsonObject audienceScope(String audience) {
    JsonObject mapper = new JsonObject()
        .put("name", audience + "-audience")
        .put("protocol", "openid-connect")
        .put("protocolMapper", "oidc-audience-mapper")
        .put("config", new JsonObject()
            .put("included.custom.audience", audience)
            .put("access.token.claim", "true")
            .put("id.token.claim", "false")
            .put("introspection.token.claim", "true"));
    return new JsonObject()
        .put("name", AUDIENCE_SCOPE)
        .put("protocol", "openid-connect")
        .put("attributes", new JsonObject().put("include.in.token.scope", "false"))
        .put("protocolMappers", new JsonArray().add(mapper));
  }

  static JsonObject notebookClient(List<String> redirectUris) {
    return new JsonObject()
        .put("clientId", NOTEBOOK_CLIENT)
        .put("name", "Flotilla notebook")
        .put("publicClient", true)
        .put("standardFlowEnabled", true)
        .put("directAccessGrantsEnabled", false)
        .put("implicitFlowEnabled", false)
        .put("redirectUris", new JsonArray(redirectUris))
        .put("webOrigins", new JsonArray().add("+"))
        .put("attributes", new JsonObject().put("pkce.code.challenge.method", "S256"));
  }

  static JsonObject cliClient() {
    return new JsonObject()
        .put("clientId", CLI_CLIENT)
        .put("name", "Flotilla SDK and CLI")
        .put("publicClient", true)
        .put("standardFlowEnabled", false)
        .put("directAccessGrantsEnabled", false)
        .put("implicitFlowEnabled", false)
        .put("attributes", new JsonObject().put("oauth2.device.authorization.grant.enabled", "true"));
  }

  /**
   * A user who must still act before first use (e.g. {@code UPDATE_PASSWORD}); with a password
   * (temporary or not) when one is given. First and last name are filled because Keycloak's default user
   * profile requires them.
   */
  static JsonObject user(String email, List<String> requiredActions, String password, boolean temporary) {
    String local = email.substring(0, email.indexOf('@'));
    JsonObject user = new JsonObject()
        .put("username", email)
        .put("email", email)
        .put("firstName", local)
        .put("lastName", local)
        .put("enabled", true)
        .put("emailVerified", false)
        .put("requiredActions", new JsonArray(requiredActions));
    if (password != null) {
      user.put("credentials", new JsonArray().add(new JsonObject()
          .put("type", "password").put("value", password).put("temporary", temporary)));
    }
    return user;
  }

  /**
   * The realm's {@code smtpServer} (Keycloak wants every value as a string): where it sends the
   * e-mails of required actions. Authentication only when a user is configured.
   */
  static JsonObject smtpServer(FlotillaConfig.Mail mail) {
    JsonObject smtp = new JsonObject()
        .put("host", mail.host().orElseThrow())
        .put("port", String.valueOf(mail.port()))
        .put("from", mail.from().orElseThrow(() -> new IllegalStateException(
            "flotilla.mail.from (FLOTILLA_MAIL_FROM) is required when flotilla.mail.host is set")))
        .put("fromDisplayName", mail.fromName())
        .put("starttls", String.valueOf(mail.starttls()))
        .put("ssl", String.valueOf(mail.ssl()))
        .put("auth", String.valueOf(mail.user().isPresent()));
    mail.user().ifPresent(u -> smtp.put("user", u));
    mail.password().ifPresent(p -> smtp.put("password", p));
    return smtp;
  }
}
