package dev.flotilla.apiserver.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The dashboard of an api-server without a scheduler (no {@code flotilla.edge.scheduler-address}):
 * 200 saying {@code not configured}, no nodes, pending or running work or actors, the workspace's quota and usage
 * still there.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class DashboardStatesIT {
  @Test
  void noScheduler_notConfigured_withQuotaAndUsage() {
    ItWorld world = ItWorld.sharedA();
    JsonPath body = given().auth().oauth2(world.viewer.token()).get(DashboardIT.clusterPath(world, world.workspace))
        .then().statusCode(200).contentType("application/json").extract().jsonPath();
    assertThat(body.getString("cluster")).isEqualTo("not configured");
    assertThat(body.getString("message")).contains("flotilla.edge.scheduler-address");
    assertThat(body.getList("nodes")).isEmpty();
    assertThat(body.getList("pending")).isEmpty();
    assertThat(body.getList("running")).isEmpty();
    assertThat(body.getList("actors")).isEmpty();
    assertThat(body.getBoolean("truncated.running")).isFalse();
    assertThat(body.getMap("quota")).containsKeys("maxGpus", "maxCpus", "gpuHoursPerMonth");
    assertThat(body.getDouble("usage.gpuHours")).isGreaterThanOrEqualTo(0);
  }
}
