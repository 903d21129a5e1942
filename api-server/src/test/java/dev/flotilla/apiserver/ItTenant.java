package dev.flotilla.apiserver;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/** A tenant made by {@link ItPlatform#createTenant}, with helpers to act as its users. */
public record ItTenant(String name, String mode, String realm, String adminEmail, String adminUserId,
    String temporaryPassword) {

  public String path() {
    return "/api/v1/tenants/" + name;
  }

  /** A fresh access token of the tenant's first admin. */
  public String adminToken() {
    return ItPlatform.keycloak().login(realm, adminEmail, ItPlatform.PASSWORD);
  }

  /** Creates a workspace as the tenant admin; returns its name. */
  public String createWorkspace(String prefix) {
    String ws = ItPlatform.unique(prefix);
    Response r = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
        .body(Map.of("name", ws, "displayName", "Workspace " + ws)).post(path() + "/workspaces");
    if (r.statusCode() != 201) {
      throw new AssertionError("workspace creation answered " + r.statusCode() + ": " + r.asString());
    }
    return ws;
  }

  /** Invites a user into a workspace with a role (as the tenant admin) and activates it as the user would. */
  public ItUser invite(String workspace, String role) {
    ItUser user = inviteOnly(workspace, role);
    ItPlatform.keycloak().activate(realm, user.id(), ItPlatform.PASSWORD);
    return user;
  }

  /** Invites without activating: the user exists but cannot log in yet. */
  public ItUser inviteOnly(String workspace, String role) {
    String email = ItPlatform.unique(role) + "@" + name + ".example";
    Response r = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", role)).post(path() + "/workspaces/" + workspace + "/members");
    if (r.statusCode() != 201) {
      throw new AssertionError("invitation answered " + r.statusCode() + ": " + r.asString());
    }
    return new ItUser(realm, email, r.path("userId"));
  }

  /** The id of the invitation of {@code email} into the workspace, as its admins list it. */
  public String invitationId(String workspace, String email) {
    return given().auth().oauth2(adminToken()).get(path() + "/workspaces/" + workspace + "/invitations")
        .then().statusCode(200).extract().path("find { it.email == '" + email + "' }.id");
  }
}
