package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.sim.SimNode;
import dev.flotilla.scheduler.core.sim.SimTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskQueueOrderTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private final ClusterState state = new ClusterState();
  private final TaskQueue queue = new TaskQueue(Planner.withDefaults());

  private void add(SimTask t) {
    queue.add(t.jobId(), t.request(), t.dependencies(), T0);
  }

  private List<String> scheduledIds() {
    return queue.schedule(state, T0).stream().map(Placement::taskId).toList();
  }

  @Test
  void schedule_oneJob_placesInSubmissionOrder() {
    SimNode.named("n1").cpus(2).registerIn(state);
    add(SimTask.named("t1").cpus(1));
    add(SimTask.named("t2").cpus(1));
    add(SimTask.named("t3").cpus(1));

    assertThat(scheduledIds()).containsExactly("t1", "t2");
    assertThat(queue.reason("t3"))
        .contains("needs CPU:1; the most free on any node is CPU:0 (node n1)");
  }

  @Test
  void schedule_dependencyResolvedLate_keepsSubmissionOrder() {
    SimNode.named("n1").cpus(1).registerIn(state);
    add(SimTask.named("first").cpus(1).after("o"));
    add(SimTask.named("second").cpus(1));
    queue.objectReady("o", Map.of());

    assertThat(scheduledIds()).containsExactly("first");
  }

  @Test
  void schedule_twoJobs_alternatesBetweenThem() {
    SimNode.named("n1").cpus(4).registerIn(state);
    for (int i = 0; i < 4; i++) {
      add(SimTask.named("a" + i).job("a").cpus(1));
    }
    add(SimTask.named("b0").job("b").cpus(1));
    add(SimTask.named("b1").job("b").cpus(1));

    assertThat(scheduledIds()).containsExactly("a0", "b0", "a1", "b1");
  }

  @Test
  void schedule_successiveCalls_rotateFirstJob() {
    SimNode.named("n1").cpus(1).registerIn(state);
    add(SimTask.named("a0").job("a").cpus(1));
    add(SimTask.named("b0").job("b").cpus(1));
    queue.schedule(state, T0);
    state.reservations("n1").forEach(state::release);
    add(SimTask.named("a1").job("a").cpus(1));

    assertThat(scheduledIds()).containsExactly("b0");
  }

  @Test
  void schedule_headDoesNotFit_smallerTaskBehindItBackfills() {
    SimNode.named("n1").cpus(4).registerIn(state);
    add(SimTask.named("big").cpus(8));
    add(SimTask.named("small").cpus(1));

    assertThat(scheduledIds()).containsExactly("small");
    assertThat(queue.reason("big")).contains("needs CPU:8; the largest node has CPU:4 (node n1)");
  }

  @Test
  void schedule_gpuTaskOnCpuFleet_explainsMissingGpu() {
    SimNode.named("n1").cpus(4).registerIn(state);
    add(SimTask.named("t").cpus(1).gpus(1));

    assertThat(scheduledIds()).isEmpty();
    assertThat(queue.reason("t")).contains("needs GPU:1, no node has GPU");
  }

  @Test
  void schedule_labelNoNodeHas_explainsLabel() {
    SimNode.named("n1").cpus(4).gpus("A100", 1).registerIn(state);
    add(SimTask.named("t").gpus(1).label("gpu.model", "H100"));

    queue.schedule(state, T0);

    assertThat(queue.reason("t"))
        .contains("needs label gpu.model=H100; no alive node has it (gpu.model values seen: A100)");
  }

  @Test
  void schedule_reservesWhatItPlaces() {
    SimNode.named("n1").cpus(4).gpus(2).registerIn(state);
    add(SimTask.named("t").cpus(2).gpus(0.5));

    Placement p = queue.schedule(state, T0).getFirst();

    assertThat(p.reservation().gpuIndices()).containsExactly(0);
    assertThat(state.node("n1").orElseThrow().available())
        .isEqualTo(Resources.parse("CPU:2, GPU:1.5"));
  }
}
