package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItUser;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.KeycloakTestAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tenant isolation: EVERY endpoint of {@link Endpoints#ALL} (checked against the served resource
 * methods by {@code EndpointsTest}) is called with another tenant's credentials (its admin, its
 * workspace admin, its member's API token) against a victim tenant's resources, for every ordered
 * pair of three tenants: two shared (one realm, two organizations) and one dedicated. Each call is
 * refused with 401, 403 or 404 and its answer holds none of the victim's data; afterwards the
 * victim's resources are all still there and its token still works.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class TenantIsolationIT {

  private record Attacker(String name, Supplier<String> bearer) {}

  @TestFactory
  Stream<DynamicTest> everyEndpoint_otherTenantsCredentials_refusedWithoutData() {
    List<ItWorld> worlds = List.of(ItWorld.sharedA(), ItWorld.sharedB(), ItWorld.dedicated());
    List<DynamicTest> tests = new ArrayList<>();
    for (ItWorld victim : worlds) {
      Endpoints.Scene scene = new WorldScene(victim);
      List<String> secrets = List.of(victim.member.id(), victim.member.email(), victim.memberToken.id(),
          victim.tenant.adminEmail(), victim.tenant.adminUserId(), victim.admin.email(), victim.ssoSecret);
      for (ItWorld attackerWorld : worlds) {
        if (attackerWorld == victim) {
          continue;
        }
        for (Attacker a : attackers(attackerWorld)) {
          for (Endpoints.Endpoint e : Endpoints.ALL) {
            String name = e.key() + " on " + victim.tenant.mode() + " " + victim.tenant.name() + " by " + a.name();
            tests.add(dynamicTest(name, () -> {
              Response r = ItCalls.send(e.call().apply(scene), a.bearer().get());
              assertThat(r.statusCode()).as(r.asString()).isIn(401, 403, 404);
              assertThat(r.asString()).doesNotContain(secrets);
            }));
          }
        }
      }
      tests.add(dynamicTest("victim " + victim.tenant.name() + " intact afterwards", () -> assertIntact(victim)));
    }
    return tests.stream();
  }

  @Test
  void ownPaths_otherTenantsIds_notFound() {
    ItWorld victim = ItWorld.sharedA();
    for (ItWorld attacker : List.of(ItWorld.sharedB(), ItWorld.dedicated())) {
      String own = attacker.tenant.path() + "/workspaces/" + attacker.workspace;
      String admin = attacker.tenant.adminToken();
      given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "admin"))
          .patch(own + "/members/" + victim.member.id()).then().statusCode(404);
      given().auth().oauth2(admin).delete(own + "/members/" + victim.member.id()).then().statusCode(404);
      given().auth().oauth2(admin).delete(own + "/tokens/" + victim.memberToken.id()).then().statusCode(404);
      given().auth().oauth2(admin).get(own + "/jobs/" + JobUploads.lastingJob(victim)).then().statusCode(404);
      given().auth().oauth2(admin).get(own + "/jobs/" + JobUploads.lastingJob(victim) + "/logs").then().statusCode(404);
      given().auth().oauth2(admin).post(own + "/jobs/" + JobUploads.lastingJob(victim) + "/stop").then().statusCode(404);
    }
    assertIntact(victim);
  }

  @Test
  void shared_userTakenOutOfOrganization_forbiddenDespiteMembershipRow() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("org");
    ItUser user = t.invite(ws, "member");
    KeycloakTestAdmin kc = ItPlatform.keycloak();
    String orgId = new JsonArray(kc.get("/" + t.realm() + "/organizations?exact=true&search=" + t.name()))
        .getJsonObject(0).getString("id");
    given().auth().oauth2(user.token()).get(t.path() + "/workspaces/" + ws).then().statusCode(200);

    kc.delete("/" + t.realm() + "/organizations/" + orgId + "/members/" + user.id());

    String withoutOrganization = kc.freshLogin(t.realm(), user.email(), ItPlatform.PASSWORD, "openid");
    given().auth().oauth2(withoutOrganization).get(t.path() + "/workspaces/" + ws).then().statusCode(403);
  }

  /**
   * Keycloak puts no organization claim in a plain token of a user in two organizations; such a
   * user's client asks for {@code organization:*} (or {@code organization:<tenant>}).
   */
  @Test
  void shared_userOfTwoTenants_admittedPerOrganizationNamedInToken() {
    ItTenant a = ItPlatform.createTenant("shared");
    ItTenant b = ItPlatform.createTenant("shared");
    String wsA = a.createWorkspace("both");
    String wsB = b.createWorkspace("both");
    ItUser user = a.invite(wsA, "member");
    given().auth().oauth2(b.adminToken()).contentType(ContentType.JSON).body(Map.of("email", user.email(), "role", "viewer"))
        .post(b.path() + "/workspaces/" + wsB + "/members").then().statusCode(201)
        .body("userId", org.hamcrest.Matchers.equalTo(user.id()));
    KeycloakTestAdmin kc = ItPlatform.keycloak();

    String plain = kc.freshLogin(user.realm(), user.email(), ItPlatform.PASSWORD, "openid");
    String all = kc.freshLogin(user.realm(), user.email(), ItPlatform.PASSWORD, "openid organization:*");
    String onlyA = kc.freshLogin(user.realm(), user.email(), ItPlatform.PASSWORD, "openid organization:" + a.name());

    given().auth().oauth2(plain).get(a.path() + "/workspaces/" + wsA).then().statusCode(403);
    given().auth().oauth2(all).get(a.path() + "/workspaces/" + wsA).then().statusCode(200);
    given().auth().oauth2(all).get(b.path() + "/workspaces/" + wsB).then().statusCode(200);
    given().auth().oauth2(onlyA).get(a.path() + "/workspaces/" + wsA).then().statusCode(200);
    given().auth().oauth2(onlyA).get(b.path() + "/workspaces/" + wsB).then().statusCode(403);
  }

  private static List<Attacker> attackers(ItWorld w) {
    String tag = w.tenant.mode() + " " + w.tenant.name();
    return List.of(
        new Attacker(tag + " tenant admin", w.tenant::adminToken),
        new Attacker(tag + " workspace admin", w.admin::token),
        new Attacker(tag + " member's API token", () -> w.memberToken.secret()));
  }

  private static void assertIntact(ItWorld victim) {
    String ws = victim.tenant.path() + "/workspaces/" + victim.workspace;
    given().auth().oauth2(ItPlatform.platformAdminToken()).get("/api/v1/tenants/" + victim.tenant.name())
        .then().statusCode(200);
    given().auth().oauth2(victim.tenant.adminToken()).get(ws + "/members").then().statusCode(200)
        .body("userId", hasItem(victim.member.id()))
        .body("find { it.userId == '" + victim.member.id() + "' }.role", org.hamcrest.Matchers.equalTo("member"));
    given().auth().oauth2(victim.memberToken.secret()).get(ws).then().statusCode(200);
    given().auth().oauth2(victim.tenant.adminToken()).get(victim.tenant.path() + "/audit").then().statusCode(200)
        .body("action", org.hamcrest.Matchers.not(hasItem("tenant.delete")));
  }
}
