package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.FlotillaException;
import dev.flotilla.api.ObjectLostException;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskOptions;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.EdgeSession;
import dev.flotilla.runtime.internal.client.FlotillaImpl;
import dev.flotilla.runtime.internal.client.FlotillaProviderImpl;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scheduler's side of multi-tenancy, on a real cluster whose scheduler requires the edge
 * secret: sessions are opened for a tenant's workspace the way the api-server opens them. Names,
 * objects, actors, pending and running work of one tenant are invisible to another; workspace quotas hold
 * work back with the reason; and nobody without the secret gets a session.
 */
class TenancyIT {
  private static final String SECRET =
      HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(ThreadLocalRandom.current().nextLong()).array());
  private static final Duration WAIT = Duration.ofSeconds(120);

  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2)
      .configure(o -> o.cpusPerWorker(4).gpusPerWorker(2).edgeSecret(SECRET));

  private static Flotilla as(String tenant, String workspace, Map<String, Double> workspaceLimits) {
    return FlotillaProviderImpl.connectForTenant(cluster.cluster().address().toString(),
        new EdgeSession(tenant, workspace, workspaceLimits, Map.of(), SECRET));
  }

  @Test
  void namedActors_arePerTenant_sameNameCoexists_otherTenantCannotFindIt() {
    try (Flotilla a = as("acme", "vision", Map.of()); Flotilla b = as("globex", "vision", Map.of())) {
      ActorHandle<Counter> mine = a.actor(Counter::new, 1).options(ActorOptions.builder().name("model").namespace("prod").build()).remote();
      assertThat(mine.task(Counter::value).remote().get(WAIT)).isEqualTo(1);
      assertThat(b.getActor("model", "prod")).as("tenant B looking up tenant A's name").isEmpty();
      ActorHandle<Counter> theirs = b.actor(Counter::new, 2).options(ActorOptions.builder().name("model").namespace("prod").build()).remote();
      assertThat(theirs.task(Counter::value).remote().get(WAIT)).isEqualTo(2);
      assertThat(a.<Counter>getActor("model", "prod").orElseThrow().task(Counter::value).remote().get(WAIT)).isEqualTo(1);
      assertThat(b.<Counter>getActor("model", "prod").orElseThrow().task(Counter::value).remote().get(WAIT)).isEqualTo(2);
    }
  }

  @Test
  void anotherTenantsObjectsAndActors_areUnknown_neverTheirValue() {
    try (Flotilla a = as("acme", "secrets", Map.of()); Flotilla b = as("globex", "thief", Map.of())) {
      ObjectRef<String> secret = a.put("acme's model weights");
      assertThat(secret.get(WAIT)).isEqualTo("acme's model weights");
      assertThatThrownBy(() -> b.get(List.of(secret), WAIT)).as("reading it").isInstanceOf(ObjectLostException.class)
          .hasMessageContaining("unknown").hasMessageNotContaining("weights");
      assertThatThrownBy(() -> b.task(MathFns::length, secret).remote().get(WAIT)).as("passing it to a task")
          .isInstanceOf(FlotillaException.class).hasMessageContaining("unknown");
      ActorHandle<Counter> counter = a.actor(Counter::new, 41).remote();
      assertThat(counter.task(Counter::add, 1).remote().get(WAIT)).isEqualTo(42);
      assertThatThrownBy(() -> b.task(Counter::addThrough, counter, 1).remote().get(WAIT))
          .as("calling it through a handle").isInstanceOf(FlotillaException.class).hasMessageContaining("unknown actor");
      b.kill(counter); // not found for B: a no-op
      assertThat(counter.task(Counter::value).remote().get(WAIT)).as("still alive for A").isEqualTo(42);
    }
  }

  @Test
  void workspaceGpuQuota_holdsTheSecondTaskWithTheReason_othersCannotSeeIt() {
    try (Flotilla a = as("acme", "gpu-team", Map.of("GPU", 1.0)); Flotilla b = as("globex", "gpu-team", Map.of())) {
      var gpu = TaskOptions.builder().gpus(1).name("train").build();
      ObjectRef<Integer> first = a.task(MathFns::slowIdentity, 1, 3_000L).options(gpu).remote();
      ObjectRef<Integer> second = a.task(MathFns::slowIdentity, 2, 10L).options(gpu).remote();
      ClusterStatusResponse seen = Await.until("the second GPU task to wait for the workspace quota", WAIT,
          () -> status((FlotillaImpl) a), s -> s.getPendingList().stream()
              .anyMatch(p -> p.getReason().equals("workspace quota: GPU 1/1 in use")));
      assertThat(seen.getPendingList()).isNotEmpty();
      assertThat(status((FlotillaImpl) b).getPendingList()).as("tenant B's view of pending work").isEmpty();
      assertThat(a.get(List.of(first, second), WAIT)).containsExactly(1, 2);
      assertThat(b.task(MathFns::cudaVisibleDevices).options(TaskOptions.builder().gpus(2).build()).remote().get(WAIT))
          .as("another tenant is not bound by it").isEqualTo("0,1");
    }
  }

  @Test
  void clusterStatus_listsTheSessionsWorkspacesRunningTasksAndActors_onlyThose() {
    try (Flotilla a = as("acme", "live", Map.of()); Flotilla nlp = as("acme", "nlp", Map.of());
        Flotilla b = as("globex", "live", Map.of())) {
      ActorHandle<Counter> model = a.actor(Counter::new, 1).options(ActorOptions.builder().name("model").build()).remote();
      assertThat(model.task(Counter::value).remote().get(WAIT)).isEqualTo(1);
      a.task(MathFns::slowIdentity, 7, 90_000L).options(TaskOptions.builder().name("hold").build()).remote();
      ActorHandle<Counter> theirs = b.actor(Counter::new, 2).options(ActorOptions.builder().name("model").build()).remote();
      assertThat(theirs.task(Counter::value).remote().get(WAIT)).isEqualTo(2);

      ClusterStatusResponse seen = Await.until("acme/live's task 'hold' to run", WAIT, () -> status((FlotillaImpl) a),
          s -> s.getRunningList().stream().anyMatch(t -> t.getName().equals("hold")));
      var hold = seen.getRunningList().stream().filter(t -> t.getName().equals("hold")).findFirst().orElseThrow();
      assertThat(hold.getNodeId()).isNotEmpty();
      assertThat(hold.getResources().getAmountsMap()).containsEntry("CPU", 1.0);
      assertThat(hold.getJobId()).isEqualTo(((FlotillaImpl) a).jobId());
      assertThat(seen.getActorsList()).singleElement().satisfies(actor -> {
        assertThat(actor.getActorId()).isEqualTo(model.actorId());
        assertThat(actor.getName()).isEqualTo("model");
        assertThat(actor.getState()).isEqualTo(dev.flotilla.protocol.scheduler.v1.ActorStatus.State.ALIVE);
      });
      ClusterStatusResponse otherWorkspace = status((FlotillaImpl) nlp);
      ClusterStatusResponse otherTenant = status((FlotillaImpl) b);
      assertThat(otherWorkspace.getRunningList()).as("acme/nlp's running work").isEmpty();
      assertThat(otherWorkspace.getActorsList()).as("acme/nlp's actors").isEmpty();
      assertThat(otherTenant.getRunningList()).as("globex/live's running work").isEmpty();
      assertThat(otherTenant.getActorsList()).extracting(s -> s.getActorId()).as("globex/live sees its own actor only")
          .containsExactly(theirs.actorId());
      ClusterStatusResponse operator = status("", SECRET);
      assertThat(operator.getRunningList()).as("no session: no running work listed").isEmpty();
      assertThat(operator.getActorsList()).as("no session: no actors listed").isEmpty();
    }
  }

  @Test
  void usage_isMeteredPerJobFromExecutorRunTime_andReadOnlyThroughTheEdge() {
    try (Flotilla a = as("umbrella", "metered", Map.of())) {
      List<ObjectRef<Integer>> cpu = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        cpu.add(a.task(MathFns::slowIdentity, i, 500L).options(TaskOptions.builder().cpus(1).build()).remote());
      }
      ObjectRef<Integer> gpu = a.task(MathFns::slowIdentity, 9, 400L).options(TaskOptions.builder().cpus(1).gpus(1).build()).remote();
      assertThat(a.get(cpu, WAIT)).containsExactly(0, 1, 2, 3);
      assertThat(gpu.get(WAIT)).isEqualTo(9);
      var jobs = usage(SECRET, "umbrella").getJobsList();
      assertThat(jobs).singleElement().satisfies(j -> {
        assertThat(j.getJobId()).isEqualTo(a.jobId());
        assertThat(j.getWorkspace()).isEqualTo("metered");
        assertThat(j.getTasks()).isEqualTo(5);
        assertThat(j.getCpuSeconds()).as("5 tasks of >= 0.4 s on 1 CPU each").isGreaterThanOrEqualTo(2.4).isLessThan(60);
        assertThat(j.getGpuSeconds()).as("one task of >= 0.4 s on 1 GPU").isGreaterThanOrEqualTo(0.4).isLessThan(30);
      });
      assertThat(usage(SECRET, "nobody").getJobsList()).isEmpty();
      assertThatThrownBy(() -> usage("wrong", "umbrella")).isInstanceOf(io.grpc.StatusRuntimeException.class)
          .hasMessageContaining("PERMISSION_DENIED");
    }
  }

  @Test
  void spentGpuBudget_newGpuWorkFailsWithQuotaExceeded_cpuWorkStillRuns() {
    var edge = new EdgeSession("initech", "broke", Map.of(), Map.of(), 0.3, SECRET);
    try (Flotilla a = FlotillaProviderImpl.connectForTenant(cluster.cluster().address().toString(), edge)) {
      var gpu = TaskOptions.builder().gpus(1).build();
      assertThat(a.task(MathFns::slowIdentity, 1, 500L).options(gpu).remote().get(WAIT))
          .as("the budget was not spent when it started").isEqualTo(1);
      assertThatThrownBy(() -> a.task(MathFns::slowIdentity, 2, 10L).options(gpu).remote().get(WAIT))
          .isInstanceOf(dev.flotilla.api.QuotaExceededException.class).hasMessageContaining("GPU budget");
      assertThatThrownBy(() -> a.actor(GpuProbe::new).options(ActorOptions.builder().gpus(1).build()).remote())
          .isInstanceOf(dev.flotilla.api.QuotaExceededException.class);
      assertThat(a.task(MathFns::square, 3).remote().get(WAIT)).as("CPU work").isEqualTo(9);
    }
  }

  @Test
  void withoutTheEdgeSecret_noSession() {
    assertThatThrownBy(() -> Flotilla.connect(cluster.cluster().address().toString()))
        .isInstanceOf(FlotillaException.class).hasMessageContaining("only through the api-server");
    assertThatThrownBy(() -> FlotillaProviderImpl.connectForTenant(cluster.cluster().address().toString(),
        new EdgeSession("acme", "vision", Map.of(), Map.of(), "not-the-secret")))
        .isInstanceOf(FlotillaException.class).hasMessageContaining("only the api-server");
  }

  private static dev.flotilla.protocol.scheduler.v1.UsageResponse usage(String secret, String tenant) {
    var channel = Channels.open(cluster.cluster().address().target());
    try {
      return withSecret(channel, secret)
          .usage(dev.flotilla.protocol.scheduler.v1.UsageRequest.newBuilder().setTenant(tenant).build());
    } finally {
      Channels.close(channel);
    }
  }

  /** A stub presenting {@code secret} as the edge does, with a 10 s deadline. */
  private static DriverServiceGrpc.DriverServiceBlockingStub withSecret(io.grpc.Channel channel, String secret) {
    var headers = new io.grpc.Metadata();
    headers.put(io.grpc.Metadata.Key.of("x-flotilla-edge-secret", io.grpc.Metadata.ASCII_STRING_MARSHALLER), secret);
    return DriverServiceGrpc.newBlockingStub(channel)
        .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers))
        .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Cluster status as asked without a session, presenting {@code secret} (the operator's view). */
  private static ClusterStatusResponse status(String sessionId, String secret) {
    var channel = Channels.open(cluster.cluster().address().target());
    try {
      return withSecret(channel, secret)
          .clusterStatus(ClusterStatusRequest.newBuilder().setSessionId(sessionId).build());
    } finally {
      Channels.close(channel);
    }
  }

  private static ClusterStatusResponse status(FlotillaImpl fl) {
    var channel = Channels.open(fl.address().target());
    try {
      return DriverServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
          .clusterStatus(ClusterStatusRequest.newBuilder().setSessionId(fl.sessionId()).build());
    } finally {
      Channels.close(channel);
    }
  }
}
