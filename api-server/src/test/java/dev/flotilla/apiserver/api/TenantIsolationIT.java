package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
          victim.tenant.adminEmail(), victim.tenant.adminUserId(), victim.admin.email());
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
    }
    assertIntact(victim);
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
