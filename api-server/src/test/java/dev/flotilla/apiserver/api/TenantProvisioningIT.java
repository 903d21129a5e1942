package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItUser;
import dev.flotilla.apiserver.KeycloakTestAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant provisioning through the real API into a real Keycloak, in both modes: what Keycloak
 * holds afterwards, that the first admin logs in and is accepted on its tenant's paths, and
 * listing, getting and deleting tenants.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class TenantProvisioningIT {

  @Test
  void create_shared_organizationWithFirstAdminWhoLogsIn() {
    ItTenant t = ItPlatform.createTenant("shared");
    KeycloakTestAdmin kc = ItPlatform.keycloak();

    assertThat(t.realm()).isEqualTo(ItPlatform.platformRealm());
    assertThat(t.temporaryPassword()).hasSizeGreaterThanOrEqualTo(20);
    JsonArray orgs = new JsonArray(kc.get("/" + t.realm() + "/organizations/members/" + t.adminUserId() + "/organizations"));
    assertThat(orgs.stream().map(o -> ((JsonObject) o).getString("alias"))).containsExactly(t.name());
    given().auth().oauth2(t.adminToken()).get(t.path() + "/workspaces").then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void create_dedicated_realmWithClientsRoleAndFirstAdminWhoLogsIn() {
    ItTenant t = ItPlatform.createTenant("dedicated");
    KeycloakTestAdmin kc = ItPlatform.keycloak();

    assertThat(t.realm()).isEqualTo(ItPlatform.platformRealm() + "-" + t.name());
    JsonObject notebook = new JsonArray(kc.get("/" + t.realm() + "/clients?clientId=flotilla-notebook")).getJsonObject(0);
    assertThat(notebook.getBoolean("publicClient")).isTrue();
    assertThat(notebook.getBoolean("standardFlowEnabled")).isTrue();
    assertThat(notebook.getJsonObject("attributes").getString("pkce.code.challenge.method")).isEqualTo("S256");
    JsonObject cli = new JsonArray(kc.get("/" + t.realm() + "/clients?clientId=flotilla-cli")).getJsonObject(0);
    assertThat(cli.getJsonObject("attributes").getString("oauth2.device.authorization.grant.enabled")).isEqualTo("true");
    JsonArray adminRoles = new JsonArray(kc.get("/" + t.realm() + "/users/" + t.adminUserId() + "/role-mappings/realm"));
    assertThat(adminRoles.stream().map(r -> ((JsonObject) r).getString("name"))).contains("tenant-admin");
    given().auth().oauth2(t.adminToken()).get(t.path() + "/workspaces").then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void platformRealm_atStart_hasOrganizationsRoleClientsAndBootstrapAdmin() {
    KeycloakTestAdmin kc = ItPlatform.keycloak();
    JsonObject realm = new JsonObject(kc.get("/" + ItPlatform.platformRealm()));
    assertThat(realm.getBoolean("organizationsEnabled")).isTrue();
    assertThat(kc.status("/" + ItPlatform.platformRealm() + "/roles/platform-admin")).isEqualTo(200);
    assertThat(new JsonArray(kc.get("/" + ItPlatform.platformRealm() + "/clients?clientId=flotilla-cli"))).hasSize(1);
    assertThat(new JsonArray(kc.get("/" + ItPlatform.platformRealm() + "/clients?clientId=flotilla-notebook"))).hasSize(1);
    String adminId = new JsonArray(kc.get("/" + ItPlatform.platformRealm() + "/users?exact=true&email="
        + ItPlatform.PLATFORM_ADMIN_EMAIL)).getJsonObject(0).getString("id");
    JsonArray roles = new JsonArray(kc.get("/" + ItPlatform.platformRealm() + "/users/" + adminId + "/role-mappings/realm"));
    assertThat(roles.stream().map(r -> ((JsonObject) r).getString("name"))).contains("platform-admin");
  }

  @Test
  void create_dedicatedRealmNameTakenInKeycloak_conflictAndRealmLeftAlone() {
    String name = ItPlatform.unique("taken");
    String realm = ItPlatform.platformRealm() + "-" + name;
    ItPlatform.keycloak().createRealm(realm);

    given().auth().oauth2(ItPlatform.platformAdminToken()).contentType(ContentType.JSON)
        .body(Map.of("name", name, "displayName", "Taken", "mode", "dedicated", "adminEmail", "a@" + name + ".example"))
        .post("/api/v1/tenants")
        .then().statusCode(409).contentType("application/problem+json");

    assertThat(ItPlatform.keycloak().status("/" + realm)).isEqualTo(200);
    given().auth().oauth2(ItPlatform.platformAdminToken()).get("/api/v1/tenants/" + name).then().statusCode(404);
  }

  @Test
  void listGetDelete_dedicated_realmRemovedAndTenantGone() {
    ItTenant t = ItPlatform.createTenant("dedicated");
    String admin = ItPlatform.platformAdminToken();

    given().auth().oauth2(admin).get("/api/v1/tenants").then().statusCode(200).body("name", hasItem(t.name()));
    given().auth().oauth2(admin).get("/api/v1/tenants/" + t.name()).then().statusCode(200)
        .body("mode", equalTo("dedicated")).body("realm", equalTo(t.realm())).body("id", notNullValue());
    given().auth().oauth2(admin).delete("/api/v1/tenants/" + t.name()).then().statusCode(204);

    given().auth().oauth2(admin).get("/api/v1/tenants/" + t.name()).then().statusCode(404);
    assertThat(ItPlatform.keycloak().status("/" + t.realm())).isEqualTo(404);
  }

  @Test
  void delete_shared_organizationAndItsOnlyUsersRemovedOthersKept() {
    ItTenant t = ItPlatform.createTenant("shared");
    ItTenant other = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("gone");
    ItUser onlyHere = t.invite(ws, "member");
    String otherWs = other.createWorkspace("stays");
    ItUser alsoElsewhere = other.invite(otherWs, "member");
    given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON)
        .body(Map.of("email", alsoElsewhere.email(), "role", "viewer")).post(t.path() + "/workspaces/" + ws + "/members")
        .then().statusCode(201);
    String admin = ItPlatform.platformAdminToken();
    given().auth().oauth2(admin).delete("/api/v1/tenants/" + t.name()).then().statusCode(204);

    KeycloakTestAdmin kc = ItPlatform.keycloak();
    assertThat(kc.status("/" + t.realm() + "/users/" + onlyHere.id())).isEqualTo(404);
    assertThat(kc.status("/" + t.realm() + "/users/" + t.adminUserId())).isEqualTo(404);
    assertThat(kc.status("/" + t.realm() + "/users/" + alsoElsewhere.id())).isEqualTo(200);
    String fresh = kc.freshLogin(other.realm(), alsoElsewhere.email(), ItPlatform.PASSWORD, "openid");
    given().auth().oauth2(fresh).get(other.path() + "/workspaces/" + otherWs).then().statusCode(200);

    JsonArray orgs = new JsonArray(ItPlatform.keycloak().get("/" + t.realm() + "/organizations?search=" + t.name()));
    assertThat(orgs.stream().map(o -> ((JsonObject) o).getString("alias"))).doesNotContain(t.name());
    given().auth().oauth2(admin).get("/api/v1/tenants/" + t.name()).then().statusCode(404);
  }

  @Test
  void create_nameTaken_conflict() {
    ItTenant t = ItPlatform.createTenant("shared");
    given().auth().oauth2(ItPlatform.platformAdminToken()).contentType(ContentType.JSON)
        .body(Map.of("name", t.name(), "displayName", "Again", "mode", "dedicated", "adminEmail", "x@y.example"))
        .post("/api/v1/tenants")
        .then().statusCode(409).contentType("application/problem+json");
  }

  @Test
  void tenants_withoutOrWithBadCredentials_unauthorized() {
    given().get("/api/v1/tenants").then().statusCode(401);
    given().auth().oauth2("not-a-jwt").get("/api/v1/tenants").then().statusCode(401);
    given().auth().oauth2("flt_doesnotexist").get("/api/v1/tenants").then().statusCode(401);
  }

  @Test
  void tenants_asTenantAdmin_forbidden() {
    ItTenant t = ItPlatform.createTenant("shared");
    given().auth().oauth2(t.adminToken()).get("/api/v1/tenants").then().statusCode(403);
  }
}
