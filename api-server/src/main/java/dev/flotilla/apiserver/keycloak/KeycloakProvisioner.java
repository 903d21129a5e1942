package dev.flotilla.apiserver.keycloak;

import dev.flotilla.apiserver.config.FlotillaConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Provisions what tenants need in Keycloak: the platform realm (organizations on, the
 * {@code platform-admin} role), dedicated realms, organizations, users and their links. Every
 * step is idempotent where Keycloak lets it be (409 = already there), so a restart or a retried
 * request converges. Non-blocking; thread-safe.
 */
@ApplicationScoped
public class KeycloakProvisioner {
  private final KeycloakAdmin admin;
  private final FlotillaConfig config;

  KeycloakProvisioner(KeycloakAdmin admin, FlotillaConfig config) {
    this.admin = admin;
    this.config = config;
  }

  /** Creates the platform realm if absent and brings its scopes, role and clients up to date. */
  public Uni<Void> ensurePlatformRealm() {
    String realm = config.platform().realm();
    return admin.findObject("/" + realm)
        .flatMap(existing -> existing != null
            ? admin.put("/" + realm, new JsonObject().put("organizationsEnabled", true))
            : admin.post("", RealmLayout.realm(realm, true, "Flotilla")))
        .flatMap(v -> configureMail(realm))
        .flatMap(v -> admin.createIfAbsent("/" + realm + "/roles",
            RealmLayout.role(RealmLayout.PLATFORM_ADMIN_ROLE, "Administers the whole platform: tenants")))
        .flatMap(v -> populate(realm))
        // Every token of the platform realm names its user's organization (the tenant alias).
        .flatMap(v -> makeDefaultScope(realm, "organization"));
  }

  /**
   * Creates a realm of its own for a dedicated tenant; fails with 409 when the name is taken (and
   * then touches nothing). Should a later step fail, the realm it made is deleted again.
   */
  public Uni<Void> createDedicatedRealm(String realm, String displayName) {
    return admin.post("", RealmLayout.realm(realm, false, displayName))
        .flatMap(created -> admin.createIfAbsent("/" + realm + "/roles",
                RealmLayout.role(RealmLayout.TENANT_ADMIN_ROLE, "Administers this tenant"))
            .flatMap(v -> populate(realm))
            .flatMap(v -> configureMail(realm))
            .onFailure().call(e -> deleteRealm(realm)));
  }

  /** Whether {@code flotilla.mail.host} is set, so realms send e-mails through it. */
  public boolean mailConfigured() {
    return config.mail().host().isPresent();
  }

  /** {@code host:port} of the configured mail server, for messages. */
  public String mailHost() {
    return config.mail().host().orElse("(none)") + ":" + config.mail().port();
  }

  /**
   * Points the realm's {@code smtpServer} at the configured mail server (replacing what was
   * there); does nothing when mail is not configured. Idempotent.
   */
  public Uni<Void> configureMail(String realm) {
    return mailConfigured()
        ? admin.put("/" + realm, new JsonObject().put("smtpServer", RealmLayout.smtpServer(config.mail())))
        : Uni.createFrom().voidItem();
  }

  /** The user's pending required actions (e.g. {@code VERIFY_EMAIL}, {@code UPDATE_PASSWORD}). */
  public Uni<List<String>> requiredActions(String realm, String userId) {
    return admin.getObject("/" + realm + "/users/" + userId).map(u -> {
      JsonArray actions = u.getJsonArray("requiredActions", new JsonArray());
      return actions.stream().map(String::valueOf).toList();
    });
  }

  /**
   * Asks Keycloak to e-mail the user a link to perform these actions, valid for {@code lifespan},
   * ending at {@code redirectUri} of the notebook client. Fails with {@link KeycloakException}
   * when Keycloak cannot send it (it answers 500 when the SMTP server refuses or is down).
   */
  public Uni<Void> sendActionsEmail(String realm, String userId, List<String> actions, String redirectUri,
      java.time.Duration lifespan) {
    String query = "?lifespan=" + lifespan.toSeconds() + "&client_id=" + RealmLayout.NOTEBOOK_CLIENT
        + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    return admin.put("/" + realm + "/users/" + userId + "/execute-actions-email" + query, new JsonArray(actions));
  }

  public Uni<Void> deleteRealm(String realm) {
    return admin.delete("/" + realm);
  }

  /** Creates an organization in the platform realm; returns its id. */
  public Uni<String> createOrganization(String alias, String displayName) {
    JsonObject org = new JsonObject().put("name", alias).put("alias", alias).put("enabled", true)
        .put("description", displayName);
    return admin.create("/" + config.platform().realm() + "/organizations", org);
  }

  public Uni<Void> deleteOrganization(String organizationId) {
    return admin.delete("/" + config.platform().realm() + "/organizations/" + organizationId);
  }

  public Uni<Void> addOrganizationMember(String organizationId, String userId) {
    return admin.createIfAbsent("/" + config.platform().realm() + "/organizations/" + organizationId + "/members", userId)
        .replaceWithVoid();
  }

  public Uni<Void> removeOrganizationMember(String organizationId, String userId) {
    return admin.delete("/" + config.platform().realm() + "/organizations/" + organizationId + "/members/" + userId);
  }

  /**
   * Creates a user that must act before first use, or finds the existing one with that e-mail
   * (then nothing about it changes). Returns the user id and whether it was created.
   */
  public Uni<UserRef> ensureUser(String realm, String email, List<String> requiredActions, String password,
      boolean temporary) {
    return admin.createIfAbsent("/" + realm + "/users", RealmLayout.user(email, requiredActions, password, temporary))
        .flatMap(id -> id != null
            ? Uni.createFrom().item(new UserRef(id, true))
            : findUserByEmail(realm, email).map(found -> new UserRef(found, false)));
  }

  public Uni<Void> deleteUser(String realm, String userId) {
    return admin.delete("/" + realm + "/users/" + userId);
  }

  /**
   * Deletes a platform-realm user who belongs to no organization and is no platform admin (what a
   * deleted shared tenant leaves behind); others, and absent users, are left alone.
   */
  public Uni<Void> deleteUserIfUnaffiliated(String userId) {
    String realm = config.platform().realm();
    return admin.findObject("/" + realm + "/users/" + userId).flatMap(user -> user == null ? Uni.createFrom().voidItem()
        : admin.getArray("/" + realm + "/organizations/members/" + userId + "/organizations")
            .flatMap(orgs -> !orgs.isEmpty() ? Uni.createFrom().voidItem()
                : admin.getArray("/" + realm + "/users/" + userId + "/role-mappings/realm").flatMap(roles ->
                    roles.stream().map(r -> ((JsonObject) r).getString("name")).anyMatch(RealmLayout.PLATFORM_ADMIN_ROLE::equals)
                        ? Uni.createFrom().voidItem() : deleteUser(realm, userId))));
  }

  /** Grants a realm role to a user. */
  public Uni<Void> grantRealmRole(String realm, String userId, String role) {
    return admin.getObject("/" + realm + "/roles/" + role)
        .flatMap(r -> admin.post("/" + realm + "/users/" + userId + "/role-mappings/realm", new JsonArray().add(r)));
  }

  /**
   * Creates or replaces an OIDC identity provider in a realm, configured from the upstream's
   * discovery document (Keycloak reads it); {@code extra} adds to or overrides its config.
   */
  public Uni<Void> putOidcIdentityProvider(String realm, String alias, String discoveryUrl, JsonObject extra) {
    String instances = "/" + realm + "/identity-provider/instances";
    return admin.postForObject("/" + realm + "/identity-provider/import-config",
            new JsonObject().put("providerId", "oidc").put("fromUrl", discoveryUrl))
        .flatMap(imported -> {
          JsonObject rep = new JsonObject().put("alias", alias).put("providerId", "oidc").put("enabled", true)
              .put("trustEmail", true).put("config", imported.mergeIn(extra));
          return admin.findObject(instances + "/" + alias).flatMap(existing -> existing == null
              ? admin.post(instances, rep)
              : admin.put(instances + "/" + alias, rep.put("internalId", existing.getString("internalId"))));
        });
  }

  /** The identity provider's representation (its secret masked by Keycloak), or null. */
  public Uni<JsonObject> findIdentityProvider(String realm, String alias) {
    return admin.findObject("/" + realm + "/identity-provider/instances/" + alias);
  }

  public Uni<Void> deleteIdentityProvider(String realm, String alias) {
    return admin.delete("/" + realm + "/identity-provider/instances/" + alias);
  }

  /** Links an identity provider to an organization and makes the e-mail domain the organization's. */
  public Uni<Void> linkOrganizationIdentityProvider(String organizationId, String alias, String domain) {
    String org = "/" + config.platform().realm() + "/organizations/" + organizationId;
    return admin.getObject(org)
        .flatMap(o -> admin.put(org, o.put("domains", new JsonArray().add(new JsonObject().put("name", domain).put("verified", true)))))
        .flatMap(v -> admin.createIfAbsent(org + "/identity-providers", alias))
        .replaceWithVoid();
  }

  /** A user id; created is false when the user already existed. */
  public record UserRef(String id, boolean created) {}

  private Uni<String> findUserByEmail(String realm, String email) {
    return admin.getArray("/" + realm + "/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
        .map(users -> users.isEmpty() ? null : users.getJsonObject(0).getString("id"))
        .flatMap(id -> id != null ? Uni.createFrom().item(id)
            : Uni.createFrom().failure(new KeycloakException("user " + email + " in " + realm, 409,
                "a user with this username exists but not with this e-mail")));
  }

  /** The audience scope (realm default, so every client gets it) and our two clients. */
  private Uni<Void> populate(String realm) {
    return admin.createIfAbsent("/" + realm + "/client-scopes", RealmLayout.audienceScope(config.auth().audience()))
        .flatMap(v -> makeDefaultScope(realm, RealmLayout.AUDIENCE_SCOPE))
        .flatMap(v -> admin.createIfAbsent("/" + realm + "/clients",
            RealmLayout.notebookClient(config.platform().notebookRedirectUris())))
        .flatMap(v -> admin.createIfAbsent("/" + realm + "/clients", RealmLayout.cliClient()))
        .replaceWithVoid();
  }

  private Uni<Void> makeDefaultScope(String realm, String scopeName) {
    return admin.getArray("/" + realm + "/client-scopes").flatMap(scopes -> {
      String id = scopes.stream().map(JsonObject.class::cast)
          .filter(s -> scopeName.equals(s.getString("name"))).map(s -> s.getString("id"))
          .findFirst().orElseThrow(() -> new KeycloakException("client scope " + scopeName + " in " + realm, 404, ""));
      return admin.delete("/" + realm + "/default-optional-client-scopes/" + id)
          .flatMap(v -> admin.put("/" + realm + "/default-default-client-scopes/" + id, null));
    });
  }
}
