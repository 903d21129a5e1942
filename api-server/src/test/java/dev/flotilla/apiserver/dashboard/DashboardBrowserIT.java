package dev.flotilla.apiserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItBrowser;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.api.JobUploads;
import dev.flotilla.apiserver.edge.EdgeCluster;
import dev.flotilla.apiserver.edge.EdgeServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Dashboard page in a real browser ({@code notebook-ui/e2e/dashboard-flow.mjs} through {@link
 * ItBrowser}) against this api-server with a real scheduler and gpu-worker (one fake GPU) behind
 * it: a member logs in, opens the dashboard from the workspace nav, sees the node with its GPU
 * model, the waiting GPU task of an SDK program (through the edge) with the quota reason, its
 * running GPU task and its named actor (alive badge), the usage
 * chart against the GPU-hour budget, the workspace's job and its log, the page refreshing itself,
 * and "Forbidden" for a workspace they are not in. Writes {@code docs/screenshots/dashboard.png}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class DashboardBrowserIT {
  @Inject EdgeServer edge;

  @TestHTTPResource("/")
  URL root;

  @Test
  void member_seesNodeWaitingTaskUsageChartAndJobs() throws Exception {
    ItTenant tenant = ItPlatform.createTenant("shared");
    OneGpuWorkspace ws = OneGpuWorkspace.create(tenant, 5);
    String notTheirs = tenant.createWorkspace("other");
    JobUploads.submit(ws.member().token(), tenant.name(), ws.name(), ItPlatform.unique("key"));

    try (GpuHolding program = GpuHolding.start(edge.port(), ws.token(), ws.name())) {
      String output = ItBrowser.run("dashboard-flow.mjs", root, Map.of("TENANT", tenant.name(), "WORKSPACE", ws.name(),
          "USER_EMAIL", ws.member().email(), "GPU_MODEL", "FakeGPU", "JOB_NAME", "it", "FORBIDDEN_WORKSPACE", notTheirs, "ACTOR_NAME", GpuHoldingProgram.ACTOR_NAME), Duration.ofMinutes(5));
      assertThat(output).contains("ok   the waiting GPU task shows the scheduler's quota reason",
          "ok   the GPU-holding task is listed as running on the node", "ok   the named actor is listed with an alive badge",
          "ok   the usage chart is an SVG", "ok   a workspace the user is not in: the dashboard says Forbidden");
      assertThat(program.failed()).as(program.output()).isFalse();
    }
  }
}
