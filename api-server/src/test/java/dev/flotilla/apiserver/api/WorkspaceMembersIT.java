package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Workspace administration and membership against the real Keycloak and PostgreSQL: workspaces
 * created, renamed and deleted; members invited (a Keycloak user with required actions, in the
 * organization in shared mode), logging in, changing role and being removed, in both modes; without
 * mail configured, invitations say that no e-mail was sent.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class WorkspaceMembersIT {

  @Test
  void workspace_createRenameDelete_asTenantAdmin() {
    ItTenant t = ItPlatform.createTenant("shared");
    String admin = t.adminToken();
    String ws = t.createWorkspace("team");
    String renamed = ItPlatform.unique("renamed");

    given().auth().oauth2(admin).get(t.path() + "/workspaces").then().statusCode(200).body("name", hasItem(ws));
    given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", renamed, "displayName", "Renamed"))
        .patch(t.path() + "/workspaces/" + ws).then().statusCode(200)
        .body("name", equalTo(renamed)).body("displayName", equalTo("Renamed"));
    given().auth().oauth2(admin).get(t.path() + "/workspaces/" + ws).then().statusCode(404);
    given().auth().oauth2(admin).get(t.path() + "/workspaces/" + renamed).then().statusCode(200);
    given().auth().oauth2(admin).delete(t.path() + "/workspaces/" + renamed).then().statusCode(204);
    given().auth().oauth2(admin).get(t.path() + "/workspaces/" + renamed).then().statusCode(404);
  }

  @Test
  void workspace_delete_membersWithoutOtherRoleLeaveOrganization() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("short");
    String keep = t.createWorkspace("long");
    ItUser onlyHere = t.invite(ws, "member");
    ItUser alsoThere = t.invite(keep, "viewer");
    given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON)
        .body(Map.of("email", alsoThere.email(), "role", "member")).post(t.path() + "/workspaces/" + ws + "/members")
        .then().statusCode(201);

    given().auth().oauth2(t.adminToken()).delete(t.path() + "/workspaces/" + ws).then().statusCode(204);

    assertThat(aliases(t.realm(), onlyHere.id())).isEmpty();
    assertThat(aliases(t.realm(), alsoThere.id())).containsExactly(t.name());
  }

  @Test
  void workspace_nameTaken_conflict() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("dup");
    given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON).body(Map.of("name", ws, "displayName", "x"))
        .post(t.path() + "/workspaces").then().statusCode(409).contentType("application/problem+json");
  }

  /** Requests racing for one name: the database's unique index decides, the losers get 409, never 500. */
  @Test
  void workspace_sameNameConcurrently_oneCreatedOthersConflict() throws Exception {
    ItTenant t = ItPlatform.createTenant("shared");
    String admin = t.adminToken();
    String name = ItPlatform.unique("race");
    URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + t.path() + "/workspaces");
    HttpClient http = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + admin)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"displayName\":\"Race\"}")).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> a : answers) {
      statuses.add(a.get(60, TimeUnit.SECONDS).statusCode());
    }
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
  }

  @Test
  void invite_shared_userWithRequiredActionsInOrganizationWhoLogsIn() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("ml");
    String email = ItPlatform.unique("new") + "@" + t.name() + ".example";

    String userId = given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", "member")).post(t.path() + "/workspaces/" + ws + "/members")
        .then().statusCode(201).body("email", equalTo(email)).body("role", equalTo("member")).extract().path("userId");

    JsonObject user = new JsonObject(ItPlatform.keycloak().get("/" + t.realm() + "/users/" + userId));
    assertThat(user.getJsonArray("requiredActions").getList()).contains("VERIFY_EMAIL", "UPDATE_PASSWORD");
    assertThat(aliases(t.realm(), userId)).containsExactly(t.name());
    given().auth().oauth2(t.adminToken()).get(t.path() + "/workspaces/" + ws + "/members").then().statusCode(200)
        .body("find { it.userId == '" + userId + "' }.role", equalTo("member"));
    ItPlatform.keycloak().activate(t.realm(), userId, ItPlatform.PASSWORD);
    ItUser invited = new ItUser(t.realm(), email, userId);
    given().auth().oauth2(invited.token()).get(t.path() + "/workspaces/" + ws).then().statusCode(200)
        .body("name", equalTo(ws));
  }

  @Test
  void invite_dedicated_userInTenantRealmWhoLogsIn() {
    ItTenant t = ItPlatform.createTenant("dedicated");
    String ws = t.createWorkspace("cv");
    ItUser viewer = t.invite(ws, "viewer");

    assertThat(ItPlatform.keycloak().status("/" + t.realm() + "/users/" + viewer.id())).isEqualTo(200);
    assertThat(ItPlatform.keycloak().status("/" + ItPlatform.platformRealm() + "/users/" + viewer.id())).isEqualTo(404);
    given().auth().oauth2(viewer.token()).get(t.path() + "/workspaces/" + ws).then().statusCode(200);
  }

  /** These ITs run without {@code flotilla.mail.*}: the answers say plainly that no e-mail went out. */
  @Test
  void invite_mailNotConfigured_answerAndListSayNoEmailSent() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("nomail");
    String email = ItPlatform.unique("nomail") + "@" + t.name() + ".example";
    String invitations = t.path() + "/workspaces/" + ws + "/invitations";

    String id = given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON)
        .body(Map.of("email", email, "role", "member")).post(t.path() + "/workspaces/" + ws + "/members")
        .then().statusCode(201).body("invitation.mail.status", equalTo("not-configured"))
        .body("invitation.mail.message", containsString("No e-mail was sent"))
        .extract().path("invitation.id");
    given().auth().oauth2(t.adminToken()).get(invitations).then().statusCode(200)
        .body("find { it.id == '" + id + "' }.mail.status", equalTo("not-configured"));
    given().auth().oauth2(t.adminToken()).post(invitations + "/" + id + "/resend").then().statusCode(200)
        .body("mail.status", equalTo("not-configured")).body("mail.message", containsString("No e-mail was sent"));
    given().auth().oauth2(t.adminToken()).post(invitations + "/" + java.util.UUID.randomUUID() + "/resend")
        .then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void invite_sameUserTwice_conflict() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("twice");
    ItUser user = t.invite(ws, "member");
    given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON)
        .body(Map.of("email", user.email(), "role", "viewer")).post(t.path() + "/workspaces/" + ws + "/members")
        .then().statusCode(409);
  }

  @Test
  void changeRoleThenRemove_member_losesAccessAndOrganization() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("roles");
    ItUser user = t.invite(ws, "member");
    String members = t.path() + "/workspaces/" + ws + "/members/";

    given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON).body(Map.of("role", "viewer"))
        .patch(members + user.id()).then().statusCode(200).body("role", equalTo("viewer"));
    given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("name", "t"))
        .post(t.path() + "/workspaces/" + ws + "/tokens").then().statusCode(403);
    given().auth().oauth2(t.adminToken()).delete(members + user.id()).then().statusCode(204);

    given().auth().oauth2(t.adminToken()).get(t.path() + "/workspaces/" + ws + "/members").then().statusCode(200)
        .body("userId", not(hasItem(user.id())));
    assertThat(aliases(t.realm(), user.id())).isEmpty();
    given().auth().oauth2(t.adminToken()).delete(members + user.id()).then().statusCode(404);
  }

  @Test
  void workspaceAdmin_invitesIntoOwnWorkspaceOnly() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("own");
    String other = t.createWorkspace("other");
    ItUser wsAdmin = t.invite(ws, "admin");
    Map<String, String> invite = Map.of("email", ItPlatform.unique("x") + "@" + t.name() + ".example", "role", "viewer");

    given().auth().oauth2(wsAdmin.token()).contentType(ContentType.JSON).body(invite)
        .post(t.path() + "/workspaces/" + ws + "/members").then().statusCode(201);
    given().auth().oauth2(wsAdmin.token()).contentType(ContentType.JSON).body(invite)
        .post(t.path() + "/workspaces/" + other + "/members").then().statusCode(403);
  }

  private static List<String> aliases(String realm, String userId) {
    JsonArray orgs = new JsonArray(ItPlatform.keycloak().get("/" + realm + "/organizations/members/" + userId + "/organizations"));
    return orgs.stream().map(o -> ((JsonObject) o).getString("alias")).toList();
  }
}
