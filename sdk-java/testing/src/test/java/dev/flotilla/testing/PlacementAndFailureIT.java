package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskOptions;
import dev.flotilla.api.WorkerDiedException;
import dev.flotilla.deploy.cluster.ManagedProcess;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GPU placement with a visible pending reason, and retry after an executor is SIGKILLed. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlacementAndFailureIT {
  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2).configure(o -> o.cpusPerWorker(2));

  @Test
  @Order(1)
  void executorKilledMidTask_taskRetriedElsewhere_resultCorrect() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<Long> r = fl.task(MathFns::slowPid, 4_000L).options(TaskOptions.builder().name("slow").maxRetries(3).build()).remote();
      ProcessHandle executor = Await.until("an executor running the task", Duration.ofSeconds(60),
          () -> executors().stream().findFirst().orElse(null),
          e -> e != null && cluster.cluster().status().getRunningTasks() == 1);
      executor.destroyForcibly();
      long ranOn = r.get(Duration.ofSeconds(60));
      assertThat(ranOn).as("the retry ran in a new executor").isNotEqualTo(executor.pid());
    }
  }

  @Test
  @Order(2)
  void gpuTask_noGpuNode_pendingWithReason_thenPlacedWhenGpuWorkerJoins() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<String> r = fl.task(MathFns::cudaVisibleDevices)
          .options(TaskOptions.builder().gpus(1).name("needs-gpu").build()).remote();
      ClusterStatusResponse pending = Await.until("the GPU task to be pending with a reason", Duration.ofSeconds(30),
          () -> cluster.cluster().status(),
          s -> s.getPendingList().stream().anyMatch(p -> p.getName().equals("needs-gpu") && p.getReason().contains("GPU")));
      assertThat(pending.getPendingList().getFirst().getReason()).containsIgnoringCase("GPU");

      cluster.cluster().addWorker(2);
      cluster.cluster().awaitNodes(3, Duration.ofSeconds(60));
      assertThat(r.get(Duration.ofSeconds(60))).as("CUDA_VISIBLE_DEVICES inside the task").isEqualTo("0");
    }
  }

  @Test
  @Order(3)
  void taskThatKillsItsExecutor_retriesExhausted_throwsWorkerDied() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<Integer> r = fl.task(MathFns::crashExecutor)
          .options(TaskOptions.builder().maxRetries(1).name("crasher").build()).remote();
      assertThatThrownBy(() -> r.get(Duration.ofSeconds(60)))
          .isInstanceOf(WorkerDiedException.class)
          .hasMessageContaining("crasher")
          .hasMessageContaining("exited with code 3");
    }
  }

  @Test
  @Order(4)
  void longTask_runsPastKeepalivePings_completes() {
    // Idle gRPC streams see keepalive pings every 30 s; servers must permit them, or they cut the
    // executor's stream after about a minute and the task never finishes.
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<Long> r = fl.task(MathFns::slowPid, 75_000L).options(TaskOptions.builder().maxRetries(0).build()).remote();
      assertThat(r.get(Duration.ofSeconds(150))).isPositive();
    }
  }

  private static List<ProcessHandle> executors() {
    return cluster.cluster().workers().stream()
        .map(ManagedProcess::handle)
        .flatMap(ProcessHandle::descendants)
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("ExecutorMain")).orElse(false))
        .toList();
  }
}
