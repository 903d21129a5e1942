package dev.flotilla.apiserver.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItAwait;
import dev.flotilla.apiserver.ItDatabase;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.TestJars;
import dev.flotilla.apiserver.edge.EdgeCluster;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The api-server starts platform code in a workspace's executors on a real scheduler and
 * gpu-worker: the entrypoint gets its String arguments, its outcome comes back as the scheduler's
 * status (success, the exception it threw, quota refusal), and stopping a launch ends its job and
 * kills its executor process.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class LaunchIT {
  private static final String PROBE = """
      package probe;

      import java.nio.file.Files;
      import java.nio.file.Path;

      public final class LaunchProbe {
        public static String run(String marker, String[] words) throws Exception {
          if (words.length > 0 && words[0].equals("fail")) {
            throw new IllegalStateException("probe refused: " + String.join(" ", words));
          }
          if (words.length > 0 && words[0].equals("hang")) {
            Files.writeString(Path.of(marker), "started " + ProcessHandle.current().pid());
            new java.util.concurrent.CountDownLatch(1).await();
          }
          Files.writeString(Path.of(marker), String.join("|", words));
          return "ok";
        }
      }
      """;
  private static final byte[] JAR = TestJars.compile(Map.of("probe.LaunchProbe", PROBE));
  private static final Entrypoint RUN =
      new Entrypoint("probe.LaunchProbe", "run", "(Ljava/lang/String;[Ljava/lang/String;)Ljava/lang/String;");

  @Inject PlatformLauncher launcher;

  private LaunchSpec spec(ItWorld w, String workspace, Path marker, Map<String, Double> resources, String... words) {
    UUID[] ids = ItDatabase.workspaceIds(w.tenant.name(), workspace);
    return new LaunchSpec(ids[0], ids[1], "probe", List.of(new Blob(TestJars.sha256(JAR), JAR)), RUN,
        List.of(marker.toString(), words), resources);
  }

  private Outcome awaitEnd(Launched l) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      Outcome o = launcher.poll(l, Duration.ofSeconds(5));
      if (!(o instanceof Outcome.Running)) {
        return o;
      }
    }
    throw new AssertionError("launch " + l + " still running after 2 minutes");
  }

  @Test
  void entrypoint_runsInTheWorkspacesExecutor_withItsStringArguments() throws Exception {
    ItWorld w = ItWorld.sharedA();
    Path marker = dev.flotilla.apiserver.ItSharedDir.create("launch").resolve("out");
    assertThat(launcher.available()).isTrue();
    Launched l = launcher.launch(spec(w, w.workspace, marker, Map.of("CPU", 1.0), "a", "b c", "ü"));
    assertThat(l.schedulerJobId()).isNotBlank();
    assertThat(awaitEnd(l)).isInstanceOf(Outcome.Succeeded.class);
    assertThat(Files.readString(marker)).isEqualTo("a|b c|ü");
    launcher.stop(l);
  }

  @Test
  void entrypointThatThrows_isFailedWithItsExceptionClassAndMessage() throws Exception {
    ItWorld w = ItWorld.sharedA();
    Path marker = dev.flotilla.apiserver.ItSharedDir.create("launch").resolve("out");
    Launched l = launcher.launch(spec(w, w.workspace, marker, Map.of("CPU", 1.0), "fail", "now"));
    Outcome o = awaitEnd(l);
    assertThat(o).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo("APPLICATION");
      assertThat(f.exceptionClass()).isEqualTo("java.lang.IllegalStateException");
      assertThat(f.message()).isEqualTo("probe refused: fail now");
    });
    launcher.stop(l);
  }

  @Test
  void stop_endsTheLaunchsJob_andKillsItsExecutorProcess() throws Exception {
    ItWorld w = ItWorld.sharedA();
    Path marker = dev.flotilla.apiserver.ItSharedDir.create("launch").resolve("out");
    Launched l = launcher.launch(spec(w, w.workspace, marker, Map.of("CPU", 1.0), "hang"));
    String started = ItAwait.until("the entrypoint to start", Duration.ofMinutes(2), () -> {
      try {
        return Files.exists(marker) ? Files.readString(marker) : null;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    long pid = Long.parseLong(started.replace("started ", "").strip());
    assertThat(ProcessHandle.of(pid)).as("executor process").isPresent();
    assertThat(launcher.poll(l, Duration.ZERO)).isInstanceOf(Outcome.Running.class);

    launcher.stop(l);
    ItAwait.until("executor " + pid + " to exit", Duration.ofMinutes(1),
        () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? null : true);
    assertThat(launcher.poll(l, Duration.ZERO)).isInstanceOf(Outcome.Failed.class);
    launcher.stop(l); // idempotent
  }

  @Test
  void gpuLaunchInAWorkspaceWithASpentBudget_failsWithQuotaExceeded() throws Exception {
    ItWorld w = ItWorld.sharedA();
    String broke = w.tenant.createWorkspace("broke-launch");
    RestAssured.given().auth().oauth2(w.tenant.adminToken()).contentType(ContentType.JSON)
        .body(Map.of("gpuHoursPerMonth", 0)).put(w.tenant.path() + "/workspaces/" + broke + "/quota")
        .then().statusCode(200);
    Path marker = dev.flotilla.apiserver.ItSharedDir.create("launch").resolve("out");
    Launched l = launcher.launch(spec(w, broke, marker, Map.of("CPU", 1.0, "GPU", 1.0), "gpu"));
    assertThat(awaitEnd(l)).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo("QUOTA_EXCEEDED");
      assertThat(f.message()).contains("workspace '" + broke + "' has spent its GPU budget");
    });
    assertThat(marker).doesNotExist();
    launcher.stop(l);
  }

  @Test
  void launchIntoAWorkspaceThatDoesNotExist_isRefusedClearly() {
    ItWorld w = ItWorld.sharedA();
    UUID[] ids = ItDatabase.workspaceIds(w.tenant.name(), w.workspace);
    var spec = new LaunchSpec(ids[0], UUID.randomUUID(), "probe", List.of(), RUN, List.of("x", new String[0]), Map.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> launcher.launch(spec))
        .isInstanceOf(LaunchException.class).hasMessageContaining("no longer exists");
  }
}
