package dev.flotilla.apiserver.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.protocol.scheduler.v1.UsageResponse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An SDK program with an API token runs tasks through the edge: a separate JVM (the platform's
 * smoke check) connects to the api-server's SDK port with a member's {@code flt_} token, its job is
 * stamped with the token's tenant and workspace on a real scheduler and worker, and a bad token
 * gets a clear refusal.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class EdgeIT {
  @Inject EdgeServer edge;
  @Inject dev.flotilla.apiserver.usage.UsageCollector collector;

  private record Run(int exit, String out) {}

  private Run smokeCheck(String token) throws IOException, InterruptedException {
    return smokeCheck(token, null);
  }

  private Run smokeCheck(String token, String workspace) throws IOException, InterruptedException {
    return smokeCheck(token, workspace, 0);
  }

  private Run smokeCheck(String token, String workspace, int gpusPerTask) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-cp",
        String.join(java.io.File.pathSeparator, EdgeCluster.flotillaClassPath().stream().map(Path::toString).toList()),
        "dev.flotilla.runtime.internal.client.SmokeCheck"));
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("FLOTILLA_ADDRESS", "flotilla://127.0.0.1:" + edge.port());
    pb.environment().put("FLOTILLA_TOKEN", token);
    if (workspace != null) {
      pb.environment().put("FLOTILLA_WORKSPACE", workspace);
    }
    pb.environment().put("FLOTILLA_SMOKE_GPUS", Integer.toString(gpusPerTask));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the smoke check did not end within 3 minutes; output:\n" + out);
    }
    return new Run(p.exitValue(), out);
  }

  @Test
  void sdkProgramWithApiToken_runsTasksThroughTheEdge_stampedWithItsWorkspace() throws Exception {
    ItWorld world = ItWorld.sharedA();
    assertThat(edge.port()).isPositive();
    Run run = smokeCheck(world.memberToken.secret(), world.workspace);
    assertThat(run.out()).as("smoke check output").contains("sum of squares 0..19 = 2470");
    assertThat(run.exit()).isZero();

    String job = run.out().replaceAll("(?s).*\\(job ([^)]+)\\).*", "$1");
    UsageResponse usage = usage(world.tenant.name());
    assertThat(usage.getJobsList()).as("usage of the tenant on the scheduler")
        .anySatisfy(j -> {
          assertThat(j.getJobId()).isEqualTo(job);
          assertThat(j.getWorkspace()).isEqualTo(world.workspace);
          assertThat(j.getTasks()).isEqualTo(20);
        });
  }

  @Test
  void usage_afterTasksRan_recordedOnceInPostgres_andExportedAsCsv() throws Exception {
    ItWorld world = ItWorld.sharedA();
    Run run = smokeCheck(world.memberToken.secret(), world.workspace);
    assertThat(run.exit()).as(run.out()).isZero();
    String job = run.out().replaceAll("(?s).*\\(job ([^)]+)\\).*", "$1");
    var onScheduler = usage(world.tenant.name()).getJobsList().stream().filter(j -> j.getJobId().equals(job))
        .findFirst().orElseThrow(() -> new AssertionError("job " + job + " not metered by the scheduler"));
    assertThat(onScheduler.getCpuSeconds()).isPositive();

    collector.pullNow();
    collector.pullNow(); // the same totals again: nothing more may be added

    String path = world.tenant.path() + "/workspaces/" + world.workspace;
    var recorded = io.restassured.RestAssured.given().auth().oauth2(world.member.token()).get(path + "/usage")
        .then().statusCode(200).extract().jsonPath();
    assertThat(recorded.getDouble("jobs.find { it.jobId == '" + job + "' }.cpuSeconds"))
        .as("CPU-seconds recorded for job " + job).isCloseTo(onScheduler.getCpuSeconds(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(recorded.getDouble("cpuSeconds")).isGreaterThanOrEqualTo(onScheduler.getCpuSeconds() - 1e-6);
    String csv = io.restassured.RestAssured.given().auth().oauth2(world.tenant.adminToken()).get(world.tenant.path() + "/usage.csv")
        .then().statusCode(200).extract().asString();
    assertThat(csv).startsWith("month,workspace,job_id,cpu_seconds,gpu_seconds,")
        .contains("," + world.workspace + "," + job + ",");
  }

  @Test
  void gpuWork_isMeteredInGpuSeconds_andASpentBudgetSetThroughRestFailsItWithQuotaExceeded() throws Exception {
    ItWorld world = ItWorld.sharedA();
    Run gpuRun = smokeCheck(world.memberToken.secret(), world.workspace, 1);
    assertThat(gpuRun.exit()).as(gpuRun.out()).isZero();
    String job = gpuRun.out().replaceAll("(?s).*\\(job ([^)]+)\\).*", "$1");
    collector.pullNow();
    var recorded = io.restassured.RestAssured.given().auth().oauth2(world.member.token())
        .get(world.tenant.path() + "/workspaces/" + world.workspace + "/usage").then().statusCode(200).extract().jsonPath();
    assertThat(recorded.getDouble("jobs.find { it.jobId == '" + job + "' }.gpuSeconds"))
        .as("GPU-seconds recorded for job " + job).isPositive();

    String broke = world.tenant.createWorkspace("broke");
    io.restassured.RestAssured.given().auth().oauth2(world.tenant.adminToken())
        .contentType(io.restassured.http.ContentType.JSON)
        .body(java.util.Map.of("gpuHoursPerMonth", 0)).put(world.tenant.path() + "/workspaces/" + broke + "/quota")
        .then().statusCode(200);
    var member = world.tenant.invite(broke, "member");
    String token = dev.flotilla.apiserver.ItTokens.create(member.token(), world.tenant.name(), broke).secret();

    Run refused = smokeCheck(token, broke, 1);
    assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
    assertThat(refused.out()).contains("QuotaExceededException")
        .contains("workspace '" + broke + "' has spent its GPU budget");
    Run cpuOnly = smokeCheck(token, broke, 0);
    assertThat(cpuOnly.exit()).as("CPU work still runs on a spent GPU budget: " + cpuOnly.out()).isZero();
  }

  @Test
  void badToken_isRefusedWithAClearMessage() throws Exception {
    Run run = smokeCheck("flt_" + "x".repeat(43));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("flotilla smoke check failed").containsAnyOf("API token unknown", "malformed", "token");
  }

  @Test
  void tokenOfAnotherWorkspace_isRefusedNamingBoth() throws Exception {
    ItWorld world = ItWorld.sharedA();
    Run run = smokeCheck(world.memberToken.secret(), "some-other-workspace");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("belongs to workspace '" + world.workspace + "', not 'some-other-workspace'");
  }

  @Test
  void largeObjects_putAndGetThroughTheEdge_relayedToTheWorkers_andOnlyForTheirOwnSession() throws Exception {
    ItWorld world = ItWorld.sharedA();
    byte[] jar = dev.flotilla.apiserver.TestJars.compile(java.util.Map.of(EdgeObjectsProgram.CLASS, EdgeObjectsProgram.SOURCE));
    Path jarFile = java.nio.file.Files.createTempFile("large-objects", ".jar");
    java.nio.file.Files.write(jarFile, jar);
    long before = edge.objectBytesRelayed();
    List<String> cp = new ArrayList<>(EdgeCluster.flotillaClassPath().stream().map(Path::toString).toList());
    cp.add(jarFile.toString());
    var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-cp",
        String.join(java.io.File.pathSeparator, cp), EdgeObjectsProgram.CLASS).redirectErrorStream(true);
    pb.environment().put("FLOTILLA_ADDRESS", "flotilla://127.0.0.1:" + edge.port());
    pb.environment().put("FLOTILLA_TOKEN", world.memberToken.secret());
    Process p = pb.start();
    try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      String object = null;
      for (String line; object == null && (line = out.readLine()) != null; ) {
        seen.append(line).append('\n');
        if (line.startsWith("object ")) {
          object = line.substring(7).strip();
        }
      }
      assertThat(object).as("the program's output:\n" + seen).isNotNull();
      assertThat(seen.toString()).contains("checksums equal true; got back 6291456 bytes, last 42; local copy 5242880");
      assertThat(edge.objectBytesRelayed() - before).as("bytes relayed by the edge").isGreaterThan(11L << 20);

      // Another tenant's API token, with a session of its own, cannot read the object through the edge.
      ItWorld other = ItWorld.sharedB();
      String node = EdgeCluster.nodeIds().getFirst();
      var b = channel(other.memberToken.secret());
      try {
        String bSession = dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc.newBlockingStub(b)
            .openSession(dev.flotilla.protocol.scheduler.v1.OpenSessionRequest.newBuilder().setClientName("probe").build())
            .getSessionId();
        assertThat(fetchStatus(b, node, bSession, object)).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
        assertThat(fetchStatus(b, node, "made-up-session", object)).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
        assertThat(fetchStatus(b, "no-such-node", bSession, object)).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
        dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc.newBlockingStub(b).closeSession(
            dev.flotilla.protocol.scheduler.v1.CloseSessionRequest.newBuilder().setSessionId(bSession).build());
      } finally {
        b.shutdownNow();
      }
      p.getOutputStream().write('\n');
      p.getOutputStream().flush();
      assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("the program ends").isTrue();
      assertThat(p.exitValue()).isZero();
    } finally {
      p.destroyForcibly();
      java.nio.file.Files.deleteIfExists(jarFile);
    }
  }

  private io.grpc.ManagedChannel channel(String token) {
    var headers = new io.grpc.Metadata();
    headers.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", edge.port()).usePlaintext()
        .intercept(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers)).build();
  }

  private static io.grpc.Status.Code fetchStatus(io.grpc.Channel edgeChannel, String node, String session, String object) {
    var h = new io.grpc.Metadata();
    h.put(io.grpc.Metadata.Key.of("x-flotilla-node", io.grpc.Metadata.ASCII_STRING_MARSHALLER), node);
    h.put(io.grpc.Metadata.Key.of("x-flotilla-session", io.grpc.Metadata.ASCII_STRING_MARSHALLER), session);
    var stub = dev.flotilla.protocol.worker.v1.ObjectStoreServiceGrpc.newBlockingStub(edgeChannel)
        .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(h)).withDeadlineAfter(30, TimeUnit.SECONDS);
    try {
      stub.fetch(dev.flotilla.protocol.worker.v1.FetchRequest.newBuilder().setObjectId(object).build()).forEachRemaining(c -> { });
      return io.grpc.Status.Code.OK;
    } catch (io.grpc.StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  private static UsageResponse usage(String tenant) {
    return EdgeCluster.usage(tenant);
  }
}
