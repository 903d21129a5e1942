package dev.flotilla.apiserver.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.edge.EdgeCluster;
import dev.flotilla.apiserver.edge.EdgeServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The dashboard against a real scheduler and gpu-worker (one fake GPU) behind the edge: the node
 * and its GPU are listed without its address; with the workspace's quota set to one GPU through
 * REST, an SDK program (its own JVM, an API token, through the edge) holds the GPU with one task
 * and submits a second, which the dashboard lists as pending with the scheduler's quota reason;
 * the same program's named actor and its running GPU task are listed for its workspace only (not
 * for another workspace of the tenant, nor another tenant's); another tenant's member cannot read
 * it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class DashboardIT {
  private static final Duration DEADLINE = Duration.ofMinutes(2);

  @Inject EdgeServer edge;

  @Test
  void cluster_listsTheWorkerWithItsFakeGpu_withoutItsAddress() {
    ItWorld world = ItWorld.sharedA();
    JsonPath body = given().auth().oauth2(world.viewer.token()).get(clusterPath(world, world.workspace))
        .then().statusCode(200).extract().jsonPath();
    assertThat(body.getString("cluster")).isEqualTo("connected");
    List<Map<String, Object>> nodes = body.getList("nodes");
    assertThat(nodes).as("nodes of the edge cluster (one gpu-worker)").hasSize(1);
    assertThat(body.getDouble("nodes[0].gpu.total")).isEqualTo(1.0);
    assertThat(body.getDouble("nodes[0].cpu.total")).isEqualTo(2.0);
    assertThat(body.getDouble("nodes[0].memoryMb.total")).isPositive();
    assertThat(body.getString("nodes[0].labels.'gpu.model'")).isEqualTo("FakeGPU");
    assertThat(body.getBoolean("nodes[0].alive")).isTrue();
    assertThat(body.prettify()).doesNotContain("\"address\"").doesNotContain("127.0.0.1:");
    assertThat(body.getList("pending")).isEmpty();
    assertThat(body.getString("usage.month")).matches("\\d{4}-\\d{2}");
  }

  @Test
  void secondGpuTaskOverAOneGpuQuota_pendingWithTheQuotaReason_untilTheFirstEnds() throws Exception {
    ItWorld world = ItWorld.sharedA();
    OneGpuWorkspace ws = OneGpuWorkspace.create(world.tenant, null);
    String bearer = ws.member().token();
    try (GpuHolding program = GpuHolding.start(edge.port(), ws.token(), ws.name())) {
      JsonPath waiting = pollCluster(bearer, clusterPath(world, ws.name()), "a pending task whose reason names the GPU quota",
          b -> b.getList("pending.reason", String.class).stream().anyMatch(r -> r.contains("workspace quota: GPU 1/1 in use")),
          program);
      assertThat(waiting.getList("pending")).as("only the second task waits").hasSize(1);
      assertThat(Instant.parse(waiting.getString("pending[0].pendingSince"))).isBefore(Instant.now().plusSeconds(1));
      assertThat(waiting.getDouble("nodes[0].gpu.available")).as("the first task holds the node's GPU").isZero();
      assertThat(waiting.getInt("quota.maxGpus")).isEqualTo(1);

      JsonPath elsewhere = given().auth().oauth2(world.viewer.token()).get(clusterPath(world, world.workspace))
          .then().statusCode(200).extract().jsonPath();
      assertThat(elsewhere.getList("pending")).as("another workspace of the tenant sees none of it").isEmpty();

      program.release();
      pollCluster(bearer, clusterPath(world, ws.name()), "the pending list to empty once the GPU was released",
          b -> b.getList("pending").isEmpty(), program);
      assertThat(program.ended(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("program ended; output:\n" + program.output()).isTrue();
      assertThat(program.exitValue()).as(program.output()).isZero();
      assertThat(program.output()).contains("both GPU tasks done: 1 42");
    }
  }

  @Test
  void namedActorAndRunningTask_listedForTheirWorkspace_notForAnotherWorkspaceOrTenant() throws Exception {
    ItWorld world = ItWorld.sharedA();
    ItWorld other = ItWorld.sharedB();
    OneGpuWorkspace ws = OneGpuWorkspace.create(world.tenant, null);
    try (GpuHolding program = GpuHolding.start(edge.port(), ws.token(), ws.name())) {
      JsonPath mine = pollCluster(ws.member().token(), clusterPath(world, ws.name()),
          "the named actor ALIVE and the GPU-holding task running",
          b -> b.getList("actors.findAll { it.name == 'dash-counter' && it.state == 'ALIVE' }").size() == 1
              && b.getList("running.findAll { it.name.contains('holdGpuUntil') }").size() == 1,
          program);
      Map<String, Object> actor = mine.getMap("actors.find { it.name == 'dash-counter' }");
      Map<String, Object> task = mine.getMap("running.find { it.name.contains('holdGpuUntil') }");
      String actorId = (String) actor.get("actorId");
      String taskId = (String) task.get("taskId");
      String node = mine.getString("nodes[0].nodeId");
      assertThat(actor).containsEntry("className", "GpuHoldingProgram$Counter").containsEntry("nodeId", node).containsEntry("restarts", 0);
      assertThat(actor.get("reason")).isNull();
      assertThat(mine.getDouble("actors.find { it.name == 'dash-counter' }.resources.CPU")).isEqualTo(0.5);
      assertThat(task).containsEntry("nodeId", node).containsEntry("actorCreation", false);
      assertThat(task.get("actorId")).isNull();
      assertThat(mine.getDouble("running.find { it.name.contains('holdGpuUntil') }.resources.GPU")).isEqualTo(1.0);
      assertThat(Instant.parse((String) task.get("startedAt"))).isBefore(Instant.now().plusSeconds(1))
          .isAfter(Instant.now().minus(DEADLINE.multipliedBy(2)));
      assertThat(mine.getBoolean("truncated.running")).isFalse();
      assertThat(mine.getBoolean("truncated.actors")).isFalse();
      assertThat(mine.prettify()).doesNotContain("\"address\"").doesNotContain("127.0.0.1:");

      String sameTenant = given().auth().oauth2(world.viewer.token()).get(clusterPath(world, world.workspace))
          .then().statusCode(200).extract().asString();
      String otherTenant = given().auth().oauth2(other.viewer.token()).get(clusterPath(other, other.workspace))
          .then().statusCode(200).extract().asString();
      assertThat(sameTenant).as("another workspace of the tenant").contains("\"nodes\"").doesNotContain(actorId, taskId, "dash-counter");
      assertThat(otherTenant).as("another tenant's workspace").contains("\"nodes\"").doesNotContain(actorId, taskId, "dash-counter");

      program.release();
      pollCluster(ws.member().token(), clusterPath(world, ws.name()), "the actor gone or dead once the program ended",
          b -> b.getList("actors.findAll { it.actorId == '" + actorId + "' && it.state != 'DEAD' }").isEmpty()
              && b.getList("running.findAll { it.taskId == '" + taskId + "' }").isEmpty(),
          program);
      assertThat(program.ended(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("program ended; output:\n" + program.output()).isTrue();
      assertThat(program.output()).contains("actor " + actorId + " ready: 1");
    }
  }

  @Test
  void anotherTenantsMember_cannotReadTheWorkspacesCluster() {
    ItWorld victim = ItWorld.sharedA();
    ItWorld stranger = ItWorld.sharedB();
    int status = given().auth().oauth2(stranger.member.token()).get(clusterPath(victim, victim.workspace))
        .then().extract().statusCode();
    assertThat(status).isIn(403, 404);
    int withToken = given().auth().oauth2(stranger.memberToken.secret()).get(clusterPath(victim, victim.workspace))
        .then().extract().statusCode();
    assertThat(withToken).isIn(401, 403, 404);
  }

  static String clusterPath(ItWorld world, String workspace) {
    return world.tenant.path() + "/workspaces/" + workspace + "/cluster";
  }

  /**
   * Asks the dashboard until {@code wanted} holds, up to {@link #DEADLINE}, between asks waiting
   * up to 250 ms for the program to end (failing at once if it failed); fails saying what was awaited.
   */
  static JsonPath pollCluster(String bearer, String path, String awaited, Predicate<JsonPath> wanted, GpuHolding program)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    JsonPath last;
    do {
      last = given().auth().oauth2(bearer).get(path).then().statusCode(200).extract().jsonPath();
      if (wanted.test(last)) {
        return last;
      }
      if (program.ended(250, TimeUnit.MILLISECONDS) && program.failed()) {
        throw new AssertionError("the program failed while awaiting " + awaited + ":\n" + program.output());
      }
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("waited " + DEADLINE + " for " + awaited + "; last answer " + last.prettify()
        + "\nprogram output:\n" + program.output());
  }
}
