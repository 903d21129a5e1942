package dev.flotilla.apiserver.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard when the configured scheduler cannot be reached (a loopback port nobody listens
 * on): 503 problem details with a clear message, never a 500 or a hang.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@TestProfile(DashboardUnreachableIT.NoSchedulerThere.class)
class DashboardUnreachableIT {
  /** The edge pointed at a port that was free a moment ago. */
  public static final class NoSchedulerThere implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("flotilla.edge.scheduler-address", "flotilla://127.0.0.1:" + freePort(),
          "flotilla.edge.secret", "unreachable-it", "flotilla.edge.grpc-port", "0", "flotilla.edge.grpc-host", "127.0.0.1");
    }

    private static int freePort() {
      try (ServerSocket s = new ServerSocket(0)) {
        return s.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException("no free port", e);
      }
    }
  }

  @Test
  void schedulerDown_503ProblemWithAClearMessage() {
    ItWorld world = ItWorld.sharedA();
    long started = System.nanoTime();
    JsonPath problem = given().auth().oauth2(world.viewer.token()).get(DashboardIT.clusterPath(world, world.workspace))
        .then().statusCode(503).contentType("application/problem+json").extract().jsonPath();
    assertThat(problem.getString("detail")).isEqualTo("the cluster's scheduler cannot be reached now; retry shortly");
    assertThat(problem.getInt("status")).isEqualTo(503);
    assertThat((System.nanoTime() - started) / 1_000_000_000.0).as("seconds to answer").isLessThan(15);
  }
}
