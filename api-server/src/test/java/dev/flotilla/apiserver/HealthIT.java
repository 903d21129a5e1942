package dev.flotilla.apiserver;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Boots the real application once (on a free port, against a real PostgreSQL migrated at start
 * and validated against the entities) and checks its public surface: health answers, and nothing
 * under {@code /api} is served without credentials.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class HealthIT {

  /** Set by surefire from the Maven project version, so a release needs no test edit. */
  private static final String EXPECTED_VERSION =
      System.getProperty("it.expectedVersion", "0.1.0-SNAPSHOT");

  @Test
  void ready_noExternalServices_upWithNameAndVersion() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(ApiServerReadiness.NAME))
        .body("checks.find { it.name == 'api-server' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'api-server' }.data.name", equalTo("flotilla"))
        .body("checks.find { it.name == 'api-server' }.data.version", equalTo(EXPECTED_VERSION));
  }

  @Test
  void live_noExternalServices_up() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void unknownApiPath_withoutCredentials_unauthorizedNotServerError() {
    given().when().get("/api/v1/no-such-thing").then().statusCode(401);
  }

  @Test
  void versionPath_withoutCredentials_notServedOutsideHealth() {
    given().when().get("/api/v1/version").then().statusCode(401);
  }
}
